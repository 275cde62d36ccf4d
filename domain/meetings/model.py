"""Joint meetings: what a meeting is, and the pure rules about it.

Lifecycle::

    draft ──send──► scheduled ─────────────────────────► cancelled
      │                ▲  (reschedule, new place, agenda: SEQUENCE + 1)
      └──poll──► polling ──deadline/pick──┘
                    └──deadline, nobody answered──► undecided ──pick──► scheduled

A recurring meeting is a series of meetings (occurrences), each with its own RSVP, agenda,
reminders and minutes; the first occurrence defines the series (``series_id`` is its id).
Times are aware UTC moments; the organiser's ``zone`` anchors the wall-clock time of a series.

The meeting itself and the typed input of its own fields are here; what hangs off a meeting
has a module of its own: :mod:`domain.meetings.participants` (RSVP and attendance),
:mod:`domain.meetings.polls` (the slot poll), :mod:`domain.meetings.recurrence` (a series'
rules), :mod:`domain.meetings.agenda` (topics) and :mod:`domain.meetings.outcomes` (decisions
and action items).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from enum import StrEnum
from urllib.parse import urlsplit

from domain.campaigns.model import Audience, clean_text
from domain.errors import InvalidInput
from domain.people.model import Person
from domain.timezones import to_local

TITLE_MAX = 120
PLACE_MAX = 300
DURATIONS = (15, 30, 45, 60, 90, 120)
MAX_DURATION = 8 * 60
MAX_PEOPLE = 50  # named participants
REMINDER_PRESETS: dict[str, tuple[int, ...]] = {
    "both": (24 * 60, 60),
    "day": (24 * 60,),
    "hour": (60,),
    "off": (),
}
DEFAULT_REMINDERS = REMINDER_PRESETS["both"]


class Status(StrEnum):
    DRAFT = "draft"
    POLLING = "polling"
    UNDECIDED = "undecided"  # the poll closed and nobody answered: the organiser picks
    SCHEDULED = "scheduled"
    CANCELLED = "cancelled"


class Kind(StrEnum):
    WEEKLY = "weekly"  # the joint weekly meeting of marketing and sales
    PRESENTATION = "presentation"  # a campaign's presentation to sales before launch
    OTHER = "other"


class Recurrence(StrEnum):
    NONE = "none"
    WEEKLY = "weekly"
    BIWEEKLY = "biweekly"

    @property
    def weeks(self) -> int:
        return {Recurrence.NONE: 0, Recurrence.WEEKLY: 1, Recurrence.BIWEEKLY: 2}[self]


@dataclass(frozen=True, slots=True)
class Meeting:
    id: int
    organiser_id: int
    title: str
    kind: Kind
    status: Status
    zone: str  # the organiser's zone: typed times and a series' wall-clock time
    created_at: datetime
    campaign_id: int | None = None
    starts_at: datetime | None = None
    duration: int = 60  # minutes
    place: str = ""
    audience: Audience = field(default_factory=Audience)
    people: frozenset[int] = frozenset()  # named participants, beside the audience
    reminders: tuple[int, ...] = DEFAULT_REMINDERS  # minutes before the start
    recurrence: Recurrence = Recurrence.NONE
    repeat_until: date | None = None  # the last day (organiser's zone), or …
    repeat_count: int | None = None  # … the number of occurrences
    series_id: int | None = None  # the first occurrence's id, for every occurrence
    occurrence: int = 1
    original_start: datetime | None = None  # where the series put it (RECURRENCE-ID)
    sequence: int = 0  # iCalendar SEQUENCE: raised on every change people are told of
    poll_deadline: datetime | None = None
    invited_at: datetime | None = None
    minutes_sent_at: datetime | None = None
    cancelled_at: datetime | None = None
    next_due_at: datetime | None = None  # a series: when its next occurrence is created

    def with_(self, **changes: object) -> Meeting:
        return replace(self, **changes)  # type: ignore[arg-type]

    @property
    def ends_at(self) -> datetime | None:
        return self.starts_at + timedelta(minutes=self.duration) if self.starts_at else None

    @property
    def is_draft(self) -> bool:
        return self.status is Status.DRAFT

    @property
    def is_series(self) -> bool:
        return self.recurrence is not Recurrence.NONE

    @property
    def is_link(self) -> bool:
        return is_url(self.place)

    @property
    def uid(self) -> str:
        """The calendar UID: one per meeting, one per series."""
        if self.series_id is not None:
            return f"tandem-series-{self.series_id}@tandem.bot"
        return f"tandem-meeting-{self.id}@tandem.bot"

    def has_started(self, now: datetime) -> bool:
        return self.starts_at is not None and self.starts_at <= now

    @property
    def audience_is_empty(self) -> bool:
        return self.audience.is_empty and not self.people

    def includes(self, person: Person) -> bool:
        """Whether the meeting's audience (teams, roles, named people) takes in ``person``."""
        if not person.active:
            return False
        return person.id in self.people or self.audience.includes(person)

    def missing(self) -> list[str]:
        """What must be filled in before the meeting can go out."""
        gaps = []
        if not self.title:
            gaps.append("title")
        if self.starts_at is None and self.status is Status.DRAFT:
            gaps.append("time")
        if self.audience_is_empty:
            gaps.append("participants")
        return gaps

    def check_draft(self) -> None:
        if self.status is not Status.DRAFT:
            raise InvalidInput("error-meeting-not-draft")

    def check_open(self) -> None:
        """Not cancelled: it can still change."""
        if self.status is Status.CANCELLED:
            raise InvalidInput("error-meeting-cancelled")

    def check_changeable(self, now: datetime) -> None:
        """Scheduled and not yet started: it can be moved, re-placed or cancelled."""
        self.check_open()
        if self.status is not Status.SCHEDULED:
            raise InvalidInput("error-meeting-not-scheduled")
        if self.has_started(now):
            raise InvalidInput("error-meeting-started")

    def check_held(self, now: datetime) -> None:
        """Minutes are recorded once the meeting has started."""
        if self.status is not Status.SCHEDULED:
            raise InvalidInput("error-meeting-not-scheduled")
        if not self.has_started(now):
            raise InvalidInput("error-meeting-not-held")

    def local_start(self, timezone: str) -> datetime | None:
        return to_local(self.starts_at, timezone) if self.starts_at else None


