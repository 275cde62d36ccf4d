"""/teams for admins: the teams with their members, and the steps that create a team or
change its name, region or default time zone."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from domain import flows
from domain.errors import Conflict, InvalidInput, NotFound
from domain.flows import FlowState
from domain.people.flows import NewTeam, StepGone, TeamEdit, TeamField
from domain.people.model import Person, Team
from domain.people.workhours import parse_holidays, parse_hours
from domain.permissions import Action, require
from domain.ports import AuditEntry, UnitOfWork
from domain.timezones import validate_timezone

TEAM_NAME_MAX = 64
REGION_MAX = 64


@dataclass(frozen=True, slots=True)
class TeamCard:
    team: Team
    members: int  # active people in the team


class TeamStep(StrEnum):
    """Where a new-team or edit-team step led."""

    ASK_REGION = "region"
    ASK_TIMEZONE = "timezone"
    CREATED = "created"
    UPDATED = "updated"


@dataclass(frozen=True, slots=True)
class TeamFormStep:
    step: TeamStep
    name: str  # the team's name, for the next question or the confirmation
    card: TeamCard | None = None  # CREATED and UPDATED: the team as it is now


@dataclass(frozen=True, slots=True)
class TeamEditStarted:
    team: Team
    field: TeamField
    replaced: FlowState | None


def clean_name(raw: str, *, limit: int, error: str) -> str:
    """Spaces collapsed; 1 to ``limit`` characters, else ``InvalidInput(error)``."""
    name = " ".join(raw.split())
    if not name or len(name) > limit:
        raise InvalidInput(error, limit=limit)
    return name


def _team_name(raw: str) -> str:
    return clean_name(raw, limit=TEAM_NAME_MAX, error="error-team-name")


def _region(raw: str) -> str:
    return clean_name(raw, limit=REGION_MAX, error="error-team-region")


async def _ensure_unique_name(uow: UnitOfWork, name: str, *, except_id: int | None) -> None:
    existing = await uow.teams.by_name(name)
    if existing is not None and existing.id != except_id:
        raise Conflict("error-team-name-taken", name=name)


async def _card(uow: UnitOfWork, team: Team) -> TeamCard:
    return TeamCard(team, await uow.people.count_in_team(team.id))


async def _team(uow: UnitOfWork, actor: Person, team_id: int) -> Team:
    require(actor, Action.MANAGE_TEAMS)
    team = await uow.teams.get(team_id)
    if team is None:
        raise NotFound()
    return team


async def list_teams(uow: UnitOfWork, *, actor: Person) -> Sequence[TeamCard]:
    """Every team with its members. Opening the list leaves any step in progress."""
    require(actor, Action.MANAGE_TEAMS)
    await uow.flows.delete(actor.id)
    return [await _card(uow, team) for team in await uow.teams.all()]


async def team_card(uow: UnitOfWork, *, actor: Person, team_id: int) -> TeamCard:
    """One team. Opening it leaves any step in progress."""
    team = await _team(uow, actor, team_id)
    await uow.flows.delete(actor.id)
    return await _card(uow, team)


async def create_team(
    uow: UnitOfWork, *, actor: Person, name: str, region: str, timezone: str, now: datetime
) -> Team:
    require(actor, Action.MANAGE_TEAMS)
    name = _team_name(name)
    region = _region(region)
    timezone = validate_timezone(timezone)
    await _ensure_unique_name(uow, name, except_id=None)
    team = await uow.teams.add(name=name, region=region, timezone=timezone)
    await uow.audit.record(
        AuditEntry(actor.id, "team.create", "team", team.id, now, {"name": name})
    )
    return team


async def update_team(
    uow: UnitOfWork,
    *,
    actor: Person,
    team_id: int,
    now: datetime,
    name: str | None = None,
    region: str | None = None,
    timezone: str | None = None,
) -> Team:
    team = await _team(uow, actor, team_id)
    changes: dict[str, str] = {}
    if name is not None:
        name = _team_name(name)
        await _ensure_unique_name(uow, name, except_id=team.id)
        changes["name"] = name
    if region is not None:
        changes["region"] = _region(region)
    if timezone is not None:
        changes["timezone"] = validate_timezone(timezone)
    updated = replace(
        team,
        name=changes.get("name", team.name),
        region=changes.get("region", team.region),
        timezone=changes.get("timezone", team.timezone),
    )
    await uow.teams.save(updated)
    await uow.audit.record(AuditEntry(actor.id, "team.update", "team", team.id, now, changes))
    return updated


async def start_new_team(uow: UnitOfWork, *, actor: Person, now: datetime) -> FlowState | None:
    """➕ New team: wait for its name. Returns the flow it replaced."""
    require(actor, Action.MANAGE_TEAMS)
    return await flows.begin(uow.flows, actor.id, NewTeam(), now=now)


async def start_team_edit(
    uow: UnitOfWork, *, actor: Person, team_id: int, field: TeamField, now: datetime
) -> TeamEditStarted:
    """✏️ / 📍 / 🕒 on a team card: wait for that field's new value."""
    team = await _team(uow, actor, team_id)
    previous = await flows.begin(uow.flows, actor.id, TeamEdit(team.id, field), now=now)
    return TeamEditStarted(team, field, previous)


