"""The outbox kinds of briefing requests: the request itself and the reminders after it."""

from __future__ import annotations

ASK = "briefing.ask"
ASK_BATCH = "ask"
REMIND = "briefing.remind"
CLOSE = "briefing.close"  # batch "close", at the deadline: each request loses its buttons
CLOSE_BATCH = "close"


def reminder_batch(number: int) -> str:
    """The batch of reminder rung ``number`` (1: a day after the request, 2: the day before
    the deadline)."""
    return f"reminder:{number}"
