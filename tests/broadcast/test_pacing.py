"""The Pacer on a pace clock: evenly spaced slots, per-chat spacing, pauses, replies first."""

from __future__ import annotations

import asyncio
import itertools
import time

import pytest
from telegram.error import NetworkError

from broadcast import PacedRateLimiter, Pacer, RealPaceClock
from broadcast.pacing import _sends_in
from tests.support.pace_clock import VirtualPaceClock


@pytest.mark.parametrize(
    ("endpoint", "data", "sends"),
    [
        ("sendMessage", {"chat_id": 1}, 1),
        ("sendPhoto", {"chat_id": 1}, 1),
        ("sendMediaGroup", {"media": [1, 2, 3]}, 3),
        ("copyMessages", {"message_ids": [1, 2]}, 2),
        ("forwardMessage", {}, 1),
        ("sendChatAction", {"chat_id": 1}, 0),
        ("editMessageText", {"chat_id": 1}, 0),
        ("answerCallbackQuery", {}, 0),
        ("getUpdates", {}, 0),
    ],
)
def test_what_counts_as_a_message(endpoint: str, data: dict[str, object], sends: int) -> None:
    assert _sends_in(endpoint, data) == sends


async def test_slots_are_evenly_spaced_and_cost_no_real_time_on_a_virtual_clock() -> None:
    clock = VirtualPaceClock()
    pacer = Pacer(10.0, clock=clock)
    started = time.monotonic()
    moments = []
    for _ in range(30):
        await pacer.turn()
        moments.append(clock.monotonic())
    assert time.monotonic() - started < 1.0  # three seconds of pacing
    # As on real time, a send that wakes a little late keeps its slot (TokenBucket.catch_up).
    slack = pacer.bucket.catch_up
    assert min(b - a for a, b in itertools.pairwise(moments)) >= 0.1 - slack
    assert moments[-1] - moments[0] >= 2.9 - slack


async def test_a_pause_holds_broadcasts_but_not_replies() -> None:
    clock = VirtualPaceClock()
    pacer = Pacer(10.0, clock=clock)
    await pacer.turn()
    paused_at = clock.monotonic()
    pacer.pause(5.0)
    await pacer.turn(priority=True)
    assert clock.monotonic() - paused_at < 1.0
    await pacer.turn()
    assert clock.monotonic() - paused_at >= 5.0


async def test_a_chat_is_free_again_after_its_interval() -> None:
    clock = VirtualPaceClock()
    pacer = Pacer(10.0, clock=clock, private_interval=1.0, group_interval=3.0)
    now = clock.monotonic()
    assert pacer.chat_free_at(42) <= now
    pacer.note_chat(42)
    pacer.note_chat(-100)
    assert pacer.chat_free_at(42) == pytest.approx(now + 1.0, abs=0.01)
    assert pacer.chat_free_at(-100) == pytest.approx(now + 3.0, abs=0.01)


async def test_a_waiting_reply_goes_first_on_a_virtual_clock() -> None:
    clock = VirtualPaceClock()
    pacer = Pacer(20.0, clock=clock)  # a slot every 50 ms
    order: list[str] = []

    async def broadcast(n: int) -> None:
        await pacer.turn()
        order.append(f"broadcast {n}")

    async def reply() -> None:
        await pacer.turn(priority=True)
        order.append("reply")

    senders = [asyncio.create_task(broadcast(n)) for n in range(6)]
    await clock.sleep(0.06)  # two broadcast sends have gone, four are waiting
    assert len(order) == 2
    await asyncio.gather(reply(), *senders)
    assert order.index("reply") <= 3
    assert len(order) == 7


async def test_stopping_ends_the_wait_for_a_slot() -> None:
    pacer = Pacer(0.5, clock=RealPaceClock())  # a slot every two seconds
    stop = asyncio.Event()
    assert await pacer.turn(stop=stop)
    pacer.pause(3600)
    waiting = asyncio.create_task(pacer.turn(stop=stop))
    await asyncio.sleep(0.01)
    stop.set()
    assert await asyncio.wait_for(waiting, 1.0) is False


async def test_replies_are_budgeted_by_the_pacer_alone() -> None:
    """Only the Pacer paces the interactive bot: no second, real-time budget holds it up."""
    clock = VirtualPaceClock()
    limiter = PacedRateLimiter(Pacer(29.0, clock=clock))
    seen: list[float] = []

    async def request(*_: object) -> bool:
        seen.append(clock.monotonic())
        return True

    started = time.monotonic()
    for n in range(60):
        await limiter.process_request(request, (), {}, "sendMessage", {"chat_id": n}, None)
        await limiter.process_request(request, (), {}, "editMessageText", {"chat_id": n}, None)
    assert time.monotonic() - started < 1.0  # PTB's own 30/s budget would take two seconds
    sends = seen[::2]
    assert sends[-1] - sends[0] >= 59 / 29 - 0.01  # two seconds of pacing, on the pace clock


async def test_a_reply_is_in_flight_on_the_pace_clock_and_retried_after_a_paced_backoff() -> None:
    clock = VirtualPaceClock()
    limiter = PacedRateLimiter(Pacer(29.0, clock=clock), network_retries=2, backoff=5.0)
    tries: list[float] = []

    async def flaky(*_: object) -> bool:
        at = clock.monotonic()
        await asyncio.sleep(0.01)  # on the wire: real time passes, pacing time does not
        assert clock.monotonic() == at
        tries.append(at)
        if len(tries) == 1:
            raise NetworkError("Bad Gateway")
        return True

    started = time.monotonic()
    assert await limiter.process_request(flaky, (), {}, "sendMessage", {"chat_id": 7}, None)
    assert time.monotonic() - started < 1.0
    assert len(tries) == 2
    assert tries[1] - tries[0] >= 5.0
