"""Drafting a meeting: /newmeeting starts a draft and the wizard (:mod:`domain.meetings.wizard`),
**Continue** resumes it, and a field can be asked again from the draft's card. Text typed on
any step comes to :func:`answer`, which records it and moves on, or stays on the step for more;
the title, duration, place, agenda and reminders are set here, the time or poll in
:mod:`domain.meetings.scheduling`, participants in :mod:`domain.meetings.audience`, and the
kind in :mod:`domain.meetings.presentations`. Bad input raises and the flow stays on its step.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from domain.campaigns.model import clean_text
from domain.errors import InvalidInput
from domain.meetings import access, audience, scheduling
from domain.meetings.agenda import MAX_TOPICS, TOPIC_MAX, TopicSource
from domain.meetings.audience import PeopleFound
from domain.meetings.flows import TYPED, Drafting, Step
from domain.meetings.model import (
    DURATIONS,
    REMINDER_PRESETS,
    Meeting,
    clean_duration,
    clean_place,
    clean_title,
)
from domain.meetings.queries import DraftCard, draft_card_of
from domain.meetings.scheduling import SlotAdded
from domain.meetings.wizard import (
    Asked,
    Result,
    advance,
    ask_step,
    load_draft,
    new_draft,
    step_state,
)
from domain.people.model import Person
from domain.permissions import Action, require
from domain.ports import UnitOfWork


async def start(uow: UnitOfWork, *, actor: Person, now: datetime) -> Asked:
    """/newmeeting: a new draft, and the wizard's first step."""
    require(actor, Action.SCHEDULE_MEETINGS)
    meeting = await uow.meetings.add(new_draft(actor, now))
    await access.audit(uow, actor, meeting.id, "create", now)
    return await ask_step(uow, actor, Drafting(meeting.id, Step.TITLE, wizard=True), now)


def resume_at(meeting: Meeting) -> Drafting:
    step = {"title": Step.TITLE, "time": Step.WHEN, "participants": Step.PARTICIPANTS}
    missing = meeting.missing()
    return Drafting(meeting.id, step[missing[0]] if missing else Step.AGENDA, wizard=True)


async def resume(uow: UnitOfWork, *, actor: Person, meeting_id: int, now: datetime) -> Asked:
    """The wizard again, at the first step still missing (Continue)."""
    meeting = await load_draft(uow, actor, meeting_id)
    return await ask_step(uow, actor, resume_at(meeting), now)


async def ask(
    uow: UnitOfWork, *, actor: Person, meeting_id: int, step: Step, now: datetime
) -> Asked:
    """One field from the draft's card."""
    await load_draft(uow, actor, meeting_id)
    return await ask_step(uow, actor, Drafting(meeting_id, step), now)


# --- typed steps ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TopicAdded:
    meeting_id: int
    count: int


Answered = Result | SlotAdded | TopicAdded | PeopleFound


async def answer(
    uow: UnitOfWork, *, actor: Person, state: Drafting, text: str, now: datetime
) -> Answered:
    """Text typed on a step: record it and move on, or stay on it for more (slots, people,
    topics). Bad input raises and the step stays open."""
    if state.step not in TYPED:
        raise InvalidInput("use-buttons")
    meeting = await load_draft(uow, actor, state.meeting_id)
    step = state.step
    if step is Step.TITLE:
        await access.save(uow, actor, meeting.with_(title=clean_title(text)), "title", now)
        return await advance(uow, actor, state, Step.TITLE, now)
    if step in (Step.WHEN, Step.TIME):  # "When?" takes a typed time without its button
        return await scheduling.set_time(
            uow, actor=actor, state=state, meeting=meeting, text=text, now=now
        )
    if step is Step.SLOTS:
        return await scheduling.add_slot(uow, actor=actor, meeting=meeting, text=text, now=now)
    if step is Step.DEADLINE:
        return await scheduling.set_deadline(
            uow, actor=actor, state=state, meeting=meeting, text=text, now=now
        )
    if step is Step.DURATION:
        changed = meeting.with_(duration=clean_duration(text))
        await access.save(uow, actor, changed, "duration", now)
        return await advance(uow, actor, state, Step.DURATION, now)
    if step is Step.PLACE:
        await access.save(uow, actor, meeting.with_(place=clean_place(text)), "place", now)
        return await advance(uow, actor, state, Step.PLACE, now)
    if step is Step.REPEAT_END:
        return await scheduling.set_repeat_end(
            uow, actor=actor, state=state, meeting=meeting, text=text, now=now
        )
    if step is Step.PEOPLE:
        return await audience.find_by_name(uow, meeting=meeting, text=text)
    return await _add_topic(uow, actor, meeting, text, now)


