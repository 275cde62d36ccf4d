"""What a held meeting leaves behind, as its minutes record it: decisions, and action items
with an owner and a due date (the owner's local calendar day). An owner hears of their item
at 10:00 their time on the due date, outside their quiet hours; from the next day on it is
overdue, and the organiser is told unless the item has been overdue for over a week."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from domain.people.model import Person
from domain.timezones import at_local

DECISION_MAX = 1000
ACTION_MAX = 500
ACTION_REMIND_AT = time(10, 0)  # an owner is reminded at 10:00 local on the due date
OVERDUE_STALE = timedelta(days=7)  # overdue notices are not sent for items older than this


@dataclass(frozen=True, slots=True)
class Decision:
    id: int
    meeting_id: int
    text: str
    at: datetime


@dataclass(frozen=True, slots=True)
class ActionItem:
    id: int
    meeting_id: int
    text: str
    owner_id: int
    due: date  # the owner's local calendar day
    created_at: datetime
    done_at: datetime | None = None

    @property
    def is_open(self) -> bool:
        return self.done_at is None

    def reminder_moment(self, owner: Person) -> datetime:
        """10:00 on the due date in the owner's zone, out of their quiet hours."""
        moment = at_local(self.due, ACTION_REMIND_AT, owner.timezone)
        if owner.quiet_hours is not None:
            moment = owner.quiet_hours.next_allowed(moment, owner.timezone)
        return moment

    def overdue_moment(self, owner: Person) -> datetime:
        """The start of the day after the due date, in the owner's zone."""
        return at_local(self.due + timedelta(days=1), time(0, 0), owner.timezone)
