"""The sweep that reminds those who answer of questions left waiting.

A question still open ``REMIND_AFTER`` (24 h) after it was asked is reminded once. The
interval is a module constant; a setting would be passed in as ``after``.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from domain.campaigns import access as campaigns
from domain.ports import UnitOfWork
from domain.questions import outbox
from domain.questions.model import REMIND_AFTER, Question, reminder_due
from domain.sweeping import each


async def remind_unanswered(
    uow: UnitOfWork, now: datetime, *, after: timedelta = REMIND_AFTER
) -> int:
    """Queue the card again, once, for every question open for ``after``; returns how many.
    Idempotent: a reminded question is marked, and the outbox ignores repeats. Each question
    is reminded on its own: one that fails is logged, and the others go on."""
    waiting = [
        question
        for question in await uow.questions.awaiting_reminder(asked_before=now - after)
        if reminder_due(question, now, after=after)
    ]

    async def remind(question: Question) -> int:
        campaign = await campaigns.load(uow, question.campaign_id)
        await outbox.tell_answerers(uow, campaign, question, reminder=True, now=now)
        await uow.questions.save(question.with_(reminded_at=now))
        return 1

    return await each(
        uow, "questions.remind", waiting, remind, describe=lambda q: f"question {q.id}"
    )
