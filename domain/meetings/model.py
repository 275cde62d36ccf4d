"""Joint meetings: what a meeting is, and the pure rules about it.

Lifecycle::

    draft ──send──► scheduled ─────────────────────────► cancelled
      │                ▲  (reschedule, new place, agenda: SEQUENCE + 1)
      └──poll──► polling ──deadline/pick──┘
                    └──deadline, nobody answered──► undecided ──pick──► scheduled

A recurring meeting is a series of meetings (occurrences), each with its own RSVP, agenda,
reminders and minutes; the first occurrence defines the series (``series_id`` is its id).
Times are aware UTC moments; the organiser's ``zone`` anchors the wall-clock time of a series.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from urllib.parse import urlsplit

from domain.campaigns.model import Audience, clean_text
from domain.dates import parse_date
from domain.errors import InvalidInput
from domain.people.model import Person
from domain.timezones import at_local, from_local, to_local

TITLE_MAX = 120
PLACE_MAX = 300
TOPIC_MAX = 500
DECISION_MAX = 1000
ACTION_MAX = 500
MIN_SLOTS, MAX_SLOTS = 2, 5
DURATIONS = (15, 30, 45, 60, 90, 120)
MAX_DURATION = 8 * 60
MAX_TOPICS = 30
MAX_PEOPLE = 50  # named participants
SERIES_MAX_DAYS = 366  # a series ends within a year
REMINDER_PRESETS: dict[str, tuple[int, ...]] = {
    "both": (24 * 60, 60),
    "day": (24 * 60,),
    "hour": (60,),
    "off": (),
}
DEFAULT_REMINDERS = REMINDER_PRESETS["both"]
ACTION_REMIND_AT = time(10, 0)  # an owner is reminded at 10:00 local on the due date
OVERDUE_STALE = timedelta(days=7)  # overdue notices are not sent for items older than this
LATE_JOIN_HORIZON = timedelta(days=7)  # late joiners are invited to meetings this close


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


class Rsvp(StrEnum):
    YES = "yes"
    MAYBE = "maybe"
    NO = "no"


class Answer(StrEnum):
    """A participant's answer to one candidate slot."""

    YES = "yes"
    IF_NEED = "maybe"
    NO = "no"


class Recurrence(StrEnum):
    NONE = "none"
    WEEKLY = "weekly"
    BIWEEKLY = "biweekly"

    @property
    def weeks(self) -> int:
        return {Recurrence.NONE: 0, Recurrence.WEEKLY: 1, Recurrence.BIWEEKLY: 2}[self]


class Scope(StrEnum):
    """Which occurrences of a series a change applies to."""

    ONE = "one"
    FUTURE = "future"


class TopicSource(StrEnum):
    ORGANISER = "organiser"
    PARTICIPANT = "participant"
    QUESTION = "question"  # a campaign's open question (presentations)
    FEEDBACK = "feedback"  # a campaign's low-rated feedback comment (presentations)


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


@dataclass(frozen=True, slots=True)
class Participant:
    meeting_id: int
    person_id: int
    invited_at: datetime
    rsvp: Rsvp | None = None
    rsvp_at: datetime | None = None
    attended: bool | None = None

    @property
    def declined(self) -> bool:
        return self.rsvp is Rsvp.NO


@dataclass(frozen=True, slots=True)
class Slot:
    id: int
    meeting_id: int
    starts_at: datetime


@dataclass(frozen=True, slots=True)
class SlotVote:
    slot_id: int
    person_id: int
    answer: Answer


@dataclass(frozen=True, slots=True)
class Topic:
    id: int
    meeting_id: int
    position: int
    text: str
    source: TopicSource
    added_by: int | None
    added_at: datetime
    voice_file_id: str | None = None


@dataclass(frozen=True, slots=True)
class Decision:
    id: int
    meeting_id: int
    text: str
    at: datetime


@dataclass(frozen=True, slots=True)
class ActionItem:
    id: int
    meeting_id: int
    text: str
    owner_id: int
    due: date  # the owner's local calendar day
    created_at: datetime
    done_at: datetime | None = None

    @property
    def is_open(self) -> bool:
        return self.done_at is None

    def reminder_moment(self, owner: Person) -> datetime:
        """10:00 on the due date in the owner's zone, out of their quiet hours."""
        moment = at_local(self.due, ACTION_REMIND_AT, owner.timezone)
        if owner.quiet_hours is not None:
            moment = owner.quiet_hours.next_allowed(moment, owner.timezone)
        return moment

    def overdue_moment(self, owner: Person) -> datetime:
        """The start of the day after the due date, in the owner's zone."""
        return at_local(self.due + timedelta(days=1), time(0, 0), owner.timezone)


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


