"""The recipient's side: the announcement again, its materials, and "Got it"; and the
marketer's preview of exactly that."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain.campaigns import access, records
from domain.campaigns.kinds import ANNOUNCE, ANNOUNCE_BATCH
from domain.campaigns.model import Campaign, Status
from domain.campaigns.queries import Announcement, announcement_for, days_to_launch
from domain.errors import Forbidden, InvalidInput
from domain.people.model import Person
from domain.ports import UnitOfWork
from domain.timezones import local_today


@dataclass(frozen=True, slots=True)
class Acknowledged:
    """``first``: this press recorded it (pressing again is harmless). ``message_id``: the
    original announcement in the person's chat, to show it acknowledged."""

    announcement: Announcement
    first: bool
    message_id: int | None


async def acknowledge(
    uow: UnitOfWork, *, actor: Person, campaign_id: int, now: datetime
) -> Acknowledged:
    """Pressing "Got it" under the announcement or a reminder: only for those it reached, not
    once the campaign is cancelled."""
    campaign = await access.load(uow, campaign_id)
    if not await access.is_recipient(uow, actor, campaign_id):
        raise Forbidden()
    if campaign.status is Status.CANCELLED:
        raise InvalidInput("error-campaign-cancelled")
    first = await uow.campaigns.acknowledge(campaign.id, actor.id, at=now)
    if first:
        await records.audit(uow, actor, campaign.id, "acknowledge", now)
    message_id = await uow.outbox.message_id(ANNOUNCE, campaign.id, ANNOUNCE_BATCH, actor.id)
    announcement = await announcement_for(uow, campaign, actor, now)
    return Acknowledged(announcement, first, message_id)


async def announcement(
    uow: UnitOfWork, *, actor: Person, campaign_id: int, now: datetime
) -> Announcement:
    """The announcement again, for someone it reached (managers may look too)."""
    campaign = await access.as_recipient(uow, actor=actor, campaign_id=campaign_id)
    return await announcement_for(uow, campaign, actor, now)


async def materials(uow: UnitOfWork, *, actor: Person, campaign_id: int) -> Campaign:
    """The campaign whose materials a recipient asked for."""
    return await access.as_recipient(uow, actor=actor, campaign_id=campaign_id)


async def preview(
    uow: UnitOfWork, *, actor: Person, campaign_id: int, now: datetime
) -> Announcement:
    """The announcement exactly as a recipient gets it, for the marketer (in their zone)."""
    campaign = await access.managed(uow, actor=actor, campaign_id=campaign_id)
    return Announcement(actor, campaign, days_to_launch(campaign, actor, now))


async def redeliver(uow: UnitOfWork, person: Person, now: datetime) -> int:
    """A person who had blocked the bot is back: an announcement that could not reach them
    goes again, once, while its campaign is announced and not launched yet in their zone
    (outside their quiet hours). Reminders are not repeated."""
    queued = 0
    for row in await uow.outbox.unreachable_for(person.id, ANNOUNCE):
        if row.batch != ANNOUNCE_BATCH:
            continue
        campaign = await uow.campaigns.get(row.ref_id)
        if campaign is None or campaign.status is not Status.ANNOUNCED:
            continue
        if campaign.launch_date is not None and campaign.launch_date < local_today(
            now, person.timezone
        ):
            continue
        moment = now
        if person.quiet_hours is not None:
            moment = person.quiet_hours.next_allowed(now, person.timezone)
        if await uow.outbox.requeue(ANNOUNCE, campaign.id, row.batch, person.id, due_at=moment):
            queued += 1
    return queued
