from datetime import UTC, datetime, timedelta

import pytest

from domain.errors import Forbidden, InvalidInput, NotFound
from domain.people.model import Role
from domain.questions.flows import ends_flow
from domain.questions.model import (
    ANSWER_MAX,
    QUESTION_MAX,
    REMIND_AFTER,
    Question,
    QuestionKind,
    QuestionStatus,
    age,
    answerers,
    check_duplicate,
    clean_answer,
    clean_question,
    queue_order,
    reminder_due,
)
from handlers.questions.faq import FAQ_PAGE_CHARS, FAQ_PAGE_MAX, faq_pages
from tests.unit.test_campaigns import campaign, person

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def question(qid: int = 1, **changes: object) -> Question:
    base = Question(
        id=qid,
        campaign_id=1,
        asked_by=10,
        kind=QuestionKind.TEXT,
        text=f"Q{qid}",
        file_id=None,
        message_id=None,
        asked_at=NOW,
    )
    return base.with_(**changes)


def test_a_text_question_needs_text_within_the_limit() -> None:
    assert clean_question(QuestionKind.TEXT, "  Можно детям?  ", None) == ("Можно детям?", None)
    with pytest.raises(InvalidInput) as empty:
        clean_question(QuestionKind.TEXT, "   ", None)
    assert empty.value.key == "error-text-expected"
    with pytest.raises(InvalidInput) as long:
        clean_question(QuestionKind.TEXT, "x" * (QUESTION_MAX + 1), None)
    assert long.value.key == "error-text-length"
    assert long.value.args_ == {"limit": QUESTION_MAX, "length": QUESTION_MAX + 1}


def test_a_photo_may_have_a_caption_and_a_voice_message_is_its_file() -> None:
    assert clean_question(QuestionKind.PHOTO, None, "AgAD") == (None, "AgAD")
    assert clean_question(QuestionKind.PHOTO, " ценник? ", "AgAD") == ("ценник?", "AgAD")
    assert clean_question(QuestionKind.VOICE, "ignored", "AwAC") == (None, "AwAC")
    for kind in (QuestionKind.PHOTO, QuestionKind.VOICE):
        with pytest.raises(InvalidInput) as missing:
            clean_question(kind, "text", None)
        assert missing.value.key == "error-question-kind"
    with pytest.raises(InvalidInput):
        clean_question(QuestionKind.PHOTO, "x" * (QUESTION_MAX + 1), "AgAD")


def test_answers_are_trimmed_and_limited() -> None:
    assert clean_answer("  Да.\n") == "Да."
    assert clean_answer("x" * ANSWER_MAX) == "x" * ANSWER_MAX
    with pytest.raises(InvalidInput):
        clean_answer("x" * (ANSWER_MAX + 1))
    with pytest.raises(InvalidInput):
        clean_answer(" ")


def test_the_queue_puts_votes_first_then_the_oldest() -> None:
    old = question(1, asked_at=NOW - timedelta(hours=5))
    newer = question(2, asked_at=NOW - timedelta(hours=1), votes=2)
    newest = question(3, asked_at=NOW, votes=2)
    same_time = question(4, asked_at=NOW - timedelta(hours=5))
    assert [q.id for q in queue_order([old, newest, same_time, newer])] == [2, 3, 1, 4]


def test_a_reminder_is_due_once_after_24_hours_while_open() -> None:
    assert timedelta(hours=24) == REMIND_AFTER
    q = question()
    assert not reminder_due(q, NOW + timedelta(hours=23, minutes=59))
    assert reminder_due(q, NOW + timedelta(hours=24))
    assert not reminder_due(q.with_(reminded_at=NOW + timedelta(hours=24)), NOW + timedelta(days=3))
    assert not reminder_due(q.with_(status=QuestionStatus.ANSWERED), NOW + timedelta(days=3))
    assert reminder_due(q, NOW + timedelta(hours=2), after=timedelta(hours=2))


