"""The KPIs of leads and of the analysts' verdicts on disputed leads: leads delivered in a
window (or week by week) with what became of them, counted by team, source or campaign;
verdicts given, overturned and on time; and, for the agenda, the disputes waiting and the
ones overturned.

A lead counts by the columns ``storage/leads/repo.py`` keeps as it moves (``delivered_at``,
``delivered_to``, ``taken``, ``sla_due`` … see ``0013_kpis.sql``), so every tally is one
scan of an index on ``delivered_at``; a verdict counts by ``disputes.decided_at``.
"""

from __future__ import annotations

from collections.abc import Sequence

import aiosqlite

from domain.kpis.model import DecisionTally, LeadTally
from domain.kpis.periods import Window
from domain.kpis.ports import Grouping
from domain.kpis.records import Overturned
from domain.kpis.scopes import Slice
from storage.db import to_db
from storage.kpis.base import KpiQueries, as_int, week_buckets

_LEAD_SUMS = (
    "COUNT(*), SUM(taken), SUM(disputed),"
    " SUM(CASE WHEN status = 'disqualified' THEN 1 ELSE 0 END), SUM(overturned), SUM(returned),"
    " SUM(CASE WHEN status = 'won' THEN 1 ELSE 0 END),"
    " SUM(CASE WHEN status = 'lost' THEN 1 ELSE 0 END),"
    " SUM(CASE WHEN status IN ('won', 'lost', 'disqualified') THEN 0 ELSE 1 END),"
    " SUM(sla_due), SUM(sla_met)"
)
_LEAD_KEYS = {
    Grouping.NONE: "NULL",
    Grouping.TEAM: "team_id",
    Grouping.SOURCE: "source",
    Grouping.CAMPAIGN: "campaign_id",
}
_DISPUTE_REMIND = "dispute.remind"


def _lead_slice(where: Slice) -> tuple[str, list[object]]:
    if where.person_id is not None:
        return " AND delivered_to = ?", [where.person_id]
    if where.team_id is not None:
        return " AND team_id = ?", [where.team_id]
    return "", []


def _lead_tally(row: aiosqlite.Row, key: int | str | None) -> LeadTally:
    values = [as_int(v) for v in list(row)[1:12]]
    return LeadTally(key, *values)


class LeadKpis(KpiQueries):
    """The lead and verdict queries of :class:`storage.kpis.repo.SqlKpiRepo`."""

    async def leads(self, window: Window, where: Slice, by: Grouping) -> Sequence[LeadTally]:
        key = _LEAD_KEYS[by]
        clause, args = _lead_slice(where)
        group = f" GROUP BY {key}" if by is not Grouping.NONE else ""
        rows = await self._rows(
            f"SELECT {key}, {_LEAD_SUMS} FROM leads"
            f" WHERE delivered_at >= ? AND delivered_at < ?{clause}{group}",
            [to_db(window.start), to_db(window.end), *args],
        )
        return [_lead_tally(row, row[0]) for row in rows if row[1]]

    async def lead_weeks(self, weeks: Sequence[Window], where: Slice) -> Sequence[LeadTally]:
        if not weeks:
            return []
        bucket, bucket_args = week_buckets("delivered_at", weeks)
        clause, args = _lead_slice(where)
        rows = await self._rows(
            f"SELECT {bucket} AS week, {_LEAD_SUMS} FROM leads"
            f" WHERE delivered_at >= ? AND delivered_at < ?{clause} GROUP BY week",
            [*bucket_args, to_db(weeks[0].start), to_db(weeks[-1].end), *args],
        )
        return [_lead_tally(row, int(row[0])) for row in rows if row[0] is not None]

    _DECISION_SUMS = (
        "COUNT(*), SUM(CASE WHEN d.status = 'overturned' THEN 1 ELSE 0 END),"
        " SUM(CASE WHEN EXISTS (SELECT 1 FROM deliveries x WHERE x.kind = ?"
        " AND x.ref_id = d.id) THEN 0 ELSE 1 END)"
    )

    @staticmethod
    def _dispute_slice(where: Slice) -> tuple[str, list[object]]:
        if where.person_id is not None:
            return " AND d.rep_id = ?", [where.person_id]
        if where.team_id is not None:
            return " AND d.team_id = ?", [where.team_id]
        return "", []

    async def decisions(
        self, window: Window, where: Slice, by: Grouping
    ) -> Sequence[DecisionTally]:
        key = "d.team_id" if by is Grouping.TEAM else "NULL"
        clause, args = self._dispute_slice(where)
        group = " GROUP BY d.team_id" if by is Grouping.TEAM else ""
        rows = await self._rows(
            f"SELECT {key}, {self._DECISION_SUMS} FROM disputes d"
            " WHERE d.decided_at >= ? AND d.decided_at < ?"
            f" AND d.status IN ('upheld', 'overturned'){clause}{group}",
            [_DISPUTE_REMIND, to_db(window.start), to_db(window.end), *args],
        )
        return [
            DecisionTally(row[0], as_int(row[1]), as_int(row[2]), as_int(row[3]))
            for row in rows
            if row[1]
        ]

    async def decision_weeks(
        self, weeks: Sequence[Window], where: Slice
    ) -> Sequence[DecisionTally]:
        if not weeks:
            return []
        bucket, bucket_args = week_buckets("d.decided_at", weeks)
        clause, args = self._dispute_slice(where)
        rows = await self._rows(
            f"SELECT {bucket} AS week, {self._DECISION_SUMS} FROM disputes d"
            " WHERE d.decided_at >= ? AND d.decided_at < ?"
            f" AND d.status IN ('upheld', 'overturned'){clause} GROUP BY week",
            [*bucket_args, _DISPUTE_REMIND, to_db(weeks[0].start), to_db(weeks[-1].end), *args],
        )
        return [
            DecisionTally(int(row[0]), as_int(row[1]), as_int(row[2]), as_int(row[3]))
            for row in rows
            if row[0] is not None
        ]

    # --- for the agenda ----------------------------------------------------------------------

    async def disputes_waiting(self, where: Slice) -> int:
        clause, args = self._dispute_slice(where)
        row = await self._one(
            f"SELECT COUNT(*) FROM disputes d WHERE d.status = 'open'{clause}", args
        )
        return as_int(row[0])

    async def overturned(self, window: Window, where: Slice, limit: int) -> Sequence[Overturned]:
        clause, args = self._dispute_slice(where)
        rows = await self._rows(
            "SELECT d.id, l.name, COALESCE(d.verdict_clause, d.clause) FROM disputes d"
            " JOIN leads l ON l.id = d.lead_id WHERE d.decided_at >= ? AND d.decided_at < ?"
            f" AND d.status = 'overturned'{clause} ORDER BY d.decided_at, d.id LIMIT ?",
            [to_db(window.start), to_db(window.end), *args, limit],
        )
        return [Overturned(row[0], row[1], row[2]) for row in rows]
