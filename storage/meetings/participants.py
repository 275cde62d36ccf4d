"""Who takes part in a meeting (``meeting_participants``): the people invited, each once, with
when they were invited, their answer (RSVP) and, once the meeting is held, their attendance.
Read for one meeting, for many at once (a sweep over a window of meetings), or for one person
over many meetings (their /meetings list), each through an index. Part of
:class:`storage.meetings.repo.SqlMeetingRepo`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import aiosqlite

from domain.meetings.participants import Participant, Rsvp
from storage.db import fetch_all, fetch_one, from_db, from_db_opt, to_db


def _participant(row: aiosqlite.Row) -> Participant:
    return Participant(
        meeting_id=row["meeting_id"],
        person_id=row["person_id"],
        invited_at=from_db(row["invited_at"]),
        rsvp=Rsvp(row["rsvp"]) if row["rsvp"] else None,
        rsvp_at=from_db_opt(row["rsvp_at"]),
        attended=None if row["attended"] is None else bool(row["attended"]),
    )


def _marks(count: int) -> str:
    return ", ".join("?" * count)


class SqlMeetingParticipants:
    _conn: aiosqlite.Connection  # the repository's, set by SqlMeetingRepo

    async def add_participants(
        self, meeting_id: int, person_ids: Sequence[int], *, at: datetime
    ) -> list[int]:
        if not person_ids:
            return []
        present = {
            row[0]
            for row in await fetch_all(
                self._conn,
                f"SELECT person_id FROM meeting_participants WHERE meeting_id = ?"
                f" AND person_id IN ({_marks(len(person_ids))})",
                (meeting_id, *person_ids),
            )
        }
        new = [pid for pid in dict.fromkeys(person_ids) if pid not in present]
        await self._conn.executemany(
            "INSERT INTO meeting_participants (meeting_id, person_id, invited_at)"
            " VALUES (?, ?, ?) ON CONFLICT (meeting_id, person_id) DO NOTHING",
            [(meeting_id, pid, to_db(at)) for pid in new],
        )
        return new

    async def participants(self, meeting_id: int) -> Sequence[Participant]:
        return [
            _participant(row)
            for row in await fetch_all(
                self._conn,
                "SELECT * FROM meeting_participants WHERE meeting_id = ? ORDER BY person_id",
                (meeting_id,),
            )
        ]

    async def participants_of(self, meeting_ids: Sequence[int]) -> dict[int, list[Participant]]:
        found: dict[int, list[Participant]] = {mid: [] for mid in meeting_ids}
        if not meeting_ids:
            return found
        for row in await fetch_all(
            self._conn,
            f"SELECT * FROM meeting_participants WHERE meeting_id IN"
            f" ({_marks(len(meeting_ids))}) ORDER BY meeting_id, person_id",
            tuple(meeting_ids),
        ):
            found[row["meeting_id"]].append(_participant(row))
        return found

    async def participant(self, meeting_id: int, person_id: int) -> Participant | None:
        row = await fetch_one(
            self._conn,
            "SELECT * FROM meeting_participants WHERE meeting_id = ? AND person_id = ?",
            (meeting_id, person_id),
        )
        return _participant(row) if row is not None else None

    async def participations(
        self, person_id: int, meeting_ids: Sequence[int]
    ) -> dict[int, Participant]:
        if not meeting_ids:
            return {}
        return {
            row["meeting_id"]: _participant(row)
            for row in await fetch_all(
                self._conn,
                f"SELECT * FROM meeting_participants WHERE person_id = ?"
                f" AND meeting_id IN ({_marks(len(meeting_ids))})",
                (person_id, *meeting_ids),
            )
        }

    async def set_rsvp(self, meeting_id: int, person_id: int, rsvp: Rsvp, *, at: datetime) -> None:
        await self._conn.execute(
            "UPDATE meeting_participants SET rsvp = ?, rsvp_at = ?"
            " WHERE meeting_id = ? AND person_id = ?",
            (rsvp.value, to_db(at), meeting_id, person_id),
        )

    async def set_attended(self, meeting_id: int, person_id: int, attended: bool | None) -> None:
        await self._conn.execute(
            "UPDATE meeting_participants SET attended = ? WHERE meeting_id = ? AND person_id = ?",
            (None if attended is None else int(attended), meeting_id, person_id),
        )
