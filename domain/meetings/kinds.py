"""The outbox kinds meetings send. The ref id is the meeting's id, except for the action
item kinds (``ACTION_*``), whose ref id is the item's."""

from __future__ import annotations

POLL = "meeting.poll"  # batch "poll": the slot poll, to every participant
POLL_REPORT = "meeting.poll_report"  # batch "poll-closed": the organiser hears the outcome
INVITE = "meeting.invite"  # batch "invite": the invitation with its calendar file
CHANGE = "meeting.change"  # batches "change:<sequence>": a change or the cancellation
REFRESH = "meeting.refresh"  # batches "refresh:<sequence>": the invitation edited in place
REMIND = "meeting.remind"  # batches "remind:<minutes>:<start>": a reminder before the start
MINUTES = "meeting.minutes"  # batch "minutes": decisions and action items, to participants
ACTION = "meeting.action"  # batch "assigned": an owner gets their item with ✅ Done
ACTION_DUE = "meeting.action_due"  # batch "due": 10:00 local on the due date
ACTION_OVERDUE = "meeting.action_overdue"  # batch "overdue": the organiser is told

INVITE_BATCH = "invite"
POLL_BATCH = "poll"


def change_batch(sequence: int, what: str, *, future: bool = False) -> str:
    """``change:<sequence>:<what>[:future]``: what changed (time, place, agenda, cancel), and
    whether it applies to this occurrence and every later one of its series."""
    return f"change:{sequence}:{what}" + (":future" if future else "")


def parse_change_batch(batch: str) -> tuple[int, str, bool] | None:
    parts = batch.split(":")
    if len(parts) not in (3, 4) or parts[0] != "change" or not parts[1].isdigit():
        return None
    return int(parts[1]), parts[2], len(parts) == 4 and parts[3] == "future"


def refresh_batch(sequence: int) -> str:
    return f"refresh:{sequence}"


def remind_batch(minutes: int, starts_at_key: str) -> str:
    return f"remind:{minutes}:{starts_at_key}"