async def _add_topic(
    uow: UnitOfWork, actor: Person, meeting: Meeting, text: str, now: datetime
) -> TopicAdded:
    topics = await uow.meetings.topics(meeting.id)
    if len(topics) >= MAX_TOPICS:
        raise InvalidInput("error-agenda-full", limit=MAX_TOPICS)
    await uow.meetings.add_topic(
        meeting.id,
        clean_text(text, limit=TOPIC_MAX),
        source=TopicSource.ORGANISER,
        added_by=actor.id,
        at=now,
    )
    return TopicAdded(meeting.id, len(topics) + 1)


async def add_topics(
    uow: UnitOfWork, *, actor: Person, meeting_id: int, texts: Sequence[str], now: datetime
) -> int:
    """Topics the organiser prepared elsewhere (the KPIs' draft agenda), added to a sent
    meeting's agenda in order, as many as it still holds; how many were added. Participants
    see them with the next reminder."""
    meeting = await access.organised(uow, actor=actor, meeting_id=meeting_id)
    meeting.check_changeable(now)
    room = MAX_TOPICS - len(await uow.meetings.topics(meeting.id))
    added = 0
    for text in [t.strip()[:TOPIC_MAX] for t in texts if t.strip()][: max(room, 0)]:
        await uow.meetings.add_topic(
            meeting.id, text, source=TopicSource.ORGANISER, added_by=actor.id, at=now
        )
        added += 1
    await access.audit(uow, actor, meeting.id, "add_topics", now)
    return added


# --- button steps --------------------------------------------------------------------------


async def choose_duration(
    uow: UnitOfWork, *, actor: Person, meeting_id: int, minutes: int, now: datetime
) -> Result:
    meeting = await load_draft(uow, actor, meeting_id)
    if minutes not in DURATIONS:
        raise InvalidInput()
    await access.save(uow, actor, meeting.with_(duration=minutes), "duration", now)
    state = await step_state(uow, actor, meeting_id, Step.DURATION)
    return await advance(uow, actor, state, Step.DURATION, now)


async def skip_place(uow: UnitOfWork, *, actor: Person, meeting_id: int, now: datetime) -> Result:
    meeting = await load_draft(uow, actor, meeting_id)
    await access.save(uow, actor, meeting.with_(place=""), "place", now)
    state = await step_state(uow, actor, meeting_id, Step.PLACE)
    return await advance(uow, actor, state, Step.PLACE, now)


async def finish_agenda(
    uow: UnitOfWork, *, actor: Person, meeting_id: int, now: datetime
) -> DraftCard:
    meeting = await load_draft(uow, actor, meeting_id)
    await uow.flows.delete(actor.id)
    return await draft_card_of(uow, actor, meeting)


async def set_reminders(
    uow: UnitOfWork, *, actor: Person, meeting_id: int, preset: str, now: datetime
) -> Meeting:
    """24 h and 1 h, one of them, or none: for this meeting (and a series' next ones)."""
    meeting = await access.organised(uow, actor=actor, meeting_id=meeting_id)
    meeting.check_open()
    if preset not in REMINDER_PRESETS:
        raise InvalidInput()
    return await access.save(
        uow, actor, meeting.with_(reminders=REMINDER_PRESETS[preset]), "reminders", now
    )


async def card(uow: UnitOfWork, *, actor: Person, meeting_id: int) -> DraftCard:
    meeting = await load_draft(uow, actor, meeting_id)
    await uow.flows.delete(actor.id)
    return await draft_card_of(uow, actor, meeting)


async def discard(uow: UnitOfWork, *, actor: Person, meeting_id: int, now: datetime) -> None:
    meeting = await load_draft(uow, actor, meeting_id)
    await uow.meetings.delete_draft(meeting.id)
    await access.audit(uow, actor, meeting.id, "discard", now)
    await uow.flows.delete(actor.id)
