"""When a campaign goes out and how its reminders follow: the schedule (right away, one moment
for everyone, or a date and a wall-clock time in each recipient's own zone), the "N days
before launch at 10:00 local" choices, and the rules and presets of the reminder ladder. These
are plain values; the moment each of a campaign's messages reaches each person is worked out
from them in :mod:`domain.campaigns.timing`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum

from domain.people.model import Person
from domain.timezones import at_local, to_local

# Scheduled messages reach people at a sensible local hour unless told otherwise.
DEFAULT_LOCAL_TIME = time(10, 0)
# "N days before launch at 10:00 local": the schedule offers these.
DAYS_BEFORE = (7, 3, 1)


class ScheduleMode(StrEnum):
    NOW = "now"
    AT = "at"  # one moment, entered in the marketer's zone
    LOCAL = "local"  # a date and a wall-clock time in each recipient's own zone


@dataclass(frozen=True, slots=True)
class Schedule:
    mode: ScheduleMode
    at: datetime | None = None  # AT: the UTC moment
    day: date | None = None  # LOCAL: the calendar day
    local_time: time | None = None  # LOCAL: the wall-clock time

    def to_json(self) -> dict[str, str]:
        data = {"mode": self.mode.value}
        if self.at is not None:
            data["at"] = self.at.isoformat()
        if self.day is not None:
            data["day"] = self.day.isoformat()
        if self.local_time is not None:
            data["local_time"] = self.local_time.strftime("%H:%M")
        return data

    @classmethod
    def from_json(cls, data: dict[str, str] | None) -> Schedule | None:
        if not data:
            return None
        return cls(
            mode=ScheduleMode(data["mode"]),
            at=datetime.fromisoformat(data["at"]) if "at" in data else None,
            day=date.fromisoformat(data["day"]) if "day" in data else None,
            local_time=time.fromisoformat(data["local_time"]) if "local_time" in data else None,
        )

    def moment_for(self, person: Person, *, now: datetime) -> datetime:
        """When this person should get the message, before quiet hours are applied."""
        if self.mode is ScheduleMode.NOW:
            return now
        if self.mode is ScheduleMode.AT:
            assert self.at is not None
            return max(self.at, now)
        assert self.day is not None
        assert self.local_time is not None
        return max(at_local(self.day, self.local_time, person.timezone), now)

    def local_day(self, timezone: str) -> date | None:
        """The calendar day it goes out, for someone in ``timezone`` (None: right away)."""
        if self.mode is ScheduleMode.AT:
            assert self.at is not None
            return to_local(self.at, timezone).date()
        return self.day


class ReminderRule(StrEnum):
    AFTER_24H = "after-24h"
    AFTER_48H = "after-48h"
    DAY_BEFORE_LAUNCH = "launch-1d"


REMINDER_PRESETS: dict[str, tuple[ReminderRule, ...]] = {
    "standard": (ReminderRule.AFTER_24H, ReminderRule.DAY_BEFORE_LAUNCH),
    "day": (ReminderRule.AFTER_24H,),
    "intense": (ReminderRule.AFTER_24H, ReminderRule.AFTER_48H, ReminderRule.DAY_BEFORE_LAUNCH),
    "off": (),
}
