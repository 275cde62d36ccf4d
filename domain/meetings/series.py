"""A weekly or fortnightly series: each occurrence is a meeting of its own (RSVP, agenda,
reminders, minutes). A sweep creates the next occurrence once the latest one has started,
at the same wall-clock time in the organiser's zone (DST-correct), invites its participants
as they are then, and stops at the series' end."""

from __future__ import annotations

from datetime import datetime

from domain.meetings import access
from domain.meetings.model import Meeting, Status
from domain.meetings.queries import audience_of
from domain.meetings.recurrence import occurrence_start, series_has
from domain.meetings.sending import invite
from domain.ports import UnitOfWork


def following(latest: Meeting, now: datetime) -> Meeting | None:
    """The occurrence after ``latest`` (not stored yet), or None when the series ends."""
    assert latest.original_start is not None and latest.starts_at is not None
    number = latest.occurrence + 1
    original = occurrence_start(latest.original_start, latest.zone, latest.recurrence, 2)
    if not series_has(latest, number, original):
        return None
    # A change to "this and all future" occurrences moved the latest: the next one follows.
    shift = latest.starts_at - latest.original_start
    return latest.with_(
        id=0,
        status=Status.SCHEDULED,
        occurrence=number,
        original_start=original,
        starts_at=original + shift,
        sequence=0,
        poll_deadline=None,
        invited_at=now,
        minutes_sent_at=None,
        cancelled_at=None,
        created_at=now,
        next_due_at=original + shift,
    )


async def create_next_occurrences(uow: UnitOfWork, now: datetime) -> int:
    """Sweep: the next occurrence of every series whose latest occurrence has started."""
    created = 0
    for latest in await uow.meetings.series_due(by=now):
        await uow.meetings.save(latest.with_(next_due_at=None), now=now)
        nxt = following(latest, now)
        if nxt is None:
            await access.audit(uow, None, latest.id, "series_end", now)
            continue
        occurrence = await uow.meetings.add(nxt)
        await access.audit(uow, None, occurrence.id, "occurrence", now)
        await invite(uow, occurrence, await audience_of(uow, occurrence), now)
        created += 1
    return created
