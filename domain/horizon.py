"""How far ahead a date may lie: a launch, a deadline, a moment to send at.

Nothing Tandem schedules is years away, and a date in 9999 breaks the arithmetic that follows
it (a prompt "14 days after launch" overflows). Every use case that takes a date people typed
checks it here, so none is more than :data:`MAX_YEARS_AHEAD` years from today.
"""

from __future__ import annotations

from datetime import date

from domain.errors import InvalidInput

MAX_YEARS_AHEAD = 5


def latest_day(today: date) -> date:
    """The last day that may be chosen: the same day, five years on (29 February: the 28th)."""
    year = today.year + MAX_YEARS_AHEAD
    try:
        return today.replace(year=year)
    except ValueError:
        return today.replace(year=year, day=28)


def check_within_reach(day: date, *, today: date) -> date:
    """``day`` if it is at most five years from ``today``; InvalidInput otherwise."""
    if day > latest_day(today):
        raise InvalidInput("error-date-too-far", years=MAX_YEARS_AHEAD)
    return day
