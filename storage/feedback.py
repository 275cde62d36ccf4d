"""Field feedback: per-campaign settings, submissions, their media and reactions."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

import aiosqlite

from domain.campaigns.kinds import ANNOUNCE, ANNOUNCE_BATCH
from domain.feedback.model import (
    Attachment,
    Feedback,
    FeedbackSettings,
    KeyReaction,
    MediaKind,
    NewFeedback,
    Reaction,
    SentPrompt,
    prompt_day,
)
from domain.feedback.prompts import PROMPT
from storage.db import fetch_all, fetch_one, from_db, to_db


class SqlFeedbackRepo:
    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn

    # --- settings ------------------------------------------------------------------------

    async def settings(self, campaign_id: int) -> FeedbackSettings:
        """The campaign's settings; the defaults until a marketer changes them."""
        row = await fetch_one(
            self._conn,
            "SELECT anonymous, prompt_days FROM feedback_settings WHERE campaign_id = ?",
            (campaign_id,),
        )
        if row is None:
            return FeedbackSettings(campaign_id)
        return FeedbackSettings(
            campaign_id,
            anonymous=bool(row["anonymous"]),
            prompt_days=tuple(int(d) for d in json.loads(row["prompt_days"])),
        )

    async def save_settings(self, settings: FeedbackSettings, *, by: int, now: datetime) -> None:
        await self._conn.execute(
            "INSERT INTO feedback_settings (campaign_id, anonymous, prompt_days, updated_by,"
            " updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (campaign_id) DO UPDATE SET"
            " anonymous = excluded.anonymous, prompt_days = excluded.prompt_days,"
            " updated_by = excluded.updated_by, updated_at = excluded.updated_at",
            (
                settings.campaign_id,
                int(settings.anonymous),
                json.dumps(list(settings.prompt_days)),
                by,
                to_db(now),
            ),
        )

    async def reached(self, campaign_id: int) -> dict[int, datetime]:
        """person id -> when the campaign's announcement reached them."""
        return {
            row["person_id"]: from_db(row["at"])
            for row in await fetch_all(
                self._conn,
                "SELECT person_id, COALESCE(sent_at, finished_at, due_at) AS at FROM deliveries"
                " WHERE kind = ? AND ref_id = ? AND batch = ? AND status = 'sent'",
                (ANNOUNCE, campaign_id, ANNOUNCE_BATCH),
            )
        }

    async def sent_prompt(
        self, person_id: int, campaign_id: int, message_id: int
    ) -> SentPrompt | None:
        """The scheduled prompt the broadcast engine sent to the person as that message."""
        row = await fetch_one(
            self._conn,
            "SELECT batch, COALESCE(sent_at, finished_at, due_at) AS at FROM deliveries"
            " WHERE kind = ? AND ref_id = ? AND person_id = ? AND message_id = ?"
            " AND status = 'sent'",
            (PROMPT, campaign_id, person_id, message_id),
        )
        if row is None:
            return None
        return SentPrompt(prompt_day(row["batch"]), from_db(row["at"]))

    # --- submissions ---------------------------------------------------------------------

    async def add(self, new: NewFeedback) -> Feedback:
        cur = await self._conn.execute(
            "INSERT INTO feedback (campaign_id, person_id, team_id, anonymous, source,"
            " origin_message_id, rating, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                new.campaign_id,
                new.person_id,
                new.team_id,
                int(new.anonymous),
                new.source,
                new.origin,
                new.rating,
                to_db(new.at),
                to_db(new.at),
            ),
        )
        assert cur.lastrowid is not None
        created = await self.get(cur.lastrowid)
        assert created is not None
        return created

    async def get(self, feedback_id: int) -> Feedback | None:
        row = await fetch_one(self._conn, "SELECT * FROM feedback WHERE id = ?", (feedback_id,))
        if row is None:
            return None
        [found] = await self._complete([row])
        return found

    async def by_origin(self, person_id: int, campaign_id: int, origin: int) -> Feedback | None:
        row = await fetch_one(
            self._conn,
            "SELECT id FROM feedback WHERE person_id = ? AND campaign_id = ?"
            " AND origin_message_id = ?",
            (person_id, campaign_id, origin),
        )
        return await self.get(row["id"]) if row else None

    async def _touch(self, sql: str, feedback_id: int, value: object, now: datetime) -> None:
        await self._conn.execute(sql, (value, to_db(now), feedback_id))

    async def set_rating(self, feedback_id: int, rating: int, *, now: datetime) -> None:
        await self._touch(
            "UPDATE feedback SET rating = ?, updated_at = ? WHERE id = ?", feedback_id, rating, now
        )

    async def set_comment(self, feedback_id: int, comment: str, *, now: datetime) -> None:
        await self._touch(
            "UPDATE feedback SET comment = ?, updated_at = ? WHERE id = ?",
            feedback_id,
            comment,
            now,
        )

    async def add_attachment(
        self, feedback_id: int, kind: MediaKind, file_id: str, *, now: datetime
    ) -> None:
        await self._conn.execute(
            "INSERT INTO feedback_media (feedback_id, kind, file_id, added_at) VALUES (?, ?, ?, ?)",
            (feedback_id, kind.value, file_id, to_db(now)),
        )
        await self._conn.execute(
            "UPDATE feedback SET updated_at = ? WHERE id = ?", (to_db(now), feedback_id)
        )

    async def set_reaction(
        self, feedback_id: int, index: int, message: str, reaction: Reaction, *, now: datetime
    ) -> None:
        await self._conn.execute(
            "INSERT INTO feedback_reactions (feedback_id, message_index, message, reaction, at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (feedback_id, message_index) DO UPDATE SET"
            " message = excluded.message, reaction = excluded.reaction, at = excluded.at",
            (feedback_id, index, message, reaction.value, to_db(now)),
        )
        await self._conn.execute(
            "UPDATE feedback SET updated_at = ? WHERE id = ?", (to_db(now), feedback_id)
        )

    async def for_campaign(
        self, campaign_id: int, *, team_id: int | None = None
    ) -> Sequence[Feedback]:
        """Every submission (of one team, if given), newest first."""
        sql = "SELECT * FROM feedback WHERE campaign_id = ?"
        args: tuple[object, ...] = (campaign_id,)
        if team_id is not None:
            sql += " AND team_id = ?"
            args += (team_id,)
        sql += " ORDER BY created_at DESC, id DESC"
        rows = await fetch_all(self._conn, sql, args)
        return await self._complete(list(rows))

    async def counts(
        self, campaign_ids: Sequence[int], *, team_id: int | None = None
    ) -> dict[int, int]:
        found: dict[int, int] = {}
        ids = list(campaign_ids)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            sql = (
                "SELECT campaign_id, COUNT(*) FROM feedback"
                f" WHERE campaign_id IN ({','.join('?' * len(chunk))})"
            )
            args: list[object] = list(chunk)
            if team_id is not None:
                sql += " AND team_id = ?"
                args.append(team_id)
            sql += " GROUP BY campaign_id"
            found.update({row[0]: row[1] for row in await fetch_all(self._conn, sql, args)})
        return found

    async def _complete(self, rows: list[aiosqlite.Row]) -> list[Feedback]:
        """Rows with their attachments and reactions, in two queries per 500 rows."""
        ids = [row["id"] for row in rows]
        media: dict[int, list[Attachment]] = {}
        reactions: dict[int, list[KeyReaction]] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for m in await fetch_all(
                self._conn,
                f"SELECT * FROM feedback_media WHERE feedback_id IN ({marks}) ORDER BY id",
                chunk,
            ):
                media.setdefault(m["feedback_id"], []).append(
                    Attachment(m["id"], MediaKind(m["kind"]), m["file_id"], from_db(m["added_at"]))
                )
            for r in await fetch_all(
                self._conn,
                f"SELECT * FROM feedback_reactions WHERE feedback_id IN ({marks})"
                " ORDER BY message_index",
                chunk,
            ):
                reactions.setdefault(r["feedback_id"], []).append(
                    KeyReaction(r["message_index"], r["message"], Reaction(r["reaction"]))
                )
        return [
            Feedback(
                id=row["id"],
                campaign_id=row["campaign_id"],
                person_id=row["person_id"],
                team_id=row["team_id"],
                anonymous=bool(row["anonymous"]),
                source=row["source"],
                rating=row["rating"],
                comment=row["comment"],
                created_at=from_db(row["created_at"]),
                updated_at=from_db(row["updated_at"]),
                attachments=tuple(media.get(row["id"], ())),
                reactions=tuple(reactions.get(row["id"], ())),
            )
            for row in rows
        ]
