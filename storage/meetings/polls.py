"""The slot poll's rows: a meeting's candidate moments (``meeting_slots``, each moment once)
and each participant's answer to each of them (``meeting_votes``, a later answer replacing
the earlier one). Part of :class:`storage.meetings.repo.SqlMeetingRepo`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import aiosqlite

from domain.meetings.polls import Answer, Slot, SlotVote
from storage.db import fetch_all, fetch_one, from_db, to_db


class SqlMeetingPoll:
    _conn: aiosqlite.Connection  # the repository's, set by SqlMeetingRepo

    async def add_slot(self, meeting_id: int, starts_at: datetime) -> Slot:
        await self._conn.execute(
            "INSERT INTO meeting_slots (meeting_id, starts_at) VALUES (?, ?)"
            " ON CONFLICT (meeting_id, starts_at) DO NOTHING",
            (meeting_id, to_db(starts_at)),
        )
        row = await fetch_one(
            self._conn,
            "SELECT * FROM meeting_slots WHERE meeting_id = ? AND starts_at = ?",
            (meeting_id, to_db(starts_at)),
        )
        assert row is not None
        return Slot(row["id"], row["meeting_id"], from_db(row["starts_at"]))

    async def remove_slot(self, meeting_id: int, slot_id: int) -> bool:
        cur = await self._conn.execute(
            "DELETE FROM meeting_slots WHERE id = ? AND meeting_id = ?", (slot_id, meeting_id)
        )
        return cur.rowcount > 0

    async def slots(self, meeting_id: int) -> Sequence[Slot]:
        return [
            Slot(row["id"], row["meeting_id"], from_db(row["starts_at"]))
            for row in await fetch_all(
                self._conn,
                "SELECT * FROM meeting_slots WHERE meeting_id = ? ORDER BY starts_at, id",
                (meeting_id,),
            )
        ]

    async def vote(self, slot_id: int, person_id: int, answer: Answer, *, at: datetime) -> None:
        await self._conn.execute(
            "INSERT INTO meeting_votes (slot_id, person_id, answer, at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (slot_id, person_id) DO UPDATE SET answer = excluded.answer,"
            " at = excluded.at",
            (slot_id, person_id, answer.value, to_db(at)),
        )

    async def votes(self, meeting_id: int) -> Sequence[SlotVote]:
        return [
            SlotVote(row["slot_id"], row["person_id"], Answer(row["answer"]))
            for row in await fetch_all(
                self._conn,
                "SELECT v.slot_id, v.person_id, v.answer FROM meeting_votes v"
                " JOIN meeting_slots s ON s.id = v.slot_id WHERE s.meeting_id = ?"
                " ORDER BY v.slot_id, v.person_id",
                (meeting_id,),
            )
        ]
