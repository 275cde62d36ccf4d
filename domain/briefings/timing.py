"""When a briefing request and its reminders reach each person, by their current settings.

The request goes out at once, outside the person's quiet hours; its reminders 24 h later and
at 10:00 local the day before the deadline, outside quiet hours too. Sending queues those
rows; when a person's time zone or quiet hours change, :func:`replan` applies the same rules
again to whatever still waits for them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from domain import plans
from domain.briefings.kinds import ASK, ASK_BATCH, REMIND, reminder_batch
from domain.briefings.model import Briefing, reminder_rungs, request_moment
from domain.people.model import Person
from domain.ports import Planned, UnitOfWork

KINDS = frozenset({ASK, REMIND})


def reminder_plan(briefing: Briefing, person: Person, *, sent: datetime) -> dict[str, datetime]:
    """The person's reminder rungs, batch → moment, after the request reached them at
    ``sent``."""
    return {
        reminder_batch(number): moment
        for number, moment in reminder_rungs(briefing, person, sent=sent)
    }


async def replan(
    uow: UnitOfWork, person: Person, waiting: Sequence[Planned], now: datetime
) -> None:
    """``person``'s zone or quiet hours changed: their request (if still held by quiet hours)
    and reminders still waiting move to the moments the rules give now."""
    for briefing_id in sorted({row.ref_id for row in waiting if row.kind in KINDS}):
        briefing = await uow.briefings.get(briefing_id)
        if briefing is None or not briefing.open_for_answers(now):
            continue
        rows = await uow.outbox.planned(ASK, briefing.id, people=[person.id])
        request = next((row for row in rows if row.batch == ASK_BATCH), None)
        if request is None:
            continue
        asked = request.due_at
        if request.waiting:
            asked = request_moment(person, now=now)
            await plans.follow(uow, ASK, briefing.id, person, {ASK_BATCH: asked}, now=now)
        plan = reminder_plan(briefing, person, sent=asked)
        away = await uow.people.away_periods([person.id], ending_after=now)
        await plans.follow(uow, REMIND, briefing.id, person, plan, now=now, away=away)
