"""What the KPIs need from storage: aggregates only. Every method counts in SQL (``COUNT``,
``SUM(CASE …)``, ``GROUP BY``) over indexed columns and returns tallies, never rows to count;
plus the digest's settings and the draft agendas."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from enum import StrEnum
from typing import Protocol

from domain.kpis.model import (
    AckTally,
    DecisionTally,
    LeadTally,
    MeetingTally,
    QuestionTally,
    RatingTally,
    ReactionTally,
)
from domain.kpis.periods import Window
from domain.kpis.records import (
    AgendaDraft,
    DigestSettings,
    LowRating,
    OpenQuestion,
    OverdueAction,
    Overturned,
)
from domain.kpis.scopes import Slice


class Grouping(StrEnum):
    NONE = "none"
    TEAM = "team"
    SOURCE = "source"
    CAMPAIGN = "campaign"


class KpiRepo(Protocol):
    # --- leads and verdicts ---------------------------------------------------------------------
    async def leads(self, window: Window, where: Slice, by: Grouping) -> Sequence[LeadTally]:
        """Leads delivered in the window, one tally per group (``key``: the team id, the
        source or the campaign id; None for leads without one)."""
        ...

    async def lead_weeks(self, weeks: Sequence[Window], where: Slice) -> Sequence[LeadTally]:
        """One tally per week (``key``: its index in ``weeks``) for weeks with leads."""
        ...

    async def decisions(
        self, window: Window, where: Slice, by: Grouping
    ) -> Sequence[DecisionTally]:
        """Verdicts given in the window, by team (``key``) or all together."""
        ...

    async def decision_weeks(
        self, weeks: Sequence[Window], where: Slice
    ) -> Sequence[DecisionTally]: ...

    # --- campaigns ------------------------------------------------------------------------------
    async def acknowledgements(self, window: Window, where: Slice) -> Sequence[AckTally]:
        """Campaigns launching in the window (by the reader's dates), each with its
        recipients in the slice."""
        ...

    async def ack_minutes(self, window: Window, where: Slice) -> float | None:
        """The median time from an announcement's delivery to its acknowledgement, for the
        campaigns launching in the window (None: none acknowledged)."""
        ...

    async def unreachable(self, window: Window, where: Slice) -> int:
        """People of the slice the announcements of those campaigns could not reach."""
        ...

    # --- questions and feedback -----------------------------------------------------------------
    async def questions(self, window: Window, where: Slice) -> QuestionTally: ...
    async def answer_minutes(self, window: Window, where: Slice) -> float | None:
        """The median time to answer the questions asked in the window."""
        ...

    async def ratings(self, window: Window, where: Slice) -> Sequence[RatingTally]: ...
    async def reactions(self, window: Window, where: Slice) -> Sequence[ReactionTally]: ...

    # --- meetings -------------------------------------------------------------------------------
    async def meetings(self, window: Window, where: Slice, *, now: datetime) -> MeetingTally: ...

    # --- the digest -----------------------------------------------------------------------------
    async def digest_settings(self) -> DigestSettings: ...
    async def save_digest_settings(
        self, settings: DigestSettings, *, by: int, now: datetime
    ) -> None: ...

    # --- the agenda -----------------------------------------------------------------------------
    async def agenda(self, meeting_id: int) -> AgendaDraft | None: ...
    async def agendas_of(self, meeting_ids: Sequence[int]) -> set[int]:
        """Which of these meetings have a draft agenda already."""
        ...

    async def save_agenda(self, draft: AgendaDraft) -> None: ...
    async def disputes_waiting(self, where: Slice) -> int: ...
    async def overturned(
        self, window: Window, where: Slice, limit: int
    ) -> Sequence[Overturned]: ...
    async def top_questions(self, where: Slice, limit: int) -> Sequence[OpenQuestion]: ...
    async def lowest_ratings(
        self, window: Window, where: Slice, limit: int
    ) -> Sequence[LowRating]: ...
    async def overdue_actions(
        self, where: Slice, today: date, limit: int
    ) -> Sequence[OverdueAction]:
        """Open action items due before ``today``, oldest first."""
        ...
