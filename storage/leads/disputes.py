"""Disputes of leads: the rep's clause and evidence, and the verdict."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import aiosqlite

from domain.leads.model import Dispute, DisputeStatus, Evidence, EvidenceKind, NewDispute
from storage.db import fetch_all, fetch_one, from_db, from_db_opt, to_db


def _opt(moment: datetime | None) -> str | None:
    return to_db(moment) if moment is not None else None


def _dispute(row: aiosqlite.Row) -> Dispute:
    evidence = (
        Evidence(EvidenceKind(row["evidence_kind"]), row["evidence_file"])
        if row["evidence_kind"] and row["evidence_file"]
        else None
    )
    return Dispute(
        id=row["id"],
        lead_id=row["lead_id"],
        rep_id=row["rep_id"],
        team_id=row["team_id"],
        version=row["version"],
        clause=row["clause"],
        status=DisputeStatus(row["status"]),
        opened_at=from_db(row["opened_at"]),
        note=row["note"],
        evidence=evidence,
        decided_by=row["decided_by"],
        decided_at=from_db_opt(row["decided_at"]),
        verdict_version=row["verdict_version"],
        verdict_clause=row["verdict_clause"],
        remark=row["remark"],
    )


class SqlDisputeRepo:
    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn

    async def _many(self, sql: str, args: Sequence[Any]) -> list[Dispute]:
        return [_dispute(row) for row in await fetch_all(self._conn, sql, args)]

    async def add(self, new: NewDispute) -> Dispute:
        cur = await self._conn.execute(
            "INSERT INTO disputes (lead_id, rep_id, team_id, version, clause, status, opened_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                new.lead_id,
                new.rep_id,
                new.team_id,
                new.version,
                new.clause,
                new.status.value,
                to_db(new.opened_at),
            ),
        )
        assert cur.lastrowid is not None
        found = await self.get(cur.lastrowid)
        assert found is not None
        return found

    async def get(self, dispute_id: int) -> Dispute | None:
        found = await self._many("SELECT * FROM disputes WHERE id = ?", (dispute_id,))
        return found[0] if found else None

    async def save(self, dispute: Dispute) -> None:
        evidence = dispute.evidence
        await self._conn.execute(
            "UPDATE disputes SET status = ?, opened_at = ?, note = ?, evidence_kind = ?,"
            " evidence_file = ?, decided_by = ?, decided_at = ?, verdict_version = ?,"
            " verdict_clause = ?, remark = ? WHERE id = ?",
            (
                dispute.status.value,
                to_db(dispute.opened_at),
                dispute.note,
                evidence.kind.value if evidence else None,
                evidence.file_id if evidence else None,
                dispute.decided_by,
                _opt(dispute.decided_at),
                dispute.verdict_version,
                dispute.verdict_clause,
                dispute.remark,
                dispute.id,
            ),
        )
        if dispute.status is DisputeStatus.OVERTURNED:
            # The scorecard counts a lead whose dispute was overturned (0013_kpis.sql).
            await self._conn.execute(
                "UPDATE leads SET overturned = 1 WHERE id = ?", (dispute.lead_id,)
            )

    async def pending_for(self, lead_id: int) -> Dispute | None:
        found = await self._many(
            "SELECT * FROM disputes WHERE lead_id = ? AND status IN ('approval', 'open')"
            " ORDER BY id DESC LIMIT 1",
            (lead_id,),
        )
        return found[0] if found else None

    async def for_lead(self, lead_id: int) -> Sequence[Dispute]:
        return await self._many("SELECT * FROM disputes WHERE lead_id = ? ORDER BY id", (lead_id,))

    async def with_status(self, status: DisputeStatus) -> Sequence[Dispute]:
        return await self._many(
            "SELECT * FROM disputes WHERE status = ? ORDER BY opened_at, id", (status.value,)
        )

    async def by_rep_since(self, rep_id: int, since: datetime) -> int:
        row = await fetch_one(
            self._conn,
            "SELECT COUNT(*) FROM disputes WHERE rep_id = ? AND opened_at >= ?"
            " AND status <> 'declined'",
            (rep_id, to_db(since)),
        )
        return int(row[0]) if row else 0

    async def export(self) -> Sequence[Dispute]:
        return await self._many("SELECT * FROM disputes ORDER BY id", ())
