"""What the outbox sends about leads: for each kind, whether and what goes out.

The broadcast engine asks at the moment a row is due; the answer is a typed value, or a
:class:`~domain.ports.Skip` saying why there is nothing to send any more (the lead moved on,
the person is away, the dispute was decided), and ``handlers/leads/notices.py`` renders it in
the recipient's language and zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from domain.leads import kinds
from domain.leads.access import Sight
from domain.leads.model import Dispute, DisputeStatus, EventKind, HistoryEntry, Lead
from domain.leads.queries import LeadCard, card_of, deadline_of
from domain.leads.regulation import Clause, Regulation
from domain.leads.sla import is_away_now
from domain.leads.verdicts import clause_as_it_was
from domain.people.model import Person
from domain.ports import DueDelivery, Skip, UnitOfWork, active_recipient

GONE = Skip("gone")  # the lead, dispute or regulation is no longer there
AWAY = Skip("recipient-away")
MOVED_ON = Skip("lead-moved-on")  # reassigned, taken, or no longer waiting for a first action
DECIDED = Skip("dispute-decided")  # a verdict came (or approval was given) meanwhile
ASSIGNED = Skip("lead-assigned")  # an orphan found a rep meanwhile
NOT_PUBLISHED = Skip("not-published")


async def _away(uow: UnitOfWork, person: Person, now: datetime) -> bool:
    return is_away_now(await uow.people.away_periods([person.id], ending_after=now), person.id, now)


@dataclass(frozen=True, slots=True)
class Back:
    """Why a lead came (back) to this rep: a verdict, a return, a declined dispute."""

    kind: EventKind
    clause: Clause | None
    remark: str | None
    by: Person | None


@dataclass(frozen=True, slots=True)
class CardNotice:
    recipient: Person
    card: LeadCard
    why: Back | None


async def _why(uow: UnitOfWork, history: list[HistoryEntry]) -> Back | None:
    last = history[-1] if history else None
    if last is None or last.kind not in (EventKind.OVERTURNED, EventKind.REASSIGNED):
        return None
    details = last.details
    clause = None
    if details.get("version") and details.get("clause"):
        clause = await clause_as_it_was(uow, int(details["version"]), str(details["clause"]))
    by_id = details.get("returned_by") or last.actor_id
    by = await uow.people.get(int(by_id)) if by_id else None
    if last.kind is EventKind.REASSIGNED and not details.get("returned_by"):
        return None
    return Back(last.kind, clause, details.get("remark") or details.get("reason"), by)


async def card(uow: UnitOfWork, due: DueDelivery, now: datetime) -> CardNotice | Skip:
    """The card of a lead given to the recipient, while it is still theirs and new."""
    lead = await uow.leads.get(due.ref_id)
    if lead is None:
        return GONE
    person = await active_recipient(uow, due)
    if isinstance(person, Skip):
        return person
    if lead.assignee_id != person.id or lead.assignment_no != kinds.assignment_of(due.batch):
        return MOVED_ON
    if not lead.awaits_first_action:
        return MOVED_ON
    shown = await card_of(uow, lead, person, Sight.FULL, now)
    return CardNotice(person, shown, await _why(uow, list(shown.history)))


@dataclass(frozen=True, slots=True)
class LateNotice:
    """The first-action deadline passed: to the rep (``rep`` None) or their team lead."""

    recipient: Person
    lead: Lead
    deadline: datetime | None
    rep: Person | None


async def _late(uow: UnitOfWork, due: DueDelivery, now: datetime) -> tuple[Person, Lead] | Skip:
    lead = await uow.leads.get(due.ref_id)
    if lead is None:
        return GONE
    person = await active_recipient(uow, due)
    if isinstance(person, Skip):
        return person
    if not lead.awaits_first_action or lead.assignment_no != kinds.assignment_of(due.batch):
        return MOVED_ON
    if await _away(uow, person, now):
        return AWAY
    return person, lead


async def reminder(uow: UnitOfWork, due: DueDelivery, now: datetime) -> LateNotice | Skip:
    found = await _late(uow, due, now)
    if isinstance(found, Skip):
        return found
    person, lead = found
    if lead.assignee_id != person.id:
        return MOVED_ON
    return LateNotice(person, lead, await deadline_of(uow, lead, person, now), None)


async def alert(uow: UnitOfWork, due: DueDelivery, now: datetime) -> LateNotice | Skip:
    found = await _late(uow, due, now)
    if isinstance(found, Skip):
        return found
    person, lead = found
    rep = await uow.people.get(lead.assignee_id or 0)
    return LateNotice(person, lead, await deadline_of(uow, lead, rep, now), rep)


@dataclass(frozen=True, slots=True)
class OrphanNotice:
    recipient: Person
    lead: Lead


async def orphan(uow: UnitOfWork, due: DueDelivery, now: datetime) -> OrphanNotice | Skip:
    lead = await uow.leads.get(due.ref_id)
    if lead is None:
        return GONE
    person = await active_recipient(uow, due)
    if isinstance(person, Skip):
        return person
    if lead.assignee_id is not None:
        return ASSIGNED
    return OrphanNotice(person, lead)


class Why(StrEnum):
    APPROVAL = "approval"  # over the cap: for the team lead to approve
    NEW = "new"  # it joined the analysts' queue
    OVERDUE = "overdue"  # past the decision SLA


@dataclass(frozen=True, slots=True)
class DisputeNotice:
    """A dispute for a team lead to approve, new in the analysts' queue, or overdue."""

    recipient: Person
    dispute: Dispute
    lead: Lead
    rep: Person | None
    clause: Clause | None
    why: Why


