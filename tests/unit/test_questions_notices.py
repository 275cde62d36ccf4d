"""What the outbox sends about questions: each composer's decision, at the moment a row is due."""

from __future__ import annotations

from dataclasses import dataclass

from domain.people.model import Role
from domain.ports import Skip
from domain.questions import notices, outbox
from domain.questions.model import QuestionStatus
from tests.support.builders.people import NOW
from tests.support.builders.questions import a_question, an_answered_question
from tests.support.fakes.questions import Scene, a_scene


@dataclass(frozen=True)
class Due:
    kind: str
    ref_id: int
    batch: str
    person_id: int


# --- the card of a new question, and its reminder ------------------------------------------------


async def test_a_new_questions_card_shows_the_asker_the_team_and_the_campaign() -> None:
    scene = await a_scene()
    scene.questions.put(a_question(1, by=10))
    card = await notices.new_question(scene.uow, Due(outbox.ASKED, 1, "new", 1), NOW)
    assert card is not None and card.recipient == scene.marketer and not card.reminder
    assert card.card.asker == scene.reps[0] and card.card.campaign == scene.campaign
    assert card.card.team is not None and card.card.team.name == "Москва"
    reminder = await notices.question_reminder(scene.uow, Due(outbox.REMIND, 1, "remind", 1), NOW)
    assert reminder is not None and reminder.reminder


async def test_no_card_once_the_question_is_answered_or_gone() -> None:
    scene = await a_scene()
    scene.questions.put(an_answered_question(1))
    answered = await notices.new_question(scene.uow, Due(outbox.ASKED, 1, "new", 1), NOW)
    assert answered == Skip("question-closed")
    gone = await notices.new_question(scene.uow, Due(outbox.ASKED, 9, "new", 1), NOW)
    assert gone == Skip("gone")


async def test_no_card_for_someone_who_may_no_longer_answer() -> None:
    scene = await a_scene()
    scene.questions.put(a_question(1))
    await scene.uow.people.set_roles(1, frozenset({Role.REP}))  # the marketer moved to sales
    await scene.uow.people.set_active(2, False)  # the admin left
    expected = {1: "may-not-answer", 2: "may-not-answer", 99: "recipient-inactive"}
    for person_id, reason in expected.items():
        due = Due(outbox.REMIND, 1, "remind", person_id)
        assert await notices.question_reminder(scene.uow, due, NOW) == Skip(reason)


# --- the cards, closed ---------------------------------------------------------------------------


async def sent_card(scene: Scene, kind: str, batch: str, person_id: int) -> int:
    await outbox.tell_answerers(
        scene.uow, scene.campaign, a_question(1), reminder=kind == outbox.REMIND, now=NOW
    )
    return scene.uow.outbox.mark_sent(kind, 1, batch, person_id)


async def test_a_closed_card_edits_the_card_of_its_own_batch() -> None:
    scene = await a_scene()
    scene.questions.put(an_answered_question(1, by_answerer=2))
    first = await sent_card(scene, outbox.ASKED, "new", 1)
    second = await sent_card(scene, outbox.REMIND, "remind", 1)
    new = await notices.closed_card(scene.uow, Due(outbox.CLOSED, 1, "new", 1), NOW)
    remind = await notices.closed_card(scene.uow, Due(outbox.CLOSED, 1, "remind", 1), NOW)
    assert new is not None and new.message_id == first and new.answerer == scene.admin
    assert remind is not None and remind.message_id == second
    assert not new.as_duplicate


async def test_a_closed_card_says_when_the_question_was_a_duplicate() -> None:
    scene = await a_scene()
    scene.questions.put(an_answered_question(1, status=QuestionStatus.DUPLICATE, duplicate_of=7))
    await sent_card(scene, outbox.ASKED, "new", 1)
    closed = await notices.closed_card(scene.uow, Due(outbox.CLOSED, 1, "new", 1), NOW)
    assert closed is not None and closed.as_duplicate


async def test_nothing_to_edit_where_no_card_went_out() -> None:
    scene = await a_scene()
    scene.questions.put(an_answered_question(1))
    await outbox.tell_answerers(scene.uow, scene.campaign, a_question(1), reminder=False, now=NOW)
    unsent = await notices.closed_card(scene.uow, Due(outbox.CLOSED, 1, "new", 1), NOW)
    assert unsent == Skip("not-received")
    unknown = await notices.closed_card(scene.uow, Due(outbox.CLOSED, 1, "other", 1), NOW)
    assert unknown == Skip("gone")


# --- the answer ----------------------------------------------------------------------------------


async def test_the_asker_gets_the_answer_as_a_reply_to_their_question() -> None:
    scene = await a_scene()
    scene.questions.put(an_answered_question(1, by=10, message_id=77))
    mine = await notices.answer(scene.uow, Due(outbox.ANSWER, 1, "answer", 10), NOW)
    assert mine is not None and mine.to_asker and mine.reply_to_message_id == 77
    assert mine.campaign == scene.campaign and not mine.asked_before


async def test_a_voter_gets_it_as_a_new_message() -> None:
    scene = await a_scene()
    scene.questions.put(an_answered_question(1, by=10, message_id=77))
    theirs = await notices.answer(scene.uow, Due(outbox.ANSWER, 1, "answer", 11), NOW)
    assert theirs is not None and not theirs.to_asker and theirs.reply_to_message_id is None


async def test_a_duplicates_answer_says_it_was_asked_before() -> None:
    scene = await a_scene()
    scene.questions.put(an_answered_question(1, status=QuestionStatus.DUPLICATE, duplicate_of=3))
    sent = await notices.answer(scene.uow, Due(outbox.ANSWER, 1, "answer", 10), NOW)
    assert sent is not None and sent.asked_before


async def test_no_answer_goes_to_someone_who_left_or_without_an_answer() -> None:
    scene = await a_scene()
    scene.questions.put(an_answered_question(1, by=10), a_question(2, by=10))
    await scene.uow.people.set_active(10, False)
    left = await notices.answer(scene.uow, Due(outbox.ANSWER, 1, "answer", 10), NOW)
    assert left == Skip("recipient-inactive")
    unanswered = await notices.answer(scene.uow, Due(outbox.ANSWER, 2, "answer", 11), NOW)
    assert unanswered == Skip("no-answer")


# --- a published answer, to everyone -------------------------------------------------------------


async def test_a_published_answer_goes_while_it_is_in_the_faq() -> None:
    scene = await a_scene()
    scene.questions.put(an_answered_question(1, published_at=NOW), an_answered_question(2))
    sent = await notices.published_answer(scene.uow, Due(outbox.FAQ, 1, "faq", 11), NOW)
    assert sent is not None and sent.recipient == scene.reps[1]
    unpublished = await notices.published_answer(scene.uow, Due(outbox.FAQ, 2, "faq", 11), NOW)
    assert unpublished == Skip("not-in-faq")
    await scene.uow.people.set_active(11, False)
    left = await notices.published_answer(scene.uow, Due(outbox.FAQ, 1, "faq", 11), NOW)
    assert left == Skip("recipient-inactive")
