"""Questions about a campaign, their answers, the campaign FAQ and "me too" votes.

The rules, decided here once:

- **Who asks.** Only a campaign's recipients (their announcement was delivered) may ask, say
  "me too" and read its FAQ; marketers and admins may read any FAQ too. Nobody asks about a
  cancelled campaign.
- **Who answers.** Anyone allowed ``Action.ANSWER_QUESTIONS`` (marketers and admins), on any
  campaign: every marketer may manage every campaign, so every marketer may answer. Only they
  see who asked.
- **Who is told about a new question** (and reminded about it): the campaign's creator if they
  may still answer, plus every active marketer. When there is nobody of the kind (the creator
  left and there are no marketers), every active admin, so no question goes unseen.
- **Who gets an answer.** The asker and everyone who said "me too": they had the same question.
  A question marked a duplicate of an earlier one gets that earlier answer, the same way.
- **The FAQ** is the published answers, newest first. A published answer can also be sent to
  every recipient once, except those who already got it personally.
- **The queue** is every open question, most "me too" votes first, then the oldest.
- **Reminders.** A question still open ``REMIND_AFTER`` after it was asked is reminded to the
  marketers once. It is a module constant (24 h); a ``QUESTION_REMINDER_HOURS`` setting would
  be passed in as ``after`` by the sweep.

Everything sent goes through the outbox (durable, paced, outside each person's quiet hours);
the handlers render it when it is sent.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from domain.campaigns import access
from domain.campaigns.model import Campaign, Status
from domain.errors import Forbidden, InvalidInput, NotFound
from domain.people.model import Person
from domain.permissions import Action, can, require
from domain.ports import AuditEntry, Outgoing, UnitOfWork
from domain.questions.model import (
    REMIND_AFTER,
    NewQuestion,
    Question,
    QuestionKind,
    QuestionStatus,
    answerers,
    check_duplicate,
    clean_answer,
    clean_question,
    queue_order,
    reminder_due,
)

# Outbox kinds (the ref id is the question's id).
ASKED = "question.new"  # batch "new": the question card, to the marketers
REMIND = "question.remind"  # batch "remind": the same card, once, when it waited too long
CLOSED = "question.closed"  # batches "new"/"remind": those cards edited to say it is answered
ANSWER = "question.answer"  # batch "answer": the answer, to the asker and the "me too" voters
FAQ = "question.faq"  # batch "faq": a published answer, to every other recipient


def _moment(person: Person, now: datetime) -> datetime:
    """Now, or when the person's quiet hours end."""
    if person.quiet_hours is None:
        return now
    return person.quiet_hours.next_allowed(now, person.timezone)


def _to(people: Iterable[Person], now: datetime) -> list[Outgoing]:
    return [Outgoing(p.id, p.telegram_id, _moment(p, now)) for p in people if p.active]


# --- use cases -----------------------------------------------------------------------------------


async def _question(uow: UnitOfWork, question_id: int) -> Question:
    question = await uow.questions.get(question_id)
    if question is None:
        raise NotFound()
    return question


async def _campaign(uow: UnitOfWork, campaign_id: int) -> Campaign:
    campaign = await uow.campaigns.get(campaign_id)
    if campaign is None:
        raise NotFound()
    return campaign


async def _recipient_of(uow: UnitOfWork, actor: Person, campaign_id: int) -> Campaign:
    """The campaign, for one of its recipients only (asking and "me too")."""
    campaign = await _campaign(uow, campaign_id)
    if not await access.is_recipient(uow, actor, campaign_id):
        raise Forbidden()
    if campaign.status is Status.CANCELLED:
        raise InvalidInput("error-campaign-cancelled")
    return campaign


async def may_ask(uow: UnitOfWork, actor: Person, campaign_id: int) -> Campaign:
    """Checked before the ask flow starts, and again when the question arrives."""
    return await _recipient_of(uow, actor, campaign_id)


