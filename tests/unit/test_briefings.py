from datetime import UTC, datetime, timedelta

import pytest

from domain.briefings.flows import Answering, AnswerMode
from domain.briefings.model import (
    Answer,
    AnswerKind,
    Briefing,
    BriefingQuestion,
    BriefingStatus,
    Reply,
    parse_options,
    progress,
    quick_deadline,
    reminder_moments,
    request_moment,
    toggled,
    typed_deadline,
)
from domain.campaigns.model import Audience
from domain.errors import InvalidInput
from domain.people.model import Role
from tests.support.builders.briefings import a_campaign_to_brief, an_answer
from tests.support.builders.people import a_person as person

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
        questions=(BriefingQuestion(10, 1, "Q1"), BriefingQuestion(11, 2, "Q2", ("Yes", "No"))),
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


def test_a_sent_briefing_past_its_deadline_reads_as_closed() -> None:
    assert briefing().status_at(NOW) is BriefingStatus.SENT
    assert briefing().status_at(NOW + timedelta(days=3)) is BriefingStatus.CLOSED
    draft = briefing().with_(status=BriefingStatus.DRAFT)
    assert draft.status_at(NOW + timedelta(days=30)) is BriefingStatus.DRAFT


def test_a_briefing_asks_the_campaigns_audience_unless_it_has_its_own() -> None:
    campaign = a_campaign_to_brief(audience=Audience(all_reps=True))
    assert briefing().audience_in(campaign) == Audience(all_reps=True)
    own = Audience(team_ids=frozenset({2}))
    assert briefing().with_(audience=own).audience_in(campaign) == own


def test_a_tick_flips_all_reps_a_team_or_a_role() -> None:
    start = Audience(all_reps=True, team_ids=frozenset({1}))
    assert toggled(start, all_reps=True) == Audience(team_ids=frozenset({1}))
    assert toggled(start, team_id=1) == Audience(all_reps=True)
    assert toggled(start, team_id=2).team_ids == {1, 2}
    assert toggled(start, role=Role.TEAM_LEAD).roles == {Role.TEAM_LEAD}


def test_the_questions_still_open_are_those_without_an_answer() -> None:
    b = briefing()
    assert [q.id for q in b.unanswered([])] == [10, 11]
    assert [q.id for q in b.unanswered([an_answer(10, 1)])] == [11]
    assert b.first_to_answer([an_answer(10, 1)]).id == 11
    # Everything answered: "answer all" starts again at the first question, to change it.
    assert b.first_to_answer([an_answer(10, 1), an_answer(11, 1, "Yes")]).id == 10


def test_answering_all_goes_through_the_questions_in_order_and_one_stops_after_it() -> None:
    b = briefing()
    assert Answering(1, 10, AnswerMode.ALL).after(b) == Answering(1, 11, AnswerMode.ALL)
    assert Answering(1, 11, AnswerMode.ALL).after(b) is None
    assert Answering(1, 10, AnswerMode.ONE).after(b) is None


def test_a_briefing_without_questions_has_no_question_to_answer_or_page() -> None:
    empty = briefing().with_(questions=())
    with pytest.raises(InvalidInput) as nothing_to_answer:
        empty.first_to_answer([])
    with pytest.raises(InvalidInput) as nothing_to_page:
        empty.question_at(0)
    for caught in (nothing_to_answer, nothing_to_page):
        assert caught.value.key == "error-briefing-no-questions"
    assert briefing().question_at(7).id == 11  # a stale page shows the nearest question


@pytest.mark.parametrize(
    ("change", "key"),
    [
        ({"status": BriefingStatus.SENT}, "error-briefing-sent"),
        ({"questions": ()}, "error-briefing-no-questions"),
        ({"deadline": None}, "error-briefing-no-deadline"),
        ({"deadline": NOW}, "error-deadline-past"),
    ],
)
def test_only_a_draft_with_questions_and_a_deadline_ahead_can_be_sent(
    change: dict[str, object], key: str
) -> None:
    draft = briefing().with_(status=BriefingStatus.DRAFT)
    draft.check_sendable(NOW)
    with pytest.raises(InvalidInput) as caught:
        draft.with_(**change).check_sendable(NOW)
    assert caught.value.key == key


