"""After the meeting: the organiser records attendance (prefilled from the yes answers),
decisions and action items (an owner from the participants and a due date), and sends the
minutes to every participant; each owner gets their items with ✅ Done."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain import flows
from domain.campaigns.model import clean_text
from domain.dates import parse_date
from domain.errors import Forbidden, InvalidInput, NotFound
from domain.flows import FlowState
from domain.meetings import access
from domain.meetings.flows import Minute, Recording
from domain.meetings.kinds import ACTION, MINUTES
from domain.meetings.model import Meeting
from domain.meetings.outcomes import ACTION_MAX, DECISION_MAX, ActionItem, Decision
from domain.meetings.participants import Participant, Rsvp
from domain.meetings.queries import people_by_id
from domain.meetings.sending import outgoing
from domain.people.model import Person
from domain.permissions import Action, require
from domain.ports import UnitOfWork
from domain.timezones import local_today


@dataclass(frozen=True, slots=True)
class MinutesView:
    meeting: Meeting
    participants: tuple[Participant, ...]
    people: dict[int, Person]
    decisions: tuple[Decision, ...]
    actions: tuple[ActionItem, ...]


async def _view(uow: UnitOfWork, meeting: Meeting) -> MinutesView:
    participants = tuple(await uow.meetings.participants(meeting.id))
    actions = tuple(await uow.meetings.actions(meeting.id))
    people = await people_by_id(
        uow, [p.person_id for p in participants] + [a.owner_id for a in actions]
    )
    decisions = tuple(await uow.meetings.decisions(meeting.id))
    return MinutesView(meeting, participants, people, decisions, actions)


async def _held(uow: UnitOfWork, actor: Person, meeting_id: int, now: datetime) -> Meeting:
    meeting = await access.organised(uow, actor=actor, meeting_id=meeting_id)
    meeting.check_held(now)
    return meeting


async def open_minutes(
    uow: UnitOfWork, *, actor: Person, meeting_id: int, now: datetime
) -> MinutesView:
    """📝 Minutes: attendance is prefilled from the yes answers the first time."""
    meeting = await _held(uow, actor, meeting_id, now)
    participants = await uow.meetings.participants(meeting.id)
    if all(p.attended is None for p in participants):
        for participant in participants:
            await uow.meetings.set_attended(
                meeting.id, participant.person_id, participant.rsvp is Rsvp.YES
            )
    await uow.flows.delete(actor.id)
    return await _view(uow, meeting)


async def toggle_attended(
    uow: UnitOfWork, *, actor: Person, meeting_id: int, person_id: int, now: datetime
) -> MinutesView:
    meeting = await _held(uow, actor, meeting_id, now)
    participant = await uow.meetings.participant(meeting.id, person_id)
    if participant is None:
        raise NotFound()
    await uow.meetings.set_attended(meeting.id, person_id, not participant.attended)
    return await _view(uow, meeting)


@dataclass(frozen=True, slots=True)
class MinutePrompt:
    state: Recording
    view: MinutesView
    previous: FlowState | None


async def begin(
    uow: UnitOfWork, *, actor: Person, meeting_id: int, step: Minute, now: datetime
) -> MinutePrompt:
    """➕ Decision / ➕ Action item: waiting for its text."""
    meeting = await _held(uow, actor, meeting_id, now)
    if step not in (Minute.DECISION, Minute.ACTION_TEXT):
        raise InvalidInput()
    state = Recording(meeting.id, step)
    previous = await flows.begin(uow.flows, actor.id, state, now=now)
    return MinutePrompt(state, await _view(uow, meeting), previous)


async def typed(
    uow: UnitOfWork, *, actor: Person, state: Recording, text: str, now: datetime
) -> MinutePrompt | MinutesView:
    """A decision (recorded), an action item's text (then its owner), or its due date."""
    meeting = await _held(uow, actor, state.meeting_id, now)
    if state.step is Minute.DECISION:
        await uow.meetings.add_decision(meeting.id, clean_text(text, limit=DECISION_MAX), at=now)
        await access.audit(uow, actor, meeting.id, "decision", now)
        await uow.flows.delete(actor.id)
        return await _view(uow, meeting)
    if state.step is Minute.ACTION_TEXT:
        following = Recording(meeting.id, Minute.ACTION_OWNER, clean_text(text, limit=ACTION_MAX))
        previous = await flows.begin(uow.flows, actor.id, following, now=now)
        return MinutePrompt(following, await _view(uow, meeting), previous)
    if state.step is Minute.ACTION_DUE and state.owner_id is not None:
        owner = await uow.people.get(state.owner_id)
        zone = owner.timezone if owner is not None else actor.timezone
        due = parse_date(text, today=local_today(now, zone))
        item = await uow.meetings.add_action(
            meeting.id, state.text, owner_id=state.owner_id, due=due, at=now
        )
        await access.audit(uow, actor, meeting.id, "action", now)
        if meeting.minutes_sent_at is not None and owner is not None and owner.active:
            await uow.outbox.enqueue(ACTION, item.id, "assigned", [outgoing(owner, now)])
        await uow.flows.delete(actor.id)
        return await _view(uow, meeting)
    raise InvalidInput("use-buttons")


