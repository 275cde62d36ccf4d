"""A participant answers: RSVP from the invitation, and agenda topics (text or a voice note)
before the meeting; the organiser orders or drops topics."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain import flows
from domain.campaigns.model import clean_text
from domain.errors import InvalidInput, NotFound
from domain.flows import FlowState
from domain.meetings import access
from domain.meetings.agenda import MAX_TOPICS, TOPIC_MAX, TopicSource
from domain.meetings.flows import AddingTopic
from domain.meetings.model import Meeting, Status
from domain.meetings.participants import Rsvp
from domain.meetings.queries import Agenda, MeetingView, agenda_of, view_of
from domain.people.model import Person
from domain.ports import UnitOfWork


async def rsvp(
    uow: UnitOfWork, *, actor: Person, meeting_id: int, answer: Rsvp, now: datetime
) -> MeetingView:
    """✅ / 🤔 / ❌ under the invitation: changeable until the meeting starts."""
    meeting, _ = await access.participating(uow, actor=actor, meeting_id=meeting_id)
    meeting.check_open()
    if meeting.status is not Status.SCHEDULED:
        raise InvalidInput("error-meeting-not-scheduled")
    if meeting.has_started(now):
        raise InvalidInput("error-meeting-started")
    await uow.meetings.set_rsvp(meeting.id, actor.id, answer, at=now)
    await access.audit(uow, actor, meeting.id, f"rsvp_{answer.value}", now)
    return await view_of(uow, actor, meeting, as_participant=True)


def _check_agenda_open(meeting: Meeting, now: datetime) -> None:
    meeting.check_open()
    if meeting.has_started(now):
        raise InvalidInput("error-meeting-started")


@dataclass(frozen=True, slots=True)
class TopicPrompt:
    meeting: Meeting
    state: AddingTopic
    previous: FlowState | None


async def begin_topic(
    uow: UnitOfWork, *, actor: Person, meeting_id: int, now: datetime
) -> TopicPrompt:
    """➕ Add a topic: waiting for its text or a voice note."""
    meeting, _ = await access.attending(uow, actor=actor, meeting_id=meeting_id)
    _check_agenda_open(meeting, now)
    state = AddingTopic(meeting.id)
    previous = await flows.begin(uow.flows, actor.id, state, now=now)
    return TopicPrompt(meeting, state, previous)


@dataclass(frozen=True, slots=True)
class TopicAdded:
    meeting: Meeting
    count: int


async def add_topic(
    uow: UnitOfWork,
    *,
    actor: Person,
    state: AddingTopic,
    text: str | None,
    now: datetime,
    voice_file_id: str | None = None,
) -> TopicAdded:
    meeting, _ = await access.attending(uow, actor=actor, meeting_id=state.meeting_id)
    _check_agenda_open(meeting, now)
    topics = await uow.meetings.topics(meeting.id)
    if len(topics) >= MAX_TOPICS:
        raise InvalidInput("error-agenda-full", limit=MAX_TOPICS)
    if voice_file_id is None:
        body = clean_text(text or "", limit=TOPIC_MAX)
    else:
        body = (text or "").strip()[:TOPIC_MAX]
    source = (
        TopicSource.ORGANISER if access.is_organiser(actor, meeting) else TopicSource.PARTICIPANT
    )
    await uow.meetings.add_topic(
        meeting.id, body, source=source, added_by=actor.id, at=now, voice_file_id=voice_file_id
    )
    await access.audit(uow, actor, meeting.id, "add_topic", now)
    await uow.flows.delete(actor.id)
    return TopicAdded(meeting, len(topics) + 1)


@dataclass(frozen=True, slots=True)
class AgendaView:
    meeting: Meeting
    agenda: Agenda
    manages: bool
    authors: dict[int, Person]


async def agenda(uow: UnitOfWork, *, actor: Person, meeting_id: int) -> AgendaView:
    meeting, _ = await access.attending(uow, actor=actor, meeting_id=meeting_id)
    found = await agenda_of(uow, meeting)
    ids = [t.added_by for t in found.topics if t.added_by is not None]
    authors = {p.id: p for p in await uow.people.many(ids)}
    return AgendaView(meeting, found, access.is_organiser(actor, meeting), authors)


async def move_topic(
    uow: UnitOfWork, *, actor: Person, meeting_id: int, topic_id: int, now: datetime
) -> AgendaView:
    """⬆️: the topic swaps places with the one before it."""
    meeting = await access.organised(uow, actor=actor, meeting_id=meeting_id)
    meeting.check_open()
    topics = list(await uow.meetings.topics(meeting.id))
    index = next((i for i, t in enumerate(topics) if t.id == topic_id), None)
    if index is None:
        raise NotFound()
    if index > 0:
        above, this = topics[index - 1], topics[index]
        await uow.meetings.set_topic_position(this.id, above.position)
        await uow.meetings.set_topic_position(above.id, this.position)
        if above.position == this.position:
            await uow.meetings.set_topic_position(above.id, this.position + 1)
    return await agenda(uow, actor=actor, meeting_id=meeting_id)


async def drop_topic(
    uow: UnitOfWork, *, actor: Person, meeting_id: int, topic_id: int, now: datetime
) -> AgendaView:
    meeting = await access.organised(uow, actor=actor, meeting_id=meeting_id)
    meeting.check_open()
    topic = await uow.meetings.topic(topic_id)
    if topic is None or topic.meeting_id != meeting.id:
        raise NotFound()
    await uow.meetings.drop_topic(topic.id)
    await access.audit(uow, actor, meeting.id, "drop_topic", now)
    return await agenda(uow, actor=actor, meeting_id=meeting_id)


async def topic_voice(uow: UnitOfWork, *, actor: Person, meeting_id: int, topic_id: int) -> str:
    """The voice note of a topic, for someone who may see the agenda."""
    meeting, _ = await access.attending(uow, actor=actor, meeting_id=meeting_id)
    topic = await uow.meetings.topic(topic_id)
    if topic is None or topic.meeting_id != meeting.id or topic.voice_file_id is None:
        raise NotFound()
    return topic.voice_file_id
