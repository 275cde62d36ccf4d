"""People, their roles and teams, and the rules about who they are."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, time
from enum import StrEnum

from domain.timezones import QuietHours


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
