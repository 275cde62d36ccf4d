"""Use cases for field feedback (see :mod:`domain.feedback` for the rules).

Who may do what:

- only the people a campaign's announcement reached give feedback on it, and only while it is
  announced (not cancelled); each step of a submission checks that it is the giver's own;
- marketers and admins see every submission of a campaign and change its settings; team leads
  see their own team's submissions (by the giver's team when they gave it), if the campaign
  reached their team; nobody else sees any;
- names are shown only for submissions not given under the anonymity promise, and only while
  the campaign is not anonymous: the summary does not even carry the others' names.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from domain.campaigns import access
from domain.campaigns.model import Campaign, Status, clean_text
from domain.errors import Forbidden, InvalidInput, NotFound
from domain.feedback.model import (
    COMMENT_MAX,
    MAX_ATTACHMENTS,
    Feedback,
    FeedbackSettings,
    MediaKind,
    NewFeedback,
    Reaction,
    Tally,
    check_prompt_days,
    check_rating,
    due_prompts,
    may_still_prompt,
    names_hidden,
    source_for,
    tally,
)
from domain.people.model import Person
from domain.permissions import Action, can, require
from domain.ports import AuditEntry, Outgoing, UnitOfWork

PROMPT = "feedback.prompt"


def prompt_batch(day: int) -> str:
    return f"day:{day}"


async def _campaign(uow: UnitOfWork, campaign_id: int) -> Campaign:
    campaign = await uow.campaigns.get(campaign_id)
    if campaign is None:
        raise NotFound()
    return campaign


# --- settings (marketers and admins) ---------------------------------------------------------


async def settings_of(
    uow: UnitOfWork, actor: Person, campaign_id: int
) -> tuple[Campaign, FeedbackSettings]:
    campaign = await access.managed(uow, actor=actor, campaign_id=campaign_id)
    return campaign, await uow.feedback.settings(campaign.id)


async def _change(
    uow: UnitOfWork,
    actor: Person,
    campaign_id: int,
    now: datetime,
    *,
    anonymous: bool | None = None,
    prompt_days: tuple[int, ...] | None = None,
) -> FeedbackSettings:
    campaign, current = await settings_of(uow, actor, campaign_id)
    if campaign.status is Status.CANCELLED:
        raise InvalidInput("error-campaign-cancelled")
    updated = FeedbackSettings(
        campaign_id=campaign.id,
        anonymous=current.anonymous if anonymous is None else anonymous,
        prompt_days=current.prompt_days if prompt_days is None else prompt_days,
    )
    await uow.feedback.save_settings(updated, by=actor.id, now=now)
    details = {"anonymous": updated.anonymous, "prompt_days": list(updated.prompt_days)}
    await uow.audit.record(
        AuditEntry(actor.id, "feedback.settings", "campaign", campaign.id, now, details)
    )
    return updated


async def toggle_anonymous(
    uow: UnitOfWork, actor: Person, campaign_id: int, *, now: datetime
) -> FeedbackSettings:
    _, current = await settings_of(uow, actor, campaign_id)
    return await _change(uow, actor, campaign_id, now, anonymous=not current.anonymous)


async def set_prompt_days(
    uow: UnitOfWork, actor: Person, campaign_id: int, days: Sequence[int], *, now: datetime
) -> FeedbackSettings:
    return await _change(uow, actor, campaign_id, now, prompt_days=check_prompt_days(days))


# --- giving feedback (recipients) ------------------------------------------------------------


async def open_for(
    uow: UnitOfWork, actor: Person, campaign_id: int
) -> tuple[Campaign, FeedbackSettings]:
    """The campaign and its settings, for someone its announcement reached."""
    campaign = await _campaign(uow, campaign_id)
    if not await access.is_recipient(uow, actor, campaign.id):
        raise Forbidden()
    if campaign.status is Status.CANCELLED:
        raise InvalidInput("error-campaign-cancelled")
    if campaign.status is not Status.ANNOUNCED:
        raise Forbidden()
    return campaign, await uow.feedback.settings(campaign.id)


async def rate(
    uow: UnitOfWork,
    actor: Person,
    campaign_id: int,
    rating: int,
    *,
    told_anonymous: bool,
    day: int,
    origin: int | None,
    now: datetime,
) -> Feedback:
    """Start a submission with its rating. Pressing another star on the same prompt message
    changes that submission's rating instead of starting a second one.

    ``told_anonymous`` is what the prompt told the person: a submission is anonymous if they
    were told so or if the campaign is anonymous now."""
    check_rating(rating)
    source = source_for(day)
    campaign, settings = await open_for(uow, actor, campaign_id)
    if origin is not None:
        existing = await uow.feedback.by_origin(actor.id, campaign.id, origin)
        if existing is not None:
            await uow.feedback.set_rating(existing.id, rating, now=now)
            return await _reload(uow, existing.id)
    created = await uow.feedback.add(
        NewFeedback(
            campaign_id=campaign.id,
            person_id=actor.id,
            team_id=actor.team_id,
            anonymous=told_anonymous or settings.anonymous,
            source=source,
            origin=origin,
            rating=rating,
            at=now,
        )
    )
    await uow.audit.record(AuditEntry(actor.id, "feedback.give", "feedback", created.id, now))
    return created


async def _reload(uow: UnitOfWork, feedback_id: int) -> Feedback:
    found = await uow.feedback.get(feedback_id)
    if found is None:
        raise NotFound()
    return found


async def own(uow: UnitOfWork, actor: Person, feedback_id: int) -> tuple[Feedback, Campaign]:
    """One's own submission, while the campaign still takes feedback."""
    found = await uow.feedback.get(feedback_id)
    if found is None or found.person_id != actor.id:
        raise Forbidden()
    campaign, _ = await open_for(uow, actor, found.campaign_id)
    return found, campaign


