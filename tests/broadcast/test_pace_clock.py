"""The pace clocks: real time, and the virtual one the feature tests share with the fake."""

from __future__ import annotations

import asyncio
import time

import pytest

from broadcast import RealPaceClock
from tests.support.pace_clock import VirtualPaceClock


async def test_the_real_clock_waits_in_real_time() -> None:
    clock = RealPaceClock()
    event = asyncio.Event()
    started = clock.monotonic()
    assert await clock.wait(event, 0.05) is False
    assert clock.monotonic() - started >= 0.05
    asyncio.get_running_loop().call_later(0.01, event.set)
    assert await clock.wait(event, 10) is True
    with clock.in_flight():
        await clock.sleep(0.01)
    assert clock.monotonic() - started >= 0.06


async def test_virtual_waits_take_no_real_time() -> None:
    clock = VirtualPaceClock()
    started, real = clock.monotonic(), time.monotonic()
    await clock.sleep(3600)
    assert clock.monotonic() - started >= 3600
    assert await clock.wait(asyncio.Event(), 60) is False
    assert clock.monotonic() - started >= 3660
    assert time.monotonic() - real < 1.0


async def test_the_earliest_deadline_comes_first() -> None:
    clock = VirtualPaceClock()
    start = clock.monotonic()
    woke: list[tuple[str, float]] = []

    async def sleeper(name: str, seconds: float) -> None:
        await clock.sleep(seconds)
        woke.append((name, clock.monotonic() - start))

    await asyncio.gather(sleeper("late", 2.0), sleeper("early", 1.0))
    assert [name for name, _ in woke] == ["early", "late"]
    assert 1.0 <= woke[0][1] < 1.5
    assert woke[1][1] >= 2.0


async def test_an_event_ends_a_virtual_wait_without_moving_time_to_its_deadline() -> None:
    clock = VirtualPaceClock()
    event = asyncio.Event()
    start = clock.monotonic()
    asyncio.get_running_loop().call_soon(event.set)
    assert await clock.wait(event, 3600) is True
    assert clock.monotonic() - start < 1.0


async def test_time_stands_still_while_a_request_is_in_flight() -> None:
    clock = VirtualPaceClock()
    sleeping = asyncio.create_task(clock.sleep(10))
    with clock.in_flight():
        frozen = clock.monotonic()
        await asyncio.sleep(0.05)  # the request takes real time...
        assert clock.monotonic() == frozen  # ...and no pacing time
        assert not sleeping.done()  # nor does the clock jump meanwhile
    assert clock.monotonic() - frozen < 0.05
    await sleeping
    assert clock.monotonic() - frozen >= 10


async def test_a_cancelled_sleeper_holds_nobody_up() -> None:
    clock = VirtualPaceClock()
    start = clock.monotonic()
    doomed = asyncio.create_task(clock.sleep(1.0))
    await asyncio.sleep(0)
    doomed.cancel()
    await clock.sleep(5.0)
    assert clock.monotonic() - start >= 5.0
    with pytest.raises(asyncio.CancelledError):
        await doomed


async def test_time_goes_on_with_real_time_between_pacing_waits() -> None:
    clock = VirtualPaceClock()
    start = clock.monotonic()
    await asyncio.sleep(0.05)  # a restart, database work: real time
    assert clock.monotonic() - start >= 0.05
