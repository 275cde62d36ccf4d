"""The figures behind the charts and exports: the two shared indicators week by week (📈),
lead outcomes by source, campaign or team, and acknowledgement before launch per campaign
(✅). Like the scorecard, each use case resolves the scope against the reader first
(:mod:`domain.kpis.scopes`), so no chart or export shows more than that.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain.kpis.indicators import lead_handling
from domain.kpis.model import AckTally, DecisionTally, LeadTally
from domain.kpis.periods import Period, Window, recent_weeks, window_of
from domain.kpis.ports import Grouping
from domain.kpis.scopes import Scope, resolve
from domain.people.model import Person
from domain.ports import UnitOfWork


@dataclass(frozen=True, slots=True)
class Trend:
    """The two shared indicators week by week (None: no data that week)."""

    scope: Scope
    weeks: tuple[Window, ...]
    quality: tuple[float | None, ...]
    handling: tuple[float | None, ...]
    delivered: tuple[int, ...]

    @property
    def has_data(self) -> bool:
        """Whether any week has a figure (a chart of nothing is not worth sending)."""
        values = (*self.quality, *self.handling)
        return any(v is not None for v in values) or any(self.delivered)


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

    @property
    def has_data(self) -> bool:
        return any(row.delivered for row in self.rows)


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
