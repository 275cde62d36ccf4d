"""The HTTP intake's sources: a name and a hashed, revocable token each."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import aiosqlite

from domain.leads.ports import LeadSource
from storage.db import fetch_all, fetch_one, from_db, from_db_opt, to_db


def _source(row: aiosqlite.Row) -> LeadSource:
    return LeadSource(
        id=row["id"],
        name=row["name"],
        created_by=row["created_by"],
        created_at=from_db(row["created_at"]),
        revoked_at=from_db_opt(row["revoked_at"]),
    )


class SqlLeadSourceRepo:
    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn

    async def add(
        self, *, name: str, token_hash: str, created_by: int, now: datetime
    ) -> LeadSource:
        cur = await self._conn.execute(
            "INSERT INTO lead_sources (name, token_hash, created_by, created_at)"
            " VALUES (?, ?, ?, ?)",
            (name, token_hash, created_by, to_db(now)),
        )
        assert cur.lastrowid is not None
        return LeadSource(cur.lastrowid, name, created_by, now)

    async def _one(self, where: str, arg: object) -> LeadSource | None:
        row = await fetch_one(self._conn, f"SELECT * FROM lead_sources WHERE {where}", (arg,))
        return _source(row) if row else None

    async def get(self, source_id: int) -> LeadSource | None:
        return await self._one("id = ?", source_id)

    async def by_token_hash(self, token_hash: str) -> LeadSource | None:
        return await self._one("token_hash = ?", token_hash)

    async def all(self) -> Sequence[LeadSource]:
        return [
            _source(row)
            for row in await fetch_all(self._conn, "SELECT * FROM lead_sources ORDER BY id")
        ]

    async def revoke(self, source_id: int, *, at: datetime) -> bool:
        cur = await self._conn.execute(
            "UPDATE lead_sources SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
            (to_db(at), source_id),
        )
        return cur.rowcount > 0
