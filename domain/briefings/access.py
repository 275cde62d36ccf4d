"""Who may act on a briefing: the campaign's managers build, send and read it; the people it
reached answer it. Every briefing use case starts here."""

from __future__ import annotations

from domain.briefings.kinds import ASK, ASK_BATCH
from domain.briefings.model import Briefing
from domain.campaigns import access as campaigns
from domain.campaigns.model import Campaign
from domain.errors import Forbidden, NotFound
from domain.people.model import Person
from domain.permissions import Action, require
from domain.ports import UnitOfWork


async def load(uow: UnitOfWork, briefing_id: int) -> Briefing:
    briefing = await uow.briefings.get(briefing_id)
    if briefing is None:
        raise NotFound()
    return briefing


async def managed(uow: UnitOfWork, *, actor: Person, briefing_id: int) -> tuple[Briefing, Campaign]:
    """The briefing and its campaign, for someone who runs briefings and manages campaigns."""
    require(actor, Action.RUN_BRIEFINGS)
    briefing = await load(uow, briefing_id)
    campaign = await campaigns.managed(uow, actor=actor, campaign_id=briefing.campaign_id)
    return briefing, campaign


async def draft(uow: UnitOfWork, *, actor: Person, briefing_id: int) -> tuple[Briefing, Campaign]:
    """As :func:`managed`, for a change: only a draft may still be edited."""
    briefing, campaign = await managed(uow, actor=actor, briefing_id=briefing_id)
    briefing.check_draft()
    return briefing, campaign


async def is_recipient(uow: UnitOfWork, person: Person, briefing_id: int) -> bool:
    """The request was delivered to this person (being in the audience is not enough)."""
    return await uow.outbox.status(ASK, briefing_id, ASK_BATCH, person.id) == "sent"


async def as_recipient(uow: UnitOfWork, *, actor: Person, briefing_id: int) -> Briefing:
    """The briefing, for someone it reached."""
    briefing = await load(uow, briefing_id)
    if not await is_recipient(uow, actor, briefing_id):
        raise Forbidden()
    return briefing
