"""A lead's history: every event as it happened (intake, assignment, first action, dispute,
verdict, outcome …) in ``lead_events``, one lead's or many at once for an export, and the
count of leads a rep was given since a moment (their share of the assignment, counted from
the events that name them).

Events are only ever added; a failed import takes its own back
(:meth:`storage.leads.intake.LeadIntake.discard_import`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime

import aiosqlite

from domain.leads.model import EventKind, HistoryEntry
from storage.db import fetch_all, fetch_one, from_db, to_db
from storage.leads.rows import CHUNK, LeadTable, marks


def _entry(row: aiosqlite.Row) -> HistoryEntry:
    return HistoryEntry(
        lead_id=row["lead_id"],
        at=from_db(row["at"]),
        actor_id=row["actor_id"],
        kind=EventKind(row["kind"]),
        details=json.loads(row["details"]),
    )


class LeadHistory(LeadTable):
    """The history queries of :class:`storage.leads.repo.SqlLeadRepo`."""

    async def assigned_to_since(self, person_id: int, since: datetime) -> int:
        row = await fetch_one(
            self._conn,
            "SELECT COUNT(DISTINCT lead_id) FROM lead_events WHERE rep_id = ? AND at >= ?"
            " AND kind IN ('assigned', 'reassigned', 'overturned')",
            (person_id, to_db(since)),
        )
        return int(row[0]) if row else 0

    async def record(self, entry: HistoryEntry) -> None:
        await self.record_many([entry])

    async def record_many(self, entries: Sequence[HistoryEntry]) -> None:
        await self._conn.executemany(
            "INSERT INTO lead_events (lead_id, at, actor_id, rep_id, kind, details)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                (
                    e.lead_id,
                    to_db(e.at),
                    e.actor_id,
                    e.details.get("rep"),
                    e.kind.value,
                    json.dumps(dict(e.details), ensure_ascii=False, default=str),
                )
                for e in entries
            ],
        )

    async def history(self, lead_id: int) -> Sequence[HistoryEntry]:
        return [
            _entry(row)
            for row in await fetch_all(
                self._conn, "SELECT * FROM lead_events WHERE lead_id = ? ORDER BY id", (lead_id,)
            )
        ]

    async def histories(self, lead_ids: Sequence[int]) -> Mapping[int, Sequence[HistoryEntry]]:
        found: dict[int, list[HistoryEntry]] = {}
        ids = sorted(set(lead_ids))
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            for row in await fetch_all(
                self._conn,
                f"SELECT * FROM lead_events WHERE lead_id IN ({marks(len(chunk))})"
                " ORDER BY lead_id, id",
                chunk,
            ):
                found.setdefault(row["lead_id"], []).append(_entry(row))
        return found
