"""Broadcasts: the outbox engine that sends every due delivery at Telegram's pace.

Infrastructure, not business rules: ``broadcast.engine`` sends the rows of the ``deliveries``
outbox, ``broadcast.pacing`` keeps the bot under Telegram's limits (broadcasts and interactive
replies together), and ``broadcast.policy`` holds the plain rules both follow. It may use
``storage`` and ``domain``; ``handlers``, ``schedules`` and ``bot`` use it, never the reverse.
"""

from broadcast.engine import (
    Attachment,
    BatchDone,
    BroadcastEngine,
    BroadcastStats,
    Delivery,
    OutgoingMessage,
    Renderer,
    Skip,
    StoredFile,
)
from broadcast.pacing import PaceClock, PacedRateLimiter, Pacer, RealPaceClock

__all__ = [
    "Attachment",
    "BatchDone",
    "BroadcastEngine",
    "BroadcastStats",
    "Delivery",
    "OutgoingMessage",
    "PaceClock",
    "PacedRateLimiter",
    "Pacer",
    "RealPaceClock",
    "Renderer",
    "Skip",
    "StoredFile",
]
