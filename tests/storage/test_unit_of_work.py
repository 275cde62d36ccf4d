"""The unit of work over SQLite: a savepoint undoes its own block and nothing else."""

from __future__ import annotations

import pytest

from storage.db import Database
from storage.uow import SqlUnitOfWork, unit_of_work


async def test_a_savepoint_that_raises_undoes_only_its_own_changes(db: Database) -> None:
    async def failing_item(uow: SqlUnitOfWork) -> None:
        async with uow.savepoint():
            await uow.teams.add(name="South", region="S", timezone="Europe/Moscow")
            raise RuntimeError("this item fails")

    async with unit_of_work(db) as uow:
        await uow.teams.add(name="North", region="N", timezone="Europe/Moscow")
        with pytest.raises(RuntimeError):
            await failing_item(uow)
        async with uow.savepoint():
            await uow.teams.add(name="East", region="E", timezone="Asia/Omsk")
    async with unit_of_work(db) as uow:
        assert sorted(team.name for team in await uow.teams.all()) == ["East", "North"]


async def test_a_savepoint_is_taken_inside_the_unit_of_work_only(db: Database) -> None:
    with pytest.raises(RuntimeError, match="inside the unit of work"):
        unit_of_work(db).savepoint()


async def test_savepoints_nest(db: Database) -> None:
    async def inner_fails(uow: SqlUnitOfWork) -> None:
        async with uow.savepoint():
            await uow.teams.add(name="Inner", region="I", timezone="UTC")
            raise RuntimeError("inner")

    async with unit_of_work(db) as uow, uow.savepoint():
        await uow.teams.add(name="Outer", region="O", timezone="UTC")
        with pytest.raises(RuntimeError):
            await inner_fails(uow)
    async with unit_of_work(db) as uow:
        assert [team.name for team in await uow.teams.all()] == ["Outer"]
