"""The KPIs' read side: aggregates over indexed columns, never rows counted in Python.

Every figure is one statement of ``COUNT`` / ``SUM(CASE …)`` / ``GROUP BY`` bounded by a
half-open UTC window on an indexed column (see ``0013_kpis.sql``). Two things are
SQLite's own and have a PostgreSQL twin noted where they are used: minutes between two
timestamps (``julianday``) and a timestamp shifted into a person's zone (``date(x, '+N
minutes')``). A person's zone is turned into a fixed shift for the window (Russia keeps no
daylight saving time; elsewhere the shift at the window's end is used).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import aiosqlite

from domain.kpis.model import (
    AckTally,
    AgendaDraft,
    AgendaItem,
    AgendaStatus,
    DecisionTally,
    DigestSettings,
    ItemKind,
    LeadTally,
    LowRating,
    MeetingTally,
    OpenQuestion,
    OverdueAction,
    Overturned,
    QuestionTally,
    RatingTally,
    ReactionTally,
    Window,
)
from domain.kpis.ports import Grouping
from domain.kpis.scopes import Slice
from storage.db import fetch_all, from_db, from_db_opt, to_db

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
# PostgreSQL: EXTRACT(EPOCH FROM (b::timestamp - a::timestamp)) / 60
_MINUTES = "(julianday({b}) - julianday({a})) * 1440.0"
_ANNOUNCE = "campaign.announce"
_DISPUTE_REMIND = "dispute.remind"


def _lead_slice(where: Slice) -> tuple[str, list[object]]:
    if where.person_id is not None:
        return " AND delivered_to = ?", [where.person_id]
    if where.team_id is not None:
        return " AND team_id = ?", [where.team_id]
    return "", []


def _people_slice(where: Slice, person: str) -> tuple[str, list[object]]:
    """The slice on a table whose person column is ``person`` (joined to ``people p``)."""
    if where.person_id is not None:
        return f" AND {person} = ?", [where.person_id]
    if where.team_id is not None:
        return " AND p.team_id = ?", [where.team_id]
    return "", []


def _int(value: object) -> int:
    return int(value) if isinstance(value, int | float) else 0


def _lead_tally(row: aiosqlite.Row, key: int | str | None) -> LeadTally:
    values = [_int(v) for v in list(row)[1:12]]
    return LeadTally(key, *values)


def _buckets(column: str, weeks: Sequence[Window]) -> tuple[str, list[object]]:
    """``CASE WHEN c < end0 THEN 0 WHEN c < end1 THEN 1 … END`` for consecutive weeks."""
    parts = " ".join(f"WHEN {column} < ? THEN {n}" for n in range(len(weeks)))
    return f"CASE {parts} END", [to_db(w.end) for w in weeks]


async def _shifts(conn: aiosqlite.Connection, at: datetime) -> tuple[str, list[object]]:
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


class SqlKpiRepo:
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

    # --- leads and verdicts -------------------------------------------------------------------

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
        bucket, bucket_args = _buckets("delivered_at", weeks)
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
            DecisionTally(row[0], _int(row[1]), _int(row[2]), _int(row[3]))
            for row in rows
            if row[1]
        ]

    async def decision_weeks(
        self, weeks: Sequence[Window], where: Slice
    ) -> Sequence[DecisionTally]:
        if not weeks:
            return []
        bucket, bucket_args = _buckets("d.decided_at", weeks)
        clause, args = self._dispute_slice(where)
        rows = await self._rows(
            f"SELECT {bucket} AS week, {self._DECISION_SUMS} FROM disputes d"
            " WHERE d.decided_at >= ? AND d.decided_at < ?"
            f" AND d.status IN ('upheld', 'overturned'){clause} GROUP BY week",
            [*bucket_args, _DISPUTE_REMIND, to_db(weeks[0].start), to_db(weeks[-1].end), *args],
        )
        return [
            DecisionTally(int(row[0]), _int(row[1]), _int(row[2]), _int(row[3]))
            for row in rows
            if row[0] is not None
        ]

    # --- campaigns ----------------------------------------------------------------------------

    _LAUNCHING = (
        " FROM campaigns c"
        " JOIN deliveries d ON d.kind = ? AND d.ref_id = c.id AND d.batch = 'announce'"
        " JOIN people p ON p.id = d.person_id"
        " LEFT JOIN campaign_acks a ON a.campaign_id = c.id AND a.person_id = d.person_id"
        " WHERE c.launch_date >= ? AND c.launch_date <= ? AND c.status = 'announced'"
    )

    def _launching(self, window: Window, where: Slice) -> tuple[str, list[object]]:
        clause, args = _people_slice(where, "d.person_id")
        return self._LAUNCHING + clause, [
            _ANNOUNCE,
            window.first_day.isoformat(),
            window.last_day.isoformat(),
            *args,
        ]

    async def acknowledgements(self, window: Window, where: Slice) -> Sequence[AckTally]:
        shift, shift_args = await _shifts(self._conn, window.end)
        body, args = self._launching(window, where)
        # PostgreSQL: (a.at + shift)::date < c.launch_date::date
        rows = await self._rows(
            "SELECT c.id, c.name, c.launch_date,"
            " SUM(CASE WHEN d.status = 'sent' THEN 1 ELSE 0 END),"
            f" SUM(CASE WHEN d.status = 'sent' AND date(a.at, {shift}) < c.launch_date"
            " THEN 1 ELSE 0 END),"
            " SUM(CASE WHEN d.status IN ('unreachable', 'failed') THEN 1 ELSE 0 END)"
            f"{body} GROUP BY c.id, c.name, c.launch_date ORDER BY c.launch_date, c.id",
            [*shift_args, *args],
        )
        return [
            AckTally(
                row[0], row[1], date.fromisoformat(row[2]), _int(row[3]), _int(row[4]), _int(row[5])
            )
            for row in rows
        ]

    async def ack_minutes(self, window: Window, where: Slice) -> float | None:
        body, args = self._launching(window, where)
        minutes = _MINUTES.format(a="d.sent_at", b="a.at")
        return await self._median(
            f"SELECT {minutes}{body} AND d.status = 'sent' AND a.at IS NOT NULL"
            " AND d.sent_at IS NOT NULL",
            args,
        )

    async def unreachable(self, window: Window, where: Slice) -> int:
        body, args = self._launching(window, where)
        row = await self._one(
            f"SELECT COUNT(DISTINCT d.person_id){body} AND d.status IN ('unreachable', 'failed')",
            args,
        )
        return _int(row[0])

    # --- questions and feedback ---------------------------------------------------------------

    async def questions(self, window: Window, where: Slice) -> QuestionTally:
        clause, args = _people_slice(where, "q.asked_by")
        start, end = to_db(window.start), to_db(window.end)
        row = await self._one(
            "SELECT SUM(CASE WHEN q.asked_at >= ? THEN 1 ELSE 0 END),"
            " SUM(CASE WHEN q.status = 'open' OR q.answered_at >= ? THEN 1 ELSE 0 END),"
            " SUM(CASE WHEN q.asked_at >= ? AND q.status = 'answered' AND q.answered_at < ?"
            " THEN 1 ELSE 0 END)"
            " FROM questions q JOIN people p ON p.id = q.asked_by"
            f" WHERE q.asked_at < ?{clause}",
            [start, end, start, end, end, *args],
        )
        published = await self._one(
            "SELECT COUNT(*) FROM questions q JOIN people p ON p.id = q.asked_by"
            f" WHERE q.published_at >= ? AND q.published_at < ?{clause}",
            [start, end, *args],
        )
        return QuestionTally(None, _int(row[0]), _int(row[1]), _int(row[2]), _int(published[0]))

    async def answer_minutes(self, window: Window, where: Slice) -> float | None:
        clause, args = _people_slice(where, "q.asked_by")
        minutes = _MINUTES.format(a="q.asked_at", b="q.answered_at")
        return await self._median(
            f"SELECT {minutes} FROM questions q JOIN people p ON p.id = q.asked_by"
            " WHERE q.asked_at >= ? AND q.asked_at < ? AND q.status = 'answered'"
            f" AND q.answered_at IS NOT NULL{clause}",
            [to_db(window.start), to_db(window.end), *args],
        )

    @staticmethod
    def _feedback_slice(where: Slice) -> tuple[str, list[object]]:
        if where.person_id is not None:
            return " AND f.person_id = ?", [where.person_id]
        if where.team_id is not None:
            return " AND f.team_id = ?", [where.team_id]
        return "", []

    async def ratings(self, window: Window, where: Slice) -> Sequence[RatingTally]:
        clause, args = self._feedback_slice(where)
        rows = await self._rows(
            "SELECT f.campaign_id, c.name, COUNT(*), SUM(f.rating) FROM feedback f"
            " JOIN campaigns c ON c.id = f.campaign_id"
            f" WHERE f.created_at >= ? AND f.created_at < ?{clause}"
            " GROUP BY f.campaign_id, c.name ORDER BY f.campaign_id",
            [to_db(window.start), to_db(window.end), *args],
        )
        return [RatingTally(row[0], row[1], _int(row[2]), _int(row[3])) for row in rows]

    async def reactions(self, window: Window, where: Slice) -> Sequence[ReactionTally]:
        clause, args = self._feedback_slice(where)
        rows = await self._rows(
            "SELECT f.campaign_id, r.message_index, MAX(r.message), COUNT(*),"
            " SUM(CASE WHEN r.reaction = 'negative' THEN 1 ELSE 0 END)"
            " FROM feedback f JOIN feedback_reactions r ON r.feedback_id = f.id"
            f" WHERE f.created_at >= ? AND f.created_at < ?{clause}"
            " GROUP BY f.campaign_id, r.message_index ORDER BY f.campaign_id, r.message_index",
            [to_db(window.start), to_db(window.end), *args],
        )
        return [ReactionTally(row[0], row[1], row[2], _int(row[3]), _int(row[4])) for row in rows]

    # --- meetings -----------------------------------------------------------------------------

    async def meetings(self, window: Window, where: Slice, *, now: datetime) -> MeetingTally:
        start, end = to_db(window.start), to_db(min(window.end, now))
        clause, args = _people_slice(where, "mp.person_id")
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
        shift, shift_args = await _shifts(self._conn, window.end)
        owner, owner_args = _people_slice(where, "i.owner_id")
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
            _int(held[0]),
            _int(attendance[0]),
            _int(attendance[1]),
            _int(actions[0]),
            _int(actions[1]),
        )

    # --- the digest ---------------------------------------------------------------------------

    async def digest_settings(self) -> DigestSettings:
        rows = await self._rows(
            "SELECT digest_day, digest_time, digest_on FROM kpi_settings WHERE id = 1", ()
        )
        if not rows:
            return DigestSettings()
        row = rows[0]
        return DigestSettings(int(row[0]), time.fromisoformat(row[1]), bool(row[2]))

    async def save_digest_settings(
        self, settings: DigestSettings, *, by: int, now: datetime
    ) -> None:
        await self._conn.execute(
            "INSERT INTO kpi_settings (id, digest_day, digest_time, digest_on, updated_by,"
            " updated_at) VALUES (1, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
            " digest_day = excluded.digest_day, digest_time = excluded.digest_time,"
            " digest_on = excluded.digest_on, updated_by = excluded.updated_by,"
            " updated_at = excluded.updated_at",
            (
                settings.day,
                settings.at.strftime("%H:%M"),
                int(settings.enabled),
                by,
                to_db(now),
            ),
        )

    # --- the agenda ---------------------------------------------------------------------------

    async def agenda(self, meeting_id: int) -> AgendaDraft | None:
        rows = await self._rows("SELECT * FROM kpi_agendas WHERE meeting_id = ?", (meeting_id,))
        if not rows:
            return None
        row = rows[0]
        items = tuple(
            AgendaItem(
                ItemKind(item["kind"]),
                tuple((name, value) for name, value in item["args"]),
                bool(item["kept"]),
            )
            for item in json.loads(row["items"])
        )
        return AgendaDraft(
            row["meeting_id"],
            items,
            AgendaStatus(row["status"]),
            from_db(row["created_at"]),
            from_db_opt(row["sent_at"]),
        )

    async def agendas_of(self, meeting_ids: Sequence[int]) -> set[int]:
        if not meeting_ids:
            return set()
        marks = ",".join("?" * len(meeting_ids))
        rows = await self._rows(
            f"SELECT meeting_id FROM kpi_agendas WHERE meeting_id IN ({marks})", list(meeting_ids)
        )
        return {int(row[0]) for row in rows}

    async def save_agenda(self, draft: AgendaDraft) -> None:
        items = json.dumps(
            [
                {"kind": i.kind.value, "args": [list(pair) for pair in i.args], "kept": i.kept}
                for i in draft.items
            ],
            ensure_ascii=False,
        )
        await self._conn.execute(
            "INSERT INTO kpi_agendas (meeting_id, items, status, created_at, sent_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (meeting_id) DO UPDATE SET"
            " items = excluded.items, status = excluded.status, sent_at = excluded.sent_at",
            (
                draft.meeting_id,
                items,
                draft.status.value,
                to_db(draft.created_at),
                to_db(draft.sent_at) if draft.sent_at else None,
            ),
        )

    async def disputes_waiting(self, where: Slice) -> int:
        clause, args = self._dispute_slice(where)
        row = await self._one(
            f"SELECT COUNT(*) FROM disputes d WHERE d.status = 'open'{clause}", args
        )
        return _int(row[0])

    async def overturned(self, window: Window, where: Slice, limit: int) -> Sequence[Overturned]:
        clause, args = self._dispute_slice(where)
        rows = await self._rows(
            "SELECT d.id, l.name, COALESCE(d.verdict_clause, d.clause) FROM disputes d"
            " JOIN leads l ON l.id = d.lead_id WHERE d.decided_at >= ? AND d.decided_at < ?"
            f" AND d.status = 'overturned'{clause} ORDER BY d.decided_at, d.id LIMIT ?",
            [to_db(window.start), to_db(window.end), *args, limit],
        )
        return [Overturned(row[0], row[1], row[2]) for row in rows]

    async def top_questions(self, where: Slice, limit: int) -> Sequence[OpenQuestion]:
        clause, args = _people_slice(where, "q.asked_by")
        rows = await self._rows(
            "SELECT q.id, COALESCE(q.text, ''), c.name,"
            " (SELECT COUNT(*) FROM question_votes v WHERE v.question_id = q.id) AS votes"
            " FROM questions q JOIN people p ON p.id = q.asked_by"
            " JOIN campaigns c ON c.id = q.campaign_id"
            f" WHERE q.status = 'open'{clause} ORDER BY votes DESC, q.asked_at, q.id LIMIT ?",
            [*args, limit],
        )
        return [OpenQuestion(row[0], row[1], _int(row[3]), row[2]) for row in rows]

    async def lowest_ratings(self, window: Window, where: Slice, limit: int) -> Sequence[LowRating]:
        clause, args = self._feedback_slice(where)
        rows = await self._rows(
            "SELECT f.id, f.rating, f.comment, c.name FROM feedback f"
            " JOIN campaigns c ON c.id = f.campaign_id"
            " WHERE f.created_at >= ? AND f.created_at < ? AND f.rating <= 3"
            f" AND f.comment IS NOT NULL AND f.comment <> ''{clause}"
            " ORDER BY f.rating, f.created_at DESC, f.id LIMIT ?",
            [to_db(window.start), to_db(window.end), *args, limit],
        )
        return [LowRating(row[0], row[1], row[2], row[3]) for row in rows]

    async def overdue_actions(
        self, where: Slice, today: date, limit: int
    ) -> Sequence[OverdueAction]:
        clause, args = _people_slice(where, "i.owner_id")
        rows = await self._rows(
            "SELECT i.id, i.text, TRIM(p.first_name || ' ' || COALESCE(p.last_name, '')), i.due"
            " FROM meeting_actions i JOIN people p ON p.id = i.owner_id"
            f" WHERE i.done_at IS NULL AND i.due < ?{clause} ORDER BY i.due, i.id LIMIT ?",
            [today.isoformat(), *args, limit],
        )
        return [OverdueAction(row[0], row[1], row[2], date.fromisoformat(row[3])) for row in rows]
