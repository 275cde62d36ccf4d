"""Leads coming in: one at a time from the /newlead form, many from a file, or over HTTP.

Every way in checks the same things (a name; a phone or an e-mail; a phone that really is
one, normalised to E.164) and flags a possible duplicate: the same phone or e-mail in a lead
of the last 30 days. Duplicates are kept and marked, never silently dropped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from domain import flows
from domain.campaigns.model import Campaign
from domain.errors import InvalidInput, NotFound
from domain.flows import FlowState
from domain.leads.access import note
from domain.leads.assignment import Scope, give, rotate
from domain.leads.flows import OPTIONAL, FormField, LeadForm, StepGone
from domain.leads.model import (
    COMMENT_MAX,
    NAME_MAX,
    Contact,
    EventKind,
    Lead,
    NewLead,
    clean_field,
    clean_note,
)
from domain.leads.parsing import normalize_email, normalize_phone
from domain.people.model import Person
from domain.permissions import Action, require
from domain.ports import UnitOfWork

DUPLICATE_DAYS = 30


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


async def campaigns_by_name(uow: UnitOfWork) -> Sequence[Campaign]:
    return [c for c in await uow.campaigns.all(include_cancelled=False) if c.name]


async def _step(uow: UnitOfWork, actor: Person, state: LeadForm, now: datetime) -> FormStep:
    await uow.flows.save(actor.id, state, now=now)
    offered = await campaigns_by_name(uow) if state.waiting is FormField.CAMPAIGN else ()
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
    lead = await create(uow, contact, actor, now, kind=EventKind.CREATED)
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


async def create(
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