async def _dispute(
    uow: UnitOfWork, due: DueDelivery, status: DisputeStatus, *, why: Why
) -> DisputeNotice | Skip:
    dispute = await uow.disputes.get(due.ref_id)
    if dispute is None:
        return GONE
    person = await active_recipient(uow, due)
    if isinstance(person, Skip):
        return person
    if dispute.status is not status:
        return DECIDED
    lead = await uow.leads.get(dispute.lead_id)
    if lead is None:
        return GONE
    rep = await uow.people.get(dispute.rep_id)
    clause = await clause_as_it_was(uow, dispute.version, dispute.clause)
    return DisputeNotice(person, dispute, lead, rep, clause, why)


async def approval(uow: UnitOfWork, due: DueDelivery, now: datetime) -> DisputeNotice | Skip:
    return await _dispute(uow, due, DisputeStatus.APPROVAL, why=Why.APPROVAL)


async def new_dispute(uow: UnitOfWork, due: DueDelivery, now: datetime) -> DisputeNotice | Skip:
    """Sent while the dispute is still waiting for a verdict."""
    return await _dispute(uow, due, DisputeStatus.OPEN, why=Why.NEW)


async def overdue(uow: UnitOfWork, due: DueDelivery, now: datetime) -> DisputeNotice | Skip:
    found = await _dispute(uow, due, DisputeStatus.OPEN, why=Why.OVERDUE)
    if isinstance(found, Skip):
        return found
    if await _away(uow, found.recipient, now):
        return AWAY
    return found


@dataclass(frozen=True, slots=True)
class VerdictNotice:
    """The verdict, to the rep who disputed (``to_rep``) or to the marketer who brought the
    lead in."""

    recipient: Person
    dispute: Dispute
    lead: Lead
    clause: Clause | None  # the clause the verdict cites, as it was
    analyst: Person | None
    assignee: Person | None
    to_rep: bool


async def verdict(uow: UnitOfWork, due: DueDelivery, now: datetime) -> VerdictNotice | Skip:
    dispute = await uow.disputes.get(due.ref_id)
    if dispute is None:
        return GONE
    person = await active_recipient(uow, due)
    if isinstance(person, Skip):
        return person
    lead = await uow.leads.get(dispute.lead_id)
    if lead is None:
        return GONE
    if dispute.is_pending or dispute.verdict_version is None or dispute.verdict_clause is None:
        return Skip("no-verdict")
    clause = await clause_as_it_was(uow, dispute.verdict_version, dispute.verdict_clause)
    analyst = await uow.people.get(dispute.decided_by) if dispute.decided_by else None
    assignee = await uow.people.get(lead.assignee_id) if lead.assignee_id else None
    return VerdictNotice(
        person, dispute, lead, clause, analyst, assignee, due.batch == kinds.VERDICT_REP
    )


@dataclass(frozen=True, slots=True)
class RegulationNotice:
    recipient: Person
    regulation: Regulation


async def published(uow: UnitOfWork, due: DueDelivery, now: datetime) -> RegulationNotice | Skip:
    regulation = await uow.regulation.get(due.ref_id)
    if regulation is None:
        return GONE
    person = await active_recipient(uow, due)
    if isinstance(person, Skip):
        return person
    if regulation.is_draft:
        return NOT_PUBLISHED
    return RegulationNotice(person, regulation)
