"""The KPIs of meetings: meetings held in a window (started, not cancelled) with someone of
the slice in them, attendance where it was recorded, and action items due in the window done
by the end of their due day in the owner's zone; and, for the agenda, the overdue ones.

A meeting counts by ``starts_at``, an action item by its ``due`` day (a local date, compared
with a completion shifted into the owner's zone, see :func:`storage.kpis.base.zone_shifts`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from domain.kpis.model import MeetingTally
from domain.kpis.periods import Window
from domain.kpis.records import OverdueAction
from domain.kpis.scopes import Slice
from storage.db import to_db
from storage.kpis.base import KpiQueries, as_int, people_slice, zone_shifts


class MeetingKpis(KpiQueries):
    """The meeting queries of :class:`storage.kpis.repo.SqlKpiRepo`."""

    async def meetings(self, window: Window, where: Slice, *, now: datetime) -> MeetingTally:
        start, end = to_db(window.start), to_db(min(window.end, now))
        clause, args = people_slice(where, "mp.person_id")
        held_in = "m.status = 'scheduled' AND m.starts_at >= ? AND m.starts_at < ?"
        held = await self._one(
            f"SELECT COUNT(*) FROM meetings m WHERE {held_in} AND EXISTS (SELECT 1"
            " FROM meeting_participants mp JOIN people p ON p.id = mp.person_id"
            f" WHERE mp.meeting_id = m.id{clause})",
            [start, end, *args],
        )
        attendance = await self._one(
            "SELECT COUNT(mp.attended), SUM(CASE WHEN mp.attended = 1 THEN 1 ELSE 0 END)"
            " FROM meetings m JOIN meeting_participants mp ON mp.meeting_id = m.id"
            f" JOIN people p ON p.id = mp.person_id WHERE {held_in}{clause}",
            [start, end, *args],
        )
        shift, shift_args = await zone_shifts(self._conn, window.end)
        owner, owner_args = people_slice(where, "i.owner_id")
        # Due in the window and settled: done, or its due day over in the owner's zone.
        # PostgreSQL: (i.done_at + shift)::date <= i.due::date
        actions = await self._one(
            "SELECT COUNT(*),"
            f" SUM(CASE WHEN i.done_at IS NOT NULL AND date(i.done_at, {shift}) <= i.due"
            " THEN 1 ELSE 0 END)"
            " FROM meeting_actions i JOIN people p ON p.id = i.owner_id"
            " WHERE i.due >= ? AND i.due <= ?"
            f" AND (i.done_at IS NOT NULL OR i.due < date(?, {shift})){owner}",
            [
                *shift_args,
                window.first_day.isoformat(),
                window.last_day.isoformat(),
                now.strftime("%Y-%m-%d %H:%M:%S"),
                *shift_args,
                *owner_args,
            ],
        )
        return MeetingTally(
            as_int(held[0]),
            as_int(attendance[0]),
            as_int(attendance[1]),
            as_int(actions[0]),
            as_int(actions[1]),
        )

    # --- for the agenda ----------------------------------------------------------------------

    async def overdue_actions(
        self, where: Slice, today: date, limit: int
    ) -> Sequence[OverdueAction]:
        clause, args = people_slice(where, "i.owner_id")
        rows = await self._rows(
            "SELECT i.id, i.text, TRIM(p.first_name || ' ' || COALESCE(p.last_name, '')), i.due"
            " FROM meeting_actions i JOIN people p ON p.id = i.owner_id"
            f" WHERE i.done_at IS NULL AND i.due < ?{clause} ORDER BY i.due, i.id LIMIT ?",
            [today.isoformat(), *args, limit],
        )
        return [OverdueAction(row[0], row[1], row[2], date.fromisoformat(row[3])) for row in rows]
