"""The KPIs' periods as the reader sees them: this week, last week, the last 30 days, this
quarter, each a half-open UTC :class:`Window` that starts and ends at midnight in the reader's
zone, with the period before it (what every figure is compared with) and the recent weeks of
the trend chart.

Everything here is pure: a window is computed from ``now`` and a zone, never from the clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from domain.timezones import at_local, local_today


class Period(StrEnum):
    THIS_WEEK = "tw"
    LAST_WEEK = "lw"
    DAYS_30 = "30d"
    QUARTER = "q"


DEFAULT_PERIOD = Period.THIS_WEEK
TREND_WEEKS = 8  # the trend chart's weeks, the current one included


@dataclass(frozen=True, slots=True)
class Window:
    """A half-open span of time [start, end) in UTC, with the local dates it covers."""

    start: datetime
    end: datetime
    first_day: date  # the reader's local date of ``start``
    last_day: date  # the reader's local date of the last day inside

    @property
    def length(self) -> timedelta:
        return self.end - self.start


def _days(first: date, last: date, timezone: str) -> Window:
    start = at_local(first, time(0, 0), timezone)
    end = at_local(last + timedelta(days=1), time(0, 0), timezone)
    return Window(start, end, first, last)


def week_of(day: date, timezone: str) -> Window:
    """Monday 00:00 to the next Monday 00:00 in ``timezone``: the ISO week of ``day``."""
    monday = day - timedelta(days=day.isoweekday() - 1)
    return _days(monday, monday + timedelta(days=6), timezone)


def _quarter_of(day: date) -> tuple[date, date]:
    first_month = 3 * ((day.month - 1) // 3) + 1
    first = date(day.year, first_month, 1)
    nxt = date(day.year + (first_month + 3 > 12), (first_month + 2) % 12 + 1, 1)
    return first, nxt - timedelta(days=1)


def window_of(period: Period, now: datetime, timezone: str) -> Window:
    """The period as the reader sees it from ``now`` in their ``timezone``: this week (Monday
    on), last week, the last 30 days (today included), this quarter."""
    today = local_today(now, timezone)
    if period is Period.THIS_WEEK:
        return week_of(today, timezone)
    if period is Period.LAST_WEEK:
        return week_of(today - timedelta(days=7), timezone)
    if period is Period.DAYS_30:
        return _days(today - timedelta(days=29), today, timezone)
    first, last = _quarter_of(today)
    return _days(first, last, timezone)


def previous(period: Period, window: Window, timezone: str) -> Window:
    """The period before: the week before, the 30 days before, the quarter before."""
    if period in (Period.THIS_WEEK, Period.LAST_WEEK):
        return week_of(window.first_day - timedelta(days=7), timezone)
    if period is Period.DAYS_30:
        return _days(
            window.first_day - timedelta(days=30), window.first_day - timedelta(days=1), timezone
        )
    first, last = _quarter_of(window.first_day - timedelta(days=1))
    return _days(first, last, timezone)


def recent_weeks(now: datetime, timezone: str, count: int = TREND_WEEKS) -> list[Window]:
    """The last ``count`` weeks in the reader's zone, oldest first, this one last."""
    this = week_of(local_today(now, timezone), timezone)
    return [
        week_of(this.first_day - timedelta(days=7 * n), timezone) for n in reversed(range(count))
    ]


def iso_week(day: date) -> str:
    """``2026-W49``: names a week (the digest's batch key)."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"
