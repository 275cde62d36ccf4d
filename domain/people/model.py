"""People, their roles and teams, and the rules about who they are."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, time
from enum import StrEnum

from domain.timezones import QuietHours, at_local, to_local


class Role(StrEnum):
    ADMIN = "admin"
    MARKETER = "marketer"
    TEAM_LEAD = "team_lead"
    REP = "rep"
    ANALYST = "analyst"


ALL_ROLES: tuple[Role, ...] = tuple(Role)


class Language(StrEnum):
    RU = "ru"
    EN = "en"


def language_from_code(code: str | None) -> Language | None:
    """Map Telegram's ``language_code`` (``ru``, ``en-GB`` …) to a supported language."""
    if not code:
        return None
    prefix = code.split("-", 1)[0].split("_", 1)[0].lower()
    try:
        return Language(prefix)
    except ValueError:
        return None


def resolve_language(chosen: str | None, telegram_code: str | None, default: Language) -> Language:
    """The person's own choice, else their Telegram language, else the deployment default."""
    if chosen:
        try:
            return Language(chosen)
        except ValueError:
            pass
    return language_from_code(telegram_code) or default


@dataclass(frozen=True, slots=True)
class Team:
    id: int
    name: str
    region: str
    timezone: str
    # Working time: days of the week (1 = Monday … 7 = Sunday), hours, and the country and
    # region whose public holidays are days off. SLAs count only this time.
    work_days: str = "12345"
    work_start: time = time(9, 0)
    work_end: time = time(18, 0)
    country: str = "RU"
    subdivision: str | None = None


@dataclass(frozen=True, slots=True)
class AwayPeriod:
    """A person's time away: no new leads, their SLA clocks and reminders pause."""

    id: int
    person_id: int
    starts_at: datetime
    ends_at: datetime

    def covers(self, moment: datetime) -> bool:
        return self.starts_at <= moment < self.ends_at


BACK_AT = time(10, 0)  # a paused reminder comes no earlier than this on the day back


def after_away(moment: datetime, periods: Iterable[AwayPeriod], person: Person) -> datetime:
    """When a reminder planned for ``moment`` may reach ``person``: then, or — they are away
    then — when they are back: not before 10:00 their time on that day (a period ends at
    midnight) and out of their quiet hours. Reminders pause meanwhile."""
    periods = sorted(periods, key=lambda p: p.starts_at)
    while True:
        covering = [p for p in periods if p.covers(moment)]
        if not covering:
            return moment
        moment = max(p.ends_at for p in covering)
        local = to_local(moment, person.timezone)
        if local.time() < BACK_AT:
            moment = at_local(local.date(), BACK_AT, person.timezone)
        if person.quiet_hours is not None:
            moment = person.quiet_hours.next_allowed(moment, person.timezone)


def paused(
    plan: Mapping[str, datetime], periods: Iterable[AwayPeriod], person: Person
) -> dict[str, datetime]:
    """A reminder plan (batch -> moment) with its moments moved past ``person``'s time away
    (:func:`after_away`). Rungs that land on the same moment — all paused until the same
    return — become one: the last planned of them, so someone back from leave gets one
    reminder, not the pile."""
    periods = list(periods)
    kept: dict[datetime, tuple[datetime, str]] = {}
    for batch, planned in plan.items():
        moment = after_away(planned, periods, person)
        if moment not in kept or kept[moment][0] < planned:
            kept[moment] = (planned, batch)
    return {batch: moment for moment, (_, batch) in kept.items()}


def is_away(periods: Iterable[AwayPeriod], now: datetime) -> bool:
    """The predicate other features use to pause what they send (campaign and meeting
    reminders): is any of the person's periods running at ``now``?"""
    return any(period.covers(now) for period in periods)


@dataclass(frozen=True, slots=True)
class Person:
    id: int
    telegram_id: int
    first_name: str
    last_name: str | None
    username: str | None
    language: Language | None
    telegram_language: str | None
    timezone: str
    quiet_hours: QuietHours | None
    active: bool
    team_id: int | None
    joined_at: datetime
    roles: frozenset[Role] = field(default_factory=frozenset)
    # Set while the person has blocked the bot: they cannot be written to.
    blocked_at: datetime | None = None

    @property
    def reachable(self) -> bool:
        """Active and not blocking the bot: a message to them can go out."""
        return self.active and self.blocked_at is None

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part)

    @property
    def is_admin(self) -> bool:
        return self.active and Role.ADMIN in self.roles


@dataclass(frozen=True, slots=True)
class NewPerson:
    telegram_id: int
    first_name: str
    last_name: str | None
    username: str | None
    telegram_language: str | None
    timezone: str
    team_id: int | None
    roles: frozenset[Role]


def sorted_roles(roles: Iterable[Role]) -> list[Role]:
    """Roles in the canonical order used everywhere they are shown."""
    order = {role: index for index, role in enumerate(ALL_ROLES)}
    return sorted(set(roles), key=order.__getitem__)


def parse_roles(raw: str) -> frozenset[Role]:
    """Decode the comma-separated storage form; unknown names are dropped."""
    roles: set[Role] = set()
    for name in raw.split(","):
        name = name.strip()
        if name in Role.__members__.values():
            roles.add(Role(name))
    return frozenset(roles)
