"""Drafting a campaign: the step-by-step wizard, typed fields, key messages and materials.

The draft is saved at every step, and the step the marketer is on is a :class:`Drafting`
flow state saved with it, so ``/cancel``, walking away or a restart lose nothing and
"Continue filling in" picks up at the first missing step.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from domain import flows
from domain.campaigns import access, records
from domain.campaigns.flows import TEXT_FIELDS, Drafting, Step, resume_at
from domain.campaigns.model import (
    FIELD_MAX,
    MAX_KEY_MESSAGES,
    MAX_MATERIALS,
    MESSAGE_MAX,
    NAME_MAX,
    Campaign,
    clean_text,
)
from domain.campaigns.queries import AudienceChoice, CampaignCard, audience_choice, card_of
from domain.dates import parse_date
from domain.errors import InvalidInput
from domain.flows import FlowState
from domain.horizon import check_within_reach
from domain.people.model import Person
from domain.permissions import Action, require
from domain.ports import UnitOfWork
from domain.timezones import local_today

_LIMITS = {Step.NAME: NAME_MAX, Step.PRODUCT: NAME_MAX, Step.GOAL: FIELD_MAX}
MATERIAL_KINDS = ("document", "photo")


@dataclass(frozen=True, slots=True)
class DraftPrompt:
    """A step to ask for; the audience step comes with its picker."""

    state: Drafting
    audience: AudienceChoice | None = None


@dataclass(frozen=True, slots=True)
class Asked:
    """The marketer is now on ``prompt``'s step; ``previous`` is the flow it replaced."""

    prompt: DraftPrompt
    previous: FlowState | None


@dataclass(frozen=True, slots=True)
class KeyMessageAdded:
    campaign_id: int
    count: int


async def _ask(uow: UnitOfWork, actor: Person, state: Drafting, now: datetime) -> Asked:
    previous = await flows.begin(uow.flows, actor.id, state, now=now)
    audience = None
    if state.step is Step.AUDIENCE:
        campaign = await access.load(uow, state.campaign_id)
        audience = await audience_choice(uow, campaign, position=state.position)
    return Asked(DraftPrompt(state, audience), previous)


async def advance(
    uow: UnitOfWork, actor: Person, state: Drafting, now: datetime
) -> Asked | CampaignCard:
    """After a step: the wizard's next one, or back to the card when it was one field."""
    following = state.next()
    if following is not None:
        return await _ask(uow, actor, following, now)
    await uow.flows.delete(actor.id)
    return await card_of(uow, actor, await access.load(uow, state.campaign_id))


async def start(uow: UnitOfWork, *, actor: Person, now: datetime) -> Asked:
    """/newcampaign: a new draft, and the wizard's first step."""
    require(actor, Action.MANAGE_CAMPAIGNS)
    campaign = await uow.campaigns.add_draft(created_by=actor.id, now=now)
    await records.audit(uow, actor, campaign.id, "create", now)
    return await _ask(uow, actor, Drafting(campaign.id, Step.NAME, wizard=True), now)


async def resume(uow: UnitOfWork, *, actor: Person, campaign_id: int, now: datetime) -> Asked:
    """The wizard again, at the first step still missing ("Continue filling in")."""
    campaign = await access.managed(uow, actor=actor, campaign_id=campaign_id)
    return await _ask(uow, actor, resume_at(campaign), now)


async def ask(
    uow: UnitOfWork, *, actor: Person, campaign_id: int, step: Step, now: datetime
) -> Asked:
    """Fill in one field from the card: a typed field, more key messages or materials (the
    audience has its own picker)."""
    if step is Step.AUDIENCE:
        raise InvalidInput()
    await access.managed(uow, actor=actor, campaign_id=campaign_id)
    return await _ask(uow, actor, Drafting(campaign_id, step), now)


async def answer(
    uow: UnitOfWork, *, actor: Person, state: Drafting, text: str, now: datetime
) -> Asked | CampaignCard | KeyMessageAdded:
    """Text typed on a step: record it and move on (key messages stay on their step until
    Done)."""
    cid = state.campaign_id
    if state.step is Step.MESSAGES:
        campaign = await add_key_message(uow, actor=actor, campaign_id=cid, text=text, now=now)
        return KeyMessageAdded(cid, len(campaign.key_messages))
    if state.step is Step.AUDIENCE:
        raise InvalidInput("use-buttons")
    if state.step is Step.MATERIALS:
        raise InvalidInput("error-file-expected")
    await set_field(uow, actor=actor, campaign_id=cid, step=state.step, text=text, now=now)
    return await advance(uow, actor, state, now)


