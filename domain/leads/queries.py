"""What the lead screens show: /leads with counts by state and filters, a page of leads,
search by name or phone, and a lead's card with its history.

Everyone sees their own scope: a rep the leads they hold, a team lead their team's (and who
of the team is away), marketers, analysts and admins all leads, filterable by state, source
and campaign.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from domain import flows
from domain.campaigns.model import Campaign
from domain.errors import InvalidInput, NotFound
from domain.flows import FlowState
from domain.leads import access
from domain.leads.access import Sight, leads_team, sees_all
from domain.leads.flows import SearchLeads, StepGone
from domain.leads.model import (
    OUTCOMES,
    Dispute,
    Event,
    HistoryEntry,
    Lead,
    LeadStatus,
)
from domain.leads.parsing import phone_or_none
from domain.leads.ports import LeadFilter
from domain.leads.regulating import current
from domain.leads.regulation import Clause
from domain.leads.sla import add_working, calendars
from domain.leads.verdicts import clause_as_it_was
from domain.people.model import AwayPeriod, Person, Role, Team
from domain.permissions import Action, can, require
from domain.ports import UnitOfWork

PAGE = 8
SEARCH_LIMIT = 10


class ScopeKind:
    MINE = "mine"
    TEAM = "team"
    ALL = "all"


def base_filter(actor: Person) -> tuple[str, LeadFilter]:
    require(actor, Action.VIEW_LEADS)
    if sees_all(actor):
        return ScopeKind.ALL, LeadFilter()
    team = leads_team(actor)
    if team is not None:
        return ScopeKind.TEAM, LeadFilter(team_id=team)
    return ScopeKind.MINE, LeadFilter(assignee_id=actor.id)


@dataclass(frozen=True, slots=True)
class Filters:
    """What the marketers' filters offer; the callback data names a source by its index."""

    sources: Sequence[str]
    campaigns: Sequence[Campaign]


@dataclass(frozen=True, slots=True)
class Overview:
    scope: str
    where: LeadFilter
    counts: Mapping[LeadStatus, int]
    source_index: int | None
    campaign: Campaign | None
    away: Sequence[tuple[Person, AwayPeriod]]  # a team lead's people away now or ahead
    may_add: bool
    may_export: bool
    may_manage_sources: bool
    may_filter: bool

    @property
    def total(self) -> int:
        return sum(self.counts.values())


async def filters(uow: UnitOfWork, *, actor: Person) -> Filters:
    _, where = base_filter(actor)
    sources = list(await uow.leads.sources(where))
    ids = await uow.leads.campaign_ids(where)
    campaigns = [c for c in [await uow.campaigns.get(i) for i in ids] if c is not None]
    return Filters(sources, campaigns)


async def _narrowed(
    uow: UnitOfWork,
    actor: Person,
    status: LeadStatus | None,
    source_index: int | None,
    campaign_id: int | None,
) -> tuple[str, LeadFilter, Campaign | None]:
    scope, where = base_filter(actor)
    campaign = None
    if source_index is not None or campaign_id is not None:
        if scope == ScopeKind.MINE:
            raise NotFound()
        found = await filters(uow, actor=actor)
        if source_index is not None:
            if source_index >= len(found.sources):
                raise NotFound()
            where = replace(where, source=found.sources[source_index])
        if campaign_id is not None:
            campaign = next((c for c in found.campaigns if c.id == campaign_id), None)
            if campaign is None:
                raise NotFound()
            where = replace(where, campaign_id=campaign_id)
    return scope, replace(where, status=status), campaign


async def overview(
    uow: UnitOfWork,
    *,
    actor: Person,
    now: datetime,
    source_index: int | None = None,
    campaign_id: int | None = None,
) -> Overview:
    """/leads: counts by state in the person's scope (and filter). Leaves any open step."""
    await uow.flows.delete(actor.id)
    scope, where, campaign = await _narrowed(uow, actor, None, source_index, campaign_id)
    counts = await uow.leads.counts(where)
    away: list[tuple[Person, AwayPeriod]] = []
    if scope == ScopeKind.TEAM:
        team = [p for p in await uow.people.active() if p.team_id == where.team_id]
        people = {p.id: p for p in team}
        for period in await uow.people.away_periods(list(people), ending_after=now):
            away.append((people[period.person_id], period))
    return Overview(
        scope,
        where,
        counts,
        source_index,
        campaign,
        away,
        may_add=can(actor, Action.MANAGE_LEADS),
        may_export=scope != ScopeKind.MINE,
        may_manage_sources=can(actor, Action.MANAGE_INTAKE),
        may_filter=scope == ScopeKind.ALL,
    )


@dataclass(frozen=True, slots=True)
class LeadPage:
    leads: Sequence[Lead]
    number: int
    pages: int
    total: int
    status: LeadStatus | None
    source_index: int | None
    campaign_id: int | None


