"""The shared indicators and how they move: lead quality (marketing's side, a property of
:class:`~domain.kpis.model.LeadTally`) and lead handling (sales' side, from the lead and
verdict tallies together), the measures the digest and the agenda compare by name, and the
change of each between two periods, biggest first.

Everything here is pure: a change is of two values already computed, in whole percent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from domain.kpis.model import DecisionTally, LeadTally, mean


def lead_handling(leads: LeadTally, decisions: DecisionTally) -> float | None:
    """Lead handling (sales' side): the mean of first-action SLA compliance and the share of
    disputes not overturned — of whichever of the two has data."""
    return mean([leads.first_action_sla.value, decisions.not_overturned.value])


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
