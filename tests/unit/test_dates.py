from datetime import date, datetime

import pytest

from domain.dates import parse_clock_time, parse_date, parse_local_datetime
from domain.errors import InvalidInput

TODAY = date(2026, 11, 24)  # a Tuesday
NOW = datetime(2026, 11, 24, 12, 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15.12", date(2026, 12, 15)),
        ("15.12.2026", date(2026, 12, 15)),
        ("15/12/26", date(2026, 12, 15)),
        ("2026-12-15", date(2026, 12, 15)),
        ("15 декабря", date(2026, 12, 15)),
        ("December 15", date(2026, 12, 15)),
        ("15.01", date(2027, 1, 15)),
        ("сегодня", TODAY),
    ],
)
def test_dates(text: str, expected: date) -> None:
    assert parse_date(text, today=TODAY) == expected


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("31.02", "error-date-format"),
        ("вчера", "error-date-past"),
        ("xyz", "error-date-format"),
        ("1.1.2020", "error-date-past"),
    ],
)
def test_bad_dates(text: str, key: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_date(text, today=TODAY)
    assert caught.value.key == key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("01.12 10:00", datetime(2026, 12, 1, 10, 0)),
        ("завтра 15:00", datetime(2026, 11, 25, 15, 0)),
        ("tomorrow 9:00", datetime(2026, 11, 25, 9, 0)),
        ("пт 10:00", datetime(2026, 11, 27, 10, 0)),
        ("2026-12-01 18:30", datetime(2026, 12, 1, 18, 30)),
        ("tomorrow 3pm", datetime(2026, 11, 25, 15, 0)),
        ("12.12 9:30", datetime(2026, 12, 12, 9, 30)),
        ("завтра в 15:00", datetime(2026, 11, 25, 15, 0)),
        # A time alone is its next occurrence: later today, or else tomorrow.
        ("15:00", datetime(2026, 11, 24, 15, 0)),
        ("9:30", datetime(2026, 11, 25, 9, 30)),
    ],
)
def test_date_times(text: str, expected: datetime) -> None:
    assert parse_local_datetime(text, now_local=NOW) == expected


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("15.12", "error-time-missing"),
        ("сегодня 11:00", "error-date-past"),
        ("когда-нибудь", "error-datetime-format"),
        # dateparser drops an impossible or missing time and keeps the current one: refused.
        ("завтра 25:00", "error-time-format"),
        ("tomorrow 13pm", "error-time-format"),
        ("завтра 10:75", "error-time-format"),
        ("tomorrow", "error-time-missing"),
        ("завтра", "error-time-missing"),
        ("31.02 10:00", "error-date-format"),
    ],
)
def test_bad_date_times(text: str, key: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_local_datetime(text, now_local=NOW)
    assert caught.value.key == key


def test_clock_times() -> None:
    assert parse_clock_time("9") == parse_clock_time("09:00")
    with pytest.raises(InvalidInput):
        parse_clock_time("25:00")
