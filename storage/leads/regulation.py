"""The qualification regulation: versions, their clauses as they were, acknowledgements."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import aiosqlite

from domain.leads.regulation import Clause, ClauseKind, Regulation, RegulationStatus, Settings
from storage.db import fetch_all, fetch_one, from_db, from_db_opt, to_db


def _regulation(row: aiosqlite.Row, clauses: Sequence[Clause] = ()) -> Regulation:
    return Regulation(
        version=row["version"],
        status=RegulationStatus(row["status"]),
        settings=Settings(
            dispute_window_hours=row["dispute_window_hours"],
            first_action_minutes=row["first_action_minutes"],
            decision_minutes=row["decision_minutes"],
            dispute_cap_percent=row["dispute_cap_percent"],
        ),
        clauses=tuple(clauses),
        summary=row["summary"],
        created_at=from_db(row["created_at"]),
        published_at=from_db_opt(row["published_at"]),
        published_by=row["published_by"],
    )


def _clause(row: aiosqlite.Row) -> Clause:
    return Clause(
        row["number"], ClauseKind(row["kind"]), row["title"], row["body"], row["position"]
    )


class SqlRegulationRepo:
    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn

    async def _one(self, where: str, args: Sequence[object]) -> Regulation | None:
        row = await fetch_one(
            self._conn,
            f"SELECT * FROM regulation_versions WHERE {where} ORDER BY version DESC LIMIT 1",
            args,
        )
        if row is None:
            return None
        clauses = [
            _clause(r)
            for r in await fetch_all(
                self._conn,
                "SELECT * FROM regulation_clauses WHERE version = ? ORDER BY position, number",
                (row["version"],),
            )
        ]
        return _regulation(row, clauses)

    async def current(self) -> Regulation | None:
        return await self._one("status = 'published'", ())

    async def get(self, version: int) -> Regulation | None:
        return await self._one("version = ?", (version,))

    async def draft(self) -> Regulation | None:
        return await self._one("status = 'draft'", ())

    async def versions(self) -> Sequence[Regulation]:
        return [
            _regulation(row)
            for row in await fetch_all(
                self._conn,
                "SELECT * FROM regulation_versions WHERE status = 'published'"
                " ORDER BY version DESC",
            )
        ]

    async def add(self, regulation: Regulation, *, created_by: int | None, now: datetime) -> None:
        s = regulation.settings
        await self._conn.execute(
            "INSERT INTO regulation_versions (version, status, summary, dispute_window_hours,"
            " first_action_minutes, decision_minutes, dispute_cap_percent, created_by,"
            " created_at, published_by, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                regulation.version,
                regulation.status.value,
                regulation.summary,
                s.dispute_window_hours,
                s.first_action_minutes,
                s.decision_minutes,
                s.dispute_cap_percent,
                created_by,
                to_db(now),
                regulation.published_by,
                to_db(regulation.published_at) if regulation.published_at else None,
            ),
        )
        for clause in regulation.clauses:
            await self.save_clause(regulation.version, clause)

    async def save_settings(self, version: int, settings: Settings) -> None:
        await self._conn.execute(
            "UPDATE regulation_versions SET dispute_window_hours = ?, first_action_minutes = ?,"
            " decision_minutes = ?, dispute_cap_percent = ? WHERE version = ? AND status = 'draft'",
            (
                settings.dispute_window_hours,
                settings.first_action_minutes,
                settings.decision_minutes,
                settings.dispute_cap_percent,
                version,
            ),
        )

    async def save_clause(self, version: int, clause: Clause) -> None:
        await self._conn.execute(
            "INSERT INTO regulation_clauses (version, number, kind, title, body, position)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (version, number) DO UPDATE SET"
            " kind = excluded.kind, title = excluded.title, body = excluded.body,"
            " position = excluded.position",
            (version, clause.number, clause.kind.value, clause.title, clause.body, clause.position),
        )

    async def remove_clause(self, version: int, number: str) -> None:
        await self._conn.execute(
            "DELETE FROM regulation_clauses WHERE version = ? AND number = ?", (version, number)
        )

    async def publish(self, version: int, *, summary: str, by: int, at: datetime) -> None:
        await self._conn.execute(
            "UPDATE regulation_versions SET status = 'published', summary = ?, published_by = ?,"
            " published_at = ? WHERE version = ? AND status = 'draft'",
            (summary, by, to_db(at), version),
        )

    async def used_numbers(self) -> Sequence[str]:
        return [
            row[0]
            for row in await fetch_all(
                self._conn, "SELECT DISTINCT number FROM regulation_clauses ORDER BY number"
            )
        ]

    async def acknowledge(self, version: int, person_id: int, *, at: datetime) -> bool:
        cur = await self._conn.execute(
            "INSERT INTO regulation_acks (version, person_id, at) VALUES (?, ?, ?)"
            " ON CONFLICT (version, person_id) DO NOTHING",
            (version, person_id, to_db(at)),
        )
        return cur.rowcount == 1

    async def acknowledged(self, version: int) -> set[int]:
        return {
            row[0]
            for row in await fetch_all(
                self._conn, "SELECT person_id FROM regulation_acks WHERE version = ?", (version,)
            )
        }
