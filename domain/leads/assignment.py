"""Giving leads to reps: to a chosen rep, or round-robin within a team or a region.

Round-robin takes the active reps of the scope who are not away, in a fixed order, and gives
the lead to the one after whoever got the previous lead of that scope (kept in the
database, so it survives restarts). A team lead (re)assigns within their team; marketers
and admins anywhere. Every assignment starts a new first-action clock and sends the rep the
lead's card.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime

from domain.errors import Forbidden, InvalidInput, NotFound
from domain.leads import access, kinds
from domain.leads.access import leads_team, note
from domain.leads.model import Event, EventKind, Lead, LeadStatus
from domain.leads.sla import is_away_now
from domain.people.model import Person, Role, Team
from domain.permissions import Action, can, require
from domain.ports import Outgoing, UnitOfWork


@dataclass(frozen=True, slots=True)
class Scope:
    """Where round-robin looks: one team, or every team of a region."""

    team_id: int | None = None
    region: str | None = None

    @property
    def key(self) -> str:
        if self.team_id is not None:
            return f"team:{self.team_id}"
        return f"region:{(self.region or '').casefold()}"


def _moment(person: Person, now: datetime) -> datetime:
    if person.quiet_hours is None:
        return now
    return person.quiet_hours.next_allowed(now, person.timezone)


async def available_reps(
    uow: UnitOfWork, scope: Scope, now: datetime, *, exclude: Collection[int] = ()
) -> list[Person]:
    """Active reps of the scope who are not away now, by id."""
    teams = await uow.teams.all()
    if scope.team_id is not None:
        team_ids = {scope.team_id}
    else:
        wanted = (scope.region or "").casefold()
        team_ids = {t.id for t in teams if t.region.casefold() == wanted}
    reps = [
        p
        for p in await uow.people.with_role(Role.REP)
        if p.team_id in team_ids and p.id not in exclude
    ]
    away = await uow.people.away_periods([p.id for p in reps], ending_after=now)
    return [p for p in reps if not is_away_now(away, p.id, now)]


def next_in_turn(reps: Sequence[Person], last_id: int | None) -> Person:
    ordered = sorted(reps, key=lambda p: p.id)
    if last_id is None:
        return ordered[0]
    return next((p for p in ordered if p.id > last_id), ordered[0])


async def give(
    uow: UnitOfWork,
    lead: Lead,
    rep: Person,
    *,
    actor_id: int | None,
    now: datetime,
    kind: EventKind = EventKind.ASSIGNED,
    event: Event = Event.ASSIGN,
    **details: object,
) -> Lead:
    """Assign ``lead`` to ``rep``: a new clock, a history line, the card in the outbox."""
    updated = lead.assigned(rep.id, rep.team_id, now, event)
    await uow.leads.save(updated)
    await note(uow, lead.id, kind, actor_id, now, rep=rep.id, team=rep.team_id, **details)
    await uow.outbox.enqueue(
        kinds.CARD,
        lead.id,
        kinds.card_batch(updated.assignment_no),
        [Outgoing(rep.id, rep.telegram_id, _moment(rep, now))],
    )
    return updated


async def rotate(
    uow: UnitOfWork,
    lead: Lead,
    scope: Scope,
    *,
    actor_id: int | None,
    now: datetime,
    exclude: Collection[int] = (),
    kind: EventKind = EventKind.ASSIGNED,
    event: Event = Event.ASSIGN,
    **details: object,
) -> Lead | None:
    """Round-robin: the lead to the next available rep of the scope; None if there is none."""
    reps = await available_reps(uow, scope, now, exclude=exclude)
    if not reps:
        return None
    rep = next_in_turn(reps, await uow.leads.last_in_rotation(scope.key))
    await uow.leads.rotate(scope.key, rep.id)
    return await give(uow, lead, rep, actor_id=actor_id, now=now, kind=kind, event=event, **details)


async def _rep(uow: UnitOfWork, rep_id: int) -> Person:
    rep = await uow.people.get(rep_id)
    if rep is None or not rep.active or Role.REP not in rep.roles:
        raise NotFound()
    return rep


def _scope_for(actor: Person, scope: Scope, teams: Sequence[Team]) -> Scope:
    """A team lead round-robins in their own team only."""
    if can(actor, Action.MANAGE_LEADS):
        if scope.team_id is not None and all(t.id != scope.team_id for t in teams):
            raise NotFound()
        return scope
    own = leads_team(actor)
    if own is None or scope.team_id != own:
        raise Forbidden()
    return scope


def _kind(lead: Lead) -> EventKind:
    return EventKind.ASSIGNED if lead.status is LeadStatus.UNASSIGNED else EventKind.REASSIGNED


@dataclass(frozen=True, slots=True)
class Assigned:
    lead: Lead
    rep: Person


async def assign_to(
    uow: UnitOfWork, *, actor: Person, lead_id: int, rep_id: int, now: datetime
) -> Assigned:
    """To a chosen rep (a team lead: one of their team)."""
    lead = await access.assignable(uow, actor, lead_id)
    rep = await _rep(uow, rep_id)
    if not can(actor, Action.MANAGE_LEADS) and rep.team_id != leads_team(actor):
        raise Forbidden()
    updated = await give(uow, lead, rep, actor_id=actor.id, now=now, kind=_kind(lead))
    await uow.flows.delete(actor.id)
    return Assigned(updated, rep)


async def assign_in_turn(
    uow: UnitOfWork, *, actor: Person, lead_id: int, scope: Scope, now: datetime
) -> Assigned:
    """Round-robin within a team or a region; InvalidInput when nobody there can take it."""
    lead = await access.assignable(uow, actor, lead_id)
    scope = _scope_for(actor, scope, await uow.teams.all())
    exclude = {lead.assignee_id} if lead.assignee_id is not None else set()
    updated = await rotate(uow, lead, scope, actor_id=actor.id, now=now, exclude=exclude,
                           kind=_kind(lead))  # fmt: skip
    if updated is None:
        raise InvalidInput("error-lead-nobody")
    await uow.flows.delete(actor.id)
    rep = await _rep(uow, updated.assignee_id or 0)
    return Assigned(updated, rep)


@dataclass(frozen=True, slots=True)
class Spread:
    """How an imported file's leads were given out."""

    assigned: int
    left: int  # nobody to take them: still unassigned


