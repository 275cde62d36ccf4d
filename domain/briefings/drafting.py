"""The marketer builds a briefing request: questions (free answers or answer buttons), a
deadline and whom to ask — until it is sent, when it is fixed for good.

Each change returns the :class:`Draft` the builder shows next. A step that waits for typed
text begins its flow state here, in the same unit of work; a change that completes a step,
or a press on the builder, leaves it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from domain import flows
from domain.briefings import access
from domain.briefings.flows import (
    BUILDER_STEPS,
    BuilderStep,
    TypingDeadline,
    WritingOptions,
    WritingQuestion,
)
from domain.briefings.model import (
    MAX_QUESTIONS,
    QUICK_DEADLINE_DAYS,
    Briefing,
    BriefingQuestion,
    BriefingStatus,
    clean_question,
    parse_options,
    quick_deadline,
    toggled,
    typed_deadline,
)
from domain.briefings.notices import Request
from domain.briefings.reports import Report, report
from domain.campaigns import access as campaigns
from domain.campaigns.audience import picked_region
from domain.campaigns.model import Audience, Campaign, Status
from domain.errors import InvalidInput, NotFound
from domain.flows import FlowState
from domain.horizon import check_within_reach
from domain.people.model import Person, Role, Team
from domain.permissions import Action, require
from domain.ports import AuditEntry, UnitOfWork


@dataclass(frozen=True, slots=True)
class Listed:
    briefing: Briefing
    status: BriefingStatus  # as it reads now: a sent one past its deadline is closed


@dataclass(frozen=True, slots=True)
class Listing:
    """A campaign's briefing requests, newest first."""

    campaign: Campaign
    briefings: tuple[Listed, ...]


@dataclass(frozen=True, slots=True)
class Draft:
    """The builder: a briefing not yet sent, whom it would ask and how many that is now.
    ``left``: the typed step this change finished, with the builder message to redraw and
    the prompt to remove."""

    briefing: Briefing
    campaign: Campaign
    audience: Audience
    reach: int
    teams: Mapping[int, Team]
    left: BuilderStep | None = None

    @property
    def own_audience(self) -> bool:
        """False while it simply goes to the campaign's audience."""
        return self.briefing.audience is not None


@dataclass(frozen=True, slots=True)
class QuestionPrompt:
    """Waiting for question number ``number``; ``replaced`` is the flow it took over from."""

    state: WritingQuestion
    replaced: FlowState | None
    number: int


@dataclass(frozen=True, slots=True)
class OptionsPrompt:
    state: WritingOptions
    replaced: FlowState | None
    question: BriefingQuestion


@dataclass(frozen=True, slots=True)
class DeadlinePrompt:
    state: TypingDeadline
    replaced: FlowState | None
    days: tuple[int, ...] = QUICK_DEADLINE_DAYS  # the quick choices


async def _draft(
    uow: UnitOfWork, briefing_id: int, campaign: Campaign, left: BuilderStep | None = None
) -> Draft:
    briefing = await access.load(uow, briefing_id)
    audience = briefing.audience_in(campaign)
    reach = sum(1 for person in await uow.people.active() if audience.includes(person))
    teams = {team.id: team for team in await uow.teams.all()}
    return Draft(briefing, campaign, audience, reach, teams, left)


async def _leave_step(uow: UnitOfWork, actor: Person) -> BuilderStep | None:
    """The marketer moved on from a builder step that waited for text (if any): the step
    left, with its builder and prompt messages."""
    state = await uow.flows.get(actor.id)
    if isinstance(state, BUILDER_STEPS):
        await uow.flows.delete(actor.id)
        return state
    return None


async def listing(uow: UnitOfWork, *, actor: Person, campaign_id: int, now: datetime) -> Listing:
    require(actor, Action.RUN_BRIEFINGS)
    campaign = await campaigns.managed(uow, actor=actor, campaign_id=campaign_id)
    found = await uow.briefings.for_campaign(campaign_id)
    return Listing(campaign, tuple(Listed(b, b.status_at(now)) for b in found))