@pytest.mark.parametrize(
    ("delta", "expected"),
    [
        (timedelta(seconds=-5), ("minutes", 0)),
        (timedelta(seconds=59), ("minutes", 0)),
        (timedelta(minutes=59, seconds=59), ("minutes", 59)),
        (timedelta(hours=1), ("hours", 1)),
        (timedelta(hours=47, minutes=59), ("hours", 47)),
        (timedelta(hours=48), ("days", 2)),
        (timedelta(days=10, hours=23), ("days", 10)),
    ],
)
def test_age_in_the_largest_unit_that_fits(delta: timedelta, expected: tuple[str, int]) -> None:
    assert age(NOW, NOW + delta) == expected


def test_the_creator_and_every_marketer_are_told_admins_only_when_nobody_else() -> None:
    creator = person(1, Role.ADMIN)  # an admin who created the campaign
    marketer = person(2, Role.MARKETER)
    gone = person(3, Role.MARKETER, active=False)
    admin = person(4, Role.ADMIN)
    rep = person(5, Role.REP)
    everyone = [rep, admin, gone, marketer, creator]
    assert [p.id for p in answerers(campaign(created_by=1), everyone)] == [1, 2]
    assert [p.id for p in answerers(campaign(created_by=5), everyone)] == [2]
    # The creator left and no marketer is active: the admins see it.
    assert [p.id for p in answerers(campaign(created_by=3), [rep, admin, gone])] == [4]


def test_a_duplicate_points_to_an_answered_question_of_the_same_campaign() -> None:
    asked = question(2)
    answered = question(1, status=QuestionStatus.ANSWERED, answer="Да")
    check_duplicate(asked, answered)
    with pytest.raises(NotFound):
        check_duplicate(asked, asked)
    with pytest.raises(NotFound):
        check_duplicate(asked, answered.with_(campaign_id=2))
    with pytest.raises(InvalidInput) as unanswered:
        check_duplicate(asked, question(3))
    assert unanswered.value.key == "error-question-not-answered"
    # A duplicate's answer is borrowed: point to the original instead.
    with pytest.raises(InvalidInput):
        check_duplicate(asked, answered.with_(status=QuestionStatus.DUPLICATE))


def test_faq_pages_hold_whole_entries_within_a_message() -> None:
    assert faq_pages([]) == [[]]
    short = ["❓ <b>Q</b>\n💬 A"] * (FAQ_PAGE_MAX + 2)
    assert faq_pages(short) == [list(range(FAQ_PAGE_MAX)), [FAQ_PAGE_MAX, FAQ_PAGE_MAX + 1]]
    # Long entries (escaped HTML counts as what Telegram shows) fill a page sooner.
    long = "&amp;" * 1500  # 1500 characters on screen
    pages = faq_pages([long, long, long])
    assert pages == [[0, 1], [2]]
    assert 2 * 1500 <= FAQ_PAGE_CHARS < 3 * 1500


def test_an_answer_is_published_then_sent_to_everyone_once() -> None:
    answered = question(status=QuestionStatus.ANSWERED, answer="Да")
    assert answered.can_be_published and not answered.can_be_broadcast
    published = answered.with_(published_at=NOW)
    assert not published.can_be_published and published.can_be_broadcast
    assert not published.with_(broadcast_at=NOW).can_be_broadcast
    # An open question has nothing to publish; a duplicate's answer is the original's.
    assert not question().can_be_published
    assert not question(status=QuestionStatus.DUPLICATE, answer="Да").can_be_published


def test_only_a_refusal_about_what_was_sent_keeps_a_flow_on_its_step() -> None:
    for key in ("error-text-expected", "error-text-length", "error-question-kind"):
        assert not ends_flow(InvalidInput(key))
    assert ends_flow(InvalidInput("error-question-closed"))
    assert ends_flow(InvalidInput("error-campaign-cancelled"))
    assert ends_flow(Forbidden()) and ends_flow(NotFound())
