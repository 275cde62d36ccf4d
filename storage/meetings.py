"""Meetings repository: meetings, participants and RSVP, the slot poll, the agenda, minutes
and action items. Every sweep's query is bounded by a time window and served by an index
(``0010_meetings.sql``)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime

import aiosqlite

from domain.campaigns.model import Audience
from domain.meetings.model import (
    ActionItem,
    Answer,
    Decision,
    Kind,
    Meeting,
    Participant,
    Recurrence,
    Rsvp,
    Slot,
    SlotVote,
    Status,
    Topic,
    TopicSource,
)
from storage.db import fetch_all, fetch_one, from_db, from_db_opt, to_db

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


def _participant(row: aiosqlite.Row) -> Participant:
    return Participant(
        meeting_id=row["meeting_id"],
        person_id=row["person_id"],
        invited_at=from_db(row["invited_at"]),
        rsvp=Rsvp(row["rsvp"]) if row["rsvp"] else None,
        rsvp_at=from_db_opt(row["rsvp_at"]),
        attended=None if row["attended"] is None else bool(row["attended"]),
    )


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


def _marks(count: int) -> str:
    return ", ".join("?" * count)


class SqlMeetingRepo:
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

    # --- participants ----------------------------------------------------------------------------

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

    # --- the slot poll ---------------------------------------------------------------------------

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

    # --- the agenda ------------------------------------------------------------------------------

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

    # --- minutes ---------------------------------------------------------------------------------

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