async def create(
    uow: UnitOfWork, *, actor: Person, campaign_id: int, now: datetime, screen: int | None = None
) -> QuestionPrompt:
    """A new draft for the campaign, waiting for its first question; ``screen`` (the list it
    was created from) becomes its builder."""
    require(actor, Action.RUN_BRIEFINGS)
    campaign = await campaigns.managed(uow, actor=actor, campaign_id=campaign_id)
    if campaign.status is Status.CANCELLED:
        raise InvalidInput("error-campaign-cancelled")
    briefing = await uow.briefings.add(campaign.id, created_by=actor.id, now=now)
    await uow.audit.record(AuditEntry(actor.id, "briefing.create", "briefing", briefing.id, now))
    state = WritingQuestion(briefing.id, screen)
    replaced = await flows.begin(uow.flows, actor.id, state, now=now)
    return QuestionPrompt(state, replaced, number=1)


async def open_briefing(uow: UnitOfWork, *, actor: Person, briefing_id: int) -> Draft | Report:
    """The builder of a draft, the progress of a sent one."""
    briefing, campaign = await access.managed(uow, actor=actor, briefing_id=briefing_id)
    left = await _leave_step(uow, actor)
    if briefing.is_draft:
        return await _draft(uow, briefing.id, campaign, left)
    return await report(uow, actor=actor, briefing_id=briefing.id)


async def ask_question(
    uow: UnitOfWork, *, actor: Person, briefing_id: int, now: datetime, screen: int | None = None
) -> QuestionPrompt:
    briefing, _ = await access.draft(uow, actor=actor, briefing_id=briefing_id)
    state = WritingQuestion(briefing.id, screen)
    replaced = await flows.begin(uow.flows, actor.id, state, now=now)
    return QuestionPrompt(state, replaced, number=len(briefing.questions) + 1)


async def add_question(uow: UnitOfWork, *, actor: Person, briefing_id: int, text: str) -> Draft:
    briefing, campaign = await access.draft(uow, actor=actor, briefing_id=briefing_id)
    if len(briefing.questions) >= MAX_QUESTIONS:
        raise InvalidInput("error-too-many-questions", limit=MAX_QUESTIONS)
    await uow.briefings.add_question(briefing.id, clean_question(text), ())
    return await _draft(uow, briefing.id, campaign, await _leave_step(uow, actor))


def _question(briefing: Briefing, question_id: int) -> BriefingQuestion:
    question = briefing.question(question_id)
    if question is None:
        raise NotFound()
    return question


async def ask_options(
    uow: UnitOfWork,
    *,
    actor: Person,
    briefing_id: int,
    question_id: int,
    now: datetime,
    screen: int | None = None,
) -> OptionsPrompt:
    briefing, _ = await access.draft(uow, actor=actor, briefing_id=briefing_id)
    question = _question(briefing, question_id)
    state = WritingOptions(briefing.id, question.id, screen)
    replaced = await flows.begin(uow.flows, actor.id, state, now=now)
    return OptionsPrompt(state, replaced, question)


async def set_options(
    uow: UnitOfWork,
    *,
    actor: Person,
    briefing_id: int,
    question_id: int,
    text: str,
) -> Draft:
    """Answer buttons typed one per line (or separated by ``;``)."""
    briefing, campaign = await access.draft(uow, actor=actor, briefing_id=briefing_id)
    question = _question(briefing, question_id)
    await uow.briefings.set_options(question.id, parse_options(text))
    return await _draft(uow, briefing.id, campaign, await _leave_step(uow, actor))


async def free_answer(
    uow: UnitOfWork, *, actor: Person, briefing_id: int, question_id: int
) -> Draft:
    """No answer buttons: the question takes text, a photo, a document or voice."""
    briefing, campaign = await access.draft(uow, actor=actor, briefing_id=briefing_id)
    question = _question(briefing, question_id)
    await uow.briefings.set_options(question.id, ())
    return await _draft(uow, briefing.id, campaign, await _leave_step(uow, actor))


async def remove_question(
    uow: UnitOfWork, *, actor: Person, briefing_id: int, question_id: int
) -> Draft:
    briefing, campaign = await access.draft(uow, actor=actor, briefing_id=briefing_id)
    question = _question(briefing, question_id)
    await uow.briefings.remove_question(question.id)
    return await _draft(uow, briefing.id, campaign)


