"""The scorecard: every figure for a period and a scope, with the period before, and each
team's beside it in the everyone scope. Each use case resolves the scope against the reader
first (:mod:`domain.kpis.scopes`), so no screen shows more than that. The figures behind the
charts and exports are in :mod:`domain.kpis.charts`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from domain.kpis.figures import TEAM_MEASURES, Column, Figures, TeamRow
from domain.kpis.indicators import Measure, Movement, biggest
from domain.kpis.model import DecisionTally, LeadTally
from domain.kpis.periods import Period, Window, previous, window_of
from domain.kpis.ports import Grouping
from domain.kpis.scopes import Scope, Slice, choices, resolve
from domain.people.model import Person, Team
from domain.ports import UnitOfWork


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
