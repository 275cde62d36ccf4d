"""Sending a briefing request: to its audience at once (each person outside their quiet
hours), with reminders for whoever has not answered everything."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain.briefings import access
from domain.briefings.kinds import ASK, ASK_BATCH, REMIND, reminder_batch
from domain.briefings.model import BriefingStatus, reminder_moments, request_moment
from domain.briefings.reports import Report, report
from domain.errors import InvalidInput
from domain.people.model import Person
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
    rungs: dict[int, list[Outgoing]] = {}
    for person in people:
        for index, moment in enumerate(reminder_moments(briefing, person, sent=moments[person.id])):
            rungs.setdefault(index + 1, []).append(Outgoing(person.id, person.telegram_id, moment))
    for number, items in rungs.items():
        await uow.outbox.enqueue(REMIND, briefing.id, reminder_batch(number), items)
    await uow.briefings.save(briefing.with_(status=BriefingStatus.SENT, sent_at=now))
    await uow.audit.record(
        AuditEntry(actor.id, "briefing.send", "briefing", briefing.id, now, {"to": len(people)})
    )
    return Sent(len(people), await report(uow, actor=actor, briefing_id=briefing.id))
