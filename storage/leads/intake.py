"""How leads arrive in bulk and how repeats are found: a whole import written in one
statement batch (its tallies with it) and taken back whole if it fails, the import's leads
left to hand out, and the earlier leads a new one repeats — by phone or e-mail within a
while, or by the id an HTTP source gave it.

Lookups bind at most :data:`storage.leads.rows.CHUNK` values per ``IN (…)``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from domain.leads.model import Lead, LeadStatus, NewLead
from storage.db import fetch_all, fetch_one, to_db
from storage.leads.rows import CHUNK, LeadTable, marks, tally_scopes


class LeadIntake(LeadTable):
    """The bulk import and duplicate queries of :class:`storage.leads.repo.SqlLeadRepo`."""

    async def add_many(self, new: Sequence[NewLead]) -> Sequence[int]:
        if not new:
            return []
        row = await fetch_one(self._conn, "SELECT COALESCE(MAX(id), 0) FROM leads")
        before = int(row[0]) if row else 0
        await self._conn.executemany(self._INSERT, [self._values(n) for n in new])
        await self._tally({("all", LeadStatus.UNASSIGNED.value): len(new)})
        # One writer at a time (the unit of work holds the database): the ids follow on.
        return list(range(before + 1, before + 1 + len(new)))

    async def mark_duplicates(self, pairs: Mapping[int, int]) -> None:
        await self._conn.executemany(
            "UPDATE leads SET duplicate_of = ? WHERE id = ?",
            [(original, lead_id) for lead_id, original in pairs.items()],
        )

    async def discard_import(self, import_id: str) -> int:
        changes: dict[tuple[str, str], int] = {}
        for row in await fetch_all(
            self._conn,
            "SELECT status, team_id, assignee_id, COUNT(*) FROM leads WHERE import_id = ?"
            " GROUP BY status, team_id, assignee_id",
            (import_id,),
        ):
            for scope in tally_scopes(row[1], row[2]):
                changes[(scope, row[0])] = changes.get((scope, row[0]), 0) - row[3]
        await self._tally(changes)
        await self._conn.execute(
            "DELETE FROM lead_events WHERE lead_id IN (SELECT id FROM leads WHERE import_id = ?)",
            (import_id,),
        )
        await self._conn.execute(
            "UPDATE leads SET duplicate_of = NULL WHERE duplicate_of IN"
            " (SELECT id FROM leads WHERE import_id = ?)",
            (import_id,),
        )
        cur = await self._conn.execute("DELETE FROM leads WHERE import_id = ?", (import_id,))
        return cur.rowcount

    async def by_external_id(self, source_id: int, external_id: str) -> Lead | None:
        found = await self._many(
            "SELECT * FROM leads WHERE intake_source_id = ? AND external_id = ?",
            (source_id, external_id),
        )
        return found[0] if found else None

    async def recent_by_contact(
        self, *, phones: Sequence[str], emails: Sequence[str], since: datetime
    ) -> Mapping[str, int]:
        found: dict[str, int] = {}
        for column, values in (("phone", phones), ("email", emails)):
            unique = sorted(set(values))
            for start in range(0, len(unique), CHUNK):
                chunk = unique[start : start + CHUNK]
                found.update(
                    {
                        row[0]: row[1]
                        for row in await fetch_all(
                            self._conn,
                            f"SELECT {column}, MIN(id) FROM leads WHERE {column} IN"
                            f" ({marks(len(chunk))}) AND created_at >= ? GROUP BY {column}",
                            (*chunk, to_db(since)),
                        )
                    }
                )
        return found

    async def unassigned_of_import(self, import_id: str) -> Sequence[Lead]:
        return await self._many(
            "SELECT * FROM leads WHERE import_id = ? AND status = 'unassigned' ORDER BY id",
            (import_id,),
        )
