"""How campaigns look: the announcement a recipient gets, the marketer's card, the figures."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from telegram import InlineKeyboardButton

from domain.campaigns.flows import WIZARD
from domain.campaigns.model import Campaign, Status
from domain.campaigns.queries import Announcement, AudienceChoice, CampaignCard, Presentation
from domain.campaigns.schedule import ReminderRule, ScheduleMode
from domain.campaigns.versions import Field
from domain.people.model import Person
from handlers.kit.audience import audience_keyboard, audience_text
from handlers.kit.callbacks import Area, button
from handlers.kit.i18n import Translator, escape
from handlers.kit.screens import Screen
from handlers.kit.text import excerpt, split_html

AREA = Area.CAMPAIGNS
PREVIEW_AREA = Area.CAMPAIGN_PREVIEW
BRIEFING_AREA = Area.BRIEFINGS
FEEDBACK_AREA = Area.FEEDBACK
MEETING_AREA = Area.MEETINGS
CARD_ICONS = {
    Status.DRAFT: "📝",
    Status.SCHEDULED: "🗓",
    Status.ANNOUNCED: "📣",
    Status.CANCELLED: "❌",
}
EXCERPT = 80
GOAL_EXCERPT = 200
MAX_NAMES = 40

# --- the announcement ----------------------------------------------------------------------------


def launch_line(t: Translator, announcement: Announcement) -> str:
    campaign, days = announcement.campaign, announcement.days_to_launch
    if campaign.launch_date is None or days is None:
        return t("campaign-launch-unset")
    if days < 0:
        when = t.label("launch-past")
    elif days <= 1:
        when = t.label("launch-today" if days == 0 else "launch-tomorrow")
    else:
        when = t.relative(timedelta(days=days), "day")
    return t("campaign-launch", date=t.day(campaign.launch_date), when=when)


def material_name(t: Translator, file_name: str | None) -> str:
    return file_name or t.label("campaign-photo")


def _state_line(t: Translator, campaign: Campaign) -> list[str]:
    if campaign.status is Status.CANCELLED:
        return [t("campaign-state-cancelled")]
    if campaign.revision:
        return [t("campaign-state-updated", count=campaign.revision)]
    return []


def _acknowledged_line(t: Translator, announcement: Announcement) -> list[str]:
    if announcement.acknowledged_at is None:
        return []
    at = t.datetime(announcement.acknowledged_at, announcement.recipient.timezone)
    return [t("campaign-acknowledged-on", at=at)]


def announcement_text(t: Translator, announcement: Announcement) -> str:
    campaign = announcement.campaign
    lines = _state_line(t, campaign)
    lines.append(t("campaign-title", name=campaign.name or "—"))
    if campaign.product:
        lines.append(t("campaign-product", product=campaign.product))
    lines.append(launch_line(t, announcement))
    if campaign.goal:
        lines += ["", escape(campaign.goal)]
    if campaign.key_messages:
        lines += ["", t("campaign-messages-title")]
        lines += [f"{n}. {escape(m)}" for n, m in enumerate(campaign.key_messages, 1)]
    if campaign.materials:
        names = escape(", ".join(material_name(t, m.file_name) for m in campaign.materials))
        lines += ["", f"{t('campaign-materials-line', count=len(campaign.materials))} {names}"]
    acknowledged = _acknowledged_line(t, announcement)
    if acknowledged:
        lines += ["", *acknowledged]
    return "\n".join(lines)


def _compact_text(t: Translator, announcement: Announcement) -> str:
    """A short state card, for announcements too long to re-render in one message."""
    campaign = announcement.campaign
    lines = _state_line(t, campaign)
    lines.append(t("campaign-title", name=campaign.name))
    return "\n".join(lines + _acknowledged_line(t, announcement))


def announcement_keyboard(
    t: Translator,
    campaign: Campaign,
    *,
    acknowledged: bool,
    preview: bool = False,
    open_questions: int = 0,
) -> list[list[InlineKeyboardButton]]:
    """The recipient's buttons. Their callback layout is fixed: later features answer them.
    The FAQ button says how many questions wait for an answer (maybe someone asked already)."""
    if campaign.status is Status.CANCELLED:
        return []
    area = PREVIEW_AREA if preview else AREA
    ack_label = t.label("campaign-acked-button" if acknowledged else "campaign-ack-button")
    faq_label = t.label("campaign-faq-button", count=open_questions)
    rows = [
        [button(ack_label, area, "ack", campaign.id)],
        [
            button(t.label("campaign-ask-button"), area, "ask", campaign.id),
            button(t.label("campaign-feedback-button"), area, "fb", campaign.id),
        ],
        [button(faq_label, area, "faq", campaign.id)],
    ]
    if campaign.materials:
        label = t.label("campaign-files-button", count=len(campaign.materials))
        rows[2].append(button(label, area, "files", campaign.id))
    return rows


def announcement_screen(
    t: Translator, announcement: Announcement, *, single: bool = False, preview: bool = False
) -> Screen:
    """The announcement with its buttons. ``single``: it must fit one message (an edit)."""
    text = announcement_text(t, announcement)
    if single and len(split_html(text)) > 1:
        text = _compact_text(t, announcement)
    acknowledged = announcement.acknowledged_at is not None
    keyboard = announcement_keyboard(
        t,
        announcement.campaign,
        acknowledged=acknowledged,
        preview=preview,
        open_questions=announcement.open_questions,
    )
    return Screen(text, keyboard)


# --- the marketer's card ---------------------------------------------------------------------


def reminders_text(t: Translator, rules: Sequence[ReminderRule]) -> str:
    if not rules:
        return t.label("reminders-off")
    return ", ".join(t.label(f"reminder-{rule.value}") for rule in rules)


def status_text(
    t: Translator, campaign: Campaign, viewer: Person, first_due: datetime | None
) -> str:
    schedule, zone = campaign.schedule, viewer.timezone
    if campaign.status is Status.SCHEDULED and schedule is not None:
        if schedule.mode is ScheduleMode.LOCAL and schedule.day and schedule.local_time:
            return t(
                "campaign-status-scheduled-local",
                day=t.day(schedule.day),
                time=schedule.local_time.strftime("%H:%M"),
            )
        if schedule.mode is ScheduleMode.AT and schedule.at is not None:
            return t("campaign-status-scheduled-at", at=t.datetime(schedule.at, zone))
    if campaign.status is Status.SCHEDULED and first_due is not None:
        return t("campaign-status-scheduled", at=t.datetime(first_due, zone))
    if campaign.status is Status.ANNOUNCED and campaign.announced_at is not None:
        return t("campaign-status-announced", at=t.datetime(campaign.announced_at, zone))
    if campaign.status is Status.CANCELLED and campaign.cancelled_at is not None:
        return t("campaign-status-cancelled", at=t.datetime(campaign.cancelled_at, zone))
    return t("campaign-status-draft")


def _changed_line(t: Translator, campaign: Campaign) -> str:
    """What recipients do not see yet: the fields changed since it was sent (the launch date
    with the date they still see)."""
    changes = campaign.changed_since_sent()
    if not changes:
        return ""
    fields = []
    for change in changes:
        if change.field is Field.LAUNCH:
            old = t.day(date.fromisoformat(change.old)) if change.old else "—"
            fields.append(t.label("card-changed-launch", old=old))
        else:
            fields.append(t.label(f"field-{change.field.value}"))
    return t("card-changed", fields="; ".join(fields))


def card_text(t: Translator, card: CampaignCard) -> str:
    campaign = card.campaign
    messages = [
        f"  {n}. {escape(excerpt(m, EXCERPT))}" for n, m in enumerate(campaign.key_messages, 1)
    ]
    lines = [
        t("card-title", icon=CARD_ICONS[campaign.status], name=campaign.name or "—"),
        status_text(t, campaign, card.viewer, card.first_due),
        "",
        t("card-product", value=campaign.product or "—"),
        t("card-goal", value=excerpt(campaign.goal, GOAL_EXCERPT) if campaign.goal else "—"),
        t("card-messages", count=len(campaign.key_messages)),
        *messages,
        t("card-launch", value=t.day(campaign.launch_date) if campaign.launch_date else "—"),
        audience_text(t, campaign.audience, card.teams, card.reach),
        t("card-materials", count=len(campaign.materials)),
        t(
            "card-options",
            protect=t.label("on" if campaign.protect_content else "off"),
            reminders=reminders_text(t, campaign.reminders),
        ),
    ]
    changed = _changed_line(t, campaign)
    if changed:
        lines += ["", changed]
    presentation = card.presentation
    if presentation is not None:
        when = (
            t.datetime(presentation.starts_at, card.viewer.timezone)
            if presentation.starts_at is not None
            else t.label(f"campaign-presentation-{presentation.status}")
        )
        lines.append(t("campaign-presentation-line", when=when))
    missing = campaign.missing()
    if missing and campaign.is_draft:
        lines += ["", t("card-missing", fields=", ".join(t.label(f"field-{f}") for f in missing))]
    return "\n".join(lines)


def presentation_row(
    t: Translator, campaign: Campaign, presentation: Presentation | None
) -> list[list[InlineKeyboardButton]]:
    """**Schedule the presentation** to sales (the meetings feature answers it), or the
    planned one."""
    if presentation is not None:
        label = t.label("campaign-presentation-open-button")
        return [[button(label, MEETING_AREA, "open", presentation.meeting_id)]]
    label = t.label("campaign-presentation-button")
    return [[button(label, MEETING_AREA, "pres", campaign.id)]]


def card_keyboard(
    t: Translator, campaign: Campaign, presentation: Presentation | None = None
) -> list[list[InlineKeyboardButton]]:
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
            *presentation_row(t, campaign, presentation),
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
            *presentation_row(t, campaign, presentation),
        ]
    if campaign.status is Status.ANNOUNCED:
        update = button(t.label("update-button"), AREA, "upd", cid)
        # Changed since it was sent: the update is right there, first.
        changed = bool(campaign.changed_since_sent())
        return [
            *([[update]] if changed else []),
            [button(t.label("figures-button"), AREA, "fig", cid)],
            *edit_rows,
            [
                button(t.label("preview-button"), AREA, "prev", cid),
                *([] if changed else [update]),
            ],
            [button(t.label("briefing-button"), BRIEFING_AREA, "camp", cid)],
            [
                button(t.label("feedback-card-button"), FEEDBACK_AREA, "sum", cid),
                button(t.label("feedback-settings-button"), FEEDBACK_AREA, "set", cid),
            ],
            *presentation_row(t, campaign, presentation),
            [button(t.label("cancel-campaign-button"), AREA, "kill", cid)],
        ]
    return [
        [button(t.label("figures-button"), AREA, "fig", cid)],
        [button(t.label("feedback-card-button"), FEEDBACK_AREA, "sum", cid)],
    ]


def card_screen(t: Translator, card: CampaignCard) -> Screen:
    return Screen(card_text(t, card), card_keyboard(t, card.campaign, card.presentation))


# --- the audience picker ------------------------------------------------------------------


def done_button(t: Translator, verb: str, campaign_id: int) -> list[InlineKeyboardButton]:
    return [button(t.label("done-button"), AREA, verb, campaign_id)]


def step_prefix(t: Translator, position: int | None) -> str:
    """The "Step 3 of 7" line above a wizard step's question."""
    return t("wizard-step", number=position, total=len(WIZARD)) + "\n" if position else ""


def audience_screen(t: Translator, choice: AudienceChoice, *, more: bool = False) -> Screen:
    cid = choice.campaign.id
    keyboard = audience_keyboard(t, choice.campaign.audience, choice.teams, AREA, cid, more=more)
    keyboard.append(done_button(t, "audone", cid))
    text = step_prefix(t, choice.position) + t("audience-prompt", count=choice.reach)
    return Screen(text, keyboard)
