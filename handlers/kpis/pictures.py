"""The three charts from the domain's values, in the reader's language: what each one
draws, its one-line caption, and the table of the figures behind it (for CSV and Excel)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from domain.kpis.charts import Acknowledgement, Breakdown, Trend
from domain.kpis.figures import TEAM_MEASURES, Column
from domain.kpis.indicators import Measure
from domain.kpis.model import Share
from domain.kpis.ports import Grouping
from domain.kpis.scorecard import Scorecard
from handlers.kit.i18n import Translator
from handlers.kit.text import clip
from handlers.kpis import charts
from handlers.kpis.views import dates, duration, pct, period_label, row_name, scope_label

Table = list[list[str]]


@dataclass(frozen=True, slots=True)
class Picture:
    """A chart to draw (``draw`` is CPU work: call it off the event loop), its caption, and
    the table behind it."""

    draw: Callable[[], bytes]
    caption: str
    table: Table
    name: str


def _week(t: Translator, trend: Trend, index: int) -> str:
    return t.day(trend.weeks[index].first_day)


def trend_picture(t: Translator, trend: Trend, *, caption: str = "kpi-caption-trend") -> Picture:
    """The weekly trend; the caption names the latest week's figures ("this week", or "last
    week" in the digest, whose trend ends with the week it is about)."""
    weeks = [_week(t, trend, n) for n in range(len(trend.weeks))]
    quality, handling = t.label("kpi-measure-quality"), t.label("kpi-measure-handling")
    scope = scope_label(t, trend.scope.key, trend.scope.team)
    title = t.label("kpi-chart-trend-title", scope=scope)
    series = [charts.Series(quality, trend.quality), charts.Series(handling, trend.handling)]
    table: Table = [[t.label("kpi-col-week"), quality, handling, t.label("kpi-col-delivered")]]
    for n, week in enumerate(weeks):
        table.append(
            [week, pct(t, trend.quality[n]), pct(t, trend.handling[n]), str(trend.delivered[n])]
        )
    last = len(weeks) - 1
    caption = t.label(
        caption,
        weeks=len(weeks),
        quality=pct(t, trend.quality[last]),
        handling=pct(t, trend.handling[last]),
    )

    def draw() -> bytes:
        return charts.trend(title, weeks, series, no_data=t.label("kpi-no-data"))

    return Picture(draw, caption, table, "kpi-trend")


def sources_picture(t: Translator, found: Breakdown) -> Picture:
    segments = [
        t.label("kpi-col-won"),
        t.label("kpi-col-lost"),
        t.label("kpi-col-upheld"),
        t.label("kpi-col-in-work"),
    ]
    stacks = [
        charts.Stack(row_name(t, found, row.key), [row.won, row.lost, row.upheld, row.in_work])
        for row in found.rows
    ]
    title = t.label("kpi-chart-sources-title", period=period_label(t, found.period))
    table = breakdown_table(t, found)
    caption = t.label(
        "kpi-caption-sources",
        dates=dates(t, found.window),
        scope=scope_label(t, found.scope.key, found.scope.team),
        count=sum(row.delivered for row in found.rows),
    )

    def draw() -> bytes:
        return charts.stacked(title, segments, stacks, no_data=t.label("kpi-no-data"))

    return Picture(draw, caption, table, "kpi-sources")


def breakdown_table(t: Translator, found: Breakdown) -> Table:
    first = "kpi-col-source" if found.by is Grouping.SOURCE else "kpi-col-campaign"
    table: Table = [
        [
            t.label(first),
            t.label("kpi-col-delivered"),
            t.label("kpi-col-taken"),
            t.label("kpi-col-disputed"),
            t.label("kpi-col-upheld"),
            t.label("kpi-col-overturned"),
            t.label("kpi-col-returned"),
            t.label("kpi-col-won"),
            t.label("kpi-col-lost"),
            t.label("kpi-col-in-work"),
            t.label("kpi-measure-quality"),
            t.label("kpi-measure-dispute-rate"),
        ]
    ]
    for row in found.rows:
        table.append(
            [
                row_name(t, found, row.key),
                *(
                    str(n)
                    for n in (
                        row.delivered,
                        row.taken,
                        row.disputed,
                        row.upheld,
                        row.overturned,
                        row.returned,
                        row.won,
                        row.lost,
                        row.in_work,
                    )
                ),
                pct(t, row.quality.value),
                pct(t, row.dispute_rate.value),
            ]
        )
    return table


def _ack_text(t: Translator, share: Share) -> str:
    if share.value is None:
        return t.label("kpi-no-data")
    return t.label("kpi-share", value=share.percent or 0, part=share.part, whole=share.whole)


