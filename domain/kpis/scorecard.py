"""The scorecard: every figure for a period and a scope, with the period before, and the
figures behind the charts and exports. Each use case resolves the scope against the reader
first (:mod:`domain.kpis.scopes`), so no screen, chart or export shows more than that."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from domain.kpis.model import (
    AckTally,
    Change,
    DecisionTally,
    LeadTally,
    Measure,
    MeetingTally,
    Movement,
    Period,
    QuestionTally,
    RatingTally,
    ReactionTally,
    Share,
    Window,
    biggest,
    change,
    lead_handling,
    previous,
    recent_weeks,
    window_of,
)
from domain.kpis.ports import Grouping
from domain.kpis.scopes import Scope, Slice, choices, resolve
from domain.people.model import Person, Team
from domain.ports import UnitOfWork


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


@dataclass(frozen=True, slots=True)
class Scorecard:
    period: Period
    window: Window
    before: Window
    scope: Scope
    main: Column
    beside: Column | None  # a rep's team, beside their own figures
    teams: tuple[TeamRow, ...]  # everyone's scope: each team
    choices: tuple[tuple[str, Team | None], ...]  # the scopes the reader may switch to

    @property
    def is_empty(self) -> bool:
        columns = [self.main] + ([self.beside] if self.beside is not None else [])
        return all(c.now.is_empty and c.before.is_empty for c in columns)

    def movements(self) -> list[Movement]:
        """Every change there is, the scope's own first, then its team beside, then teams."""
        found = [Movement(m, None, self.main.change(m)) for m in Measure]
        if self.beside is not None and self.scope.team is not None:
            found += [Movement(m, self.scope.team.name, self.beside.change(m)) for m in Measure]
        for row in self.teams:
            found += [Movement(m, row.team.name, row.change(m)) for m in TEAM_MEASURES]
        return found

    def biggest_changes(self) -> list[Movement]:
        return biggest(self.movements())


def _total(tallies: Sequence[LeadTally]) -> LeadTally:
    total = LeadTally()  # its key (None) is kept: the sum is of every group
    for tally in tallies:
        total = total + tally
    return total


def _decided(tallies: Sequence[DecisionTally]) -> DecisionTally:
    total = DecisionTally()
    for tally in tallies:
        total = total + tally
    return total


async def figures_of(
    uow: UnitOfWork,
    window: Window,
    where: Slice,
    now: datetime,
    *,
    leads: LeadTally | None = None,
    decisions: DecisionTally | None = None,
) -> Figures:
    """Every figure of ``where`` in ``window`` (the lead and verdict tallies may be given
    when the caller counted them already, by team)."""
    kpis = uow.kpis
    if leads is None:
        leads = _total(await kpis.leads(window, where, Grouping.NONE))
    if decisions is None:
        decisions = _decided(await kpis.decisions(window, where, Grouping.NONE))
    return Figures(
        leads=leads,
        decisions=decisions,
        acks=tuple(await kpis.acknowledgements(window, where)),
        ack_minutes=await kpis.ack_minutes(window, where),
        unreachable=await kpis.unreachable(window, where),
        questions=await kpis.questions(window, where),
        answer_minutes=await kpis.answer_minutes(window, where),
        ratings=tuple(await kpis.ratings(window, where)),
        reactions=tuple(await kpis.reactions(window, where)),
        meetings=await kpis.meetings(window, where, now=now),
    )


async def _everyone(
    uow: UnitOfWork, window: Window, before: Window, teams: Sequence[Team], now: datetime
) -> tuple[Column, tuple[TeamRow, ...]]:
    """Everyone's figures, counted by team in one scan per window."""
    everyone = Slice()
    by_team = {t.key: t for t in await uow.kpis.leads(window, everyone, Grouping.TEAM)}
    by_team_before = {t.key: t for t in await uow.kpis.leads(before, everyone, Grouping.TEAM)}
    verdicts = {d.key: d for d in await uow.kpis.decisions(window, everyone, Grouping.TEAM)}
    verdicts_before = {d.key: d for d in await uow.kpis.decisions(before, everyone, Grouping.TEAM)}
    rows = tuple(
        TeamRow(
            team,
            by_team.get(team.id, LeadTally(team.id)),
            by_team_before.get(team.id, LeadTally(team.id)),
            verdicts.get(team.id, DecisionTally(team.id)),
            verdicts_before.get(team.id, DecisionTally(team.id)),
        )
        for team in teams
    )
    column = Column(
        await figures_of(
            uow,
            window,
            everyone,
            now,
            leads=_total(list(by_team.values())),
            decisions=_decided(list(verdicts.values())),
        ),
        await figures_of(
            uow,
            before,
            everyone,
            now,
            leads=_total(list(by_team_before.values())),
            decisions=_decided(list(verdicts_before.values())),
        ),
    )
    return column, rows


async def _column(
    uow: UnitOfWork, window: Window, before: Window, where: Slice, now: datetime
) -> Column:
    return Column(
        await figures_of(uow, window, where, now), await figures_of(uow, before, where, now)
    )


