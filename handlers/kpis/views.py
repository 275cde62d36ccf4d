"""The KPIs' screens from the domain's values: the scorecard with its period and scope
buttons, the breakdowns by source and campaign, the biggest changes in words, the digest's
settings and the draft agenda. Every share without data reads "no data yet", never 0 %."""

from __future__ import annotations

from datetime import timedelta

from babel.dates import format_timedelta
from telegram import InlineKeyboardButton

from domain.kpis.charts import Breakdown
from domain.kpis.figures import Column, Figures
from domain.kpis.indicators import Change, Measure, Movement
from domain.kpis.model import LeadTally, Share
from domain.kpis.periods import Period, Window
from domain.kpis.ports import Grouping
from domain.kpis.scopes import ALL, ME
from domain.kpis.scorecard import Scorecard
from domain.people.model import Team
from handlers.kit.callbacks import Area, button
from handlers.kit.i18n import Translator
from handlers.kit.screens import Screen
from handlers.kit.text import clip, fit

AREA = Area.KPIS
NAME_MAX = 40
MESSAGE_MAX = 60
TEAMS_SHOWN = 15
ROWS_SHOWN = 12


# --- small pieces ----------------------------------------------------------------------------


def pct(t: Translator, value: float | None) -> str:
    if value is None:
        return t.label("kpi-no-data")
    return t.label("kpi-percent", value=round(100 * value))


def share_text(t: Translator, share: Share) -> str:
    if share.value is None:
        return t.label("kpi-no-data")
    return t.label("kpi-share", value=round(100 * share.value), part=share.part, whole=share.whole)


def change_text(t: Translator, changed: Change) -> str:
    """ "92 % (before: 88 %, +4 pp)"."""
    now = (
        t.label("kpi-no-data") if changed.now is None else t.label("kpi-percent", value=changed.now)
    )
    before = (
        t.label("kpi-no-data")
        if changed.before is None
        else t.label("kpi-percent", value=changed.before)
    )
    delta = changed.delta
    if delta is None:
        return t.label("kpi-change-none", now=now, before=before)
    return t.label("kpi-change", now=now, before=before, delta=f"{delta:+d}" if delta else "±0")


def duration(t: Translator, minutes: float | None) -> str:
    if minutes is None:
        return t.label("kpi-no-data")
    return str(
        format_timedelta(
            timedelta(minutes=max(minutes, 1)), format="short", locale=t.language.value
        )
    )


def period_label(t: Translator, period: Period) -> str:
    return t.label(f"kpi-period-{period.value}")


def dates(t: Translator, window: Window) -> str:
    return f"{t.day(window.first_day)} – {t.day(window.last_day)}"


def scope_label(t: Translator, key: str, team: Team | None) -> str:
    if key == ALL:
        return t.label("kpi-scope-all")
    if key == ME:
        return t.label("kpi-scope-me")
    return clip(team.name, NAME_MAX) if team is not None else key


def measure_label(t: Translator, measure: Measure) -> str:
    return t.label(f"kpi-measure-{measure.value}")


def movement_text(t: Translator, moved: Movement) -> str:
    """ "Dispute rate in team Север rose from 8 % to 19 %"."""
    rose = (moved.change.delta or 0) > 0
    args = {
        "measure": measure_label(t, moved.measure),
        "before": moved.change.before or 0,
        "now": moved.change.now or 0,
    }
    if moved.team is None:
        return t("kpi-moved-rose" if rose else "kpi-moved-fell", **args)
    key = "kpi-moved-team-rose" if rose else "kpi-moved-team-fell"
    return t(key, team=clip(moved.team, NAME_MAX), **args)


# --- the scorecard --------------------------------------------------------------------------


def _leads_lines(t: Translator, leads: LeadTally) -> list[str]:
    return [
        t(
            "kpi-leads-flow",
            delivered=leads.delivered,
            taken=leads.taken,
            disputed=leads.disputed,
            returned=leads.returned,
        ),
        t(
            "kpi-leads-outcomes",
            upheld=leads.upheld,
            overturned=leads.overturned,
            won=leads.won,
            lost=leads.lost,
        ),
    ]


