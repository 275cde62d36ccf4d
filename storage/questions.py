"""Questions, their answers and "me too" votes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import aiosqlite

from domain.questions.model import NewQuestion, Question, QuestionKind, QuestionStatus
from storage.db import fetch_all, fetch_one, from_db, from_db_opt, to_db

# Every question read comes with its number of "me too" votes.
_SELECT = (
    "SELECT q.*, (SELECT COUNT(*) FROM question_votes v WHERE v.question_id = q.id) AS votes"
    " FROM questions q"
)


def _opt(moment: datetime | None) -> str | None:
    return to_db(moment) if moment is not None else None


def _question(row: aiosqlite.Row) -> Question:
    return Question(
        id=row["id"],
        campaign_id=row["campaign_id"],
        asked_by=row["asked_by"],
        kind=QuestionKind(row["kind"]),
        text=row["text"],
        file_id=row["file_id"],
        message_id=row["message_id"],
        asked_at=from_db(row["asked_at"]),
        status=QuestionStatus(row["status"]),
        answer=row["answer"],
        answered_by=row["answered_by"],
        answered_at=from_db_opt(row["answered_at"]),
        duplicate_of=row["duplicate_of"],
        published_at=from_db_opt(row["published_at"]),
        broadcast_at=from_db_opt(row["broadcast_at"]),
        reminded_at=from_db_opt(row["reminded_at"]),
        votes=row["votes"],
    )


class SqlQuestionRepo:
    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn

    async def _many(self, sql: str, args: Sequence[object]) -> list[Question]:
        return [_question(row) for row in await fetch_all(self._conn, sql, args)]

    async def add(self, new: NewQuestion) -> Question:
        cur = await self._conn.execute(
            "INSERT INTO questions (campaign_id, asked_by, kind, text, file_id, message_id,"
            " asked_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                new.campaign_id,
                new.asked_by,
                new.kind.value,
                new.text,
                new.file_id,
                new.message_id,
                to_db(new.asked_at),
            ),
        )
        assert cur.lastrowid is not None
        question = await self.get(cur.lastrowid)
        assert question is not None
        return question

    async def get(self, question_id: int) -> Question | None:
        found = await self._many(f"{_SELECT} WHERE q.id = ?", (question_id,))
        return found[0] if found else None

    async def save(self, question: Question) -> None:
        await self._conn.execute(
            "UPDATE questions SET status = ?, answer = ?, answered_by = ?, answered_at = ?,"
            " duplicate_of = ?, published_at = ?, broadcast_at = ?, reminded_at = ?"
            " WHERE id = ?",
            (
                question.status.value,
                question.answer,
                question.answered_by,
                _opt(question.answered_at),
                question.duplicate_of,
                _opt(question.published_at),
                _opt(question.broadcast_at),
                _opt(question.reminded_at),
                question.id,
            ),
        )

    async def open_questions(self, campaign_id: int | None = None) -> Sequence[Question]:
        """Open questions, oldest first (the domain orders the queue by votes)."""
        if campaign_id is None:
            return await self._many(
                f"{_SELECT} WHERE q.status = 'open' ORDER BY q.asked_at, q.id", ()
            )
        return await self._many(
            f"{_SELECT} WHERE q.status = 'open' AND q.campaign_id = ? ORDER BY q.asked_at, q.id",
            (campaign_id,),
        )

    async def count_open(self, campaign_id: int) -> int:
        row = await fetch_one(
            self._conn,
            "SELECT COUNT(*) FROM questions WHERE campaign_id = ? AND status = 'open'",
            (campaign_id,),
        )
        return int(row[0]) if row else 0

    async def answered(self, campaign_id: int) -> Sequence[Question]:
        return await self._many(
            f"{_SELECT} WHERE q.campaign_id = ? AND q.status = 'answered'"
            " ORDER BY q.answered_at DESC, q.id DESC",
            (campaign_id,),
        )

    async def faq(self, campaign_id: int) -> Sequence[Question]:
        return await self._many(
            f"{_SELECT} WHERE q.campaign_id = ? AND q.published_at IS NOT NULL"
            " ORDER BY q.published_at DESC, q.id DESC",
            (campaign_id,),
        )

    async def awaiting_reminder(self, *, asked_before: datetime) -> Sequence[Question]:
        return await self._many(
            f"{_SELECT} WHERE q.status = 'open' AND q.reminded_at IS NULL AND q.asked_at <= ?"
            " ORDER BY q.asked_at, q.id",
            (to_db(asked_before),),
        )

    async def vote(self, question_id: int, person_id: int, *, at: datetime) -> bool:
        cur = await self._conn.execute(
            "INSERT INTO question_votes (question_id, person_id, at) VALUES (?, ?, ?)"
            " ON CONFLICT (question_id, person_id) DO NOTHING",
            (question_id, person_id, to_db(at)),
        )
        return cur.rowcount == 1

    async def voters(self, question_id: int) -> Sequence[int]:
        return [
            row[0]
            for row in await fetch_all(
                self._conn,
                "SELECT person_id FROM question_votes WHERE question_id = ? ORDER BY at, person_id",
                (question_id,),
            )
        ]

    async def voted_by(self, person_id: int, question_ids: Sequence[int]) -> set[int]:
        if not question_ids:
            return set()
        marks = ", ".join("?" * len(question_ids))
        return {
            row[0]
            for row in await fetch_all(
                self._conn,
                f"SELECT question_id FROM question_votes WHERE person_id = ?"
                f" AND question_id IN ({marks})",
                (person_id, *question_ids),
            )
        }
