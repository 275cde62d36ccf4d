"""Sweeps that decide, from the meeting rows at run time, which reminders are due: the 24 h
and 1 h reminders before a meeting, and action items' due-date reminders and overdue notices.

Each is computed per person with their *current* time zone and quiet hours, and queued with
an idempotent batch key (per occurrence and per step), so it fires once, survives restarts,
and catches up after downtime without sending stale messages. Queries are bounded by time
windows over indexed columns.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime, timedelta

from domain.meetings.kinds import ACTION_DUE, ACTION_OVERDUE, REMIND, remind_batch
from domain.meetings.model import REMINDER_PRESETS, Meeting
from domain.meetings.outcomes import OVERDUE_STALE
from domain.people.model import AwayPeriod, Person, is_away
from domain.ports import Outgoing, UnitOfWork


def before_quiet_hours(moment: datetime, person: Person) -> datetime:
    """A reminder that would fall in the person's quiet hours goes out before they begin."""
    if person.quiet_hours is None:
        return moment
    return person.quiet_hours.last_allowed_before(moment, person.timezone)


def reminder_moment(meeting: Meeting, minutes_before: int, person: Person) -> datetime:
    assert meeting.starts_at is not None
    return before_quiet_hours(meeting.starts_at - timedelta(minutes=minutes_before), person)


def due_reminder(meeting: Meeting, person: Person, now: datetime) -> int | None:
    """Which reminder (minutes before) is due for ``person`` now: the latest one whose moment
    has come, unless the meeting has started. An earlier one whose moment passed while the
    bot was down is not sent once a later one is due (it would be stale)."""
    if meeting.starts_at is None or now >= meeting.starts_at:
        return None
    due = None
    for minutes in sorted(meeting.reminders, reverse=True):
        if reminder_moment(meeting, minutes, person) <= now:
            due = minutes
    return due


def reminder_window(meetings_reminders: Iterable[int]) -> timedelta:
    """How far ahead the reminder sweep looks: the longest reminder, plus a day for quiet
    hours that move a reminder earlier."""
    return timedelta(minutes=max(meetings_reminders, default=0)) + timedelta(days=1)


def start_key(meeting: Meeting) -> str:
    assert meeting.starts_at is not None
    return meeting.starts_at.strftime("%Y%m%dT%H%M")


async def remind_meetings(uow: UnitOfWork, now: datetime) -> int:
    """Queue each participant's due reminder: not after the meeting started, not to those
    who declined or are away, before their quiet hours rather than inside them."""
    window = reminder_window(m for preset in REMINDER_PRESETS.values() for m in preset)
    meetings = [m for m in await uow.meetings.scheduled_between(now, now + window) if m.reminders]
    if not meetings:
        return 0
    participants = await uow.meetings.participants_of([m.id for m in meetings])
    ids = {p.person_id for rows in participants.values() for p in rows}
    people = {p.id: p for p in await uow.people.many(sorted(ids))}
    away: dict[int, list[AwayPeriod]] = defaultdict(list)
    for period in await uow.people.away_periods(sorted(ids), ending_after=now):
        away[period.person_id].append(period)
    queued = 0
    for meeting in meetings:
        batches: dict[str, list[Outgoing]] = defaultdict(list)
        for participant in participants.get(meeting.id, []):
            person = people.get(participant.person_id)
            if person is None or not person.active or participant.declined:
                continue
            assert meeting.starts_at is not None
            if is_away(away[person.id], meeting.starts_at):
                continue  # away when it takes place: no reminder
            minutes = due_reminder(meeting, person, now)
            if minutes is None:
                continue
            batch = remind_batch(minutes, start_key(meeting))
            batches[batch].append(Outgoing(person.id, person.telegram_id, now))
        for batch, rows in batches.items():
            queued += await uow.outbox.enqueue(REMIND, meeting.id, batch, rows)
    return queued


async def remind_actions(uow: UnitOfWork, now: datetime) -> int:
    """An owner is reminded at 10:00 their time on the due date (out of quiet hours); the
    organiser is told once the due date has passed in the owner's zone (not for items
    overdue for more than a week: after long downtime that would be stale)."""
    today = now.date()
    items = await uow.meetings.open_actions_due_between(
        today - OVERDUE_STALE - timedelta(days=2), today + timedelta(days=1)
    )
    if not items:
        return 0
    meetings: dict[int, Meeting] = {}
    for item in items:
        if item.meeting_id not in meetings:
            found = await uow.meetings.get(item.meeting_id)
            if found is not None:
                meetings[found.id] = found
    ids = {i.owner_id for i in items} | {m.organiser_id for m in meetings.values()}
    people = {p.id: p for p in await uow.people.many(sorted(ids))}
    queued = 0
    for item in items:
        meeting = meetings.get(item.meeting_id)
        owner = people.get(item.owner_id)
        if meeting is None or meeting.minutes_sent_at is None or owner is None:
            continue
        overdue = item.overdue_moment(owner)
        if now >= overdue:
            organiser = people.get(meeting.organiser_id)
            if now - overdue < OVERDUE_STALE and organiser is not None and organiser.active:
                moment = now
                if organiser.quiet_hours is not None:
                    moment = organiser.quiet_hours.next_allowed(now, organiser.timezone)
                row = Outgoing(organiser.id, organiser.telegram_id, moment)
                queued += await uow.outbox.enqueue(ACTION_OVERDUE, item.id, "overdue", [row])
        elif owner.active and item.reminder_moment(owner) <= now:
            row = Outgoing(owner.id, owner.telegram_id, now)
            queued += await uow.outbox.enqueue(ACTION_DUE, item.id, "due", [row])
    return queued
