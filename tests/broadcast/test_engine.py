"""How the engine reads Telegram's errors (what a failure is, how long a 429 asks to wait),
and what it records when a renderer says there is nothing to send any more."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, cast

import pytest
from telegram import Bot
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)

from broadcast.engine import (
    BroadcastEngine,
    Delivery,
    OutgoingMessage,
    _failure,
    retry_after_seconds,
)
from broadcast.policy import Failure
from domain.ports import Outgoing, Skip
from storage.db import Database
from storage.deliveries.repo import SqlDeliveryRepo
from storage.deliveries.rows import DeliveryStatus
from storage.migrate import migrate
from tests.support.clock import FakeClock


@pytest.mark.parametrize(
    ("error", "failure"),
    [
        (Forbidden("Forbidden: bot was blocked by the user"), Failure.FORBIDDEN),
        (ChatMigrated(-100123), Failure.MIGRATED),
        (BadRequest("Bad Request: chat not found"), Failure.BAD_REQUEST),
        (TimedOut(), Failure.NETWORK),
        (NetworkError("Bad Gateway"), Failure.NETWORK),
        (TelegramError("Conflict"), Failure.OTHER),
    ],
)
def test_telegram_errors_map_to_failures(error: TelegramError, failure: Failure) -> None:
    assert _failure(error) is failure


def test_retry_after_is_read_as_seconds_in_either_form(monkeypatch: pytest.MonkeyPatch) -> None:
    assert retry_after_seconds(RetryAfter(3)) == 3.0
    monkeypatch.setenv("PTB_TIMEDELTA", "1")  # PTB's coming default: a timedelta
    error = RetryAfter(timedelta(seconds=2.5))
    assert isinstance(error.retry_after, timedelta)
    assert retry_after_seconds(error) == 2.5


class _NoTelegram:
    """A Bot that must not be called: a skipped row never reaches Telegram."""

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"the engine called Bot.{name} for a skipped row")


async def test_a_renderer_s_skip_is_recorded_with_its_reason_and_nothing_is_sent(
    tmp_path: Path,
) -> None:
    db = await Database.open(tmp_path / "tandem.sqlite3")
    await migrate(db)
    now = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    async with db.transaction() as conn:
        await conn.execute(
            "INSERT INTO people (id, telegram_id, first_name, timezone, joined_at)"
            " VALUES (1, 5001, 'Rep', 'Europe/Moscow', '2026-01-01 00:00:00.000000')"
        )
        await SqlDeliveryRepo(conn).enqueue(
            "test.remind", 7, "reminder:2", [Outgoing(1, 5001, now)]
        )

    async def stale(delivery: Delivery) -> OutgoingMessage | Skip:
        return Skip("after-launch")

    engine = BroadcastEngine(db, cast(Bot, _NoTelegram()), FakeClock(now))
    engine.register("test.remind", stale)
    await engine.start()
    try:
        await engine.wait_idle(5)
    finally:
        await engine.stop()
    async with db.transaction() as conn:
        [row] = await SqlDeliveryRepo(conn).for_ref("test.remind", 7)
    await db.close()
    assert (row.status, row.error, row.attempts, row.finished_at) == (
        DeliveryStatus.SKIPPED,
        "after-launch",
        0,
        now,
    )
    assert engine.stats.skipped == 1 and engine.stats.sent == 0
