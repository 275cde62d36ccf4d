"""What the outbox sends about feedback: whether a queued prompt still goes out (or why not),
and what it asks. ``handlers/feedback/notices.py`` renders the answer in the recipient's
language."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain.campaigns.model import Status
from domain.feedback.giving import Prompt
from domain.feedback.model import prompt_day
from domain.people.model import Person
from domain.ports import DueDelivery, Skip, UnitOfWork


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
    person = await uow.people.get(due.person_id)
    if person is None or not person.active:
        return Skip("recipient-inactive")
    if campaign.status is not Status.ANNOUNCED:
        return Skip("campaign-cancelled")
    settings = await uow.feedback.settings(campaign.id)
    if day not in settings.prompt_days:
        return Skip("day-unscheduled")  # taken off the campaign's prompt days
    return PromptDue(person, Prompt(campaign, day, settings.anonymous))
