"""A rep answers a briefing request: every question in turn ("answer all") or the one they
pressed, with text, an answer button, a photo, a document or a voice message — and may change
an answer until the deadline.

Each step returns what the rep sees next: the next question (:class:`Asking`, its flow state
begun in the same unit of work) or where they stand (:class:`Recorded`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from domain import flows
from domain.briefings import access
from domain.briefings.flows import Answering, AnswerMode
from domain.briefings.model import Answer, AnswerKind, Briefing, BriefingQuestion, Reply
from domain.briefings.notices import SentRequest, sent_request
from domain.campaigns import access as campaigns
from domain.errors import NotFound
from domain.flows import FlowState
from domain.people.model import Person
from domain.ports import UnitOfWork


@dataclass(frozen=True, slots=True)
class Asking:
    """A question put to the rep: their current answer, if any, and the flow state that waits
    for the new one (``replaced`` is the flow it took over from). ``shown``: after an answer,
    the request message to redraw with it."""

    briefing: Briefing
    question: BriefingQuestion
    current: Answer | None
    state: Answering
    replaced: FlowState | None
    shown: SentRequest | None = None


@dataclass(frozen=True, slots=True)
class Recorded:
    """Where the rep stands when no question follows: ``left`` questions still open, and
    which are answered (to change one)."""

    briefing: Briefing
    changed: bool  # the last answer replaced an earlier one
    skipped: bool  # the last question was skipped, not answered
    left: int
    answered: tuple[int, ...] = ()  # ids of the questions with an answer
    shown: SentRequest | None = None


async def _ask(
    uow: UnitOfWork, actor: Person, briefing: Briefing, state: Answering, now: datetime
) -> Asking:
    question = briefing.question(state.question_id)
    if question is None:
        raise NotFound()
    mine = await uow.briefings.answers(briefing.id, person_id=actor.id)
    current = next((a for a in mine if a.question_id == question.id), None)
    replaced = await flows.begin(uow.flows, actor.id, state, now=now)
    return Asking(briefing, question, current, state, replaced)


async def _then(
    uow: UnitOfWork,
    actor: Person,
    briefing: Briefing,
    state: Answering,
    now: datetime,
    *,
    changed: bool = False,
    skipped: bool = False,
    before: Sequence[Answer] | None = None,
) -> Asking | Recorded:
    """The next question, or where the rep stands; after an answer that changed what the
    request shows, with the request message to redraw."""
    shown = None
    if before is not None:
        campaign = await campaigns.load(uow, briefing.campaign_id)
        shown = await sent_request(uow, actor, briefing, campaign, closed=False)
        if shown is not None and _visible(shown.request.answers) == _visible(before):
            shown = None
    following = state.after(briefing)
    if following is not None:
        return replace(await _ask(uow, actor, briefing, following, now), shown=shown)
    if isinstance(await uow.flows.get(actor.id), Answering):
        await uow.flows.delete(actor.id)
    mine = await uow.briefings.answers(briefing.id, person_id=actor.id)
    answered = tuple(q.id for q in briefing.questions if q not in briefing.unanswered(mine))
    return Recorded(briefing, changed, skipped, len(briefing.unanswered(mine)), answered, shown)


async def start(
    uow: UnitOfWork, *, actor: Person, briefing_id: int, question_id: int | None, now: datetime
) -> Asking:
    """Put a question to the rep: ``question_id``, or (None) every question in turn from the
    first one they have not answered."""
    briefing = await access.as_recipient(uow, actor=actor, briefing_id=briefing_id)
    briefing.check_open(now)
    if question_id is not None:
        return await _ask(uow, actor, briefing, Answering(briefing.id, question_id), now)
    mine = await uow.briefings.answers(briefing.id, person_id=actor.id)
    first = briefing.first_to_answer(mine)
    return await _ask(uow, actor, briefing, Answering(briefing.id, first.id, AnswerMode.ALL), now)


def _visible(answers: Sequence[Answer]) -> set[tuple[int, str, str | None, str | None]]:
    """What the request shows of a person's answers."""
    return {(a.question_id, a.kind.value, a.text, a.file_name) for a in answers}


async def _record(
    uow: UnitOfWork,
    actor: Person,
    briefing: Briefing,
    question_id: int,
    reply: Reply,
    now: datetime,
) -> bool:
    """Keep (or replace) the answer; True when it changed an earlier one."""
    briefing.check_open(now)
    question = briefing.question(question_id)
    if question is None:
        raise NotFound()
    kept = reply.checked_for(question)
    return await uow.briefings.save_answer(
        Answer(question.id, actor.id, kept.kind, kept.text, kept.file_id, kept.file_name, now)
    )


async def answer(
    uow: UnitOfWork, *, actor: Person, state: Answering, reply: Reply, now: datetime
) -> Asking | Recorded:
    """What the rep typed or sent, as the answer to the question their flow waits on."""
    briefing = await access.as_recipient(uow, actor=actor, briefing_id=state.briefing_id)
    before = await uow.briefings.answers(briefing.id, person_id=actor.id)
    changed = await _record(uow, actor, briefing, state.question_id, reply, now)
    return await _then(uow, actor, briefing, state, now, changed=changed, before=before)


async def pick(
    uow: UnitOfWork,
    *,
    actor: Person,
    briefing_id: int,
    question_id: int,
    option: int,
    now: datetime,
) -> Asking | Recorded:
    """An answer button: option number ``option`` (from 0) of the question."""
    briefing = await access.as_recipient(uow, actor=actor, briefing_id=briefing_id)
    question = briefing.question(question_id)
    if question is None or option >= len(question.options):
        raise NotFound()
    reply = Reply(AnswerKind.CHOICE, question.options[option])
    before = await uow.briefings.answers(briefing.id, person_id=actor.id)
    changed = await _record(uow, actor, briefing, question_id, reply, now)
    # Going through every question in turn, the button moves on to the next one.
    current = flows.as_state(await uow.flows.get(actor.id), Answering)
    mode = (
        current.mode
        if current is not None and current.briefing_id == briefing.id
        else AnswerMode.ONE
    )
    state = Answering(briefing.id, question_id, mode)
    return await _then(uow, actor, briefing, state, now, changed=changed, before=before)


async def skip(
    uow: UnitOfWork, *, actor: Person, briefing_id: int, question_id: int, now: datetime
) -> Asking | Recorded:
    """The rep skips a question while answering every question in turn: on to the next."""
    briefing = await access.as_recipient(uow, actor=actor, briefing_id=briefing_id)
    if briefing.question(question_id) is None:
        raise NotFound()
    state = Answering(briefing.id, question_id, AnswerMode.ALL)
    return await _then(uow, actor, briefing, state, now, skipped=True)
