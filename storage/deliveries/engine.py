"""The broadcast engine's side of the deliveries outbox: claim the due rows ('pending' →
'sending', those that became sendable first), put them back when it stops or after a crash,
record each outcome ('sent', 'unreachable', 'failed', 'skipped' with why) and each failed
try it retries, and say when the next row is due and whether a batch is finished. A row's
life is told in :mod:`storage.deliveries.repo`.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from datetime import datetime

from storage.db import fetch_all, fetch_one, from_db_opt, to_db
from storage.deliveries.rows import (
    Delivery,
    DeliveryStatus,
    DeliveryTable,
    delivery_of,
    placeholders,
)


class EngineQueue(DeliveryTable):
    """The engine's queries of :class:`storage.deliveries.repo.SqlDeliveryRepo`."""

    # --- claiming -----------------------------------------------------------------------------

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
            sql += f" AND kind IN ({placeholders(len(kinds))})"
            args.extend(kinds)
        sql += " ORDER BY next_attempt_at, id LIMIT ?"
        args.append(limit)
        rows = [delivery_of(row) for row in await fetch_all(self._conn, sql, args)]
        if not rows:
            return []
        ids = [row.id for row in rows]
        await self._conn.execute(
            f"UPDATE deliveries SET status = 'sending' WHERE id IN ({placeholders(len(ids))})",
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
            f" WHERE status = 'sending' AND id IN ({placeholders(len(ids))})",
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

    # --- what is due --------------------------------------------------------------------------

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
            sql += f" AND kind IN ({placeholders(len(kinds))})"
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
            sql += f" AND kind IN ({placeholders(len(kinds))})"
            args.extend(kinds)
        row = await fetch_one(self._conn, sql, args)
        return int(row[0]) if row else 0
