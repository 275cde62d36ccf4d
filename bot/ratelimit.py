"""PTB's AIORateLimiter, plus retries of transient network failures for interactive replies."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import BadRequest, Forbidden, InvalidToken, NetworkError, TimedOut
from telegram.ext import AIORateLimiter

log = logging.getLogger(__name__)
JSONDict = dict[str, Any]


class RetryingRateLimiter(AIORateLimiter):
    """Waits out 429s like AIORateLimiter, and also retries 5xx and connection errors a few
    times with a short backoff, so a hiccup at Telegram does not lose a reply.

    A timed-out request is not retried: Telegram may have delivered it, and a person seeing
    the same reply twice is worse than the apology the error handler sends instead.
    """

    def __init__(self, *, network_retries: int = 2, backoff: float = 0.5, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._network_retries = network_retries
        self._backoff = backoff

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | JSONDict | list[JSONDict]:
        attempt = 0
        while True:
            try:
                return await super().process_request(
                    callback, args, kwargs, endpoint, data, rate_limit_args
                )
            except (BadRequest, Forbidden, InvalidToken, TimedOut):
                raise
            except NetworkError as error:
                if attempt >= self._network_retries:
                    raise
                attempt += 1
                log.warning("%s failed (%s); retry %d", endpoint, error, attempt)
                await asyncio.sleep(self._backoff * 2 ** (attempt - 1))
