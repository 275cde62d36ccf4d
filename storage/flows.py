"""Durable state of multi-step flows (one per person)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import aiosqlite

from storage.db import from_db, to_db


@dataclass(slots=True)
class Flow:
    person_id: int
    kind: str
    step: str
    data: dict[str, Any] = field(default_factory=dict)
    updated_at: datetime | None = None


class SqlFlowRepo:
    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn

    async def get(self, person_id: int) -> Flow | None:
        async with self._conn.execute(
            "SELECT * FROM flows WHERE person_id = ?", (person_id,)
        ) as cur:
            row = await cur.fetchone()
        if row is None:
            return None
        return Flow(
            person_id=row["person_id"],
            kind=row["kind"],
            step=row["step"],
            data=json.loads(row["data"]),
            updated_at=from_db(row["updated_at"]),
        )

    async def save(self, flow: Flow, *, now: datetime) -> None:
        await self._conn.execute(
            "INSERT INTO flows (person_id, kind, step, data, updated_at) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (person_id) DO UPDATE SET kind = excluded.kind, step = excluded.step,"
            " data = excluded.data, updated_at = excluded.updated_at",
            (
                flow.person_id,
                flow.kind,
                flow.step,
                json.dumps(flow.data, ensure_ascii=False),
                to_db(now),
            ),
        )
        flow.updated_at = now

    async def delete(self, person_id: int) -> bool:
        cur = await self._conn.execute("DELETE FROM flows WHERE person_id = ?", (person_id,))
        return cur.rowcount > 0
