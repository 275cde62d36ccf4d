"""Leads with their history, disputes, and the HTTP intake sources.

Every list a screen or a sweep reads has its index (see ``0009_leads.sql``): a rep's leads,
a team's, by state, source or campaign, newest first; open disputes oldest first.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime

import aiosqlite

from domain.leads.model import (
    Contact,
    EventKind,
    HistoryEntry,
    Lead,
    LeadStatus,
    LossReason,
    NewLead,
)
from domain.leads.ports import LeadFilter
from storage.db import fetch_all, fetch_one, from_db, from_db_opt, to_db

_CHUNK = 500


def _opt(moment: datetime | None) -> str | None:
    return to_db(moment) if moment is not None else None


def _lead(row: aiosqlite.Row) -> Lead:
    return Lead(
        id=row["id"],
        contact=Contact(
            name=row["name"],
            phone=row["phone"],
            email=row["email"],
            company=row["company"],
            region=row["region"],
            source=row["source"],
            campaign_id=row["campaign_id"],
            comment=row["comment"],
        ),
        status=LeadStatus(row["status"]),
        created_at=from_db(row["created_at"]),
        updated_at=from_db(row["updated_at"]),
        created_by=row["created_by"],
        assignee_id=row["assignee_id"],
        team_id=row["team_id"],
        assignment_no=row["assignment_no"],
        reminded_no=row["reminded_no"],
        assigned_at=from_db_opt(row["assigned_at"]),
        sla_started_at=from_db_opt(row["sla_started_at"]),
        first_action_at=from_db_opt(row["first_action_at"]),
        loss_reason=LossReason(row["loss_reason"]) if row["loss_reason"] else None,
        duplicate_of=row["duplicate_of"],
        intake_source_id=row["intake_source_id"],
        external_id=row["external_id"],
        import_id=row["import_id"],
    )


def _where(where: LeadFilter) -> tuple[str, list[object]]:
    parts: list[str] = []
    args: list[object] = []
    for column, value in (
        ("assignee_id", where.assignee_id),
        ("team_id", where.team_id),
        ("status", where.status.value if where.status else None),
        ("source", where.source),
        ("campaign_id", where.campaign_id),
    ):
        if value is not None:
            parts.append(f"{column} = ?")
            args.append(value)
    return (" AND ".join(parts) or "1 = 1"), args


def _marks(count: int) -> str:
    return ",".join("?" * count)


def _scopes(team_id: int | None, assignee_id: int | None) -> list[str]:
    """The tallies a lead counts in."""
    scopes = ["all"]
    if team_id is not None:
        scopes.append(f"team:{team_id}")
    if assignee_id is not None:
        scopes.append(f"rep:{assignee_id}")
    return scopes


def _tally_scope(where: LeadFilter) -> str | None:
    """The tally that answers ``counts(where)``, if one does (else the index counts)."""
    if where.source is not None or where.campaign_id is not None:
        return None
    if where.team_id is not None and where.assignee_id is None:
        return f"team:{where.team_id}"
    if where.assignee_id is not None and where.team_id is None:
        return f"rep:{where.assignee_id}"
    if where.team_id is None and where.assignee_id is None:
        return "all"
    return None


def _entry(row: aiosqlite.Row) -> HistoryEntry:
    return HistoryEntry(
        lead_id=row["lead_id"],
        at=from_db(row["at"]),
        actor_id=row["actor_id"],
        kind=EventKind(row["kind"]),
        details=json.loads(row["details"]),
    )


class SqlLeadRepo:
    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn

    async def _many(self, sql: str, args: Sequence[object]) -> list[Lead]:
        return [_lead(row) for row in await fetch_all(self._conn, sql, args)]

    @staticmethod
    def _values(new: NewLead) -> tuple[object, ...]:
        c = new.contact
        stamp = to_db(new.created_at)
        return (
            c.name, c.phone, c.email, c.company, c.region, c.source, c.campaign_id, c.comment,
            new.created_by, stamp, stamp, new.duplicate_of, new.intake_source_id,
            new.external_id, new.import_id,
        )  # fmt: skip

    _INSERT = (
        "INSERT INTO leads (name, phone, email, company, region, source, campaign_id, comment,"
        " status, created_by, created_at, updated_at, duplicate_of, intake_source_id,"
        " external_id, import_id)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'unassigned', ?, ?, ?, ?, ?, ?, ?)"
    )

    async def _tally(self, changes: Mapping[tuple[str, str], int]) -> None:
        rows = [(scope, status, n) for (scope, status), n in changes.items() if n]
        if rows:
            await self._conn.executemany(
                "INSERT INTO lead_tallies (scope, status, n) VALUES (?, ?, ?)"
                " ON CONFLICT (scope, status) DO UPDATE SET n = lead_tallies.n + excluded.n",
                rows,
            )

    async def add(self, new: NewLead) -> Lead:
        await self._tally({("all", LeadStatus.UNASSIGNED.value): 1})
        cur = await self._conn.execute(self._INSERT, self._values(new))
        assert cur.lastrowid is not None
        lead = await self.get(cur.lastrowid)
        assert lead is not None
        return lead

    async def add_many(self, new: Sequence[NewLead]) -> Sequence[int]:
        if not new:
            return []
        row = await fetch_one(self._conn, "SELECT COALESCE(MAX(id), 0) FROM leads")
        before = int(row[0]) if row else 0
        await self._conn.executemany(self._INSERT, [self._values(n) for n in new])
        await self._tally({("all", LeadStatus.UNASSIGNED.value): len(new)})
        # One writer at a time (the unit of work holds the database): the ids follow on.
        return list(range(before + 1, before + 1 + len(new)))

    async def get(self, lead_id: int) -> Lead | None:
        found = await self._many("SELECT * FROM leads WHERE id = ?", (lead_id,))
        return found[0] if found else None

    async def many(self, lead_ids: Sequence[int]) -> Sequence[Lead]:
        found: list[Lead] = []
        ids = sorted(set(lead_ids))
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            found += await self._many(
                f"SELECT * FROM leads WHERE id IN ({_marks(len(chunk))})", chunk
            )
        return sorted(found, key=lambda lead: lead.id)

    async def save(self, lead: Lead) -> None:
        old = await fetch_one(
            self._conn,
            "SELECT status, team_id, assignee_id, assignment_no, reminded_no, first_action_at"
            " FROM leads WHERE id = ?",
            (lead.id,),
        )
        if old is None:
            return
        changes: dict[tuple[str, str], int] = {}
        for scope in _scopes(old["team_id"], old["assignee_id"]):
            changes[(scope, old["status"])] = changes.get((scope, old["status"]), 0) - 1
        for scope in _scopes(lead.team_id, lead.assignee_id):
            key = (scope, lead.status.value)
            changes[key] = changes.get(key, 0) + 1
        await self._tally(changes)
        await self._conn.execute(
            "UPDATE leads SET status = ?, assignee_id = ?, team_id = ?, assignment_no = ?,"
            " reminded_no = ?, assigned_at = ?, sla_started_at = ?, first_action_at = ?,"
            " loss_reason = ?, updated_at = ? WHERE id = ?",
            (
                lead.status.value,
                lead.assignee_id,
                lead.team_id,
                lead.assignment_no,
                lead.reminded_no,
                _opt(lead.assigned_at),
                _opt(lead.sla_started_at),
                _opt(lead.first_action_at),
                lead.loss_reason.value if lead.loss_reason else None,
                to_db(lead.updated_at),
                lead.id,
            ),
        )
        await self._count_for_kpis(old, lead)

    async def _count_for_kpis(self, old: aiosqlite.Row, lead: Lead) -> None:
        """Keep the columns the scorecard counts by (``0013_kpis.sql``): the first delivery,
        whether the lead was ever taken, returned or disputed, and each first-action clock
        that ended — met when the first action came before the SLA sweep found the deadline
        passed (it marks ``reminded_no``), missed when the sweep got there first."""
        status = lead.status
        assigned = lead.assignee_id is not None and lead.assignment_no > old["assignment_no"]
        acted = (
            old["first_action_at"] is None
            and lead.first_action_at is not None
            and lead.assignment_no == old["assignment_no"]
        )
        met = acted and lead.reminded_no < lead.assignment_no
        missed = lead.reminded_no > old["reminded_no"] and lead.reminded_no == lead.assignment_no
        await self._conn.execute(
            "UPDATE leads SET"
            " delivered_at = CASE WHEN delivered_at IS NULL AND ? THEN ? ELSE delivered_at END,"
            " delivered_to = CASE WHEN delivered_to IS NULL AND ? THEN ? ELSE delivered_to END,"
            " taken = MAX(taken, ?), returned = MAX(returned, ?), disputed = MAX(disputed, ?),"
            " sla_due = sla_due + ?, sla_met = sla_met + ? WHERE id = ?",
            (
                assigned,
                _opt(lead.assigned_at),
                assigned,
                lead.assignee_id,
                status is LeadStatus.TAKEN,
                status is LeadStatus.UNASSIGNED and old["status"] in ("new", "taken"),
                status is LeadStatus.DISPUTED,
                int(met or missed),
                int(met),
                lead.id,
            ),
        )

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
            for scope in _scopes(row[1], row[2]):
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
            for start in range(0, len(unique), _CHUNK):
                chunk = unique[start : start + _CHUNK]
                found.update(
                    {
                        row[0]: row[1]
                        for row in await fetch_all(
                            self._conn,
                            f"SELECT {column}, MIN(id) FROM leads WHERE {column} IN"
                            f" ({_marks(len(chunk))}) AND created_at >= ? GROUP BY {column}",
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

    async def awaiting_first_action(self, *, started_before: datetime) -> Sequence[Lead]:
        return await self._many(
            "SELECT * FROM leads WHERE status = 'new' AND sla_started_at <= ?"
            " AND assignee_id IS NOT NULL AND reminded_no < assignment_no ORDER BY id",
            (to_db(started_before),),
        )

    async def counts(self, where: LeadFilter) -> Mapping[LeadStatus, int]:
        scope = _tally_scope(where)
        if scope is not None:
            sql = "SELECT status, n FROM lead_tallies WHERE scope = ? AND n > 0"
            args: list[object] = [scope]
            if where.status is not None:
                sql += " AND status = ?"
                args.append(where.status.value)
            return {LeadStatus(row[0]): row[1] for row in await fetch_all(self._conn, sql, args)}
        clause, args = _where(where)
        return {
            LeadStatus(row[0]): row[1]
            for row in await fetch_all(
                self._conn,
                f"SELECT status, COUNT(*) FROM leads WHERE {clause} GROUP BY status",
                args,
            )
        }

    async def page(self, where: LeadFilter, *, offset: int, limit: int) -> Sequence[Lead]:
        clause, args = _where(where)
        return await self._many(
            f"SELECT * FROM leads WHERE {clause} ORDER BY id DESC LIMIT ? OFFSET ?",
            [*args, limit, offset],
        )

    async def search(
        self, where: LeadFilter, *, name: str, phone: str | None, limit: int
    ) -> Sequence[Lead]:
        clause, args = _where(where)
        # Prefix ranges use the name index; SQLite's lower() folds ASCII only, so the typed
        # text and its capitalised form are both tried.
        forms = sorted({name, name[:1].upper() + name[1:]})
        ranges = " OR ".join("(name >= ? AND name < ?)" for _ in forms)
        range_args: list[object] = []
        for form in forms:
            range_args += [form, form + "\U0010ffff"]
        sql = f"SELECT * FROM leads WHERE {clause} AND ({ranges}"
        sql_args: list[object] = [*args, *range_args]
        if phone is not None:
            sql += " OR phone = ?"
            sql_args.append(phone)
        sql += ") ORDER BY id DESC LIMIT ?"
        sql_args.append(limit)
        return await self._many(sql, sql_args)

    async def sources(self, where: LeadFilter) -> Sequence[str]:
        clause, args = _where(where)
        return [
            row[0]
            for row in await fetch_all(
                self._conn,
                f"SELECT DISTINCT source FROM leads WHERE {clause} AND source IS NOT NULL"
                " ORDER BY source LIMIT 50",
                args,
            )
        ]

    async def campaign_ids(self, where: LeadFilter) -> Sequence[int]:
        clause, args = _where(where)
        return [
            row[0]
            for row in await fetch_all(
                self._conn,
                f"SELECT DISTINCT campaign_id FROM leads WHERE {clause} AND campaign_id IS NOT NULL"
                " ORDER BY campaign_id DESC LIMIT 30",
                args,
            )
        ]

    async def assigned_to_since(self, person_id: int, since: datetime) -> int:
        row = await fetch_one(
            self._conn,
            "SELECT COUNT(DISTINCT lead_id) FROM lead_events WHERE rep_id = ? AND at >= ?"
            " AND kind IN ('assigned', 'reassigned', 'overturned')",
            (person_id, to_db(since)),
        )
        return int(row[0]) if row else 0

    async def export(self, where: LeadFilter) -> Sequence[Lead]:
        clause, args = _where(where)
        return await self._many(f"SELECT * FROM leads WHERE {clause} ORDER BY id", args)

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
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            for row in await fetch_all(
                self._conn,
                f"SELECT * FROM lead_events WHERE lead_id IN ({_marks(len(chunk))})"
                " ORDER BY lead_id, id",
                chunk,
            ):
                found.setdefault(row["lead_id"], []).append(_entry(row))
        return found

    async def last_in_rotation(self, scope: str) -> int | None:
        row = await fetch_one(
            self._conn, "SELECT last_person_id FROM lead_rotation WHERE scope = ?", (scope,)
        )
        return int(row[0]) if row else None

    async def rotate(self, scope: str, person_id: int) -> None:
        await self._conn.execute(
            "INSERT INTO lead_rotation (scope, last_person_id) VALUES (?, ?)"
            " ON CONFLICT (scope) DO UPDATE SET last_person_id = excluded.last_person_id",
            (scope, person_id),
        )
