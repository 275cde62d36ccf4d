"""/away: a person sets a period away. Meanwhile they get no new leads, their SLA clocks and
lead reminders pause (:mod:`domain.leads.sla` cuts away time out of working time), and their
team lead sees it. Other features pause their own reminders with
:func:`domain.people.model.is_away` over :func:`away_periods`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from domain import flows, replanning
from domain.dates import parse_date
from domain.errors import InvalidInput
from domain.flows import FlowState
from domain.people.flows import StepGone, TypingAway
from domain.people.model import AwayPeriod, Person, Role, is_away
from domain.permissions import Action, require
from domain.ports import AuditEntry, DueDelivery, Outgoing, Skip, UnitOfWork, active_recipient
from domain.timezones import at_local, local_today

PRESET_DAYS = (1, 3, 7, 14)  # today only, 3 days, a week, two weeks
MAX_DAYS = 366
NOTICE = "person.away"  # the team lead is told
_RANGE = re.compile(r"\s*[-–—]\s*|\s+(?:по|до|to|till|until)\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class AwayView:
    periods: Sequence[AwayPeriod]  # running now or ahead, by start
    away_now: bool


AWAY = Skip("recipient-away")  # reminders pause while a person is away


async def away_now(uow: UnitOfWork, person: Person, now: datetime) -> bool:
    """Is ``person`` away at ``now``? Their reminders pause meanwhile."""
    return is_away(await uow.people.away_periods([person.id], ending_after=now), now)


async def away_periods(uow: UnitOfWork, person_id: int, now: datetime) -> Sequence[AwayPeriod]:
    """The person's periods running at ``now`` or ahead: for any feature that pauses what it
    sends to people who are away (``is_away(periods, now)``)."""
    return await uow.people.away_periods([person_id], ending_after=now)


async def periods_by_person(
    uow: UnitOfWork, people: Sequence[Person], now: datetime
) -> dict[int, list[AwayPeriod]]:
    """Everyone's periods running at ``now`` or ahead, by person id: for planning reminders
    for many people at once (:func:`domain.people.model.paused`)."""
    found: dict[int, list[AwayPeriod]] = {}
    for period in await uow.people.away_periods([p.id for p in people], ending_after=now):
        found.setdefault(period.person_id, []).append(period)
    return found


async def overview(uow: UnitOfWork, *, actor: Person, now: datetime) -> AwayView:
    require(actor, Action.SET_AWAY)
    periods = await away_periods(uow, actor.id, now)
    return AwayView(periods, is_away(periods, now))


async def start_typing(uow: UnitOfWork, *, actor: Person, now: datetime) -> FlowState | None:
    require(actor, Action.SET_AWAY)
    return await flows.begin(uow.flows, actor.id, TypingAway(), now=now)


def _end_of(day: date, timezone: str) -> datetime:
    return at_local(day + timedelta(days=1), time(0, 0), timezone)


def parse_period(text: str, *, now: datetime, timezone: str) -> tuple[datetime, datetime]:
    """``01.12-05.12`` (both days included), or one date: from now until that day's end."""
    today = local_today(now, timezone)
    parts = [p for p in _RANGE.split(text.strip(), maxsplit=1) if p]
    if not parts or len(parts) > 2:
        raise InvalidInput("error-away-format")
    first = parse_date(parts[0], today=today)
    last = parse_date(parts[1], today=today) if len(parts) == 2 else first
    start_day = first if len(parts) == 2 else today
    if last < start_day:
        raise InvalidInput("error-away-order")
    if (last - start_day).days >= MAX_DAYS:
        raise InvalidInput("error-away-long", days=MAX_DAYS)
    starts = max(now, at_local(start_day, time(0, 0), timezone))
    return starts, _end_of(last, timezone)


async def set_away(
    uow: UnitOfWork,
    *,
    actor: Person,
    now: datetime,
    days: int | None = None,
    text: str | None = None,
) -> AwayPeriod:
    """A preset (today and the next ``days - 1`` days) or typed dates."""
    require(actor, Action.SET_AWAY)
    if days is not None:
        if days not in PRESET_DAYS:
            raise InvalidInput()
        last = local_today(now, actor.timezone) + timedelta(days=days - 1)
        starts, ends = now, _end_of(last, actor.timezone)
    elif text is not None:
        if await flows.current(uow.flows, actor.id, TypingAway) is None:
            raise StepGone()
        starts, ends = parse_period(text, now=now, timezone=actor.timezone)
    else:
        raise InvalidInput()
    period = await uow.people.add_away(actor.id, starts_at=starts, ends_at=ends, now=now)
    await uow.flows.delete(actor.id)
    await replanning.follow_settings(uow, actor, now)  # their reminders move past the period
    await uow.audit.record(
        AuditEntry(actor.id, "person.away", "person", actor.id, now,
                   {"from": starts.isoformat(), "to": ends.isoformat()})
    )  # fmt: skip
    if actor.team_id is not None:
        leads = [
            p
            for p in await uow.people.with_role(Role.TEAM_LEAD)
            if p.team_id == actor.team_id and p.id != actor.id
        ]
        await uow.outbox.enqueue(
            NOTICE, period.id, "lead", [Outgoing(p.id, p.telegram_id, now) for p in leads]
        )
    return period


async def back(uow: UnitOfWork, *, actor: Person, now: datetime) -> int:
    """🏁 I'm back: the running period ends now, those ahead are dropped."""
    require(actor, Action.SET_AWAY)
    await uow.flows.delete(actor.id)
    ended = await uow.people.end_away(actor.id, now=now)
    if ended:
        await uow.audit.record(AuditEntry(actor.id, "person.back", "person", actor.id, now))
        await replanning.follow_settings(uow, actor, now)  # paused reminders come back
    return ended


@dataclass(frozen=True, slots=True)
class AwayNotice:
    """A team lead is told one of their people will be away."""

    recipient: Person
    person: Person
    period: AwayPeriod


async def away_notice(uow: UnitOfWork, due: DueDelivery, now: datetime) -> AwayNotice | Skip:
    """Sent while the period has not ended."""
    period = await uow.people.away_period(due.ref_id)
    person = await uow.people.get(period.person_id) if period is not None else None
    if period is None or person is None:
        return Skip("gone")
    recipient = await active_recipient(uow, due)
    if isinstance(recipient, Skip):
        return recipient
    if period.ends_at <= now:
        return Skip("away-ended")
    return AwayNotice(recipient, person, period)