async def lead_page(
    uow: UnitOfWork,
    *,
    actor: Person,
    status: LeadStatus | None,
    page: int,
    source_index: int | None = None,
    campaign_id: int | None = None,
) -> LeadPage:
    """One page of leads in a state, newest first."""
    _, where, _ = await _narrowed(uow, actor, status, source_index, campaign_id)
    counts = await uow.leads.counts(where)
    total = sum(counts.values())
    pages = max(1, -(-total // PAGE))
    number = min(max(page, 0), pages - 1)
    leads = await uow.leads.page(where, offset=number * PAGE, limit=PAGE)
    return LeadPage(leads, number, pages, total, status, source_index, campaign_id)


async def start_search(uow: UnitOfWork, *, actor: Person, now: datetime) -> FlowState | None:
    require(actor, Action.VIEW_LEADS)
    return await flows.begin(uow.flows, actor.id, SearchLeads(), now=now)


async def search(uow: UnitOfWork, *, actor: Person, text: str) -> Sequence[Lead]:
    """Leads of the person's scope by the start of the name, or by the phone."""
    if await flows.current(uow.flows, actor.id, SearchLeads) is None:
        raise StepGone()
    _, where = base_filter(actor)
    query = " ".join(text.split())
    if len(query) < 2:
        raise InvalidInput("error-search-short")
    await uow.flows.delete(actor.id)
    return await uow.leads.search(where, name=query, phone=phone_or_none(query), limit=SEARCH_LIMIT)


@dataclass(frozen=True, slots=True)
class DisputeLine:
    dispute: Dispute
    clause: Clause | None  # as it was in the version the rep relied on
    verdict_clause: Clause | None  # as it was in the version the verdict cited


@dataclass(frozen=True, slots=True)
class LeadCard:
    lead: Lead
    sight: Sight
    assignee: Person | None
    team: Team | None
    campaign: Campaign | None
    deadline: datetime | None  # the first-action deadline in the rep's working time
    history: Sequence[HistoryEntry]
    disputes: Sequence[DisputeLine]
    people: Mapping[int, Person]
    mine: bool  # the viewer holds it: the rep's buttons
    may_assign: bool
    outcomes: Sequence[Event]

    @property
    def shows_contacts(self) -> bool:
        return self.sight is Sight.FULL


async def deadline_of(
    uow: UnitOfWork, lead: Lead, rep: Person | None, now: datetime
) -> datetime | None:
    if rep is None or not lead.awaits_first_action or lead.sla_started_at is None:
        return None
    minutes = (await current(uow)).settings.first_action_minutes
    calendar = (await calendars(uow, [rep], now))[rep.id]
    return add_working(lead.sla_started_at, minutes, calendar)


async def card_of(
    uow: UnitOfWork, lead: Lead, viewer: Person, sight: Sight, now: datetime
) -> LeadCard:
    full = sight is Sight.FULL
    history = await uow.leads.history(lead.id) if full else ()
    disputes = []
    for d in await uow.disputes.for_lead(lead.id) if full else ():
        verdict = (
            await clause_as_it_was(uow, d.verdict_version, d.verdict_clause)
            if d.verdict_version is not None and d.verdict_clause is not None
            else None
        )
        disputes.append(DisputeLine(d, await clause_as_it_was(uow, d.version, d.clause), verdict))
    ids = {e.actor_id for e in history if e.actor_id} | {
        int(v) for e in history for k, v in e.details.items() if k == "rep" and v
    }
    if lead.assignee_id:
        ids.add(lead.assignee_id)
    people = {p.id: p for p in await uow.people.many(list(ids))}
    assignee = people.get(lead.assignee_id) if lead.assignee_id else None
    team = await uow.teams.get(lead.team_id) if lead.team_id else None
    campaign_id = lead.contact.campaign_id
    campaign = await uow.campaigns.get(campaign_id) if campaign_id else None
    mine = lead.held_by(viewer.id) and Role.REP in viewer.roles
    own_team = leads_team(viewer)
    may_assign = (
        (can(viewer, Action.MANAGE_LEADS) or (own_team is not None and own_team == lead.team_id))
        and not lead.is_closed
        and lead.status is not LeadStatus.DISPUTED
    )
    return LeadCard(
        lead,
        sight,
        assignee if full else None,
        team,
        campaign,
        await deadline_of(uow, lead, assignee, now) if full else None,
        history,
        disputes,
        people,
        mine,
        may_assign,
        OUTCOMES.get(lead.status, ()) if mine else (),
    )


async def card(uow: UnitOfWork, *, actor: Person, lead_id: int, now: datetime) -> LeadCard:
    lead = await access.load(uow, lead_id)
    return await card_of(uow, lead, actor, await access.sight(uow, actor, lead), now)
