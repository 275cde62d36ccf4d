"""Leads coming in: one at a time from the /newlead form, many from a file, or over HTTP.

Every way in checks the same things (a name; a phone or an e-mail; a phone that really is
one, normalised to E.164) and flags a possible duplicate: the same phone or e-mail in a lead
of the last 30 days. Duplicates are kept and marked, never silently dropped.
"""

from __future__ import annotations

import asyncio
import hashlib
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from domain import flows
from domain.campaigns.model import Campaign
from domain.errors import DomainError, Forbidden, InvalidInput, NotFound
from domain.flows import FlowState
from domain.leads.access import note
from domain.leads.assignment import Scope, give, rotate
from domain.leads.flows import OPTIONAL, AwaitingImport, FormField, LeadForm, SourceName, StepGone
from domain.leads.model import (
    COMMENT_MAX,
    NAME_MAX,
    Contact,
    EventKind,
    HistoryEntry,
    Lead,
    NewLead,
    clean_field,
    clean_note,
)
from domain.leads.parsing import Table, normalize_email, normalize_phone
from domain.leads.ports import LeadSource
from domain.people.model import Person
from domain.permissions import Action, require
from domain.ports import AuditEntry, UnitOfWork, UnitOfWorkFactory

DUPLICATE_DAYS = 30
CHUNK = 1000  # rows written per transaction, so other people's work goes on in between
SOURCE_NAME_MAX = 64


async def default_region(uow: UnitOfWork, person: Person | None) -> str:
    """Where a phone without a country code is read: the person's team's country, else RU."""
    if person is not None and person.team_id is not None:
        team = await uow.teams.get(person.team_id)
        if team is not None:
            return team.country
    return "RU"


def contact_of(fields: Mapping[str, str | None], region: str, campaign_id: int | None) -> Contact:
    """Checked and cleaned fields of one lead; InvalidInput names what is wrong."""
    name = clean_field(fields.get("name"), limit=NAME_MAX)
    if name is None:
        raise InvalidInput("error-lead-name")
    phone_raw, email_raw = fields.get("phone"), fields.get("email")
    phone = normalize_phone(phone_raw, region) if phone_raw else None
    email = normalize_email(email_raw) if email_raw else None
    if phone is None and email is None:
        raise InvalidInput("error-lead-contact")
    return Contact(
        name=name,
        phone=phone,
        email=email,
        company=clean_field(fields.get("company")),
        region=clean_field(fields.get("region")),
        source=clean_field(fields.get("source"), limit=64),
        campaign_id=campaign_id,
        comment=clean_note(fields.get("comment"), limit=COMMENT_MAX),
    )


async def _duplicate_of(uow: UnitOfWork, contact: Contact, now: datetime) -> int | None:
    found = await uow.leads.recent_by_contact(
        phones=[contact.phone] if contact.phone else [],
        emails=[contact.email] if contact.email else [],
        since=now - timedelta(days=DUPLICATE_DAYS),
    )
    ids = [found[key] for key in (contact.phone, contact.email) if key and key in found]
    return min(ids, default=None)


# --- /newlead ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FormStep:
    """The form after a step: the next field asked, with what it offers."""

    state: LeadForm
    campaigns: Sequence[Campaign] = ()
    replaced: FlowState | None = None


async def _campaigns(uow: UnitOfWork) -> Sequence[Campaign]:
    return [c for c in await uow.campaigns.all(include_cancelled=False) if c.name]


async def _step(uow: UnitOfWork, actor: Person, state: LeadForm, now: datetime) -> FormStep:
    await uow.flows.save(actor.id, state, now=now)
    offered = await _campaigns(uow) if state.waiting is FormField.CAMPAIGN else ()
    return FormStep(state, offered)


async def start_form(uow: UnitOfWork, *, actor: Person, now: datetime) -> FormStep:
    require(actor, Action.MANAGE_LEADS)
    state = LeadForm()
    replaced = await flows.begin(uow.flows, actor.id, state, now=now)
    return FormStep(state, replaced=replaced)


async def _form(uow: UnitOfWork, actor: Person) -> LeadForm:
    require(actor, Action.MANAGE_LEADS)
    state = await flows.current(uow.flows, actor.id, LeadForm)
    if state is None or state.waiting is FormField.ASSIGN:
        raise StepGone()
    return state


