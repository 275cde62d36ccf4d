"""Meetings repository: meetings, participants and RSVP, the slot poll, the agenda, minutes
and action items. Every sweep's query is bounded by a time window and served by an index
(``0010_meetings.sql``). :class:`SqlMeetingRepo` is the one repository the unit of work hands
out (``uow.meetings``, the domain's ``MeetingRepo``): the meetings themselves and a series'
occurrences are here, and it takes the rest from one class per table group, each in its own
module: :mod:`storage.meetings.participants`, :mod:`storage.meetings.polls`,
:mod:`storage.meetings.agenda` and :mod:`storage.meetings.minutes`."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime

import aiosqlite

from domain.campaigns.model import Audience
from domain.meetings.model import Kind, Meeting, Recurrence, Status
from storage.db import fetch_all, from_db, from_db_opt, to_db
from storage.meetings.agenda import SqlMeetingAgenda
from storage.meetings.minutes import SqlMeetingMinutes
from storage.meetings.participants import SqlMeetingParticipants
from storage.meetings.polls import SqlMeetingPoll

_FIELDS = (
    "organiser_id",
    "title",
    "kind",
    "status",
    "zone",
    "campaign_id",
    "starts_at",
    "duration",
    "place",
    "audience",
    "people",
    "reminders",
    "recurrence",
    "repeat_until",
    "repeat_count",
    "series_id",
    "occurrence",
    "original_start",
    "sequence",
    "poll_deadline",
    "invited_at",
    "minutes_sent_at",
    "cancelled_at",
    "next_due_at",
)
_ACTIVE = "('polling', 'undecided', 'scheduled')"


def _opt(moment: datetime | None) -> str | None:
    return to_db(moment) if moment is not None else None


def _values(meeting: Meeting) -> tuple[object, ...]:
    return (
        meeting.organiser_id,
        meeting.title,
        meeting.kind.value,
        meeting.status.value,
        meeting.zone,
        meeting.campaign_id,
        _opt(meeting.starts_at),
        meeting.duration,
        meeting.place,
        json.dumps(meeting.audience.to_json()),
        json.dumps(sorted(meeting.people)),
        ",".join(str(m) for m in meeting.reminders),
        meeting.recurrence.value,
        meeting.repeat_until.isoformat() if meeting.repeat_until else None,
        meeting.repeat_count,
        meeting.series_id,
        meeting.occurrence,
        _opt(meeting.original_start),
        meeting.sequence,
        _opt(meeting.poll_deadline),
        _opt(meeting.invited_at),
        _opt(meeting.minutes_sent_at),
        _opt(meeting.cancelled_at),
        _opt(meeting.next_due_at),
    )


def _meeting(row: aiosqlite.Row) -> Meeting:
    return Meeting(
        id=row["id"],
        organiser_id=row["organiser_id"],
        title=row["title"],
        kind=Kind(row["kind"]),
        status=Status(row["status"]),
        zone=row["zone"],
        created_at=from_db(row["created_at"]),
        campaign_id=row["campaign_id"],
        starts_at=from_db_opt(row["starts_at"]),
        duration=row["duration"],
        place=row["place"],
        audience=Audience.from_json(json.loads(row["audience"])),
        people=frozenset(int(p) for p in json.loads(row["people"])),
        reminders=tuple(int(m) for m in row["reminders"].split(",") if m),
        recurrence=Recurrence(row["recurrence"]),
        repeat_until=date.fromisoformat(row["repeat_until"]) if row["repeat_until"] else None,
        repeat_count=row["repeat_count"],
        series_id=row["series_id"],
        occurrence=row["occurrence"],
        original_start=from_db_opt(row["original_start"]),
        sequence=row["sequence"],
        poll_deadline=from_db_opt(row["poll_deadline"]),
        invited_at=from_db_opt(row["invited_at"]),
        minutes_sent_at=from_db_opt(row["minutes_sent_at"]),
        cancelled_at=from_db_opt(row["cancelled_at"]),
        next_due_at=from_db_opt(row["next_due_at"]),
    )


def _marks(count: int) -> str:
    return ", ".join("?" * count)


class SqlMeetingRepo(SqlMeetingParticipants, SqlMeetingPoll, SqlMeetingAgenda, SqlMeetingMinutes):
    """Meetings and occurrences here; participants, the slot poll, the agenda and minutes
    from its bases, over the same connection."""

    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn

    async def _meetings(self, sql: str, args: Sequence[object]) -> list[Meeting]:
        return [_meeting(row) for row in await fetch_all(self._conn, sql, args)]

    # --- meetings --------------------------------------------------------------------------------

    async def add(self, meeting: Meeting) -> Meeting:
        columns = ", ".join((*_FIELDS, "created_at", "updated_at"))
        stamp = to_db(meeting.created_at)
        cur = await self._conn.execute(
            f"INSERT INTO meetings ({columns}) VALUES ({_marks(len(_FIELDS) + 2)})",
            (*_values(meeting), stamp, stamp),
        )
        assert cur.lastrowid is not None
        stored = await self.get(cur.lastrowid)
        assert stored is not None
        return stored

    async def get(self, meeting_id: int) -> Meeting | None:
        found = await self._meetings("SELECT * FROM meetings WHERE id = ?", (meeting_id,))
        return found[0] if found else None

    async def save(self, meeting: Meeting, *, now: datetime) -> None:
        assignments = ", ".join(f"{name} = ?" for name in _FIELDS)
        await self._conn.execute(
            f"UPDATE meetings SET {assignments}, updated_at = ? WHERE id = ?",
            (*_values(meeting), to_db(now), meeting.id),
        )

    async def delete_draft(self, meeting_id: int) -> None:
        await self._conn.execute(
            "DELETE FROM meetings WHERE id = ? AND status = 'draft'", (meeting_id,)
        )

    async def drafts_of(self, person_id: int) -> Sequence[Meeting]:
        return await self._meetings(
            "SELECT * FROM meetings WHERE organiser_id = ? AND status = 'draft' ORDER BY id DESC",
            (person_id,),
        )

    async def _mine(
        self, person_id: int, where: str, args: Sequence[object], order: str, limit: int
    ) -> list[Meeting]:
        """The person's meetings matching ``where`` (over ``m``): through the participants
        index, and the ones they organise through the organiser index."""
        return await self._meetings(
            "SELECT * FROM (SELECT m.* FROM meeting_participants p"
            " JOIN meetings m ON m.id = p.meeting_id WHERE p.person_id = ? AND " + where + ""
            " UNION SELECT m.* FROM meetings m WHERE m.organiser_id = ? AND " + where + ")"
            " ORDER BY " + order + " LIMIT ?",
            (person_id, *args, person_id, *args, limit),
        )

    async def upcoming_for(
        self, person_id: int, *, since: datetime, limit: int
    ) -> Sequence[Meeting]:
        # Polls (no start yet) come first, then the soonest.
        return await self._mine(
            person_id,
            "m.status IN " + _ACTIVE + " AND (m.starts_at IS NULL OR m.starts_at > ?)",
            (to_db(since),),
            "starts_at IS NOT NULL, starts_at, id",
            limit,
        )

    async def past_for(self, person_id: int, *, before: datetime, limit: int) -> Sequence[Meeting]:
        return await self._mine(
            person_id,
            "m.status = 'scheduled' AND m.starts_at <= ?",
            (to_db(before),),
            "starts_at DESC, id DESC",
            limit,
        )

    async def for_campaign(self, campaign_id: int) -> Sequence[Meeting]:
        return await self._meetings(
            "SELECT * FROM meetings WHERE campaign_id = ? AND status != 'cancelled'"
            " ORDER BY starts_at IS NULL, starts_at, id",
            (campaign_id,),
        )

    async def scheduled_between(self, start: datetime, end: datetime) -> Sequence[Meeting]:
        return await self._meetings(
            "SELECT * FROM meetings WHERE status = 'scheduled' AND starts_at >= ?"
            " AND starts_at < ? ORDER BY starts_at, id",
            (to_db(start), to_db(end)),
        )

    async def polls_closing(self, *, by: datetime) -> Sequence[Meeting]:
        return await self._meetings(
            "SELECT * FROM meetings WHERE status = 'polling' AND poll_deadline <= ?"
            " ORDER BY poll_deadline, id",
            (to_db(by),),
        )

    async def series_due(self, *, by: datetime) -> Sequence[Meeting]:
        return await self._meetings(
            "SELECT * FROM meetings WHERE next_due_at IS NOT NULL AND next_due_at <= ?"
            " ORDER BY next_due_at, id",
            (to_db(by),),
        )

    async def occurrences(self, series_id: int, *, from_number: int = 1) -> Sequence[Meeting]:
        return await self._meetings(
            "SELECT * FROM meetings WHERE series_id = ? AND occurrence >= ?"
            " ORDER BY occurrence, id",
            (series_id, from_number),
        )
