"""The KPIs' read side in memory: tallies a test sets per slice and window (by the window's
first local day), so a use case's rules — scopes, periods, changes, the digest, the agenda —
are tested without SQL. ``asked`` records every slice a use case counted, so a test sees
that a scope never reached beyond what its reader may see."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

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
from domain.kpis.ports import Grouping
from domain.kpis.records import (
    AgendaDraft,
    DigestSettings,
    LowRating,
    OpenQuestion,
    OverdueAction,
    Overturned,
)
from domain.kpis.scopes import Slice

Key = tuple[Slice, date]


@dataclass
class FakeKpiRepo:
    leads_by: dict[tuple[Slice, date, Grouping], list[LeadTally]] = field(default_factory=dict)
    decisions_by: dict[tuple[Slice, date, Grouping], list[DecisionTally]] = field(
        default_factory=dict
    )
    acks_by: dict[Key, list[AckTally]] = field(default_factory=dict)
    meetings_by: dict[Key, MeetingTally] = field(default_factory=dict)
    questions_by: dict[Key, QuestionTally] = field(default_factory=dict)
    ratings_by: dict[Key, list[RatingTally]] = field(default_factory=dict)
    week_leads: dict[Slice, list[LeadTally]] = field(default_factory=dict)
    settings: DigestSettings = field(default_factory=DigestSettings)
    drafts: dict[int, AgendaDraft] = field(default_factory=dict)
    waiting: int = 0
    overturned_list: list[Overturned] = field(default_factory=list)
    questions_list: list[OpenQuestion] = field(default_factory=list)
    ratings_list: list[LowRating] = field(default_factory=list)
    actions_list: list[OverdueAction] = field(default_factory=list)
    asked: list[Slice] = field(default_factory=list)

    def set_leads(
        self, where: Slice, first_day: date, *tallies: LeadTally, by: Grouping = Grouping.NONE
    ) -> None:
        self.leads_by[(where, first_day, by)] = list(tallies)

    def set_decisions(
        self, where: Slice, first_day: date, *tallies: DecisionTally, by: Grouping = Grouping.NONE
    ) -> None:
        self.decisions_by[(where, first_day, by)] = list(tallies)

    async def leads(self, window: Window, where: Slice, by: Grouping) -> Sequence[LeadTally]:
        self.asked.append(where)
        return self.leads_by.get((where, window.first_day, by), [])

    async def lead_weeks(self, weeks: Sequence[Window], where: Slice) -> Sequence[LeadTally]:
        self.asked.append(where)
        return self.week_leads.get(where, [])

    async def decisions(
        self, window: Window, where: Slice, by: Grouping
    ) -> Sequence[DecisionTally]:
        self.asked.append(where)
        return self.decisions_by.get((where, window.first_day, by), [])

    async def decision_weeks(
        self, weeks: Sequence[Window], where: Slice
    ) -> Sequence[DecisionTally]:
        self.asked.append(where)
        return []

    async def acknowledgements(self, window: Window, where: Slice) -> Sequence[AckTally]:
        self.asked.append(where)
        return self.acks_by.get((where, window.first_day), [])

    async def ack_minutes(self, window: Window, where: Slice) -> float | None:
        return None

    async def unreachable(self, window: Window, where: Slice) -> int:
        return 0

    async def questions(self, window: Window, where: Slice) -> QuestionTally:
        self.asked.append(where)
        return self.questions_by.get((where, window.first_day), QuestionTally())

    async def answer_minutes(self, window: Window, where: Slice) -> float | None:
        return None

    async def ratings(self, window: Window, where: Slice) -> Sequence[RatingTally]:
        return self.ratings_by.get((where, window.first_day), [])

    async def reactions(self, window: Window, where: Slice) -> Sequence[ReactionTally]:
        return []

    async def meetings(self, window: Window, where: Slice, *, now: datetime) -> MeetingTally:
        self.asked.append(where)
        return self.meetings_by.get((where, window.first_day), MeetingTally())

    async def digest_settings(self) -> DigestSettings:
        return self.settings

    async def save_digest_settings(
        self, settings: DigestSettings, *, by: int, now: datetime
    ) -> None:
        self.settings = settings

    async def agenda(self, meeting_id: int) -> AgendaDraft | None:
        return self.drafts.get(meeting_id)

    async def agendas_of(self, meeting_ids: Sequence[int]) -> set[int]:
        return {m for m in meeting_ids if m in self.drafts}

    async def save_agenda(self, draft: AgendaDraft) -> None:
        self.drafts[draft.meeting_id] = draft

    async def disputes_waiting(self, where: Slice) -> int:
        self.asked.append(where)
        return self.waiting

    async def overturned(self, window: Window, where: Slice, limit: int) -> Sequence[Overturned]:
        return self.overturned_list[:limit]

    async def top_questions(self, where: Slice, limit: int) -> Sequence[OpenQuestion]:
        return self.questions_list[:limit]

    async def lowest_ratings(self, window: Window, where: Slice, limit: int) -> Sequence[LowRating]:
        return self.ratings_list[:limit]

    async def overdue_actions(
        self, where: Slice, today: date, limit: int
    ) -> Sequence[OverdueAction]:
        return self.actions_list[:limit]
