"""A campaign's key messages and materials, edited from their lists on the card."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain import flows
from domain.campaigns import access, records
from domain.campaigns.flows import EditingKeyMessage
from domain.campaigns.model import MESSAGE_MAX, Campaign, clean_text
from domain.errors import NotFound
from domain.flows import FlowState
from domain.people.model import Person
from domain.ports import UnitOfWork


@dataclass(frozen=True, slots=True)
class KeyMessagePrompt:
    """Waiting for the new text of key message ``state.index``."""

    state: EditingKeyMessage
    previous: FlowState | None


def _check_index(campaign: Campaign, index: int, key: str | None = None) -> None:
    if not 0 <= index < len(campaign.key_messages):
        raise NotFound(key)


async def open_list(uow: UnitOfWork, *, actor: Person, campaign_id: int) -> Campaign:
    """The campaign, for its list of key messages or of materials: opening one leaves the
    step the marketer was on."""
    campaign = await access.managed(uow, actor=actor, campaign_id=campaign_id)
    await uow.flows.delete(actor.id)
    return campaign


async def edit_key_message(
    uow: UnitOfWork, *, actor: Person, campaign_id: int, index: int, now: datetime
) -> KeyMessagePrompt:
    campaign = await access.managed(uow, actor=actor, campaign_id=campaign_id)
    _check_index(campaign, index, "button-expired")  # drawn before the list got shorter
    state = EditingKeyMessage(campaign.id, index)
    return KeyMessagePrompt(state, await flows.begin(uow.flows, actor.id, state, now=now))


async def replace_key_message(
    uow: UnitOfWork, *, actor: Person, state: EditingKeyMessage, text: str, now: datetime
) -> Campaign:
    """The new text typed: saved, and the step is over."""
    campaign = await access.editable(uow, actor=actor, campaign_id=state.campaign_id)
    _check_index(campaign, state.index)
    messages = list(campaign.key_messages)
    messages[state.index] = clean_text(text, limit=MESSAGE_MAX)
    changed = campaign.with_(key_messages=tuple(messages))
    saved = await records.save(uow, actor, changed, "edit_message", now)
    await uow.flows.delete(actor.id)
    return saved


async def remove_key_message(
    uow: UnitOfWork, *, actor: Person, campaign_id: int, index: int, now: datetime
) -> Campaign:
    campaign = await access.editable(uow, actor=actor, campaign_id=campaign_id)
    _check_index(campaign, index)
    messages = tuple(m for i, m in enumerate(campaign.key_messages) if i != index)
    return await records.save(
        uow, actor, campaign.with_(key_messages=messages), "remove_message", now
    )


async def remove_material(
    uow: UnitOfWork, *, actor: Person, campaign_id: int, material_id: int, now: datetime
) -> Campaign:
    campaign = await access.editable(uow, actor=actor, campaign_id=campaign_id)
    if not await uow.campaigns.remove_material(campaign.id, material_id):
        raise NotFound()
    await records.audit(uow, actor, campaign.id, "remove_material", now)
    return await access.load(uow, campaign.id)
