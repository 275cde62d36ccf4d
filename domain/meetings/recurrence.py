"""The rules of a series: a weekly or fortnightly meeting ends on a date or after a number of
occurrences, within a year of the first one; each occurrence keeps the first one's wall-clock
time in the organiser's zone (DST-correct); and a change to an occurrence applies to it alone
or to it and every later one (:class:`Scope`). The sweep that creates the occurrences is
:mod:`domain.meetings.series`."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from enum import StrEnum

from domain.dates import parse_date
from domain.errors import InvalidInput
from domain.meetings.model import Meeting, Recurrence
from domain.timezones import from_local, to_local

SERIES_MAX_DAYS = 366  # a series ends within a year


class Scope(StrEnum):
    """Which occurrences of a series a change applies to."""

    ONE = "one"
    FUTURE = "future"


def parse_repeat_end(text: str, *, today: date) -> tuple[date | None, int | None]:
    """``10`` / ``10 раз`` / ``10 times``: a count; anything else (``31.03``, ``до 31.03``,
    ``until March 31``) is read as the last date."""
    match = re.fullmatch(r"\s*(\d{1,3})\s*(?:раз[а]?|times?|x|×)?\s*", text.lower())
    if match:
        count = int(match[1])
        if count < 2:
            raise InvalidInput("error-series-count")
        return None, count
    day = re.sub(r"^\s*(?:до|по|until|till|to)\s+", "", text, flags=re.IGNORECASE)
    return parse_date(day, today=today), None


def check_series(
    recurrence: Recurrence,
    first: datetime,
    zone: str,
    *,
    until: date | None,
    count: int | None,
) -> None:
    """A series has an end, and the end is within a year of its first occurrence."""
    if recurrence is Recurrence.NONE:
        return
    if until is None and count is None:
        raise InvalidInput("error-series-endless")
    first_day = to_local(first, zone).date()
    if until is not None:
        if until < first_day:
            raise InvalidInput("error-series-end-before")
        last_day = until
    else:
        assert count is not None
        last_day = first_day + timedelta(weeks=recurrence.weeks * (count - 1))
    if (last_day - first_day).days > SERIES_MAX_DAYS - 1:
        raise InvalidInput("error-series-too-long")


def occurrence_start(first: datetime, zone: str, recurrence: Recurrence, number: int) -> datetime:
    """Occurrence ``number`` (from 1) of a series: the same wall-clock time in the organiser's
    zone, ``recurrence.weeks`` weeks apart (DST-correct)."""
    local = to_local(first, zone).replace(tzinfo=None)
    return from_local(local + timedelta(weeks=recurrence.weeks * (number - 1)), zone)


def series_has(meeting: Meeting, number: int, start: datetime) -> bool:
    """Whether the series of ``meeting`` still has occurrence ``number`` starting at ``start``."""
    if not meeting.is_series:
        return False
    if meeting.repeat_count is not None:
        return number <= meeting.repeat_count
    if meeting.repeat_until is not None:
        return to_local(start, meeting.zone).date() <= meeting.repeat_until
    return False
