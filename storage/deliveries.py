"""The deliveries outbox: one row per recipient per message, the broadcast engine's queue.

A row's life: ``pending`` (waiting for ``next_attempt_at``) → ``sending`` (claimed by the
engine) → ``sent`` / ``unreachable`` / ``failed`` / ``skipped``. Only ``sending`` rows can be
repeated after a crash: ``release_in_flight`` puts them back at start-up. A row that did not
go out keeps why in ``error``: Telegram's reason for a failure, or the composer's reason for
a skip ("acknowledged", "after-launch" …).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

import aiosqlite

from domain.ports import Outgoing, Planned
from storage.db import fetch_all, fetch_one, from_db, from_db_opt, to_db

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


def _delivery(row: aiosqlite.Row) -> Delivery:
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


def _planned(delivery: Delivery) -> Planned:
    """The row as the domain plans with it."""
    return Planned(
        delivery.kind,
        delivery.ref_id,
        delivery.batch,
        delivery.person_id,
        delivery.due_at,
        delivery.status.value,
    )


def _placeholders(count: int) -> str:
    return ", ".join("?" * count)


def _batch_filter(kind: str, ref_id: int, batch: str | None) -> tuple[str, list[object]]:
    where = "kind = ? AND ref_id = ?"
    args: list[object] = [kind, ref_id]
    if batch is not None:
        where += " AND batch = ?"
        args.append(batch)
    return where, args


IN_CHUNK = 500  # ids bound per "IN (…)", well under SQLite's limit on bound parameters


class SqlDeliveryRepo:
    """Deliveries over one connection; the caller owns the transaction (``db.transaction()``
    or the unit of work). Also the domain's ``Outbox`` port."""

    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn

    # --- queueing -----------------------------------------------------------------------------

    async def enqueue(
        self, kind: str, ref_id: int, batch: str, recipients: Sequence[Recipient]
    ) -> int:
        """Add one pending row per recipient; a recipient already in the batch is left as it
        is, so enqueueing again is harmless. Returns how many rows are new."""
        if not recipients:
            return 0
        before = self._conn.total_changes
        await self._conn.executemany(
            "INSERT INTO deliveries (kind, ref_id, batch, person_id, chat_id, due_at,"
            " next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (kind, ref_id, batch, person_id) DO NOTHING",
            [
                (kind, ref_id, batch, r.person_id, r.chat_id, to_db(r.due_at), to_db(r.due_at))
                for r in recipients
            ],
        )
        return self._conn.total_changes - before

    async def claim_due(
        self, now: datetime, limit: int, *, kinds: Collection[str] | None = None
    ) -> list[Delivery]:
        """Switch up to ``limit`` due pending rows to 'sending' and return them, those that
        became sendable first (then in enqueue order). ``kinds`` limits it to the kinds the
        engine can render."""
        if limit <= 0 or (kinds is not None and not kinds):
            return []
        sql = "SELECT * FROM deliveries WHERE status = 'pending' AND next_attempt_at <= ?"
        args: list[object] = [to_db(now)]
        if kinds is not None:
            sql += f" AND kind IN ({_placeholders(len(kinds))})"
            args.extend(kinds)
        sql += " ORDER BY next_attempt_at, id LIMIT ?"
        args.append(limit)
        rows = [_delivery(row) for row in await fetch_all(self._conn, sql, args)]
        if not rows:
            return []
        ids = [row.id for row in rows]
        await self._conn.execute(
            f"UPDATE deliveries SET status = 'sending' WHERE id IN ({_placeholders(len(ids))})",
            ids,
        )
        return [replace(row, status=DeliveryStatus.SENDING) for row in rows]

    async def release_in_flight(self) -> int:
        """Start-up: every 'sending' row goes back to 'pending'. Those are the only rows whose
        message may have reached Telegram without its outcome being recorded."""
        cur = await self._conn.execute(
            "UPDATE deliveries SET status = 'pending' WHERE status = 'sending'"
        )
        return cur.rowcount

    async def release(self, ids: Collection[int]) -> int:
        """Put claimed rows back to 'pending' without counting an attempt (engine stopping)."""
        if not ids:
            return 0
        cur = await self._conn.execute(
            "UPDATE deliveries SET status = 'pending'"
            f" WHERE status = 'sending' AND id IN ({_placeholders(len(ids))})",
            list(ids),
        )
        return cur.rowcount

    # --- outcomes -----------------------------------------------------------------------------

    async def mark_sent(
        self, delivery_id: int, message_id: int | None, at: datetime, note: str | None = None
    ) -> None:
        """Sent; ``note`` says anything uncertain about it (a send that timed out)."""
        await self._conn.execute(
            "UPDATE deliveries SET status = 'sent', message_id = ?, sent_at = ?,"
            " finished_at = ?, error = ? WHERE id = ?",
            (message_id, to_db(at), to_db(at), note, delivery_id),
        )

    async def note_parts_sent(self, delivery_id: int, parts: int) -> None:
        """``parts`` parts of the message have gone out (the rest follow)."""
        await self._conn.execute(
            "UPDATE deliveries SET parts_sent = ? WHERE id = ?", (parts, delivery_id)
        )

    async def mark_unreachable(self, delivery_id: int, reason: str, at: datetime) -> None:
        await self._finish(delivery_id, DeliveryStatus.UNREACHABLE, reason, at, attempt=True)

    async def mark_failed(
        self, delivery_id: int, reason: str, at: datetime, *, count_attempt: bool = True
    ) -> None:
        """Failed for good. ``count_attempt=False`` when ``note_attempt`` already counted it."""
        await self._finish(delivery_id, DeliveryStatus.FAILED, reason, at, attempt=count_attempt)

    async def mark_skipped(self, delivery_id: int, reason: str, at: datetime) -> None:
        """Nothing to send any more; ``reason`` says why (kept where failures keep theirs)."""
        await self._finish(delivery_id, DeliveryStatus.SKIPPED, reason, at, attempt=False)

    async def _finish(
        self, delivery_id: int, status: DeliveryStatus, reason: str, at: datetime, *, attempt: bool
    ) -> None:
        await self._conn.execute(
            "UPDATE deliveries SET status = ?, error = ?, finished_at = ?,"
            " attempts = attempts + ? WHERE id = ?",
            (status.value, reason, to_db(at), int(attempt), delivery_id),
        )

    async def note_attempt(self, delivery_id: int, reason: str) -> int:
        """Record a failed try of a row the engine keeps claimed to retry it shortly; return
        the attempts so far."""
        await self._conn.execute(
            "UPDATE deliveries SET attempts = attempts + 1, error = ? WHERE id = ?",
            (reason, delivery_id),
        )
        row = await fetch_one(
            self._conn, "SELECT attempts FROM deliveries WHERE id = ?", (delivery_id,)
        )
        return int(row[0]) if row else 0

    async def withdraw(
        self, kind: str, ref_id: int, batch: str | None = None, *, person_id: int | None = None
    ) -> int:
        """Delete pending rows (rescheduling: the same recipients may be enqueued again), or
        one person's."""
        where, args = _batch_filter(kind, ref_id, batch)
        if person_id is not None:
            where += " AND person_id = ?"
            args.append(person_id)
        cur = await self._conn.execute(
            f"DELETE FROM deliveries WHERE {where} AND status = 'pending'", args
        )
        return cur.rowcount

    async def move(
        self, kind: str, ref_id: int, batch: str, person_id: int, *, due_at: datetime
    ) -> bool:
        """A pending row goes at ``due_at`` instead (its first try too, which is what the
        engine claims by); False when it is no longer pending."""
        cur = await self._conn.execute(
            "UPDATE deliveries SET due_at = ?, next_attempt_at = ? WHERE kind = ? AND ref_id = ?"
            " AND batch = ? AND person_id = ? AND status = 'pending'",
            (to_db(due_at), to_db(due_at), kind, ref_id, batch, person_id),
        )
        return cur.rowcount > 0

    # --- reading ------------------------------------------------------------------------------

    async def get(self, kind: str, ref_id: int, batch: str, person_id: int) -> Delivery | None:
        row = await fetch_one(
            self._conn,
            "SELECT * FROM deliveries WHERE kind = ? AND ref_id = ? AND batch = ?"
            " AND person_id = ?",
            (kind, ref_id, batch, person_id),
        )
        return _delivery(row) if row else None

    async def by_id(self, delivery_id: int) -> Delivery | None:
        row = await fetch_one(self._conn, "SELECT * FROM deliveries WHERE id = ?", (delivery_id,))
        return _delivery(row) if row else None

    async def for_ref(self, kind: str, ref_id: int, batch: str | None = None) -> list[Delivery]:
        where, args = _batch_filter(kind, ref_id, batch)
        return [
            _delivery(row)
            for row in await fetch_all(
                self._conn, f"SELECT * FROM deliveries WHERE {where} ORDER BY id", args
            )
        ]

    async def planned(
        self, kind: str, ref_id: int, *, people: Collection[int] | None = None
    ) -> list[Planned]:
        """Every row of ``kind`` for ``ref_id`` (of ``people`` only, if given), in queue order."""
        if people is None:
            return [_planned(row) for row in await self.for_ref(kind, ref_id)]
        ids = sorted(set(people))
        found: list[Delivery] = []
        for start in range(0, len(ids), IN_CHUNK):
            chunk = ids[start : start + IN_CHUNK]
            found.extend(
                _delivery(row)
                for row in await fetch_all(
                    self._conn,
                    "SELECT * FROM deliveries WHERE kind = ? AND ref_id = ?"
                    f" AND person_id IN ({_placeholders(len(chunk))})",
                    [kind, ref_id, *chunk],
                )
            )
        return [_planned(row) for row in sorted(found, key=lambda d: d.id)]

    async def waiting_for(self, person_id: int) -> list[Planned]:
        """Every pending row of this person, of any kind, in queue order."""
        return [
            _planned(_delivery(row))
            for row in await fetch_all(
                self._conn,
                "SELECT * FROM deliveries WHERE person_id = ? AND status = 'pending' ORDER BY id",
                (person_id,),
            )
        ]

    async def give_up_for(self, person_id: int, *, reason: str, at: datetime) -> int:
        cur = await self._conn.execute(
            "UPDATE deliveries SET status = 'unreachable', error = ?, finished_at = ?"
            " WHERE person_id = ? AND status = 'pending'",
            (reason, to_db(at), person_id),
        )
        return cur.rowcount

    async def unreachable_for(self, person_id: int, kind: str) -> list[Planned]:
        """This person's unreachable rows of ``kind``, in queue order."""
        return [
            _planned(_delivery(row))
            for row in await fetch_all(
                self._conn,
                "SELECT * FROM deliveries WHERE person_id = ? AND kind = ?"
                " AND status = 'unreachable' ORDER BY id",
                (person_id, kind),
            )
        ]

    async def requeue(
        self, kind: str, ref_id: int, batch: str, person_id: int, *, due_at: datetime
    ) -> bool:
        cur = await self._conn.execute(
            "UPDATE deliveries SET status = 'pending', due_at = ?, next_attempt_at = ?,"
            " attempts = 0, error = NULL, finished_at = NULL WHERE kind = ? AND ref_id = ?"
            " AND batch = ? AND person_id = ? AND status = 'unreachable'",
            (to_db(due_at), to_db(due_at), kind, ref_id, batch, person_id),
        )
        return cur.rowcount > 0

    async def counts(self, kind: str, ref_id: int, batch: str | None = None) -> dict[str, int]:
        """status -> number of rows (statuses with no rows are left out)."""
        where, args = _batch_filter(kind, ref_id, batch)
        return {
            row[0]: row[1]
            for row in await fetch_all(
                self._conn,
                f"SELECT status, COUNT(*) FROM deliveries WHERE {where} GROUP BY status",
                args,
            )
        }

    async def statuses(self, kind: str, ref_id: int, batch: str) -> dict[int, str]:
        """person id -> status, for one batch."""
        return {
            row[0]: row[1]
            for row in await fetch_all(
                self._conn,
                "SELECT person_id, status FROM deliveries"
                " WHERE kind = ? AND ref_id = ? AND batch = ?",
                (kind, ref_id, batch),
            )
        }

    async def status(self, kind: str, ref_id: int, batch: str, person_id: int) -> str | None:
        row = await fetch_one(
            self._conn,
            "SELECT status FROM deliveries WHERE kind = ? AND ref_id = ? AND batch = ?"
            " AND person_id = ?",
            (kind, ref_id, batch, person_id),
        )
        return str(row[0]) if row else None

    async def message_id(self, kind: str, ref_id: int, batch: str, person_id: int) -> int | None:
        """The Telegram message id a sent delivery produced."""
        row = await fetch_one(
            self._conn,
            "SELECT message_id FROM deliveries WHERE kind = ? AND ref_id = ? AND batch = ?"
            " AND person_id = ? AND status = 'sent'",
            (kind, ref_id, batch, person_id),
        )
        return int(row[0]) if row and row[0] is not None else None

    async def first_due(self, kind: str, ref_id: int) -> datetime | None:
        """The earliest scheduled moment among the rows of ``kind`` for ``ref_id``."""
        row = await fetch_one(
            self._conn,
            "SELECT MIN(due_at) FROM deliveries WHERE kind = ? AND ref_id = ?",
            (kind, ref_id),
        )
        return from_db_opt(row[0] if row else None)

    async def batch_finished(self, kind: str, ref_id: int, batch: str) -> bool:
        """No row of the batch is pending or being sent (an empty batch counts as finished)."""
        return (
            await fetch_one(
                self._conn,
                "SELECT 1 FROM deliveries WHERE kind = ? AND ref_id = ? AND batch = ?"
                " AND status IN ('pending', 'sending') LIMIT 1",
                (kind, ref_id, batch),
            )
            is None
        )

    async def next_due_at(self, *, kinds: Collection[str] | None = None) -> datetime | None:
        """When the earliest pending row may be tried."""
        sql = "SELECT MIN(next_attempt_at) FROM deliveries WHERE status = 'pending'"
        args: list[object] = []
        if kinds is not None:
            if not kinds:
                return None
            sql += f" AND kind IN ({_placeholders(len(kinds))})"
            args.extend(kinds)
        row = await fetch_one(self._conn, sql, args)
        return from_db_opt(row[0] if row else None)

    async def count_due(self, now: datetime, *, kinds: Collection[str] | None = None) -> int:
        """How many pending rows could be claimed at ``now``."""
        sql = "SELECT COUNT(*) FROM deliveries WHERE status = 'pending' AND next_attempt_at <= ?"
        args: list[object] = [to_db(now)]
        if kinds is not None:
            if not kinds:
                return 0
            sql += f" AND kind IN ({_placeholders(len(kinds))})"
            args.extend(kinds)
        row = await fetch_one(self._conn, sql, args)
        return int(row[0]) if row else 0
