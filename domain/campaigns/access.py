"""Who may act on a campaign: its managers (marketers and admins) and its recipients (the
people its announcement reached). Other features (briefings, questions, feedback, meetings)
ask here, so the rule is written once."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from domain.campaigns.kinds import ANNOUNCE, ANNOUNCE_BATCH, CANCEL, REFRESH, REMIND, UPDATE
from domain.campaigns.model import Campaign
from domain.errors import Forbidden, NotFound
from domain.people.model import Person
from domain.permissions import Action, can, require
from domain.ports import UnitOfWork


async def load(uow: UnitOfWork, campaign_id: int) -> Campaign:
    campaign = await uow.campaigns.get(campaign_id)
    if campaign is None:
        raise NotFound()
    return campaign


async def managed(uow: UnitOfWork, *, actor: Person, campaign_id: int) -> Campaign:
    """The campaign, for someone who may manage campaigns."""
    require(actor, Action.MANAGE_CAMPAIGNS)
    return await load(uow, campaign_id)


async def editable(uow: UnitOfWork, *, actor: Person, campaign_id: int) -> Campaign:
    """The campaign, for a manager about to change it (a cancelled one is frozen)."""
    campaign = await managed(uow, actor=actor, campaign_id=campaign_id)
    campaign.check_editable()
    return campaign


async def received_by(uow: UnitOfWork, campaign_id: int) -> list[int]:
    """The people the campaign's announcement was delivered to (person ids)."""
    statuses = await uow.outbox.statuses(ANNOUNCE, campaign_id, ANNOUNCE_BATCH)
    return [person_id for person_id, status in statuses.items() if status == "sent"]


# What the campaign sent its recipients, for whether each was last reachable.
_SENT_KINDS = (ANNOUNCE, REMIND, UPDATE, CANCEL, REFRESH)
_FINISHED = ("sent", "unreachable")


async def unreachable_of(
    uow: UnitOfWork, campaign_id: int, person_ids: Collection[int]
) -> set[int]:
    """Those of ``person_ids`` who have blocked the bot (Telegram told it so), or whom the
    campaign's last message could not reach: an update for them is not sent again."""
    blocked = {p.id for p in await uow.people.many(sorted(person_ids)) if p.blocked_at is not None}
    latest: dict[int, tuple[datetime, str]] = {}
    for kind in _SENT_KINDS:
        for row in await uow.outbox.planned(kind, campaign_id, people=person_ids):
            if row.status in _FINISHED and (
                row.person_id not in latest or row.due_at >= latest[row.person_id][0]
            ):
                latest[row.person_id] = (row.due_at, row.status)
    return blocked | {pid for pid, (_, status) in latest.items() if status == "unreachable"}


async def is_recipient(uow: UnitOfWork, person: Person, campaign_id: int) -> bool:
    status = await uow.outbox.status(ANNOUNCE, campaign_id, ANNOUNCE_BATCH, person.id)
    return status == "sent"


async def as_recipient(uow: UnitOfWork, *, actor: Person, campaign_id: int) -> Campaign:
    """The campaign, for someone it was sent to (marketers and admins may look too)."""
    campaign = await load(uow, campaign_id)
    if await is_recipient(uow, actor, campaign_id) or can(actor, Action.MANAGE_CAMPAIGNS):
        return campaign
    raise Forbidden()
