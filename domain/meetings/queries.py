"""What the meeting screens show: small values a handler renders as they are (the draft's
card, the participants picker, a meeting as its organiser or a participant sees it, the
/meetings and /actions lists)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from domain.meetings import access
from domain.meetings.agenda import Topic
from domain.meetings.model import MAX_DURATION, Meeting, Status
from domain.meetings.outcomes import ActionItem, Decision
from domain.meetings.participants import Participant, RsvpGroup, rsvp_groups, sorted_people
from domain.meetings.polls import Slot, SlotTally, tally
from domain.people.model import Person, Team
from domain.permissions import Action, can, require
from domain.ports import UnitOfWork

LIST_LIMIT = 10
MAX_DURATION_DELTA = timedelta(minutes=MAX_DURATION)
PAST_LIMIT = 5


async def audience_of(uow: UnitOfWork, meeting: Meeting) -> list[Person]:
    """Who the meeting reaches now: active people its audience takes in, and its organiser."""
    people = [p for p in await uow.people.active() if meeting.includes(p)]
    if all(p.id != meeting.organiser_id for p in people):
        organiser = await uow.people.get(meeting.organiser_id)
        if organiser is not None and organiser.active:
            people.append(organiser)
    return people


async def people_by_id(uow: UnitOfWork, ids: Sequence[int]) -> dict[int, Person]:
    return {p.id: p for p in await uow.people.many(list(dict.fromkeys(ids)))}


async def carried_actions(uow: UnitOfWork, meeting: Meeting) -> tuple[ActionItem, ...]:
    """Open action items of the series' previous occurrence: they are on this agenda too."""
    if meeting.series_id is None or meeting.occurrence <= 1:
        return ()
    previous = await uow.meetings.occurrences(meeting.series_id, from_number=meeting.occurrence - 1)
    before = [m for m in previous if m.occurrence == meeting.occurrence - 1]
    if not before:
        return ()
    return tuple(a for a in await uow.meetings.actions(before[0].id) if a.is_open)


@dataclass(frozen=True, slots=True)
class Agenda:
    topics: tuple[Topic, ...]
    carried: tuple[ActionItem, ...]  # open items of the previous occurrence
    owners: dict[int, Person]


async def agenda_of(uow: UnitOfWork, meeting: Meeting) -> Agenda:
    topics = tuple(await uow.meetings.topics(meeting.id))
    carried = await carried_actions(uow, meeting)
    owners = await people_by_id(uow, [a.owner_id for a in carried])
    return Agenda(topics, carried, owners)


@dataclass(frozen=True, slots=True)
class DraftCard:
    meeting: Meeting
    viewer: Person
    reach: int
    slots: tuple[Slot, ...]
    agenda: Agenda
    teams: dict[int, Team]
    named: tuple[Person, ...]


async def draft_card_of(uow: UnitOfWork, viewer: Person, meeting: Meeting) -> DraftCard:
    reach = len(await audience_of(uow, meeting))
    slots = tuple(await uow.meetings.slots(meeting.id))
    named = await people_by_id(uow, sorted(meeting.people))
    teams = {team.id: team for team in await uow.teams.all()}
    agenda = await agenda_of(uow, meeting)
    return DraftCard(
        meeting, viewer, reach, slots, agenda, teams, tuple(sorted_people(named.values()))
    )


@dataclass(frozen=True, slots=True)
class ParticipantsChoice:
    meeting: Meeting
    teams: tuple[Team, ...]
    reach: int
    named: tuple[Person, ...]
    position: int | None = None


async def participants_choice(
    uow: UnitOfWork, meeting: Meeting, *, position: int | None = None
) -> ParticipantsChoice:
    reach = len(await audience_of(uow, meeting))
    named = await people_by_id(uow, sorted(meeting.people))
    return ParticipantsChoice(
        meeting, tuple(await uow.teams.all()), reach, tuple(sorted_people(named.values())), position
    )


@dataclass(frozen=True, slots=True)
class Held:
    """What was recorded at a meeting whose minutes were sent."""

    decisions: tuple[Decision, ...]
    actions: tuple[ActionItem, ...]
    owners: dict[int, Person]


async def held_of(uow: UnitOfWork, meeting: Meeting) -> Held | None:
    if meeting.minutes_sent_at is None:
        return None
    actions = tuple(await uow.meetings.actions(meeting.id))
    owners = await people_by_id(uow, [a.owner_id for a in actions])
    return Held(tuple(await uow.meetings.decisions(meeting.id)), actions, owners)


@dataclass(frozen=True, slots=True)
class MeetingView:
    """A sent meeting as ``viewer`` sees it: a participant their answer, the organiser the
    answers of everyone (per team, with names) and the poll's live tally."""

    meeting: Meeting
    viewer: Person
    organiser: Person | None
    mine: Participant | None
    manages: bool
    agenda: Agenda
    total: RsvpGroup | None = None  # the organiser's figures
    teams_figures: tuple[RsvpGroup, ...] = ()
    tallies: tuple[SlotTally, ...] = ()
    my_votes: dict[int, str] | None = None  # slot id -> answer, for a participant's poll
    people: dict[int, Person] | None = None
    teams: dict[int, Team] | None = None
    held: Held | None = None  # the minutes, once sent


