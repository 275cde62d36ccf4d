"""Shared KPIs: periods in the reader's zone, the tallies storage counts, the figures and the
two shared indicators computed from them, and the biggest changes in words.

Everything here is pure. Storage counts (``COUNT``, ``SUM(CASE …)``, ``GROUP BY``) and hands
back tallies; the rules that turn tallies into shares live here, so "no data yet" (a share
of nothing) is decided in one place: a :class:`Share` with a zero denominator has no value,
never 0 %.

What a lead counts for: the period in which it was **delivered** (first given to a rep, in
the reader's zone), its **team**, and the rep it was **delivered to**; its outcome is what
became of it since (taken, disputed, upheld, overturned, returned, won, lost).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from domain.timezones import at_local, local_today


class Period(StrEnum):
    THIS_WEEK = "tw"
    LAST_WEEK = "lw"
    DAYS_30 = "30d"
    QUARTER = "q"


DEFAULT_PERIOD = Period.THIS_WEEK
TREND_WEEKS = 8  # the trend chart's weeks, the current one included


@dataclass(frozen=True, slots=True)
class Window:
    """A half-open span of time [start, end) in UTC, with the local dates it covers."""

    start: datetime
    end: datetime
    first_day: date  # the reader's local date of ``start``
    last_day: date  # the reader's local date of the last day inside

    @property
    def length(self) -> timedelta:
        return self.end - self.start


def _days(first: date, last: date, timezone: str) -> Window:
    start = at_local(first, time(0, 0), timezone)
    end = at_local(last + timedelta(days=1), time(0, 0), timezone)
    return Window(start, end, first, last)


def week_of(day: date, timezone: str) -> Window:
    """Monday 00:00 to the next Monday 00:00 in ``timezone``: the ISO week of ``day``."""
    monday = day - timedelta(days=day.isoweekday() - 1)
    return _days(monday, monday + timedelta(days=6), timezone)


def _quarter_of(day: date) -> tuple[date, date]:
    first_month = 3 * ((day.month - 1) // 3) + 1
    first = date(day.year, first_month, 1)
    nxt = date(day.year + (first_month + 3 > 12), (first_month + 2) % 12 + 1, 1)
    return first, nxt - timedelta(days=1)


def window_of(period: Period, now: datetime, timezone: str) -> Window:
    """The period as the reader sees it from ``now`` in their ``timezone``: this week (Monday
    on), last week, the last 30 days (today included), this quarter."""
    today = local_today(now, timezone)
    if period is Period.THIS_WEEK:
        return week_of(today, timezone)
    if period is Period.LAST_WEEK:
        return week_of(today - timedelta(days=7), timezone)
    if period is Period.DAYS_30:
        return _days(today - timedelta(days=29), today, timezone)
    first, last = _quarter_of(today)
    return _days(first, last, timezone)


def previous(period: Period, window: Window, timezone: str) -> Window:
    """The period before: the week before, the 30 days before, the quarter before."""
    if period in (Period.THIS_WEEK, Period.LAST_WEEK):
        return week_of(window.first_day - timedelta(days=7), timezone)
    if period is Period.DAYS_30:
        return _days(
            window.first_day - timedelta(days=30), window.first_day - timedelta(days=1), timezone
        )
    first, last = _quarter_of(window.first_day - timedelta(days=1))
    return _days(first, last, timezone)


def recent_weeks(now: datetime, timezone: str, count: int = TREND_WEEKS) -> list[Window]:
    """The last ``count`` weeks in the reader's zone, oldest first, this one last."""
    this = week_of(local_today(now, timezone), timezone)
    return [
        week_of(this.first_day - timedelta(days=7 * n), timezone) for n in reversed(range(count))
    ]


