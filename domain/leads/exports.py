"""Exports: every lead of the person's scope with its state and history, and every dispute
with its clause, source, campaign, rep and team — for CSV or Excel."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from domain.campaigns.model import Campaign
from domain.errors import Forbidden
from domain.leads.model import Dispute, HistoryEntry, Lead
from domain.leads.queries import ScopeKind, base_filter
from domain.leads.regulation import Clause
from domain.people.model import Person, Team
from domain.ports import UnitOfWork


@dataclass(frozen=True, slots=True)
class Export:
    leads: Sequence[Lead]
    histories: Mapping[int, Sequence[HistoryEntry]]
    disputes: Sequence[Dispute]
    clauses: Mapping[tuple[int, str], Clause]
    people: Mapping[int, Person]
    teams: Mapping[int, Team]
    campaigns: Mapping[int, Campaign]


async def export(uow: UnitOfWork, *, actor: Person) -> Export:
    """Team leads get their team's; marketers, analysts and admins everything; reps nothing."""
    scope, where = base_filter(actor)
    if scope == ScopeKind.MINE:
        raise Forbidden()
    leads = list(await uow.leads.export(where))
    ids = {lead.id for lead in leads}
    histories = await uow.leads.histories(list(ids))
    disputes = [d for d in await uow.disputes.export() if d.lead_id in ids]
    clauses: dict[tuple[int, str], Clause] = {}
    for version in {d.version for d in disputes} | {
        d.verdict_version for d in disputes if d.verdict_version
    }:
        regulation = await uow.regulation.get(version)
        for clause in regulation.clauses if regulation else ():
            clauses[(version, clause.number)] = clause
    person_ids = (
        {lead.assignee_id for lead in leads if lead.assignee_id}
        | {e.actor_id for h in histories.values() for e in h if e.actor_id}
        | {d.rep_id for d in disputes}
        | {d.decided_by for d in disputes if d.decided_by}
    )
    people = {p.id: p for p in await uow.people.many(list(person_ids))}
    teams = {t.id: t for t in await uow.teams.all()}
    campaigns = {c.id: c for c in await uow.campaigns.all()}
    return Export(leads, histories, disputes, clauses, people, teams, campaigns)
