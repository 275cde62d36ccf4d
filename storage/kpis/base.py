"""What every KPI query shares: the connection with its one-hop reads, the median picked in
SQL, the slice of people a figure is counted for, weeks as buckets of one scan, and each
person's zone as a fixed shift of SQLite's date modifier.

Two things are SQLite's own and have a PostgreSQL twin noted where they are used: minutes
between two timestamps (``julianday``, :data:`MINUTES`) and a timestamp shifted into a
person's zone (``date(x, '+N minutes')``, :func:`zone_shifts`). A person's zone is turned
into a fixed shift for the window (Russia keeps no daylight saving time; elsewhere the shift
at the window's end is used).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

import aiosqlite

from domain.kpis.periods import Window
from domain.kpis.scopes import Slice
from storage.db import fetch_all, to_db

# PostgreSQL: EXTRACT(EPOCH FROM (b::timestamp - a::timestamp)) / 60
MINUTES = "(julianday({b}) - julianday({a})) * 1440.0"


def people_slice(where: Slice, person: str) -> tuple[str, list[object]]:
    """The slice on a table whose person column is ``person`` (joined to ``people p``)."""
    if where.person_id is not None:
        return f" AND {person} = ?", [where.person_id]
    if where.team_id is not None:
        return " AND p.team_id = ?", [where.team_id]
    return "", []


def as_int(value: object) -> int:
    return int(value) if isinstance(value, int | float) else 0


def week_buckets(column: str, weeks: Sequence[Window]) -> tuple[str, list[object]]:
    """``CASE WHEN c < end0 THEN 0 WHEN c < end1 THEN 1 … END`` for consecutive weeks."""
    parts = " ".join(f"WHEN {column} < ? THEN {n}" for n in range(len(weeks)))
    return f"CASE {parts} END", [to_db(w.end) for w in weeks]


async def zone_shifts(conn: aiosqlite.Connection, at: datetime) -> tuple[str, list[object]]:
    """``CASE p.timezone WHEN 'Asia/Vladivostok' THEN '+600 minutes' … END``: each zone in
    use as SQLite's date modifier, for a person's local date of a timestamp."""
    zones = [row[0] for row in await fetch_all(conn, "SELECT DISTINCT timezone FROM people")]
    args: list[object] = []
    parts = []
    for name in zones:
        offset = at.astimezone(ZoneInfo(name)).utcoffset()
        minutes = int(offset.total_seconds() // 60) if offset is not None else 0
        parts.append("WHEN ? THEN ?")
        args += [name, f"{minutes:+d} minutes"]
    if not parts:
        return "'+0 minutes'", []
    return f"(CASE p.timezone {' '.join(parts)} ELSE '+0 minutes' END)", args


class KpiQueries:
    """The connection the KPI queries of every area read through (the caller owns the
    transaction); :class:`storage.kpis.repo.SqlKpiRepo` inherits each area's queries."""

    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn

    async def _rows(self, sql: str, args: Sequence[object]) -> list[aiosqlite.Row]:
        return list(await fetch_all(self._conn, sql, args))

    async def _one(self, sql: str, args: Sequence[object]) -> aiosqlite.Row:
        rows = await self._rows(sql, args)
        assert rows, sql
        return rows[0]

    async def _median(self, values: str, args: Sequence[object]) -> float | None:
        """The median of the single-column query ``values`` (the middle one, or the mean of
        the middle two), picked by ORDER BY … LIMIT … OFFSET in SQL."""
        rows = await self._rows(
            f"WITH v(x) AS ({values}) SELECT x FROM v ORDER BY x"
            " LIMIT 2 - (SELECT COUNT(*) FROM v) % 2 OFFSET ((SELECT COUNT(*) FROM v) - 1) / 2",
            [*args],
        )
        middle = [float(row[0]) for row in rows if row[0] is not None]
        return sum(middle) / len(middle) if middle else None
