"""The draft's kind, and a campaign's presentation to sales: a presentation draft is linked to
the campaign it presents (picked on the kind step, or started from the campaign's card), takes
its name and audience when it has none of its own, and its agenda starts with the campaign's
open questions (most "me too" first) and its lowest-rated field feedback comments."""

from __future__ import annotations

from datetime import datetime

from domain import flows
from domain.campaigns import access as campaign_access
from domain.campaigns.model import Status as CampaignStatus
from domain.errors import InvalidInput, NotFound
from domain.meetings import access
from domain.meetings.agenda import TOPIC_MAX, TopicSource
from domain.meetings.flows import Drafting, Step
from domain.meetings.model import Kind, Meeting
from domain.meetings.wizard import (
    Asked,
    Prompt,
    Result,
    advance,
    ask_step,
    load_draft,
    new_draft,
    step_state,
)
from domain.people.model import Person
from domain.permissions import Action, require
from domain.ports import UnitOfWork
from domain.questions.model import queue_order

PRESENTATION_QUESTIONS = 10
PRESENTATION_COMMENTS = 5
LOW_RATING = 3  # feedback comments rated this or lower go on a presentation's agenda


async def _link_campaign(
    uow: UnitOfWork, actor: Person, meeting: Meeting, campaign_id: int, now: datetime
) -> Meeting:
    """A presentation of the campaign: its audience, and an agenda pre-filled with its open
    questions (most "me too" first) and its lowest-rated field feedback comments."""
    campaign = await campaign_access.load(uow, campaign_id)
    if campaign.status is CampaignStatus.CANCELLED:
        raise InvalidInput("error-campaign-cancelled")
    linked = meeting.with_(
        kind=Kind.PRESENTATION,
        campaign_id=campaign.id,
        title=meeting.title or campaign.name,
        audience=meeting.audience if not meeting.audience.is_empty else campaign.audience,
    )
    saved = await access.save(uow, actor, linked, "link_campaign", now)
    for question in queue_order(await uow.questions.open_questions(campaign.id))[
        :PRESENTATION_QUESTIONS
    ]:
        if question.text:
            await uow.meetings.add_topic(
                saved.id,
                question.text[:TOPIC_MAX],
                source=TopicSource.QUESTION,
                added_by=None,
                at=now,
            )
    rated = sorted(
        (f for f in await uow.feedback.for_campaign(campaign.id) if f.comment),
        key=lambda f: (f.rating, f.id),
    )
    for item in [f for f in rated if f.rating <= LOW_RATING][:PRESENTATION_COMMENTS]:
        assert item.comment is not None
        await uow.meetings.add_topic(
            saved.id, item.comment[:TOPIC_MAX], source=TopicSource.FEEDBACK, added_by=None, at=now
        )
    return saved


async def start_presentation(
    uow: UnitOfWork, *, actor: Person, campaign_id: int, now: datetime
) -> Asked:
    """**Schedule the presentation** on a campaign's card: a presentation draft, titled and
    addressed like the campaign, its agenda pre-filled; the wizard asks when."""
    require(actor, Action.SCHEDULE_MEETINGS)
    await campaign_access.load(uow, campaign_id)
    meeting = await uow.meetings.add(new_draft(actor, now))
    await access.audit(uow, actor, meeting.id, "create", now)
    await _link_campaign(uow, actor, meeting, campaign_id, now)
    return await ask_step(uow, actor, Drafting(meeting.id, Step.WHEN, wizard=True), now)


async def choose_kind(
    uow: UnitOfWork, *, actor: Person, meeting_id: int, kind: Kind, now: datetime
) -> Result | Asked:
    """The kind; a presentation then asks which campaign it presents."""
    meeting = await load_draft(uow, actor, meeting_id)
    state = await step_state(uow, actor, meeting_id, Step.KIND)
    if kind is Kind.PRESENTATION and meeting.campaign_id is None:
        campaigns = tuple(
            (c.id, c.name) for c in await uow.campaigns.all(include_cancelled=False) if c.name
        )[:10]
        if not campaigns:
            raise InvalidInput("error-meeting-no-campaigns")
        await access.save(uow, actor, meeting.with_(kind=kind), "kind", now)
        previous = await flows.begin(uow.flows, actor.id, state, now=now)
        prompt = Prompt(state, await access.load(uow, meeting_id), campaigns=campaigns)
        return Asked(prompt, previous)
    changed = meeting.with_(
        kind=kind, campaign_id=meeting.campaign_id if kind is Kind.PRESENTATION else None
    )
    await access.save(uow, actor, changed, "kind", now)
    return await advance(uow, actor, state, Step.KIND, now)


async def choose_campaign(
    uow: UnitOfWork, *, actor: Person, meeting_id: int, campaign_id: int, now: datetime
) -> Result:
    meeting = await load_draft(uow, actor, meeting_id)
    if await uow.campaigns.get(campaign_id) is None:
        raise NotFound()
    await _link_campaign(uow, actor, meeting, campaign_id, now)
    state = await step_state(uow, actor, meeting_id, Step.KIND)
    return await advance(uow, actor, state, Step.KIND, now)
