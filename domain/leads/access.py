"""Who may see and do what with a lead, checked once for every use case.

- **Marketers, admins and analysts** see every lead, with its contacts and history.
- **A team lead** sees their team's leads, and reassigns them within the team.
- **A rep** works the leads they hold. A rep who held a lead once still finds it in the
  history of their work, without its contact data or history; anybody else gets nothing.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from domain.errors import Forbidden, NotFound
from domain.leads.model import EventKind, HistoryEntry, Lead
from domain.people.model import Person, Role
from domain.permissions import Action, can, require
from domain.ports import UnitOfWork


class Sight(StrEnum):
    FULL = "full"  # contacts and history
    FORMER = "former"  # a rep who held it once: no contacts, no history


def sees_all(person: Person) -> bool:
    return can(person, Action.MANAGE_LEADS) or can(person, Action.RULE_ON_DISPUTES)


def leads_team(person: Person) -> int | None:
    """The team whose leads a team lead sees (None: not a team lead with a team)."""
    if Role.TEAM_LEAD in person.roles and person.active:
        return person.team_id
    return None


async def load(uow: UnitOfWork, lead_id: int) -> Lead:
    lead = await uow.leads.get(lead_id)
    if lead is None:
        raise NotFound()
    return lead


async def sight(uow: UnitOfWork, actor: Person, lead: Lead) -> Sight:
    require(actor, Action.VIEW_LEADS)
    if sees_all(actor) or lead.held_by(actor.id):
        return Sight.FULL
    team = leads_team(actor)
    if team is not None and lead.team_id == team:
        return Sight.FULL
    history = await uow.leads.history(lead.id)
    if any(e.details.get("rep") == actor.id for e in history):
        return Sight.FORMER
    raise Forbidden()


async def held(uow: UnitOfWork, actor: Person, lead_id: int) -> Lead:
    """The lead, for the rep who holds it now."""
    require(actor, Action.WORK_LEADS)
    lead = await load(uow, lead_id)
    if not lead.held_by(actor.id):
        raise Forbidden()
    return lead


async def assignable(uow: UnitOfWork, actor: Person, lead_id: int) -> Lead:
    """The lead, for whoever may (re)assign it: marketers and admins any lead, a team lead
    their team's."""
    lead = await load(uow, lead_id)
    if can(actor, Action.MANAGE_LEADS):
        return lead
    team = leads_team(actor)
    if team is None or lead.team_id != team:
        raise Forbidden()
    return lead


async def note(
    uow: UnitOfWork,
    lead_id: int,
    kind: EventKind,
    actor_id: int | None,
    now: datetime,
    **details: object,
) -> None:
    """One line of the lead's history."""
    await uow.leads.record(HistoryEntry(lead_id, now, actor_id, kind, details))
