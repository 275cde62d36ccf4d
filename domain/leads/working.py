"""The rep's side of a lead: take it, record outcomes, or return it.

Taking, disputing and returning are the first action the SLA waits for. A return gives the
lead back: round-robin hands it to the next available rep of the same team (not the one who
returned it), who is told why; when nobody can take it, whoever brought it in is told.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain import flows
from domain.errors import InvalidInput
from domain.flows import FlowState
from domain.leads import access, kinds
from domain.leads.access import Sight, note
from domain.leads.assignment import Scope, rotate
from domain.leads.flows import ReturnComment, StepGone
from domain.leads.model import (
    OUTCOMES,
    Event,
    EventKind,
    Lead,
    LeadStatus,
    LossReason,
    ReturnReason,
    clean_note,
)
from domain.leads.queries import LeadCard, card_of
from domain.people.model import Person, Role
from domain.ports import Outgoing, UnitOfWork


async def take(uow: UnitOfWork, *, actor: Person, lead_id: int, now: datetime) -> LeadCard:
    """✅ Take it. Returns the card as it is now (with the outcome buttons)."""
    lead = await access.held(uow, actor, lead_id)
    taken = lead.moved(Event.TAKE, now, first_action_at=now)
    await uow.leads.save(taken)
    await note(uow, lead.id, EventKind.TAKEN, actor.id, now, rep=actor.id)
    return await card_of(uow, taken, actor, Sight.FULL, now)


async def record_outcome(
    uow: UnitOfWork,
    *,
    actor: Person,
    lead_id: int,
    event: Event,
    now: datetime,
    loss_reason: LossReason | None = None,
) -> LeadCard:
    """📞 Contacted, 🤝 Meeting set, 🏆 Won or ✖️ Lost (with a reason)."""
    lead = await access.held(uow, actor, lead_id)
    if event not in OUTCOMES.get(lead.status, ()):
        raise InvalidInput("error-lead-state")
    if event is Event.LOSE and loss_reason is None:
        raise InvalidInput("error-lead-loss-reason")
    updated = lead.moved(
        event, now, loss_reason=loss_reason if event is Event.LOSE else lead.loss_reason
    )
    await uow.leads.save(updated)
    details: dict[str, object] = {"rep": actor.id, "outcome": updated.status.value}
    if loss_reason is not None and event is Event.LOSE:
        details["reason"] = loss_reason.value
    await note(uow, lead.id, EventKind.OUTCOME, actor.id, now, **details)
    return await card_of(uow, updated, actor, Sight.FULL, now)


@dataclass(frozen=True, slots=True)
class Returned:
    lead: Lead
    next_rep: Person | None  # None: nobody could take it; whoever brought it is told


@dataclass(frozen=True, slots=True)
class CommentAsked:
    """ "Other reason": the comment is awaited before the lead goes back."""

    lead: Lead
    state: ReturnComment
    replaced: FlowState | None


async def return_lead(
    uow: UnitOfWork, *, actor: Person, lead_id: int, reason: ReturnReason, now: datetime
) -> Returned | CommentAsked:
    """↩️ with a reason; "other" first asks for a comment."""
    lead = await access.held(uow, actor, lead_id)
    if lead.status not in (LeadStatus.NEW, LeadStatus.TAKEN):
        raise InvalidInput("error-lead-state")
    if reason is ReturnReason.OTHER:
        state = ReturnComment(lead.id)
        replaced = await flows.begin(uow.flows, actor.id, state, now=now)
        return CommentAsked(lead, state, replaced)
    return await _give_back(uow, actor, lead, reason, None, now)


async def return_with_comment(
    uow: UnitOfWork, *, actor: Person, text: str, now: datetime
) -> Returned:
    state = await flows.current(uow.flows, actor.id, ReturnComment)
    if state is None:
        raise StepGone()
    comment = clean_note(text)
    if comment is None:
        raise InvalidInput("error-text-expected")
    lead = await access.held(uow, actor, state.lead_id)
    await uow.flows.delete(actor.id)
    return await _give_back(uow, actor, lead, ReturnReason.OTHER, comment, now)


async def _give_back(
    uow: UnitOfWork,
    actor: Person,
    lead: Lead,
    reason: ReturnReason,
    comment: str | None,
    now: datetime,
) -> Returned:
    back = lead.moved(
        Event.RETURN, now, assignee_id=None, first_action_at=lead.first_action_at or now
    )
    await uow.leads.save(back)
    await note(
        uow, lead.id, EventKind.RETURNED, actor.id, now,
        rep=actor.id, reason=reason.value, comment=comment,
    )  # fmt: skip
    if back.team_id is not None:
        # Nobody gets back a lead they returned before.
        returned = {
            int(e.details["rep"])
            for e in await uow.leads.history(lead.id)
            if e.kind is EventKind.RETURNED and e.details.get("rep")
        }
        given = await rotate(
            uow, back, Scope(team_id=back.team_id), actor_id=None, now=now,
            exclude=returned | {actor.id}, kind=EventKind.REASSIGNED, returned_by=actor.id,
            reason=reason.value,
        )  # fmt: skip
        if given is not None:
            return Returned(given, await uow.people.get(given.assignee_id or 0))
    await _orphaned(uow, back, now)
    return Returned(back, None)


async def _orphaned(uow: UnitOfWork, lead: Lead, now: datetime) -> None:
    """Nobody could take it: tell whoever brought it in (else the marketers)."""
    await note(uow, lead.id, EventKind.UNASSIGNED, None, now)
    creator = await uow.people.get(lead.created_by) if lead.created_by is not None else None
    people = [creator] if creator is not None and creator.active else []
    if not people:
        people = list(await uow.people.with_role(Role.MARKETER))
    await uow.outbox.enqueue(
        kinds.ORPHAN,
        lead.id,
        f"o{lead.assignment_no}",
        [Outgoing(p.id, p.telegram_id, now) for p in people],
    )
