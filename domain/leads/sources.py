"""Leads over HTTP: the sources (a website form, a CRM), each with a hashed, revocable
token an admin creates in the bot, and the one use case the endpoint calls per request."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from domain import flows
from domain.errors import Forbidden, InvalidInput, NotFound
from domain.flows import FlowState
from domain.leads.assignment import Scope, rotate
from domain.leads.flows import SourceName
from domain.leads.intake import campaigns_by_name, contact_of, create
from domain.leads.model import EventKind, Lead, clean_field
from domain.leads.ports import LeadSource
from domain.people.model import Person
from domain.permissions import Action, require
from domain.ports import AuditEntry, UnitOfWork

SOURCE_NAME_MAX = 64


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class Received:
    lead: Lead
    created: bool  # False: a replay of an external id already received


async def receive(
    uow: UnitOfWork,
    *,
    token: str,
    external_id: str | None,
    fields: Mapping[str, str | None],
    campaign: str | None,
    now: datetime,
) -> Received:
    """A lead posted by a website form or a CRM. Forbidden for an unknown or revoked token;
    the same external id again returns the lead it created. A lead whose region is a team's
    region goes round-robin there; others wait for a marketer."""
    source = await uow.lead_sources.by_token_hash(hash_token(token)) if token else None
    if source is None or not source.active:
        raise Forbidden()
    if external_id:
        earlier = await uow.leads.by_external_id(source.id, external_id)
        if earlier is not None:
            return Received(earlier, False)
    campaign_id = None
    if campaign:
        wanted = campaign.strip().casefold()
        found = [c.id for c in await campaigns_by_name(uow) if c.name.casefold() == wanted
                 or str(c.id) == wanted]  # fmt: skip
        if not found:
            raise InvalidInput("error-import-campaign", value=campaign)
        campaign_id = found[0]
    merged = {**fields, "source": fields.get("source") or source.name}
    contact = contact_of(merged, "RU", campaign_id)
    creator = await uow.people.get(source.created_by)
    lead = await create(uow, contact, creator, now, kind=EventKind.CREATED,
                         source_id=source.id, external_id=external_id)  # fmt: skip
    if contact.region:
        lead = await rotate(uow, lead, Scope(region=contact.region), actor_id=None, now=now) or lead
    return Received(lead, True)


@dataclass(frozen=True, slots=True)
class NewSource:
    source: LeadSource
    token: str  # shown once; only its hash is kept


async def sources(uow: UnitOfWork, *, actor: Person) -> Sequence[LeadSource]:
    require(actor, Action.MANAGE_INTAKE)
    return [s for s in await uow.lead_sources.all() if s.active]


async def start_source(uow: UnitOfWork, *, actor: Person, now: datetime) -> FlowState | None:
    require(actor, Action.MANAGE_INTAKE)
    return await flows.begin(uow.flows, actor.id, SourceName(), now=now)


async def create_source(uow: UnitOfWork, *, actor: Person, name: str, now: datetime) -> NewSource:
    require(actor, Action.MANAGE_INTAKE)
    clean = clean_field(name, limit=SOURCE_NAME_MAX)
    if clean is None:
        raise InvalidInput("error-text-expected")
    token = "tdm_" + secrets.token_urlsafe(24)
    source = await uow.lead_sources.add(
        name=clean, token_hash=hash_token(token), created_by=actor.id, now=now
    )
    await uow.flows.delete(actor.id)
    await uow.audit.record(AuditEntry(actor.id, "leads.source", "lead_source", source.id, now))
    return NewSource(source, token)


async def revoke_source(
    uow: UnitOfWork, *, actor: Person, source_id: int, now: datetime
) -> LeadSource:
    require(actor, Action.MANAGE_INTAKE)
    source = await uow.lead_sources.get(source_id)
    if source is None:
        raise NotFound()
    if source.active:
        await uow.lead_sources.revoke(source_id, at=now)
        await uow.audit.record(
            AuditEntry(actor.id, "leads.source.revoke", "lead_source", source.id, now)
        )
    return replace(source, revoked_at=source.revoked_at or now)
