"""Use cases for admins managing people and teams."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime

from domain.errors import Conflict, InvalidInput, NotFound
from domain.people.model import Person, Role, Team
from domain.permissions import Action, require
from domain.ports import AuditEntry, UnitOfWork
from domain.timezones import validate_timezone

TEAM_NAME_MAX = 64
REGION_MAX = 64


@dataclass(frozen=True, slots=True)
class PeoplePage:
    people: Sequence[Person]
    page: int
    pages: int
    total: int


async def people_page(uow: UnitOfWork, actor: Person, *, page: int, page_size: int) -> PeoplePage:
    require(actor, Action.MANAGE_PEOPLE)
    total = await uow.people.count()
    pages = max(1, -(-total // page_size))
    page = min(max(page, 0), pages - 1)
    people = await uow.people.page(offset=page * page_size, limit=page_size)
    return PeoplePage(people, page, pages, total)


async def get_person(uow: UnitOfWork, actor: Person, person_id: int) -> Person:
    require(actor, Action.MANAGE_PEOPLE)
    person = await uow.people.get(person_id)
    if person is None:
        raise NotFound()
    return person


async def _guard_admin_loss(
    uow: UnitOfWork, actor: Person, target: Person, protected: Collection[int]
) -> None:
    """Refuse a change that would take admin rights from a configured admin, from oneself,
    or from the last active admin."""
    if target.telegram_id in protected:
        raise InvalidInput("error-config-admin")
    if target.id == actor.id:
        raise InvalidInput("error-self-admin")
    if target.is_admin and await uow.people.count_active_with_role(Role.ADMIN) <= 1:
        raise InvalidInput("error-last-admin")


async def toggle_role(
    uow: UnitOfWork,
    actor: Person,
    person_id: int,
    role: Role,
    *,
    now: datetime,
    protected_admins: Collection[int],
) -> Person:
    target = await get_person(uow, actor, person_id)
    if role in target.roles:
        if len(target.roles) == 1:
            raise InvalidInput("error-last-role")
        if role is Role.ADMIN:
            await _guard_admin_loss(uow, actor, target, protected_admins)
        roles = target.roles - {role}
    else:
        roles = target.roles | {role}
    await uow.people.set_roles(target.id, roles)
    await uow.audit.record(
        AuditEntry(
            actor.id,
            "person.roles",
            "person",
            target.id,
            now,
            {"before": sorted(target.roles), "after": sorted(roles)},
        )
    )
    return await get_person(uow, actor, person_id)


async def set_person_team(
    uow: UnitOfWork, actor: Person, person_id: int, team_id: int | None, *, now: datetime
) -> Person:
    target = await get_person(uow, actor, person_id)
    if team_id is not None and await uow.teams.get(team_id) is None:
        raise NotFound()
    await uow.people.set_team(target.id, team_id)
    await uow.audit.record(
        AuditEntry(
            actor.id,
            "person.team",
            "person",
            target.id,
            now,
            {"before": target.team_id, "after": team_id},
        )
    )
    return await get_person(uow, actor, person_id)


async def set_person_active(
    uow: UnitOfWork,
    actor: Person,
    person_id: int,
    active: bool,
    *,
    now: datetime,
    protected_admins: Collection[int],
) -> Person:
    target = await get_person(uow, actor, person_id)
    if target.active == active:
        return target
    if not active:
        if target.telegram_id in protected_admins:
            raise InvalidInput("error-config-admin")
        if target.id == actor.id:
            raise InvalidInput("error-self-deactivate")
        if target.is_admin and await uow.people.count_active_with_role(Role.ADMIN) <= 1:
            raise InvalidInput("error-last-admin")
    await uow.people.set_active(target.id, active)
    await uow.audit.record(
        AuditEntry(
            actor.id,
            "person.reactivate" if active else "person.deactivate",
            "person",
            target.id,
            now,
        )
    )
    return await get_person(uow, actor, person_id)


def clean_name(raw: str, *, limit: int, error: str) -> str:
    name = " ".join(raw.split())
    if not name or len(name) > limit:
        raise InvalidInput(error, limit=limit)
    return name


async def list_teams(uow: UnitOfWork, actor: Person, action: Action) -> Sequence[Team]:
    require(actor, action)
    return await uow.teams.all()


async def get_team(uow: UnitOfWork, actor: Person, team_id: int) -> Team:
    require(actor, Action.MANAGE_TEAMS)
    team = await uow.teams.get(team_id)
    if team is None:
        raise NotFound()
    return team


async def _ensure_unique_name(uow: UnitOfWork, name: str, *, except_id: int | None) -> None:
    existing = await uow.teams.by_name(name)
    if existing is not None and existing.id != except_id:
        raise Conflict("error-team-name-taken", name=name)


async def create_team(
    uow: UnitOfWork, actor: Person, *, name: str, region: str, timezone: str, now: datetime
) -> Team:
    require(actor, Action.MANAGE_TEAMS)
    name = clean_name(name, limit=TEAM_NAME_MAX, error="error-team-name")
    region = clean_name(region, limit=REGION_MAX, error="error-team-region")
    timezone = validate_timezone(timezone)
    await _ensure_unique_name(uow, name, except_id=None)
    team = await uow.teams.add(name=name, region=region, timezone=timezone)
    await uow.audit.record(
        AuditEntry(actor.id, "team.create", "team", team.id, now, {"name": name})
    )
    return team


async def update_team(
    uow: UnitOfWork,
    actor: Person,
    team_id: int,
    *,
    now: datetime,
    name: str | None = None,
    region: str | None = None,
    timezone: str | None = None,
) -> Team:
    team = await get_team(uow, actor, team_id)
    changes: dict[str, str] = {}
    if name is not None:
        name = clean_name(name, limit=TEAM_NAME_MAX, error="error-team-name")
        await _ensure_unique_name(uow, name, except_id=team.id)
        changes["name"] = name
    if region is not None:
        changes["region"] = clean_name(region, limit=REGION_MAX, error="error-team-region")
    if timezone is not None:
        changes["timezone"] = validate_timezone(timezone)
    updated = Team(
        id=team.id,
        name=changes.get("name", team.name),
        region=changes.get("region", team.region),
        timezone=changes.get("timezone", team.timezone),
    )
    await uow.teams.save(updated)
    await uow.audit.record(AuditEntry(actor.id, "team.update", "team", team.id, now, changes))
    return updated
