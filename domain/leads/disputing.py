"""A rep disputes a lead in three taps: ⚠️ Dispute → a clause → done (or evidence).

Only the clauses that are grounds for a dispute are offered, from the current regulation;
the dispute records the version and the clause. Outside the window (default 72 h after the
lead was assigned) the bot says why. Over the cap (default 20 % of the rep's leads over 30
days) the dispute first goes to the team lead for approval. A note, photo, voice note or
document may follow: it is kept with the dispute.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from domain import flows
from domain.errors import Forbidden, InvalidInput, NotFound
from domain.flows import FlowState
from domain.leads import access, kinds, queries
from domain.leads.access import note
from domain.leads.assignment import give
from domain.leads.flows import DisputeEvidence, StepGone
from domain.leads.model import (
    Dispute,
    DisputeStatus,
    Event,
    EventKind,
    Evidence,
    Lead,
    LeadStatus,
    NewDispute,
    clean_note,
)
from domain.leads.regulating import current
from domain.leads.regulation import CAP_DAYS, Clause, ClauseKind, Regulation
from domain.people.model import Person, Role
from domain.ports import Outgoing, UnitOfWork


@dataclass(frozen=True, slots=True)
class Grounds:
    lead: Lead
    regulation: Regulation
    clauses: Sequence[Clause]
    over_cap: bool  # a dispute now goes to the team lead first


async def _over_cap(uow: UnitOfWork, rep: Person, regulation: Regulation, now: datetime) -> bool:
    since = now - timedelta(days=CAP_DAYS)
    leads = await uow.leads.assigned_to_since(rep.id, since)
    allowed = math.ceil(leads * regulation.settings.dispute_cap_percent / 100)
    return await uow.disputes.by_rep_since(rep.id, since) + 1 > allowed


async def _disputable(uow: UnitOfWork, actor: Person, lead_id: int, now: datetime) -> Grounds:
    lead = await access.held(uow, actor, lead_id)
    if lead.status not in (LeadStatus.NEW, LeadStatus.TAKEN):
        raise InvalidInput("error-lead-state")
    regulation = await current(uow)
    window = timedelta(hours=regulation.settings.dispute_window_hours)
    if lead.assigned_at is not None and now > lead.assigned_at + window:
        raise InvalidInput("error-dispute-window", hours=regulation.settings.dispute_window_hours)
    clauses = regulation.grounds(ClauseKind.DISPUTE)
    return Grounds(lead, regulation, clauses, await _over_cap(uow, actor, regulation, now))


async def grounds(uow: UnitOfWork, *, actor: Person, lead_id: int, now: datetime) -> Grounds:
    """⚠️ Dispute: the clauses to choose from (or why not)."""
    return await _disputable(uow, actor, lead_id, now)


@dataclass(frozen=True, slots=True)
class Opened:
    dispute: Dispute
    clause: Clause
    needs_approval: bool
    state: DisputeEvidence
    replaced: FlowState | None


async def _tell_analysts(uow: UnitOfWork, dispute: Dispute, now: datetime) -> None:
    """A dispute joined the queue: every analyst hears of it (outside quiet hours)."""
    items = []
    for person in await uow.people.with_role(Role.ANALYST):
        moment = now
        if person.quiet_hours is not None:
            moment = person.quiet_hours.next_allowed(now, person.timezone)
        items.append(Outgoing(person.id, person.telegram_id, moment))
    await uow.outbox.enqueue(kinds.NEW_DISPUTE, dispute.id, kinds.NEW_DISPUTE_BATCH, items)


async def _approvers(uow: UnitOfWork, team_id: int | None) -> list[Person]:
    leads = [p for p in await uow.people.with_role(Role.TEAM_LEAD) if p.team_id == team_id]
    return leads or list(await uow.people.with_role(Role.ADMIN))


async def open_dispute(
    uow: UnitOfWork, *, actor: Person, lead_id: int, clause: str, now: datetime
) -> Opened:
    """A clause tapped: the dispute is open (or waits for approval); evidence may follow."""
    found = await _disputable(uow, actor, lead_id, now)
    chosen = next((c for c in found.clauses if c.number == clause), None)
    if chosen is None:
        raise NotFound()
    status = DisputeStatus.APPROVAL if found.over_cap else DisputeStatus.OPEN
    lead = found.lead
    dispute = await uow.disputes.add(
        NewDispute(lead.id, actor.id, lead.team_id, found.regulation.version, chosen.number,
                   status, now)
    )  # fmt: skip
    await uow.leads.save(
        lead.moved(Event.DISPUTE, now, first_action_at=lead.first_action_at or now)
    )
    await note(
        uow, lead.id, EventKind.DISPUTED, actor.id, now, rep=actor.id, dispute=dispute.id,
        version=found.regulation.version, clause=chosen.number, approval=found.over_cap,
    )  # fmt: skip
    if found.over_cap:
        approvers = await _approvers(uow, lead.team_id)
        await uow.outbox.enqueue(
            kinds.APPROVAL,
            dispute.id,
            kinds.APPROVAL_BATCH,
            [Outgoing(p.id, p.telegram_id, now) for p in approvers],
        )
    else:
        await _tell_analysts(uow, dispute, now)
    state = DisputeEvidence(dispute.id)
    replaced = await flows.begin(uow.flows, actor.id, state, now=now)
    return Opened(dispute, chosen, found.over_cap, state, replaced)


async def _evidence_for(uow: UnitOfWork, actor: Person) -> Dispute:
    state = await flows.current(uow.flows, actor.id, DisputeEvidence)
    if state is None:
        raise StepGone()
    dispute = await uow.disputes.get(state.dispute_id)
    if dispute is None or dispute.rep_id != actor.id or not dispute.is_pending:
        await uow.flows.delete(actor.id)
        raise StepGone()
    return dispute


async def add_evidence(
    uow: UnitOfWork,
    *,
    actor: Person,
    now: datetime,
    text: str | None = None,
    evidence: Evidence | None = None,
) -> Dispute:
    """A note, or a photo / voice note / document (with its caption as the note); it is kept
    with the dispute, and the dispute is complete."""
    dispute = await _evidence_for(uow, actor)
    note_text = clean_note(text)
    if note_text is None and evidence is None:
        raise InvalidInput("error-text-expected")
    updated = dispute.with_(note=note_text or dispute.note, evidence=evidence or dispute.evidence)
    await uow.disputes.save(updated)
    await note(
        uow, dispute.lead_id, EventKind.EVIDENCE, actor.id, now, rep=actor.id,
        dispute=dispute.id, evidence=evidence.kind.value if evidence else "note",
    )  # fmt: skip
    await uow.flows.delete(actor.id)
    return updated


@dataclass(frozen=True, slots=True)
class Sent:
    """A finished dispute: the lead's card as the rep sees it now, and whether the dispute
    waits for the team lead's approval (over the cap) before the analysts see it."""

    card: queries.LeadCard
    awaiting_approval: bool


