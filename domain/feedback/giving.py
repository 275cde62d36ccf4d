"""Giving feedback: a recipient rates a campaign (one tap, saved at once), then on one screen
reacts to its key messages and, if they like, adds a comment, photos or voice messages.

Only the people a campaign's announcement reached give feedback on it, and only while it is
announced (not cancelled); each step of a submission checks that it is the giver's own. Each
step saves the flow's next state (:mod:`domain.feedback.flows`) with the change it records.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain import flows
from domain.campaigns import access
from domain.campaigns.model import Campaign, Status, clean_text
from domain.errors import Forbidden, InvalidInput, NotFound
from domain.feedback.flows import AddingExtras, Reacting, extras_of, is_giving, reaction_to
from domain.feedback.model import (
    COMMENT_MAX,
    MAX_ATTACHMENTS,
    SETTINGS_CHANGED,
    Feedback,
    FeedbackSettings,
    MediaKind,
    NewFeedback,
    Reaction,
    SentPrompt,
    anonymous_at,
    check_rating,
    source_for,
)
from domain.flows import FlowState
from domain.people.model import Person
from domain.ports import AuditEntry, UnitOfWork


@dataclass(frozen=True, slots=True)
class Prompt:
    """The question with its stars: about which campaign, how many days after launch it is
    asked (0: from the announcement's button), and whether the answer will be anonymous."""

    campaign: Campaign
    day: int
    anonymous: bool


@dataclass(frozen=True, slots=True)
class Rated:
    """A submission just rated; its prompt says whether it is anonymous, and the person now
    adds to it (``flow``, which replaced ``left``)."""

    feedback: Feedback
    prompt: Prompt
    flow: AddingExtras
    left: FlowState | None


@dataclass(frozen=True, slots=True)
class Giving:
    """A submission on its one screen: what it holds so far, and the campaign whose key
    messages the screen lists."""

    feedback: Feedback
    campaign: Campaign


@dataclass(frozen=True, slots=True)
class Progress:
    """Where a submission stands after a step: the next key message to react to (``flow``,
    which replaced ``left``), or None when it is finished."""

    feedback: Feedback
    campaign: Campaign
    flow: Reacting | None
    left: FlowState | None = None


async def _open(
    uow: UnitOfWork, actor: Person, campaign_id: int
) -> tuple[Campaign, FeedbackSettings]:
    """The campaign and its settings, for someone its announcement reached."""
    campaign = await access.load(uow, campaign_id)
    if not await access.is_recipient(uow, actor, campaign.id):
        raise Forbidden()
    if campaign.status is Status.CANCELLED:
        raise InvalidInput("error-campaign-cancelled")
    if campaign.status is not Status.ANNOUNCED:
        raise Forbidden()
    return campaign, await uow.feedback.settings(campaign.id)


async def _own(uow: UnitOfWork, actor: Person, feedback_id: int) -> tuple[Feedback, Campaign]:
    """One's own submission, while the campaign still takes feedback."""
    found = await uow.feedback.get(feedback_id)
    if found is None or found.person_id != actor.id:
        raise Forbidden()
    campaign, _ = await _open(uow, actor, found.campaign_id)
    return found, campaign


async def _reload(uow: UnitOfWork, feedback_id: int) -> Feedback:
    found = await uow.feedback.get(feedback_id)
    if found is None:
        raise NotFound()
    return found


async def open_prompt(uow: UnitOfWork, *, actor: Person, campaign_id: int) -> Prompt:
    """The "Feedback" button under an announcement: the same prompt as the scheduled ones,
    any time, as often as the person likes."""
    campaign, settings = await _open(uow, actor, campaign_id)
    return Prompt(campaign, 0, settings.anonymous)


async def _told_anonymous(
    uow: UnitOfWork, settings: FeedbackSettings, sent: SentPrompt | None
) -> bool:
    """What the prompt promised: anonymous if the campaign is anonymous now, or was when the
    scheduled prompt went out (switching it off later does not break that promise). The
    button's own prompt is answered at once: the campaign's setting now is what it said."""
    if settings.anonymous:
        return True
    if sent is None:
        return False
    history = await uow.audit.for_object("campaign", settings.campaign_id)
    changes = [
        (entry.at, bool(entry.details.get("anonymous")))
        for entry in history
        if entry.action == SETTINGS_CHANGED
    ]
    return anonymous_at(changes, sent.at)


async def rate(
    uow: UnitOfWork,
    *,
    actor: Person,
    campaign_id: int,
    rating: int,
    origin: int | None,
    now: datetime,
) -> Rated:
    """Start a submission with its rating. Pressing another star on the same prompt message
    changes that submission's rating instead of starting a second one.

    Which prompt it answers and what that prompt promised are known here, not taken from
    the button: ``origin`` (the pressed message) is looked up among the scheduled prompts
    that went out to the person (its day, and whether the campaign was anonymous then);
    any other message is the announcement button's own prompt (day 0)."""
    check_rating(rating)
    campaign, settings = await _open(uow, actor, campaign_id)
    sent = (
        await uow.feedback.sent_prompt(actor.id, campaign.id, origin)
        if origin is not None
        else None
    )
    day = sent.day if sent is not None else 0
    source = source_for(day)
    existing = (
        await uow.feedback.by_origin(actor.id, campaign.id, origin) if origin is not None else None
    )
    if existing is not None:
        await uow.feedback.set_rating(existing.id, rating, now=now)
        feedback = await _reload(uow, existing.id)
    else:
        feedback = await uow.feedback.add(
            NewFeedback(
                campaign_id=campaign.id,
                person_id=actor.id,
                team_id=actor.team_id,
                anonymous=await _told_anonymous(uow, settings, sent),
                source=source,
                origin=origin,
                rating=rating,
                at=now,
            )
        )
        await uow.audit.record(AuditEntry(actor.id, "feedback.give", "feedback", feedback.id, now))
    state = extras_of(feedback)
    left = await flows.begin(uow.flows, actor.id, state, now=now)
    return Rated(feedback, Prompt(campaign, day, feedback.anonymous), state, left)


async def _append_comment(uow: UnitOfWork, found: Feedback, raw: str, *, now: datetime) -> Feedback:
    """Text adds to the submission's comment (several messages are kept together)."""
    text = clean_text(raw, limit=COMMENT_MAX)
    combined = f"{found.comment}\n{text}" if found.comment else text
    if len(combined) > COMMENT_MAX:
        raise InvalidInput("error-feedback-comment-full", limit=COMMENT_MAX)
    await uow.feedback.set_comment(found.id, combined, now=now)
    return await _reload(uow, found.id)


async def add_comment(
    uow: UnitOfWork, *, actor: Person, feedback_id: int, text: str, now: datetime
) -> Feedback:
    """Typed text adds to one's own submission's comment."""
    found, _ = await _own(uow, actor, feedback_id)
    return await _append_comment(uow, found, text, now=now)


async def add_attachment(
    uow: UnitOfWork,
    *,
    actor: Person,
    feedback_id: int,
    kind: MediaKind,
    file_id: str,
    caption: str | None = None,
    now: datetime,
) -> Feedback:
    """A photo or a voice message for one's own submission; its caption joins the comment."""
    found, _ = await _own(uow, actor, feedback_id)
    if len(found.attachments) >= MAX_ATTACHMENTS:
        raise InvalidInput("error-feedback-too-many-files", limit=MAX_ATTACHMENTS)
    if not file_id:
        raise InvalidInput()
    if caption and caption.strip():
        found = await _append_comment(uow, found, caption, now=now)
    await uow.feedback.add_attachment(found.id, kind, file_id, now=now)
    return await _reload(uow, found.id)


async def comment(
    uow: UnitOfWork, *, actor: Person, feedback_id: int, text: str, now: datetime
) -> Giving:
    """Typed text on the one screen: it adds to the comment."""
    item = await add_comment(uow, actor=actor, feedback_id=feedback_id, text=text, now=now)
    return Giving(item, await access.load(uow, item.campaign_id))


async def attach(
    uow: UnitOfWork,
    *,
    actor: Person,
    feedback_id: int,
    kind: MediaKind,
    file_id: str,
    caption: str | None = None,
    now: datetime,
) -> Giving:
    """A photo or voice message sent on the one screen."""
    item = await add_attachment(
        uow,
        actor=actor,
        feedback_id=feedback_id,
        kind=kind,
        file_id=file_id,
        caption=caption,
        now=now,
    )
    return Giving(item, await access.load(uow, item.campaign_id))


async def react_here(
    uow: UnitOfWork,
    *,
    actor: Person,
    feedback_id: int,
    index: int,
    reaction: Reaction,
    now: datetime,
) -> Giving:
    """👍 / 😐 / 👎 to key message ``index`` (as it is worded now) on the one screen, which
    stays: another tap changes it."""
    found, campaign = await _own(uow, actor, feedback_id)
    if not 0 <= index < len(campaign.key_messages):
        raise NotFound()
    await uow.feedback.set_reaction(
        found.id, index, campaign.key_messages[index], reaction, now=now
    )
    return Giving(await _reload(uow, found.id), campaign)


async def _advance(
    uow: UnitOfWork, actor: Person, found: Feedback, campaign: Campaign, index: int, now: datetime
) -> Progress:
    """On to key message ``index``, or finished when there is none left."""
    state = reaction_to(found, campaign, index)
    if state is None:
        await _leave(uow, actor, found.id)
        return Progress(found, campaign, None)
    left = await flows.begin(uow.flows, actor.id, state, now=now)
    return Progress(found, campaign, state, left)


async def _leave(uow: UnitOfWork, actor: Person, feedback_id: int) -> None:
    """The submission is finished: close the person's flow if it is still about it."""
    if is_giving(await uow.flows.get(actor.id), feedback_id):
        await uow.flows.delete(actor.id)


async def stop_adding(
    uow: UnitOfWork, *, actor: Person, feedback_id: int, now: datetime
) -> Progress:
    """Skip / Done after the comment step: on to the first key message, if there is one."""
    found, campaign = await _own(uow, actor, feedback_id)
    return await _advance(uow, actor, found, campaign, 0, now)


async def react(
    uow: UnitOfWork,
    *,
    actor: Person,
    feedback_id: int,
    index: int,
    reaction: Reaction,
    now: datetime,
) -> Progress:
    """👍 / 😐 / 👎 to key message ``index`` (as it is worded now), then on to the next."""
    found, campaign = await _own(uow, actor, feedback_id)
    if not 0 <= index < len(campaign.key_messages):
        raise NotFound()
    await uow.feedback.set_reaction(
        found.id, index, campaign.key_messages[index], reaction, now=now
    )
    return await _advance(uow, actor, await _reload(uow, found.id), campaign, index + 1, now)


async def skip_reaction(
    uow: UnitOfWork, *, actor: Person, feedback_id: int, index: int, now: datetime
) -> Progress:
    found, campaign = await _own(uow, actor, feedback_id)
    return await _advance(uow, actor, found, campaign, index + 1, now)


async def finish(uow: UnitOfWork, *, actor: Person, feedback_id: int) -> Feedback:
    """Finish now: what was given is kept, the rest is skipped."""
    found, _ = await _own(uow, actor, feedback_id)
    await _leave(uow, actor, found.id)
    return found
