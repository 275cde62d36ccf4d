"""Invites: one-time, expiring, revocable tokens that carry roles and a team."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from domain.people.model import Role

DEFAULT_TTL = timedelta(days=7)
# Telegram deep-link payloads allow A-Z, a-z, 0-9, _ and - up to 64 characters;
# token_urlsafe(24) gives 32 such characters (192 bits of randomness).
TOKEN_BYTES = 24


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def hash_token(token: str) -> str:
    """Only the hash is stored, so a leaked database does not leak usable invites."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class InviteStatus(StrEnum):
    OPEN = "open"
    USED = "used"
    EXPIRED = "expired"
    REVOKED = "revoked"


@dataclass(frozen=True, slots=True)
class NewInvite:
    token_hash: str
    roles: frozenset[Role]
    team_id: int | None
    created_by: int
    created_at: datetime
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class Invite:
    id: int
    token_hash: str
    roles: frozenset[Role]
    team_id: int | None
    created_by: int
    created_at: datetime
    expires_at: datetime
    used_by: int | None = None
    used_at: datetime | None = None
    revoked_at: datetime | None = None

    def status(self, now: datetime) -> InviteStatus:
        if self.revoked_at is not None:
            return InviteStatus.REVOKED
        if self.used_at is not None:
            return InviteStatus.USED
        if now >= self.expires_at:
            return InviteStatus.EXPIRED
        return InviteStatus.OPEN