async def finish(uow: UnitOfWork, *, actor: Person, dispute_id: int, now: datetime) -> Sent:
    """✅ Done (with or without evidence)."""
    dispute = await uow.disputes.get(dispute_id)
    if dispute is None or dispute.rep_id != actor.id:
        raise NotFound()
    state = await flows.current(uow.flows, actor.id, DisputeEvidence)
    if state is not None and state.dispute_id == dispute_id:
        await uow.flows.delete(actor.id)
    card = await queries.card(uow, actor=actor, lead_id=dispute.lead_id, now=now)
    return Sent(card, dispute.status is DisputeStatus.APPROVAL)


async def _for_approver(uow: UnitOfWork, actor: Person, dispute_id: int) -> tuple[Dispute, Lead]:
    dispute = await uow.disputes.get(dispute_id)
    if dispute is None:
        raise NotFound()
    if actor.id not in {p.id for p in await _approvers(uow, dispute.team_id)}:
        raise Forbidden()
    if dispute.status is not DisputeStatus.APPROVAL:
        raise InvalidInput("error-dispute-decided")
    return dispute, await access.load(uow, dispute.lead_id)


async def approve(uow: UnitOfWork, *, actor: Person, dispute_id: int, now: datetime) -> Dispute:
    """The team lead lets an over-cap dispute through: it joins the analysts' queue now."""
    dispute, lead = await _for_approver(uow, actor, dispute_id)
    opened = dispute.with_(status=DisputeStatus.OPEN, opened_at=now)
    await uow.disputes.save(opened)
    await note(uow, lead.id, EventKind.APPROVED, actor.id, now, dispute=dispute.id)
    await _tell_analysts(uow, opened, now)
    return opened


async def decline(uow: UnitOfWork, *, actor: Person, dispute_id: int, now: datetime) -> Dispute:
    """The team lead does not: the lead goes back to the rep, with a fresh clock."""
    dispute, lead = await _for_approver(uow, actor, dispute_id)
    declined = dispute.with_(status=DisputeStatus.DECLINED, decided_by=actor.id, decided_at=now)
    await uow.disputes.save(declined)
    await note(uow, lead.id, EventKind.DECLINED, actor.id, now, dispute=dispute.id)
    rep = await uow.people.get(dispute.rep_id)
    if rep is not None and rep.active:
        await give(uow, lead, rep, actor_id=actor.id, now=now, kind=EventKind.REASSIGNED,
                   event=Event.DECLINE, declined=dispute.id)  # fmt: skip
    return declined
