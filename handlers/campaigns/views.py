"""How campaigns look: the announcement a recipient gets, and the marketer's draft card."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from telegram import InlineKeyboardButton

from domain.campaigns.model import (
    Campaign,
    Figures,
    ReminderRule,
    ScheduleMode,
    Status,
    TeamFigures,
)
from domain.people.model import Person, Team
from domain.timezones import to_local
from handlers.kit.audience import audience_text
from handlers.kit.callbacks import Area, button
from handlers.kit.i18n import Markup, Translator, escape

AREA = Area.CAMPAIGNS
PREVIEW_AREA = Area.CAMPAIGN_PREVIEW
BRIEFING_AREA = Area.BRIEFINGS
CARD_ICONS = {
    Status.DRAFT: "📝",
    Status.SCHEDULED: "🗓",
    Status.ANNOUNCED: "📣",
    Status.CANCELLED: "❌",
}
FEEDBACK_AREA = Area.FEEDBACK
EXCERPT = 80
MAX_NAMES = 40


def _excerpt(text: str, limit: int = EXCERPT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def launch_line(t: Translator, campaign: Campaign, person: Person, now: datetime) -> str:
    if campaign.launch_date is None:
        return t("campaign-launch-unset")
    today = to_local(now, person.timezone).date()
    days = (campaign.launch_date - today).days
    if days < 0:
        when = t.label("launch-past")
    elif days <= 1:
        when = t.label("launch-today" if days == 0 else "launch-tomorrow")
    else:
        when = t.label("launch-in-days", days=days)
    return t("campaign-launch", date=t.day(campaign.launch_date), when=when)


def materials_summary(t: Translator, campaign: Campaign) -> str:
    names = [m.file_name or t.label("campaign-photo") for m in campaign.materials]
    return ", ".join(names)


def announcement_text(
    t: Translator,
    campaign: Campaign,
    person: Person,
    *,
    now: datetime,
    acknowledged_at: datetime | None = None,
) -> str:
    lines: list[str] = []
    if campaign.status is Status.CANCELLED:
        lines.append(t("campaign-state-cancelled"))
    elif campaign.revision:
        lines.append(t("campaign-state-updated", count=campaign.revision))
    lines.append(t("campaign-title", name=campaign.name or "—"))
    if campaign.product:
        lines.append(t("campaign-product", product=campaign.product))
    lines.append(launch_line(t, campaign, person, now))
    if campaign.goal:
        lines += ["", escape(campaign.goal)]
    if campaign.key_messages:
        lines += ["", t("campaign-messages-title")]
        lines += [f"{n}. {escape(m)}" for n, m in enumerate(campaign.key_messages, 1)]
    if campaign.materials:
        lines += [
            "",
            t(
                "campaign-materials-line",
                count=len(campaign.materials),
                names=materials_summary(t, campaign),
            ),
        ]
    if acknowledged_at is not None:
        lines += [
            "",
            t("campaign-acknowledged-on", at=t.datetime(acknowledged_at, person.timezone)),
        ]
    return "\n".join(lines)


def announcement_keyboard(
    t: Translator, campaign: Campaign, *, acknowledged: bool, preview: bool = False
) -> list[list[InlineKeyboardButton]]:
    """The recipient's buttons. Their callback layout is fixed: later features answer them."""
    if campaign.status is Status.CANCELLED:
        return []
    area = PREVIEW_AREA if preview else AREA
    ack_label = t.label("campaign-acked-button" if acknowledged else "campaign-ack-button")
    rows = [
        [button(ack_label, area, "ack", campaign.id)],
        [
            button(t.label("campaign-ask-button"), area, "ask", campaign.id),
            button(t.label("campaign-feedback-button"), area, "fb", campaign.id),
        ],
        [button(t.label("campaign-faq-button"), area, "faq", campaign.id)],
    ]
    if campaign.materials:
        rows[2].append(
            button(
                t.label("campaign-files-button", count=len(campaign.materials)),
                area,
                "files",
                campaign.id,
            )
        )
    return rows


def reminders_text(t: Translator, rules: Sequence[ReminderRule]) -> str:
    if not rules:
        return t.label("reminders-off")
    return ", ".join(t.label(f"reminder-{rule.value}") for rule in rules)


def status_text(
    t: Translator, campaign: Campaign, viewer: Person, first_due: datetime | None
) -> str:
    schedule = campaign.schedule
    if campaign.status is Status.SCHEDULED and schedule is not None:
        if schedule.mode is ScheduleMode.LOCAL and schedule.day and schedule.local_time:
            return t(
                "campaign-status-scheduled-local",
                day=t.day(schedule.day),
                time=schedule.local_time.strftime("%H:%M"),
            )
        if schedule.mode is ScheduleMode.AT and schedule.at is not None:
            return t("campaign-status-scheduled-at", at=t.datetime(schedule.at, viewer.timezone))
    if campaign.status is Status.SCHEDULED and first_due is not None:
        return t("campaign-status-scheduled", at=t.datetime(first_due, viewer.timezone))
    if campaign.status is Status.ANNOUNCED and campaign.announced_at is not None:
        return t("campaign-status-announced", at=t.datetime(campaign.announced_at, viewer.timezone))
    if campaign.status is Status.CANCELLED and campaign.cancelled_at is not None:
        return t("campaign-status-cancelled", at=t.datetime(campaign.cancelled_at, viewer.timezone))
    return t("campaign-status-draft")


