"""Leads: one lead written as it moves (status, assignment, the first-action clock, the
outcome, and the columns the KPIs count by), read one by one or as the lists a screen or a
sweep shows, counted by status, and the assignment's rotation.

Every list a screen or a sweep reads has its index (see ``0009_leads.sql``): a rep's leads,
a team's, by state, source or campaign, newest first. The repository's other parts are
classes it inherits: the history (:mod:`storage.leads.history`) and bulk import with the
duplicates check (:mod:`storage.leads.intake`), over the row and the tallies they share
(:mod:`storage.leads.rows`). Disputes live in :mod:`storage.leads.disputes`, the HTTP intake
sources in :mod:`storage.leads.sources`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

import aiosqlite

from domain.leads.model import Lead, LeadStatus, NewLead
from domain.leads.ports import LeadFilter
from storage.db import fetch_all, fetch_one, to_db
from storage.leads.history import LeadHistory
from storage.leads.intake import LeadIntake
from storage.leads.rows import CHUNK, marks, opt, tally_scopes


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


class SqlLeadRepo(LeadIntake, LeadHistory):
    """The domain's ``LeadRepo`` over one connection (the caller owns the transaction)."""

    async def add(self, new: NewLead) -> Lead:
        await self._tally({("all", LeadStatus.UNASSIGNED.value): 1})
        cur = await self._conn.execute(self._INSERT, self._values(new))
        assert cur.lastrowid is not None
        lead = await self.get(cur.lastrowid)
        assert lead is not None
        return lead

    async def get(self, lead_id: int) -> Lead | None:
        found = await self._many("SELECT * FROM leads WHERE id = ?", (lead_id,))
        return found[0] if found else None

    async def many(self, lead_ids: Sequence[int]) -> Sequence[Lead]:
        found: list[Lead] = []
        ids = sorted(set(lead_ids))
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            found += await self._many(
                f"SELECT * FROM leads WHERE id IN ({marks(len(chunk))})", chunk
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
        for scope in tally_scopes(old["team_id"], old["assignee_id"]):
            changes[(scope, old["status"])] = changes.get((scope, old["status"]), 0) - 1
        for scope in tally_scopes(lead.team_id, lead.assignee_id):
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
                opt(lead.assigned_at),
                opt(lead.sla_started_at),
                opt(lead.first_action_at),
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
                opt(lead.assigned_at),
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

    async def export(self, where: LeadFilter) -> Sequence[Lead]:
        clause, args = _where(where)
        return await self._many(f"SELECT * FROM leads WHERE {clause} ORDER BY id", args)

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
