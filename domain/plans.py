"""A person's plan: which messages about one object reach them, and when.

A queued message to a person (an announcement at 10:00 local, a reminder the day before
launch, a request outside quiet hours) has its moment by a rule of that person's time zone
and quiet hours. The feature's rule gives the plan — batch → moment — when the rows are
queued, and again whenever the person's settings change (:mod:`domain.replanning`);
:func:`follow` then makes the outbox match it. Only rows still waiting change: one the
engine has taken, sent or skipped stays as it is, so every message still goes out once, and
the engine (which claims rows by their due time) picks each one up at its new moment.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from domain.people.model import AwayPeriod, Person, paused
from domain.ports import Outgoing, UnitOfWork

Plan = Mapping[str, datetime]  # batch -> the moment it reaches the person


def not_before(person: Person, moment: datetime, now: datetime) -> datetime:
    """When a message planned for ``moment`` can still reach the person: then, or — its
    moment already past — now, or when their quiet hours end if it is inside them now."""
    if moment >= now:
        return moment
    if person.quiet_hours is None:
        return now
    return person.quiet_hours.next_allowed(now, person.timezone)


async def follow(
    uow: UnitOfWork,
    kind: str,
    ref_id: int,
    person: Person,
    plan: Plan,
    *,
    now: datetime,
    away: Sequence[AwayPeriod] = (),
) -> int:
    """Make ``person``'s rows of ``kind`` for ``ref_id`` match ``plan``: a waiting row moves
    to its moment (or, that moment already past, to the next one the person may be written
    to), a waiting row the plan no longer has is withdrawn, and a batch the plan gained is
    queued if its moment is still ahead (one already past is not sent late). Returns how
    many rows changed. With ``away`` (for reminders), a moment while the person is away
    moves to when they are back, and rungs piled up there become one
    (:func:`domain.people.model.paused`): reminders pause meanwhile."""
    rows = {row.batch: row for row in await uow.outbox.planned(kind, ref_id, people=[person.id])}
    wanted: dict[str, datetime] = {}
    for batch, planned in plan.items():
        row = rows.get(batch)
        if row is None and planned > now:
            wanted[batch] = planned
        elif row is not None and row.waiting:
            wanted[batch] = not_before(person, planned, now)
    if away:
        wanted = paused(wanted, away, person)
    changed = 0
    for batch, row in rows.items():
        if not row.waiting:
            continue
        moment = wanted.get(batch)
        if moment is None:
            changed += await uow.outbox.withdraw(kind, ref_id, batch, person_id=person.id)
        elif moment != row.due_at:
            changed += int(await uow.outbox.move(kind, ref_id, batch, person.id, due_at=moment))
    for batch, moment in wanted.items():
        if batch not in rows:
            item = Outgoing(person.id, person.telegram_id, moment)
            changed += await uow.outbox.enqueue(kind, ref_id, batch, [item])
    return changed
