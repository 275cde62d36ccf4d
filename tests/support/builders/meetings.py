"""Meetings for tests: a draft or a scheduled meeting with sensible defaults, and a scene of
an organiser and participants across time zones."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from domain.campaigns.model import Audience
from domain.meetings.model import Kind, Meeting, Status
from domain.people.model import Person
from tests.support.builders.people import NOW, a_lead, a_rep, a_team, an_admin
from tests.support.fakes import FakeUnitOfWork
from tests.support.fakes.meetings import FakeMeetingRepo


def a_meeting(
    mid: int = 1,
    *,
    organiser: int = 1,
    status: Status = Status.SCHEDULED,
    starts_at: datetime | None = NOW + timedelta(days=3),
    teams: frozenset[int] = frozenset({1}),
    title: str = "Weekly sync",
    zone: str = "Europe/Moscow",
    **changes: object,
) -> Meeting:
    """A meeting of team 1, three days after ``NOW``; name any field to change it."""
    meeting = Meeting(
        id=mid,
        organiser_id=organiser,
        title=title,
        kind=Kind.WEEKLY,
        status=status,
        zone=zone,
        created_at=NOW,
        starts_at=starts_at,
        audience=Audience(team_ids=teams),
        invited_at=NOW if status is Status.SCHEDULED else None,
    )
    return meeting.with_(**changes)


@dataclass
class Scene:
    """A team lead of team 1 (Moscow) who organises; reps of team 1 in Kaliningrad, Moscow,
    Vladivostok and New York; a rep of team 2 who is not invited; an admin."""

    uow: FakeUnitOfWork
    lead: Person
    reps: list[Person]
    outsider: Person
    admin: Person

    @property
    def meetings(self) -> FakeMeetingRepo:
        repo = self.uow.meetings
        assert isinstance(repo, FakeMeetingRepo)
        return repo


def a_scene() -> Scene:
    lead = a_lead(1, team=1, name="Lev")
    reps = [
        a_rep(10, team=1, tz="Europe/Kaliningrad", name="Kira"),
        a_rep(11, team=1, tz="Europe/Moscow", name="Misha"),
        a_rep(12, team=1, tz="Asia/Vladivostok", name="Vlad"),
        a_rep(13, team=1, tz="America/New_York", name="Nora"),
    ]
    outsider = a_rep(20, team=2, name="Olga")
    admin = an_admin(30, name="Ada")
    uow = FakeUnitOfWork(meetings=FakeMeetingRepo())
    uow.people.put(lead, *reps, outsider, admin)
    uow.teams.put(a_team(1, "Москва"), a_team(2, "Казань"))
    return Scene(uow, lead, reps, outsider, admin)
