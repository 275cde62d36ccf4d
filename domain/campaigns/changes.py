"""After the announcement: a numbered update, or the cancellation, to everyone who got it and
can still be reached, and every original announcement edited to show the campaign's current
state. An update says what changed since recipients last saw the campaign (old → new)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain import flows
from domain.campaigns import access, records
from domain.campaigns.flows import WritingNote
from domain.campaigns.kinds import CANCEL, REFRESH, UPDATE
from domain.campaigns.model import NOTE_MAX, Campaign, Status, clean_text
from domain.campaigns.queries import CampaignCard, card_of
from domain.campaigns.scheduling import withdraw_pending
from domain.campaigns.versions import Note, NoteKind
from domain.errors import InvalidInput
from domain.flows import FlowState
from domain.people.model import Person
from domain.ports import Outgoing, UnitOfWork


@dataclass(frozen=True, slots=True)
class NotePrompt:
    """Waiting for the note of an update or the cancellation of ``campaign``."""

    campaign: Campaign
    state: WritingNote
    previous: FlowState | None


@dataclass(frozen=True, slots=True)
class NoteSent:
    """The note is going out to ``count`` people (not to ``unreachable``, whom the campaign
    could not reach last time); the card to show after it."""

    note: Note
    count: int
    card: CampaignCard
    unreachable: tuple[Person, ...] = ()


async def ask_note(
    uow: UnitOfWork, *, actor: Person, campaign_id: int, purpose: NoteKind, now: datetime
) -> NotePrompt:
    """The prompt for an update or the cancellation: only once it has been announced."""
    campaign = await access.managed(uow, actor=actor, campaign_id=campaign_id)
    if campaign.status is not Status.ANNOUNCED:
        raise InvalidInput("error-not-sent-yet")
    state = WritingNote(campaign.id, purpose)
    return NotePrompt(campaign, state, await flows.begin(uow.flows, actor.id, state, now=now))


async def send_note(
    uow: UnitOfWork, *, actor: Person, state: WritingNote, text: str, now: datetime
) -> NoteSent:
    """The note typed: numbered, sent to everyone the announcement reached, and their
    announcements refreshed. A cancellation also withdraws what has not gone out yet."""
    campaign = await access.editable(uow, actor=actor, campaign_id=state.campaign_id)
    body = clean_text(text, limit=NOTE_MAX)
    if campaign.status is Status.DRAFT:
        raise InvalidInput("error-not-sent-yet")
    cancel = state.purpose is NoteKind.CANCELLATION
    changes = () if cancel else campaign.changed_since_sent()
    note = Note(campaign.revision + 1, state.purpose, body, changes, actor.id)
    await uow.campaigns.add_note(campaign.id, note, by=actor.id, at=now)
    if cancel:
        await withdraw_pending(uow, campaign.id)
        changed = campaign.with_(revision=note.number, status=Status.CANCELLED, cancelled_at=now)
    else:
        changed = campaign.with_(revision=note.number).as_sent()
    saved = await records.save(uow, actor, changed, "cancel" if cancel else "update", now)
    received = await access.received_by(uow, campaign.id)
    gone = await access.unreachable_of(uow, campaign.id, received)
    people = await uow.people.many([pid for pid in received if pid not in gone])
    items = [Outgoing(p.id, p.telegram_id, now) for p in people]
    await uow.outbox.enqueue(
        CANCEL if cancel else UPDATE, campaign.id, f"update:{note.number}", items
    )
    await uow.outbox.enqueue(REFRESH, campaign.id, f"refresh:{note.number}", items)
    await uow.flows.delete(actor.id)
    unreachable = tuple(
        sorted(await uow.people.many(sorted(gone)), key=lambda p: p.full_name.lower())
    )
    return NoteSent(note, len(items), await card_of(uow, actor, saved), unreachable)
