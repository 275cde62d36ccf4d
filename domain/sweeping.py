"""One item at a time: how a sweep keeps one bad row from stopping every other.

A sweep looks at many things each minute (every announced campaign, every open question). If
one of them cannot be handled — a date that overflows, a campaign gone from under a question —
that item is rolled back to where it was and logged, and the sweep goes on with the others:
the next run tries it again.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable
from typing import TypeVar

from domain.ports import UnitOfWork

log = logging.getLogger(__name__)
T = TypeVar("T")


async def each(
    uow: UnitOfWork,
    sweep: str,
    items: Iterable[T],
    step: Callable[[T], Awaitable[int]],
    *,
    describe: Callable[[T], str],
) -> int:
    """``step`` for every item, each in a savepoint of ``uow``; the sum of what they return.
    An item whose step raises is undone and logged (with ``describe(item)``), and skipped."""
    done = 0
    for item in items:
        try:
            async with uow.savepoint():
                done += await step(item)
        except Exception:
            log.exception(
                "Sweep %s: %s failed and was skipped; the others go on", sweep, describe(item)
            )
    return done