async def choose_owner(
    uow: UnitOfWork, *, actor: Person, meeting_id: int, person_id: int, now: datetime
) -> MinutePrompt:
    """The action item's owner, from the participants; then its due date."""
    meeting = await _held(uow, actor, meeting_id, now)
    state = await flows.current(uow.flows, actor.id, Recording)
    if state is None or state.meeting_id != meeting.id or state.step is not Minute.ACTION_OWNER:
        raise NotFound("button-expired")
    if await uow.meetings.participant(meeting.id, person_id) is None:
        raise NotFound()
    following = Recording(meeting.id, Minute.ACTION_DUE, state.text, person_id)
    previous = await flows.begin(uow.flows, actor.id, following, now=now)
    return MinutePrompt(following, await _view(uow, meeting), previous)


async def send_minutes(
    uow: UnitOfWork, *, actor: Person, meeting_id: int, now: datetime
) -> MinutesView:
    """📤 Minutes to every participant; each owner gets their items with ✅ Done."""
    meeting = await _held(uow, actor, meeting_id, now)
    if meeting.minutes_sent_at is not None:
        raise InvalidInput("error-minutes-sent")
    saved = await access.save(uow, actor, meeting.with_(minutes_sent_at=now), "minutes", now)
    view = await _view(uow, saved)
    people = [p for p in view.people.values() if p.active]
    participants = {p.person_id for p in view.participants}
    await uow.outbox.enqueue(
        MINUTES, saved.id, "minutes", [outgoing(p, now) for p in people if p.id in participants]
    )
    for item in view.actions:
        owner = view.people.get(item.owner_id)
        if owner is not None and owner.active:
            await uow.outbox.enqueue(ACTION, item.id, "assigned", [outgoing(owner, now)])
    await uow.flows.delete(actor.id)
    return view


@dataclass(frozen=True, slots=True)
class Done:
    item: ActionItem
    meeting: Meeting
    first: bool


async def mark_done(uow: UnitOfWork, *, actor: Person, action_id: int, now: datetime) -> Done:
    """✅ Done: by its owner, or the meeting's organiser (or an admin)."""
    require(actor, Action.VIEW_MEETINGS)
    item = await uow.meetings.action(action_id)
    if item is None:
        raise NotFound()
    meeting = await access.load(uow, item.meeting_id)
    if item.owner_id != actor.id and not access.is_organiser(actor, meeting):
        raise Forbidden()
    first = await uow.meetings.mark_done(item.id, at=now)
    if first:
        await access.audit(uow, actor, meeting.id, "action_done", now)
    done = await uow.meetings.action(item.id)
    assert done is not None
    return Done(done, meeting, first)
