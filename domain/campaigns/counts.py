"""The FAQ button under each announcement says how many questions wait for an answer ("📖 FAQ
· ❓ 3"), so a rep sees that others asked before asking the same. When a question is asked or
answered, every announcement of the campaign is redrawn — once per window of a few minutes,
however many questions come and go in it: the rows of one window share a batch, so queueing
them again changes nothing, and each shows the count as it is when it goes out."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from domain.campaigns import access
from domain.campaigns.kinds import COUNTS_PREFIX, REFRESH
from domain.ports import Outgoing, UnitOfWork

WINDOW = timedelta(minutes=10)
_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


def window_of(now: datetime) -> tuple[str, datetime]:
    """The batch of the window ``now`` falls in, and when that window ends."""
    number = (now - _EPOCH) // WINDOW
    return f"{COUNTS_PREFIX}{number}", _EPOCH + (number + 1) * WINDOW


def is_count_batch(batch: str) -> bool:
    return batch.startswith(COUNTS_PREFIX)


async def questions_changed(uow: UnitOfWork, campaign_id: int, now: datetime) -> int:
    """A question of the campaign was asked or closed: every announcement's FAQ button is
    redrawn at the end of this window. Returns how many rows were new."""
    batch, due = window_of(now)
    people = await uow.people.many(await access.received_by(uow, campaign_id))
    items = [Outgoing(p.id, p.telegram_id, due) for p in people if p.active]
    return await uow.outbox.enqueue(REFRESH, campaign_id, batch, items)