def iso_week(day: date) -> str:
    """``2026-W49``: names a week (the digest's batch key)."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


# --- shares --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Share:
    """``part`` of ``whole``; no value (not 0 %) when there is nothing to share."""

    part: int
    whole: int

    @property
    def value(self) -> float | None:
        return self.part / self.whole if self.whole > 0 else None

    @property
    def percent(self) -> int | None:
        value = self.value
        return None if value is None else round(100 * value)

    def __add__(self, other: Share) -> Share:
        return Share(self.part + other.part, self.whole + other.whole)


NO_SHARE = Share(0, 0)


def mean(values: Iterable[float | None]) -> float | None:
    """The mean of the values there are (None when there are none)."""
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None


# --- tallies: what storage counts -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LeadTally:
    """Leads delivered in a window, and what became of them. ``key`` is what they are grouped
    by (a team id, a source, a campaign id, a week's number; None: all of them)."""

    key: int | str | None = None
    delivered: int = 0
    taken: int = 0
    disputed: int = 0
    upheld: int = 0
    overturned: int = 0
    returned: int = 0
    won: int = 0
    lost: int = 0
    in_work: int = 0  # not closed (neither won, lost nor upheld)
    sla_due: int = 0  # first-action clocks that ended (acted on, or past the deadline)
    sla_met: int = 0  # … of which acted on before the deadline

    def __add__(self, other: LeadTally) -> LeadTally:
        sums = {
            f.name: getattr(self, f.name) + getattr(other, f.name)
            for f in fields(self)
            if f.name != "key"
        }
        return LeadTally(key=self.key, **sums)

    @property
    def dispute_rate(self) -> Share:
        return Share(self.disputed, self.delivered)

    @property
    def first_action_sla(self) -> Share:
        return Share(self.sla_met, self.sla_due)

    @property
    def quality(self) -> Share:
        """Lead quality: delivered leads not upheld as bad (marketing's side)."""
        return Share(self.delivered - self.upheld, self.delivered)


@dataclass(frozen=True, slots=True)
class DecisionTally:
    """The analysts' verdicts given in a window."""

    key: int | str | None = None
    decided: int = 0
    overturned: int = 0
    on_time: int = 0  # within the decision SLA

    def __add__(self, other: DecisionTally) -> DecisionTally:
        return DecisionTally(
            self.key,
            self.decided + other.decided,
            self.overturned + other.overturned,
            self.on_time + other.on_time,
        )

    @property
    def overturn_rate(self) -> Share:
        """Disputes the analyst found unjustified."""
        return Share(self.overturned, self.decided)

    @property
    def not_overturned(self) -> Share:
        return Share(self.decided - self.overturned, self.decided)

    @property
    def decision_sla(self) -> Share:
        return Share(self.on_time, self.decided)


def lead_handling(leads: LeadTally, decisions: DecisionTally) -> float | None:
    """Lead handling (sales' side): the mean of first-action SLA compliance and the share of
    disputes not overturned — of whichever of the two has data."""
    return mean([leads.first_action_sla.value, decisions.not_overturned.value])


@dataclass(frozen=True, slots=True)
class AckTally:
    """A campaign launched in the window: its announcement delivered, acknowledged before
    the launch day began in each recipient's zone, and its recipients who could not be
    reached. ``team_id`` None: everyone in scope."""

    campaign_id: int
    name: str
    launch: date
    delivered: int = 0
    acknowledged: int = 0
    unreachable: int = 0

    @property
    def share(self) -> Share:
        return Share(self.acknowledged, self.delivered)


@dataclass(frozen=True, slots=True)
class QuestionTally:
    """Questions from the field: open at the window's end, answered of those asked in it,
    published to the FAQ in it."""

    key: int | str | None = None
    asked: int = 0
    open: int = 0
    answered: int = 0
    published: int = 0

    def __add__(self, other: QuestionTally) -> QuestionTally:
        return QuestionTally(
            self.key,
            self.asked + other.asked,
            self.open + other.open,
            self.answered + other.answered,
            self.published + other.published,
        )


@dataclass(frozen=True, slots=True)
class RatingTally:
    """Feedback on one campaign given in a window."""

    campaign_id: int
    name: str
    count: int = 0
    total: int = 0  # the sum of the ratings

    @property
    def average(self) -> float | None:
        return self.total / self.count if self.count else None


@dataclass(frozen=True, slots=True)
class ReactionTally:
    """Reactions to one key message of a campaign given in a window."""

    campaign_id: int
    index: int
    message: str
    total: int = 0
    negative: int = 0

    @property
    def negative_share(self) -> Share:
        return Share(self.negative, self.total)


@dataclass(frozen=True, slots=True)
class MeetingTally:
    """Meetings held in a window (started, not cancelled), attendance where it was recorded,
    and action items due in it."""

    held: int = 0
    recorded: int = 0  # participants whose attendance was recorded
    attended: int = 0
    actions_due: int = 0
    actions_on_time: int = 0  # done by the end of the due day, in the owner's zone

    @property
    def attendance(self) -> Share:
        return Share(self.attended, self.recorded)

    @property
    def actions(self) -> Share:
        return Share(self.actions_on_time, self.actions_due)


# --- a change between two periods -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Change:
    """A share now and in the period before, in percent (None: no data)."""

    now: int | None
    before: int | None

    @property
    def delta(self) -> int | None:
        if self.now is None or self.before is None:
            return None
        return self.now - self.before


def percent(value: float | None) -> int | None:
    return None if value is None else round(100 * value)


def change(now: float | None, before: float | None) -> Change:
    return Change(percent(now), percent(before))


class Measure(StrEnum):
    """The shares the digest and the agenda compare, by name (their labels are the
    handlers')."""

    QUALITY = "quality"
    HANDLING = "handling"
    DISPUTE_RATE = "dispute-rate"
    OVERTURN_RATE = "overturn-rate"
    FIRST_ACTION_SLA = "first-action-sla"
    DECISION_SLA = "decision-sla"
    ACKNOWLEDGED = "acknowledged"
    ATTENDANCE = "attendance"
    ACTIONS_ON_TIME = "actions-on-time"


@dataclass(frozen=True, slots=True)
class Movement:
    """ "Dispute rate in team Север rose from 8 % to 19 %": a measure of a team (None: the
    whole scope) and its change."""

    measure: Measure
    team: str | None
    change: Change

    @property
    def size(self) -> int:
        return abs(self.change.delta or 0)


BIGGEST = 3


def biggest(movements: Sequence[Movement], count: int = BIGGEST) -> list[Movement]:
    """The ``count`` largest changes (at least one point), largest first; a tie keeps the
    order given (the scope's own figures before its teams')."""
    moved = [m for m in movements if m.change.delta]
    return sorted(moved, key=lambda m: -m.size)[:count]


# --- the weekly digest -----------------------------------------------------------------------

DIGEST_DAY = 1  # Monday (ISO weekday)
DIGEST_TIME = time(9, 0)


@dataclass(frozen=True, slots=True)
class DigestSettings:
    """When the weekly digest goes out, in each recipient's zone (admins change it)."""

    day: int = DIGEST_DAY  # 1 = Monday … 7 = Sunday
    at: time = DIGEST_TIME
    enabled: bool = True

    def moment_in(self, week: Window, timezone: str) -> datetime:
        """The digest's moment in the week ``week`` (a Monday-to-Sunday window) there."""
        return at_local(week.first_day + timedelta(days=self.day - 1), self.at, timezone)


# --- the agenda that writes itself ------------------------------------------------------------


class ItemKind(StrEnum):
    INDICATOR = "indicator"  # a shared indicator since the last occurrence
    CHANGE = "change"  # one of the biggest changes
    DISPUTES_WAITING = "waiting"  # disputes awaiting a verdict
    OVERTURNED = "overturned"  # disputes overturned this week
    QUESTION = "question"  # an open question, most "me too" first
    FEEDBACK = "feedback"  # a low-rated feedback comment
    ACTION = "action"  # an overdue action item


Arg = str | int | None


@dataclass(frozen=True, slots=True)
class AgendaItem:
    kind: ItemKind
    args: tuple[tuple[str, Arg], ...]
    kept: bool = True

    def arg(self, name: str) -> Arg:
        return dict(self.args).get(name)

    def toggled(self) -> AgendaItem:
        return AgendaItem(self.kind, self.args, not self.kept)


class AgendaStatus(StrEnum):
    DRAFT = "draft"
    SENT = "sent"


@dataclass(frozen=True, slots=True)
class AgendaDraft:
    """The draft agenda of one meeting occurrence, as its organiser edits it."""

    meeting_id: int
    items: tuple[AgendaItem, ...]
    status: AgendaStatus
    created_at: datetime
    sent_at: datetime | None = None

    @property
    def kept(self) -> tuple[AgendaItem, ...]:
        return tuple(item for item in self.items if item.kept)


# --- what the agenda is built from -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OpenQuestion:
    question_id: int
    text: str
    votes: int
    campaign: str


@dataclass(frozen=True, slots=True)
class LowRating:
    feedback_id: int
    rating: int
    comment: str
    campaign: str


@dataclass(frozen=True, slots=True)
class OverdueAction:
    action_id: int
    text: str
    owner: str
    due: date


@dataclass(frozen=True, slots=True)
class Overturned:
    dispute_id: int
    lead: str
    clause: str
