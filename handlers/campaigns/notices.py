"""What the outbox's campaign messages say: each renders the value its domain composer
(``domain/campaigns/notices.py``) decided to send, in the recipient's language."""

from __future__ import annotations

from datetime import date, datetime

from domain.campaigns.notices import (
    CampaignReminder,
    ChangeNotice,
    DeliveryReport,
    Escalation,
    Refresh,
)
from domain.campaigns.queries import Announcement
from domain.campaigns.versions import Change, Field, NoteKind
from domain.people.model import Person
from handlers.campaigns.views import AREA, announcement_screen
from handlers.kit.callbacks import button
from handlers.kit.feature import OutgoingMessage
from handlers.kit.i18n import Translator, escape
from handlers.kit.screens import Screen
from handlers.kit.text import clip, split_html

MAX_NAMES = 50
CHANGE_SHOWN = 120  # characters of an old or new name or product an update shows


def _names(people: tuple[Person, ...]) -> str:
    """Up to MAX_NAMES names, as HTML: they follow the formatted header, not inside it."""
    return escape(", ".join(p.full_name for p in people[:MAX_NAMES]))


def render_announcement(value: Announcement, t: Translator, now: datetime) -> OutgoingMessage:
    screen = announcement_screen(t, value)
    return OutgoingMessage(
        text=screen.text,
        reply_markup=screen.markup,
        protect_content=value.campaign.protect_content,
    )


def render_refresh(value: Refresh, t: Translator, now: datetime) -> OutgoingMessage:
    """The announcement redrawn in its message. For the FAQ button's count only, its text stays
    as it was sent: the message (the last part of a long announcement) keeps its own part."""
    if value.buttons_only:
        screen = announcement_screen(t, value.announcement)
        text = split_html(screen.text)[-1]
    else:
        screen = announcement_screen(t, value.announcement, single=True)
        text = screen.text
    return OutgoingMessage(text=text, reply_markup=screen.markup, edit_message_id=value.message_id)


def render_reminder(value: CampaignReminder, t: Translator, now: datetime) -> OutgoingMessage:
    campaign = value.campaign
    launch = t.day(campaign.launch_date) if campaign.launch_date else "—"
    keyboard = [
        [button(t.label("campaign-ack-button"), AREA, "ack", campaign.id)],
        [button(t.label("open-announcement-button"), AREA, "show", campaign.id)],
    ]
    return OutgoingMessage(
        text=t("reminder-text", name=campaign.name, launch=launch),
        reply_markup=Screen("", keyboard).markup,
    )


def render_escalation(value: Escalation, t: Translator, now: datetime) -> OutgoingMessage:
    campaign = value.campaign
    header = t("escalation-text", name=campaign.name, count=len(value.waiting))
    text = f"{header} {_names(value.waiting)}"
    keyboard = [[button(t.label("figures-button"), AREA, "fig", campaign.id)]]
    return OutgoingMessage(text=text, reply_markup=Screen("", keyboard).markup)


def _day(t: Translator, iso: str | None) -> str:
    return t.day(date.fromisoformat(iso)) if iso else "—"


def change_lines(t: Translator, changes: tuple[Change, ...]) -> list[str]:
    """What an update changed, old → new where it can be said (names after their label)."""
    if not changes:
        return []
    lines = [t("update-changes-title")]
    for change in changes:
        if change.field is Field.LAUNCH:
            lines.append(
                t("update-change-launch", old=_day(t, change.old), new=_day(t, change.new))
            )
        elif change.field in (Field.NAME, Field.PRODUCT):
            old, new = (escape(clip(v or "—", CHANGE_SHOWN)) for v in (change.old, change.new))
            lines.append(f"{t(f'update-change-{change.field.value}')} {old} → <b>{new}</b>")
        elif change.field is Field.MATERIALS:
            lines.append(t("update-change-materials", old=change.old or "0", new=change.new or "0"))
        else:
            lines.append(t(f"update-change-{change.field.value}"))
    return lines


def render_change(value: ChangeNotice, t: Translator, now: datetime) -> OutgoingMessage:
    """What changed (old → new), then the marketer's note (up to 1,500 characters) after its
    formatted header: a long note full of "&" reaches everyone as typed (the engine splits
    what is longer than a message)."""
    campaign, note = value.campaign, value.note
    body = escape(note.text)
    if note.kind is NoteKind.CANCELLATION:
        return OutgoingMessage(text=f"{t('cancellation-text', name=campaign.name)}\n{body}")
    lines = [t("update-text", name=campaign.name)]
    changes = change_lines(t, note.changes)
    if changes:
        lines += ["", *changes, "", t("update-note-title")]
    keyboard = [[button(t.label("open-announcement-button"), AREA, "show", campaign.id)]]
    return OutgoingMessage(
        text="\n".join([*lines, body]),
        reply_markup=Screen("", keyboard).markup,
        protect_content=campaign.protect_content,
    )


def render_delivery_report(value: DeliveryReport, t: Translator, now: datetime) -> OutgoingMessage:
    """After the announcement, an update or the cancellation: who it reached, who not."""
    total, note = value.total, value.note
    key = "report-text"
    if note is not None:
        key = "report-cancel-text" if note.kind is NoteKind.CANCELLATION else "report-update-text"
    text = t(
        key,
        name=value.campaign.name,
        number=note.number if note is not None else 0,
        delivered=total.delivered,
        recipients=total.recipients,
        unreachable=total.unreachable,
    )
    if total.unreachable_people:
        text += f"\n{t('report-unreachable')} {_names(total.unreachable_people)}"
    keyboard = [[button(t.label("figures-button"), AREA, "fig", value.campaign.id)]]
    return OutgoingMessage(text=text, reply_markup=Screen("", keyboard).markup)