async def add_comment(
    uow: UnitOfWork, actor: Person, feedback_id: int, raw: str, *, now: datetime
) -> Feedback:
    """Typed text adds to the submission's comment (several messages are kept together)."""
    found, _ = await own(uow, actor, feedback_id)
    text = clean_text(raw, limit=COMMENT_MAX)
    combined = f"{found.comment}\n{text}" if found.comment else text
    if len(combined) > COMMENT_MAX:
        raise InvalidInput("error-feedback-comment-full", limit=COMMENT_MAX)
    await uow.feedback.set_comment(found.id, combined, now=now)
    return await _reload(uow, found.id)


async def add_attachment(
    uow: UnitOfWork,
    actor: Person,
    feedback_id: int,
    kind: MediaKind,
    file_id: str,
    *,
    caption: str | None = None,
    now: datetime,
) -> Feedback:
    found, _ = await own(uow, actor, feedback_id)
    if len(found.attachments) >= MAX_ATTACHMENTS:
        raise InvalidInput("error-feedback-too-many-files", limit=MAX_ATTACHMENTS)
    if not file_id:
        raise InvalidInput()
    if caption and caption.strip():
        found = await add_comment(uow, actor, feedback_id, caption, now=now)
    await uow.feedback.add_attachment(found.id, kind, file_id, now=now)
    return await _reload(uow, found.id)


async def react(
    uow: UnitOfWork,
    actor: Person,
    feedback_id: int,
    index: int,
    reaction: Reaction,
    *,
    now: datetime,
) -> tuple[Feedback, Campaign]:
    found, campaign = await own(uow, actor, feedback_id)
    if not 0 <= index < len(campaign.key_messages):
        raise NotFound()
    await uow.feedback.set_reaction(
        found.id, index, campaign.key_messages[index], reaction, now=now
    )
    return await _reload(uow, found.id), campaign


# --- what marketers and team leads see -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Summary:
    campaign: Campaign
    settings: FeedbackSettings
    feedback: tuple[Feedback, ...]  # newest first, already limited to what the viewer may see
    tally: Tally
    team_only: int | None  # the team a team lead is limited to
    authors: dict[int, Person]  # only the people whose names may be shown

    def author(self, item: Feedback) -> Person | None:
        """Who gave it, or None when it is anonymous."""
        if names_hidden(item, self.settings):
            return None
        return self.authors.get(item.person_id)

    @property
    def with_comments(self) -> list[Feedback]:
        return [f for f in self.feedback if f.comment]

    def attachments(self, kind: MediaKind) -> list[tuple[Feedback, str]]:
        """(submission, file id) of every photo or voice message, newest first."""
        return [(f, a.file_id) for f in self.feedback for a in f.attachments if a.kind is kind]


