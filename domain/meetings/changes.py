"""Changing a scheduled meeting: a new time, a new place, the agenda sent again, or the
cancellation — for one meeting, or for an occurrence of a series and every later one.

Each change raises the calendar SEQUENCE, reaches every participant who got the invitation
with an updated calendar file, and edits every original invitation to the current state.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from domain import flows
from domain.dates import parse_local_datetime
from domain.errors import InvalidInput, NotFound
from domain.flows import FlowState
from domain.meetings import access
from domain.meetings.flows import Change, Changing
from domain.meetings.kinds import (
    CHANGE,
    INVITE,
    INVITE_BATCH,
    POLL,
    REFRESH,
    REMIND,
    change_batch,
    refresh_batch,
)
from domain.meetings.model import Meeting, Status, check_future, clean_place
from domain.meetings.queries import MeetingView, view_of
from domain.meetings.recurrence import Scope
from domain.meetings.sending import outgoing
from domain.people.model import Person
from domain.ports import Outgoing, UnitOfWork
from domain.timezones import from_local, to_local


@dataclass(frozen=True, slots=True)
class ChangePrompt:
    meeting: Meeting
    state: Changing
    zone: str
    previous: FlowState | None


@dataclass(frozen=True, slots=True)
class Changed:
    view: MeetingView
    what: str
    occurrences: int
    recipients: int


async def _affected(
    uow: UnitOfWork, meeting: Meeting, scope: Scope, now: datetime
) -> list[Meeting]:
    """The meeting, and with ``Scope.FUTURE`` every later occurrence not cancelled or past."""
    if scope is Scope.ONE:
        return [meeting]
    if meeting.series_id is None:
        raise InvalidInput("error-meeting-not-series")
    later = await uow.meetings.occurrences(meeting.series_id, from_number=meeting.occurrence)
    return [
        m
        for m in later
        if m.id == meeting.id or (m.status is Status.SCHEDULED and not m.has_started(now))
    ]


async def begin(
    uow: UnitOfWork, *, actor: Person, meeting_id: int, what: Change, scope: Scope, now: datetime
) -> ChangePrompt:
    """🕒 Reschedule / 📍 Change the place: waiting for the new value."""
    meeting = await access.organised(uow, actor=actor, meeting_id=meeting_id)
    meeting.check_changeable(now)
    if scope is Scope.FUTURE and not meeting.is_series:
        raise InvalidInput("error-meeting-not-series")
    state = Changing(meeting.id, what, scope)
    previous = await flows.begin(uow.flows, actor.id, state, now=now)
    return ChangePrompt(meeting, state, actor.timezone, previous)


async def _notify(
    uow: UnitOfWork, changed: Sequence[Meeting], what: str, scope: Scope, now: datetime
) -> int:
    """One notice (with the calendar file) per participant who got the invitation, about the
    first changed occurrence (for ``future``: it speaks for the later ones too); every
    original invitation edited."""
    first = changed[0]
    sent = await uow.outbox.statuses(INVITE, first.id, INVITE_BATCH)
    receivers = [pid for pid, status in sent.items() if status == "sent"]
    people = [p for p in await uow.people.many(receivers) if p.active]
    batch = change_batch(first.sequence, what, future=scope is Scope.FUTURE)
    await uow.outbox.enqueue(CHANGE, first.id, batch, [outgoing(p, now) for p in people])
    for meeting in changed:
        statuses = await uow.outbox.statuses(INVITE, meeting.id, INVITE_BATCH)
        edited = [pid for pid, status in statuses.items() if status == "sent"]
        rows = [Outgoing(p.id, p.telegram_id, now) for p in await uow.people.many(edited)]
        await uow.outbox.enqueue(REFRESH, meeting.id, refresh_batch(meeting.sequence), rows)
        if meeting.status is Status.CANCELLED:
            await uow.outbox.withdraw(INVITE, meeting.id)
            await uow.outbox.withdraw(REMIND, meeting.id)
    return len(people)


async def _apply(
    uow: UnitOfWork,
    actor: Person,
    meeting: Meeting,
    scope: Scope,
    what: str,
    now: datetime,
    change: object,
) -> Changed:
    affected = await _affected(uow, meeting, scope, now)
    saved = []
    for current in affected:
        updated = change(current)  # type: ignore[operator]
        assert isinstance(updated, Meeting)
        saved.append(
            await access.save(uow, actor, updated.with_(sequence=current.sequence + 1), what, now)
        )
    recipients = await _notify(uow, saved, what, scope, now)
    await uow.flows.delete(actor.id)
    return Changed(await view_of(uow, actor, saved[0]), what, len(saved), recipients)


async def type_change(
    uow: UnitOfWork, *, actor: Person, state: Changing, text: str, now: datetime
) -> Changed:
    """The new time (in the organiser's zone; a series' later occurrences move by as much)
    or the new place."""
    meeting = await access.organised(uow, actor=actor, meeting_id=state.meeting_id)
    meeting.check_changeable(now)
    assert meeting.starts_at is not None
    if state.what is Change.PLACE:
        place = clean_place(text)
        return await _apply(
            uow, actor, meeting, state.scope, "place", now, lambda m: m.with_(place=place)
        )
    typed = parse_local_datetime(text, now_local=to_local(now, actor.timezone))
    new_start = check_future(from_local(typed, actor.timezone), now)
    if new_start == meeting.starts_at:
        raise InvalidInput("error-meeting-same-time")
    delta = new_start - meeting.starts_at

    def moved(m: Meeting) -> Meeting:
        assert m.starts_at is not None
        start = m.starts_at + delta
        return m.with_(starts_at=start, next_due_at=start if m.next_due_at is not None else None)

    return await _apply(uow, actor, meeting, state.scope, "time", now, moved)


async def send_agenda(uow: UnitOfWork, *, actor: Person, meeting_id: int, now: datetime) -> Changed:
    """📣 Send the agenda: everyone gets the current agenda and an updated calendar file."""
    meeting = await access.organised(uow, actor=actor, meeting_id=meeting_id)
    meeting.check_changeable(now)
    return await _apply(uow, actor, meeting, Scope.ONE, "agenda", now, lambda m: m)


async def cancel(
    uow: UnitOfWork, *, actor: Person, meeting_id: int, scope: Scope, now: datetime
) -> Changed:
    """❌ Cancel: this meeting (occurrence), or it and every later one of its series."""
    meeting = await access.organised(uow, actor=actor, meeting_id=meeting_id)
    if meeting.status is Status.CANCELLED:
        raise InvalidInput("error-meeting-cancelled")
    if meeting.status in (Status.POLLING, Status.UNDECIDED):
        changed = meeting.with_(
            status=Status.CANCELLED, cancelled_at=now, sequence=meeting.sequence + 1
        )
        saved = await access.save(uow, actor, changed, "cancel", now)
        await uow.outbox.withdraw(POLL, saved.id)
        return Changed(await view_of(uow, actor, saved), "cancel", 1, 0)
    meeting.check_changeable(now)
    if scope is Scope.FUTURE and meeting.series_id is not None:
        # The series ends here: no later occurrence is created.
        for occurrence in await uow.meetings.occurrences(meeting.series_id):
            if occurrence.next_due_at is not None:
                await uow.meetings.save(occurrence.with_(next_due_at=None), now=now)
        meeting = await access.load(uow, meeting.id)
    return await _apply(
        uow,
        actor,
        meeting,
        scope,
        "cancel",
        now,
        lambda m: m.with_(
            status=Status.CANCELLED,
            cancelled_at=now,
            next_due_at=m.next_due_at if scope is Scope.ONE else None,
        ),
    )


async def check_scope(uow: UnitOfWork, *, actor: Person, meeting_id: int, now: datetime) -> Meeting:
    """The meeting, before asking "this occurrence or all future ones?"."""
    meeting = await access.organised(uow, actor=actor, meeting_id=meeting_id)
    if meeting.status is Status.SCHEDULED:
        meeting.check_changeable(now)
    elif meeting.status is Status.CANCELLED:
        raise InvalidInput("error-meeting-cancelled")
    if meeting.status is Status.DRAFT:
        raise NotFound()
    return meeting
