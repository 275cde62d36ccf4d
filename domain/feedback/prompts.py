"""The prompts after launch: the sweep that queues each one when its moment comes.

A prompt goes out a number of days after launch (the campaign's prompt days), at 10:00 in each
recipient's own zone and outside their quiet hours, to everyone the announcement reached; see
:func:`domain.feedback.model.due_prompts`. What a queued prompt says, or whether it still goes
out, is decided when it is sent (:mod:`domain.feedback.notices`).
"""

from __future__ import annotations

from datetime import datetime

from domain.campaigns.model import Campaign, Status
from domain.feedback.model import due_prompts, may_still_prompt, source_for
from domain.ports import Outgoing, UnitOfWork
from domain.sweeping import each

PROMPT = "feedback.prompt"  # the outbox kind; ref id: the campaign, batch: "day:<n>"


def prompt_batch(day: int) -> str:
    """The batch of the n-days-after prompt: the source its answers are recorded with."""
    return source_for(day)


async def queue_due_prompts(uow: UnitOfWork, now: datetime) -> int:
    """The sweep: queue every prompt whose moment has come (idempotent). Returns how many
    rows were new. Cancelled campaigns get none; a prompt is queued only when it comes due,
    so a changed time zone, quiet hours or prompt schedule counts until the last minute.
    Each campaign is swept on its own: one that fails is logged, and the others go on."""
    announced = [
        campaign
        for campaign in await uow.campaigns.all(include_cancelled=False)
        if campaign.status is Status.ANNOUNCED
    ]

    async def queue(campaign: Campaign) -> int:
        return await _queue_for(uow, campaign, now)

    return await each(
        uow, "feedback.prompts", announced, queue, describe=lambda c: f"campaign {c.id}"
    )


async def _queue_for(uow: UnitOfWork, campaign: Campaign, now: datetime) -> int:
    settings = await uow.feedback.settings(campaign.id)
    if not may_still_prompt(campaign, settings, now.date()):
        return 0
    reached_at = await uow.feedback.reached(campaign.id)
    people = await uow.people.many(list(reached_at))
    due = due_prompts(campaign, settings, [(p, reached_at[p.id]) for p in people], now=now)
    by_day: dict[int, list[Outgoing]] = {}
    for prompt in due:
        by_day.setdefault(prompt.day, []).append(
            Outgoing(prompt.person.id, prompt.person.telegram_id, prompt.at)
        )
    added = 0
    for day, items in sorted(by_day.items()):
        added += await uow.outbox.enqueue(PROMPT, campaign.id, prompt_batch(day), items)
    return added
