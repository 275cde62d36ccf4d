"""The KPIs of campaigns and of what the field says about them: announcements acknowledged
before launch (each recipient's local launch day) and how fast, recipients the announcement
could not reach, questions asked, answered and published and how fast, ratings and reactions
to key messages; and, for the agenda, the most wanted open questions and the lowest-rated
comments.

A campaign counts by its ``launch_date``, a question by ``asked_at`` / ``answered_at`` /
``published_at``, feedback by ``created_at``, each bounded by the window on its index.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from domain.kpis.model import AckTally, QuestionTally, RatingTally, ReactionTally
from domain.kpis.periods import Window
from domain.kpis.records import LowRating, OpenQuestion
from domain.kpis.scopes import Slice
from storage.db import to_db
from storage.kpis.base import MINUTES, KpiQueries, as_int, people_slice, zone_shifts

_ANNOUNCE = "campaign.announce"


class CampaignKpis(KpiQueries):
    """The campaign, question and feedback queries of :class:`storage.kpis.repo.SqlKpiRepo`."""

    # --- campaigns ----------------------------------------------------------------------------

    _LAUNCHING = (
        " FROM campaigns c"
        " JOIN deliveries d ON d.kind = ? AND d.ref_id = c.id AND d.batch = 'announce'"
        " JOIN people p ON p.id = d.person_id"
        " LEFT JOIN campaign_acks a ON a.campaign_id = c.id AND a.person_id = d.person_id"
        " WHERE c.launch_date >= ? AND c.launch_date <= ? AND c.status = 'announced'"
    )

    def _launching(self, window: Window, where: Slice) -> tuple[str, list[object]]:
        clause, args = people_slice(where, "d.person_id")
        return self._LAUNCHING + clause, [
            _ANNOUNCE,
            window.first_day.isoformat(),
            window.last_day.isoformat(),
            *args,
        ]

    async def acknowledgements(self, window: Window, where: Slice) -> Sequence[AckTally]:
        shift, shift_args = await zone_shifts(self._conn, window.end)
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
                row[0],
                row[1],
                date.fromisoformat(row[2]),
                as_int(row[3]),
                as_int(row[4]),
                as_int(row[5]),
            )
            for row in rows
        ]

    async def ack_minutes(self, window: Window, where: Slice) -> float | None:
        body, args = self._launching(window, where)
        minutes = MINUTES.format(a="d.sent_at", b="a.at")
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
        return as_int(row[0])

    # --- questions and feedback ---------------------------------------------------------------

    async def questions(self, window: Window, where: Slice) -> QuestionTally:
        clause, args = people_slice(where, "q.asked_by")
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
        return QuestionTally(
            None, as_int(row[0]), as_int(row[1]), as_int(row[2]), as_int(published[0])
        )

    async def answer_minutes(self, window: Window, where: Slice) -> float | None:
        clause, args = people_slice(where, "q.asked_by")
        minutes = MINUTES.format(a="q.asked_at", b="q.answered_at")
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
        return [RatingTally(row[0], row[1], as_int(row[2]), as_int(row[3])) for row in rows]

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
        return [
            ReactionTally(row[0], row[1], row[2], as_int(row[3]), as_int(row[4])) for row in rows
        ]

    # --- for the agenda ----------------------------------------------------------------------

    async def top_questions(self, where: Slice, limit: int) -> Sequence[OpenQuestion]:
        clause, args = people_slice(where, "q.asked_by")
        rows = await self._rows(
            "SELECT q.id, COALESCE(q.text, ''), c.name,"
            " (SELECT COUNT(*) FROM question_votes v WHERE v.question_id = q.id) AS votes"
            " FROM questions q JOIN people p ON p.id = q.asked_by"
            " JOIN campaigns c ON c.id = q.campaign_id"
            f" WHERE q.status = 'open'{clause} ORDER BY votes DESC, q.asked_at, q.id LIMIT ?",
            [*args, limit],
        )
        return [OpenQuestion(row[0], row[1], as_int(row[3]), row[2]) for row in rows]

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
