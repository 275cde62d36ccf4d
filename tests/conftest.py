"""Fixtures shared by every test: a fake clock, the fake Bot API server and the bot itself.

The bot paces its sends on a virtual clock shared with the fake server: Telegram's limits
(a second between two messages to one chat, 429 pauses, retry backoff) are kept and checked
on that timeline, and waiting them out takes no real time. A test that needs the bot to
take its real time marks itself ``real_pace``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from broadcast import PaceClock, RealPaceClock
from tests.support.clock import FakeClock
from tests.support.fake_telegram import FakeTelegram
from tests.support.harness import TOKEN, Tandem
from tests.support.pace_clock import VirtualPaceClock

ADMIN_ID = 1000


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def pace_clock(request: pytest.FixtureRequest) -> PaceClock:
    """The time the bot paces its sends on, and the fake server checks its limits on."""
    if request.node.get_closest_marker("real_pace") is not None:
        return RealPaceClock()
    return VirtualPaceClock()


@pytest.fixture
async def fake(pace_clock: PaceClock) -> AsyncIterator[FakeTelegram]:
    server = FakeTelegram(TOKEN, monotonic=pace_clock.monotonic)
    await server.start()
    try:
        yield server
    finally:
        await server.close()


@pytest.fixture
async def tandem(
    fake: FakeTelegram, tmp_path: Path, clock: FakeClock, pace_clock: PaceClock
) -> AsyncIterator[Tandem]:
    """The bot, running against the fake server with one configured admin (ADMIN_ID)."""
    bot = Tandem(
        fake, tmp_path / "tandem.sqlite3", clock, pace_clock=pace_clock, admin_ids=str(ADMIN_ID)
    )
    await bot.start()
    try:
        yield bot
    finally:
        await bot.stop()
    # Whatever the test did, the bot itself must never have sent Telegram a bad request.
    assert fake.client_errors() == [], fake.client_errors()
