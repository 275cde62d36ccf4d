"""How the engine reads Telegram's errors: what a failure is, how long a 429 asks to wait."""

from __future__ import annotations

from datetime import timedelta

import pytest
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)

from broadcast.engine import _failure, retry_after_seconds
from broadcast.policy import Failure


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
