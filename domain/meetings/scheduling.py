"""When a draft meets: one typed time, or a poll of two to five candidate slots and the vote's
deadline, and whether it repeats weekly or fortnightly until a date or for a number of times.
Typed moments are read in the organiser's zone, which the draft takes as its own; each is
checked as it is typed (ahead, a slot not twice, the deadline before the first slot, the
series' end within a year) and saved with the draft, like every step of the wizard. Typed text
reaches these steps through :func:`domain.meetings.drafting.answer`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain.dates import parse_local_datetime
from domain.errors import InvalidInput
from domain.meetings import access
from domain.meetings.flows import Drafting, Step
from domain.meetings.model import Meeting, Recurrence, check_future
from domain.meetings.polls import MAX_SLOTS, MIN_SLOTS, check_deadline
from domain.meetings.recurrence import check_series, parse_repeat_end
from domain.meetings.wizard import Asked, Result, advance, ask_step, load_draft, step_state
from domain.people.model import Person
from domain.ports import UnitOfWork
from domain.timezones import from_local, local_today, to_local


@dataclass(frozen=True, slots=True)
class SlotAdded:
    meeting_id: int
    slots: tuple[datetime, ...]
    zone: str


def _utc(wall_clock: datetime, zone: str) -> datetime:
    return from_local(wall_clock, zone)


async def _first_moment(uow: UnitOfWork, meeting: Meeting) -> datetime | None:
    if meeting.starts_at is not None:
        return meeting.starts_at
    slots = await uow.meetings.slots(meeting.id)
    return slots[0].starts_at if slots else None


# --- buttons -------------------------------------------------------------------------------


async def choose_when(
    uow: UnitOfWork, *, actor: Person, meeting_id: int, poll: bool, now: datetime
) -> Asked:
    """A typed time, or a poll of candidate slots."""
    await load_draft(uow, actor, meeting_id)
    state = await step_state(uow, actor, meeting_id, Step.SLOTS if poll else Step.TIME)
    return await ask_step(uow, actor, state, now)


async def finish_slots(uow: UnitOfWork, *, actor: Person, meeting_id: int, now: datetime) -> Asked:
    """Done with the slots: at least two; then the vote's deadline."""
    await load_draft(uow, actor, meeting_id)
    if len(await uow.meetings.slots(meeting_id)) < MIN_SLOTS:
        raise InvalidInput("error-poll-too-few", minimum=MIN_SLOTS)
    state = await step_state(uow, actor, meeting_id, Step.DEADLINE)
    return await ask_step(uow, actor, state, now)


async def choose_repeat(
    uow: UnitOfWork, *, actor: Person, meeting_id: int, recurrence: Recurrence, now: datetime
) -> Result | Asked:
    """No recurrence moves on; weekly or fortnightly asks when the series ends."""
    meeting = await load_draft(uow, actor, meeting_id)
    changed = meeting.with_(recurrence=recurrence, repeat_until=None, repeat_count=None)
    await access.save(uow, actor, changed, "recurrence", now)
    if recurrence is Recurrence.NONE:
        state = await step_state(uow, actor, meeting_id, Step.REPEAT)
        return await advance(uow, actor, state, Step.REPEAT, now)
    state = await step_state(uow, actor, meeting_id, Step.REPEAT_END)
    return await ask_step(uow, actor, state, now)


# --- typed ---------------------------------------------------------------------------------


async def set_time(
    uow: UnitOfWork, *, actor: Person, state: Drafting, meeting: Meeting, text: str, now: datetime
) -> Result:
    """A typed time: the meeting is not a poll any more (its slots go)."""
    typed = parse_local_datetime(text, now_local=to_local(now, actor.timezone))
    starts = check_future(_utc(typed, actor.timezone), now)
    for slot in await uow.meetings.slots(meeting.id):
        await uow.meetings.remove_slot(meeting.id, slot.id)
    changed = meeting.with_(starts_at=starts, poll_deadline=None, zone=actor.timezone)
    await access.save(uow, actor, changed, "time", now)
    return await advance(uow, actor, state, Step.WHEN, now)


async def add_slot(
    uow: UnitOfWork, *, actor: Person, meeting: Meeting, text: str, now: datetime
) -> SlotAdded:
    """One more candidate slot; the step stays open for the next."""
    existing = await uow.meetings.slots(meeting.id)
    if len(existing) >= MAX_SLOTS:
        raise InvalidInput("error-poll-too-many", maximum=MAX_SLOTS)
    typed = parse_local_datetime(text, now_local=to_local(now, actor.timezone))
    moment = check_future(_utc(typed, actor.timezone), now)
    if any(s.starts_at == moment for s in existing):
        raise InvalidInput("error-poll-slot-twice")
    await uow.meetings.add_slot(meeting.id, moment)
    await access.save(uow, actor, meeting.with_(starts_at=None, zone=actor.timezone), "slot", now)
    slots = tuple(s.starts_at for s in await uow.meetings.slots(meeting.id))
    return SlotAdded(meeting.id, slots, actor.timezone)


async def set_deadline(
    uow: UnitOfWork, *, actor: Person, state: Drafting, meeting: Meeting, text: str, now: datetime
) -> Result:
    """The vote's deadline: ahead, and before the first slot."""
    slots = [s.starts_at for s in await uow.meetings.slots(meeting.id)]
    typed = parse_local_datetime(text, now_local=to_local(now, actor.timezone))
    deadline = _utc(typed, actor.timezone)
    check_deadline(deadline, slots, now)
    changed = meeting.with_(poll_deadline=deadline, starts_at=None, zone=actor.timezone)
    await access.save(uow, actor, changed, "deadline", now)
    return await advance(uow, actor, state, Step.WHEN, now)


async def set_repeat_end(
    uow: UnitOfWork, *, actor: Person, state: Drafting, meeting: Meeting, text: str, now: datetime
) -> Result:
    """A series' end: a number of times, or the last day."""
    until, count = parse_repeat_end(text, today=local_today(now, actor.timezone))
    first = await _first_moment(uow, meeting)
    if first is not None:
        check_series(meeting.recurrence, first, meeting.zone, until=until, count=count)
    changed = meeting.with_(repeat_until=until, repeat_count=count)
    await access.save(uow, actor, changed, "repeat", now)
    return await advance(uow, actor, state, Step.REPEAT, now)
