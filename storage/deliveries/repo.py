"""The deliveries outbox: one row per recipient per message, the broadcast engine's queue.

A row's life: ``pending`` (waiting for ``next_attempt_at``) → ``sending`` (claimed by the
engine) → ``sent`` / ``unreachable`` / ``failed`` / ``skipped``. Only ``sending`` rows can be
repeated after a crash: ``release_in_flight`` puts them back at start-up. A row that did not
go out keeps why in ``error``: Telegram's reason for a failure, or the composer's reason for
a skip ("acknowledged", "after-launch" …).

Here is the domain's side, its ``Outbox`` port: queue rows, read and move the waiting ones,
withdraw them, give up on or requeue a person's. The row itself lives in
:mod:`storage.deliveries.rows`, the engine's claims and outcomes (which this repository
inherits) in :mod:`storage.deliveries.engine`.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime

from domain.ports import Planned
from storage.db import fetch_all, fetch_one, from_db_opt, to_db
from storage.deliveries.engine import EngineQueue
from storage.deliveries.rows import Delivery, Recipient, delivery_of, placeholders


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


def _batch_filter(kind: str, ref_id: int, batch: str | None) -> tuple[str, list[object]]:
    where = "kind = ? AND ref_id = ?"
    args: list[object] = [kind, ref_id]
    if batch is not None:
        where += " AND batch = ?"
        args.append(batch)
    return where, args


IN_CHUNK = 500  # ids bound per "IN (…)", well under SQLite's limit on bound parameters


class SqlDeliveryRepo(EngineQueue):
    """Deliveries over one connection; the caller owns the transaction (``db.transaction()``
    or the unit of work). Also the domain's ``Outbox`` port; the engine's queries it
    inherits."""

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
        return delivery_of(row) if row else None

    async def by_id(self, delivery_id: int) -> Delivery | None:
        row = await fetch_one(self._conn, "SELECT * FROM deliveries WHERE id = ?", (delivery_id,))
        return delivery_of(row) if row else None

    async def for_ref(self, kind: str, ref_id: int, batch: str | None = None) -> list[Delivery]:
        where, args = _batch_filter(kind, ref_id, batch)
        return [
            delivery_of(row)
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
                delivery_of(row)
                for row in await fetch_all(
                    self._conn,
                    "SELECT * FROM deliveries WHERE kind = ? AND ref_id = ?"
                    f" AND person_id IN ({placeholders(len(chunk))})",
                    [kind, ref_id, *chunk],
                )
            )
        return [_planned(row) for row in sorted(found, key=lambda d: d.id)]

    async def waiting_for(self, person_id: int) -> list[Planned]:
        """Every pending row of this person, of any kind, in queue order."""
        return [
            _planned(delivery_of(row))
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
            _planned(delivery_of(row))
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