async def ask(
    uow: UnitOfWork,
    actor: Person,
    campaign_id: int,
    *,
    kind: QuestionKind,
    text: str | None,
    file_id: str | None,
    message_id: int | None,
    now: datetime,
) -> Question:
    """Store the question and queue its card for the marketers."""
    campaign = await _recipient_of(uow, actor, campaign_id)
    clean, file = clean_question(kind, text, file_id)
    question = await uow.questions.add(
        NewQuestion(campaign.id, actor.id, kind, clean, file, message_id, now)
    )
    targets = answerers(campaign, await uow.people.active())
    await uow.outbox.enqueue(ASKED, question.id, "new", _to(targets, now))
    await uow.audit.record(
        AuditEntry(actor.id, "question.ask", "question", question.id, now, {"kind": kind.value})
    )
    return question


async def upvote(uow: UnitOfWork, actor: Person, question_id: int, *, now: datetime) -> bool:
    """ "Me too": True the first time, False when already counted."""
    question = await _question(uow, question_id)
    await _recipient_of(uow, actor, question.campaign_id)
    if question.asked_by == actor.id:
        raise InvalidInput("error-own-question")
    if not question.is_open:
        raise InvalidInput("error-question-closed")
    return await uow.questions.vote(question.id, actor.id, at=now)


@dataclass(frozen=True, slots=True)
class CampaignQuestions:
    campaign: Campaign
    faq: Sequence[Question]  # published, newest first
    open: Sequence[Question]  # queue order
    voted: frozenset[int]  # open questions the viewer said "me too" to
    can_ask: bool  # the viewer is a recipient and the campaign is not cancelled


async def campaign_questions(uow: UnitOfWork, actor: Person, campaign_id: int) -> CampaignQuestions:
    """What the FAQ screen shows: recipients, marketers and admins only. Nobody's name is in
    it: recipients see the open questions of others without knowing who asked."""
    campaign = await access.as_recipient(uow, actor=actor, campaign_id=campaign_id)
    faq = await uow.questions.faq(campaign.id)
    open_ = queue_order(await uow.questions.open_questions(campaign.id))
    voted = await uow.questions.voted_by(actor.id, [q.id for q in open_])
    can_ask = campaign.status is not Status.CANCELLED and await access.is_recipient(
        uow, actor, campaign.id
    )
    return CampaignQuestions(campaign, faq, open_, frozenset(voted), can_ask)


async def viewable(uow: UnitOfWork, actor: Person, question_id: int) -> tuple[Question, bool]:
    """A question's photo or voice message, and whether the viewer may see who asked:
    those who answer see every question with names; a recipient sees the open and published
    questions of the campaign, and their own, without names."""
    question = await _question(uow, question_id)
    if can(actor, Action.ANSWER_QUESTIONS):
        return question, True
    await access.as_recipient(uow, actor=actor, campaign_id=question.campaign_id)
    if not (question.is_open or question.in_faq or question.asked_by == actor.id):
        raise Forbidden()
    return question, False


async def queue(uow: UnitOfWork, actor: Person) -> list[Question]:
    """Every open question, for those who answer them."""
    require(actor, Action.ANSWER_QUESTIONS)
    return queue_order(await uow.questions.open_questions())


async def for_answerer(uow: UnitOfWork, actor: Person, question_id: int) -> Question:
    require(actor, Action.ANSWER_QUESTIONS)
    return await _question(uow, question_id)


async def _open_for_answer(uow: UnitOfWork, actor: Person, question_id: int) -> Question:
    question = await for_answerer(uow, actor, question_id)
    if not question.is_open:
        raise InvalidInput("error-question-closed")
    return question


async def begin_answer(uow: UnitOfWork, actor: Person, question_id: int) -> Question:
    """Checked before the answer flow starts."""
    return await _open_for_answer(uow, actor, question_id)


async def _deliver_answer(uow: UnitOfWork, question: Question, now: datetime) -> None:
    """The answer to the asker and the voters; the marketers' cards marked answered."""
    ids = [question.asked_by, *await uow.questions.voters(question.id)]
    people = [p for p in await uow.people.many(ids) if p.active]
    await uow.outbox.enqueue(ANSWER, question.id, "answer", _to(people, now))
    for kind, batch in ((ASKED, "new"), (REMIND, "remind")):
        statuses = await uow.outbox.statuses(kind, question.id, batch)
        sent = [pid for pid, status in statuses.items() if status == "sent"]
        cards = await uow.people.many(sent)
        await uow.outbox.enqueue(
            CLOSED, question.id, batch, [Outgoing(p.id, p.telegram_id, now) for p in cards]
        )


