"""The inbox table: an update sent again is not new, an id reused with other contents is, and
handled updates are forgotten after a while."""

from datetime import UTC, datetime, timedelta

from storage.db import Database
from storage.inbox import Inbox

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


async def test_the_same_update_twice_is_new_once(db: Database) -> None:
    inbox = Inbox(db)
    assert await inbox.store([(1, 10, '{"a": 1}'), (2, 11, '{"b": 2}')], at=NOW) == {1, 2}
    assert await inbox.store([(2, 11, '{"b": 2}'), (3, 10, '{"c": 3}')], at=NOW) == {3}
    # Not yet done: even with other contents it is the one being handled, not a new one.
    assert await inbox.store([(1, 10, '{"other": 1}')], at=NOW) == set()


async def test_a_handled_id_that_comes_back_with_other_contents_is_a_new_update(
    db: Database,
) -> None:
    inbox = Inbox(db)
    await inbox.store([(7, 10, '{"old": true}')], at=NOW)
    await inbox.done([7], at=NOW)
    assert await inbox.store([(7, 10, '{"old": true}')], at=NOW) == set()  # sent again
    later = NOW + timedelta(days=8)
    assert await inbox.store([(7, 12, '{"new": true}')], at=later) == {7}
    # It waits to be handled like any new update (and is replayed after a crash).
    [row] = await inbox.unfinished(max_attempts=3, at=later)
    assert (row.update_id, row.payload, row.applied) == (7, '{"new": true}', False)


async def test_handled_updates_are_forgotten_after_the_cut_off(db: Database) -> None:
    inbox = Inbox(db)
    await inbox.store([(1, 10, "{}"), (2, 10, "{}"), (3, 10, "{}")], at=NOW)
    await inbox.done([1], at=NOW)
    await inbox.done([2], at=NOW + timedelta(days=2))
    assert await inbox.prune(before=NOW + timedelta(days=1)) == 1
    assert [row.update_id for row in await inbox.unfinished(max_attempts=3, at=NOW)] == [3]
    assert await inbox.store([(2, 10, "{}")], at=NOW) == set()  # still remembered
