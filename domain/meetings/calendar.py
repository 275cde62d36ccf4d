"""Calendar files (iCalendar, RFC 5545) that Google Calendar, Outlook and Apple Calendar
import: built with the icalendar library, never by hand; pure (bytes out, no I/O).

* One stable UID per meeting; a series shares one UID, its first invitation carries the
  RRULE (DTSTART with the organiser's TZID and a VTIMEZONE, so the wall-clock time holds
  across DST), and a single occurrence is addressed with RECURRENCE-ID.
* SEQUENCE is the meeting's, raised on every change; METHOD:REQUEST for invitations and
  changes, METHOD:CANCEL (same UID) for a cancellation.
* Single meetings are written in UTC; ORGANIZER and SUMMARY are always set.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, time, timedelta

from icalendar import Calendar, Event, vCalAddress, vText

from domain.meetings.model import Meeting
from domain.people.model import Person
from domain.timezones import at_local, zone

PRODID = "-//Tandem//Meetings//EN"
FILE_NAME = "meeting.ics"


def _calendar(method: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    return calendar


def _organiser(person: Person | None, organiser_id: int) -> vCalAddress:
    address = vCalAddress(f"mailto:organiser-{organiser_id}@tandem.invalid")
    address.params["cn"] = vText(person.full_name if person else "Tandem")
    return address


def _local(moment: datetime, timezone: str) -> datetime:
    return moment.astimezone(zone(timezone))


def _event(
    meeting: Meeting,
    organiser: Person | None,
    now: datetime,
    *,
    description: str,
    in_zone: bool,
) -> Event:
    assert meeting.starts_at is not None and meeting.ends_at is not None
    event = Event()
    event.add("uid", meeting.uid)
    event.add("dtstamp", now.astimezone(UTC))
    event.add("sequence", meeting.sequence)
    event.add("summary", meeting.title)
    if in_zone:
        event.add("dtstart", _local(meeting.starts_at, meeting.zone))
        event.add("dtend", _local(meeting.ends_at, meeting.zone))
    else:
        event.add("dtstart", meeting.starts_at.astimezone(UTC))
        event.add("dtend", meeting.ends_at.astimezone(UTC))
    event.add("organizer", _organiser(organiser, meeting.organiser_id))
    if meeting.place:
        event.add("location", meeting.place)
        if meeting.is_link:
            event.add("url", meeting.place)
    if description:
        event.add("description", description)
    return event


def _recurrence_id(event: Event, meeting: Meeting) -> None:
    assert meeting.original_start is not None
    event.add("recurrence-id", _local(meeting.original_start, meeting.zone))


def _rrule(meeting: Meeting) -> dict[str, object]:
    rule: dict[str, object] = {"freq": "weekly", "interval": meeting.recurrence.weeks}
    if meeting.repeat_count is not None:
        rule["count"] = meeting.repeat_count
    elif meeting.repeat_until is not None:
        # UNTIL is UTC when DTSTART has a TZID: the end of the last day, in the zone.
        last = at_local(meeting.repeat_until + timedelta(days=1), time(0, 0), meeting.zone)
        rule["until"] = last - timedelta(seconds=1)
    return rule


def _bytes(calendar: Calendar, *, in_zone: bool) -> bytes:
    if in_zone:
        calendar.add_missing_timezones()
    return bytes(calendar.to_ical())


def request(
    meetings: Sequence[Meeting],
    organiser: Person | None,
    now: datetime,
    *,
    description: str = "",
    master: Meeting | None = None,
) -> bytes:
    """METHOD:REQUEST: an invitation or a change. A single meeting as itself (UTC); for a
    series, the master event with its RRULE when ``master`` (the first occurrence, as the
    series was set up) is given, and each listed occurrence that is not where the series
    put it (or is not the first) as an override with its RECURRENCE-ID."""
    calendar = _calendar("REQUEST")
    in_zone = any(m.series_id is not None for m in meetings) or master is not None
    if master is not None:
        assert master.original_start is not None
        event = _event(
            master.with_(starts_at=master.original_start),
            organiser,
            now,
            description=description,
            in_zone=True,
        )
        event.add("rrule", _rrule(master))
        calendar.add_component(event)
    for meeting in meetings:
        if meeting.series_id is None:
            calendar.add_component(
                _event(meeting, organiser, now, description=description, in_zone=False)
            )
            continue
        if (
            master is not None
            and meeting.id == master.id
            and meeting.starts_at == meeting.original_start
            and meeting.sequence == master.sequence
        ):
            continue  # the master event already says it
        event = _event(meeting, organiser, now, description=description, in_zone=True)
        _recurrence_id(event, meeting)
        calendar.add_component(event)
    return _bytes(calendar, in_zone=in_zone)


def truncated_series(
    master: Meeting, before: Meeting, organiser: Person | None, now: datetime, *, sequence: int
) -> bytes:
    """METHOD:REQUEST: the series now ends before occurrence ``before`` (cancelling it and
    every later one): the master with its RRULE cut short and a raised SEQUENCE."""
    assert before.original_start is not None and master.original_start is not None
    calendar = _calendar("REQUEST")
    event = _event(
        master.with_(starts_at=master.original_start, sequence=sequence),
        organiser,
        now,
        description="",
        in_zone=True,
    )
    rule = {"freq": "weekly", "interval": master.recurrence.weeks}
    rule["until"] = (before.original_start - timedelta(seconds=1)).astimezone(UTC)
    event.add("rrule", rule)
    calendar.add_component(event)
    return _bytes(calendar, in_zone=True)


def cancel(
    meeting: Meeting, organiser: Person | None, now: datetime, *, whole_series: bool
) -> bytes:
    """METHOD:CANCEL with the same UID: the meeting, one occurrence (RECURRENCE-ID), or a
    whole series."""
    calendar = _calendar("CANCEL")
    in_zone = meeting.series_id is not None
    if in_zone and whole_series:
        meeting = meeting.with_(starts_at=meeting.original_start)
    event = _event(meeting, organiser, now, description="", in_zone=in_zone)
    event.add("status", "CANCELLED")
    if in_zone and not whole_series:
        _recurrence_id(event, meeting)
    calendar.add_component(event)
    return _bytes(calendar, in_zone=in_zone)
