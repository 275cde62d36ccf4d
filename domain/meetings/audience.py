"""Who a draft invites: all reps, teams, roles or a region's teams ticked in the picker (the
campaigns' audience), and people by name, looked up by a typed part of their name or their
exact username. The picker is redrawn after every tick; the step is done once it takes in
someone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain import flows
from domain.campaigns.audience import picked_region
from domain.errors import InvalidInput, NotFound
from domain.meetings import access
from domain.meetings.flows import Drafting, Step
from domain.meetings.model import MAX_PEOPLE, Meeting
from domain.meetings.queries import ParticipantsChoice, participants_choice
from domain.meetings.wizard import Asked, Result, advance, ask_step, load_draft, step_state
from domain.people.model import Person, Role
from domain.ports import UnitOfWork

FOUND_MAX = 8  # people shown for a typed name


@dataclass(frozen=True, slots=True)
class PeopleFound:
    meeting_id: int
    query: str
    found: tuple[Person, ...]


async def toggle_participants(
    uow: UnitOfWork,
    *,
    actor: Person,
    meeting_id: int,
    now: datetime,
    all_reps: bool = False,
    team_id: int | None = None,
    role: Role | None = None,
    person_id: int | None = None,
    region_of: int | None = None,
) -> ParticipantsChoice:
    """Tick or untick all reps, a team, a role, a region's teams or a named person (none of
    them: the picker as it stands, its roles opened under "more")."""
    meeting = await load_draft(uow, actor, meeting_id)
    people = meeting.people
    if team_id is not None and await uow.teams.get(team_id) is None:
        raise NotFound()
    audience = meeting.audience.toggled(
        all_reps=all_reps, team_id=team_id, role=role, region=await picked_region(uow, region_of)
    )
    if person_id is not None:
        person = await uow.people.get(person_id)
        if person is None or not person.active:
            raise NotFound()
        people = people ^ {person_id}
        if len(people) > MAX_PEOPLE:
            raise InvalidInput("error-meeting-people-max", limit=MAX_PEOPLE)
    saved = meeting
    if (audience, people) != (meeting.audience, meeting.people):
        saved = await access.save(
            uow, actor, meeting.with_(audience=audience, people=people), "participants", now
        )
    state = await flows.current(uow.flows, actor.id, Drafting)
    position = state.position if state is not None and state.meeting_id == meeting_id else None
    return await participants_choice(uow, saved, position=position)


async def find_people(uow: UnitOfWork, *, actor: Person, meeting_id: int, now: datetime) -> Asked:
    """➕ People: waiting for a name to look for."""
    await load_draft(uow, actor, meeting_id)
    state = await step_state(uow, actor, meeting_id, Step.PEOPLE)
    return await ask_step(uow, actor, state, now)


async def finish_participants(
    uow: UnitOfWork, *, actor: Person, meeting_id: int, now: datetime
) -> Result:
    meeting = await load_draft(uow, actor, meeting_id)
    if meeting.audience_is_empty:
        raise InvalidInput("error-meeting-no-participants")
    state = await step_state(uow, actor, meeting_id, Step.PARTICIPANTS)
    return await advance(uow, actor, state, Step.PARTICIPANTS, now)


async def find_by_name(uow: UnitOfWork, *, meeting: Meeting, text: str) -> PeopleFound:
    """Active people whose name holds ``text`` or whose username it is, by name."""
    query = " ".join(text.split()).casefold()
    if len(query) < 2:
        raise InvalidInput("error-meeting-name-short")
    found = [
        p
        for p in await uow.people.active()
        if query in p.full_name.casefold() or query == (p.username or "").casefold()
    ]
    found.sort(key=lambda p: p.full_name.casefold())
    return PeopleFound(meeting.id, text.strip(), tuple(found[:FOUND_MAX]))
