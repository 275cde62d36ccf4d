"""Fixtures shared by every test: a fake clock, the fake Bot API server and the bot itself."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.support.clock import FakeClock
from tests.support.fake_telegram import FakeTelegram
from tests.support.harness import TOKEN, Tandem

ADMIN_ID = 1000


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    server = FakeTelegram(TOKEN)
    await server.start()
    try:
        yield server
    finally:
        await server.close()


@pytest.fixture
async def tandem(fake: FakeTelegram, tmp_path: Path, clock: FakeClock) -> AsyncIterator[Tandem]:
    """The bot, running against the fake server with one configured admin (ADMIN_ID)."""
    bot = Tandem(fake, tmp_path / "tandem.sqlite3", clock, admin_ids=str(ADMIN_ID))
    await bot.start()
    try:
        yield bot
    finally:
        await bot.stop()
    # Whatever the test did, the bot itself must never have sent Telegram a bad request.
    assert fake.client_errors() == [], fake.client_errors()
