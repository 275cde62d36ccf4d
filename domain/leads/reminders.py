"""The sweeps that keep leads moving: computed at run time from the lead and dispute rows
and each person's current zone, working hours, holidays and time away.

- **First action**: when a new lead's first-action deadline passes in its rep's working
  time, the rep is reminded and their team lead alerted, once per assignment.
- **Decisions**: when an open dispute passes the decision SLA in an analyst's working
  time, that analyst is reminded; at twice the SLA in an admin's, the admin is alerted.

Both enqueue with a batch key per lead/dispute and per step, so they fire once, survive
restarts, and may run any number of times.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from domain.leads import kinds
from domain.leads.model import DisputeStatus
from domain.leads.regulating import current
from domain.leads.sla import add_working, calendars, is_away_now
from domain.people.model import Person, Role
from domain.ports import Outgoing, UnitOfWork


def _outgoing(person: Person, now: datetime) -> Outgoing:
    moment = now
    if person.quiet_hours is not None:
        moment = person.quiet_hours.next_allowed(now, person.timezone)
    return Outgoing(person.id, person.telegram_id, moment)


async def first_action(uow: UnitOfWork, now: datetime) -> int:
    """Remind reps past their first-action deadline and alert their team leads; how many."""
    regulation = await uow.regulation.current()
    if regulation is None:
        return 0
    minutes = regulation.settings.first_action_minutes
    # Working time is never shorter than calendar time: a clock started less than the SLA
    # ago cannot be due yet, so the sweep looks only at older ones.
    leads = await uow.leads.awaiting_first_action(started_before=now - timedelta(minutes=minutes))
    if not leads:
        return 0
    reps = {p.id: p for p in await uow.people.many([lead.assignee_id or 0 for lead in leads])}
    team_leads = list(await uow.people.with_role(Role.TEAM_LEAD))
    clocks = await calendars(uow, list(reps.values()), now)
    reminded = 0
    for lead in leads:
        rep = reps.get(lead.assignee_id or 0)
        if rep is None or not rep.active or lead.sla_started_at is None:
            continue
        deadline = add_working(lead.sla_started_at, minutes, clocks[rep.id])
        if deadline is None or now < deadline:
            continue
        number = lead.assignment_no
        await uow.outbox.enqueue(
            kinds.REMIND, lead.id, kinds.remind_batch(number), [_outgoing(rep, now)]
        )
        leads_of_team = [p for p in team_leads if p.team_id == lead.team_id and p.id != rep.id]
        await uow.outbox.enqueue(
            kinds.ALERT,
            lead.id,
            kinds.alert_batch(number),
            [_outgoing(p, now) for p in leads_of_team],
        )
        await uow.leads.save(replace(lead, reminded_no=number))
        reminded += 1
    return reminded


async def decisions(uow: UnitOfWork, now: datetime) -> int:
    """Remind analysts of disputes past the decision SLA, then alert admins; how many rows."""
    disputes = await uow.disputes.with_status(DisputeStatus.OPEN)
    if not disputes:
        return 0
    minutes = (await current(uow)).settings.decision_minutes
    analysts = list(await uow.people.with_role(Role.ANALYST))
    admins = list(await uow.people.with_role(Role.ADMIN))
    people = {p.id: p for p in analysts + admins}
    clocks = await calendars(uow, list(people.values()), now)
    away = await uow.people.away_periods(list(people), ending_after=now)
    queued = 0
    for dispute in disputes:
        for person, factor, kind, batch in [
            *((p, 1, kinds.DISPUTE_REMIND, kinds.DISPUTE_REMIND_BATCH) for p in analysts),
            *((p, 2, kinds.DISPUTE_ALERT, kinds.DISPUTE_ALERT_BATCH) for p in admins),
        ]:
            if is_away_now(away, person.id, now):
                continue
            due = add_working(dispute.opened_at, minutes * factor, clocks[person.id])
            if due is not None and now >= due:
                queued += await uow.outbox.enqueue(
                    kind, dispute.id, batch, [_outgoing(person, now)]
                )
    return queued
