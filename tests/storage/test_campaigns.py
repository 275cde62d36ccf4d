"""The campaigns repository on a real SQLite file — and its in-memory fake, which the unit
tests rely on, held to the same behaviour — plus the campaign flow states round-tripping
through the flows table."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest

from domain.campaigns.flows import (
    Confirming,
    Drafting,
    EditingKeyMessage,
    Step,
    TypingMoment,
    WritingNote,
)
from domain.campaigns.kinds import ANNOUNCE
from domain.campaigns.model import Audience, Status
from domain.campaigns.schedule import REMINDER_PRESETS, Schedule, ScheduleMode
from domain.campaigns.versions import Note, NoteKind
from domain.flows import FlowState
from domain.people.model import NewPerson, Person, Role
from domain.ports import Outgoing, UnitOfWork
from storage.db import Database
from storage.deliveries.repo import SqlDeliveryRepo
from storage.flows import FlowCodec
from storage.uow import unit_of_work
from tests.support.fakes.campaigns import campaigns_uow

T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
STATES = (Drafting, EditingKeyMessage, TypingMoment, Confirming, WritingNote)

Opened = Callable[[], AbstractAsyncContextManager[UnitOfWork]]
Send = Callable[[int, int], Awaitable[None]]


@pytest.fixture(params=["sql", "fake"])
async def repo(request: pytest.FixtureRequest, db: Database) -> tuple[Opened, Send]:
    """A way to open a unit of work, and a way to play the engine sending an announcement."""
    if request.param == "sql":

        @asynccontextmanager
        async def opened() -> AsyncIterator[UnitOfWork]:
            async with unit_of_work(db) as uow:
                yield uow

        async def send(campaign_id: int, person_id: int) -> None:
            async with db.transaction() as conn:
                row = await SqlDeliveryRepo(conn).get(ANNOUNCE, campaign_id, "announce", person_id)
                assert row is not None
                await SqlDeliveryRepo(conn).mark_sent(row.id, 1, T0)

        return opened, send
    fake = campaigns_uow()

    @asynccontextmanager
    async def opened_fake() -> AsyncIterator[UnitOfWork]:
        async with fake:
            yield fake  # type: ignore[misc]

    async def send_fake(campaign_id: int, person_id: int) -> None:
        fake.outbox.mark_sent(ANNOUNCE, campaign_id, "announce", person_id)

    return opened_fake, send_fake


async def _people(uow: UnitOfWork) -> tuple[Person, Person, Person]:
    team = await uow.teams.add(name="Moscow", region="Center", timezone="Europe/Moscow")

    async def add(telegram_id: int, name: str, role: Role, team_id: int | None) -> Person:
        roles = frozenset({role})
        new = NewPerson(telegram_id, name, None, None, "ru", "Europe/Moscow", team_id, roles)
        return await uow.people.add(new, joined_at=T0)

    marketer = await add(2000, "Marina", Role.MARKETER, None)
    return (
        marketer,
        await add(3001, "Anna", Role.REP, team.id),
        await add(3002, "Ivan", Role.REP, None),
    )


async def test_a_draft_starts_empty_and_round_trips_every_field(repo: tuple[Opened, Send]) -> None:
    opened, _ = repo
    async with opened() as uow:
        marketer, _, _ = await _people(uow)
        draft = await uow.campaigns.add_draft(created_by=marketer.id, now=T0)
        assert (draft.name, draft.key_messages, draft.launch_date) == ("", (), None)
        assert draft.audience.is_empty and draft.protect_content and draft.status is Status.DRAFT
        assert draft.reminders == REMINDER_PRESETS["standard"] and draft.materials == ()
        changed = draft.with_(
            name="Winter",
            product="D3",
            goal="More",
            key_messages=("One", "Two"),
            launch_date=date(2026, 12, 15),
            audience=Audience(True, frozenset({1}), frozenset({Role.TEAM_LEAD})),
            protect_content=False,
            status=Status.SCHEDULED,
            schedule=Schedule(ScheduleMode.LOCAL, day=date(2026, 12, 8), local_time=time(10)),
            reminders=REMINDER_PRESETS["intense"],
            announced_at=T0,
            revision=2,
        )
        await uow.campaigns.save(changed, now=T0)
        assert await uow.campaigns.get(draft.id) == changed


async def test_materials_are_added_in_order_and_removed_by_id(repo: tuple[Opened, Send]) -> None:
    opened, _ = repo
    async with opened() as uow:
        marketer, _, _ = await _people(uow)
        draft = await uow.campaigns.add_draft(created_by=marketer.id, now=T0)
        await uow.campaigns.add_material(draft.id, kind="document", file_id="a", file_name="a.pdf")
        await uow.campaigns.add_material(draft.id, kind="photo", file_id="b", file_name=None)
        # Saving the campaign keeps its materials.
        await uow.campaigns.save(draft.with_(name="Kept"), now=T0)
        stored = await uow.campaigns.get(draft.id)
        assert stored is not None and stored.name == "Kept"
        first, second = stored.materials
        assert (first.kind, first.file_name, second.kind) == ("document", "a.pdf", "photo")
        assert await uow.campaigns.remove_material(draft.id, first.id)
        assert not await uow.campaigns.remove_material(draft.id, first.id)
        after = await uow.campaigns.get(draft.id)
        assert after is not None and after.materials == (second,)


async def test_only_a_draft_is_deleted(repo: tuple[Opened, Send]) -> None:
    opened, _ = repo
    async with opened() as uow:
        marketer, _, _ = await _people(uow)
        draft = await uow.campaigns.add_draft(created_by=marketer.id, now=T0)
        sent = await uow.campaigns.add_draft(created_by=marketer.id, now=T0)
        await uow.campaigns.save(sent.with_(status=Status.ANNOUNCED), now=T0)
        await uow.campaigns.delete_draft(draft.id)
        await uow.campaigns.delete_draft(sent.id)
        assert await uow.campaigns.get(draft.id) is None
        assert await uow.campaigns.get(sent.id) is not None


async def test_acknowledgements_are_recorded_once(repo: tuple[Opened, Send]) -> None:
    opened, _ = repo
    async with opened() as uow:
        marketer, anna, ivan = await _people(uow)
        campaign = await uow.campaigns.add_draft(created_by=marketer.id, now=T0)
        assert await uow.campaigns.acknowledge(campaign.id, anna.id, at=T0)
        later = T0 + timedelta(hours=1)
        assert not await uow.campaigns.acknowledge(campaign.id, anna.id, at=later)
        assert await uow.campaigns.acknowledged_by(campaign.id) == {anna.id}
        assert await uow.campaigns.acknowledged_at(campaign.id, anna.id) == T0
        assert await uow.campaigns.acknowledged_at(campaign.id, ivan.id) is None


async def test_numbered_notes_round_trip(repo: tuple[Opened, Send]) -> None:
    opened, _ = repo
    async with opened() as uow:
        marketer, _, _ = await _people(uow)
        campaign = await uow.campaigns.add_draft(created_by=marketer.id, now=T0)
        note = Note(1, NoteKind.CANCELLATION, "Поставка задерживается")
        await uow.campaigns.add_note(campaign.id, note, by=marketer.id, at=T0)
        assert await uow.campaigns.note(campaign.id, 1) == note
        assert await uow.campaigns.note(campaign.id, 2) is None


async def test_what_recipients_saw_and_what_an_update_changed_round_trip(
    repo: tuple[Opened, Send],
) -> None:
    from datetime import date

    from domain.campaigns.versions import Change, Field

    opened, _ = repo
    async with opened() as uow:
        marketer, _, _ = await _people(uow)
        draft = await uow.campaigns.add_draft(created_by=marketer.id, now=T0)
        sent = draft.with_(name="Весна", launch_date=date(2026, 12, 15)).as_sent()
        await uow.campaigns.save(sent, now=T0)
        stored = await uow.campaigns.get(draft.id)
        assert stored is not None and stored.sent == sent.sent
        change = Change(Field.LAUNCH, "2026-12-15", "2026-12-20")
        note = Note(1, NoteKind.UPDATE, "Сдвиг", (change, Change(Field.GOAL)))
        await uow.campaigns.add_note(draft.id, note, by=marketer.id, at=T0)
        read = await uow.campaigns.note(draft.id, 1)
        assert read == note and read is not None and read.by == marketer.id


async def test_campaigns_sent_to_a_person_and_reaching_a_team(repo: tuple[Opened, Send]) -> None:
    opened, send = repo
    async with opened() as uow:
        marketer, anna, ivan = await _people(uow)
        first = await uow.campaigns.add_draft(created_by=marketer.id, now=T0)
        second = await uow.campaigns.add_draft(created_by=marketer.id, now=T0)
        await uow.campaigns.save(second.with_(status=Status.CANCELLED), now=T0)
        for campaign in (first, second):
            items = [Outgoing(p.id, p.telegram_id, T0) for p in (anna, ivan)]
            await uow.outbox.enqueue(ANNOUNCE, campaign.id, "announce", items)
    await send(first.id, anna.id)
    await send(second.id, anna.id)
    async with opened() as uow:
        assert [c.id for c in await uow.campaigns.sent_to(anna.id)] == [second.id, first.id]
        assert await uow.campaigns.sent_to(ivan.id) == []
        assert anna.team_id is not None
        reaching = await uow.campaigns.reaching_team(anna.team_id)
        assert [c.id for c in reaching] == [second.id, first.id]
        assert [c.id for c in await uow.campaigns.all()] == [second.id, first.id]
        assert [c.id for c in await uow.campaigns.all(include_cancelled=False)] == [first.id]


@pytest.mark.parametrize(
    "state",
    [
        Drafting(7, Step.AUDIENCE, wizard=True),
        EditingKeyMessage(7, 2),
        TypingMoment(7),
        TypingMoment(7, datetime(2026, 12, 1, 10, 30)),
        Confirming(7, Schedule(ScheduleMode.NOW)),
        Confirming(7, Schedule(ScheduleMode.AT, at=T0)),
        Confirming(7, Schedule(ScheduleMode.LOCAL, day=date(2026, 12, 1), local_time=time(10))),
        WritingNote(7, NoteKind.CANCELLATION),
    ],
)
async def test_each_campaign_step_survives_a_restart(db: Database, state: Any) -> None:
    codec = FlowCodec(STATES)
    async with unit_of_work(db, codec) as uow:
        marketer, _, _ = await _people(uow)
        await uow.flows.save(marketer.id, state, now=T0)
    async with unit_of_work(db, FlowCodec(STATES)) as uow:
        restored: FlowState | None = await uow.flows.get(marketer.id)
    assert restored == state and type(restored) is type(state)
