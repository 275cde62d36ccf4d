"""Time zones and quiet hours: validation and local-time arithmetic, in one place.

Moments are aware UTC datetimes everywhere; a person's wall-clock time exists only at the
edges (what they type, what they read). The functions here cross that edge both ways, DST
included, so no feature does the arithmetic itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from domain.errors import InvalidInput

# The zones offered as buttons: Russia's eleven zones from west to east, then a few
# where Russian- and English-speaking teams commonly work.
COMMON_ZONES: tuple[str, ...] = (
    "Europe/Kaliningrad",
    "Europe/Moscow",
    "Europe/Samara",
    "Asia/Yekaterinburg",
    "Asia/Omsk",
    "Asia/Novosibirsk",
    "Asia/Irkutsk",
    "Asia/Yakutsk",
    "Asia/Vladivostok",
    "Asia/Magadan",
    "Asia/Kamchatka",
    "Asia/Almaty",
    "Europe/Minsk",
    "Europe/London",
    "UTC",
)


@lru_cache(maxsize=1)
def _zone_names() -> dict[str, str]:
    return {name.lower(): name for name in available_timezones()}


def validate_timezone(raw: str) -> str:
    """Return the canonical IANA name for ``raw`` (case-insensitive) or raise InvalidInput."""
    candidate = raw.strip().replace(" ", "_")
    name = _zone_names().get(candidate.lower())
    if name is None:
        raise InvalidInput("error-timezone-unknown", value=raw.strip())
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise InvalidInput("error-timezone-unknown", value=raw.strip()) from exc
    return name


def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def to_local(moment: datetime, timezone: str) -> datetime:
    return moment.astimezone(ZoneInfo(timezone))


def from_local(wall_clock: datetime, timezone: str) -> datetime:
    """The UTC moment of a naive wall-clock time in ``timezone``. In a DST gap or overlap
    Python's ``fold=0`` rule picks the earlier reading, as calendar apps do."""
    return wall_clock.replace(tzinfo=ZoneInfo(timezone)).astimezone(UTC)


def at_local(day: date, at: time, timezone: str) -> datetime:
    """The UTC moment of ``day`` at ``at`` o'clock in ``timezone``."""
    return from_local(datetime.combine(day, at), timezone)


def local_today(now: datetime, timezone: str) -> date:
    """The calendar date it is in ``timezone`` at ``now``."""
    return to_local(now, timezone).date()


def days_until(day: date, now: datetime, timezone: str) -> int:
    """Whole calendar days from today in ``timezone`` to ``day`` (0 today, negative past)."""
    return (day - local_today(now, timezone)).days


def in_days_at(now: datetime, timezone: str, days: int, at: time) -> datetime:
    """``days`` calendar days from today in ``timezone``, at ``at`` o'clock there (UTC)."""
    return at_local(local_today(now, timezone) + timedelta(days=days), at, timezone)


def utc_offset_label(timezone: str, at: datetime) -> str:
    """``UTC+3`` / ``UTC+5:30`` for the zone at the given moment."""
    offset = to_local(at, timezone).utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


_QUIET_RE = re.compile(r"^\s*(\d{1,2})(?::(\d{2}))?\s*[-–—]\s*(\d{1,2})(?::(\d{2}))?\s*$")


@dataclass(frozen=True, slots=True)
class QuietHours:
    """A daily local-time window in which a person gets no scheduled messages.

    ``start`` may be after ``end``: 22:00–08:00 spans midnight.
    """

    start: time
    end: time

    def __post_init__(self) -> None:
        if self.start == self.end:
            raise InvalidInput("error-quiet-hours-empty")

    @classmethod
    def parse(cls, raw: str) -> QuietHours:
        """Parse ``22:00-08:00`` (also ``22-8``, en/em dashes)."""
        match = _QUIET_RE.match(raw)
        if not match:
            raise InvalidInput("error-quiet-hours-format", value=raw.strip())
        h1, m1, h2, m2 = match.groups()
        try:
            start = time(int(h1), int(m1 or 0))
            end = time(int(h2), int(m2 or 0))
        except ValueError as exc:
            raise InvalidInput("error-quiet-hours-format", value=raw.strip()) from exc
        return cls(start, end)

    @classmethod
    def from_storage(cls, raw: str | None) -> QuietHours | None:
        return cls.parse(raw) if raw else None

    def to_storage(self) -> str:
        return str(self)

    def __str__(self) -> str:
        return f"{self.start:%H:%M}–{self.end:%H:%M}"

    def contains(self, local: time) -> bool:
        local = local.replace(second=0, microsecond=0, tzinfo=None)
        if self.start < self.end:
            return self.start <= local < self.end
        return local >= self.start or local < self.end

    def next_allowed(self, moment: datetime, timezone: str) -> datetime:
        """``moment`` if it is outside the window, else the moment the window ends (same tz)."""
        local = to_local(moment, timezone)
        if not self.contains(local.time()):
            return moment
        end_today = local.replace(
            hour=self.end.hour, minute=self.end.minute, second=0, microsecond=0
        )
        if end_today <= local:
            end_today = (local + timedelta(days=1)).replace(
                hour=self.end.hour, minute=self.end.minute, second=0, microsecond=0
            )
        # Re-localise after the date change so a DST switch gives the right wall time.
        naive = end_today.replace(tzinfo=None)
        return naive.replace(tzinfo=ZoneInfo(timezone)).astimezone(moment.tzinfo)

    def last_allowed_before(self, moment: datetime, timezone: str) -> datetime:
        """``moment`` if it is outside the window, else the last minute before the window
        began (a reminder that must not wait until morning goes out the evening before)."""
        local = to_local(moment, timezone)
        if not self.contains(local.time()):
            return moment
        day = local.date()
        if self.start > self.end and local.time().replace(tzinfo=None) < self.start:
            day -= timedelta(days=1)  # after midnight in a window that began the day before
        began = at_local(day, self.start, timezone)
        return (began - timedelta(minutes=1)).astimezone(moment.tzinfo)
