"""When each of a campaign's messages reaches its person, by that person's current settings.

The announcement goes at the schedule's moment in the recipient's own zone (now, a typed
moment, or a date at 10:00 local), outside their quiet hours; each reminder rung at its
rule's moment after that (24 h later, 10:00 local the day before launch …); a team lead's
alert two hours after the last reminder to their team, outside the lead's quiet hours.

Scheduling queues one row per recipient and rung with those moments. When a person's time
zone or quiet hours change, :func:`replan` applies the same rules again to whatever still
waits for them — their announcement, their reminders, and their team lead's alert — so the
rows go out at the moments the person's settings give *then*.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import datetime, timedelta

from domain import plans
from domain.campaigns.kinds import (
    ANNOUNCE,
    ANNOUNCE_BATCH,
    ESCALATE,
    ESCALATE_BATCH,
    REMIND,
    reminder_batch,
    rung_number,
)
from domain.campaigns.model import Campaign, Status
from domain.campaigns.schedule import DEFAULT_LOCAL_TIME, ReminderRule, Schedule
from domain.people.model import Person, Role
from domain.ports import Planned, UnitOfWork
from domain.timezones import at_local, local_today

KINDS = frozenset({ANNOUNCE, REMIND, ESCALATE})
ESCALATION_DELAY = timedelta(hours=2)


def delivery_moment(schedule: Schedule, person: Person, *, now: datetime) -> datetime:
    """When the announcement reaches this person: the schedule, then out of quiet hours."""
    moment = schedule.moment_for(person, now=now)
    if person.quiet_hours is not None:
        moment = person.quiet_hours.next_allowed(moment, person.timezone)
    return moment


def reminder_rungs(
    campaign: Campaign, person: Person, *, announced: datetime
) -> list[tuple[int, datetime]]:
    """The reminder ladder for one recipient, in order, each outside their quiet hours: for
    each rung, its number in the campaign's ladder (from 1: which rule it is) and its moment.

    Rungs that would come before the announcement itself, or less than an hour after it,
    are dropped (a campaign announced the day before launch gets no "day before" reminder),
    and so is one that would not come after the rung before it.
    """
    rungs: list[tuple[int, datetime]] = []
    for number, rule in enumerate(campaign.reminders, 1):
        if rule is ReminderRule.AFTER_24H:
            moment = announced + timedelta(hours=24)
        elif rule is ReminderRule.AFTER_48H:
            moment = announced + timedelta(hours=48)
        else:
            if campaign.launch_date is None:
                continue
            day = campaign.launch_date - timedelta(days=1)
            moment = at_local(day, DEFAULT_LOCAL_TIME, person.timezone)
        if person.quiet_hours is not None:
            moment = person.quiet_hours.next_allowed(moment, person.timezone)
        if moment < announced + timedelta(hours=1):
            continue
        if rungs and moment <= rungs[-1][1]:
            continue
        rungs.append((number, moment))
    return rungs


def reminder_moments(campaign: Campaign, person: Person, *, announced: datetime) -> list[datetime]:
    """The moments of :func:`reminder_rungs`."""
    return [moment for _, moment in reminder_rungs(campaign, person, announced=announced)]


def escalation_moment(lead: Person, last_reminder: datetime) -> datetime:
    """A team lead's alert: two hours after the last reminder to their team, outside the
    lead's own quiet hours."""
    moment = last_reminder + ESCALATION_DELAY
    if lead.quiet_hours is not None:
        moment = lead.quiet_hours.next_allowed(moment, lead.timezone)
    return moment


def reminder_plan(
    campaign: Campaign, person: Person, *, announced: datetime
) -> dict[str, datetime]:
    """The person's reminder rungs, batch → moment, after their announcement at ``announced``."""
    return {
        reminder_batch(number): moment
        for number, moment in reminder_rungs(campaign, person, announced=announced)
    }


async def plan_escalations(
    uow: UnitOfWork, campaign: Campaign, team_ids: Collection[int], *, now: datetime
) -> None:
    """Each lead of these teams is alerted two hours after the last reminder queued for
    anyone in their team (none if nobody there gets a reminder)."""
    active = await uow.people.active()
    for team_id in sorted(set(team_ids)):
        team = [p for p in active if p.team_id == team_id]
        reminders = await uow.outbox.planned(REMIND, campaign.id, people=[p.id for p in team])
        zones = {p.id: p.timezone for p in team}
        # A rung paused past the launch (its person away till then) never goes out.
        last = max(
            (row.due_at for row in reminders if _timely(campaign, row, zones[row.person_id])),
            default=None,
        )
        for lead in team:
            if Role.TEAM_LEAD not in lead.roles:
                continue
            plan: Mapping[str, datetime] = (
                {ESCALATE_BATCH: escalation_moment(lead, last)} if last is not None else {}
            )
            away = await uow.people.away_periods([lead.id], ending_after=now)
            await plans.follow(uow, ESCALATE, campaign.id, lead, plan, now=now, away=away)


def _timely(campaign: Campaign, row: Planned, timezone: str) -> bool:
    number = rung_number(row.batch)
    rule = campaign.rung_rule(number) if number is not None else None
    return not campaign.reminder_outdated(rule, local_today(row.due_at, timezone))


async def replan(
    uow: UnitOfWork, person: Person, waiting: Sequence[Planned], now: datetime
) -> None:
    """``person``'s zone or quiet hours changed: every campaign message still waiting for
    them (and their team lead's alert, which follows their reminders) moves to the moment
    the rules give now."""
    for campaign_id in sorted({row.ref_id for row in waiting if row.kind in KINDS}):
        campaign = await uow.campaigns.get(campaign_id)
        if campaign is None or campaign.schedule is None:
            continue
        if campaign.status not in (Status.SCHEDULED, Status.ANNOUNCED):
            continue
        await _replan_recipient(uow, campaign, person, now)
        if person.team_id is not None:
            await plan_escalations(uow, campaign, {person.team_id}, now=now)


async def _replan_recipient(
    uow: UnitOfWork, campaign: Campaign, person: Person, now: datetime
) -> None:
    assert campaign.schedule is not None
    rows = await uow.outbox.planned(ANNOUNCE, campaign.id, people=[person.id])
    announcement = next((row for row in rows if row.batch == ANNOUNCE_BATCH), None)
    if announcement is None:
        return  # not a recipient (a team lead, say)
    announced = announcement.due_at
    if announcement.waiting:
        announced = delivery_moment(campaign.schedule, person, now=now)
        await plans.follow(uow, ANNOUNCE, campaign.id, person, {ANNOUNCE_BATCH: announced}, now=now)
    plan = reminder_plan(campaign, person, announced=announced)
    away = await uow.people.away_periods([person.id], ending_after=now)
    await plans.follow(uow, REMIND, campaign.id, person, plan, now=now, away=away)
