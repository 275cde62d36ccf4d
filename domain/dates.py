"""Reading dates and times people type on their phones, in Russian or English.

Numeric forms (``15.12``, ``15.12.2026 10:00``, ``2026-12-15``) are read here, exactly; natural
forms (``завтра 15:00``, ``пт 10:00``, ``15 декабря``, ``next friday 9:00``) go to the
dateparser library, relative to the person's own local "now".
"""

from __future__ import annotations

import re
from datetime import date, datetime, time

import dateparser

from domain.errors import InvalidInput

_NUMERIC = re.compile(
    r"^\s*(?:(?P<d>\d{1,2})[./](?P<m>\d{1,2})(?:[./](?P<y>\d{2,4}))?"
    r"|(?P<Y>\d{4})-(?P<M>\d{1,2})-(?P<D>\d{1,2}))"
    r"(?:[\sT,]+(?P<h>\d{1,2})[:.](?P<min>\d{2}))?\s*$"
)


def _numeric(text: str, today: date) -> tuple[date, time | None] | None:
    match = _NUMERIC.match(text)
    if not match:
        return None
    if match["Y"]:
        year, month, day = int(match["Y"]), int(match["M"]), int(match["D"])
    else:
        day, month = int(match["d"]), int(match["m"])
        raw_year = match["y"]
        year = int(raw_year) + (2000 if len(raw_year) == 2 else 0) if raw_year else today.year
    try:
        found = date(year, month, day)
        if not match["y"] and not match["Y"] and found < today:
            found = date(year + 1, month, day)  # "15.01" typed in December means next January
        at = time(int(match["h"]), int(match["min"])) if match["h"] else None
    except ValueError:
        raise InvalidInput("error-date-format", value=text.strip()) from None
    return found, at


# A clock time typed in natural text: ``15:00``, ``9.30``, ``3pm``, ``3 pm``, ``10 a.m.``.
_CLOCK = re.compile(
    r"(?<![\d.:])(?P<h>\d{1,2})(?:[:.](?P<min>\d{2}))?\s*(?P<ampm>[ap]\.?\s?m\.?)?(?![\d.:])",
    re.IGNORECASE,
)


def _typed_clock(text: str) -> tuple[str, int, int] | None:
    """The clock time written in ``text`` (as typed, hour, minute), or None when there is
    none. A bare number counts only with am/pm (``15`` alone may be a day); an impossible
    time such as ``25:00`` is refused here, since dateparser would silently drop it."""
    for match in _CLOCK.finditer(text):
        if match["min"] is None and match["ampm"] is None:
            continue
        hour, minute = int(match["h"]), int(match["min"] or 0)
        if match["ampm"]:
            if not 1 <= hour <= 12:
                raise InvalidInput("error-time-format", value=match[0].strip())
            hour = hour % 12 + (12 if match["ampm"].lower().startswith("p") else 0)
        if hour > 23 or minute > 59:
            raise InvalidInput("error-time-format", value=match[0].strip())
        return match[0].strip(), hour, minute
    return None


def _natural(text: str, now_local: datetime) -> datetime | None:
    parsed = dateparser.parse(
        text,
        languages=["ru", "en"],
        settings={
            "RELATIVE_BASE": now_local.replace(tzinfo=None),
            "PREFER_DATES_FROM": "future",
            "DATE_ORDER": "DMY",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    return parsed if isinstance(parsed, datetime) else None


def parse_date(text: str, *, today: date) -> date:
    """A calendar date, today or later."""
    numeric = _numeric(text, today)
    if numeric is not None:
        found = numeric[0]
    else:
        natural = _natural(text, datetime.combine(today, time(12, 0)))
        if natural is None:
            raise InvalidInput("error-date-format", value=text.strip())
        found = natural.date()
    if found < today:
        raise InvalidInput("error-date-past", value=text.strip())
    return found


def parse_local_datetime(text: str, *, now_local: datetime) -> datetime:
    """A wall-clock moment (naive, in the person's zone) that is still ahead."""
    numeric = _numeric(text, now_local.date())
    if numeric is not None:
        day, at = numeric
        if at is None:
            raise InvalidInput("error-time-missing", value=text.strip())
        found = datetime.combine(day, at)
    else:
        # dateparser keeps the current time when the typed one is missing or impossible
        # ("завтра 25:00", "tomorrow"): require a time that really was typed, and read.
        clock = _typed_clock(text)
        natural = _natural(text, now_local)
        if natural is None:
            raise InvalidInput("error-datetime-format", value=text.strip())
        if clock is None:
            raise InvalidInput("error-time-missing", value=text.strip())
        if (natural.hour, natural.minute) != clock[1:]:
            raise InvalidInput("error-datetime-format", value=text.strip())
        found = natural.replace(second=0, microsecond=0)
    if found <= now_local.replace(tzinfo=None):
        raise InvalidInput("error-date-past", value=text.strip())
    return found


def parse_clock_time(text: str) -> time:
    match = re.match(r"^\s*(\d{1,2})(?:[:.](\d{2}))?\s*$", text)
    if not match:
        raise InvalidInput("error-time-format", value=text.strip())
    try:
        return time(int(match[1]), int(match[2] or 0))
    except ValueError:
        raise InvalidInput("error-time-format", value=text.strip()) from None
