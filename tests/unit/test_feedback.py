"""Field feedback rules: prompt days, when a prompt is due, anonymity and the tally."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from domain.campaigns.model import Campaign, Status
from domain.errors import InvalidInput
from domain.feedback.model import (
    FeedbackSettings,
    KeyReaction,
    MediaKind,
    Reaction,
    check_prompt_days,
    check_rating,
    due_prompts,
    may_still_prompt,
    names_hidden,
    parse_prompt_days,
    prompt_day,
    prompt_moment,
    source_for,
    tally,
)
from domain.people.model import Person
from tests.support.builders.feedback import LAUNCH, a_feedback, an_announced_campaign
from tests.support.builders.people import NOW, a_rep

person = a_rep
item = a_feedback


def campaign(status: Status = Status.ANNOUNCED, launch: date | None = LAUNCH) -> Campaign:
    return an_announced_campaign(status=status, launch=launch)


@pytest.mark.parametrize(
    ("raw", "days"),
    [
        ("3, 14", (3, 14)),
        ("3 и 14", (3, 14)),
        ("14 3 3", (3, 14)),
        ("1 and 7 and 30", (1, 7, 30)),
        ("7;30", (7, 30)),
    ],
)
def test_prompt_days_are_read_from_text(raw: str, days: tuple[int, ...]) -> None:
    assert parse_prompt_days(raw) == days


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("", "error-feedback-days-format"),
        ("soon", "error-feedback-days-format"),
        ("3, -1", "error-feedback-days-format"),
        ("0, 3", "error-feedback-days-range"),
        ("181", "error-feedback-days-range"),
        ("1 2 3 4 5 6", "error-feedback-days-many"),
    ],
)
def test_bad_prompt_days_say_what_is_wrong(raw: str, key: str) -> None:
    with pytest.raises(InvalidInput) as error:
        parse_prompt_days(raw)
    assert error.value.key == key


def test_no_prompt_days_switch_prompts_off() -> None:
    assert check_prompt_days(()) == ()


def test_sources_ratings_and_anonymity() -> None:
    assert (source_for(0), source_for(3)) == ("any", "day:3")
    assert (prompt_day("any"), prompt_day("day:14"), prompt_day("day:x")) == (0, 14, 0)
    for bad in (-1, 181):
        with pytest.raises(InvalidInput):
            source_for(bad)
    assert check_rating(5) == 5
    for bad in (0, 6):
        with pytest.raises(InvalidInput):
            check_rating(bad)
    open_, secret = FeedbackSettings(1, False), FeedbackSettings(1, True)
    assert not names_hidden(item(1, 5), open_)
    assert names_hidden(item(1, 5), secret)  # anonymous now
    assert names_hidden(item(1, 5, anonymous=True), open_)  # promised then


def test_a_prompt_comes_at_ten_local_time_outside_quiet_hours() -> None:
    assert prompt_moment(LAUNCH, 3, person(1)) == datetime(2026, 12, 18, 7, 0, tzinfo=UTC)
    novosibirsk = person(2, tz="Asia/Novosibirsk")
    assert prompt_moment(LAUNCH, 3, novosibirsk) == datetime(2026, 12, 18, 3, 0, tzinfo=UTC)
    quiet = person(3, quiet="09:00-11:00")
    assert prompt_moment(LAUNCH, 3, quiet) == datetime(2026, 12, 18, 8, 0, tzinfo=UTC)
    overnight = person(4, quiet="22:00-10:30")
    assert prompt_moment(LAUNCH, 14, overnight) == datetime(2026, 12, 29, 7, 30, tzinfo=UTC)


def test_due_prompts_only_once_their_moment_has_come_and_while_fresh() -> None:
    settings = FeedbackSettings(1)
    moscow, kamchatka = person(1), person(2, tz="Asia/Kamchatka")
    reached = [(moscow, NOW), (kamchatka, NOW)]
    day3 = datetime(2026, 12, 18, 7, 0, tzinfo=UTC)

    def due(
        now: datetime, *, who: list[tuple[Person, datetime]] = reached
    ) -> list[tuple[int, int]]:
        return [(p.day, p.person.id) for p in due_prompts(campaign(), settings, who, now=now)]

    assert due(day3 - timedelta(minutes=1)) == [(3, 2)]  # 10:00 in Kamchatka came long ago
    assert due(day3) == [(3, 1), (3, 2)]
    assert due(day3 + timedelta(days=2)) == [(3, 1)]  # Kamchatka's is stale by now
    assert due(day3 + timedelta(days=3)) == []
    assert due(datetime(2026, 12, 29, 7, 0, tzinfo=UTC)) == [(14, 1), (14, 2)]
    # Reached after (or just before) the moment: that prompt is not sent.
    assert due(day3, who=[(moscow, day3 - timedelta(minutes=30))]) == []
    assert due(day3, who=[(person(5, active=False), NOW)]) == []
    for status in (Status.CANCELLED, Status.SCHEDULED, Status.DRAFT):
        assert due_prompts(campaign(status), settings, reached, now=day3) == []


def test_campaigns_stop_being_swept_after_their_last_prompt() -> None:
    settings = FeedbackSettings(1)
    assert may_still_prompt(campaign(), settings, date(2026, 12, 1))
    assert may_still_prompt(campaign(), settings, date(2027, 1, 1))
    assert not may_still_prompt(campaign(), settings, date(2027, 1, 2))
    assert not may_still_prompt(campaign(), FeedbackSettings(1, prompt_days=()), date(2026, 12, 1))
    assert not may_still_prompt(campaign(Status.CANCELLED), settings, date(2026, 12, 1))
    assert not may_still_prompt(campaign(launch=None), settings, date(2026, 12, 1))


def test_the_tally_counts_ratings_reactions_and_media() -> None:
    up, meh, down = Reaction.POSITIVE, Reaction.NEUTRAL, Reaction.NEGATIVE
    items = [
        item(1, 4, pid=1, comment="ok", reactions=(KeyReaction(0, "Daily", up),)),
        item(2, 5, pid=2, media=(MediaKind.PHOTO, MediaKind.PHOTO, MediaKind.VOICE)),
        item(3, 2, pid=1, reactions=(KeyReaction(0, "Daily", meh), KeyReaction(1, "Old", down))),
        item(4, 5, pid=3, reactions=(KeyReaction(0, "Daily", up), KeyReaction(1, "Old", up))),
    ]
    result = tally(items, ("Daily", "Discount"))
    assert (result.submissions, result.people) == (4, 3)
    assert dict(result.distribution) == {1: 0, 2: 1, 3: 0, 4: 1, 5: 2}
    assert result.average == pytest.approx(4.0)
    assert [(m.message, m.index, m.positive, m.neutral, m.negative) for m in result.messages] == [
        ("Daily", 0, 2, 1, 0),
        ("Discount", 1, 0, 0, 0),
        ("Old", None, 1, 0, 1),  # a wording since edited: kept apart
    ]
    assert (result.comments, result.photos, result.voices) == (1, 2, 1)
    empty = tally([], ("Daily",))
    assert empty.average is None and empty.messages[0].total == 0
