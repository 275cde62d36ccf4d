"""The analyst's side: the /disputes queue and the verdict.

**Uphold**: the lead is disqualified (counted against its source and campaign) and the
marketer who brought it is told why. **Overturn**: the lead goes back into work — to the
same rep, another rep, or round-robin — the rep is told why, and the first-action SLA starts
again. A verdict cites a clause (preset from the dispute, changeable) of the current
regulation and may carry a remark; both sides get it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from domain import flows
from domain.errors import InvalidInput, NotFound
from domain.flows import FlowState
from domain.leads import access, kinds
from domain.leads.access import note
from domain.leads.assignment import Scope, available_reps, give, rotate
from domain.leads.flows import Ruling, StepGone, Target
from domain.leads.model import (
    Dispute,
    DisputeStatus,
    Event,
    EventKind,
    HistoryEntry,
    Lead,
    Verdict,
    clean_note,
)
from domain.leads.regulating import current
from domain.leads.regulation import Clause, ClauseKind, Regulation
from domain.leads.sla import add_working, calendars
from domain.people.model import Person
from domain.permissions import Action, require
from domain.ports import Outgoing, UnitOfWork


async def clause_as_it_was(uow: UnitOfWork, version: int, number: str) -> Clause | None:
    regulation = await uow.regulation.get(version)
    if regulation is None:
        return None
    return next((c for c in regulation.clauses if c.number == number), None)


@dataclass(frozen=True, slots=True)
class Waiting:
    dispute: Dispute
    lead: Lead
    rep: Person | None
    clause: Clause | None  # as it was in the version the rep relied on
    due: datetime | None  # the decision deadline in the viewer's working time


async def _due(
    uow: UnitOfWork, viewer: Person, disputes: Sequence[Dispute], now: datetime
) -> dict[int, datetime | None]:
    regulation = await current(uow)
    calendar = (await calendars(uow, [viewer], now))[viewer.id]
    minutes = regulation.settings.decision_minutes
    return {d.id: add_working(d.opened_at, minutes, calendar) for d in disputes}


async def queue(uow: UnitOfWork, *, actor: Person, now: datetime) -> Sequence[Waiting]:
    """Open disputes, oldest first, each with its decision-SLA deadline."""
    require(actor, Action.RULE_ON_DISPUTES)
    disputes = list(await uow.disputes.with_status(DisputeStatus.OPEN))
    leads = {lead.id: lead for lead in await uow.leads.many([d.lead_id for d in disputes])}
    reps = {p.id: p for p in await uow.people.many([d.rep_id for d in disputes])}
    due = await _due(uow, actor, disputes, now)
    # Each version the queue cites is read once, however many disputes cite it.
    versions = {v: await uow.regulation.get(v) for v in {d.version for d in disputes}}

    def clause(d: Dispute) -> Clause | None:
        regulation = versions.get(d.version)
        found = [c for c in regulation.clauses if c.number == d.clause] if regulation else []
        return found[0] if found else None

    return [
        Waiting(d, leads[d.lead_id], reps.get(d.rep_id), clause(d), due[d.id])
        for d in disputes
        if d.lead_id in leads
    ]


@dataclass(frozen=True, slots=True)
class DisputeCard:
    waiting: Waiting
    history: Sequence[HistoryEntry]
    people: Mapping[int, Person]


async def _dispute(uow: UnitOfWork, actor: Person, dispute_id: int) -> Dispute:
    require(actor, Action.RULE_ON_DISPUTES)
    dispute = await uow.disputes.get(dispute_id)
    if dispute is None:
        raise NotFound()
    return dispute


async def card(uow: UnitOfWork, *, actor: Person, dispute_id: int, now: datetime) -> DisputeCard:
    dispute = await _dispute(uow, actor, dispute_id)
    lead = await access.load(uow, dispute.lead_id)
    history = await uow.leads.history(lead.id)
    ids = {e.actor_id for e in history if e.actor_id} | {dispute.rep_id}
    people = {p.id: p for p in await uow.people.many(list(ids))}
    clause = await clause_as_it_was(uow, dispute.version, dispute.clause)
    due = (await _due(uow, actor, [dispute], now))[dispute.id]
    return DisputeCard(
        Waiting(dispute, lead, people.get(dispute.rep_id), clause, due), history, people
    )


async def evidence(uow: UnitOfWork, *, actor: Person, dispute_id: int) -> Dispute:
    """The dispute, for its evidence file: analysts, and the rep who disputed."""
    dispute = await uow.disputes.get(dispute_id)
    if dispute is None:
        raise NotFound()
    if dispute.rep_id != actor.id:
        require(actor, Action.RULE_ON_DISPUTES)
    if dispute.evidence is None:
        raise NotFound()
    return dispute


@dataclass(frozen=True, slots=True)
class RulingScreen:
    """A verdict being made: the clauses it may cite, the reps an overturned lead may go to."""

    state: Ruling
    dispute: Dispute
    lead: Lead
    regulation: Regulation
    clause: Clause
    reps: Sequence[Person]
    replaced: FlowState | None = None


async def _screen(
    uow: UnitOfWork, state: Ruling, now: datetime, replaced: FlowState | None = None
) -> RulingScreen:
    dispute = await uow.disputes.get(state.dispute_id)
    if dispute is None:
        raise NotFound()
    lead = await access.load(uow, dispute.lead_id)
    regulation = await current(uow)
    reps = await available_reps(uow, Scope(team_id=lead.team_id), now) if lead.team_id else []
    return RulingScreen(state, dispute, lead, regulation, regulation.clause(state.clause), reps,
                        replaced)  # fmt: skip


def _cited(regulation: Regulation, dispute: Dispute) -> str:
    """The dispute's clause if the current version still has it, else its first ground."""
    numbers = [c.number for c in regulation.clauses]
    if dispute.clause in numbers:
        return dispute.clause
    grounds = regulation.grounds(ClauseKind.DISPUTE) or regulation.ordered()
    return grounds[0].number


