"""What the outbox sends about meetings: for each kind, whether and what goes out, decided
when the row is due (the meeting as it is then, the person as they are then).

``handlers/meetings/notices.py`` renders the values; the calendar files are built here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain.meetings import calendar
from domain.meetings.kinds import INVITE, INVITE_BATCH, parse_change_batch
from domain.meetings.model import Meeting, Status
from domain.meetings.outcomes import ActionItem, Decision
from domain.meetings.queries import Agenda, MeetingView, agenda_of, people_by_id, view_of
from domain.people.model import Person
from domain.ports import DueDelivery, Skip, UnitOfWork, active_recipient

GONE = Skip("gone")  # the meeting, the item or the person is no longer there
NOT_INVITED = Skip("not-a-participant")  # taken off the participants meanwhile
POLL_CLOSED = Skip("poll-closed")
NOT_SCHEDULED = Skip("not-scheduled")  # cancelled, or still a poll
OVER = Skip("meeting-over")
STARTED = Skip("meeting-started")  # a reminder is never sent once the meeting began
DECLINED = Skip("declined")
SUPERSEDED = Skip("superseded")  # a later change of the same meeting goes instead
NOT_RECEIVED = Skip("not-received")  # the invitation to edit never went out
ITEM_CLOSED = Skip("item-closed")
DAY_OVER = Skip("due-day-over")


@dataclass(frozen=True, slots=True)
class Document:
    file_name: str
    data: bytes


@dataclass(frozen=True, slots=True)
class _ToViewer:
    """A notice to the person the meeting view was drawn for."""

    view: MeetingView

    @property
    def recipient(self) -> Person:
        return self.view.viewer


@dataclass(frozen=True, slots=True)
class PollNotice(_ToViewer):
    """A slot poll to answer."""


@dataclass(frozen=True, slots=True)
class PollReport(_ToViewer):
    decided: bool


@dataclass(frozen=True, slots=True)
class Invitation(_ToViewer):
    calendar: Document | None = None
    edit_message_id: int | None = None  # set: the original invitation, edited in place


@dataclass(frozen=True, slots=True)
class ChangeNotice(_ToViewer):
    what: str  # time, place, agenda, cancel
    future: bool  # for this occurrence of a series and every later one
    calendar: Document


@dataclass(frozen=True, slots=True)
class Reminder(_ToViewer):
    minutes: int


@dataclass(frozen=True, slots=True)
class Minutes:
    recipient: Person
    meeting: Meeting
    decisions: tuple[Decision, ...]
    actions: tuple[ActionItem, ...]
    people: dict[int, Person]
    attended: tuple[Person, ...]


@dataclass(frozen=True, slots=True)
class ActionNotice:
    recipient: Person
    item: ActionItem
    meeting: Meeting
    owner: Person


async def _loaded(uow: UnitOfWork, due: DueDelivery) -> tuple[Meeting, Person] | Skip:
    """The row's meeting and its recipient, while they are still one of its participants."""
    meeting = await uow.meetings.get(due.ref_id)
    if meeting is None:
        return GONE
    person = await active_recipient(uow, due)
    if isinstance(person, Skip):
        return person
    if await uow.meetings.participant(meeting.id, person.id) is None:
        return NOT_INVITED
    return meeting, person


def agenda_text(agenda: Agenda) -> str:
    """The agenda as plain lines, for the calendar file's description."""
    lines = [f"{n}. {topic.text or '🎤'}" for n, topic in enumerate(agenda.topics, 1)]
    start = len(lines)
    lines += [f"{start + n}. {item.text}" for n, item in enumerate(agenda.carried, 1)]
    return "\n".join(lines)


async def invitation_calendar(
    uow: UnitOfWork, meeting: Meeting, organiser: Person | None, now: datetime
) -> Document:
    """The invitation's calendar file: the series' master with its RRULE for the first
    occurrence, the occurrence itself (RECURRENCE-ID) for later ones."""
    description = agenda_text(await agenda_of(uow, meeting))
    master = meeting if meeting.series_id == meeting.id else None
    data = calendar.request([meeting], organiser, now, description=description, master=master)
    return Document(calendar.FILE_NAME, data)


async def poll(uow: UnitOfWork, due: DueDelivery, now: datetime) -> PollNotice | Skip:
    loaded = await _loaded(uow, due)
    if isinstance(loaded, Skip):
        return loaded
    meeting, person = loaded
    if meeting.status is not Status.POLLING:
        return POLL_CLOSED
    if meeting.poll_deadline is not None and meeting.poll_deadline <= now:
        return POLL_CLOSED
    return PollNotice(await view_of(uow, person, meeting, as_participant=True))


async def poll_report(uow: UnitOfWork, due: DueDelivery, now: datetime) -> PollReport | Skip:
    meeting = await uow.meetings.get(due.ref_id)
    if meeting is None:
        return GONE
    organiser = await active_recipient(uow, due)
    if isinstance(organiser, Skip):
        return organiser
    view = await view_of(uow, organiser, meeting)
    return PollReport(view, decided=meeting.status is Status.SCHEDULED)