async def answer_form(uow: UnitOfWork, *, actor: Person, text: str, now: datetime) -> FormStep:
    """The value typed for the field asked; bad input keeps the step."""
    state = await _form(uow, actor)
    field_ = state.waiting
    if field_ is FormField.CAMPAIGN:
        raise InvalidInput("error-use-buttons")
    value: str | None
    if field_ is FormField.NAME:
        value = clean_field(text, limit=NAME_MAX)
        if value is None:
            raise InvalidInput("error-lead-name")
    elif field_ is FormField.PHONE:
        value = normalize_phone(text, await default_region(uow, actor))
    elif field_ is FormField.EMAIL:
        value = normalize_email(text)
    elif field_ is FormField.COMMENT:
        value = clean_note(text, limit=COMMENT_MAX)
    else:
        value = clean_field(text, limit=64 if field_ is FormField.SOURCE else 200)
    return await _step(uow, actor, state.given(value), now)


async def skip_field(uow: UnitOfWork, *, actor: Person, now: datetime) -> FormStep:
    """⏭ on an optional field (the phone may be skipped when an e-mail follows)."""
    state = await _form(uow, actor)
    if state.waiting not in OPTIONAL and state.waiting is not FormField.PHONE:
        raise InvalidInput("error-lead-name")
    return await _step(uow, actor, state.given(None), now)


async def pick_campaign(
    uow: UnitOfWork, *, actor: Person, campaign_id: int, now: datetime
) -> FormStep:
    state = await _form(uow, actor)
    if state.waiting is not FormField.CAMPAIGN:
        raise StepGone()
    if await uow.campaigns.get(campaign_id) is None:
        raise NotFound()
    return await _step(uow, actor, state.given(campaign_id), now)


@dataclass(frozen=True, slots=True)
class Created:
    lead: Lead
    duplicate_of: int | None
    assignee: Person | None  # None: left unassigned (nobody available, or by choice)


async def create_from_form(
    uow: UnitOfWork,
    *,
    actor: Person,
    team_id: int | None,
    rep_id: int | None,
    now: datetime,
) -> Created:
    """The form's last step: create the lead and give it to a rep, round-robin in a team,
    or leave it unassigned (both None)."""
    require(actor, Action.MANAGE_LEADS)
    state = await flows.current(uow.flows, actor.id, LeadForm)
    if state is None or state.waiting is not FormField.ASSIGN:
        raise StepGone()
    skipped = (FormField.CAMPAIGN, FormField.ASSIGN)
    fields = {f.value: getattr(state, f.value) for f in FormField if f not in skipped}
    contact = contact_of(fields, "RU", state.campaign_id)  # the phone is E.164 already
    lead = await _create(uow, contact, actor, now, kind=EventKind.CREATED)
    await uow.flows.delete(actor.id)
    assignee = None
    if rep_id is not None:
        rep = await uow.people.get(rep_id)
        if rep is None or not rep.active:
            raise NotFound()
        lead = await give(uow, lead, rep, actor_id=actor.id, now=now)
        assignee = rep
    elif team_id is not None:
        given = await rotate(uow, lead, Scope(team_id=team_id), actor_id=actor.id, now=now)
        if given is not None:
            lead = given
            assignee = await uow.people.get(given.assignee_id or 0)
    return Created(lead, lead.duplicate_of, assignee)


async def _create(
    uow: UnitOfWork,
    contact: Contact,
    actor: Person | None,
    now: datetime,
    *,
    kind: EventKind,
    source_id: int | None = None,
    external_id: str | None = None,
) -> Lead:
    duplicate = await _duplicate_of(uow, contact, now)
    lead = await uow.leads.add(
        NewLead(
            contact,
            actor.id if actor else None,
            now,
            duplicate_of=duplicate,
            intake_source_id=source_id,
            external_id=external_id,
        )
    )
    await note(uow, lead.id, kind, actor.id if actor else None, now, duplicate_of=duplicate)
    return lead


# --- files ---------------------------------------------------------------------------------------


async def start_import(uow: UnitOfWork, *, actor: Person, now: datetime) -> FlowState | None:
    """📥: a CSV or XLSX file is awaited. Returns the flow it replaced."""
    require(actor, Action.MANAGE_LEADS)
    return await flows.begin(uow.flows, actor.id, AwaitingImport(), now=now)


@dataclass(frozen=True, slots=True)
class Rejected:
    row: tuple[str, ...]
    reason: str  # a message key
    args: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ImportReport:
    import_id: str
    imported: int
    duplicates: int
    rejected: tuple[Rejected, ...]
    header: tuple[str, ...]
    teams: tuple[tuple[int, str], ...] = ()  # where the imported leads may go round-robin


@dataclass(frozen=True, slots=True)
class _Row:
    contact: Contact
    key: tuple[str | None, str | None]


