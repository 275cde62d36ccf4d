"""Invites and the audit log."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

import aiosqlite

from domain.people.invites import Invite, NewInvite
from domain.people.model import parse_roles, sorted_roles
from domain.ports import AuditEntry
from storage.db import fetch_all, fetch_one, from_db, from_db_opt, to_db


def _invite(row: aiosqlite.Row) -> Invite:
    return Invite(
        id=row["id"],
        token_hash=row["token_hash"],
        roles=parse_roles(row["roles"]),
        team_id=row["team_id"],
        created_by=row["created_by"],
        created_at=from_db(row["created_at"]),
        expires_at=from_db(row["expires_at"]),
        used_by=row["used_by"],
        used_at=from_db_opt(row["used_at"]),
        revoked_at=from_db_opt(row["revoked_at"]),
        max_uses=row["max_uses"],
        uses=row["uses"],
    )


class SqlInviteRepo:
    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn

    async def add(self, new: NewInvite) -> Invite:
        cur = await self._conn.execute(
            "INSERT INTO invites (token_hash, roles, team_id, created_by, created_at, expires_at,"
            " max_uses) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                new.token_hash,
                ",".join(sorted_roles(new.roles)),
                new.team_id,
                new.created_by,
                to_db(new.created_at),
                to_db(new.expires_at),
                new.max_uses,
            ),
        )
        assert cur.lastrowid is not None
        invite = await self.get(cur.lastrowid)
        assert invite is not None
        return invite

    async def _one(self, where: str, arg: object) -> Invite | None:
        row = await fetch_one(self._conn, f"SELECT * FROM invites WHERE {where}", (arg,))
        return _invite(row) if row else None

    async def get(self, invite_id: int) -> Invite | None:
        return await self._one("id = ?", invite_id)

    async def by_token_hash(self, token_hash: str) -> Invite | None:
        return await self._one("token_hash = ?", token_hash)

    async def mark_used(self, invite_id: int, *, person_id: int, at: datetime) -> bool:
        # One statement: two people redeeming the last use at once cannot both get it.
        cur = await self._conn.execute(
            "UPDATE invites SET uses = uses + 1, used_by = ?, used_at = ?"
            " WHERE id = ? AND uses < max_uses AND revoked_at IS NULL",
            (person_id, to_db(at), invite_id),
        )
        return cur.rowcount == 1

    async def mark_revoked(self, invite_id: int, *, at: datetime) -> bool:
        cur = await self._conn.execute(
            "UPDATE invites SET revoked_at = ? WHERE id = ? AND uses < max_uses"
            " AND revoked_at IS NULL",
            (to_db(at), invite_id),
        )
        return cur.rowcount == 1

    async def open_invites(self, *, now: datetime) -> Sequence[Invite]:
        return [
            _invite(row)
            for row in await fetch_all(
                self._conn,
                "SELECT * FROM invites WHERE uses < max_uses AND revoked_at IS NULL"
                " AND expires_at > ? ORDER BY created_at DESC, id DESC",
                (to_db(now),),
            )
        ]

    async def last_created_by(self, person_id: int) -> Invite | None:
        row = await fetch_one(
            self._conn,
            "SELECT * FROM invites WHERE created_by = ? ORDER BY id DESC LIMIT 1",
            (person_id,),
        )
        return _invite(row) if row else None


class SqlAuditLog:
    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn

    async def record(self, entry: AuditEntry) -> None:
        await self._conn.execute(
            "INSERT INTO audit_log (at, actor_id, action, object_type, object_id, details)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                to_db(entry.at),
                entry.actor_id,
                entry.action,
                entry.object_type,
                entry.object_id,
                json.dumps(entry.details, ensure_ascii=False, default=str),
            ),
        )

    async def for_object(self, object_type: str, object_id: int) -> Sequence[AuditEntry]:
        rows = await fetch_all(
            self._conn,
            "SELECT * FROM audit_log WHERE object_type = ? AND object_id = ? ORDER BY id",
            (object_type, object_id),
        )
        return [
            AuditEntry(
                actor_id=row["actor_id"],
                action=row["action"],
                object_type=row["object_type"],
                object_id=row["object_id"],
                at=from_db(row["at"]),
                details=json.loads(row["details"]),
            )
            for row in rows
        ]
