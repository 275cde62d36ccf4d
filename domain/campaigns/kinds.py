"""The outbox kinds campaigns send (the ref id is the campaign's id)."""

from __future__ import annotations

ANNOUNCE = "campaign.announce"  # batch "announce": the announcement, one row per recipient
REMIND = "campaign.remind"  # batches "reminder:<n>": rung n of the ladder, to non-acknowledgers
ESCALATE = "campaign.escalate"  # batch "escalate": team leads hear who has not acknowledged
UPDATE = "campaign.update"  # batches "update:<n>": an update note, to everyone who got it
REFRESH = "campaign.refresh"  # batches "refresh:<n>": each original announcement edited;
# batches "faq:<window>": its buttons redrawn, the FAQ button's count of open questions
CANCEL = "campaign.cancel"  # batches "update:<n>": the cancellation, to everyone who got it
REPORT = "campaign.report"  # the marketer's delivery report when a batch is finished
ANNOUNCE_BATCH = "announce"
ESCALATE_BATCH = "escalate"
REMINDER_PREFIX = "reminder:"
COUNTS_PREFIX = "faq:"


def reminder_batch(number: int) -> str:
    """The batch of rung ``number`` (from 1) of the campaign's reminder ladder."""
    return f"{REMINDER_PREFIX}{number}"


def rung_number(batch: str) -> int | None:
    """The inverse of :func:`reminder_batch` (None for another batch)."""
    number = batch.removeprefix(REMINDER_PREFIX)
    return int(number) if batch.startswith(REMINDER_PREFIX) and number.isdigit() else None
