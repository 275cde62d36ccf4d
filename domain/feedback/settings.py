"""A campaign's feedback settings: anonymity and the prompt days. Marketers and admins see
and change them; a cancelled campaign's settings no longer change."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from domain import flows
from domain.campaigns import access
from domain.campaigns.model import Campaign, Status
from domain.errors import InvalidInput
from domain.feedback.flows import TypingDays
from domain.feedback.model import (
    SETTINGS_CHANGED,
    FeedbackSettings,
    check_prompt_days,
    parse_prompt_days,
)
from domain.flows import FlowState
from domain.people.model import Person
from domain.ports import AuditEntry, UnitOfWork


@dataclass(frozen=True, slots=True)
class CampaignSettings:
    campaign: Campaign
    settings: FeedbackSettings


@dataclass(frozen=True, slots=True)
class AskedForDays:
    """The marketer is to type the days (``flow``, which replaced ``left``)."""

    flow: TypingDays
    left: FlowState | None


async def settings_of(uow: UnitOfWork, *, actor: Person, campaign_id: int) -> CampaignSettings:
    campaign = await access.managed(uow, actor=actor, campaign_id=campaign_id)
    return CampaignSettings(campaign, await uow.feedback.settings(campaign.id))


async def _change(
    uow: UnitOfWork,
    actor: Person,
    campaign_id: int,
    now: datetime,
    *,
    anonymous: bool | None = None,
    prompt_days: tuple[int, ...] | None = None,
) -> CampaignSettings:
    current = await settings_of(uow, actor=actor, campaign_id=campaign_id)
    campaign, settings = current.campaign, current.settings
    if campaign.status is Status.CANCELLED:
        raise InvalidInput("error-campaign-cancelled")
    updated = FeedbackSettings(
        campaign_id=campaign.id,
        anonymous=settings.anonymous if anonymous is None else anonymous,
        prompt_days=settings.prompt_days if prompt_days is None else prompt_days,
    )
    await uow.feedback.save_settings(updated, by=actor.id, now=now)
    details = {"anonymous": updated.anonymous, "prompt_days": list(updated.prompt_days)}
    await uow.audit.record(
        AuditEntry(actor.id, SETTINGS_CHANGED, "campaign", campaign.id, now, details)
    )
    return CampaignSettings(campaign, updated)


async def toggle_anonymous(
    uow: UnitOfWork, *, actor: Person, campaign_id: int, now: datetime
) -> CampaignSettings:
    """Switch anonymity. Switching it off later does not reveal what was given under it."""
    current = await settings_of(uow, actor=actor, campaign_id=campaign_id)
    return await _change(uow, actor, campaign_id, now, anonymous=not current.settings.anonymous)


async def set_prompt_days(
    uow: UnitOfWork, *, actor: Person, campaign_id: int, days: Sequence[int], now: datetime
) -> CampaignSettings:
    """The days after launch the prompts go out (none: prompts off, the button stays)."""
    return await _change(uow, actor, campaign_id, now, prompt_days=check_prompt_days(days))


async def ask_for_days(
    uow: UnitOfWork, *, actor: Person, campaign_id: int, now: datetime
) -> AskedForDays:
    """ "Other days": wait for the days as text."""
    await settings_of(uow, actor=actor, campaign_id=campaign_id)
    state = TypingDays(campaign_id)
    return AskedForDays(state, await flows.begin(uow.flows, actor.id, state, now=now))


async def type_days(
    uow: UnitOfWork, *, actor: Person, campaign_id: int, text: str, now: datetime
) -> CampaignSettings:
    """The days as typed (``3, 14`` / ``3 и 14``); the step ends once they are saved, and
    stays open for another try when they cannot be read."""
    changed = await set_prompt_days(
        uow, actor=actor, campaign_id=campaign_id, days=parse_prompt_days(text), now=now
    )
    await leave_typing_days(uow, actor)
    return changed


async def leave_typing_days(uow: UnitOfWork, actor: Person) -> None:
    """Leave a half-typed days step (the marketer moved on, or the days are saved)."""
    if await flows.current(uow.flows, actor.id, TypingDays) is not None:
        await uow.flows.delete(actor.id)