async def invitation(uow: UnitOfWork, due: DueDelivery, now: datetime) -> Invitation | Skip:
    """While the meeting is scheduled and has not ended, with its calendar file."""
    loaded = await _loaded(uow, due)
    if isinstance(loaded, Skip):
        return loaded
    meeting, person = loaded
    if meeting.status is not Status.SCHEDULED:
        return NOT_SCHEDULED
    if meeting.ends_at and meeting.ends_at <= now:
        return OVER
    view = await view_of(uow, person, meeting, as_participant=True)
    document = await invitation_calendar(uow, meeting, view.organiser, now)
    return Invitation(view, document)


async def refresh(uow: UnitOfWork, due: DueDelivery, now: datetime) -> Invitation | Skip:
    """The original invitation, edited to show the meeting's current state."""
    loaded = await _loaded(uow, due)
    if isinstance(loaded, Skip):
        return loaded
    meeting, person = loaded
    message_id = await uow.outbox.message_id(INVITE, meeting.id, INVITE_BATCH, person.id)
    if message_id is None:
        return NOT_RECEIVED
    view = await view_of(uow, person, meeting, as_participant=True)
    return Invitation(view, None, message_id)


async def change(uow: UnitOfWork, due: DueDelivery, now: datetime) -> ChangeNotice | Skip:
    """A new time, place or agenda, or the cancellation, with the updated calendar file."""
    loaded = await _loaded(uow, due)
    parsed = parse_change_batch(due.batch)
    if isinstance(loaded, Skip):
        return loaded
    if parsed is None:
        return GONE
    meeting, person = loaded
    sequence, what, future = parsed
    if meeting.sequence != sequence:
        return SUPERSEDED  # a later change is (or was) sent instead
    view = await view_of(uow, person, meeting, as_participant=True)
    organiser = view.organiser
    if what == "cancel":
        series = meeting.series_id
        if future and series is not None and meeting.occurrence > 1:
            master = await uow.meetings.get(series)
            assert master is not None
            data = calendar.truncated_series(
                master, meeting, organiser, now, sequence=master.sequence + meeting.sequence
            )
        else:
            data = calendar.cancel(
                meeting, organiser, now, whole_series=future and meeting.occurrence == 1
            )
        return ChangeNotice(view, what, future, Document(calendar.FILE_NAME, data))
    if meeting.status is not Status.SCHEDULED:
        return NOT_SCHEDULED
    changed = [meeting]
    if future and meeting.series_id is not None:
        later = await uow.meetings.occurrences(meeting.series_id, from_number=meeting.occurrence)
        changed = [m for m in later if m.status is Status.SCHEDULED]
    description = agenda_text(view.agenda)
    data = calendar.request(changed, organiser, now, description=description)
    return ChangeNotice(view, what, future, Document(calendar.FILE_NAME, data))


async def reminder(uow: UnitOfWork, due: DueDelivery, now: datetime) -> Reminder | Skip:
    """Never after the meeting has started, never to someone who declined."""
    loaded = await _loaded(uow, due)
    if isinstance(loaded, Skip):
        return loaded
    meeting, person = loaded
    if meeting.status is not Status.SCHEDULED:
        return NOT_SCHEDULED
    if meeting.has_started(now):
        return STARTED
    view = await view_of(uow, person, meeting, as_participant=True)
    if view.mine is not None and view.mine.declined:
        return DECLINED
    _, minutes, _ = due.batch.split(":", 2)
    return Reminder(view, int(minutes) if minutes.isdigit() else 0)


async def minutes(uow: UnitOfWork, due: DueDelivery, now: datetime) -> Minutes | Skip:
    loaded = await _loaded(uow, due)
    if isinstance(loaded, Skip):
        return loaded
    meeting, person = loaded
    participants = await uow.meetings.participants(meeting.id)
    actions = tuple(await uow.meetings.actions(meeting.id))
    people = await people_by_id(
        uow, [p.person_id for p in participants] + [a.owner_id for a in actions]
    )
    attended = tuple(
        sorted(
            (people[p.person_id] for p in participants if p.attended and p.person_id in people),
            key=lambda p: p.full_name.lower(),
        )
    )
    decisions = tuple(await uow.meetings.decisions(meeting.id))
    return Minutes(person, meeting, decisions, actions, people, attended)


async def _action(uow: UnitOfWork, due: DueDelivery) -> ActionNotice | Skip:
    item = await uow.meetings.action(due.ref_id)
    if item is None:
        return GONE
    recipient = await active_recipient(uow, due)
    if isinstance(recipient, Skip):
        return recipient
    if not item.is_open:
        return ITEM_CLOSED
    meeting = await uow.meetings.get(item.meeting_id)
    owner = await uow.people.get(item.owner_id)
    if meeting is None or owner is None:
        return GONE
    return ActionNotice(recipient, item, meeting, owner)


async def action_assigned(uow: UnitOfWork, due: DueDelivery, now: datetime) -> ActionNotice | Skip:
    return await _action(uow, due)


async def action_due(uow: UnitOfWork, due: DueDelivery, now: datetime) -> ActionNotice | Skip:
    """On the due date, while the item is open (not once the day is over)."""
    notice = await _action(uow, due)
    if isinstance(notice, Skip):
        return notice
    if now >= notice.item.overdue_moment(notice.owner):
        return DAY_OVER
    return notice


async def action_overdue(uow: UnitOfWork, due: DueDelivery, now: datetime) -> ActionNotice | Skip:
    """To the organiser, while the item is still open."""
    return await _action(uow, due)
