"""Sending a meeting: invitations (or first the slot poll), votes, the organiser's pick, the
poll's close at its deadline, and invitations for people who join a targeted team later.

Every message is an outbox row, queued idempotently in the same unit of work as the change
that causes it; the broadcast engine delivers it outside the person's quiet hours.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from domain.errors import InvalidInput, NotFound
from domain.meetings import access
from domain.meetings.kinds import INVITE, INVITE_BATCH, POLL, POLL_BATCH, POLL_REPORT
from domain.meetings.model import Meeting, Status, check_future
from domain.meetings.participants import LATE_JOIN_HORIZON, Rsvp
from domain.meetings.polls import Answer, best_slot, check_deadline, check_slots, tally
from domain.meetings.queries import MeetingView, audience_of, view_of
from domain.meetings.recurrence import check_series
from domain.people.model import Person, Role
from domain.ports import Outgoing, UnitOfWork


def outgoing(person: Person, now: datetime) -> Outgoing:
    """A message to ``person`` as soon as their quiet hours allow."""
    moment = now
    if person.quiet_hours is not None:
        moment = person.quiet_hours.next_allowed(moment, person.timezone)
    return Outgoing(person.id, person.telegram_id, moment)


async def invite(uow: UnitOfWork, meeting: Meeting, people: Sequence[Person], now: datetime) -> int:
    """Make ``people`` participants and queue each new one's invitation; the organiser is
    counted as coming."""
    new = set(await uow.meetings.add_participants(meeting.id, [p.id for p in people], at=now))
    if meeting.organiser_id in new:
        await uow.meetings.set_rsvp(meeting.id, meeting.organiser_id, Rsvp.YES, at=now)
    rows = [outgoing(p, now) for p in people if p.id in new]
    await uow.outbox.enqueue(INVITE, meeting.id, INVITE_BATCH, rows)
    return len(rows)


@dataclass(frozen=True, slots=True)
class Sent:
    view: MeetingView
    recipients: int
    poll: bool


async def send(uow: UnitOfWork, *, actor: Person, meeting_id: int, now: datetime) -> Sent:
    """📤 Send on a complete draft: the poll to every participant, or the invitations."""
    meeting = await access.organised(uow, actor=actor, meeting_id=meeting_id)
    meeting.check_draft()
    slots = await uow.meetings.slots(meeting.id)
    if not meeting.title:
        raise InvalidInput("error-meeting-incomplete")
    people = await audience_of(uow, meeting)
    if meeting.audience_is_empty or len(people) < 2:
        raise InvalidInput("error-meeting-no-participants")
    if meeting.starts_at is None:
        if not slots:
            raise InvalidInput("error-meeting-incomplete")
        moments = check_slots([s.starts_at for s in slots], now)
        if meeting.poll_deadline is None:
            raise InvalidInput("error-poll-no-deadline")
        check_deadline(meeting.poll_deadline, moments, now)
        check_series(
            meeting.recurrence,
            moments[0],
            meeting.zone,
            until=meeting.repeat_until,
            count=meeting.repeat_count,
        )
        polling = await access.save(uow, actor, meeting.with_(status=Status.POLLING), "poll", now)
        new = await uow.meetings.add_participants(polling.id, [p.id for p in people], at=now)
        await uow.outbox.enqueue(
            POLL, polling.id, POLL_BATCH, [outgoing(p, now) for p in people if p.id in new]
        )
        await uow.flows.delete(actor.id)
        return Sent(await view_of(uow, actor, polling), len(new), poll=True)
    check_future(meeting.starts_at, now)
    check_series(
        meeting.recurrence,
        meeting.starts_at,
        meeting.zone,
        until=meeting.repeat_until,
        count=meeting.repeat_count,
    )
    scheduled = await _schedule(uow, actor, meeting, meeting.starts_at, now)
    count = await invite(uow, scheduled, people, now)
    await uow.flows.delete(actor.id)
    return Sent(await view_of(uow, actor, scheduled), count, poll=False)


async def _schedule(
    uow: UnitOfWork, actor: Person | None, meeting: Meeting, starts_at: datetime, now: datetime
) -> Meeting:
    """Fix the time; a recurring meeting becomes its series' first occurrence, and the next
    one is created when this one starts."""
    changed = meeting.with_(status=Status.SCHEDULED, starts_at=starts_at, invited_at=now)
    if meeting.is_series:
        changed = changed.with_(
            series_id=meeting.id, occurrence=1, original_start=starts_at, next_due_at=starts_at
        )
    return await access.save(uow, actor, changed, "schedule", now)


# --- the slot poll -------------------------------------------------------------------------


async def vote(
    uow: UnitOfWork, *, actor: Person, meeting_id: int, slot_id: int, answer: Answer, now: datetime
) -> MeetingView:
    """A participant's answer to one slot; changeable until the poll closes."""
    meeting, _ = await access.participating(uow, actor=actor, meeting_id=meeting_id)
    if meeting.status is not Status.POLLING or (
        meeting.poll_deadline is not None and meeting.poll_deadline <= now
    ):
        raise InvalidInput("error-poll-closed")
    if all(s.id != slot_id for s in await uow.meetings.slots(meeting.id)):
        raise NotFound()
    await uow.meetings.vote(slot_id, actor.id, answer, at=now)
    return await view_of(uow, actor, meeting, as_participant=True)


