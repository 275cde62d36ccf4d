"""A person's time zone or quiet hours changed: whatever still waits for them follows.

Each feature that queues messages for a person's local moment has a ``replan(uow, person,
waiting, now)`` that applies its own rules again to that person's waiting rows (campaign
announcements, reminders and team leads' alerts; briefing requests and reminders; question
cards and answers held by quiet hours; meeting and lead reminders go here too). The people
preferences use cases call :func:`follow_settings` in the unit of work that saves the
change, so the new settings and the moved rows are committed together, and hold across a
restart or a kill. A setting that changes when someone may be written to (time away, say)
calls it the same way.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime

from domain.briefings import timing as briefings
from domain.campaigns import timing as campaigns
from domain.people.model import Person
from domain.ports import Planned, UnitOfWork
from domain.questions import outbox as questions

Replan = Callable[[UnitOfWork, Person, Sequence[Planned], datetime], Awaitable[None]]

REPLANS: tuple[Replan, ...] = (campaigns.replan, briefings.replan, questions.replan)


async def follow_settings(uow: UnitOfWork, person: Person, now: datetime) -> None:
    """Plan again everything waiting for ``person``, with the settings they have now."""
    waiting = await uow.outbox.waiting_for(person.id)
    if not waiting:
        return
    for replan in REPLANS:
        await replan(uow, person, waiting, now)