async def answer(
    uow: UnitOfWork,
    actor: Person,
    question_id: int,
    raw: str,
    *,
    publish: bool,
    now: datetime,
) -> Question:
    question = await _open_for_answer(uow, actor, question_id)
    answered = question.with_(
        status=QuestionStatus.ANSWERED,
        answer=clean_answer(raw),
        answered_by=actor.id,
        answered_at=now,
        published_at=now if publish else None,
    )
    await uow.questions.save(answered)
    await _deliver_answer(uow, answered, now)
    await uow.audit.record(
        AuditEntry(actor.id, "question.answer", "question", question.id, now, {"publish": publish})
    )
    return await _question(uow, question.id)


async def duplicate_candidates(
    uow: UnitOfWork, actor: Person, question_id: int
) -> tuple[Question, list[Question]]:
    """Earlier answered questions of the same campaign, newest first."""
    question = await _open_for_answer(uow, actor, question_id)
    answered = await uow.questions.answered(question.campaign_id)
    return question, [q for q in answered if q.id != question.id]


async def mark_duplicate(
    uow: UnitOfWork, actor: Person, question_id: int, original_id: int, *, now: datetime
) -> Question:
    question = await _open_for_answer(uow, actor, question_id)
    original = await _question(uow, original_id)
    check_duplicate(question, original)
    closed = question.with_(
        status=QuestionStatus.DUPLICATE,
        answer=original.answer,
        answered_by=actor.id,
        answered_at=now,
        duplicate_of=original.id,
    )
    await uow.questions.save(closed)
    await _deliver_answer(uow, closed, now)
    await uow.audit.record(
        AuditEntry(
            actor.id, "question.duplicate", "question", question.id, now, {"of": original.id}
        )
    )
    return await _question(uow, question.id)


async def publish(uow: UnitOfWork, actor: Person, question_id: int, *, now: datetime) -> Question:
    """Put an answered question into the FAQ (again pressing is harmless)."""
    question = await for_answerer(uow, actor, question_id)
    if question.status is not QuestionStatus.ANSWERED:
        raise InvalidInput("error-question-not-answered")
    if question.in_faq:
        return question
    await uow.questions.save(question.with_(published_at=now))
    await uow.audit.record(AuditEntry(actor.id, "question.publish", "question", question.id, now))
    return await _question(uow, question.id)


async def broadcast(
    uow: UnitOfWork, actor: Person, question_id: int, *, now: datetime
) -> tuple[Question, int]:
    """Send a published answer to every recipient of the campaign who has not had it yet.
    Once per question; returns the question and how many people it goes to."""
    question = await for_answerer(uow, actor, question_id)
    if not question.in_faq:
        raise InvalidInput("error-question-not-published")
    if question.broadcast_at is not None:
        raise InvalidInput("error-question-broadcast")
    campaign = await _campaign(uow, question.campaign_id)
    if campaign.status is Status.CANCELLED:
        raise InvalidInput("error-campaign-cancelled")
    had_it = {question.asked_by, *await uow.questions.voters(question.id)}
    ids = [pid for pid in await access.received_by(uow, campaign.id) if pid not in had_it]
    people = [p for p in await uow.people.many(ids) if p.active]
    count = await uow.outbox.enqueue(FAQ, question.id, "faq", _to(people, now))
    await uow.questions.save(question.with_(broadcast_at=now))
    await uow.audit.record(
        AuditEntry(actor.id, "question.broadcast", "question", question.id, now, {"to": count})
    )
    return await _question(uow, question.id), count


async def remind_unanswered(
    uow: UnitOfWork, *, now: datetime, after: timedelta = REMIND_AFTER
) -> int:
    """The sweep: remind the marketers, once, of every question open for ``after``.
    Idempotent: a reminded question is marked, and the outbox ignores repeats."""
    reminded = 0
    for question in await uow.questions.awaiting_reminder(asked_before=now - after):
        if not reminder_due(question, now, after=after):
            continue
        campaign = await _campaign(uow, question.campaign_id)
        targets = answerers(campaign, await uow.people.active())
        await uow.outbox.enqueue(REMIND, question.id, "remind", _to(targets, now))
        await uow.questions.save(question.with_(reminded_at=now))
        reminded += 1
    return reminded
