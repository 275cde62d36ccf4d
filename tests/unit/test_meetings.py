"""Meeting rules: input checks, the poll's choice, series dates across DST, reminder moments
with quiet hours, and calendar files read back with icalendar."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import icalendar
import pytest

from domain.errors import InvalidInput
from domain.meetings import calendar
from domain.meetings.model import Recurrence, Status, clean_duration, clean_place
from domain.meetings.polls import (
    Answer,
    Slot,
    SlotVote,
    best_slot,
    check_deadline,
    check_slots,
    tally,
)
from domain.meetings.recurrence import check_series, occurrence_start, parse_repeat_end, series_has
from domain.meetings.reminders import due_reminder
from domain.timezones import to_local
from tests.support.builders.meetings import a_meeting
from tests.support.builders.people import NOW, a_lead, a_rep


def key(error: pytest.ExceptionInfo[InvalidInput]) -> str:
    return error.value.key


@pytest.mark.parametrize(
    "place",
    ["Room 4, 2nd floor", "https://meet.example.com/abc-def", "http://zoom.us/j/123"],
)
def test_a_place_or_a_complete_http_link_is_accepted(place: str) -> None:
    assert clean_place(place) == place


@pytest.mark.parametrize(
    "link", ["ftp://files.example.com/x", "https://", "www.", "https://meet", "http://exa mple.com"]
)
def test_an_unparseable_link_is_refused(link: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        clean_place(link)
    assert key(caught) == "error-meeting-link"


@pytest.mark.parametrize(
    ("text", "minutes"), [("45", 45), ("1:30", 90), ("1,5 ч", 90), ("2h", 120)]
)
def test_durations_are_read_in_minutes(text: str, minutes: int) -> None:
    assert clean_duration(text) == minutes


@pytest.mark.parametrize("text", ["0", "three", "9999", "1:75x"])
def test_a_bad_duration_is_refused(text: str) -> None:
    with pytest.raises(InvalidInput):
        clean_duration(text)


def test_a_poll_has_two_to_five_future_slots() -> None:
    slots = [NOW + timedelta(days=d) for d in range(1, 4)]
    assert check_slots(list(reversed(slots)), NOW) == tuple(slots)
    with pytest.raises(InvalidInput) as caught:
        check_slots(slots[:1], NOW)
    assert key(caught) == "error-poll-too-few"
    with pytest.raises(InvalidInput) as caught:
        check_slots([NOW + timedelta(hours=h) for h in range(1, 7)], NOW)
    assert key(caught) == "error-poll-too-many"
    with pytest.raises(InvalidInput) as caught:
        check_slots([NOW - timedelta(hours=1), NOW + timedelta(hours=1)], NOW)
    assert key(caught) == "error-meeting-past"


def test_the_vote_closes_before_the_first_slot() -> None:
    slots = [NOW + timedelta(days=2), NOW + timedelta(days=3)]
    assert check_deadline(NOW + timedelta(days=1), slots, NOW)
    with pytest.raises(InvalidInput) as caught:
        check_deadline(NOW + timedelta(days=2, hours=1), slots, NOW)
    assert key(caught) == "error-poll-deadline-late"


def test_the_best_slot_has_most_yes_then_most_if_need_be_then_is_earliest() -> None:
    a, b, c = (Slot(i, 1, NOW + timedelta(days=i)) for i in (1, 2, 3))
    votes = [
        SlotVote(1, 10, Answer.YES),
        SlotVote(2, 10, Answer.YES),
        SlotVote(3, 10, Answer.YES),
        SlotVote(2, 11, Answer.IF_NEED),
        SlotVote(3, 11, Answer.IF_NEED),
        SlotVote(1, 11, Answer.NO),
    ]
    assert best_slot(tally([a, b, c], votes)) == b  # ties on yes and if-need: the earliest
    votes.append(SlotVote(3, 12, Answer.YES))
    assert best_slot(tally([a, b, c], votes)) == c
    assert best_slot(tally([a, b, c], [])) is None  # nobody answered: no choice


def test_a_series_needs_an_end_within_a_year() -> None:
    first = NOW + timedelta(days=1)
    check_series(Recurrence.WEEKLY, first, "Europe/Moscow", until=date(2027, 6, 1), count=None)
    check_series(Recurrence.BIWEEKLY, first, "Europe/Moscow", until=None, count=26)
    for until, count, error in (
        (None, None, "error-series-endless"),
        (date(2028, 1, 10), None, "error-series-too-long"),
        (None, 60, "error-series-too-long"),
        (date(2026, 11, 1), None, "error-series-end-before"),
    ):
        with pytest.raises(InvalidInput) as caught:
            check_series(Recurrence.WEEKLY, first, "Europe/Moscow", until=until, count=count)
        assert key(caught) == error
    assert parse_repeat_end("10", today=NOW.date()) == (None, 10)
    assert parse_repeat_end("до 31.03", today=NOW.date()) == (date(2027, 3, 31), None)
    with pytest.raises(InvalidInput):
        parse_repeat_end("1", today=NOW.date())


def test_a_weekly_series_keeps_the_organisers_wall_clock_time_across_dst() -> None:
    # 10:00 in New York on 10 March 2027 (EST); the US switches to EDT on 14 March.
    first = datetime(2027, 3, 10, 15, 0, tzinfo=UTC)
    second = occurrence_start(first, "America/New_York", Recurrence.WEEKLY, 2)
    assert to_local(second, "America/New_York").hour == 10
    assert second == datetime(2027, 3, 17, 14, 0, tzinfo=UTC)  # an hour earlier in UTC
    meeting = a_meeting(recurrence=Recurrence.WEEKLY, repeat_count=3)
    assert series_has(meeting, 3, second) and not series_has(meeting, 4, second)


def test_the_reminder_due_is_the_latest_whose_moment_came_and_none_once_started() -> None:
    meeting = a_meeting(starts_at=NOW + timedelta(hours=30))
    rep = a_rep(10)
    assert due_reminder(meeting, rep, NOW) is None
    assert due_reminder(meeting, rep, NOW + timedelta(hours=6)) == 24 * 60
    assert due_reminder(meeting, rep, NOW + timedelta(hours=29)) == 60  # the 24 h one is stale
    assert due_reminder(meeting, rep, NOW + timedelta(hours=30)) is None


def test_a_reminder_in_quiet_hours_goes_out_before_they_begin() -> None:
    # The meeting at 08:30 Moscow; the 1 h reminder (07:30) falls in 22:00-08:00.
    starts = datetime(2026, 11, 26, 5, 30, tzinfo=UTC)
    meeting = a_meeting(starts_at=starts, reminders=(60,))
    sleeper = a_rep(10, quiet="22:00-08:00")
    evening = datetime(2026, 11, 25, 18, 59, tzinfo=UTC)  # 21:59 Moscow, the evening before
    assert due_reminder(meeting, sleeper, evening - timedelta(minutes=1)) is None
    assert due_reminder(meeting, sleeper, evening) == 60
    assert due_reminder(meeting, a_rep(11), evening) is None  # no quiet hours: at 07:30


def ics(data: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(data)


def test_a_single_meeting_is_one_utc_event_with_organiser_and_sequence() -> None:
    meeting = a_meeting(place="https://meet.example.com/x", sequence=2)
    parsed = ics(calendar.request([meeting], a_lead(1, name="Lev"), NOW, description="1. Plan"))
    assert parsed["method"] == "REQUEST"
    [event] = parsed.walk("VEVENT")
    assert str(event["uid"]) == "tandem-meeting-1@tandem.bot"
    assert event.decoded("dtstart") == meeting.starts_at
    assert event.decoded("dtend") == meeting.starts_at + timedelta(minutes=60)
    assert event["sequence"] == 2
    assert str(event["summary"]) == "Weekly sync"
    assert "Lev" in str(event["organizer"].params["cn"])
    assert str(event["url"]) == "https://meet.example.com/x"


def test_a_series_carries_its_rrule_in_the_organisers_zone_and_occurrences_their_id() -> None:
    first = datetime(2027, 3, 10, 15, 0, tzinfo=UTC)
    master = a_meeting(
        starts_at=first,
        zone="America/New_York",
        recurrence=Recurrence.WEEKLY,
        repeat_count=3,
        series_id=1,
        original_start=first,
    )
    parsed = ics(calendar.request([master], None, NOW, master=master))
    [event] = parsed.walk("VEVENT")
    assert event["rrule"]["FREQ"] == ["WEEKLY"] and event["rrule"]["COUNT"] == [3]
    assert event["dtstart"].params["TZID"] == "America/New_York"
    assert parsed.walk("VTIMEZONE")
    second = master.with_(
        id=2, occurrence=2, original_start=first + timedelta(days=7) - timedelta(hours=1)
    ).with_(starts_at=first + timedelta(days=7, hours=1))
    [override] = ics(calendar.request([second], None, NOW)).walk("VEVENT")
    assert str(override["uid"]) == str(event["uid"])
    assert override.decoded("recurrence-id") == second.original_start
    assert override.decoded("dtstart") == second.starts_at


def test_a_cancellation_keeps_the_uid_and_says_cancel() -> None:
    meeting = a_meeting(status=Status.CANCELLED, sequence=3)
    parsed = ics(calendar.cancel(meeting, None, NOW, whole_series=False))
    assert parsed["method"] == "CANCEL"
    [event] = parsed.walk("VEVENT")
    assert str(event["uid"]) == meeting.uid and event["status"] == "CANCELLED"
    assert event["sequence"] == 3