async def begin(
    uow: UnitOfWork, *, actor: Person, dispute_id: int, verdict: Verdict, now: datetime
) -> RulingScreen:
    """⚖️ Uphold or Overturn on a dispute: the clause is preset; a remark may be typed."""
    dispute = await _dispute(uow, actor, dispute_id)
    if not dispute.is_open:
        raise InvalidInput("error-dispute-decided")
    state = Ruling(dispute.id, verdict, _cited(await current(uow), dispute))
    replaced = await flows.begin(uow.flows, actor.id, state, now=now)
    return await _screen(uow, state, now, replaced)


async def _ruling(uow: UnitOfWork, actor: Person) -> Ruling:
    require(actor, Action.RULE_ON_DISPUTES)
    state = await flows.current(uow.flows, actor.id, Ruling)
    if state is None:
        raise StepGone()
    return state


async def change(
    uow: UnitOfWork,
    *,
    actor: Person,
    now: datetime,
    clause: str | None = None,
    target: Target | None = None,
    rep_id: int | None = None,
) -> RulingScreen:
    """Another clause, or where an overturned lead goes."""
    state = await _ruling(uow, actor)
    if clause is not None:
        (await current(uow)).clause(clause)
        state = replace(state, clause=clause)
    if target is not None:
        if target is Target.REP and rep_id is None:
            raise InvalidInput()
        state = replace(state, target=target, rep_id=rep_id if target is Target.REP else None)
    await uow.flows.save(actor.id, state, now=now)
    return await _screen(uow, state, now)


@dataclass(frozen=True, slots=True)
class Ruled:
    dispute: Dispute
    lead: Lead
    assignee: Person | None  # overturned: who has the lead now


async def rule(uow: UnitOfWork, *, actor: Person, remark: str | None, now: datetime) -> Ruled:
    """✅ Confirm (or a typed remark): the verdict, told to both sides."""
    state = await _ruling(uow, actor)
    dispute = await _dispute(uow, actor, state.dispute_id)
    if not dispute.is_open:
        await uow.flows.delete(actor.id)
        raise InvalidInput("error-dispute-decided")
    regulation = await current(uow)
    regulation.clause(state.clause)
    lead = await access.load(uow, dispute.lead_id)
    upheld = state.verdict is Verdict.UPHOLD
    decided = dispute.with_(
        status=DisputeStatus.UPHELD if upheld else DisputeStatus.OVERTURNED,
        decided_by=actor.id,
        decided_at=now,
        verdict_version=regulation.version,
        verdict_clause=state.clause,
        remark=clean_note(remark),
    )
    await uow.disputes.save(decided)
    details = {"dispute": dispute.id, "version": regulation.version, "clause": state.clause,
               "remark": decided.remark}  # fmt: skip
    await uow.flows.delete(actor.id)
    rep = await uow.people.get(dispute.rep_id)
    told = [rep] if rep is not None and rep.active else []
    if upheld:
        lead = lead.moved(Event.UPHOLD, now)
        await uow.leads.save(lead)
        await note(uow, lead.id, EventKind.UPHELD, actor.id, now, **details)
        source = await uow.people.get(lead.created_by) if lead.created_by else None
        if source is not None and source.active:
            await _tell(uow, decided, kinds.VERDICT_SOURCE, [source], now)
        await _tell(uow, decided, kinds.VERDICT_REP, told, now)
        return Ruled(decided, lead, None)
    lead = await _back_into_work(uow, actor, lead, dispute, state, now, details)
    await _tell(uow, decided, kinds.VERDICT_REP, told, now)
    assignee = await uow.people.get(lead.assignee_id) if lead.assignee_id else None
    return Ruled(decided, lead, assignee)


async def _back_into_work(
    uow: UnitOfWork,
    actor: Person,
    lead: Lead,
    dispute: Dispute,
    state: Ruling,
    now: datetime,
    details: Mapping[str, object],
) -> Lead:
    kind = EventKind.OVERTURNED
    if state.target is Target.ROTATION and lead.team_id is not None:
        moved = await rotate(uow, lead, Scope(team_id=lead.team_id), actor_id=actor.id, now=now,
                             exclude={dispute.rep_id}, kind=kind, event=Event.OVERTURN,
                             **details)  # fmt: skip
        if moved is not None:
            return moved
    rep_id = state.rep_id if state.target is Target.REP else dispute.rep_id
    rep = await uow.people.get(rep_id or dispute.rep_id)
    if rep is None or not rep.active:
        raise NotFound()
    return await give(uow, lead, rep, actor_id=actor.id, now=now, kind=kind,
                      event=Event.OVERTURN, **details)  # fmt: skip


async def _tell(
    uow: UnitOfWork, dispute: Dispute, batch: str, people: Sequence[Person], now: datetime
) -> None:
    items = []
    for person in people:
        moment = now
        if person.quiet_hours is not None:
            moment = person.quiet_hours.next_allowed(now, person.timezone)
        items.append(Outgoing(person.id, person.telegram_id, moment))
    await uow.outbox.enqueue(kinds.VERDICT, dispute.id, batch, items)
