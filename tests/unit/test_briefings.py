from datetime import UTC, datetime, timedelta

import pytest

from domain.briefings.model import (
    Answer,
    AnswerKind,
    Briefing,
    BriefingStatus,
    Question,
    parse_options,
    progress,
    reminder_moments,
)
from domain.errors import InvalidInput
from tests.unit.test_campaigns import person

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def briefing(deadline: datetime | None = NOW + timedelta(days=3)) -> Briefing:
    return Briefing(
        id=1,
        campaign_id=1,
        created_by=1,
        created_at=NOW,
        deadline=deadline,
        status=BriefingStatus.SENT,
        sent_at=NOW,
        questions=(Question(10, 1, "Q1"), Question(11, 2, "Q2", ("Yes", "No"))),
    )


def test_options_one_per_line_or_semicolons() -> None:
    assert parse_options("Да\nНет\n\n  Не знаю ") == ("Да", "Нет", "Не знаю")
    assert parse_options("a; b") == ("a", "b")


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("one", "error-options-too-few"),
        ("\n".join("abcdefg"), "error-options-too-many"),
        ("a\n" + "x" * 41, "error-option-too-long"),
        ("Да\nда", "error-options-repeat"),
    ],
)
def test_bad_options(raw: str, key: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_options(raw)
    assert caught.value.key == key


def test_open_until_the_deadline() -> None:
    assert briefing().open_for_answers(NOW)
    assert not briefing().open_for_answers(NOW + timedelta(days=3))
    assert not briefing().with_(status=BriefingStatus.DRAFT).open_for_answers(NOW)


def test_reminders_after_a_day_and_on_the_eve_of_the_deadline() -> None:
    moments = reminder_moments(briefing(), person(1), sent=NOW)
    # 24 h later, and 10:00 Moscow (07:00 UTC) the day before the 27th's deadline.
    assert moments == [NOW + timedelta(hours=24), datetime(2026, 11, 26, 7, 0, tzinfo=UTC)]


def test_no_reminder_after_the_deadline() -> None:
    short = briefing(deadline=NOW + timedelta(hours=20))
    assert reminder_moments(short, person(1), sent=NOW) == []


def test_progress_counts_complete_and_partial() -> None:
    people = [person(1, team=1), person(2, team=1), person(3, team=2)]
    answers = [
        Answer(10, 1, AnswerKind.TEXT, "a", None, None, NOW),
        Answer(11, 1, AnswerKind.CHOICE, "Yes", None, None, NOW),
        Answer(10, 2, AnswerKind.VOICE, None, "f", None, NOW),
    ]
    result = progress(briefing(), people, answers)
    assert (result.recipients, result.answered, result.partly) == (3, 1, 1)
    assert [p.id for p in result.not_answered] == [2, 3]
    assert [(t.team_id, t.answered, t.partly) for t in result.teams] == [(1, 1, 1), (2, 0, 0)]