def card_text(
    t: Translator,
    campaign: Campaign,
    viewer: Person,
    *,
    teams: dict[int, Team],
    reach: int,
    first_due: datetime | None,
) -> str:
    messages = [f"  {n}. {escape(_excerpt(m))}" for n, m in enumerate(campaign.key_messages, 1)]
    lines = [
        t("card-title", icon=CARD_ICONS[campaign.status], name=campaign.name or "—"),
        status_text(t, campaign, viewer, first_due),
        "",
        t("card-product", value=campaign.product or "—"),
        t("card-goal", value=_excerpt(campaign.goal, 200) if campaign.goal else "—"),
        t("card-messages", count=len(campaign.key_messages)),
        *messages,
        t("card-launch", value=t.day(campaign.launch_date) if campaign.launch_date else "—"),
        audience_text(t, campaign.audience, teams, reach),
        t("card-materials", count=len(campaign.materials)),
        t(
            "card-options",
            protect=t.label("on" if campaign.protect_content else "off"),
            reminders=reminders_text(t, campaign.reminders),
        ),
    ]
    missing = campaign.missing()
    if missing and campaign.status is Status.DRAFT:
        lines += ["", t("card-missing", fields=", ".join(t.label(f"field-{f}") for f in missing))]
    return "\n".join(lines)


def card_keyboard(t: Translator, campaign: Campaign) -> list[list[InlineKeyboardButton]]:
    cid = campaign.id
    edit_rows = [
        [
            button(t.label("edit-name-button"), AREA, "edit", cid, "name"),
            button(t.label("edit-product-button"), AREA, "edit", cid, "product"),
        ],
        [
            button(t.label("edit-goal-button"), AREA, "edit", cid, "goal"),
            button(t.label("edit-messages-button"), AREA, "msgs", cid),
        ],
        [
            button(t.label("edit-launch-button"), AREA, "edit", cid, "launch"),
            button(t.label("edit-materials-button"), AREA, "mats", cid),
        ],
    ]
    if campaign.status is Status.DRAFT:
        edit_rows.append(
            [
                button(t.label("edit-audience-button"), AREA, "aud", cid),
                button(t.label("edit-options-button"), AREA, "opts", cid),
            ]
        )
        if campaign.missing():
            edit_rows.insert(0, [button(t.label("continue-button"), AREA, "cont", cid)])
        return [
            *edit_rows,
            [
                button(t.label("preview-button"), AREA, "prev", cid),
                button(t.label("briefing-button"), BRIEFING_AREA, "camp", cid),
            ],
            [
                button(t.label("send-now-button"), AREA, "now", cid),
                button(t.label("schedule-button"), AREA, "when", cid),
            ],
            [button(t.label("discard-button"), AREA, "drop", cid)],
        ]
    if campaign.status is Status.SCHEDULED:
        return [
            *edit_rows,
            [
                button(t.label("edit-options-button"), AREA, "opts", cid),
                button(t.label("preview-button"), AREA, "prev", cid),
            ],
            [
                button(t.label("reschedule-button"), AREA, "when", cid),
                button(t.label("unschedule-button"), AREA, "unsch", cid),
            ],
            [button(t.label("briefing-button"), BRIEFING_AREA, "camp", cid)],
        ]
    if campaign.status is Status.ANNOUNCED:
        return [
            [button(t.label("figures-button"), AREA, "fig", cid)],
            *edit_rows,
            [
                button(t.label("preview-button"), AREA, "prev", cid),
                button(t.label("update-button"), AREA, "upd", cid),
            ],
            [button(t.label("briefing-button"), BRIEFING_AREA, "camp", cid)],
            [
                button(t.label("feedback-card-button"), FEEDBACK_AREA, "sum", cid),
                button(t.label("feedback-settings-button"), FEEDBACK_AREA, "set", cid),
            ],
            [button(t.label("cancel-campaign-button"), AREA, "kill", cid)],
        ]
    return [
        [button(t.label("figures-button"), AREA, "fig", cid)],
        [button(t.label("feedback-card-button"), FEEDBACK_AREA, "sum", cid)],
    ]


def _team_line(t: Translator, figures: TeamFigures, teams: dict[int, Team]) -> str:
    team = teams.get(figures.team_id) if figures.team_id is not None else None
    return t(
        "figures-team-line",
        team=team.name if team else t.label("no-team"),
        acknowledged=figures.acknowledged,
        delivered=figures.delivered,
        unreachable=figures.unreachable,
    )


def figures_text(
    t: Translator, campaign: Campaign, result: Figures, teams: dict[int, Team], *, team_only: bool
) -> str:
    total = result.total
    percent = round(100 * total.acknowledged / total.delivered) if total.delivered else 0
    lines = [
        t("figures-title", name=campaign.name),
        t(
            "figures-summary",
            recipients=total.recipients,
            delivered=total.delivered,
            acknowledged=total.acknowledged,
            percent=percent,
            waiting=len(total.not_acknowledged),
            unreachable=total.unreachable,
            pending=total.pending,
        ),
    ]
    if not team_only and len(result.teams) > 1:
        lines += ["", t("figures-by-team")]
        lines += [_team_line(t, team, teams) for team in result.teams]
    if total.not_acknowledged:
        names = [escape(p.full_name) for p in total.not_acknowledged[:MAX_NAMES]]
        more = len(total.not_acknowledged) - len(names)
        lines += ["", t("figures-not-yet", count=len(total.not_acknowledged))]
        lines.append(Markup(", ".join(names)))
        if more:
            lines.append(t("and-more", count=more))
    if total.unreachable_people:
        names = [escape(p.full_name) for p in total.unreachable_people[:MAX_NAMES]]
        lines += ["", t("figures-unreachable", count=len(total.unreachable_people))]
        lines.append(Markup(", ".join(names)))
    return "\n".join(lines)
