"""Sending a briefing request: to its audience at once (each person outside their quiet
hours), with reminders for whoever has not answered everything. Each row's moment follows
its person's settings until it goes out (:mod:`domain.briefings.timing`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain.briefings import access, timing
from domain.briefings.kinds import ASK, ASK_BATCH, CLOSE, CLOSE_BATCH, REMIND
from domain.briefings.model import BriefingStatus, request_moment
from domain.briefings.reports import Report, report
from domain.errors import InvalidInput
from domain.people.away import periods_by_person
from domain.people.model import Person, paused
from domain.ports import AuditEntry, Outgoing, UnitOfWork


@dataclass(frozen=True, slots=True)
class Sent:
    """How many people the request is going to, and its progress from now on."""

    reached: int
    report: Report


async def send(uow: UnitOfWork, *, actor: Person, briefing_id: int, now: datetime) -> Sent:
    briefing, campaign = await access.managed(uow, actor=actor, briefing_id=briefing_id)
    briefing.check_sendable(now)
    audience = briefing.audience_in(campaign)
    if audience.is_empty:
        raise InvalidInput("error-briefing-no-audience")
    people = [person for person in await uow.people.active() if audience.includes(person)]
    if not people:
        raise InvalidInput("error-audience-empty")
    moments = {p.id: request_moment(p, now=now) for p in people}
    await uow.outbox.enqueue(
        ASK, briefing.id, ASK_BATCH, [Outgoing(p.id, p.telegram_id, moments[p.id]) for p in people]
    )
    away = await periods_by_person(uow, people, now)
    rungs: dict[str, list[Outgoing]] = {}
    for person in people:
        plan = timing.reminder_plan(briefing, person, sent=moments[person.id])
        # Reminders pause while a person is away: theirs comes when they are back.
        for batch, moment in paused(plan, away.get(person.id, ()), person).items():
            rungs.setdefault(batch, []).append(Outgoing(person.id, person.telegram_id, moment))
    for batch, items in sorted(rungs.items()):
        await uow.outbox.enqueue(REMIND, briefing.id, batch, items)
    # At the deadline, "change my answers" goes from every request (an edit: no quiet hours).
    assert briefing.deadline is not None  # check_sendable
    await uow.outbox.enqueue(
        CLOSE,
        briefing.id,
        CLOSE_BATCH,
        [Outgoing(p.id, p.telegram_id, briefing.deadline) for p in people],
    )
    await uow.briefings.save(briefing.with_(status=BriefingStatus.SENT, sent_at=now))
    await uow.audit.record(
        AuditEntry(actor.id, "briefing.send", "briefing", briefing.id, now, {"to": len(people)})
    )
    return Sent(len(people), await report(uow, actor=actor, briefing_id=briefing.id))


async def redeliver(uow: UnitOfWork, person: Person, now: datetime) -> int:
    """A person who had blocked the bot is back: a briefing request that could not reach
    them goes again, once, while the briefing is still open for answers."""
    queued = 0
    for row in await uow.outbox.unreachable_for(person.id, ASK):
        briefing = await uow.briefings.get(row.ref_id)
        if briefing is None or not briefing.open_for_answers(now) or row.batch != ASK_BATCH:
            continue
        moment = request_moment(person, now=now)
        if await uow.outbox.requeue(ASK, briefing.id, row.batch, person.id, due_at=moment):
            queued += 1
    return queued
