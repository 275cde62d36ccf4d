from datetime import UTC, datetime, time

import pytest

from domain.errors import InvalidInput
from domain.people.model import Language, language_from_code, resolve_language
from domain.timezones import COMMON_ZONES, QuietHours, utc_offset_label, validate_timezone


def test_common_zones_are_all_valid() -> None:
    assert [validate_timezone(z) for z in COMMON_ZONES] == list(COMMON_ZONES)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("asia/novosibirsk", "Asia/Novosibirsk"),
        (" Europe/Moscow ", "Europe/Moscow"),
        ("utc", "UTC"),
    ],
)
def test_zone_names_are_canonicalised(raw: str, expected: str) -> None:
    assert validate_timezone(raw) == expected


@pytest.mark.parametrize("raw", ["", "Mars/Olympus", "Moscow", "+03:00", "../../etc/passwd"])
def test_unknown_zones_are_refused(raw: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        validate_timezone(raw)
    assert caught.value.key == "error-timezone-unknown"


def test_offset_labels() -> None:
    winter = datetime(2026, 1, 15, tzinfo=UTC)
    assert utc_offset_label("Asia/Kamchatka", winter) == "UTC+12"
    assert utc_offset_label("Asia/Kolkata", winter) == "UTC+5:30"
    assert utc_offset_label("America/New_York", winter) == "UTC-5"


@pytest.mark.parametrize(
    ("raw", "start", "end"),
    [
        ("22:00-08:00", time(22), time(8)),
        ("22-8", time(22), time(8)),
        ("9:30 – 18:15", time(9, 30), time(18, 15)),
    ],
)
def test_quiet_hours_parse(raw: str, start: time, end: time) -> None:
    quiet = QuietHours.parse(raw)
    assert (quiet.start, quiet.end) == (start, end)


@pytest.mark.parametrize(
    "raw", ["", "22:00", "25:00-08:00", "22:00-08:61", "evening", "10:00-10:00"]
)
def test_bad_quiet_hours_are_refused(raw: str) -> None:
    with pytest.raises(InvalidInput):
        QuietHours.parse(raw)


def test_quiet_hours_across_midnight() -> None:
    quiet = QuietHours.parse("22:00-08:00")
    assert quiet.contains(time(23, 0))
    assert quiet.contains(time(3, 0))
    assert not quiet.contains(time(8, 0))
    assert not quiet.contains(time(12, 0))
    assert quiet.contains(time(22, 0))


def test_quiet_hours_within_a_day() -> None:
    quiet = QuietHours.parse("13:00-14:00")
    assert quiet.contains(time(13, 30))
    assert not quiet.contains(time(14, 0))


def test_next_allowed_moves_to_the_end_of_the_window_in_local_time() -> None:
    quiet = QuietHours.parse("22:00-08:00")
    # 20:00 UTC is 03:00 in Novosibirsk (UTC+7): held until 08:00 local, 01:00 UTC next day.
    moment = datetime(2026, 11, 24, 20, 0, tzinfo=UTC)
    assert quiet.next_allowed(moment, "Asia/Novosibirsk") == datetime(
        2026, 11, 25, 1, 0, tzinfo=UTC
    )
    # 15:00 UTC is 22:00 there: held until 08:00 the next local morning.
    evening = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)
    assert quiet.next_allowed(evening, "Asia/Novosibirsk") == datetime(
        2026, 11, 25, 1, 0, tzinfo=UTC
    )
    # Outside the window nothing changes.
    noon = datetime(2026, 11, 24, 5, 0, tzinfo=UTC)
    assert quiet.next_allowed(noon, "Asia/Novosibirsk") == noon


def test_quiet_hours_round_trip_through_storage() -> None:
    quiet = QuietHours.parse("21:30-07:00")
    assert QuietHours.from_storage(quiet.to_storage()) == quiet
    assert QuietHours.from_storage(None) is None


@pytest.mark.parametrize(
    ("code", "expected"),
    [("ru", Language.RU), ("en-GB", Language.EN), ("EN", Language.EN), ("de", None), (None, None)],
)
def test_language_from_telegram_code(code: str | None, expected: Language | None) -> None:
    assert language_from_code(code) == expected


def test_language_preference_order() -> None:
    assert resolve_language("en", "ru", Language.RU) is Language.EN
    assert resolve_language(None, "en-US", Language.RU) is Language.EN
    assert resolve_language(None, "de", Language.RU) is Language.RU
    assert resolve_language(None, None, Language.EN) is Language.EN


def test_local_wall_clock_times_cross_to_utc_and_back_across_dst() -> None:
    from datetime import UTC, date, datetime, time

    from domain.timezones import at_local, days_until, from_local, in_days_at, local_today

    # New York leaves DST on 1 Nov 2026: 10:00 is 14:00 UTC before and 15:00 UTC after.
    assert at_local(date(2026, 10, 31), time(10), "America/New_York") == datetime(
        2026, 10, 31, 14, 0, tzinfo=UTC
    )
    assert at_local(date(2026, 11, 2), time(10), "America/New_York") == datetime(
        2026, 11, 2, 15, 0, tzinfo=UTC
    )
    assert from_local(datetime(2026, 12, 1, 9, 30), "Asia/Vladivostok") == datetime(
        2026, 11, 30, 23, 30, tzinfo=UTC
    )
    late = datetime(2026, 11, 30, 22, 0, tzinfo=UTC)  # already 1 December in Vladivostok
    assert local_today(late, "Asia/Vladivostok") == date(2026, 12, 1)
    assert local_today(late, "Europe/Kaliningrad") == date(2026, 12, 1)
    assert local_today(late, "America/New_York") == date(2026, 11, 30)
    assert days_until(date(2026, 12, 3), late, "Asia/Vladivostok") == 2
    assert days_until(date(2026, 12, 3), late, "America/New_York") == 3
    assert in_days_at(late, "Europe/Moscow", 3, time(18)) == datetime(
        2026, 12, 4, 15, 0, tzinfo=UTC
    )
