"""The sweep that reminds those who answer of questions left waiting.

A question still open ``REMIND_AFTER`` (24 h) after it was asked is reminded once. The
interval is a module constant; a setting would be passed in as ``after``.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from domain.campaigns import access as campaigns
from domain.ports import UnitOfWork
from domain.questions import outbox
from domain.questions.model import REMIND_AFTER, reminder_due


async def remind_unanswered(
    uow: UnitOfWork, now: datetime, *, after: timedelta = REMIND_AFTER
) -> int:
    """Queue the card again, once, for every question open for ``after``; returns how many.
    Idempotent: a reminded question is marked, and the outbox ignores repeats."""
    reminded = 0
    for question in await uow.questions.awaiting_reminder(asked_before=now - after):
        if not reminder_due(question, now, after=after):
            continue
        campaign = await campaigns.load(uow, question.campaign_id)
        await outbox.tell_answerers(uow, campaign, question, reminder=True, now=now)
        await uow.questions.save(question.with_(reminded_at=now))
        reminded += 1
    return reminded
