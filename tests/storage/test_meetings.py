"""Meetings on a real SQLite file: the repository round trips, the fake agrees with it, and
every sweep query is served by an index over a time window."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from domain.campaigns.model import Audience
from domain.meetings.agenda import TopicSource
from domain.meetings.model import Kind, Meeting, Recurrence, Status
from domain.meetings.participants import Rsvp
from domain.meetings.polls import Answer
from domain.people.model import NewPerson, Role
from storage.db import Database
from storage.meetings.repo import SqlMeetingRepo
from storage.uow import unit_of_work
from tests.support.fakes.meetings import FakeMeetingRepo

T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def meeting(**fields: Any) -> Meeting:
    base = Meeting(
        id=0,
        organiser_id=1,
        title="Sync",
        kind=Kind.WEEKLY,
        status=Status.SCHEDULED,
        zone="Europe/Moscow",
        created_at=T0,
        starts_at=T0 + timedelta(days=1),
        audience=Audience(team_ids=frozenset({1}), roles=frozenset({Role.MARKETER})),
    )
    return base.with_(**fields)


@pytest.fixture
async def people(db: Database) -> list[int]:
    async with unit_of_work(db) as uow:
        ids = []
        for n in range(4):
            person = await uow.people.add(
                NewPerson(500 + n, f"P{n}", None, None, "ru", "Europe/Moscow", None, frozenset()),
                joined_at=T0,
            )
            ids.append(person.id)
    return ids


@asynccontextmanager
async def sql_repo(db: Database) -> AsyncIterator[SqlMeetingRepo]:
    async with unit_of_work(db) as uow:
        yield uow.meetings


@pytest.fixture(params=["sql", "fake"])
def repo_of(request: pytest.FixtureRequest, db: Database) -> Callable[[], Any]:
    """Each test runs against the SQL repository and against the fake."""
    if request.param == "sql":
        return lambda: sql_repo(db)
    fake = FakeMeetingRepo()

    @asynccontextmanager
    async def fake_repo() -> AsyncIterator[FakeMeetingRepo]:
        yield fake

    return fake_repo


async def test_a_meeting_round_trips_with_every_field(
    repo_of: Callable[[], Any], people: list[int]
) -> None:
    full = meeting(
        campaign_id=None,
        duration=45,
        place="https://meet.example.com/x",
        people=frozenset({people[2]}),
        reminders=(60,),
        recurrence=Recurrence.BIWEEKLY,
        repeat_until=date(2027, 3, 1),
        series_id=None,
        occurrence=1,
        original_start=T0 + timedelta(days=1),
        sequence=3,
        poll_deadline=T0 + timedelta(hours=5),
        invited_at=T0,
        minutes_sent_at=T0 + timedelta(days=2),
        next_due_at=T0 + timedelta(days=1),
    )
    async with repo_of() as repo:
        stored = await repo.add(full)
        assert stored.id > 0
        assert stored == full.with_(id=stored.id)
        await repo.save(stored.with_(title="Renamed", reminders=()), now=T0)
        again = await repo.get(stored.id)
    assert again is not None and again.title == "Renamed" and again.reminders == ()


async def test_participants_rsvp_and_attendance(
    repo_of: Callable[[], Any], people: list[int]
) -> None:
    async with repo_of() as repo:
        stored = await repo.add(meeting())
        assert await repo.add_participants(stored.id, people[:2], at=T0) == people[:2]
        assert await repo.add_participants(stored.id, people[:3], at=T0) == [people[2]]
        await repo.set_rsvp(stored.id, people[0], Rsvp.NO, at=T0)
        await repo.set_attended(stored.id, people[1], True)
        rows = await repo.participants(stored.id)
        assert [(p.person_id, p.rsvp, p.attended) for p in rows] == [
            (people[0], Rsvp.NO, None),
            (people[1], None, True),
            (people[2], None, None),
        ]
        assert (await repo.participants_of([stored.id]))[stored.id] == list(rows)
        mine = await repo.participations(people[1], [stored.id, stored.id + 1])
        assert mine == {stored.id: rows[1]}


async def test_a_later_vote_replaces_the_earlier_one(
    repo_of: Callable[[], Any], people: list[int]
) -> None:
    async with repo_of() as repo:
        stored = await repo.add(meeting(status=Status.POLLING, starts_at=None))
        late = await repo.add_slot(stored.id, T0 + timedelta(days=3))
        early = await repo.add_slot(stored.id, T0 + timedelta(days=2))
        assert [s.id for s in await repo.slots(stored.id)] == [early.id, late.id]
        await repo.vote(early.id, people[0], Answer.YES, at=T0)
        await repo.vote(early.id, people[0], Answer.NO, at=T0)
        await repo.vote(late.id, people[1], Answer.IF_NEED, at=T0)
        votes = await repo.votes(stored.id)
    assert [(v.slot_id, v.person_id, v.answer) for v in votes] == [
        (late.id, people[1], Answer.IF_NEED),
        (early.id, people[0], Answer.NO),
    ]


async def test_topics_keep_their_order_and_dropped_ones_are_gone(
    repo_of: Callable[[], Any], people: list[int]
) -> None:
    async with repo_of() as repo:
        stored = await repo.add(meeting())
        first = await repo.add_topic(
            stored.id, "A", source=TopicSource.ORGANISER, added_by=1, at=T0
        )
        second = await repo.add_topic(
            stored.id,
            "B",
            source=TopicSource.PARTICIPANT,
            added_by=people[0],
            at=T0,
            voice_file_id="voice-1",
        )
        third = await repo.add_topic(
            stored.id, "C", source=TopicSource.QUESTION, added_by=None, at=T0
        )
        await repo.set_topic_position(third.id, first.position)
        await repo.set_topic_position(first.id, third.position)
        await repo.drop_topic(second.id)
        topics = await repo.topics(stored.id)
        assert [t.text for t in topics] == ["C", "A"]
        assert await repo.topic(second.id) is None


async def test_action_items_by_owner_organiser_and_due_window(
    repo_of: Callable[[], Any], people: list[int]
) -> None:
    async with repo_of() as repo:
        stored = await repo.add(meeting(organiser_id=people[3]))
        a = await repo.add_action(stored.id, "A", owner_id=people[0], due=date(2026, 12, 1), at=T0)
        b = await repo.add_action(stored.id, "B", owner_id=people[1], due=date(2026, 12, 5), at=T0)
        assert await repo.mark_done(b.id, at=T0) and not await repo.mark_done(b.id, at=T0)
        assert [x.id for x in await repo.open_actions_owned(people[0])] == [a.id]
        assert [x.id for x in await repo.open_actions_organised(people[3])] == [a.id]
        window = await repo.open_actions_due_between(date(2026, 11, 30), date(2026, 12, 1))
        assert [x.id for x in window] == [a.id]
        decision = await repo.add_decision(stored.id, "Go", at=T0)
        assert [d.text for d in await repo.decisions(stored.id)] == [decision.text]


async def test_the_sweep_queries_look_only_at_their_window(
    repo_of: Callable[[], Any], people: list[int]
) -> None:
    async with repo_of() as repo:
        soon = await repo.add(meeting(starts_at=T0 + timedelta(hours=5)))
        await repo.add(meeting(starts_at=T0 + timedelta(days=9)))
        await repo.add(meeting(starts_at=T0 + timedelta(hours=6), status=Status.CANCELLED))
        poll = await repo.add(
            meeting(status=Status.POLLING, starts_at=None, poll_deadline=T0 - timedelta(minutes=1))
        )
        series = await repo.add(meeting(next_due_at=T0 - timedelta(hours=1)))
        assert [m.id for m in await repo.scheduled_between(T0, T0 + timedelta(hours=12))] == [
            soon.id
        ]
        assert [m.id for m in await repo.polls_closing(by=T0)] == [poll.id]
        assert [m.id for m in await repo.series_due(by=T0)] == [series.id]


async def test_a_persons_upcoming_meetings_put_polls_first_then_the_soonest(
    repo_of: Callable[[], Any], people: list[int]
) -> None:
    async with repo_of() as repo:
        later = await repo.add(meeting(starts_at=T0 + timedelta(days=3)))
        sooner = await repo.add(meeting(starts_at=T0 + timedelta(days=1)))
        poll = await repo.add(meeting(status=Status.POLLING, starts_at=None))
        past = await repo.add(meeting(starts_at=T0 - timedelta(days=1)))
        mine = await repo.add(meeting(organiser_id=people[1], starts_at=T0 + timedelta(days=2)))
        for m in (later, sooner, poll, past):
            await repo.add_participants(m.id, [people[1]], at=T0)
        upcoming = await repo.upcoming_for(people[1], since=T0, limit=10)
        assert [m.id for m in upcoming] == [poll.id, sooner.id, mine.id, later.id]
        assert [m.id for m in await repo.past_for(people[1], before=T0, limit=5)] == [past.id]
        assert await repo.upcoming_for(people[2], since=T0, limit=10) == []


@pytest.mark.parametrize(
    ("sql", "index"),
    [
        (
            "SELECT * FROM meetings WHERE status = 'scheduled'"
            " AND starts_at >= ? AND starts_at < ?",
            "meetings_starts",
        ),
        (
            "SELECT * FROM meetings WHERE status = 'polling' AND poll_deadline <= ?",
            "meetings_polls",
        ),
        (
            "SELECT * FROM meetings WHERE next_due_at IS NOT NULL AND next_due_at <= ?",
            "meetings_next",
        ),
        (
            "SELECT * FROM meeting_actions WHERE done_at IS NULL AND due >= ? AND due <= ?",
            "meeting_actions_open",
        ),
        (
            "SELECT meeting_id FROM meeting_participants WHERE person_id = ?",
            "meeting_participants_person",
        ),
    ],
)
async def test_every_sweep_query_uses_its_index(db: Database, sql: str, index: str) -> None:
    args = ["x"] * sql.count("?")
    async with db.raw.execute(f"EXPLAIN QUERY PLAN {sql}", args) as cur:
        plan = " ".join(str(row[3]) for row in await cur.fetchall())
    assert index in plan, plan