def _figures(t: Translator, column: Column) -> list[str]:
    now: Figures = column.now
    lines = ["", t("kpi-section-campaigns")]
    lines.append(
        t(
            "kpi-campaigns-line",
            acknowledged=share_text(t, now.acknowledged),
            median=duration(t, now.ack_minutes),
            unreachable=now.unreachable,
        )
    )
    lines += ["", t("kpi-section-questions")]
    lines.append(
        t(
            "kpi-questions-line",
            open=now.questions.open,
            median=duration(t, now.answer_minutes),
            published=now.questions.published,
        )
    )
    lines += ["", t("kpi-section-feedback")]
    if not now.ratings:
        lines.append(t("kpi-feedback-none"))
    for rating in now.ratings[:ROWS_SHOWN]:
        before = column.rating_before(rating.campaign_id)
        lines.append(
            t(
                "kpi-feedback-rating",
                name=clip(rating.name, NAME_MAX),
                average=f"{rating.average or 0:.1f}",
                count=rating.count,
                before=f"{before:.1f}" if before is not None else t.label("kpi-no-data"),
                trend=_trend_arrow(rating.average, before),
            )
        )
    disliked = sorted(now.reactions, key=lambda r: -(r.negative_share.value or 0))
    for reaction in [r for r in disliked if r.negative][:3]:
        lines.append(
            t(
                "kpi-feedback-negative",
                message=clip(reaction.message, MESSAGE_MAX),
                share=pct(t, reaction.negative_share.value),
            )
        )
    lines += ["", t("kpi-section-leads"), *_leads_lines(t, now.leads)]
    lines.append(
        t(
            "kpi-leads-rates",
            dispute=pct(t, now.leads.dispute_rate.value),
            overturn=pct(t, now.decisions.overturn_rate.value),
            first=pct(t, now.leads.first_action_sla.value),
            decision=pct(t, now.decisions.decision_sla.value),
        )
    )
    lines += ["", t("kpi-section-meetings")]
    lines.append(
        t(
            "kpi-meetings-line",
            held=now.meetings.held,
            attendance=pct(t, now.meetings.attendance.value),
            actions=pct(t, now.meetings.actions.value),
        )
    )
    return lines


def _trend_arrow(now: float | None, before: float | None) -> str:
    if now is None or before is None or abs(now - before) < 0.05:
        return "→"
    return "↗" if now > before else "↘"


def _indicators(t: Translator, column: Column) -> list[str]:
    return [
        t("kpi-quality", value=change_text(t, column.change(Measure.QUALITY))),
        t("kpi-handling", value=change_text(t, column.change(Measure.HANDLING))),
    ]


def scorecard_text(t: Translator, card: Scorecard) -> str:
    """The scorecard as one message (cut to fit: it is edited in place)."""
    return fit(scorecard_body(t, card))


def scorecard_body(t: Translator, card: Scorecard, *, changes: bool = True) -> str:
    team = card.scope.team
    lines = [
        t(
            "kpi-title",
            period=period_label(t, card.period),
            scope=scope_label(t, card.scope.key, team),
        ),
        t("kpi-dates", dates=dates(t, card.window), before=dates(t, card.before)),
        "",
        t("kpi-section-shared"),
        *_indicators(t, card.main),
        *_figures(t, card.main),
    ]
    if card.beside is not None and team is not None:
        lines += [
            "",
            t("kpi-your-team", team=clip(team.name, NAME_MAX)),
            *_indicators(t, card.beside),
            *_leads_lines(t, card.beside.now.leads),
        ]
    if card.teams:
        lines += ["", t("kpi-section-teams")]
        for row in card.teams[:TEAMS_SHOWN]:
            lines.append(
                t(
                    "kpi-team-row",
                    team=clip(row.team.name, NAME_MAX),
                    quality=pct(t, row.leads.quality.value),
                    handling=pct(t, row.handling),
                    dispute=pct(t, row.leads.dispute_rate.value),
                    overturn=pct(t, row.decisions.overturn_rate.value),
                    delivered=row.leads.delivered,
                )
            )
        if len(card.teams) > TEAMS_SHOWN:
            lines.append(t("kpi-more-teams", count=len(card.teams) - TEAMS_SHOWN))
    if changes and card.biggest_changes():
        lines += ["", t("kpi-section-changes"), *changes_lines(t, card)]
    return "\n".join(lines)


