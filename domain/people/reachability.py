"""Whether a person can be written to: Telegram tells the bot at once when someone blocks it
or unblocks it (a ``my_chat_member`` update), so nothing waits for a 403 to find out.

Blocking records the moment and gives up every message still waiting for them (recorded
unreachable, so figures show it at once, and Telegram is not asked). Unblocking clears it,
and each feature queues again, once, what is still worth their while.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from domain.people.model import Person
from domain.ports import AuditEntry, Redeliver, UnitOfWork

BLOCKED_REASON = "blocked"


async def blocked(uow: UnitOfWork, *, telegram_id: int, now: datetime) -> Person | None:
    """The person blocked the bot. Returns them (None: nobody we know)."""
    person = await uow.people.by_telegram_id(telegram_id)
    if person is None or person.blocked_at is not None:
        return person
    await uow.people.set_blocked(person.id, now)
    given_up = await uow.outbox.give_up_for(person.id, reason=BLOCKED_REASON, at=now)
    await uow.audit.record(
        AuditEntry(person.id, "person.block", "person", person.id, now, {"given_up": given_up})
    )
    return await uow.people.get(person.id)


async def unblocked(
    uow: UnitOfWork, *, telegram_id: int, now: datetime, redeliveries: Sequence[Redeliver]
) -> int:
    """The person unblocked the bot: they can be written to again, and what is still
    relevant is queued again, once. Returns how many messages were queued."""
    person = await uow.people.by_telegram_id(telegram_id)
    if person is None or person.blocked_at is None:
        return 0
    await uow.people.set_blocked(person.id, None)
    back = await uow.people.get(person.id)
    assert back is not None
    queued = 0
    if back.active:
        for redeliver in redeliveries:
            queued += await redeliver(uow, back, now)
    await uow.audit.record(
        AuditEntry(person.id, "person.unblock", "person", person.id, now, {"queued": queued})
    )
    return queued
