"""The marketers' side: the queue, a question's card, answering, duplicates, the FAQ.

Those allowed ``Action.ANSWER_QUESTIONS`` (marketers and admins) answer on any campaign. An
answer reaches the asker and everyone who said "me too"; a question marked a duplicate of an
earlier one gets that earlier answer. A published answer is in the campaign FAQ and can be
sent to every recipient once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from domain import flows
from domain.campaigns import access as campaigns
from domain.campaigns import counts
from domain.campaigns.model import Campaign, Status
from domain.errors import InvalidInput
from domain.flows import FlowState
from domain.people.model import Person, Team
from domain.permissions import Action, require
from domain.ports import AuditEntry, UnitOfWork
from domain.questions import access, outbox
from domain.questions.flows import AnsweringQuestion, finish
from domain.questions.model import (
    Question,
    QuestionStatus,
    check_duplicate,
    clean_answer,
    queue_order,
)


@dataclass(frozen=True, slots=True)
class Waiting:
    """An open question in the queue, with what its line shows."""

    question: Question
    campaign: Campaign | None
    asker: Person | None


async def queue(uow: UnitOfWork, *, actor: Person) -> list[Waiting]:
    """Every open question, most "me too" votes first, then the oldest."""
    require(actor, Action.ANSWER_QUESTIONS)
    waiting = queue_order(await uow.questions.open_questions())
    askers = {p.id: p for p in await uow.people.many([q.asked_by for q in waiting])}
    asked_about = {cid: await uow.campaigns.get(cid) for cid in {q.campaign_id for q in waiting}}
    return [Waiting(q, asked_about[q.campaign_id], askers.get(q.asked_by)) for q in waiting]


@dataclass(frozen=True, slots=True)
class QuestionCard:
    """A question as those who answer see it: who asked, from which team, and its answer."""

    question: Question
    campaign: Campaign | None
    asker: Person | None
    team: Team | None
    answerer: Person | None


async def card_of(uow: UnitOfWork, question: Question) -> QuestionCard:
    campaign = await uow.campaigns.get(question.campaign_id)
    asker = await uow.people.get(question.asked_by)
    team = await uow.teams.get(asker.team_id) if asker and asker.team_id is not None else None
    answerer = (
        await uow.people.get(question.answered_by) if question.answered_by is not None else None
    )
    return QuestionCard(question, campaign, asker, team, answerer)


async def card(uow: UnitOfWork, *, actor: Person, question_id: int) -> QuestionCard:
    """A question opened from the queue."""
    return await card_of(uow, await access.for_answerer(uow, actor, question_id))


@dataclass(frozen=True, slots=True)
class AnswerPrompt:
    """The answer flow has begun: the question, and the flow it replaced."""

    question: Question
    campaign: Campaign
    state: AnsweringQuestion
    replaced: FlowState | None


async def begin_answer(
    uow: UnitOfWork, *, actor: Person, question_id: int, publish: bool, now: datetime
) -> AnswerPrompt:
    """ "Answer" (or "Answer and publish") on a card: wait for the answer."""
    question = await access.open_for_answer(uow, actor, question_id)
    campaign = await campaigns.load(uow, question.campaign_id)
    state = AnsweringQuestion(question.id, publish)
    replaced = await flows.begin(uow.flows, actor.id, state, now=now)
    return AnswerPrompt(question, campaign, state, replaced)


@dataclass(frozen=True, slots=True)
class Answered:
    """A question just answered (or closed as a duplicate)."""

    question: Question
    campaign: Campaign
    reaches: int  # the asker and those who said "me too"


async def _close(uow: UnitOfWork, closed: Question, now: datetime) -> Answered:
    await uow.questions.save(closed)
    await outbox.deliver_answer(uow, closed, now)
    await counts.questions_changed(uow, closed.campaign_id, now)
    saved = await access.load(uow, closed.id)
    campaign = await campaigns.load(uow, saved.campaign_id)
    return Answered(saved, campaign, 1 + saved.votes)


async def answer(
    uow: UnitOfWork,
    *,
    actor: Person,
    question_id: int,
    text: str,
    publish: bool,
    now: datetime,
) -> Answered:
    """Answer an open question (and put it in the FAQ at once, if ``publish``); the answer
    goes to the asker and the voters, and the answer flow ends."""
    question = await access.open_for_answer(uow, actor, question_id)
    answered = question.with_(
        status=QuestionStatus.ANSWERED,
        answer=clean_answer(text),
        answered_by=actor.id,
        answered_at=now,
        published_at=now if publish else None,
    )
    result = await _close(uow, answered, now)
    await uow.audit.record(
        AuditEntry(actor.id, "question.answer", "question", question.id, now, {"publish": publish})
    )
    await finish(uow.flows, actor.id, AnsweringQuestion)
    return result


@dataclass(frozen=True, slots=True)
class Duplicates:
    question: Question
    candidates: Sequence[Question]  # answered questions of the same campaign, newest first


async def duplicate_candidates(uow: UnitOfWork, *, actor: Person, question_id: int) -> Duplicates:
    """The earlier questions an open one may repeat: answered directly, same campaign."""
    question = await access.open_for_answer(uow, actor, question_id)
    answered = await uow.questions.answered(question.campaign_id)
    return Duplicates(question, [q for q in answered if q.id != question.id])


async def mark_duplicate(
    uow: UnitOfWork, *, actor: Person, question_id: int, original_id: int, now: datetime
) -> Answered:
    """Close a question with an earlier one's answer, which goes to its asker and voters."""
    question = await access.open_for_answer(uow, actor, question_id)
    original = await access.load(uow, original_id)
    check_duplicate(question, original)
    closed = question.with_(
        status=QuestionStatus.DUPLICATE,
        answer=original.answer,
        answered_by=actor.id,
        answered_at=now,
        duplicate_of=original.id,
    )
    result = await _close(uow, closed, now)
    await uow.audit.record(
        AuditEntry(
            actor.id, "question.duplicate", "question", question.id, now, {"of": original.id}
        )
    )
    return result


