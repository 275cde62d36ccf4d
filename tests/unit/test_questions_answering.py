"""The marketers' use cases: the queue, a card, answering, duplicates, publishing, sending to
everyone, and the reminder sweep."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest

from domain.campaigns.model import Status
from domain.errors import Forbidden, InvalidInput, NotFound
from domain.questions import answering, outbox, reminders
from domain.questions.flows import AnsweringQuestion, AskingQuestion
from domain.questions.model import QuestionKind, QuestionStatus
from domain.timezones import QuietHours
from tests.support.builders.people import NOW, a_marketer, a_rep
from tests.support.builders.questions import (
    a_question,
    an_announced_campaign,
    an_answered_question,
)
from tests.support.fakes.questions import Scene, a_scene


async def answer(
    scene: Scene, qid: int = 1, text: str = "Да", *, publish: bool = False
) -> answering.Answered:
    async with scene.uow as uow:
        return await answering.answer(
            uow, actor=scene.marketer, question_id=qid, text=text, publish=publish, now=NOW
        )


# --- the queue and the card ----------------------------------------------------------------------


async def test_the_queue_holds_open_questions_most_voted_then_oldest_with_asker_and_campaign() -> (
    None
):
    scene = await a_scene()
    scene.campaigns.put(an_announced_campaign(2, name="Spring"))
    scene.questions.put(
        a_question(1, by=10, asked_at=NOW - timedelta(hours=3)),
        a_question(2, by=11, campaign=2),
        an_answered_question(3),
    )
    await scene.questions.vote(2, 12, at=NOW)
    waiting = await answering.queue(scene.uow, actor=scene.marketer)
    assert [w.question.id for w in waiting] == [2, 1]
    assert waiting[0].campaign is not None and waiting[0].campaign.name == "Spring"
    assert waiting[1].asker == scene.reps[0]


async def test_only_those_who_answer_see_the_queue_and_the_cards() -> None:
    scene = await a_scene()
    scene.questions.put(a_question(1))
    with pytest.raises(Forbidden):
        await answering.queue(scene.uow, actor=scene.reps[0])
    with pytest.raises(Forbidden):
        await answering.card(scene.uow, actor=scene.reps[0], question_id=1)
    with pytest.raises(NotFound):
        await answering.card(scene.uow, actor=scene.admin, question_id=9)


async def test_a_card_shows_the_askers_team_and_who_answered() -> None:
    scene = await a_scene()
    scene.questions.put(an_answered_question(1, by=10, by_answerer=2))
    card = await answering.card(scene.uow, actor=scene.marketer, question_id=1)
    assert card.asker == scene.reps[0] and card.team is not None and card.team.name == "Москва"
    assert card.answerer == scene.admin and card.campaign == scene.campaign


# --- answering -----------------------------------------------------------------------------------


async def test_beginning_an_answer_waits_for_it_and_remembers_whether_to_publish() -> None:
    scene = await a_scene()
    scene.questions.put(a_question(1))
    await scene.uow.flows.save(1, AskingQuestion(1), now=NOW)
    prompt = await answering.begin_answer(
        scene.uow, actor=scene.marketer, question_id=1, publish=True, now=NOW
    )
    assert prompt.state == AnsweringQuestion(1, publish=True)
    assert prompt.replaced == AskingQuestion(1) and prompt.campaign == scene.campaign
    assert await scene.uow.flows.get(1) == AnsweringQuestion(1, publish=True)


async def test_an_answered_question_cannot_be_answered_again_nor_by_a_rep() -> None:
    scene = await a_scene()
    scene.questions.put(an_answered_question(1), a_question(2))
    with pytest.raises(InvalidInput) as closed:
        await answering.begin_answer(
            scene.uow, actor=scene.marketer, question_id=1, publish=False, now=NOW
        )
    assert closed.value.key == "error-question-closed"
    with pytest.raises(Forbidden):
        await answering.begin_answer(
            scene.uow, actor=scene.reps[0], question_id=2, publish=False, now=NOW
        )
    assert scene.uow.flows.states == {}


async def test_an_answer_reaches_the_asker_and_the_voters_and_closes_the_cards_sent() -> None:
    scene = await a_scene()
    outbox_ = scene.uow.outbox
    scene.questions.put(a_question(1, by=10))
    scene.uow.people.put(a_marketer(3))
    await outbox.tell_answerers(scene.uow, scene.campaign, a_question(1), reminder=False, now=NOW)
    outbox_.mark_sent(outbox.ASKED, 1, "new", 1)  # marketer 3's card is still pending
    await scene.questions.vote(1, 11, at=NOW)
    await scene.questions.vote(1, 12, at=NOW)
    await scene.uow.people.set_active(12, False)
    await scene.uow.flows.save(1, AnsweringQuestion(1), now=NOW)

    answered = await answer(scene, text="  Да, с трёх лет. ")
    question = answered.question
    assert question.status is QuestionStatus.ANSWERED and question.answer == "Да, с трёх лет."
    assert (question.answered_by, question.answered_at, question.in_faq) == (1, NOW, False)
    assert answered.reaches == 3  # the asker and both voters
    assert outbox_.recipients(outbox.ANSWER, ref_id=1, batch="answer") == {10, 11}
    assert outbox_.recipients(outbox.CLOSED, ref_id=1, batch="new") == {1}
    assert outbox_.queued(outbox.CLOSED, batch="remind") == []
    assert scene.uow.audit.actions() == ["question.answer"]
    assert await scene.uow.flows.get(1) is None


async def test_answer_and_publish_puts_it_in_the_faq_at_once() -> None:
    scene = await a_scene()
    scene.questions.put(a_question(1))
    answered = await answer(scene, publish=True)
    assert answered.question.published_at == NOW and answered.question.in_faq


async def test_a_bad_answer_changes_nothing_and_someone_elses_answer_closes_it() -> None:
    scene = await a_scene()
    scene.questions.put(a_question(1))
    await scene.uow.flows.save(1, AnsweringQuestion(1), now=NOW)
    with pytest.raises(InvalidInput) as empty:
        await answer(scene, text="  ")
    assert empty.value.key == "error-text-expected"
    with pytest.raises(InvalidInput) as long:
        await answer(scene, text="x" * 2001)
    assert long.value.key == "error-text-length"
    assert scene.uow.outbox.queued(outbox.ANSWER) == []
    assert await scene.uow.flows.get(1) == AnsweringQuestion(1)
    await answer(scene, text="Да")
    with pytest.raises(InvalidInput) as again:
        await answer(scene, text="Нет")
    assert again.value.key == "error-question-closed"


async def test_a_rep_cannot_answer() -> None:
    scene = await a_scene()
    scene.questions.put(a_question(1))
    with pytest.raises(Forbidden):
        await answering.answer(
            scene.uow, actor=scene.reps[1], question_id=1, text="Да", publish=False, now=NOW
        )


# --- duplicates ----------------------------------------------------------------------------------


async def test_duplicate_candidates_are_the_campaigns_directly_answered_questions() -> None:
    scene = await a_scene()
    scene.questions.put(
        a_question(1),
        an_answered_question(2, answered_at=NOW - timedelta(hours=1)),
        an_answered_question(3),
        an_answered_question(4, status=QuestionStatus.DUPLICATE, duplicate_of=2),
        an_answered_question(5, campaign=2),
    )
    found = await answering.duplicate_candidates(scene.uow, actor=scene.marketer, question_id=1)
    assert found.question.id == 1 and [q.id for q in found.candidates] == [3, 2]


async def test_a_duplicate_gets_the_earlier_answer_and_so_do_its_voters() -> None:
    scene = await a_scene()
    scene.questions.put(an_answered_question(1, answer="До 31 декабря."), a_question(2, by=11))
    await scene.questions.vote(2, 12, at=NOW)
    closed = await answering.mark_duplicate(
        scene.uow, actor=scene.marketer, question_id=2, original_id=1, now=NOW
    )
    question = closed.question
    assert question.status is QuestionStatus.DUPLICATE and question.duplicate_of == 1
    assert question.answer == "До 31 декабря." and closed.reaches == 2
    assert scene.uow.outbox.recipients(outbox.ANSWER, ref_id=2) == {11, 12}
    assert scene.uow.audit.actions() == ["question.duplicate"]


async def test_a_duplicate_must_point_to_an_answered_question_of_the_same_campaign() -> None:
    scene = await a_scene()
    scene.questions.put(
        a_question(1), a_question(2), an_answered_question(3, campaign=2), a_question(4)
    )
    for original in (1, 3, 99):
        with pytest.raises(NotFound):
            await answering.mark_duplicate(
                scene.uow, actor=scene.marketer, question_id=1, original_id=original, now=NOW
            )
    with pytest.raises(InvalidInput) as unanswered:
        await answering.mark_duplicate(
            scene.uow, actor=scene.marketer, question_id=1, original_id=4, now=NOW
        )
    assert unanswered.value.key == "error-question-not-answered"
    with pytest.raises(Forbidden):
        await answering.duplicate_candidates(scene.uow, actor=scene.reps[0], question_id=1)


# --- publishing and sending to everyone ----------------------------------------------------------


async def test_publishing_needs_an_answer_and_pressing_again_is_harmless() -> None:
    scene = await a_scene()
    scene.questions.put(a_question(1), an_answered_question(2))
    with pytest.raises(InvalidInput) as open_:
        await answering.publish(scene.uow, actor=scene.marketer, question_id=1, now=NOW)
    assert open_.value.key == "error-question-not-answered"
    first = await answering.publish(scene.uow, actor=scene.marketer, question_id=2, now=NOW)
    later = NOW + timedelta(hours=1)
    again = await answering.publish(scene.uow, actor=scene.marketer, question_id=2, now=later)
    assert first == again and first.question.published_at == NOW
    assert first.campaign == scene.campaign
    assert scene.uow.audit.actions() == ["question.publish"]
    with pytest.raises(Forbidden):
        await answering.publish(scene.uow, actor=scene.reps[0], question_id=2, now=NOW)


async def test_a_published_answer_goes_once_to_the_recipients_who_did_not_have_it() -> None:
    scene = await a_scene()
    scene.questions.put(an_answered_question(1, by=10, published_at=NOW))
    await scene.questions.vote(1, 11, at=NOW)
    scene.uow.people.put(a_rep(14))
    await scene.uow.people.set_active(12, False)
    sent = await answering.broadcast(scene.uow, actor=scene.marketer, question_id=1, now=NOW)
    # Anton asked, Bella said "me too", 12 left, 13 and 14 never got the announcement.
    assert sent.count == 0 and sent.question.broadcast_at == NOW
    with pytest.raises(InvalidInput) as twice:
        await answering.broadcast(scene.uow, actor=scene.marketer, question_id=1, now=NOW)
    assert twice.value.key == "error-question-broadcast"


async def test_sending_to_everyone_counts_who_it_goes_to() -> None:
    scene = await a_scene()
    scene.questions.put(an_answered_question(1, by=10, published_at=NOW))
    sent = await answering.broadcast(scene.uow, actor=scene.admin, question_id=1, now=NOW)
    assert sent.count == 2
    assert scene.uow.outbox.recipients(outbox.FAQ, ref_id=1, batch="faq") == {11, 12}
    assert scene.uow.audit.actions() == ["question.broadcast"]


async def test_only_a_published_answer_of_a_live_campaign_goes_to_everyone() -> None:
    scene = await a_scene()
    scene.questions.put(an_answered_question(1))
    with pytest.raises(InvalidInput) as unpublished:
        await answering.broadcast(scene.uow, actor=scene.marketer, question_id=1, now=NOW)
    assert unpublished.value.key == "error-question-not-published"
    cancelled = await a_scene(status=Status.CANCELLED)
    cancelled.questions.put(an_answered_question(1, published_at=NOW))
    with pytest.raises(InvalidInput) as refused:
        await answering.broadcast(cancelled.uow, actor=cancelled.marketer, question_id=1, now=NOW)
    assert refused.value.key == "error-campaign-cancelled"


# --- the reminder sweep --------------------------------------------------------------------------


async def test_a_question_open_for_24_hours_is_reminded_once() -> None:
    scene = await a_scene()
    scene.questions.put(a_question(1), an_answered_question(2))
    assert await reminders.remind_unanswered(scene.uow, NOW + timedelta(hours=23)) == 0
    assert await reminders.remind_unanswered(scene.uow, NOW + timedelta(hours=24)) == 1
    assert await reminders.remind_unanswered(scene.uow, NOW + timedelta(hours=30)) == 0
    assert scene.uow.outbox.recipients(outbox.REMIND, batch="remind") == {1}
    reminded = await scene.questions.get(1)
    assert reminded is not None and reminded.reminded_at == NOW + timedelta(hours=24)


async def test_a_question_that_cannot_be_reminded_does_not_stop_the_others(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A question whose campaign is gone fails its reminder: it is logged and skipped, and
    every other question is still reminded (what the failed one wrote is rolled back)."""
    scene = await a_scene()
    scene.questions.put(a_question(1, campaign=99), a_question(2))
    with caplog.at_level(logging.ERROR):
        assert await reminders.remind_unanswered(scene.uow, NOW + timedelta(hours=24)) == 1
    assert [row.ref_id for row in scene.uow.outbox.queued(outbox.REMIND)] == [2]
    failed = await scene.questions.get(1)
    assert failed is not None and failed.reminded_at is None
    assert any("question 1" in r.getMessage() for r in caplog.records)


async def test_the_reminder_waits_for_quiet_hours_and_the_interval_can_be_shorter() -> None:
    scene = await a_scene()
    scene.questions.put(a_question(1))
    await scene.uow.people.set_quiet_hours(1, QuietHours.parse("14:00-15:00"))
    later = NOW + timedelta(hours=2)  # 14:00 in Moscow
    assert await reminders.remind_unanswered(scene.uow, later, after=timedelta(hours=2)) == 1
    [row] = scene.uow.outbox.queued(outbox.REMIND)
    assert row.due_at == later + timedelta(hours=1)


async def test_with_no_marketer_left_the_admins_are_reminded() -> None:
    scene = await a_scene()
    scene.questions.put(a_question(1, kind=QuestionKind.VOICE, text=None, file_id="AwAC"))
    await scene.uow.people.set_active(1, False)
    await reminders.remind_unanswered(scene.uow, NOW + timedelta(days=1))
    assert scene.uow.outbox.recipients(outbox.REMIND) == {2}