def _checked(
    table: Table, region: str, campaigns: Mapping[str, int]
) -> tuple[list[_Row], list[Rejected]]:
    good: list[_Row] = []
    bad: list[Rejected] = []
    for row in table.rows:
        record = table.record(row)
        campaign_id = None
        if record.get("campaign"):
            campaign_id = campaigns.get(record["campaign"].casefold())
            if campaign_id is None:
                bad.append(Rejected(row, "error-import-campaign", {"value": record["campaign"]}))
                continue
        try:
            contact = contact_of(record, region, campaign_id)
        except DomainError as error:
            bad.append(Rejected(row, error.key, error.args_))
            continue
        good.append(_Row(contact, (contact.phone, contact.email)))
    return good, bad


async def import_table(
    uows: UnitOfWorkFactory, *, actor: Person, table: Table, now: datetime
) -> ImportReport:
    """Import a parsed file: check every row first, then write the good ones ``CHUNK`` at a
    time, each chunk its own transaction (other people's work goes on in between). If a chunk
    fails, what this import wrote is removed again: nothing is half-imported. Unlike other use
    cases this one takes the unit-of-work factory, because it spans transactions."""
    async with uows() as uow:
        require(actor, Action.MANAGE_LEADS)
        region = await default_region(uow, actor)
        campaigns = {c.name.casefold(): c.id for c in await _campaigns(uow)}
        teams = tuple((t.id, t.name) for t in await uow.teams.all())
        await uow.flows.delete(actor.id)
    # Checking 10,000 phone numbers is CPU work: off the event loop, like reading the file.
    good, bad = await asyncio.to_thread(_checked, table, region, campaigns)
    import_id = f"{actor.id}.{int(now.timestamp() * 1000)}"
    duplicates = 0
    try:
        for start in range(0, len(good), CHUNK):
            async with uows() as uow:
                duplicates += await _write(uow, good[start : start + CHUNK], actor, import_id, now)
    except BaseException:
        async with uows() as uow:
            await uow.leads.discard_import(import_id)
        raise
    if good:
        async with uows() as uow:
            await uow.audit.record(
                AuditEntry(actor.id, "leads.import", "import", None, now,
                           {"import": import_id, "rows": len(good), "rejected": len(bad)})
            )  # fmt: skip
    return ImportReport(import_id, len(good), duplicates, tuple(bad), table.header, teams)


async def _write(
    uow: UnitOfWork, rows: Sequence[_Row], actor: Person, import_id: str, now: datetime
) -> int:
    since = now - timedelta(days=DUPLICATE_DAYS)
    known = dict(
        await uow.leads.recent_by_contact(
            phones=[r.contact.phone for r in rows if r.contact.phone],
            emails=[r.contact.email for r in rows if r.contact.email],
            since=since,
        )
    )
    news = []
    for row in rows:
        earlier = [known[k] for k in row.key if k and k in known]
        news.append(
            NewLead(row.contact, actor.id, now, min(earlier, default=None), import_id=import_id)
        )
    ids = await uow.leads.add_many(news)
    # A repeat within the file is a duplicate of the file's first row with that contact.
    repeats: dict[int, int] = {}
    first: dict[str, int] = {}
    for lead_id, new, row in zip(ids, news, rows, strict=True):
        for k in row.key:
            if not k:
                continue
            if k in first and new.duplicate_of is None:
                repeats[lead_id] = first[k]
            first.setdefault(k, lead_id)
    if repeats:
        await uow.leads.mark_duplicates(repeats)
    await uow.leads.record_many(
        [
            HistoryEntry(lead_id, now, actor.id, EventKind.IMPORTED,
                         {"duplicate_of": repeats.get(lead_id, new.duplicate_of)})
            for lead_id, new in zip(ids, news, strict=True)
        ]
    )  # fmt: skip
    return sum(1 for lead_id, new in zip(ids, news, strict=True)
               if new.duplicate_of is not None or lead_id in repeats)  # fmt: skip


# --- HTTP intake ---------------------------------------------------------------------------------


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
        found = [c.id for c in await _campaigns(uow) if c.name.casefold() == wanted
                 or str(c.id) == wanted]  # fmt: skip
        if not found:
            raise InvalidInput("error-import-campaign", value=campaign)
        campaign_id = found[0]
    merged = {**fields, "source": fields.get("source") or source.name}
    contact = contact_of(merged, "RU", campaign_id)
    creator = await uow.people.get(source.created_by)
    lead = await _create(uow, contact, creator, now, kind=EventKind.CREATED,
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
