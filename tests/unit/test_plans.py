"""Following a plan: a person's waiting rows move to the moments their plan gives now, and
nothing that went out (or is going out) changes."""

from __future__ import annotations

from datetime import timedelta

from domain.plans import follow
from domain.ports import Outgoing
from tests.support.builders.people import NOW, a_rep  # NOW: 12:00 in Moscow
from tests.support.fakes import FakeUnitOfWork

REP = a_rep(1)
OTHER = a_rep(2)
LATER = NOW + timedelta(hours=5)


async def queued(uow: FakeUnitOfWork, batch: str, *people: int) -> None:
    await uow.outbox.enqueue("k", 7, batch, [Outgoing(p, 1000 + p, NOW) for p in people])


def moments(uow: FakeUnitOfWork, person_id: int = REP.id) -> dict[str, object]:
    return {
        row.batch: (row.due_at, row.status)
        for row in uow.outbox.queued("k", ref_id=7)
        if row.person_id == person_id
    }


async def test_waiting_rows_move_and_sent_ones_stay() -> None:
    uow = FakeUnitOfWork()
    await queued(uow, "a", REP.id, OTHER.id)
    await queued(uow, "b", REP.id)
    uow.outbox.mark_sent("k", 7, "b", REP.id)
    changed = await follow(uow, "k", 7, REP, {"a": LATER, "b": LATER}, now=NOW)
    assert changed == 1
    assert moments(uow) == {"a": (LATER, "pending"), "b": (NOW, "sent")}
    assert moments(uow, OTHER.id) == {"a": (NOW, "pending")}  # someone else's row stays


async def test_a_waiting_row_the_plan_no_longer_has_is_withdrawn() -> None:
    uow = FakeUnitOfWork()
    await queued(uow, "a", REP.id, OTHER.id)
    await queued(uow, "b", REP.id)
    uow.outbox.mark("k", 7, "b", REP.id, "sending")  # the engine has it: it goes out
    assert await follow(uow, "k", 7, REP, {}, now=NOW) == 1
    assert moments(uow) == {"b": (NOW, "sending")}
    assert moments(uow, OTHER.id) == {"a": (NOW, "pending")}


async def test_a_moment_the_plan_gained_is_queued_only_while_it_is_ahead() -> None:
    uow = FakeUnitOfWork()
    past = NOW - timedelta(minutes=1)
    assert await follow(uow, "k", 7, REP, {"a": LATER, "b": past, "c": NOW}, now=NOW) == 1
    assert moments(uow) == {"a": (LATER, "pending")}
    [row] = uow.outbox.queued("k")
    assert row.chat_id == REP.telegram_id
    # Following the same plan again changes nothing.
    assert await follow(uow, "k", 7, REP, {"a": LATER}, now=NOW) == 0


async def test_a_moment_already_past_goes_now_or_when_quiet_hours_end() -> None:
    uow = FakeUnitOfWork()
    await queued(uow, "a", REP.id)
    await queued(uow, "b", REP.id)
    earlier = NOW - timedelta(hours=2)
    assert await follow(uow, "k", 7, REP, {"a": earlier, "b": earlier}, now=NOW) == 0
    assert moments(uow) == {"a": (NOW, "pending"), "b": (NOW, "pending")}
    quiet = a_rep(1, quiet="11:00-13:00")
    later = NOW + timedelta(minutes=10)
    assert await follow(uow, "k", 7, quiet, {"a": earlier, "b": later}, now=NOW) == 2
    end = NOW + timedelta(hours=1)  # 13:00 in Moscow
    # A moment ahead is the plan's own (its rules keep quiet hours); a past one is not.
    assert moments(uow) == {"a": (end, "pending"), "b": (later, "pending")}