# --- input ---------------------------------------------------------------------------------


def clean_title(raw: str) -> str:
    return clean_text(raw, limit=TITLE_MAX)


_URLISH = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*://|www\.)", re.IGNORECASE)


def is_url(text: str) -> bool:
    return bool(_URLISH.match(text))


def clean_place(raw: str) -> str:
    """A place (free text) or a video link; a link must be a complete http(s) URL."""
    text = clean_text(raw, limit=PLACE_MAX)
    if not is_url(text):
        return text
    parts = urlsplit(text)
    host = parts.hostname or ""
    if (
        parts.scheme.lower() not in ("http", "https")
        or "." not in host
        or " " in text
        or host.startswith(".")
        or host.endswith(".")
    ):
        raise InvalidInput("error-meeting-link", value=text)
    return text


def clean_duration(raw: str) -> int:
    """Minutes, typed as ``45``, ``1:30``, ``1.5h``/``1,5 ч`` or ``90 мин``."""
    text = raw.strip().lower().replace(",", ".")
    match = re.fullmatch(r"(\d{1,2}):(\d{2})", text)
    minutes: float | None = None
    if match:
        minutes = int(match[1]) * 60 + int(match[2])
    else:
        match = re.fullmatch(
            r"(\d+(?:\.\d+)?)\s*(h|ч|час|часа|часов|hours?)?\s*(min|мин)?\.?", text
        )
        if match:
            value = float(match[1])
            minutes = value * 60 if match[2] else value
    if minutes is None or not 5 <= minutes <= MAX_DURATION or minutes != int(minutes):
        raise InvalidInput("error-meeting-duration", value=raw.strip(), limit=MAX_DURATION)
    return int(minutes)


def check_future(moment: datetime, now: datetime) -> datetime:
    if moment <= now:
        raise InvalidInput("error-meeting-past")
    return moment
