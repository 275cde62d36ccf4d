"""Campaigns repository."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime

import aiosqlite

from domain.campaigns.model import Audience, Campaign, Material, Status
from domain.campaigns.schedule import ReminderRule, Schedule
from domain.campaigns.versions import Change, Note, NoteKind, SentVersion
from storage.db import fetch_all, fetch_one, from_db, from_db_opt, to_db


def _sent(data: str | None) -> SentVersion | None:
    return SentVersion.from_json(json.loads(data)) if data else None


def _campaign(row: aiosqlite.Row, materials: Sequence[Material]) -> Campaign:
    return Campaign(
        id=row["id"],
        name=row["name"],
        product=row["product"],
        goal=row["goal"],
        key_messages=tuple(json.loads(row["key_messages"])),
        launch_date=date.fromisoformat(row["launch_date"]) if row["launch_date"] else None,
        audience=Audience.from_json(json.loads(row["audience"])),
        protect_content=bool(row["protect_content"]),
        status=Status(row["status"]),
        schedule=Schedule.from_json(json.loads(row["schedule"]) if row["schedule"] else None),
        reminders=tuple(ReminderRule(r) for r in json.loads(row["reminders"])),
        created_by=row["created_by"],
        created_at=from_db(row["created_at"]),
        announced_at=from_db_opt(row["announced_at"]),
        cancelled_at=from_db_opt(row["cancelled_at"]),
        revision=row["revision"],
        materials=tuple(materials),
        sent=SentVersion.from_json(json.loads(row["sent_version"]))
        if row["sent_version"]
        else None,
    )


class SqlCampaignRepo:
    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn

    async def _materials(self, campaign_id: int) -> list[Material]:
        return [
            Material(row["id"], row["kind"], row["file_id"], row["file_name"])
            for row in await fetch_all(
                self._conn,
                "SELECT * FROM campaign_materials WHERE campaign_id = ? ORDER BY id",
                (campaign_id,),
            )
        ]

    async def get(self, campaign_id: int) -> Campaign | None:
        row = await fetch_one(self._conn, "SELECT * FROM campaigns WHERE id = ?", (campaign_id,))
        if row is None:
            return None
        return _campaign(row, await self._materials(campaign_id))

    async def add_draft(self, *, created_by: int, now: datetime) -> Campaign:
        cur = await self._conn.execute(
            "INSERT INTO campaigns (created_by, created_at, updated_at) VALUES (?, ?, ?)",
            (created_by, to_db(now), to_db(now)),
        )
        assert cur.lastrowid is not None
        campaign = await self.get(cur.lastrowid)
        assert campaign is not None
        return campaign

    async def save(self, campaign: Campaign, *, now: datetime) -> None:
        """Write every field but the materials (which have their own methods)."""
        await self._conn.execute(
            "UPDATE campaigns SET name = ?, product = ?, goal = ?, key_messages = ?,"
            " launch_date = ?, audience = ?, protect_content = ?, status = ?, schedule = ?,"
            " reminders = ?, announced_at = ?, cancelled_at = ?, revision = ?, sent_version = ?,"
            " updated_at = ? WHERE id = ?",
            (
                campaign.name,
                campaign.product,
                campaign.goal,
                json.dumps(list(campaign.key_messages), ensure_ascii=False),
                campaign.launch_date.isoformat() if campaign.launch_date else None,
                json.dumps(campaign.audience.to_json()),
                int(campaign.protect_content),
                campaign.status.value,
                json.dumps(campaign.schedule.to_json()) if campaign.schedule else None,
                json.dumps([r.value for r in campaign.reminders]),
                to_db(campaign.announced_at) if campaign.announced_at else None,
                to_db(campaign.cancelled_at) if campaign.cancelled_at else None,
                campaign.revision,
                json.dumps(campaign.sent.to_json(), ensure_ascii=False) if campaign.sent else None,
                to_db(now),
                campaign.id,
            ),
        )

    async def add_material(
        self, campaign_id: int, *, kind: str, file_id: str, file_name: str | None
    ) -> None:
        await self._conn.execute(
            "INSERT INTO campaign_materials (campaign_id, kind, file_id, file_name)"
            " VALUES (?, ?, ?, ?)",
            (campaign_id, kind, file_id, file_name),
        )

    async def remove_material(self, campaign_id: int, material_id: int) -> bool:
        cur = await self._conn.execute(
            "DELETE FROM campaign_materials WHERE campaign_id = ? AND id = ?",
            (campaign_id, material_id),
        )
        return cur.rowcount > 0

    async def delete_draft(self, campaign_id: int) -> None:
        await self._conn.execute(
            "DELETE FROM campaigns WHERE id = ? AND status = 'draft'", (campaign_id,)
        )

    async def all(self, *, include_cancelled: bool = True) -> Sequence[Campaign]:
        sql = "SELECT * FROM campaigns"
        if not include_cancelled:
            sql += " WHERE status != 'cancelled'"
        sql += " ORDER BY id DESC"
        rows = await fetch_all(self._conn, sql)
        return [_campaign(row, await self._materials(row["id"])) for row in rows]

    async def sent_to(self, person_id: int) -> Sequence[Campaign]:
        """Campaigns whose announcement this person received (or will shortly)."""
        rows = await fetch_all(
            self._conn,
            "SELECT c.* FROM campaigns c WHERE EXISTS (SELECT 1 FROM deliveries d"
            " WHERE d.kind = 'campaign.announce' AND d.ref_id = c.id AND d.person_id = ?"
            " AND d.status = 'sent') ORDER BY c.id DESC",
            (person_id,),
        )
        return [_campaign(row, await self._materials(row["id"])) for row in rows]

    async def reaching_team(self, team_id: int) -> Sequence[Campaign]:
        rows = await fetch_all(
            self._conn,
            "SELECT c.* FROM campaigns c WHERE EXISTS (SELECT 1 FROM deliveries d"
            " JOIN people p ON p.id = d.person_id"
            " WHERE d.kind = 'campaign.announce' AND d.ref_id = c.id AND p.team_id = ?)"
            " ORDER BY c.id DESC",
            (team_id,),
        )
        return [_campaign(row, await self._materials(row["id"])) for row in rows]

    async def acknowledge(self, campaign_id: int, person_id: int, *, at: datetime) -> bool:
        cur = await self._conn.execute(
            "INSERT INTO campaign_acks (campaign_id, person_id, at) VALUES (?, ?, ?)"
            " ON CONFLICT (campaign_id, person_id) DO NOTHING",
            (campaign_id, person_id, to_db(at)),
        )
        return cur.rowcount == 1

    async def acknowledged_by(self, campaign_id: int) -> set[int]:
        return {
            row[0]
            for row in await fetch_all(
                self._conn,
                "SELECT person_id FROM campaign_acks WHERE campaign_id = ?",
                (campaign_id,),
            )
        }

    async def acknowledged_at(self, campaign_id: int, person_id: int) -> datetime | None:
        row = await fetch_one(
            self._conn,
            "SELECT at FROM campaign_acks WHERE campaign_id = ? AND person_id = ?",
            (campaign_id, person_id),
        )
        return from_db(row[0]) if row else None

    async def add_note(self, campaign_id: int, note: Note, *, by: int, at: datetime) -> None:
        changes = json.dumps([c.to_json() for c in note.changes], ensure_ascii=False)
        await self._conn.execute(
            "INSERT INTO campaign_updates (campaign_id, number, kind, note, changes, created_by,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (campaign_id, note.number, note.kind.value, note.text, changes, by, to_db(at)),
        )

    async def note(self, campaign_id: int, number: int) -> Note | None:
        row = await fetch_one(
            self._conn,
            "SELECT number, kind, note, changes, created_by FROM campaign_updates"
            " WHERE campaign_id = ? AND number = ?",
            (campaign_id, number),
        )
        if row is None:
            return None
        changes = tuple(Change.from_json(c) for c in json.loads(row["changes"]))
        return Note(row["number"], NoteKind(row["kind"]), row["note"], changes, row["created_by"])