async def _team_step(uow: UnitOfWork, actor: Person) -> NewTeam | TeamEdit:
    require(actor, Action.MANAGE_TEAMS)
    state = await uow.flows.get(actor.id)
    if not isinstance(state, NewTeam | TeamEdit):
        raise StepGone()
    return state


async def answer_team_step(
    uow: UnitOfWork, *, actor: Person, text: str, now: datetime
) -> TeamFormStep:
    """The value typed for the open new-team or edit-team step. Bad input raises and keeps
    the step, so the person can send it again."""
    if not text:
        raise InvalidInput("error-text-expected")
    return await _advance(uow, actor, await _team_step(uow, actor), text, now)


async def pick_team_zone(
    uow: UnitOfWork, *, actor: Person, timezone: str, now: datetime
) -> TeamFormStep:
    """A zone button under "the team's time zone?"; only while a step waits for a zone."""
    state = await _team_step(uow, actor)
    if state.waiting_for is not TeamField.TIMEZONE:
        raise StepGone()
    return await _advance(uow, actor, state, timezone, now)


async def set_working_time(
    uow: UnitOfWork, *, actor: Person, team_id: int, field: TeamField, value: str, now: datetime
) -> Team:
    """The team's working days and hours, or its holidays' country and region."""
    team = await _team(uow, actor, team_id)
    if field is TeamField.HOURS:
        days, start, end = parse_hours(value)
        updated = replace(team, work_days=days, work_start=start, work_end=end)
    else:
        country, region = parse_holidays(value)
        updated = replace(team, country=country, subdivision=region)
    await uow.teams.save_working_time(updated)
    await uow.audit.record(
        AuditEntry(actor.id, "team.working_time", "team", team.id, now, {"value": value})
    )
    return updated


async def _advance(
    uow: UnitOfWork, actor: Person, state: NewTeam | TeamEdit, value: str, now: datetime
) -> TeamFormStep:
    if isinstance(state, TeamEdit) and state.field in (TeamField.HOURS, TeamField.HOLIDAYS):
        team = await set_working_time(
            uow, actor=actor, team_id=state.team_id, field=state.field, value=value, now=now
        )
        await uow.flows.delete(actor.id)
        return TeamFormStep(TeamStep.UPDATED, team.name, await _card(uow, team))
    if isinstance(state, TeamEdit):
        team = await update_team(
            uow,
            actor=actor,
            team_id=state.team_id,
            now=now,
            name=value if state.field is TeamField.NAME else None,
            region=value if state.field is TeamField.REGION else None,
            timezone=value if state.field is TeamField.TIMEZONE else None,
        )
        await uow.flows.delete(actor.id)
        return TeamFormStep(TeamStep.UPDATED, team.name, await _card(uow, team))
    if state.name is None:
        name = _team_name(value)
        await _ensure_unique_name(uow, name, except_id=None)
        await uow.flows.save(actor.id, state.named(name), now=now)
        return TeamFormStep(TeamStep.ASK_REGION, name)
    if state.region is None:
        await uow.flows.save(actor.id, state.in_region(_region(value)), now=now)
        return TeamFormStep(TeamStep.ASK_TIMEZONE, state.name)
    team = await create_team(
        uow, actor=actor, name=state.name, region=state.region, timezone=value, now=now
    )
    await uow.flows.delete(actor.id)
    return TeamFormStep(TeamStep.CREATED, team.name, await _card(uow, team))