async def _team_scope(uow: UnitOfWork, actor: Person, campaign_id: int) -> int | None:
    """None for marketers and admins (everything); the team lead's team otherwise."""
    require(actor, Action.VIEW_FEEDBACK)
    if can(actor, Action.MANAGE_CAMPAIGNS):
        return None
    if actor.team_id is None:
        raise Forbidden()
    reached = await uow.feedback.reached(campaign_id)
    if not any(p.team_id == actor.team_id for p in await uow.people.many(list(reached))):
        raise Forbidden()
    return actor.team_id


async def summary(uow: UnitOfWork, actor: Person, campaign_id: int) -> Summary:
    campaign = await _campaign(uow, campaign_id)
    team = await _team_scope(uow, actor, campaign.id)
    settings = await uow.feedback.settings(campaign.id)
    items = tuple(await uow.feedback.for_campaign(campaign.id, team_id=team))
    named = {f.person_id for f in items if not names_hidden(f, settings)}
    authors = {p.id: p for p in await uow.people.many(sorted(named))}
    return Summary(
        campaign=campaign,
        settings=settings,
        feedback=items,
        tally=tally(items, campaign.key_messages),
        team_only=team,
        authors=authors,
    )


async def campaigns_with_feedback(uow: UnitOfWork, actor: Person) -> list[tuple[Campaign, int]]:
    """The announced (and cancelled) campaigns whose feedback the actor may see, with how many
    submissions each has that the actor may see; newest first."""
    require(actor, Action.VIEW_FEEDBACK)
    sent = (Status.ANNOUNCED, Status.CANCELLED)
    team: int | None = None
    if can(actor, Action.MANAGE_CAMPAIGNS):
        campaigns = [c for c in await uow.campaigns.all() if c.status in sent]
    else:
        if actor.team_id is None:
            return []
        team = actor.team_id
        campaigns = [c for c in await uow.campaigns.reaching_team(team) if c.status in sent]
    counts = await uow.feedback.counts([c.id for c in campaigns], team_id=team)
    return [(c, counts.get(c.id, 0)) for c in campaigns]


# --- prompts ---------------------------------------------------------------------------------


async def enqueue_due_prompts(uow: UnitOfWork, *, now: datetime) -> int:
    """The sweep: queue every prompt whose moment has come (idempotent). Returns how many
    rows were new. Cancelled campaigns get none; a prompt is queued only when it comes due,
    so a changed time zone, quiet hours or prompt schedule counts until the last minute."""
    added = 0
    for campaign in await uow.campaigns.all(include_cancelled=False):
        if campaign.status is not Status.ANNOUNCED:
            continue
        settings = await uow.feedback.settings(campaign.id)
        if not may_still_prompt(campaign, settings, now.date()):
            continue
        reached_at = await uow.feedback.reached(campaign.id)
        people = await uow.people.many(list(reached_at))
        due = due_prompts(campaign, settings, [(p, reached_at[p.id]) for p in people], now=now)
        by_day: dict[int, list[Outgoing]] = {}
        for prompt in due:
            by_day.setdefault(prompt.day, []).append(
                Outgoing(prompt.person.id, prompt.person.telegram_id, prompt.at)
            )
        for day, items in sorted(by_day.items()):
            added += await uow.outbox.enqueue(PROMPT, campaign.id, prompt_batch(day), items)
    return added


async def prompt_to_send(
    uow: UnitOfWork, campaign_id: int, person_id: int, day: int
) -> tuple[Campaign, FeedbackSettings, Person] | None:
    """What a queued prompt is about, or None if it should no longer go out (the campaign
    was cancelled, the day was taken off the schedule, the person left)."""
    campaign = await uow.campaigns.get(campaign_id)
    person = await uow.people.get(person_id)
    if campaign is None or person is None or not person.active:
        return None
    if campaign.status is not Status.ANNOUNCED:
        return None
    settings = await uow.feedback.settings(campaign.id)
    if day not in settings.prompt_days:
        return None
    return campaign, settings, person