def acks_picture(t: Translator, found: Acknowledgement) -> Picture:
    bars = [(c.name, c.share.value, _ack_text(t, c.share)) for c in found.campaigns]
    title = t.label("kpi-chart-acks-title", period=period_label(t, found.period))
    table: Table = [
        [
            t.label("kpi-col-campaign"),
            t.label("kpi-col-launch"),
            t.label("kpi-col-delivered"),
            t.label("kpi-col-acknowledged"),
            t.label("kpi-col-share"),
            t.label("kpi-col-unreachable"),
        ]
    ]
    for c in found.campaigns:
        table.append(
            [
                c.name,
                c.launch.isoformat(),
                str(c.delivered),
                str(c.acknowledged),
                pct(t, c.share.value),
                str(c.unreachable),
            ]
        )
    total = Share(
        sum(c.acknowledged for c in found.campaigns), sum(c.delivered for c in found.campaigns)
    )
    caption = t.label(
        "kpi-caption-acks",
        count=len(found.campaigns),
        share=pct(t, total.value),
        dates=dates(t, found.window),
    )

    def draw() -> bytes:
        return charts.shares(title, bars, no_data=t.label("kpi-no-data"))

    return Picture(draw, caption, table, "kpi-acknowledgement")


def _column_rows(t: Translator, label: str, column: Column) -> Table:
    now, before = column.now, column.before

    def row(key: str, a: str, b: str) -> list[str]:
        return [t.label(key), label, a, b]

    def share(key: str, measure: Measure) -> list[str]:
        return row(key, pct(t, now.value(measure)), pct(t, before.value(measure)))

    def count(key: str, a: int, b: int) -> list[str]:
        return row(key, str(a), str(b))

    rows: Table = [
        share("kpi-measure-quality", Measure.QUALITY),
        share("kpi-measure-handling", Measure.HANDLING),
        share("kpi-measure-acknowledged", Measure.ACKNOWLEDGED),
        row("kpi-col-ack-median", duration(t, now.ack_minutes), duration(t, before.ack_minutes)),
        count("kpi-col-unreachable", now.unreachable, before.unreachable),
        count("kpi-col-open-questions", now.questions.open, before.questions.open),
        row(
            "kpi-col-answer-median",
            duration(t, now.answer_minutes),
            duration(t, before.answer_minutes),
        ),
        count("kpi-col-published", now.questions.published, before.questions.published),
    ]
    for name in LEAD_COUNTS:
        rows.append(
            count(
                f"kpi-col-{name.replace('_', '-')}",
                getattr(now.leads, name),
                getattr(before.leads, name),
            )
        )
    rows += [
        share("kpi-measure-dispute-rate", Measure.DISPUTE_RATE),
        share("kpi-measure-overturn-rate", Measure.OVERTURN_RATE),
        share("kpi-measure-first-action-sla", Measure.FIRST_ACTION_SLA),
        share("kpi-measure-decision-sla", Measure.DECISION_SLA),
        count("kpi-col-held", now.meetings.held, before.meetings.held),
        share("kpi-measure-attendance", Measure.ATTENDANCE),
        share("kpi-measure-actions-on-time", Measure.ACTIONS_ON_TIME),
    ]
    for rating in now.ratings:
        earlier = column.rating_before(rating.campaign_id)
        rows.append(
            [
                t.label("kpi-col-rating", name=rating.name),
                label,
                f"{rating.average or 0:.1f}",
                f"{earlier:.1f}" if earlier is not None else t.label("kpi-no-data"),
            ]
        )
    for reaction in now.reactions:
        rows.append(
            [
                t.label("kpi-col-negative", message=clip(reaction.message, 80)),
                label,
                pct(t, reaction.negative_share.value),
                "",
            ]
        )
    return rows


LEAD_COUNTS = (
    "delivered",
    "taken",
    "disputed",
    "upheld",
    "overturned",
    "returned",
    "won",
    "lost",
)


def card_table(t: Translator, card: Scorecard) -> Table:
    """Every figure of the scorecard as shown: figure, whose, this period, the period before."""
    scope = scope_label(t, card.scope.key, card.scope.team)
    table: Table = [
        [
            t.label("kpi-col-figure"),
            t.label("kpi-col-scope"),
            f"{period_label(t, card.period)} ({dates(t, card.window)})",
            t.label("kpi-col-before", dates=dates(t, card.before)),
        ]
    ]
    table += _column_rows(t, scope, card.main)
    if card.beside is not None and card.scope.team is not None:
        table += _column_rows(t, card.scope.team.name, card.beside)
    for team in card.teams:
        for measure in TEAM_MEASURES:
            changed = team.change(measure)
            table.append(
                [
                    t.label(f"kpi-measure-{measure.value}"),
                    team.team.name,
                    pct(t, None if changed.now is None else changed.now / 100),
                    pct(t, None if changed.before is None else changed.before / 100),
                ]
            )
        table.append(
            [
                t.label("kpi-col-delivered"),
                team.team.name,
                str(team.leads.delivered),
                str(team.leads_before.delivered),
            ]
        )
    return table