async def ask_deadline(
    uow: UnitOfWork, *, actor: Person, briefing_id: int, now: datetime, screen: int | None = None
) -> DeadlinePrompt:
    briefing, _ = await access.draft(uow, actor=actor, briefing_id=briefing_id)
    state = TypingDeadline(briefing.id, screen)
    replaced = await flows.begin(uow.flows, actor.id, state, now=now)
    return DeadlinePrompt(state, replaced)


async def _set_deadline(
    uow: UnitOfWork,
    actor: Person,
    briefing: Briefing,
    campaign: Campaign,
    deadline: datetime,
    now: datetime,
) -> Draft:
    # Only before sending: the deadline is printed in every request people received.
    if deadline <= now:
        raise InvalidInput("error-deadline-past")
    check_within_reach(deadline.date(), today=now.date())
    await uow.briefings.save(briefing.with_(deadline=deadline))
    return await _draft(uow, briefing.id, campaign, await _leave_step(uow, actor))


async def set_deadline(
    uow: UnitOfWork, *, actor: Person, briefing_id: int, text: str, now: datetime
) -> Draft:
    """A deadline typed as a date and time in the marketer's own zone."""
    briefing, campaign = await access.draft(uow, actor=actor, briefing_id=briefing_id)
    deadline = typed_deadline(text, now=now, timezone=actor.timezone)
    return await _set_deadline(uow, actor, briefing, campaign, deadline, now)


async def set_quick_deadline(
    uow: UnitOfWork, *, actor: Person, briefing_id: int, days: int, now: datetime
) -> Draft:
    """In ``days`` days (one of the quick choices), at 18:00 in the marketer's zone."""
    briefing, campaign = await access.draft(uow, actor=actor, briefing_id=briefing_id)
    deadline = quick_deadline(now, actor.timezone, days)
    return await _set_deadline(uow, actor, briefing, campaign, deadline, now)


async def audience(uow: UnitOfWork, *, actor: Person, briefing_id: int) -> Draft:
    """Whom the draft asks, for the audience picker."""
    briefing, campaign = await access.draft(uow, actor=actor, briefing_id=briefing_id)
    return await _draft(uow, briefing.id, campaign)


async def toggle_audience(
    uow: UnitOfWork,
    *,
    actor: Person,
    briefing_id: int,
    all_reps: bool = False,
    team_id: int | None = None,
    role: Role | None = None,
    region_of: int | None = None,
) -> Draft:
    """Change whom the briefing goes to, starting from the campaign's audience: all reps, a
    team, a role, or the teams of a region."""
    briefing, campaign = await access.draft(uow, actor=actor, briefing_id=briefing_id)
    if team_id is not None and await uow.teams.get(team_id) is None:
        raise NotFound()
    region = await picked_region(uow, region_of)
    current = briefing.audience_in(campaign)
    chosen = toggled(current, all_reps=all_reps, team_id=team_id, role=role, region=region)
    if chosen != current:  # nothing ticked ("more"): it still goes to the campaign's audience
        await uow.briefings.save(briefing.with_(audience=chosen))
    return await _draft(uow, briefing.id, campaign)


async def use_campaign_audience(uow: UnitOfWork, *, actor: Person, briefing_id: int) -> Draft:
    briefing, campaign = await access.draft(uow, actor=actor, briefing_id=briefing_id)
    await uow.briefings.save(briefing.with_(audience=None))
    return await _draft(uow, briefing.id, campaign)


async def discard(uow: UnitOfWork, *, actor: Person, briefing_id: int, now: datetime) -> Listing:
    """Delete a draft; what is left is the campaign's list of briefings."""
    briefing, campaign = await access.draft(uow, actor=actor, briefing_id=briefing_id)
    await uow.briefings.delete_draft(briefing.id)
    await _leave_step(uow, actor)
    return await listing(uow, actor=actor, campaign_id=campaign.id, now=now)


async def preview(uow: UnitOfWork, *, actor: Person, briefing_id: int) -> Request:
    """The request exactly as a recipient gets it, shown to the marketer."""
    briefing, campaign = await access.managed(uow, actor=actor, briefing_id=briefing_id)
    return Request(actor, briefing, campaign)
