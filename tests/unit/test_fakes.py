"""The in-memory unit of work behaves like the SQL one where use cases rely on it."""

from datetime import timedelta

import pytest

from domain.ports import Outgoing
from tests.support.builders.people import NOW, a_rep
from tests.support.fakes import FakeUnitOfWork


async def test_changes_are_kept_only_when_the_block_exits_cleanly() -> None:
    uow = FakeUnitOfWork()
    uow.people.put(a_rep(1))
    async with uow:
        await uow.people.set_active(1, False)

    async def fails_half_way() -> None:
        async with uow:
            await uow.people.set_active(1, True)
            await uow.outbox.enqueue("k", 1, "b", [Outgoing(1, 1001, NOW)])
            raise RuntimeError

    with pytest.raises(RuntimeError):
        await fails_half_way()
    person = await uow.people.get(1)
    assert person is not None and not person.active
    assert uow.outbox.queued("k") == []


async def test_the_outbox_ignores_a_row_queued_twice_and_withdraws_only_pending_ones() -> None:
    uow = FakeUnitOfWork()
    rows = [Outgoing(1, 1001, NOW), Outgoing(2, 1002, NOW + timedelta(hours=1))]
    assert await uow.outbox.enqueue("k", 7, "b", rows) == 2
    assert await uow.outbox.enqueue("k", 7, "b", rows) == 0
    uow.outbox.mark_sent("k", 7, "b", 1)
    assert await uow.outbox.withdraw("k", 7) == 1
    assert await uow.outbox.statuses("k", 7, "b") == {1: "sent"}
    assert await uow.outbox.message_id("k", 7, "b", 1) == 1


def test_a_repository_the_test_did_not_give_is_named_in_the_error() -> None:
    with pytest.raises(AttributeError, match="no campaigns repository"):
        _ = FakeUnitOfWork().campaigns


async def test_the_outbox_moves_lists_and_withdraws_waiting_rows_like_the_sql_one() -> None:
    uow = FakeUnitOfWork()
    later = NOW + timedelta(hours=3)
    await uow.outbox.enqueue("k", 7, "b", [Outgoing(1, 1001, NOW), Outgoing(2, 1002, NOW)])
    await uow.outbox.enqueue("j", 8, "c", [Outgoing(1, 1001, NOW)])
    uow.outbox.mark_sent("k", 7, "b", 2)
    assert await uow.outbox.move("k", 7, "b", 1, due_at=later)
    assert not await uow.outbox.move("k", 7, "b", 2, due_at=later)  # sent: it stays
    assert [(p.person_id, p.due_at, p.status) for p in await uow.outbox.planned("k", 7)] == [
        (1, later, "pending"),
        (2, NOW, "sent"),
    ]
    assert [p.person_id for p in await uow.outbox.planned("k", 7, people=[2])] == [2]
    assert [(p.kind, p.waiting) for p in await uow.outbox.waiting_for(1)] == [
        ("k", True),
        ("j", True),
    ]
    assert await uow.outbox.withdraw("k", 7, person_id=2) == 0
    assert await uow.outbox.withdraw("k", 7, person_id=1) == 1
    assert await uow.outbox.waiting_for(1) == await uow.outbox.planned("j", 8)
