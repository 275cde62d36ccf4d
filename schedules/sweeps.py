"""Periodic sweeps: the database decides what is due, a sweep turns it into outbox rows.

A sweep is an async function of the :class:`~handlers.context.Services` that looks at the
database (with the injected clock) and enqueues whatever has come due — feedback prompts after
a launch, reminders about unanswered questions, and the like. Enqueueing is idempotent, so a
sweep may run any number of times, on any replica, and after any restart, and each message is
still queued once; the broadcast engine then sends it.

Sweeps run every ``SWEEP_INTERVAL`` seconds from PTB's JobQueue (APScheduler underneath) and
once at start-up; tests call ``services.sweeps.run(services)`` after moving their fake
clock.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from telegram.ext import Application, ContextTypes

if TYPE_CHECKING:
    from handlers.context import Services

log = logging.getLogger(__name__)
SWEEP_INTERVAL = 60.0

Sweep = Callable[["Services"], Awaitable[None]]


class Sweeps:
    """The application's sweeps, in the order they were added."""

    def __init__(self) -> None:
        self._sweeps: list[tuple[str, Sweep]] = []

    def add(self, name: str, sweep: Sweep) -> None:
        if any(existing == name for existing, _ in self._sweeps):
            raise ValueError(f"sweep {name!r} is already registered")
        self._sweeps.append((name, sweep))

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self._sweeps]

    async def run(self, services: Services) -> None:
        """Run every sweep once; a failing sweep is logged and does not stop the others."""
        for name, sweep in self._sweeps:
            try:
                await sweep(services)
            except Exception:
                log.exception("Sweep %s failed", name)
        services.broadcasts.wake()


def register_jobs(app: Application[Any, Any, Any, Any, Any, Any], services: Services) -> None:
    """Arm the sweeps on the JobQueue: soon after start-up, then every SWEEP_INTERVAL."""
    job_queue = app.job_queue
    if job_queue is None:  # pragma: no cover - the job-queue extra is a dependency
        raise RuntimeError("python-telegram-bot[job-queue] is required")

    async def tick(context: ContextTypes.DEFAULT_TYPE) -> None:
        await services.sweeps.run(services)

    job_queue.run_repeating(tick, interval=SWEEP_INTERVAL, first=1.0, name="sweeps")