async def card_for(
    uow: UnitOfWork,
    reader: Person,
    scope: Scope,
    period: Period,
    window: Window,
    before: Window,
    teams: Sequence[Team],
    now: datetime,
) -> Scorecard:
    """The scorecard of a scope already resolved for ``reader`` (the digest, the agenda)."""
    rows: tuple[TeamRow, ...] = ()
    if scope.is_everyone:
        main, rows = await _everyone(uow, window, before, teams, now)
    else:
        main = await _column(uow, window, before, scope.main, now)
    beside = (
        await _column(uow, window, before, scope.beside, now) if scope.beside is not None else None
    )
    by_id = {t.id: t for t in teams}
    options = tuple(
        (key, by_id.get(int(key[1:])) if key.startswith("t") else None)
        for key in choices(reader, teams)
    )
    return Scorecard(period, window, before, scope, main, beside, rows, options)


async def scorecard(
    uow: UnitOfWork, *, actor: Person, period: Period, scope: str | None, now: datetime
) -> Scorecard:
    """/kpi: the period's figures in a scope the reader may see (None: their default)."""
    teams = list(await uow.teams.all())
    resolved = resolve(actor, scope, teams)
    window = window_of(period, now, actor.timezone)
    before = previous(period, window, actor.timezone)
    return await card_for(uow, actor, resolved, period, window, before, teams, now)


# --- the figures behind the charts ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Trend:
    """The two shared indicators week by week (None: no data that week)."""

    scope: Scope
    weeks: tuple[Window, ...]
    quality: tuple[float | None, ...]
    handling: tuple[float | None, ...]
    delivered: tuple[int, ...]


async def trend_for(uow: UnitOfWork, reader: Person, scope: Scope, now: datetime) -> Trend:
    weeks = recent_weeks(now, reader.timezone)
    leads = {t.key: t for t in await uow.kpis.lead_weeks(weeks, scope.main)}
    verdicts = {d.key: d for d in await uow.kpis.decision_weeks(weeks, scope.main)}
    per_week = [
        (leads.get(n, LeadTally(n)), verdicts.get(n, DecisionTally(n))) for n in range(len(weeks))
    ]
    return Trend(
        scope,
        tuple(weeks),
        tuple(lt.quality.value for lt, _ in per_week),
        tuple(lead_handling(lt, dt) for lt, dt in per_week),
        tuple(lt.delivered for lt, _ in per_week),
    )


async def trend(uow: UnitOfWork, *, actor: Person, scope: str | None, now: datetime) -> Trend:
    """📈 The weekly trend of lead quality and lead handling over the last weeks."""
    resolved = resolve(actor, scope, list(await uow.teams.all()))
    return await trend_for(uow, actor, resolved, now)


@dataclass(frozen=True, slots=True)
class Breakdown:
    """Leads of a period by source or by campaign (``names``: campaign id → name)."""

    scope: Scope
    period: Period
    window: Window
    by: Grouping
    rows: tuple[LeadTally, ...]
    names: dict[int, str]


async def breakdown_for(
    uow: UnitOfWork, reader: Person, scope: Scope, period: Period, by: Grouping, now: datetime
) -> Breakdown:
    window = window_of(period, now, reader.timezone)
    rows = sorted(
        await uow.kpis.leads(window, scope.main, by),
        key=lambda t: (-t.delivered, str(t.key) if t.key is not None else "\uffff"),
    )
    names: dict[int, str] = {}
    if by is Grouping.CAMPAIGN:
        for row in rows:
            if isinstance(row.key, int):
                campaign = await uow.campaigns.get(row.key)
                names[row.key] = campaign.name if campaign is not None else f"#{row.key}"
    return Breakdown(scope, period, window, by, tuple(rows), names)


async def breakdown(
    uow: UnitOfWork,
    *,
    actor: Person,
    period: Period,
    scope: str | None,
    by: Grouping,
    now: datetime,
) -> Breakdown:
    """Lead outcomes by source (the stacked bars) or by campaign."""
    if by not in (Grouping.SOURCE, Grouping.CAMPAIGN, Grouping.TEAM):
        by = Grouping.SOURCE
    resolved = resolve(actor, scope, list(await uow.teams.all()))
    return await breakdown_for(uow, actor, resolved, period, by, now)


@dataclass(frozen=True, slots=True)
class Acknowledgement:
    scope: Scope
    period: Period
    window: Window
    campaigns: tuple[AckTally, ...]


async def acknowledgement(
    uow: UnitOfWork, *, actor: Person, period: Period, scope: str | None, now: datetime
) -> Acknowledgement:
    """✅ Acknowledgement before launch, per campaign launching in the period."""
    resolved = resolve(actor, scope, list(await uow.teams.all()))
    window = window_of(period, now, actor.timezone)
    found = await uow.kpis.acknowledgements(window, resolved.main)
    return Acknowledgement(resolved, period, window, tuple(found))
