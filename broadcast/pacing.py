"""Pacing: the bot's one budget of sends per second, shared by broadcasts and replies.

A ``Pacer`` hands out evenly spaced send slots (a ``TokenBucket`` from ``broadcast/policy.py``)
and remembers when each chat may get its next message. The broadcast engine takes a slot for
every message it sends; ``PacedRateLimiter`` makes the interactive bot take one too, ahead of
any waiting broadcast send, so that together they stay under Telegram's limits.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.ext import AIORateLimiter

from broadcast.policy import GROUP_CHAT_INTERVAL, PRIVATE_CHAT_INTERVAL, TokenBucket, chat_interval

__all__ = ["PacedRateLimiter", "Pacer"]

log = logging.getLogger(__name__)


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
    ) -> None:
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
            now = time.monotonic()
            # Replies do not wait out a broadcast's 429 pause: it may have been about one
            # recipient's chat, and AIORateLimiter waits out any 429 a reply gets itself.
            wait = self.bucket.wait_time(now, honour_pause=not priority)
            if not priority and self._priority_waiting:
                wait += self.bucket.interval / 2  # a reply is waiting: it goes first
            if wait <= 0:
                self.bucket.consume(now)
                return True
            if stop is None:
                await asyncio.sleep(wait)
            else:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), wait)

    def pause(self, seconds: float) -> None:
        self.bucket.pause_until(time.monotonic() + seconds)

    def chat_free_at(self, chat_id: int) -> float:
        """The monotonic moment from which ``chat_id`` may get its next message."""
        return self._chat_free_at.get(chat_id, 0.0)

    def note_chat(self, chat_id: int) -> None:
        """A message to ``chat_id`` is going out now."""
        now = time.monotonic()
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


class PacedRateLimiter(AIORateLimiter):
    """PTB's AIORateLimiter for the interactive bot, drawing on the broadcasts' ``Pacer``:
    every message a handler sends takes a slot (ahead of broadcasts), so replies stay prompt
    and the two together stay under the global limit, and the chat it goes to counts for the
    broadcasts' per-chat spacing.

    Beyond waiting out 429s (AIORateLimiter's ``max_retries``), a reply that fails with a 5xx
    or a connection error is tried again a few times with a short backoff, so a hiccup at
    Telegram does not lose it. A timed-out request is not: Telegram may have delivered it,
    and the same reply twice is worse than the apology the error handler sends instead."""

    def __init__(
        self, pacer: Pacer, *, network_retries: int = 2, backoff: float = 0.5, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self._pacer = pacer
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
        sends = _sends_in(endpoint, data)
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
                await asyncio.sleep(self._backoff * 2 ** (attempt - 1))