@dataclass(frozen=True, slots=True)
class Published:
    question: Question
    campaign: Campaign


async def publish(uow: UnitOfWork, *, actor: Person, question_id: int, now: datetime) -> Published:
    """Put an answered question into the FAQ (pressing again is harmless)."""
    question = await access.for_answerer(uow, actor, question_id)
    if question.status is not QuestionStatus.ANSWERED:
        raise InvalidInput("error-question-not-answered")
    if not question.in_faq:
        await uow.questions.save(question.with_(published_at=now))
        await uow.audit.record(
            AuditEntry(actor.id, "question.publish", "question", question.id, now)
        )
        question = await access.load(uow, question.id)
    return Published(question, await campaigns.load(uow, question.campaign_id))


@dataclass(frozen=True, slots=True)
class Broadcast:
    question: Question
    count: int  # how many people it goes to


async def broadcast(
    uow: UnitOfWork, *, actor: Person, question_id: int, now: datetime
) -> Broadcast:
    """Send a published answer to every recipient of the campaign who has not had it yet;
    once per question."""
    question = await access.for_answerer(uow, actor, question_id)
    if not question.in_faq:
        raise InvalidInput("error-question-not-published")
    if question.broadcast_at is not None:
        raise InvalidInput("error-question-broadcast")
    campaign = await campaigns.load(uow, question.campaign_id)
    if campaign.status is Status.CANCELLED:
        raise InvalidInput("error-campaign-cancelled")
    count = await outbox.spread_published(uow, question, now)
    await uow.questions.save(question.with_(broadcast_at=now))
    await uow.audit.record(
        AuditEntry(actor.id, "question.broadcast", "question", question.id, now, {"to": count})
    )
    return Broadcast(await access.load(uow, question.id), count)
