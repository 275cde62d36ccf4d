"""Invites: expiring, revocable tokens that carry roles and a team, good for one person or for
several (an admin onboarding a whole team sends one link to all of them)."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from domain.errors import InvalidInput
from domain.people.model import Role

DEFAULT_TTL = timedelta(days=7)
# How many people one link may register: the composer's choices, and the most it allows.
USES_CHOICES = (1, 5, 10, 20)
MAX_USES = 100
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
    max_uses: int = 1


@dataclass(frozen=True, slots=True)
class Invite:
    id: int
    token_hash: str
    roles: frozenset[Role]
    team_id: int | None
    created_by: int
    created_at: datetime
    expires_at: datetime
    used_by: int | None = None  # the last person it registered
    used_at: datetime | None = None  # when it last registered someone
    revoked_at: datetime | None = None
    max_uses: int = 1  # how many people it may register
    uses: int = 0  # how many it has

    @property
    def uses_left(self) -> int:
        return max(0, self.max_uses - self.uses)

    def status(self, now: datetime) -> InviteStatus:
        if self.revoked_at is not None:
            return InviteStatus.REVOKED
        if self.uses_left == 0:
            return InviteStatus.USED
        if now >= self.expires_at:
            return InviteStatus.EXPIRED
        return InviteStatus.OPEN


def check_uses(uses: int) -> int:
    """How many people one link may register: 1 to MAX_USES."""
    if not 1 <= uses <= MAX_USES:
        raise InvalidInput("error-invite-uses", limit=MAX_USES)
    return uses
