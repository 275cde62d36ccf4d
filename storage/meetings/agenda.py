"""A meeting's agenda (``meeting_topics``): topics numbered in order as they are added, moved
by renumbering, and dropped by a mark that hides them from every read. Part of
:class:`storage.meetings.repo.SqlMeetingRepo`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import aiosqlite

from domain.meetings.agenda import Topic, TopicSource
from storage.db import fetch_all, fetch_one, from_db, to_db


def _topic(row: aiosqlite.Row) -> Topic:
    return Topic(
        id=row["id"],
        meeting_id=row["meeting_id"],
        position=row["position"],
        text=row["text"],
        source=TopicSource(row["source"]),
        added_by=row["added_by"],
        added_at=from_db(row["added_at"]),
        voice_file_id=row["voice_file_id"],
    )


class SqlMeetingAgenda:
    _conn: aiosqlite.Connection  # the repository's, set by SqlMeetingRepo

    async def add_topic(
        self,
        meeting_id: int,
        text: str,
        *,
        source: TopicSource,
        added_by: int | None,
        at: datetime,
        voice_file_id: str | None = None,
    ) -> Topic:
        cur = await self._conn.execute(
            "INSERT INTO meeting_topics (meeting_id, position, text, source, added_by, added_at,"
            " voice_file_id) VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 FROM"
            " meeting_topics WHERE meeting_id = ?), ?, ?, ?, ?, ?)",
            (meeting_id, meeting_id, text, source.value, added_by, to_db(at), voice_file_id),
        )
        assert cur.lastrowid is not None
        topic = await self.topic(cur.lastrowid)
        assert topic is not None
        return topic

    async def topics(self, meeting_id: int) -> Sequence[Topic]:
        return [
            _topic(row)
            for row in await fetch_all(
                self._conn,
                "SELECT * FROM meeting_topics WHERE meeting_id = ? AND dropped = 0"
                " ORDER BY position, id",
                (meeting_id,),
            )
        ]

    async def topic(self, topic_id: int) -> Topic | None:
        row = await fetch_one(
            self._conn, "SELECT * FROM meeting_topics WHERE id = ? AND dropped = 0", (topic_id,)
        )
        return _topic(row) if row is not None else None

    async def set_topic_position(self, topic_id: int, position: int) -> None:
        await self._conn.execute(
            "UPDATE meeting_topics SET position = ? WHERE id = ?", (position, topic_id)
        )

    async def drop_topic(self, topic_id: int) -> None:
        await self._conn.execute("UPDATE meeting_topics SET dropped = 1 WHERE id = ?", (topic_id,))
