"""Pacing time for tests: the bot's pacing waits take no real time.

The bot paces its sends on a ``PaceClock`` (``broadcast/pacing.py``): a slot every 1/29 s, a
second between two messages to one chat, a 429's pause, a retry's backoff. Feature tests
give the bot a ``VirtualPaceClock`` and the fake Bot API server its ``monotonic``, so the bot
does not sleep through those waits and the fake checks Telegram's limits on the same
timeline.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import math
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

# From 2**20 s on (for the next twelve days), whole seconds add and subtract exactly.
START = float(2**20)


@dataclass(order=True, slots=True)
class _Sleeper:
    deadline: float
    order: int
    woken: asyncio.Future[None] = field(compare=False)


class VirtualPaceClock:
    """A ``PaceClock`` on which the bot's pacing waits take no real time.

    Its time is real time with two corrections:

    - ``sleep`` and ``wait`` skip ahead instead of waiting: once whatever else is ready has
      run, the clock jumps to the earliest deadline anybody waits for and wakes whoever waits
      for it, the others in turn (as a discrete-event simulation does);
    - time stands still while a request that took a send slot is on its way to the server
      (``in_flight``), and does not jump then either: the fake server, reading the same
      ``monotonic``, sees every message at the moment of its slot, so the limits it enforces
      hold exactly as the bot paced them and this clock causes no 429.

    Everything else takes its real time, as it would in production: a restart, the bot's
    database work, PTB's own wait after a 429 on a reply.
    """

    def __init__(self) -> None:
        self._origin = time.monotonic()
        self._offset = START  # monotonic() = real time since _origin + _offset
        self._sleepers: list[_Sleeper] = []
        self._order = itertools.count()
        self._in_flight = 0
        self._frozen_at = 0.0  # monotonic() while requests are in flight
        self._landed = asyncio.Event()  # set while no request is in flight
        self._landed.set()
        self._mover: asyncio.Task[None] | None = None

    def monotonic(self) -> float:
        if self._in_flight:
            return self._frozen_at
        return time.monotonic() - self._origin + self._offset

    async def sleep(self, seconds: float) -> None:
        if seconds <= 0:
            await asyncio.sleep(0)
            return
        await self._until(self._after(seconds))

    async def wait(self, event: asyncio.Event, seconds: float) -> bool:
        if event.is_set():
            return True
        if seconds <= 0:
            await asyncio.sleep(0)
            return event.is_set()
        watcher = asyncio.ensure_future(event.wait())
        try:
            await self._until(self._after(seconds), watcher)
        finally:
            watcher.cancel()
        return event.is_set()

    @contextmanager
    def in_flight(self) -> Iterator[None]:
        if not self._in_flight:
            self._frozen_at = self.monotonic()
            self._landed.clear()
        self._in_flight += 1
        try:
            yield
        finally:
            self._in_flight -= 1
            if not self._in_flight:
                # Time goes on from where it stood: the flight took none of it.
                self._offset = self._frozen_at - (time.monotonic() - self._origin)
                self._landed.set()

    def _after(self, seconds: float) -> float:
        now = self.monotonic()
        deadline = now + seconds
        # A wait too short to change a float this large still moves time on, by one step.
        return deadline if deadline > now else math.nextafter(now, math.inf)

    async def _until(self, deadline: float, watcher: asyncio.Future[object] | None = None) -> None:
        """Return at ``deadline`` (by this clock), or as soon as ``watcher`` is done."""
        loop = asyncio.get_running_loop()
        woken: asyncio.Future[None] = loop.create_future()
        heapq.heappush(self._sleepers, _Sleeper(deadline, next(self._order), woken))
        if watcher is not None:

            def wake(_: object) -> None:
                if not woken.done():
                    woken.set_result(None)

            watcher.add_done_callback(wake)
        if self._mover is None or self._mover.done():
            self._mover = loop.create_task(self._move(), name="virtual-pace-clock")
        try:
            # Awaited directly, so that the sleeper runs as soon as the mover wakes it, before
            # the mover looks for the next deadline.
            await woken
        finally:
            woken.cancel()  # nothing once woken; otherwise the mover drops it

    async def _move(self) -> None:
        """Skip ahead while anybody waits; ends when nobody does."""
        while True:
            await asyncio.sleep(0)  # whatever is ready runs first (and may start waiting too)
            if self._in_flight:
                await self._landed.wait()
                continue
            while self._sleepers and self._sleepers[0].woken.done():
                heapq.heappop(self._sleepers)
            if not self._sleepers:
                return
            now = self.monotonic()
            if self._sleepers[0].deadline > now:
                self._offset += self._sleepers[0].deadline - now
                now = self._sleepers[0].deadline
            while self._sleepers and self._sleepers[0].deadline <= now:
                sleeper = heapq.heappop(self._sleepers)
                if not sleeper.woken.done():
                    sleeper.woken.set_result(None)