def _period_row(
    t: Translator, period: Period, scope: str, verb: str, *extra: object
) -> list[InlineKeyboardButton]:
    return [
        button(
            ("✓ " if p is period else "") + period_label(t, p), AREA, verb, p.value, scope, *extra
        )
        for p in Period
    ]


def scorecard_keyboard(
    t: Translator, card: Scorecard, *, admin: bool
) -> list[list[InlineKeyboardButton]]:
    period, scope = card.period, card.scope.key
    rows = [_period_row(t, period, scope, "show")[:2], _period_row(t, period, scope, "show")[2:]]
    if len(card.choices) > 1:
        scopes = [
            button(
                ("✓ " if key == scope else "") + scope_label(t, key, team),
                AREA,
                "show",
                period.value,
                key,
            )
            for key, team in card.choices
        ]
        rows += [scopes[i : i + 3] for i in range(0, min(len(scopes), 12), 3)]
    rows.append(
        [
            button(t.label("kpi-by-source"), AREA, "by", period.value, scope, Grouping.SOURCE),
            button(t.label("kpi-by-campaign"), AREA, "by", period.value, scope, Grouping.CAMPAIGN),
        ]
    )
    rows.append(
        [
            button(t.label("kpi-chart-trend"), AREA, "ch", "trend", period.value, scope),
            button(t.label("kpi-chart-sources"), AREA, "ch", "src", period.value, scope),
            button(t.label("kpi-chart-acks"), AREA, "ch", "ack", period.value, scope),
        ]
    )
    rows.append(export_row(t, "card", period, scope))
    if admin:
        rows.append([button(t.label("kpi-digest-settings"), AREA, "dg")])
    return rows


def export_row(t: Translator, what: str, period: Period, scope: str) -> list[InlineKeyboardButton]:
    return [
        button(t.label("kpi-export-csv"), AREA, "x", what, "csv", period.value, scope),
        button(t.label("kpi-export-xlsx"), AREA, "x", what, "xlsx", period.value, scope),
    ]


def scorecard_screen(t: Translator, card: Scorecard, *, admin: bool) -> Screen:
    return Screen(scorecard_text(t, card), scorecard_keyboard(t, card, admin=admin))


# --- breakdowns -----------------------------------------------------------------------------


def row_name(t: Translator, found: Breakdown, key: int | str | None) -> str:
    if key is None:
        return t.label("kpi-none-source" if found.by is Grouping.SOURCE else "kpi-none-campaign")
    if isinstance(key, int) and found.by is Grouping.CAMPAIGN:
        return clip(found.names.get(key, f"#{key}"), NAME_MAX)
    return clip(str(key), NAME_MAX)


def breakdown_screen(t: Translator, found: Breakdown) -> Screen:
    title = "kpi-by-source-title" if found.by is Grouping.SOURCE else "kpi-by-campaign-title"
    lines = [
        t(
            title,
            period=period_label(t, found.period),
            scope=scope_label(t, found.scope.key, found.scope.team),
        ),
        t("kpi-dates-only", dates=dates(t, found.window)),
        "",
    ]
    if not found.rows:
        lines.append(t("kpi-no-leads"))
    for row in found.rows[:ROWS_SHOWN]:
        lines.append(
            t(
                "kpi-breakdown-row",
                name=row_name(t, found, row.key),
                delivered=row.delivered,
                quality=pct(t, row.quality.value),
                dispute=pct(t, row.dispute_rate.value),
            )
        )
        lines.append(
            t(
                "kpi-breakdown-outcomes",
                upheld=row.upheld,
                overturned=row.overturned,
                returned=row.returned,
                won=row.won,
                lost=row.lost,
            )
        )
    if len(found.rows) > ROWS_SHOWN:
        lines.append(t("kpi-more-rows", count=len(found.rows) - ROWS_SHOWN))
    back = [button(t.label("kpi-back"), AREA, "show", found.period.value, found.scope.key)]
    what = "src" if found.by is Grouping.SOURCE else "cmp"
    return Screen(fit("\n".join(lines)), [export_row(t, what, found.period, found.scope.key), back])


def changes_lines(t: Translator, card: Scorecard) -> list[str]:
    changes = card.biggest_changes()
    if not changes:
        return [t("kpi-no-changes")]
    return [f"• {movement_text(t, m)}" for m in changes]
