"""Pacing: the bot's one budget of sends per second, shared by broadcasts and replies.

A ``Pacer`` hands out evenly spaced send slots (a ``TokenBucket`` from ``broadcast/policy.py``)
and remembers when each chat may get its next message. The broadcast engine takes a slot for
every message it sends; ``PacedRateLimiter`` makes the interactive bot take one too, ahead of
any waiting broadcast send, so that together they stay under Telegram's limits.

Pacing keeps its own time, a ``PaceClock``: real monotonic time (``RealPaceClock``) unless
one is injected. Tests inject a virtual one, so that waiting out Telegram's limits (a second
between two messages to one chat, a 429's pause, a retry's backoff) takes no real time. The
business ``Clock`` that makes deliveries due is a different clock.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import warnings
from collections.abc import Callable, Coroutine
from contextlib import AbstractContextManager
from datetime import timedelta
from typing import Any, Protocol

from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.ext import AIORateLimiter
from telegram.warnings import PTBDeprecationWarning

from broadcast.policy import GROUP_CHAT_INTERVAL, PRIVATE_CHAT_INTERVAL, TokenBucket, chat_interval

__all__ = ["PaceClock", "PacedRateLimiter", "Pacer", "RealPaceClock", "wait_event"]

log = logging.getLogger(__name__)


class PaceClock(Protocol):
    """The time pacing runs on: send slots, per-chat spacing, 429 pauses, retry backoff.

    Only pacing: waiting for new work (until woken, or until the business clock makes the
    next row due) is real waiting whatever the pace clock is.
    """

    def monotonic(self) -> float:
        """Seconds from an arbitrary origin; never goes back."""
        ...

    async def sleep(self, seconds: float) -> None:
        """Let ``seconds`` of pacing time pass."""
        ...

    async def wait(self, event: asyncio.Event, seconds: float) -> bool:
        """Wait until ``event`` is set, for at most ``seconds`` of pacing time; True if set."""
        ...

    def in_flight(self) -> AbstractContextManager[object]:
        """Held around a request that took a send slot, while it is on its way to Telegram.

        Real time goes on regardless; a virtual clock stands still meanwhile, so that the
        message reaches (a fake) Telegram at the very moment of its slot."""
        ...


class RealPaceClock:
    """Pacing on real time: ``time.monotonic`` and ``asyncio.sleep``."""

    def monotonic(self) -> float:
        return time.monotonic()

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(max(0.0, seconds))

    async def wait(self, event: asyncio.Event, seconds: float) -> bool:
        return await wait_event(event, seconds)

    def in_flight(self) -> AbstractContextManager[object]:
        return contextlib.nullcontext()


async def wait_event(event: asyncio.Event, seconds: float) -> bool:
    """Wait in real time until ``event`` is set, for at most ``seconds``; True if it is set."""
    if not event.is_set() and seconds > 0:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(event.wait(), seconds)
    return event.is_set()


class Pacer:
    """The bot's one budget of sends per second, with per-chat spacing.

    Broadcasts and interactive replies (through ``PacedRateLimiter``) both draw on it, so
    together they stay under Telegram's global limit, and a waiting reply takes the next slot
    before any broadcast does. A 429 on a broadcast send pauses broadcasts; replies go on
    (AIORateLimiter waits out any 429 a reply gets itself).
    """

    def __init__(
        self,
        rate_per_sec: float,
        *,
        private_interval: float = PRIVATE_CHAT_INTERVAL,
        group_interval: float = GROUP_CHAT_INTERVAL,
        clock: PaceClock | None = None,
    ) -> None:
        self.clock: PaceClock = clock or RealPaceClock()
        self.bucket = TokenBucket(rate_per_sec)
        self._private_interval = private_interval
        self._group_interval = group_interval
        self._chat_free_at: dict[int, float] = {}
        self._priority_waiting = 0
        self._queue = asyncio.Lock()  # FIFO: broadcast sends take slots in the order they ask

    async def turn(self, *, priority: bool = False, stop: asyncio.Event | None = None) -> bool:
        """Wait for the next send slot and take it; False if ``stop`` was set first.

        Broadcast sends queue up first come, first served (only the head of the queue watches
        the clock); a priority send skips the queue and the head lets it go first."""
        if priority:
            self._priority_waiting += 1
            try:
                return await self._wait_for_slot(priority=True, stop=stop)
            finally:
                self._priority_waiting -= 1
        async with self._queue:
            return await self._wait_for_slot(priority=False, stop=stop)

    async def _wait_for_slot(self, *, priority: bool, stop: asyncio.Event | None) -> bool:
        while True:
            if stop is not None and stop.is_set():
                return False
            now = self.clock.monotonic()
            # Replies do not wait out a broadcast's 429 pause: it may have been about one
            # recipient's chat, and AIORateLimiter waits out any 429 a reply gets itself.
            wait = self.bucket.wait_time(now, honour_pause=not priority)
            if not priority and self._priority_waiting:
                wait += self.bucket.interval / 2  # a reply is waiting: it goes first
            if wait <= 0:
                self.bucket.consume(now)
                return True
            if stop is None:
                await self.clock.sleep(wait)
            else:
                await self.clock.wait(stop, wait)

    def pause(self, seconds: float) -> None:
        self.bucket.pause_until(self.clock.monotonic() + seconds)

    def chat_free_at(self, chat_id: int) -> float:
        """The moment (by ``clock``) from which ``chat_id`` may get its next message."""
        return self._chat_free_at.get(chat_id, 0.0)

    def note_chat(self, chat_id: int) -> None:
        """A message to ``chat_id`` is going out now."""
        now = self.clock.monotonic()
        interval = chat_interval(
            chat_id, private=self._private_interval, group=self._group_interval
        )
        self._chat_free_at[chat_id] = max(self.chat_free_at(chat_id), now + interval)
        if len(self._chat_free_at) > 10_000:
            self._chat_free_at = {c: t for c, t in self._chat_free_at.items() if t > now}


def _sends_in(endpoint: str, data: dict[str, Any]) -> int:
    """How many messages a Bot API call sends (what Telegram's limits count)."""
    if endpoint == "sendMediaGroup":
        media = data.get("media")
        return len(media) if isinstance(media, list) else 1
    if endpoint in ("copyMessages", "forwardMessages"):
        ids = data.get("message_ids")
        return len(ids) if isinstance(ids, list) else 1
    if endpoint in ("copyMessage", "forwardMessage"):
        return 1
    return 1 if endpoint.startswith("send") and endpoint != "sendChatAction" else 0


def retry_after_seconds(error: RetryAfter) -> float:
    with warnings.catch_warnings():
        # PTB 22 warns that retry_after becomes a timedelta; accept either.
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = error.retry_after
    if isinstance(value, timedelta):
        return value.total_seconds()
    return float(value)


# Edits of messages already in a chat: they count against Telegram's limits like a send, but
# nobody waits for them the way they wait for a reply, so they take their slot behind replies.
EDITS = frozenset(
    {"editMessageText", "editMessageReplyMarkup", "editMessageCaption", "editMessageMedia"}
)


class PacedRateLimiter(AIORateLimiter):
    """PTB's AIORateLimiter for the interactive bot, drawing on the broadcasts' ``Pacer``:
    every message a handler sends takes a slot (ahead of broadcasts), so replies stay prompt
    and the two together stay under the global limit, and the chat it goes to counts for the
    broadcasts' per-chat spacing. An edit takes a slot too, queued with the broadcasts
    (behind replies); answering a callback query takes none (Telegram does not count it).
    The ``Pacer`` is the bot's one budget of messages per second, kept on its pace clock:
    AIORateLimiter's own overall budget (a second one, in real time, for any request to a
    chat) is off unless ``overall_max_rate`` is passed.

    Beyond waiting out 429s (AIORateLimiter's ``max_retries``; its per-group limit stays), a
    reply that fails with a 5xx or a connection error is tried again a few times with a short
    backoff on the pace clock, so a hiccup at Telegram does not lose it. A timed-out request
    is not: Telegram may have delivered it, and the same reply twice is worse than the apology
    the error handler sends instead."""

    def __init__(
        self, pacer: Pacer, *, network_retries: int = 2, backoff: float = 0.5, **kwargs: Any
    ) -> None:
        kwargs.setdefault("overall_max_rate", 0)
        super().__init__(**kwargs)
        self._pacer = pacer
        self._edit_retries = 3
        self._network_retries = network_retries
        self._backoff = backoff

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        if endpoint in EDITS:
            return await self._edit(self._in_flight(callback), args, kwargs, endpoint)
        sends = _sends_in(endpoint, data)
        if sends:
            callback = self._in_flight(callback)
        attempt = 0
        while True:
            for _ in range(sends):
                await self._pacer.turn(priority=True)
            chat_id = data.get("chat_id")
            if sends and isinstance(chat_id, int):
                self._pacer.note_chat(chat_id)
            # A 429 here is left to AIORateLimiter and does not pause broadcasts: on a reply
            # it is most likely the person's own chat flooding; if the bot as a whole were
            # over the limit, the broadcast's next send would get its own 429 and pause.
            try:
                return await super().process_request(
                    callback, args, kwargs, endpoint, data, rate_limit_args
                )
            except (BadRequest, Forbidden, TimedOut, RetryAfter):
                raise
            except NetworkError as error:
                if attempt >= self._network_retries:
                    raise
                attempt += 1
                log.warning("%s failed (%s); retry %d", endpoint, error, attempt)
                await self._pacer.clock.sleep(self._backoff * 2 ** (attempt - 1))

    async def _edit(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        """An edit waits its turn behind replies, like a broadcast. Its 429 pauses the edits
        and broadcasts only, not AIORateLimiter as a whole: a flood of redrawn screens must
        never hold up the answer to the next press."""
        for attempt in range(1, self._edit_retries + 2):
            await self._pacer.turn(priority=False)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as error:
                self._pacer.pause(retry_after_seconds(error))
                if attempt > self._edit_retries:
                    raise
                log.info("%s rate limited; tried again after the pause", endpoint)
        raise AssertionError("unreachable")

    def _in_flight(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
    ) -> Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]]:
        """The request itself (each try of it), held as in flight on the pace clock."""
        clock = self._pacer.clock

        async def request(
            *args: Any, **kwargs: Any
        ) -> bool | dict[str, Any] | list[dict[str, Any]]:
            with clock.in_flight():
                return await callback(*args, **kwargs)

        return request