async def vote_all(
    uow: UnitOfWork, *, actor: Person, meeting_id: int, answer: Answer, now: datetime
) -> MeetingView:
    """One tap for every slot ("all suit me")."""
    meeting, _ = await access.participating(uow, actor=actor, meeting_id=meeting_id)
    view = None
    for slot in await uow.meetings.slots(meeting.id):
        view = await vote(
            uow, actor=actor, meeting_id=meeting_id, slot_id=slot.id, answer=answer, now=now
        )
    assert view is not None
    return view


async def _finalise(
    uow: UnitOfWork, actor: Person | None, meeting: Meeting, slot_id: int, now: datetime
) -> Meeting:
    slots = {s.id: s for s in await uow.meetings.slots(meeting.id)}
    if slot_id not in slots:
        raise NotFound()
    starts_at = check_future(slots[slot_id].starts_at, now)
    scheduled = await _schedule(
        uow, actor, meeting.with_(poll_deadline=meeting.poll_deadline), starts_at, now
    )
    participants = await uow.meetings.participants(meeting.id)
    people = [p for p in await uow.people.many([x.person_id for x in participants]) if p.active]
    rows = [outgoing(p, now) for p in people]
    await uow.outbox.enqueue(INVITE, meeting.id, INVITE_BATCH, rows)
    await uow.meetings.set_rsvp(meeting.id, meeting.organiser_id, Rsvp.YES, at=now)
    return scheduled


async def pick(
    uow: UnitOfWork, *, actor: Person, meeting_id: int, slot_id: int, now: datetime
) -> MeetingView:
    """The organiser picks the slot (before the deadline, or after an unanswered poll)."""
    meeting = await access.organised(uow, actor=actor, meeting_id=meeting_id)
    if meeting.status not in (Status.POLLING, Status.UNDECIDED):
        raise InvalidInput("error-poll-closed")
    scheduled = await _finalise(uow, actor, meeting, slot_id, now)
    return await view_of(uow, actor, scheduled)


async def close_polls(uow: UnitOfWork, now: datetime) -> int:
    """Sweep: every poll whose deadline has come takes its best slot (most yes, then most
    if-need-be, then the earliest) and sends the invitations; a poll nobody answered, or
    whose best slot is already past, waits for the organiser, who is told either way."""
    closed = 0
    for meeting in await uow.meetings.polls_closing(by=now):
        slots = await uow.meetings.slots(meeting.id)
        best = best_slot(tally(slots, await uow.meetings.votes(meeting.id)))
        if best is None or best.starts_at <= now:
            await access.save(
                uow, None, meeting.with_(status=Status.UNDECIDED), "poll_unanswered", now
            )
            batch = "poll-unanswered"
        else:
            await _finalise(uow, None, meeting, best.id, now)
            batch = "poll-closed"
        organiser = await uow.people.get(meeting.organiser_id)
        if organiser is not None and organiser.active:
            await uow.outbox.enqueue(POLL_REPORT, meeting.id, batch, [outgoing(organiser, now)])
        closed += 1
    return closed


async def invite_late_joiners(uow: UnitOfWork, now: datetime) -> int:
    """Sweep: someone who joined a targeted team (or got a targeted role) after the
    invitations went out is invited too, to every meeting in the next week."""
    meetings = [
        m
        for m in await uow.meetings.scheduled_between(now, now + LATE_JOIN_HORIZON)
        if m.invited_at is not None
    ]
    if not meetings:
        return 0
    reach = Reach(await uow.people.active())
    present = await uow.meetings.participants_of([m.id for m in meetings])
    invited = 0
    for meeting in meetings:
        known = {p.person_id for p in present.get(meeting.id, [])}
        late = [p for p in reach.of(meeting) if p.id not in known]
        if late:
            invited += await invite(uow, meeting, late, now)
    return invited


class Reach:
    """Who a meeting's audience takes in, from people indexed once by team and role (a
    sweep looks at many meetings; each costs what it reaches, not everyone)."""

    def __init__(self, people: Sequence[Person]) -> None:
        self._by_id = {p.id: p for p in people if p.active}
        self._by_team: dict[int, list[Person]] = {}
        self._by_role: dict[Role, list[Person]] = {}
        for person in self._by_id.values():
            if person.team_id is not None:
                self._by_team.setdefault(person.team_id, []).append(person)
            for role in person.roles:
                self._by_role.setdefault(role, []).append(person)

    def of(self, meeting: Meeting) -> list[Person]:
        audience = meeting.audience
        found: dict[int, Person] = {}
        for team_id in audience.team_ids:
            found.update((p.id, p) for p in self._by_team.get(team_id, []))
        roles = set(audience.roles) | ({Role.REP} if audience.all_reps else set())
        for role in roles:
            found.update((p.id, p) for p in self._by_role.get(role, []))
        found.update((pid, self._by_id[pid]) for pid in meeting.people if pid in self._by_id)
        return list(found.values())
