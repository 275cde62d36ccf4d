"""What the outbox sends about feedback: whether a queued prompt still goes out (or why not),
and what it asks; and a photo or voice message of the feedback, paced to a marketer or team
lead who asked for many. ``handlers/feedback/notices.py`` renders the answer in the
recipient's language."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain.campaigns.model import Status
from domain.errors import Forbidden
from domain.feedback.giving import Prompt
from domain.feedback.model import MediaKind, prompt_day
from domain.feedback.reports import attachment_of, summary
from domain.people.model import Person, Team
from domain.ports import DueDelivery, Skip, UnitOfWork, active_recipient


@dataclass(frozen=True, slots=True)
class PromptDue:
    recipient: Person
    prompt: Prompt


async def prompt(uow: UnitOfWork, due: DueDelivery, now: datetime) -> PromptDue | Skip:
    """Sent while the campaign is announced, the day is still on its schedule and the person
    is active; otherwise nothing (the campaign was cancelled, the day was taken off the
    schedule, the person left)."""
    day = prompt_day(due.batch)
    campaign = await uow.campaigns.get(due.ref_id)
    if not day or campaign is None:
        return Skip("gone")
    person = await active_recipient(uow, due)
    if isinstance(person, Skip):
        return person
    if campaign.status is not Status.ANNOUNCED:
        return Skip("campaign-cancelled")
    settings = await uow.feedback.settings(campaign.id)
    if day not in settings.prompt_days:
        return Skip("day-unscheduled")  # taken off the campaign's prompt days
    return PromptDue(person, Prompt(campaign, day, settings.anonymous))


@dataclass(frozen=True, slots=True)
class FeedbackFile:
    """One photo or voice message of a submission, to someone who asked to see them: who
    gave it (None when anonymous), their team then, and the stars."""

    recipient: Person
    kind: MediaKind
    file_id: str
    author: Person | None
    team: Team | None
    rating: int


async def feedback_file(uow: UnitOfWork, due: DueDelivery, now: datetime) -> FeedbackFile | Skip:
    """Sent while the viewer may still see that submission (as the summary shows it to
    them: anonymous ones without a name)."""
    item = await uow.feedback.get(due.ref_id)
    attachment_id = attachment_of(due.batch)
    attachment = None
    if item is not None:
        attachment = next((a for a in item.attachments if a.id == attachment_id), None)
    if item is None or attachment is None:
        return Skip("gone")
    viewer = await active_recipient(uow, due)
    if isinstance(viewer, Skip):
        return viewer
    try:
        found = await summary(uow, actor=viewer, campaign_id=item.campaign_id)
    except Forbidden:
        return Skip("not-allowed")
    if all(f.id != item.id for f in found.feedback):
        return Skip("not-allowed")
    team = found.teams.get(item.team_id) if item.team_id is not None else None
    return FeedbackFile(
        viewer, attachment.kind, attachment.file_id, found.author(item), team, item.rating
    )
