"""Who may act on a meeting: its organiser (or an admin) manages it; its participants see it
and answer it. Every use case asks here, so forged ids and strangers get refusals and no data."""

from __future__ import annotations

from datetime import datetime

from domain.errors import Forbidden, NotFound
from domain.meetings.model import Meeting
from domain.meetings.participants import Participant
from domain.people.model import Person
from domain.permissions import Action, require
from domain.ports import AuditEntry, UnitOfWork


async def load(uow: UnitOfWork, meeting_id: int) -> Meeting:
    meeting = await uow.meetings.get(meeting_id)
    if meeting is None:
        raise NotFound()
    return meeting


def is_organiser(actor: Person, meeting: Meeting) -> bool:
    return actor.active and (meeting.organiser_id == actor.id or actor.is_admin)


async def organised(uow: UnitOfWork, *, actor: Person, meeting_id: int) -> Meeting:
    """The meeting, for its organiser or an admin."""
    require(actor, Action.SCHEDULE_MEETINGS)
    meeting = await load(uow, meeting_id)
    if not is_organiser(actor, meeting):
        raise Forbidden()
    return meeting


async def attending(
    uow: UnitOfWork, *, actor: Person, meeting_id: int
) -> tuple[Meeting, Participant | None]:
    """The meeting and the actor's participation, for a participant, its organiser or an
    admin; anybody else is refused (drafts are the organiser's alone)."""
    require(actor, Action.VIEW_MEETINGS)
    meeting = await load(uow, meeting_id)
    participant = await uow.meetings.participant(meeting.id, actor.id)
    if is_organiser(actor, meeting):
        return meeting, participant
    if participant is None or meeting.is_draft:
        raise Forbidden()
    return meeting, participant


async def participating(
    uow: UnitOfWork, *, actor: Person, meeting_id: int
) -> tuple[Meeting, Participant]:
    """The meeting, for one of its participants (RSVP, votes)."""
    meeting, participant = await attending(uow, actor=actor, meeting_id=meeting_id)
    if participant is None:
        raise Forbidden()
    return meeting, participant


async def audit(
    uow: UnitOfWork, actor: Person | None, meeting_id: int, what: str, now: datetime
) -> None:
    actor_id = actor.id if actor is not None else None
    await uow.audit.record(AuditEntry(actor_id, f"meeting.{what}", "meeting", meeting_id, now))


async def save(
    uow: UnitOfWork, actor: Person | None, meeting: Meeting, what: str, now: datetime
) -> Meeting:
    """Save ``meeting`` as the ``what`` change by ``actor``; returns it as stored."""
    await uow.meetings.save(meeting, now=now)
    await audit(uow, actor, meeting.id, what, now)
    return await load(uow, meeting.id)
