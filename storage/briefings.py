"""Briefing requests, their questions and answers."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

import aiosqlite

from domain.briefings.model import Answer, AnswerKind, Briefing, BriefingQuestion, BriefingStatus
from domain.campaigns.model import Audience
from storage.db import fetch_all, fetch_one, from_db, from_db_opt, to_db


class SqlBriefingRepo:
    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn

    async def _questions(self, briefing_id: int) -> tuple[BriefingQuestion, ...]:
        rows = await fetch_all(
            self._conn,
            "SELECT * FROM briefing_questions WHERE briefing_id = ? ORDER BY position",
            (briefing_id,),
        )
        return tuple(
            BriefingQuestion(
                row["id"], row["position"], row["text"], tuple(json.loads(row["options"]))
            )
            for row in rows
        )

    async def _briefing(self, row: aiosqlite.Row) -> Briefing:
        return Briefing(
            id=row["id"],
            campaign_id=row["campaign_id"],
            created_by=row["created_by"],
            created_at=from_db(row["created_at"]),
            deadline=from_db_opt(row["deadline"]),
            status=BriefingStatus(row["status"]),
            sent_at=from_db_opt(row["sent_at"]),
            questions=await self._questions(row["id"]),
            audience=Audience.from_json(json.loads(row["audience"])) if row["audience"] else None,
        )

    async def get(self, briefing_id: int) -> Briefing | None:
        row = await fetch_one(self._conn, "SELECT * FROM briefings WHERE id = ?", (briefing_id,))
        return await self._briefing(row) if row else None

    async def add(self, campaign_id: int, *, created_by: int, now: datetime) -> Briefing:
        cur = await self._conn.execute(
            "INSERT INTO briefings (campaign_id, created_by, created_at) VALUES (?, ?, ?)",
            (campaign_id, created_by, to_db(now)),
        )
        assert cur.lastrowid is not None
        briefing = await self.get(cur.lastrowid)
        assert briefing is not None
        return briefing

    async def for_campaign(self, campaign_id: int) -> Sequence[Briefing]:
        rows = await fetch_all(
            self._conn,
            "SELECT * FROM briefings WHERE campaign_id = ? ORDER BY id DESC",
            (campaign_id,),
        )
        return [await self._briefing(row) for row in rows]

    async def save(self, briefing: Briefing) -> None:
        await self._conn.execute(
            "UPDATE briefings SET deadline = ?, status = ?, sent_at = ?, audience = ? WHERE id = ?",
            (
                to_db(briefing.deadline) if briefing.deadline else None,
                briefing.status.value,
                to_db(briefing.sent_at) if briefing.sent_at else None,
                json.dumps(briefing.audience.to_json()) if briefing.audience else None,
                briefing.id,
            ),
        )

    async def delete_draft(self, briefing_id: int) -> None:
        await self._conn.execute(
            "DELETE FROM briefings WHERE id = ? AND status = 'draft'", (briefing_id,)
        )

    async def add_question(self, briefing_id: int, text: str, options: tuple[str, ...]) -> None:
        await self._conn.execute(
            "INSERT INTO briefing_questions (briefing_id, position, text, options)"
            " VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 FROM briefing_questions"
            " WHERE briefing_id = ?), ?, ?)",
            (briefing_id, briefing_id, text, json.dumps(list(options), ensure_ascii=False)),
        )

    async def set_options(self, question_id: int, options: tuple[str, ...]) -> None:
        await self._conn.execute(
            "UPDATE briefing_questions SET options = ? WHERE id = ?",
            (json.dumps(list(options), ensure_ascii=False), question_id),
        )

    async def remove_question(self, question_id: int) -> None:
        row = await fetch_one(
            self._conn,
            "SELECT briefing_id, position FROM briefing_questions WHERE id = ?",
            (question_id,),
        )
        if row is None:
            return
        await self._conn.execute("DELETE FROM briefing_questions WHERE id = ?", (question_id,))
        # Close the gap in two moves: UNIQUE (briefing_id, position) is checked row by row,
        # so shifting down in place could collide with a neighbour not moved yet.
        await self._conn.execute(
            "UPDATE briefing_questions SET position = -position"
            " WHERE briefing_id = ? AND position > ?",
            (row["briefing_id"], row["position"]),
        )
        await self._conn.execute(
            "UPDATE briefing_questions SET position = -position - 1"
            " WHERE briefing_id = ? AND position < 0",
            (row["briefing_id"],),
        )

    async def save_answer(self, answer: Answer) -> bool:
        existed = (
            await fetch_one(
                self._conn,
                "SELECT 1 FROM briefing_answers WHERE question_id = ? AND person_id = ?",
                (answer.question_id, answer.person_id),
            )
            is not None
        )
        await self._conn.execute(
            "INSERT INTO briefing_answers (question_id, person_id, kind, text, file_id,"
            " file_name, answered_at, changed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (question_id, person_id) DO UPDATE SET kind = excluded.kind,"
            " text = excluded.text, file_id = excluded.file_id, file_name = excluded.file_name,"
            " answered_at = excluded.answered_at, changed = 1",
            (
                answer.question_id,
                answer.person_id,
                answer.kind.value,
                answer.text,
                answer.file_id,
                answer.file_name,
                to_db(answer.answered_at),
                0,
            ),
        )
        return existed

    async def answers(self, briefing_id: int, *, person_id: int | None = None) -> Sequence[Answer]:
        sql = (
            "SELECT a.* FROM briefing_answers a JOIN briefing_questions q ON q.id = a.question_id"
            " WHERE q.briefing_id = ?"
        )
        args: tuple[object, ...] = (briefing_id,)
        if person_id is not None:
            sql += " AND a.person_id = ?"
            args += (person_id,)
        sql += " ORDER BY q.position, a.answered_at"
        rows = await fetch_all(self._conn, sql, args)
        return [
            Answer(
                question_id=row["question_id"],
                person_id=row["person_id"],
                kind=AnswerKind(row["kind"]),
                text=row["text"],
                file_id=row["file_id"],
                file_name=row["file_name"],
                answered_at=from_db(row["answered_at"]),
                changed=bool(row["changed"]),
            )
            for row in rows
        ]
