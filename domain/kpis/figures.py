"""What a scorecard shows of one slice: every figure in one window (:class:`Figures`), the
same in the period before beside it (:class:`Column`), and a team's lead figures in the
everyone scope (:class:`TeamRow`), each giving its shares, its two shared indicators and the
change of any measure between the two periods.

Everything here is pure: the use cases of :mod:`domain.kpis.scorecard` count the tallies and
build these.
"""

from __future__ import annotations

from dataclasses import dataclass

from domain.kpis.indicators import Change, Measure, change, lead_handling
from domain.kpis.model import (
    AckTally,
    DecisionTally,
    LeadTally,
    MeetingTally,
    QuestionTally,
    RatingTally,
    ReactionTally,
    Share,
)
from domain.people.model import Team


@dataclass(frozen=True, slots=True)
class Figures:
    """Every figure of one slice in one window."""

    leads: LeadTally
    decisions: DecisionTally
    acks: tuple[AckTally, ...]
    ack_minutes: float | None
    unreachable: int
    questions: QuestionTally
    answer_minutes: float | None
    ratings: tuple[RatingTally, ...]
    reactions: tuple[ReactionTally, ...]
    meetings: MeetingTally

    @property
    def acknowledged(self) -> Share:
        return Share(sum(a.acknowledged for a in self.acks), sum(a.delivered for a in self.acks))

    @property
    def quality(self) -> float | None:
        return self.leads.quality.value

    @property
    def handling(self) -> float | None:
        return lead_handling(self.leads, self.decisions)

    @property
    def is_empty(self) -> bool:
        """Nothing happened: no lead, verdict, announcement, question, feedback or meeting."""
        q = self.questions
        return not (
            self.leads.delivered
            or self.decisions.decided
            or self.acks
            or q.asked
            or q.open
            or q.published
            or self.ratings
            or self.meetings.held
            or self.meetings.actions_due
        )

    def value(self, measure: Measure) -> float | None:
        return {
            Measure.QUALITY: self.quality,
            Measure.HANDLING: self.handling,
            Measure.DISPUTE_RATE: self.leads.dispute_rate.value,
            Measure.OVERTURN_RATE: self.decisions.overturn_rate.value,
            Measure.FIRST_ACTION_SLA: self.leads.first_action_sla.value,
            Measure.DECISION_SLA: self.decisions.decision_sla.value,
            Measure.ACKNOWLEDGED: self.acknowledged.value,
            Measure.ATTENDANCE: self.meetings.attendance.value,
            Measure.ACTIONS_ON_TIME: self.meetings.actions.value,
        }[measure]


@dataclass(frozen=True, slots=True)
class Column:
    """One slice's figures now and in the period before."""

    now: Figures
    before: Figures

    def change(self, measure: Measure) -> Change:
        return change(self.now.value(measure), self.before.value(measure))

    def rating_before(self, campaign_id: int) -> float | None:
        found = [r for r in self.before.ratings if r.campaign_id == campaign_id]
        return found[0].average if found else None


@dataclass(frozen=True, slots=True)
class TeamRow:
    """A team's lead figures in the everyone scope, now and before."""

    team: Team
    leads: LeadTally
    leads_before: LeadTally
    decisions: DecisionTally
    decisions_before: DecisionTally

    @property
    def handling(self) -> float | None:
        return lead_handling(self.leads, self.decisions)

    def change(self, measure: Measure) -> Change:
        def value(leads: LeadTally, decisions: DecisionTally) -> float | None:
            return {
                Measure.QUALITY: leads.quality.value,
                Measure.HANDLING: lead_handling(leads, decisions),
                Measure.DISPUTE_RATE: leads.dispute_rate.value,
                Measure.OVERTURN_RATE: decisions.overturn_rate.value,
                Measure.FIRST_ACTION_SLA: leads.first_action_sla.value,
                Measure.DECISION_SLA: decisions.decision_sla.value,
            }.get(measure)

        return change(
            value(self.leads, self.decisions), value(self.leads_before, self.decisions_before)
        )


TEAM_MEASURES = (
    Measure.QUALITY,
    Measure.HANDLING,
    Measure.DISPUTE_RATE,
    Measure.OVERTURN_RATE,
    Measure.FIRST_ACTION_SLA,
    Measure.DECISION_SLA,
)
