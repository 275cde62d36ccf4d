"""Broadcast delivery policy: what a failed send means, when to try again, how fast to go.

Plain arithmetic and rules, no I/O: the broadcast engine (``broadcast/engine.py``) maps
Telegram's exceptions to a ``Failure`` and passes times in, so every rule here is testable
without a server, a clock or sleeping.

Telegram's documented limits for bots: about 30 messages per second overall, about one per
second in a private chat, 20 per minute in a group. A 429 carries ``retry_after``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

GLOBAL_LIMIT_PER_SEC = 30.0
PRIVATE_CHAT_INTERVAL = 1.0
GROUP_CHAT_INTERVAL = 60.0 / 20


class Failure(StrEnum):
    """What the transport reported, independent of the Telegram library."""

    RATE_LIMITED = "rate_limited"  # 429 with retry_after
    FORBIDDEN = "forbidden"  # 403: blocked, never started, deactivated, kicked
    BAD_REQUEST = "bad_request"  # 400
    MIGRATED = "migrated"  # a group became a supergroup: the chat id changed
    NETWORK = "network"  # timeouts, refused connections, 5xx
    OTHER = "other"  # anything else the API answered (401, 404, 409 ...)


class Outcome(StrEnum):
    """What to do with the delivery row."""

    DONE = "done"  # nothing left to do: an edit that changed nothing
    PAUSE = "pause"  # stop all sending for retry_after, then try the row again (no attempt used)
    UNREACHABLE = "unreachable"  # this person cannot be reached: record, report, never retry
    REJECTED = "rejected"  # Telegram refused this message: record the reason, never retry
    RETRY = "retry"  # transient: retry with backoff until the attempts run out


# 400s that mean the chat itself is gone or closed to the bot, not that the message is wrong.
_UNREACHABLE_400 = (
    "chat not found",
    "user not found",
    "user is deactivated",
    "peer_id_invalid",
    "bot was blocked",
    "bot was kicked",
    "not enough rights to send",
    "have no rights to send",
    "need administrator rights",
    "chat_write_forbidden",
    "bot can't initiate conversation",
)
_NOT_MODIFIED = "message is not modified"


def classify(failure: Failure, description: str = "") -> Outcome:
    """Decide what a failed send means for its delivery row."""
    text = description.lower()
    if failure is Failure.RATE_LIMITED:
        return Outcome.PAUSE
    if failure is Failure.FORBIDDEN:
        return Outcome.UNREACHABLE
    if failure is Failure.BAD_REQUEST:
        if _NOT_MODIFIED in text:
            return Outcome.DONE
        if any(marker in text for marker in _UNREACHABLE_400):
            return Outcome.UNREACHABLE
        return Outcome.REJECTED
    if failure is Failure.MIGRATED:
        # The recipient row holds the old id; sending to it again cannot work.
        return Outcome.UNREACHABLE
    return Outcome.RETRY


def backoff(attempt: int, *, base: float = 1.0, cap: float = 300.0, jitter: float = 0.5) -> float:
    """Seconds to wait before retry number ``attempt`` (1 = the first retry).

    Exponential (base, 2·base, 4·base …) up to ``cap``, with "equal jitter": the delay is
    between half and all of that, ``jitter`` (0 ≤ jitter < 1, random in production) picking
    where, so that rows failing together do not retry together.
    """
    if attempt < 1:
        raise ValueError("attempt counts from 1")
    if not 0.0 <= jitter <= 1.0:
        raise ValueError("jitter must be between 0 and 1")
    ceiling = min(cap, base * 2.0 ** min(attempt - 1, 62))
    return ceiling / 2 + ceiling / 2 * jitter


def gives_up(attempts: int, max_attempts: int) -> bool:
    """After ``attempts`` failed tries, is the row failed for good?"""
    return attempts >= max_attempts


def chat_interval(
    chat_id: int, *, private: float = PRIVATE_CHAT_INTERVAL, group: float = GROUP_CHAT_INTERVAL
) -> float:
    """Minimum spacing between two messages to one chat (group and channel ids are negative)."""
    return private if chat_id > 0 else group


@dataclass(slots=True)
class TokenBucket:
    """Evenly spaced sends at ``rate`` per second (GCRA, "virtual scheduling").

    Each send takes the next slot of a schedule whose slots are ``1/rate`` apart: it may go
    when ``wait_time(now)`` is 0 and then calls ``consume(now)``. Unlike a bucket with a
    burst, sends never bunch up after a quiet spell, which is what a limit counted over a
    sliding window (Telegram's ~30 per second) needs. A send that wakes up a little late
    (up to ``catch_up`` seconds) does not push the schedule back, so timer lateness does not
    eat into the rate; ``window_limit`` is the most sends any window can then hold.

    ``pause_until(t)``: nothing goes before ``t`` (a 429 from Telegram). Times are plain
    seconds from any monotonic source.
    """

    rate: float
    catch_up: float = -1.0  # seconds of lateness absorbed; negative: a quarter of a slot
    _next: float = float("-inf")  # the next free slot
    _paused_until: float = float("-inf")

    def __post_init__(self) -> None:
        if self.rate <= 0:
            raise ValueError("rate must be positive")
        if self.catch_up < 0:
            self.catch_up = self.interval / 4

    @property
    def interval(self) -> float:
        return 1.0 / self.rate

    def wait_time(self, now: float, *, honour_pause: bool = True) -> float:
        """Seconds until the next send may go (0: now). ``honour_pause=False`` for sends that
        have their own way of handling a 429 (interactive replies)."""
        pause = self._paused_until - now if honour_pause else 0.0
        return max(0.0, self._next - now, pause)

    def consume(self, now: float) -> None:
        """Take the next slot (also for a send made without waiting: it pushes later ones)."""
        # A sender that woke a little late keeps its slot; after a quiet spell, start afresh.
        start = self._next if now - self._next <= self.catch_up else now
        self._next = max(start, self._paused_until) + self.interval

    def pause_until(self, moment: float) -> None:
        """Nothing may be sent before ``moment``; afterwards sends resume one slot at a time."""
        self._paused_until = max(self._paused_until, moment)

    def paused(self, now: float) -> float:
        """Seconds left of the current pause (0 if none)."""
        return max(0.0, self._paused_until - now)

    def window_limit(self, window: float = 1.0) -> int:
        """The most sends that can fall in any ``window`` seconds when every send waits for
        its slot: consecutive sends are at least ``interval - catch_up`` apart and n sends
        span at least ``(n - 1) * interval - catch_up``."""
        return math.ceil((window + self.catch_up) * self.rate - 1e-9)