def test_a_quick_deadline_is_days_ahead_at_six_pm_in_the_marketers_zone() -> None:
    # 09:00 UTC on the 24th is 16:00 in Novosibirsk (UTC+7): 3 days on, 18:00 there.
    assert quick_deadline(NOW, "Asia/Novosibirsk", 3) == datetime(2026, 11, 27, 11, tzinfo=UTC)
    assert quick_deadline(NOW, "Europe/Moscow", 7) == datetime(2026, 12, 1, 15, tzinfo=UTC)
    with pytest.raises(InvalidInput):
        quick_deadline(NOW, "Europe/Moscow", 5)


def test_a_typed_deadline_is_read_in_the_marketers_zone() -> None:
    assert typed_deadline("27.11 18:00", now=NOW, timezone="Asia/Omsk") == datetime(
        2026, 11, 27, 12, tzinfo=UTC
    )
    with pytest.raises(InvalidInput) as caught:
        typed_deadline("вчера в обед", now=NOW, timezone="Europe/Moscow")
    assert caught.value.key in ("error-date-past", "error-datetime-format")


def test_the_request_waits_for_the_end_of_quiet_hours() -> None:
    assert request_moment(person(1), now=NOW) == NOW
    # 12:00 Moscow is inside 11:00-13:00: it goes out at 13:00 (10:00 UTC).
    quiet = person(1, quiet="11:00-13:00")
    assert request_moment(quiet, now=NOW) == datetime(2026, 11, 24, 10, tzinfo=UTC)


def test_a_button_question_takes_only_one_of_its_options() -> None:
    buttons = BriefingQuestion(11, 2, "Q2", ("Yes", "No"))
    assert Reply(AnswerKind.CHOICE, "No").checked_for(buttons) == Reply(AnswerKind.CHOICE, "No")
    with pytest.raises(InvalidInput):
        Reply(AnswerKind.CHOICE, "Maybe").checked_for(buttons)
    with pytest.raises(InvalidInput) as typed:
        Reply(AnswerKind.TEXT, "Yes").checked_for(buttons)
    assert typed.value.key == "error-use-answer-buttons"


def test_a_free_question_takes_text_or_a_file_with_an_optional_caption() -> None:
    free = BriefingQuestion(10, 1, "Q1")
    assert Reply(AnswerKind.TEXT, "  dose  ").checked_for(free).text == "dose"
    photo = Reply(AnswerKind.PHOTO, " shelf ", "AgAD").checked_for(free)
    assert (photo.text, photo.file_id) == ("shelf", "AgAD")
    assert Reply(AnswerKind.VOICE, None, "AwAC").checked_for(free).text is None
    with pytest.raises(InvalidInput) as empty:
        Reply(AnswerKind.TEXT, "   ").checked_for(free)
    assert empty.value.key == "error-text-expected"
    with pytest.raises(InvalidInput) as long:
        Reply(AnswerKind.TEXT, "x" * 3001).checked_for(free)
    assert long.value.key == "error-text-length"
    with pytest.raises(InvalidInput):
        Reply(AnswerKind.PHOTO, "no file").checked_for(free)


def test_the_share_who_answered_everything_is_rounded_and_zero_for_nobody() -> None:
    people = [person(1), person(2), person(3)]
    answers = [Answer(10, 1, AnswerKind.TEXT, "a", None, None, NOW)]
    answers.append(Answer(11, 1, AnswerKind.CHOICE, "No", None, None, NOW))
    assert progress(briefing(), people, answers).percent == 33
    assert progress(briefing(), [], []).percent == 0
