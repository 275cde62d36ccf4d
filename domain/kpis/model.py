"""Shared KPIs: the tallies storage counts, one family per area (leads, verdicts, campaign
acknowledgements, questions, feedback, meetings), and the shares they give.

Everything here is pure. Storage counts (``COUNT``, ``SUM(CASE …)``, ``GROUP BY``) and hands
back tallies; the rules that turn tallies into shares live here, so "no data yet" (a share
of nothing) is decided in one place: a :class:`Share` with a zero denominator has no value,
never 0 %. The periods they are counted over live in :mod:`domain.kpis.periods`, the two
shared indicators and the changes between periods in :mod:`domain.kpis.indicators`.

What a lead counts for: the period in which it was **delivered** (first given to a rep, in
the reader's zone), its **team**, and the rep it was **delivered to**; its outcome is what
became of it since (taken, disputed, upheld, overturned, returned, won, lost).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date

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
