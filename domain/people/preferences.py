"""A person's own settings: language, time zone, quiet hours. Each applies at once and
closes the settings step it answers (a typed zone or window); any other step the person is
on — a campaign draft, a question half-typed — stays open: an old settings button pressed
in the middle of it is no way out of it. A new zone or quiet hours also move the messages
still waiting for the person (:mod:`domain.replanning`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain import flows, replanning
from domain.flows import FlowState
from domain.people.flows import StepGone, TypingQuietHours, TypingTimezone
from domain.people.model import Language, Person
from domain.permissions import Action, require
from domain.ports import AuditEntry, UnitOfWork
from domain.timezones import QuietHours, validate_timezone

# The windows offered as buttons; any other is typed.
QUIET_PRESETS: tuple[QuietHours, ...] = tuple(
    QuietHours.parse(raw) for raw in ("22:00-08:00", "21:00-09:00", "23:00-07:00", "20:00-08:00")
)


@dataclass(frozen=True, slots=True)
class TimezoneChoice:
    """What the zone menu offers besides the common zones: the person's team's zone, first."""

    team_zone: str | None


SETTINGS_STEPS = (TypingTimezone, TypingQuietHours)


async def leave_settings_step(uow: UnitOfWork, *, actor: Person) -> None:
    """Close a typed-zone or typed-window step, and nothing else."""
    if isinstance(await uow.flows.get(actor.id), SETTINGS_STEPS):
        await uow.flows.delete(actor.id)


async def _applied(
    uow: UnitOfWork, actor: Person, setting: str, value: object, now: datetime
) -> Person:
    await leave_settings_step(uow, actor=actor)
    await uow.audit.record(
        AuditEntry(actor.id, f"settings.{setting}", "person", actor.id, now, {"value": value})
    )
    fresh = await uow.people.get(actor.id)
    assert fresh is not None
    return fresh


async def set_language(
    uow: UnitOfWork, *, actor: Person, language: Language, now: datetime
) -> Person:
    require(actor, Action.USE_SETTINGS)
    await uow.people.set_language(actor.id, language.value)
    return await _applied(uow, actor, "language", language, now)


async def choose_timezone(
    uow: UnitOfWork, *, actor: Person, now: datetime
) -> tuple[TimezoneChoice, FlowState | None]:
    """🕒: the zones to pick from, and a typed zone is awaited. Returns the replaced flow."""
    require(actor, Action.USE_SETTINGS)
    team = await uow.teams.get(actor.team_id) if actor.team_id is not None else None
    previous = await flows.begin(uow.flows, actor.id, TypingTimezone(), now=now)
    return TimezoneChoice(team.timezone if team else None), previous


async def set_timezone(uow: UnitOfWork, *, actor: Person, timezone: str, now: datetime) -> Person:
    """A zone picked or typed (any IANA name, case-insensitive)."""
    require(actor, Action.USE_SETTINGS)
    timezone = validate_timezone(timezone)
    await uow.people.set_timezone(actor.id, timezone)
    fresh = await _applied(uow, actor, "timezone", timezone, now)
    await replanning.follow_settings(uow, fresh, now)
    return fresh


async def use_team_timezone(uow: UnitOfWork, *, actor: Person, now: datetime) -> Person:
    """The team's zone, offered first; gone if the person left their team meanwhile."""
    team = await uow.teams.get(actor.team_id) if actor.team_id is not None else None
    if team is None:
        raise StepGone()
    return await set_timezone(uow, actor=actor, timezone=team.timezone, now=now)


async def choose_quiet_hours(uow: UnitOfWork, *, actor: Person, now: datetime) -> FlowState | None:
    """🌙: the presets are offered and a typed window is awaited. Returns the replaced flow."""
    require(actor, Action.USE_SETTINGS)
    return await flows.begin(uow.flows, actor.id, TypingQuietHours(), now=now)


async def set_quiet_hours(
    uow: UnitOfWork, *, actor: Person, quiet: QuietHours | None, now: datetime
) -> Person:
    """A window, or None for no quiet hours."""
    require(actor, Action.USE_SETTINGS)
    await uow.people.set_quiet_hours(actor.id, quiet)
    fresh = await _applied(uow, actor, "quiet_hours", str(quiet) if quiet else None, now)
    await replanning.follow_settings(uow, fresh, now)
    return fresh
