"""Periodic sweeps: the database decides what is due, a sweep turns it into outbox rows.

A sweep is a domain step (:class:`domain.ports.Sweep`) that looks at the database with the
clock's "now" and enqueues whatever has come due — feedback prompts after a launch, reminders
about unanswered questions, and the like. Enqueueing is idempotent, so a sweep may run any
number of times and after any restart, and each message is still queued once; the broadcast
engine then sends it. Each sweep runs in its own transaction, and one that fails is logged
and does not keep the others from running.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from domain.clock import Clock
from domain.ports import Sweep, UnitOfWorkFactory

log = logging.getLogger(__name__)


class Sweeper:
    """The application's sweeps, in the order they were given."""

    def __init__(
        self,
        sweeps: Sequence[Sweep],
        *,
        uow: UnitOfWorkFactory,
        clock: Clock,
        after: Callable[[], None] = lambda: None,
    ) -> None:
        names = [sweep.name for sweep in sweeps]
        if len(set(names)) != len(names):
            raise ValueError(f"sweep names repeat: {names}")
        self._sweeps = tuple(sweeps)
        self._uow = uow
        self._clock = clock
        self._after = after

    @property
    def names(self) -> list[str]:
        return [sweep.name for sweep in self._sweeps]

    async def run(self) -> None:
        """Run every sweep once, then call ``after`` (the outbox's wake-up)."""
        for sweep in self._sweeps:
            try:
                async with self._uow() as uow:
                    await sweep.run(uow, self._clock.now())
            except Exception:
                log.exception("Sweep %s failed", sweep.name)
        self._after()
