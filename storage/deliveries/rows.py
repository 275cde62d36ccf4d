"""A row of the deliveries outbox as storage reads it: its statuses (``FINAL`` ones are never
tried again), the :class:`Delivery` the engine claims and sends, and the connection both
sides of :class:`storage.deliveries.repo.SqlDeliveryRepo` work through (the domain's outbox in
:mod:`storage.deliveries.repo`, the engine's claims and outcomes in
:mod:`storage.deliveries.engine`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

import aiosqlite

from domain.ports import Outgoing
from storage.db import from_db, from_db_opt

# One recipient of one message at one moment (the domain's name for it is ``Outgoing``).
Recipient = Outgoing


class DeliveryStatus(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    UNREACHABLE = "unreachable"
    FAILED = "failed"
    SKIPPED = "skipped"


FINAL = frozenset(
    {DeliveryStatus.SENT, DeliveryStatus.UNREACHABLE, DeliveryStatus.FAILED, DeliveryStatus.SKIPPED}
)


@dataclass(frozen=True, slots=True)
class Delivery:
    id: int
    kind: str
    ref_id: int
    batch: str
    person_id: int
    chat_id: int
    due_at: datetime
    status: DeliveryStatus
    attempts: int
    next_attempt_at: datetime
    message_id: int | None
    error: str | None  # why it did not go out: the last failure, or why it was skipped
    sent_at: datetime | None
    finished_at: datetime | None
    parts_sent: int = 0  # of a message sent in parts: how many have gone out

    @property
    def batch_key(self) -> tuple[str, int, str]:
        return (self.kind, self.ref_id, self.batch)


def delivery_of(row: aiosqlite.Row) -> Delivery:
    return Delivery(
        id=row["id"],
        kind=row["kind"],
        ref_id=row["ref_id"],
        batch=row["batch"],
        person_id=row["person_id"],
        chat_id=row["chat_id"],
        due_at=from_db(row["due_at"]),
        status=DeliveryStatus(row["status"]),
        attempts=row["attempts"],
        next_attempt_at=from_db(row["next_attempt_at"]),
        message_id=row["message_id"],
        error=row["error"],
        sent_at=from_db_opt(row["sent_at"]),
        finished_at=from_db_opt(row["finished_at"]),
        parts_sent=row["parts_sent"],
    )


def placeholders(count: int) -> str:
    return ", ".join("?" * count)


class DeliveryTable:
    """Deliveries over one connection; the caller owns the transaction (``db.transaction()``
    or the unit of work)."""

    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn
