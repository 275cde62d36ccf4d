"""/people for admins: everyone, paged; a person's roles, team and access, with the guards
that keep the admins from locking themselves out."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime

from domain.errors import InvalidInput, NotFound
from domain.people.model import Person, Role, Team
from domain.permissions import Action, require
from domain.ports import AuditEntry, UnitOfWork


@dataclass(frozen=True, slots=True)
class PeoplePage:
    people: Sequence[Person]
    page: int  # from 0; a page out of range shows the nearest one
    pages: int
    total: int


@dataclass(frozen=True, slots=True)
class PersonCard:
    person: Person
    team: Team | None


@dataclass(frozen=True, slots=True)
class TeamChoice:
    """A person and the teams they could be moved to."""

    person: Person
    teams: Sequence[Team]


async def people_page(uow: UnitOfWork, *, actor: Person, page: int, page_size: int) -> PeoplePage:
    require(actor, Action.MANAGE_PEOPLE)
    total = await uow.people.count()
    pages = max(1, -(-total // page_size))
    page = min(max(page, 0), pages - 1)
    people = await uow.people.page(offset=page * page_size, limit=page_size)
    return PeoplePage(people, page, pages, total)


async def _person(uow: UnitOfWork, actor: Person, person_id: int) -> Person:
    require(actor, Action.MANAGE_PEOPLE)
    person = await uow.people.get(person_id)
    if person is None:
        raise NotFound()
    return person


async def _card(uow: UnitOfWork, person_id: int) -> PersonCard:
    person = await uow.people.get(person_id)
    assert person is not None
    team = await uow.teams.get(person.team_id) if person.team_id is not None else None
    return PersonCard(person, team)


async def person_card(uow: UnitOfWork, *, actor: Person, person_id: int) -> PersonCard:
    await _person(uow, actor, person_id)
    return await _card(uow, person_id)


async def team_choice(uow: UnitOfWork, *, actor: Person, person_id: int) -> TeamChoice:
    person = await _person(uow, actor, person_id)
    return TeamChoice(person, await uow.teams.all())


async def _guard_admin_loss(
    uow: UnitOfWork, actor: Person, target: Person, protected: Collection[int], *, self_key: str
) -> None:
    """Refuse a change that would take admin rights or access from a configured admin, from
    oneself, or from the last active admin."""
    if target.telegram_id in protected:
        raise InvalidInput("error-config-admin")
    if target.id == actor.id:
        raise InvalidInput(self_key)
    if target.is_admin and await uow.people.count_active_with_role(Role.ADMIN) <= 1:
        raise InvalidInput("error-last-admin")


async def toggle_role(
    uow: UnitOfWork,
    *,
    actor: Person,
    person_id: int,
    role: Role,
    now: datetime,
    protected_admins: Collection[int],
) -> PersonCard:
    """Give or take one role. Everyone keeps at least one; taking admin is guarded."""
    target = await _person(uow, actor, person_id)
    if role in target.roles:
        if len(target.roles) == 1:
            raise InvalidInput("error-last-role")
        if role is Role.ADMIN:
            await _guard_admin_loss(
                uow, actor, target, protected_admins, self_key="error-self-admin"
            )
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
    return await _card(uow, target.id)


async def set_person_team(
    uow: UnitOfWork, *, actor: Person, person_id: int, team_id: int | None, now: datetime
) -> PersonCard:
    target = await _person(uow, actor, person_id)
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
    return await _card(uow, target.id)


async def set_person_active(
    uow: UnitOfWork,
    *,
    actor: Person,
    person_id: int,
    active: bool,
    now: datetime,
    protected_admins: Collection[int],
) -> PersonCard:
    """Deactivate (their data is kept, their access and any open step are gone) or
    reactivate a person. Deactivating is guarded like taking admin rights."""
    target = await _person(uow, actor, person_id)
    if target.active == active:
        return await _card(uow, target.id)
    if not active:
        await _guard_admin_loss(
            uow, actor, target, protected_admins, self_key="error-self-deactivate"
        )
        await uow.flows.delete(target.id)
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
    return await _card(uow, target.id)