def check_slots(slots: Sequence[datetime], now: datetime) -> tuple[datetime, ...]:
    """2 to 5 different candidate moments, all ahead, in order."""
    ordered = tuple(sorted(set(slots)))
    if len(ordered) < MIN_SLOTS:
        raise InvalidInput("error-poll-too-few", minimum=MIN_SLOTS)
    if len(ordered) > MAX_SLOTS:
        raise InvalidInput("error-poll-too-many", maximum=MAX_SLOTS)
    for moment in ordered:
        check_future(moment, now)
    return ordered


def check_deadline(deadline: datetime, slots: Sequence[datetime], now: datetime) -> datetime:
    """The vote closes ahead, and before the first candidate slot."""
    check_future(deadline, now)
    if slots and deadline >= min(slots):
        raise InvalidInput("error-poll-deadline-late")
    return deadline


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


# --- polls ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SlotTally:
    slot: Slot
    yes: tuple[int, ...]
    if_need: tuple[int, ...]
    no: tuple[int, ...]

    @property
    def answered(self) -> int:
        return len(self.yes) + len(self.if_need) + len(self.no)


def tally(slots: Sequence[Slot], votes: Iterable[SlotVote]) -> list[SlotTally]:
    by_slot: dict[int, dict[Answer, list[int]]] = {s.id: {a: [] for a in Answer} for s in slots}
    for vote in votes:
        if vote.slot_id in by_slot:
            by_slot[vote.slot_id][vote.answer].append(vote.person_id)
    return [
        SlotTally(
            slot,
            tuple(sorted(by_slot[slot.id][Answer.YES])),
            tuple(sorted(by_slot[slot.id][Answer.IF_NEED])),
            tuple(sorted(by_slot[slot.id][Answer.NO])),
        )
        for slot in sorted(slots, key=lambda s: (s.starts_at, s.id))
    ]


def best_slot(tallies: Sequence[SlotTally]) -> Slot | None:
    """Most yes, then most if-need-be, then the earliest; None when nobody answered."""
    if not any(t.answered for t in tallies):
        return None
    best = min(tallies, key=lambda t: (-len(t.yes), -len(t.if_need), t.slot.starts_at, t.slot.id))
    return best.slot


# --- RSVP figures ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RsvpGroup:
    team_id: int | None
    yes: tuple[Person, ...]
    maybe: tuple[Person, ...]
    no: tuple[Person, ...]
    waiting: tuple[Person, ...]

    @property
    def total(self) -> int:
        return len(self.yes) + len(self.maybe) + len(self.no) + len(self.waiting)


def rsvp_groups(
    participants: Sequence[Participant], people: Mapping[int, Person]
) -> tuple[RsvpGroup, tuple[RsvpGroup, ...]]:
    """The whole meeting's answers and each team's, names sorted."""

    def group(team_id: int | None, rows: Sequence[Participant]) -> RsvpGroup:
        def named(rsvp: Rsvp | None) -> tuple[Person, ...]:
            found = [people[r.person_id] for r in rows if r.rsvp is rsvp and r.person_id in people]
            return tuple(sorted(found, key=lambda p: p.full_name.lower()))

        return RsvpGroup(team_id, named(Rsvp.YES), named(Rsvp.MAYBE), named(Rsvp.NO), named(None))

    by_team: dict[int | None, list[Participant]] = {}
    for row in participants:
        person = people.get(row.person_id)
        by_team.setdefault(person.team_id if person else None, []).append(row)
    teams = tuple(
        group(team_id, rows)
        for team_id, rows in sorted(by_team.items(), key=lambda i: (i[0] is None, i[0] or 0))
    )
    return group(None, participants), teams


# --- reminders -------------------------------------------------------------------------------


def before_quiet_hours(moment: datetime, person: Person) -> datetime:
    """A reminder that would fall in the person's quiet hours goes out before they begin."""
    if person.quiet_hours is None:
        return moment
    return person.quiet_hours.last_allowed_before(moment, person.timezone)


def reminder_moment(meeting: Meeting, minutes_before: int, person: Person) -> datetime:
    assert meeting.starts_at is not None
    return before_quiet_hours(meeting.starts_at - timedelta(minutes=minutes_before), person)


def due_reminder(meeting: Meeting, person: Person, now: datetime) -> int | None:
    """Which reminder (minutes before) is due for ``person`` now: the latest one whose moment
    has come, unless the meeting has started. An earlier one whose moment passed while the
    bot was down is not sent once a later one is due (it would be stale)."""
    if meeting.starts_at is None or now >= meeting.starts_at:
        return None
    due = None
    for minutes in sorted(meeting.reminders, reverse=True):
        if reminder_moment(meeting, minutes, person) <= now:
            due = minutes
    return due


def reminder_window(meetings_reminders: Iterable[int]) -> timedelta:
    """How far ahead the reminder sweep looks: the longest reminder, plus a day for quiet
    hours that move a reminder earlier."""
    return timedelta(minutes=max(meetings_reminders, default=0)) + timedelta(days=1)


def sorted_people(people: Iterable[Person]) -> list[Person]:
    return sorted(people, key=lambda p: p.full_name.lower())