async def view_of(
    uow: UnitOfWork, viewer: Person, meeting: Meeting, *, as_participant: bool = False
) -> MeetingView:
    """``as_participant``: what a message to them shows, even to the organiser."""
    mine = await uow.meetings.participant(meeting.id, viewer.id)
    manages = access.is_organiser(viewer, meeting) and not as_participant
    organiser = await uow.people.get(meeting.organiser_id)
    agenda = await agenda_of(uow, meeting)
    tallies: tuple[SlotTally, ...] = ()
    my_votes: dict[int, str] = {}
    if meeting.status in (Status.POLLING, Status.UNDECIDED):
        slots = await uow.meetings.slots(meeting.id)
        votes = await uow.meetings.votes(meeting.id)
        tallies = tuple(tally(slots, votes))
        my_votes = {v.slot_id: v.answer.value for v in votes if v.person_id == viewer.id}
    if not manages:
        return MeetingView(
            meeting,
            viewer,
            organiser,
            mine,
            False,
            agenda,
            tallies=tallies,
            my_votes=my_votes,
            held=await held_of(uow, meeting),
        )
    participants = await uow.meetings.participants(meeting.id)
    people = await people_by_id(uow, [p.person_id for p in participants])
    total, by_team = rsvp_groups(participants, people)
    teams = {team.id: team for team in await uow.teams.all()}
    return MeetingView(
        meeting,
        viewer,
        organiser,
        mine,
        True,
        agenda,
        total,
        by_team,
        tallies,
        my_votes,
        people,
        teams,
        await held_of(uow, meeting),
    )


async def view(uow: UnitOfWork, *, actor: Person, meeting_id: int) -> MeetingView | DraftCard:
    """Open a meeting from a list or a button: the draft's card for its organiser, or the
    meeting as the actor may see it. Opening it leaves whatever step they were on."""
    meeting, _ = await access.attending(uow, actor=actor, meeting_id=meeting_id)
    await uow.flows.delete(actor.id)
    if meeting.is_draft:
        return await draft_card_of(uow, actor, meeting)
    return await view_of(uow, actor, meeting)


@dataclass(frozen=True, slots=True)
class Listed:
    meeting: Meeting
    mine: Participant | None


@dataclass(frozen=True, slots=True)
class MeetingList:
    """/meetings: upcoming meetings (polls first), past ones with minutes, the drafts."""

    viewer: Person
    upcoming: tuple[Listed, ...]
    past: tuple[Meeting, ...]
    drafts: tuple[Meeting, ...]
    may_schedule: bool


async def meetings_of(uow: UnitOfWork, *, actor: Person, now: datetime) -> MeetingList:
    require(actor, Action.VIEW_MEETINGS)
    since = now - MAX_DURATION_DELTA
    found = [
        m
        for m in await uow.meetings.upcoming_for(actor.id, since=since, limit=LIST_LIMIT * 2)
        if m.ends_at is None or m.ends_at > now
    ][:LIST_LIMIT]
    mine = await uow.meetings.participations(actor.id, [m.id for m in found])
    listed = tuple(Listed(m, mine.get(m.id)) for m in found)
    past = tuple(
        m
        for m in await uow.meetings.past_for(actor.id, before=now, limit=PAST_LIMIT * 2)
        if m.ends_at is not None and m.ends_at <= now
    )[:PAST_LIMIT]
    may_schedule = can(actor, Action.SCHEDULE_MEETINGS)
    drafts = tuple(await uow.meetings.drafts_of(actor.id)) if may_schedule else ()
    return MeetingList(actor, listed, past, drafts, may_schedule)


@dataclass(frozen=True, slots=True)
class ActionList:
    """/actions: the person's open items and, for organisers, those of their meetings."""

    viewer: Person
    mine: tuple[ActionItem, ...]
    organised: tuple[ActionItem, ...]
    meetings: dict[int, Meeting]
    owners: dict[int, Person]


async def actions_of(uow: UnitOfWork, *, actor: Person) -> ActionList:
    require(actor, Action.VIEW_MEETINGS)
    mine = tuple(await uow.meetings.open_actions_owned(actor.id))
    organised: tuple[ActionItem, ...] = ()
    if can(actor, Action.SCHEDULE_MEETINGS):
        organised = tuple(
            a for a in await uow.meetings.open_actions_organised(actor.id) if a.owner_id != actor.id
        )
    meetings: dict[int, Meeting] = {}
    for item in (*mine, *organised):
        if item.meeting_id not in meetings:
            meetings[item.meeting_id] = await access.load(uow, item.meeting_id)
    owners = await people_by_id(uow, [a.owner_id for a in organised])
    return ActionList(actor, mine, organised, meetings, owners)


async def presentation_of(uow: UnitOfWork, campaign_id: int) -> Meeting | None:
    """The campaign's presentation to sales (the next one not cancelled), for its card."""
    found = await uow.meetings.for_campaign(campaign_id)
    return found[0] if found else None


async def previous_occurrence(uow: UnitOfWork, meeting: Meeting) -> Meeting | None:
    """The occurrence of the meeting's series before it (None: the first, or no series);
    the KPIs' draft agenda counts "since the last occurrence" from its start."""
    if meeting.series_id is None or meeting.occurrence <= 1:
        return None
    found = await uow.meetings.occurrences(meeting.series_id, from_number=meeting.occurrence - 1)
    earlier = [m for m in found if m.occurrence == meeting.occurrence - 1]
    return earlier[0] if earlier else None
