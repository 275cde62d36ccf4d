"""Flow state survives the flows table; a state this version cannot read is reported lost."""

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import ClassVar

from domain.flows import LostFlow
from domain.people.model import NewPerson, Role
from storage.db import Database
from storage.flows import FlowCodec
from storage.migrate import migrate
from storage.uow import SqlUnitOfWork

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Step:
    kind: ClassVar[str] = "test.step"
    item_id: int
    label: str


@dataclass(frozen=True, slots=True)
class StepV2:
    kind: ClassVar[str] = "test.step"
    item_id: int
    renamed: str


async def _person(db: Database) -> int:
    async with SqlUnitOfWork(db) as uow:
        person = await uow.people.add(
            NewPerson(1, "Anna", None, None, "en", "UTC", None, frozenset({Role.REP})),
            joined_at=NOW,
        )
    return person.id


async def test_a_state_round_trips_and_one_a_newer_version_changed_reads_as_lost(
    tmp_path: Path,
) -> None:
    db = await Database.open(tmp_path / "flows.sqlite3")
    await migrate(db)
    person_id = await _person(db)
    async with SqlUnitOfWork(db, FlowCodec([Step])) as uow:
        await uow.flows.save(person_id, Step(7, "ключ & <b>"), now=NOW)
    async with SqlUnitOfWork(db, FlowCodec([Step])) as uow:
        assert await uow.flows.get(person_id) == Step(7, "ключ & <b>")
    async with SqlUnitOfWork(db, FlowCodec([StepV2])) as uow:
        assert await uow.flows.get(person_id) == LostFlow("test.step")
    async with SqlUnitOfWork(db, FlowCodec()) as uow:
        assert await uow.flows.get(person_id) == LostFlow("test.step")
        assert await uow.flows.delete(person_id)
        assert await uow.flows.get(person_id) is None
    await db.close()
