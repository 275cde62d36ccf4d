"""The durable inbox: updates from Telegram, stored before they are confirmed.

Every update is written here in the same moment it is fetched, before the next ``getUpdates``
confirms it to Telegram, so an update whose handling a crash interrupted is handled again at
the next start. While an update is handled, ``handling(update_id)`` marks it as the current
one: a unit of work that changes anything then also records, in the same transaction, that
the update was *applied*. Handling it again after a crash must not apply it twice; the bot
sees ``applied_at`` and only tells the person their action was saved.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime

import aiosqlite

from storage.db import Database, fetch_all, to_db

# The update whose handling is running in this task (None outside update handling).
_current: ContextVar[int | None] = ContextVar("inbox_update", default=None)


@contextmanager
def handling(update_id: int) -> Iterator[None]:
    token = _current.set(update_id)
    try:
        yield
    finally:
        _current.reset(token)


def current_update() -> int | None:
    return _current.get()


async def mark_applied(conn: aiosqlite.Connection, at: datetime) -> None:
    """Inside a transaction that changed something while an update is handled: record that
    the update's change is made (its idempotency key)."""
    update_id = _current.get()
    if update_id is not None:
        await conn.execute(
            "UPDATE inbox SET applied_at = ? WHERE update_id = ? AND applied_at IS NULL",
            (to_db(at), update_id),
        )


@dataclass(frozen=True, slots=True)
class Stored:
    update_id: int
    payload: str
    applied: bool


class Inbox:
    """The inbox table, each call in its own short transaction."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def store(
        self, updates: Sequence[tuple[int, int | None, str]], *, at: datetime
    ) -> set[int]:
        """Keep (update id, chat id, JSON) rows; return the ids that are new to handle.

        An update Telegram sends again because its confirmation was lost has the same id and
        the same JSON: it is not handled twice. An id already handled with *other* JSON is a
        new update that reuses the id (Telegram picks the next id at random after a week
        without updates, and a bot's history can start over): it replaces the old row.
        """
        if not updates:
            return set()
        ids = [update_id for update_id, _, _ in updates]
        marks = ", ".join("?" * len(ids))
        async with self._db.transaction() as conn:
            known = {
                row[0]: (row[1], row[2] is not None)
                for row in await fetch_all(
                    conn,
                    f"SELECT update_id, payload, done_at FROM inbox WHERE update_id IN ({marks})",
                    ids,
                )
            }
            reused = [
                (u, c, p) for u, c, p in updates if u in known and known[u][1] and known[u][0] != p
            ]
            await conn.executemany(
                "UPDATE inbox SET chat_id = ?, payload = ?, received_at = ?, done_at = NULL,"
                " applied_at = NULL, attempts = 0 WHERE update_id = ?",
                [(c, p, to_db(at), u) for u, c, p in reused],
            )
            await conn.executemany(
                "INSERT INTO inbox (update_id, chat_id, payload, received_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (update_id) DO NOTHING",
                [(u, c, p, to_db(at)) for u, c, p in updates if u not in known],
            )
        return (set(ids) - set(known)) | {u for u, _, _ in reused}

    async def done(self, update_ids: Sequence[int], *, at: datetime) -> None:
        if not update_ids:
            return
        async with self._db.transaction() as conn:
            await conn.executemany(
                "UPDATE inbox SET done_at = ? WHERE update_id = ? AND done_at IS NULL",
                [(to_db(at), update_id) for update_id in update_ids],
            )

    async def unfinished(self, *, max_attempts: int, at: datetime) -> list[Stored]:
        """Start-up: the updates a crash interrupted, oldest first, each counted as one more
        attempt. One that has already been tried ``max_attempts`` times is given up (it may
        be what crashed the bot) and marked done."""
        async with self._db.transaction() as conn:
            await conn.execute(
                "UPDATE inbox SET done_at = ? WHERE done_at IS NULL AND attempts >= ?",
                (to_db(at), max_attempts),
            )
            await conn.execute("UPDATE inbox SET attempts = attempts + 1 WHERE done_at IS NULL")
            rows = await fetch_all(
                conn,
                "SELECT update_id, payload, applied_at FROM inbox WHERE done_at IS NULL"
                " ORDER BY update_id",
            )
        return [Stored(row[0], row[1], row[2] is not None) for row in rows]

    async def prune(self, *, before: datetime) -> int:
        """Forget updates handled before ``before``."""
        async with self._db.transaction() as conn:
            cur = await conn.execute(
                "DELETE FROM inbox WHERE done_at IS NOT NULL AND done_at < ?", (to_db(before),)
            )
            return cur.rowcount
