"""Working time: SLAs count only the hours a person works.

A person's calendar is their own time zone, their team's working days and hours (default
Mon–Fri 09:00–18:00), the public holidays of the team's country and region (the ``holidays``
library), and their own time away. :func:`add_working` walks it forward; a clock "pauses"
simply because away time and days off are not working time. Everything is computed when it
is needed from the person's current settings, so a change of zone or a new absence moves
the deadlines at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache

import holidays

from domain.people.model import AwayPeriod, Person, Team
from domain.ports import UnitOfWork
from domain.timezones import at_local, local_today

MAX_DAYS = 400  # a clock that cannot finish within this many days has no deadline


@lru_cache(maxsize=64)
def _holidays(country: str, subdivision: str | None, year: int) -> frozenset[date]:
    try:
        found = holidays.country_holidays(country, subdiv=subdivision, years=year)
    except NotImplementedError:  # how the library says it has no calendar for that country
        return frozenset()  # then no public holidays are known: working days stay working
    return frozenset(found.keys())


@dataclass(frozen=True, slots=True)
class WorkCalendar:
    timezone: str
    work_days: str = "12345"
    start: time = time(9, 0)
    end: time = time(18, 0)
    country: str = "RU"
    subdivision: str | None = None
    away: tuple[tuple[datetime, datetime], ...] = field(default_factory=tuple)

    def is_working_day(self, day: date) -> bool:
        if str(day.isoweekday()) not in self.work_days:
            return False
        return day not in _holidays(self.country, self.subdivision, day.year)

    def intervals(self, since: datetime) -> Iterable[tuple[datetime, datetime]]:
        """The working intervals from ``since`` on (UTC), away time cut out."""
        day = local_today(since, self.timezone)
        for _ in range(MAX_DAYS):
            if self.is_working_day(day):
                begin = max(at_local(day, self.start, self.timezone), since)
                finish = at_local(day, self.end, self.timezone)
                if begin < finish:
                    yield from _without(begin, finish, self.away)
            day += timedelta(days=1)

    def is_working(self, moment: datetime) -> bool:
        for begin, finish in self.intervals(moment):
            return begin <= moment < finish
        return False


def _without(
    begin: datetime, finish: datetime, away: Sequence[tuple[datetime, datetime]]
) -> Iterable[tuple[datetime, datetime]]:
    pieces = [(begin, finish)]
    for a_start, a_end in away:
        next_pieces = []
        for p_start, p_end in pieces:
            if a_end <= p_start or a_start >= p_end:
                next_pieces.append((p_start, p_end))
                continue
            if p_start < a_start:
                next_pieces.append((p_start, a_start))
            if a_end < p_end:
                next_pieces.append((a_end, p_end))
        pieces = next_pieces
    return pieces


def add_working(start: datetime, minutes: int, calendar: WorkCalendar) -> datetime | None:
    """The moment ``minutes`` of working time after ``start``; None if it never comes."""
    left = timedelta(minutes=minutes)
    for begin, finish in calendar.intervals(start):
        span = finish - begin
        if span >= left:
            return begin + left
        left -= span
    return None


def calendar_of(person: Person, team: Team | None, away: Iterable[AwayPeriod] = ()) -> WorkCalendar:
    mine = tuple((p.starts_at, p.ends_at) for p in away if p.person_id == person.id)
    if team is None:
        return WorkCalendar(person.timezone, away=mine)
    return WorkCalendar(
        person.timezone,
        team.work_days,
        team.work_start,
        team.work_end,
        team.country,
        team.subdivision,
        mine,
    )


async def calendars(
    uow: UnitOfWork, people: Sequence[Person], now: datetime
) -> dict[int, WorkCalendar]:
    """Each person's calendar as it is now: zone, team hours and holidays, time away."""
    teams = {team.id: team for team in await uow.teams.all()}
    since = now - timedelta(days=MAX_DAYS)
    away = await uow.people.away_periods([p.id for p in people], ending_after=since)
    return {
        p.id: calendar_of(p, teams.get(p.team_id) if p.team_id is not None else None, away)
        for p in people
    }


def is_away_now(away: Iterable[AwayPeriod], person_id: int, now: datetime) -> bool:
    return any(p.person_id == person_id and p.covers(now) for p in away)
