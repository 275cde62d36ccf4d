"""A team's working time, as an admin types it: the days and hours (``пн-пт 09:00-18:00``,
``Mon-Sat 10-19``) and the country and region whose public holidays are days off (``RU``,
``US-NY``). SLAs count only this time (:mod:`domain.leads.sla`)."""

from __future__ import annotations

import re
from datetime import time
from functools import lru_cache

import holidays

from domain.errors import InvalidInput

_DAYS = {
    **{name: n for n, name in enumerate(("пн", "вт", "ср", "чт", "пт", "сб", "вс"), 1)},
    **{name: n for n, name in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"), 1)},
    **{str(n): n for n in range(1, 8)},
}
_HOURS = re.compile(r"(\d{1,2})(?::(\d{2}))?\s*[-–—]\s*(\d{1,2})(?::(\d{2}))?\s*$")


def _day(token: str) -> int:
    number = _DAYS.get(token.strip().lower()[:3]) or _DAYS.get(token.strip().lower()[:2])
    if number is None:
        raise InvalidInput("error-team-hours")
    return number


def parse_hours(text: str) -> tuple[str, time, time]:
    """``пн-пт 09:00-18:00`` -> ("12345", 09:00, 18:00)."""
    match = _HOURS.search(text.strip())
    if not match:
        raise InvalidInput("error-team-hours")
    try:
        start = time(int(match[1]), int(match[2] or 0))
        end = time(int(match[3]), int(match[4] or 0))
    except ValueError:
        raise InvalidInput("error-team-hours") from None
    if start >= end:
        raise InvalidInput("error-team-hours")
    days: set[int] = set()
    for part in text[: match.start()].replace(" ", "").split(","):
        if not part:
            continue
        first, _, last = part.partition("-")
        low, high = _day(first), _day(last) if last else _day(first)
        if high < low:
            raise InvalidInput("error-team-hours")
        days.update(range(low, high + 1))
    if not days:
        raise InvalidInput("error-team-hours")
    return "".join(str(d) for d in sorted(days)), start, end


@lru_cache(maxsize=1)
def _supported() -> dict[str, list[str]]:
    return {k: list(v) for k, v in holidays.list_supported_countries().items()}


def parse_holidays(text: str) -> tuple[str, str | None]:
    """``RU`` or ``US-NY`` -> ("US", "NY"): a country the holidays library knows, and
    optionally one of its regions."""
    country, _, region = text.strip().upper().replace(" ", "-").partition("-")
    supported = _supported()
    if country not in supported:
        raise InvalidInput("error-team-holidays", value=text.strip())
    if region and region not in supported[country]:
        raise InvalidInput("error-team-holidays", value=text.strip())
    return country, region or None
