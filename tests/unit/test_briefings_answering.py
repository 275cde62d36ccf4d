"""A rep answers a briefing: in turn or one question, by text, button, file; skips; changes
an answer; and what is refused (outsiders, after the deadline, the wrong kind of answer)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from domain.briefings import answering
from domain.briefings.answering import Asking, Recorded
from domain.briefings.flows import Answering, AnswerMode, WritingQuestion
from domain.briefings.kinds import ASK, ASK_BATCH
from domain.briefings.model import Answer, AnswerKind, Reply
from domain.errors import Forbidden, InvalidInput, NotFound
from domain.ports import Outgoing
from tests.support.builders.briefings import (
    a_campaign_to_brief,
    a_question,
    a_sent_briefing,
    an_answer,
)
from tests.support.builders.people import NOW, a_lead, a_marketer, a_rep
from tests.support.fakes import FakeUnitOfWork
from tests.support.fakes.briefings import briefing_uow

REP = a_rep(4, team=1)
OUTSIDER = a_lead(3, team=2)
DEADLINE = NOW + timedelta(days=3)
QUESTIONS = (a_question(1), a_question(2, 2, "Yes", "No"), a_question(3))
ALL = AnswerMode.ALL


async def world(*answers: Answer) -> FakeUnitOfWork:
    """A sent briefing of three questions (the second with buttons) that reached REP."""
    uow = briefing_uow(
        campaigns=[a_campaign_to_brief(1)],
        briefings=[a_sent_briefing(1, questions=QUESTIONS)],
        people=[a_marketer(1), OUTSIDER, REP],
    )
    for answer in answers:
        await uow.briefings.save_answer(answer)
    await uow.outbox.enqueue(ASK, 1, ASK_BATCH, [Outgoing(REP.id, REP.telegram_id, NOW)])
    await uow.outbox.enqueue(ASK, 1, ASK_BATCH, [Outgoing(OUTSIDER.id, OUTSIDER.telegram_id, NOW)])
    uow.outbox.mark_sent(ASK, 1, ASK_BATCH, REP.id)  # the outsider's is still on its way
    return uow


async def test_answering_all_starts_at_the_first_open_question() -> None:
    uow = await world(an_answer(1, REP.id))
    async with uow:
        asking = await answering.start(uow, actor=REP, briefing_id=1, question_id=None, now=NOW)
    assert asking.question.id == 2 and asking.current is None
    assert asking.state == Answering(1, 2, ALL)
    assert uow.flows.states[REP.id] == Answering(1, 2, ALL)


async def test_answering_one_question_shows_the_current_answer_to_change() -> None:
    uow = await world(an_answer(1, REP.id, "dose"))
    uow.flows.states[REP.id] = WritingQuestion(7)
    async with uow:
        asking = await answering.start(uow, actor=REP, briefing_id=1, question_id=1, now=NOW)
    assert asking.state == Answering(1, 1, AnswerMode.ONE)
    assert asking.current is not None and asking.current.text == "dose"
    assert asking.replaced == WritingQuestion(7)


async def test_only_those_the_request_reached_may_answer() -> None:
    uow = await world()
    with pytest.raises(Forbidden):
        await answering.start(uow, actor=OUTSIDER, briefing_id=1, question_id=None, now=NOW)
    with pytest.raises(Forbidden):
        await answering.pick(uow, actor=OUTSIDER, briefing_id=1, question_id=2, option=0, now=NOW)
    with pytest.raises(NotFound):
        await answering.start(uow, actor=REP, briefing_id=9, question_id=None, now=NOW)


async def test_answers_are_refused_after_the_deadline_and_nothing_is_kept() -> None:
    uow = await world()
    with pytest.raises(InvalidInput) as late:
        await answering.start(uow, actor=REP, briefing_id=1, question_id=None, now=DEADLINE)
    assert late.value.key == "error-briefing-closed"
    state = Answering(1, 1, ALL)
    with pytest.raises(InvalidInput) as typed:
        async with uow:
            await answering.answer(
                uow, actor=REP, state=state, reply=Reply(AnswerKind.TEXT, "late"), now=DEADLINE
            )
    assert typed.value.key == "error-briefing-closed"
    assert await uow.briefings.answers(1) == []


async def test_answering_all_moves_on_question_by_question_and_ends_the_flow() -> None:
    uow = await world()
    async with uow:
        step = await answering.answer(
            uow,
            actor=REP,
            state=Answering(1, 1, ALL),
            reply=Reply(AnswerKind.TEXT, " dose "),
            now=NOW,
        )
    assert isinstance(step, Asking) and step.state == Answering(1, 2, ALL)
    async with uow:
        step = await answering.pick(uow, actor=REP, briefing_id=1, question_id=2, option=1, now=NOW)
    assert isinstance(step, Asking) and step.question.id == 3
    async with uow:
        step = await answering.answer(
            uow,
            actor=REP,
            state=Answering(1, 3, ALL),
            reply=Reply(AnswerKind.PHOTO, None, "AgAD"),
            now=NOW,
        )
    assert isinstance(step, Recorded)
    assert (step.changed, step.skipped, step.left) == (False, False, 0)
    assert REP.id not in uow.flows.states
    kept = await uow.briefings.answers(1, person_id=REP.id)
    assert [(a.kind, a.text, a.file_id) for a in kept] == [
        (AnswerKind.TEXT, "dose", None),
        (AnswerKind.CHOICE, "No", None),
        (AnswerKind.PHOTO, None, "AgAD"),
    ]


async def test_one_answer_says_how_many_are_left_and_a_second_one_is_a_change() -> None:
    uow = await world()
    state = Answering(1, 1, AnswerMode.ONE)
    uow.flows.states[REP.id] = state
    first = await answering.answer(
        uow, actor=REP, state=state, reply=Reply(AnswerKind.TEXT, "a"), now=NOW
    )
    assert isinstance(first, Recorded) and (first.changed, first.left) == (False, 2)
    again = await answering.answer(
        uow, actor=REP, state=state, reply=Reply(AnswerKind.TEXT, "b"), now=NOW
    )
    assert isinstance(again, Recorded) and again.changed
    [kept] = await uow.briefings.answers(1, person_id=REP.id)
    assert (kept.text, kept.changed) == ("b", True)


async def test_a_button_pressed_outside_answering_all_records_just_that_answer() -> None:
    uow = await world()
    uow.flows.states[REP.id] = Answering(5, 1, ALL)  # was going through another briefing
    step = await answering.pick(uow, actor=REP, briefing_id=1, question_id=2, option=0, now=NOW)
    assert isinstance(step, Recorded) and step.left == 2
    assert REP.id not in uow.flows.states  # the rep moved on: no answer is waited for


async def test_another_features_step_is_left_alone_when_a_button_answers() -> None:
    uow = await world()
    uow.flows.states[REP.id] = WritingQuestion(7)
    await answering.pick(uow, actor=REP, briefing_id=1, question_id=2, option=0, now=NOW)
    assert uow.flows.states[REP.id] == WritingQuestion(7)


async def test_skipping_moves_on_and_is_not_reported_as_saved() -> None:
    uow = await world()
    step = await answering.skip(uow, actor=REP, briefing_id=1, question_id=1, now=NOW)
    assert isinstance(step, Asking) and step.state == Answering(1, 2, ALL)
    step = await answering.skip(uow, actor=REP, briefing_id=1, question_id=3, now=NOW)
    assert isinstance(step, Recorded) and (step.skipped, step.left) == (True, 3)
    with pytest.raises(NotFound):
        await answering.skip(uow, actor=REP, briefing_id=1, question_id=9, now=NOW)


async def test_a_button_question_is_answered_with_its_buttons_only() -> None:
    uow = await world()
    with pytest.raises(InvalidInput) as typed:
        await answering.answer(
            uow,
            actor=REP,
            state=Answering(1, 2),
            reply=Reply(AnswerKind.TEXT, "Yes"),
            now=NOW,
        )
    assert typed.value.key == "error-use-answer-buttons"
    with pytest.raises(NotFound):
        await answering.pick(uow, actor=REP, briefing_id=1, question_id=2, option=5, now=NOW)
    with pytest.raises(NotFound):
        await answering.pick(uow, actor=REP, briefing_id=1, question_id=1, option=0, now=NOW)


async def test_an_answer_to_a_question_no_longer_there_is_refused() -> None:
    uow = await world()
    with pytest.raises(NotFound):
        await answering.answer(
            uow,
            actor=REP,
            state=Answering(1, 9),
            reply=Reply(AnswerKind.TEXT, "?"),
            now=NOW,
        )
    with pytest.raises(NotFound):
        await answering.start(uow, actor=REP, briefing_id=1, question_id=9, now=NOW)


async def test_an_answer_that_changes_the_request_hands_back_the_request_to_redraw() -> None:
    from domain.briefings import notices
    from tests.support.fakes.shared import Row

    uow = await world()
    uow.flows.states[REP.id] = Answering(1, 1)
    async with uow:
        first = await answering.answer(
            uow, actor=REP, state=Answering(1, 1), reply=Reply(AnswerKind.TEXT, "dose"), now=NOW
        )
    assert isinstance(first, Recorded) and first.shown is not None and first.answered == (1,)
    assert first.shown.message_id == await uow.outbox.message_id(ASK, 1, ASK_BATCH, REP.id)
    assert [a.text for a in first.shown.request.answers] == ["dose"]
    # The same answer again changes nothing the request shows: nothing to redraw.
    async with uow:
        again = await answering.answer(
            uow, actor=REP, state=Answering(1, 1), reply=Reply(AnswerKind.TEXT, "dose"), now=NOW
        )
    assert again.shown is None
    # A skip changes no answer; at the deadline the request closes, never before.
    async with uow:
        skipped = await answering.skip(uow, actor=REP, briefing_id=1, question_id=3, now=NOW)
    assert skipped.shown is None
    due = Row("briefing.close", 1, "close", REP.id, REP.telegram_id, DEADLINE)
    assert await notices.closing(uow, due, NOW) == notices.OPEN
    closed = await notices.closing(uow, due, DEADLINE)
    assert isinstance(closed, notices.SentRequest) and closed.request.closed
