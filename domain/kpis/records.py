"""What the KPIs keep besides the figures: when the weekly digest goes out (admins change
it), and each meeting occurrence's draft agenda as its organiser edits it, with the rows an
agenda is built from (open questions, low ratings, overdue action items, overturned
disputes).

Everything here is pure; storage keeps the settings and the drafts (``kpi_settings``,
``kpi_agendas``) and reads the rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from domain.kpis.periods import Window
from domain.timezones import at_local

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
