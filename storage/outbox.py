"""The outbox as the domain sees it: enqueue, withdraw and read delivery rows.

The rows live in the ``deliveries`` table that the broadcast engine sends from.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import aiosqlite

from domain.ports import Outgoing
from storage.db import from_db, to_db


class SqlOutbox:
    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn

    async def enqueue(self, kind: str, ref_id: int, batch: str, items: Sequence[Outgoing]) -> int:
        """Idempotent: a person already queued for this batch is not queued twice."""
        before = self._conn.total_changes
        await self._conn.executemany(
            "INSERT OR IGNORE INTO deliveries (kind, ref_id, batch, person_id, chat_id, due_at,"
            " next_attempt_at, status, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0)",
            [
                (
                    kind,
                    ref_id,
                    batch,
                    item.person_id,
                    item.chat_id,
                    to_db(item.due_at),
                    to_db(item.due_at),
                )
                for item in items
            ],
        )
        return self._conn.total_changes - before

    async def statuses(self, kind: str, ref_id: int, batch: str) -> dict[int, str]:
        async with self._conn.execute(
            "SELECT person_id, status FROM deliveries WHERE kind = ? AND ref_id = ? AND batch = ?",
            (kind, ref_id, batch),
        ) as cur:
            return {row[0]: row[1] for row in await cur.fetchall()}

    async def withdraw(self, kind: str, ref_id: int, batch: str | None = None) -> int:
        sql = "DELETE FROM deliveries WHERE kind = ? AND ref_id = ? AND status = 'pending'"
        args: tuple[object, ...] = (kind, ref_id)
        if batch is not None:
            sql += " AND batch = ?"
            args += (batch,)
        cur = await self._conn.execute(sql, args)
        return cur.rowcount

    async def first_due(self, kind: str, ref_id: int) -> datetime | None:
        async with self._conn.execute(
            "SELECT MIN(due_at) FROM deliveries WHERE kind = ? AND ref_id = ?", (kind, ref_id)
        ) as cur:
            row = await cur.fetchone()
        return from_db(row[0]) if row and row[0] else None

    async def message_id(self, kind: str, ref_id: int, batch: str, person_id: int) -> int | None:
        async with self._conn.execute(
            "SELECT message_id FROM deliveries WHERE kind = ? AND ref_id = ? AND batch = ?"
            " AND person_id = ?",
            (kind, ref_id, batch, person_id),
        ) as cur:
            row = await cur.fetchone()
        return int(row[0]) if row and row[0] is not None else None
