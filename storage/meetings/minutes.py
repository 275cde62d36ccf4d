"""A held meeting's minutes: its decisions (``meeting_decisions``) and action items
(``meeting_actions``), each with an owner and a due date, done once. Open items are read by
owner, by the organiser of their meeting, and by a window of due dates for the reminder sweep,
each through an index. Part of :class:`storage.meetings.repo.SqlMeetingRepo`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

import aiosqlite

from domain.meetings.outcomes import ActionItem, Decision
from storage.db import fetch_all, from_db, from_db_opt, to_db


def _action(row: aiosqlite.Row) -> ActionItem:
    return ActionItem(
        id=row["id"],
        meeting_id=row["meeting_id"],
        text=row["text"],
        owner_id=row["owner_id"],
        due=date.fromisoformat(row["due"]),
        created_at=from_db(row["created_at"]),
        done_at=from_db_opt(row["done_at"]),
    )


class SqlMeetingMinutes:
    _conn: aiosqlite.Connection  # the repository's, set by SqlMeetingRepo

    async def add_decision(self, meeting_id: int, text: str, *, at: datetime) -> Decision:
        cur = await self._conn.execute(
            "INSERT INTO meeting_decisions (meeting_id, text, at) VALUES (?, ?, ?)",
            (meeting_id, text, to_db(at)),
        )
        assert cur.lastrowid is not None
        return Decision(cur.lastrowid, meeting_id, text, at)

    async def decisions(self, meeting_id: int) -> Sequence[Decision]:
        return [
            Decision(row["id"], row["meeting_id"], row["text"], from_db(row["at"]))
            for row in await fetch_all(
                self._conn,
                "SELECT * FROM meeting_decisions WHERE meeting_id = ? ORDER BY id",
                (meeting_id,),
            )
        ]

    async def add_action(
        self, meeting_id: int, text: str, *, owner_id: int, due: date, at: datetime
    ) -> ActionItem:
        cur = await self._conn.execute(
            "INSERT INTO meeting_actions (meeting_id, text, owner_id, due, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (meeting_id, text, owner_id, due.isoformat(), to_db(at)),
        )
        assert cur.lastrowid is not None
        item = await self.action(cur.lastrowid)
        assert item is not None
        return item

    async def _actions(self, sql: str, args: Sequence[object]) -> list[ActionItem]:
        return [_action(row) for row in await fetch_all(self._conn, sql, args)]

    async def action(self, action_id: int) -> ActionItem | None:
        found = await self._actions("SELECT * FROM meeting_actions WHERE id = ?", (action_id,))
        return found[0] if found else None

    async def actions(self, meeting_id: int) -> Sequence[ActionItem]:
        return await self._actions(
            "SELECT * FROM meeting_actions WHERE meeting_id = ? ORDER BY id", (meeting_id,)
        )

    async def mark_done(self, action_id: int, *, at: datetime) -> bool:
        cur = await self._conn.execute(
            "UPDATE meeting_actions SET done_at = ? WHERE id = ? AND done_at IS NULL",
            (to_db(at), action_id),
        )
        return cur.rowcount > 0

    async def open_actions_owned(self, person_id: int) -> Sequence[ActionItem]:
        return await self._actions(
            "SELECT * FROM meeting_actions WHERE owner_id = ? AND done_at IS NULL ORDER BY due, id",
            (person_id,),
        )

    async def open_actions_organised(self, person_id: int) -> Sequence[ActionItem]:
        return await self._actions(
            "SELECT a.* FROM meeting_actions a JOIN meetings m ON m.id = a.meeting_id"
            " WHERE m.organiser_id = ? AND a.done_at IS NULL ORDER BY a.due, a.id",
            (person_id,),
        )

    async def open_actions_due_between(self, first: date, last: date) -> Sequence[ActionItem]:
        return await self._actions(
            "SELECT * FROM meeting_actions WHERE done_at IS NULL AND due >= ? AND due <= ?"
            " ORDER BY due, id",
            (first.isoformat(), last.isoformat()),
        )