async def assign_import(
    uow: UnitOfWork,
    *,
    actor: Person,
    import_id: str,
    team_id: int | None,
    now: datetime,
) -> Spread:
    """The unassigned leads of one file, round-robin in a team, or (``team_id`` None) each in
    the teams of its own region."""
    require(actor, Action.MANAGE_LEADS)
    leads = await uow.leads.unassigned_of_import(import_id)
    if not leads:
        raise NotFound()
    if team_id is not None and await uow.teams.get(team_id) is None:
        raise NotFound()
    assigned = 0
    for lead in leads:
        scope = Scope(team_id=team_id) if team_id is not None else Scope(region=lead.contact.region)
        if scope.team_id is None and not scope.region:
            continue
        if await rotate(uow, lead, scope, actor_id=actor.id, now=now) is not None:
            assigned += 1
    return Spread(assigned, len(leads) - assigned)


async def teams_for(uow: UnitOfWork, *, actor: Person) -> Sequence[Team]:
    """The teams a person may round-robin a lead in."""
    teams = list(await uow.teams.all())
    if can(actor, Action.MANAGE_LEADS):
        return teams
    own = leads_team(actor)
    if own is None:
        raise Forbidden()
    return [t for t in teams if t.id == own]


@dataclass(frozen=True, slots=True)
class Choices:
    """Where a lead can go: teams to round-robin in, reps to give it to."""

    lead: Lead
    teams: Sequence[Team]
    reps: Sequence[Person]


async def choices(uow: UnitOfWork, *, actor: Person, lead_id: int, now: datetime) -> Choices:
    lead = await access.assignable(uow, actor, lead_id)
    if lead.is_closed or lead.status is LeadStatus.DISPUTED:
        raise InvalidInput("error-lead-state")
    teams = list(await uow.teams.all())
    own = leads_team(actor)
    if not can(actor, Action.MANAGE_LEADS):
        teams = [t for t in teams if t.id == own]
    reps: list[Person] = []
    for team in teams:
        reps += await available_reps(uow, Scope(team_id=team.id), now)
    return Choices(lead, teams, [r for r in reps if r.id != lead.assignee_id])
