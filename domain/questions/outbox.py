"""What questions put in the outbox, and who gets each kind.

- **A new question** (``question.new``, batch "new"): its card, to those who answer (see
  :func:`domain.questions.model.answerers`). **A reminder** (``question.remind``, batch
  "remind"): the same card, once, when it waited too long.
- **An answer** (``question.answer``, batch "answer"): to the asker and everyone who said
  "me too": they had the same question. A duplicate gets the earlier answer the same way.
  The cards sent so far are edited to say it is answered (``question.closed``, in the batch of
  the card it edits).
- **A published answer** (``question.faq``, batch "faq"): to every recipient of the campaign
  who has not had it personally.

Everything goes out outside each person's quiet hours (edits of cards at once), paced and
durably; the ref id of every row is the question's id. A message held by quiet hours follows
the person's quiet hours as they are when it goes (:func:`replan`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from domain import plans
from domain.campaigns import access as campaigns
from domain.campaigns.model import Campaign
from domain.people.model import Person
from domain.ports import Outgoing, Planned, UnitOfWork
from domain.questions.model import Question, answerers

ASKED = "question.new"
REMIND = "question.remind"
CLOSED = "question.closed"
ANSWER = "question.answer"
FAQ = "question.faq"

NEW_BATCH = "new"
REMIND_BATCH = "remind"
ANSWER_BATCH = "answer"
FAQ_BATCH = "faq"
# The marketers' cards by batch: what a ``question.closed`` row of that batch edits.
CARDS = {NEW_BATCH: ASKED, REMIND_BATCH: REMIND}
# What goes out as soon as the person may be written to (edits of cards go at once).
HELD_BY_QUIET_HOURS = frozenset({ASKED, REMIND, ANSWER, FAQ})


def _moment(person: Person, now: datetime) -> datetime:
    """Now, or when the person's quiet hours end."""
    if person.quiet_hours is None:
        return now
    return person.quiet_hours.next_allowed(now, person.timezone)


def _to(people: Iterable[Person], now: datetime) -> list[Outgoing]:
    return [Outgoing(p.id, p.telegram_id, _moment(p, now)) for p in people if p.active]


async def tell_answerers(
    uow: UnitOfWork, campaign: Campaign, question: Question, *, reminder: bool, now: datetime
) -> int:
    """The question's card to those who answer: when it is asked, or as its reminder."""
    kind, batch = (REMIND, REMIND_BATCH) if reminder else (ASKED, NEW_BATCH)
    targets = answerers(campaign, await uow.people.active())
    return await uow.outbox.enqueue(kind, question.id, batch, _to(targets, now))


async def deliver_answer(uow: UnitOfWork, question: Question, now: datetime) -> int:
    """The answer to the asker and the "me too" voters; every card sent so far marked answered.
    Returns how many people the answer goes to."""
    ids = [question.asked_by, *await uow.questions.voters(question.id)]
    people = await uow.people.many(ids)
    count = await uow.outbox.enqueue(ANSWER, question.id, ANSWER_BATCH, _to(people, now))
    for batch, kind in CARDS.items():
        statuses = await uow.outbox.statuses(kind, question.id, batch)
        sent = await uow.people.many([pid for pid, status in statuses.items() if status == "sent"])
        await uow.outbox.enqueue(
            CLOSED, question.id, batch, [Outgoing(p.id, p.telegram_id, now) for p in sent]
        )
    return count


async def spread_published(uow: UnitOfWork, question: Question, now: datetime) -> int:
    """A published answer to every recipient of its campaign who has not had it personally.
    Returns how many people it goes to."""
    had_it = {question.asked_by, *await uow.questions.voters(question.id)}
    received = await campaigns.received_by(uow, question.campaign_id)
    people = await uow.people.many([pid for pid in received if pid not in had_it])
    return await uow.outbox.enqueue(FAQ, question.id, FAQ_BATCH, _to(people, now))


async def replan(
    uow: UnitOfWork, person: Person, waiting: Sequence[Planned], now: datetime
) -> None:
    """``person``'s quiet hours changed: what is still held for them goes as soon as the new
    ones allow (now, if they have none now)."""
    held: dict[tuple[str, int], dict[str, datetime]] = {}
    for row in waiting:
        if row.kind in HELD_BY_QUIET_HOURS:
            held.setdefault((row.kind, row.ref_id), {})[row.batch] = _moment(person, now)
    for (kind, ref_id), plan in sorted(held.items()):
        await plans.follow(uow, kind, ref_id, person, plan, now=now)
