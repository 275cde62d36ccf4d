"""Writing a changed campaign: saved, written in the audit log, and read back."""

from __future__ import annotations

from datetime import datetime

from domain.campaigns import access
from domain.campaigns.model import Campaign
from domain.people.model import Person
from domain.ports import AuditEntry, UnitOfWork


async def audit(uow: UnitOfWork, actor: Person, campaign_id: int, what: str, now: datetime) -> None:
    await uow.audit.record(AuditEntry(actor.id, f"campaign.{what}", "campaign", campaign_id, now))


async def save(
    uow: UnitOfWork, actor: Person, campaign: Campaign, what: str, now: datetime
) -> Campaign:
    """Save ``campaign`` as the ``what`` change by ``actor``; returns it as stored."""
    await uow.campaigns.save(campaign, now=now)
    await audit(uow, actor, campaign.id, what, now)
    return await access.load(uow, campaign.id)