async def set_field(
    uow: UnitOfWork, *, actor: Person, campaign_id: int, step: Step, text: str, now: datetime
) -> Campaign:
    """Name, product or goal as typed; the launch date as typed (in the marketer's zone,
    today or later)."""
    if step not in TEXT_FIELDS:
        raise InvalidInput()
    if step is Step.LAUNCH:
        launch = parse_date(text, today=local_today(now, actor.timezone))
        return await set_launch_date(
            uow, actor=actor, campaign_id=campaign_id, launch=launch, now=now
        )
    campaign = await access.editable(uow, actor=actor, campaign_id=campaign_id)
    value = clean_text(text, limit=_LIMITS[step])
    changed = campaign.with_(**{step.value: value})
    return await records.save(uow, actor, changed, f"set_{step.value}", now)


async def set_launch_date(
    uow: UnitOfWork, *, actor: Person, campaign_id: int, launch: date, now: datetime
) -> Campaign:
    """The launch date: at most five years ahead, in the marketer's zone."""
    check_within_reach(launch, today=local_today(now, actor.timezone))
    campaign = await access.editable(uow, actor=actor, campaign_id=campaign_id)
    return await records.save(uow, actor, campaign.with_(launch_date=launch), "set_launch", now)


async def add_key_message(
    uow: UnitOfWork, *, actor: Person, campaign_id: int, text: str, now: datetime
) -> Campaign:
    campaign = await access.editable(uow, actor=actor, campaign_id=campaign_id)
    if len(campaign.key_messages) >= MAX_KEY_MESSAGES:
        raise InvalidInput("error-too-many-messages", limit=MAX_KEY_MESSAGES)
    message = clean_text(text, limit=MESSAGE_MAX)
    changed = campaign.with_(key_messages=(*campaign.key_messages, message))
    return await records.save(uow, actor, changed, "add_message", now)


async def finish_key_messages(
    uow: UnitOfWork, *, actor: Person, campaign_id: int, now: datetime
) -> Asked | CampaignCard:
    """Done under the key messages: a campaign needs at least one. In the wizard, on to the
    next step; otherwise back to the card."""
    campaign = await access.managed(uow, actor=actor, campaign_id=campaign_id)
    if not campaign.key_messages:
        raise InvalidInput("error-no-messages")
    state = await flows.current(uow.flows, actor.id, Drafting)
    if state is not None and state.is_on(campaign_id, Step.MESSAGES):
        return await advance(uow, actor, state, now)
    await uow.flows.delete(actor.id)
    return await card_of(uow, actor, campaign)


async def add_material(
    uow: UnitOfWork,
    *,
    actor: Person,
    state: Drafting,
    kind: str,
    file_id: str,
    file_name: str | None,
    now: datetime,
) -> Campaign:
    """A document or photo sent on the materials step."""
    if not state.takes_files:
        raise InvalidInput("text-expected-here")
    campaign = await access.editable(uow, actor=actor, campaign_id=state.campaign_id)
    if len(campaign.materials) >= MAX_MATERIALS:
        raise InvalidInput("error-too-many-materials", limit=MAX_MATERIALS)
    if kind not in MATERIAL_KINDS:
        raise InvalidInput("error-material-kind")
    await uow.campaigns.add_material(campaign.id, kind=kind, file_id=file_id, file_name=file_name)
    await records.audit(uow, actor, campaign.id, "add_material", now)
    return await access.load(uow, campaign.id)


async def finish_materials(
    uow: UnitOfWork, *, actor: Person, campaign_id: int, now: datetime
) -> CampaignCard:
    """Done under the materials: back to the card."""
    campaign = await access.managed(uow, actor=actor, campaign_id=campaign_id)
    await uow.flows.delete(actor.id)
    return await card_of(uow, actor, campaign)


async def ask_discard(uow: UnitOfWork, *, actor: Person, campaign_id: int) -> Campaign:
    """The draft about to be discarded (only a draft can be)."""
    campaign = await access.managed(uow, actor=actor, campaign_id=campaign_id)
    if not campaign.is_draft:
        raise InvalidInput("error-not-a-draft")
    return campaign


async def discard(uow: UnitOfWork, *, actor: Person, campaign_id: int, now: datetime) -> None:
    campaign = await ask_discard(uow, actor=actor, campaign_id=campaign_id)
    await uow.campaigns.delete_draft(campaign.id)
    await records.audit(uow, actor, campaign.id, "discard", now)
    await uow.flows.delete(actor.id)
