"""What the outbox's meeting messages say: each renders the value its domain composer
(``domain/meetings/notices.py``) decided to send, in the recipient's language and zone."""

from __future__ import annotations

from datetime import datetime

from broadcast import Attachment
from domain.meetings.notices import (
    ActionNotice,
    ChangeNotice,
    Document,
    Invitation,
    Minutes,
    PollNotice,
    PollReport,
    Reminder,
)
from handlers.kit.callbacks import button
from handlers.kit.feature import OutgoingMessage
from handlers.kit.i18n import Translator, escape
from handlers.kit.screens import Screen
from handlers.kit.text import clip, fit
from handlers.meetings.cards import invitation_screen, meeting_screen
from handlers.meetings.views import AREA, action_line, agenda_lines, header, names, time_lines


def _file(document: Document | None) -> Attachment | None:
    return Attachment(document.file_name, document.data) if document is not None else None


def render_poll(value: PollNotice, t: Translator, now: datetime) -> OutgoingMessage:
    screen = meeting_screen(t, value.view, now)
    return OutgoingMessage(text=fit(screen.text), reply_markup=screen.markup)


def render_poll_report(value: PollReport, t: Translator, now: datetime) -> OutgoingMessage:
    key = "meeting-poll-decided" if value.decided else "meeting-poll-nobody"
    screen = meeting_screen(t, value.view, now)
    text = t(key, title=value.view.meeting.title) + "\n\n" + screen.text
    return OutgoingMessage(text=fit(text), reply_markup=screen.markup)


def render_invitation(value: Invitation, t: Translator, now: datetime) -> OutgoingMessage:
    screen = invitation_screen(t, value.view, now)
    return OutgoingMessage(
        text=fit(screen.text),
        reply_markup=screen.markup,
        edit_message_id=value.edit_message_id,
        document=_file(value.calendar),
    )


def render_change(value: ChangeNotice, t: Translator, now: datetime) -> OutgoingMessage:
    view = value.view
    meeting = view.meeting
    key = f"meeting-notice-{value.what}" + ("-future" if value.future else "")
    lines = [t(key, title=meeting.title), ""]
    if value.what != "cancel":
        lines += time_lines(t, meeting, view.viewer, meeting.zone)
        if meeting.place:
            lines.append(t("meeting-place", place=meeting.place))
        if value.what == "agenda":
            lines += ["", *agenda_lines(t, view.agenda)]
    lines.append(t("meeting-notice-calendar"))
    keyboard = None
    if value.what != "cancel":
        keyboard = Screen(
            "", [[button(t.label("meeting-open-button"), AREA, "open", meeting.id)]]
        ).markup
    return OutgoingMessage(
        text=fit("\n".join(lines)), reply_markup=keyboard, document=_file(value.calendar)
    )


def render_reminder(value: Reminder, t: Translator, now: datetime) -> OutgoingMessage:
    view = value.view
    meeting = view.meeting
    key = "meeting-reminder-day" if value.minutes >= 12 * 60 else "meeting-reminder-soon"
    lines = [t(key, title=meeting.title, minutes=value.minutes), ""]
    lines += time_lines(t, meeting, view.viewer, meeting.zone)
    if meeting.place:
        lines.append(
            t(
                "meeting-link" if meeting.is_link else "meeting-place",
                url=meeting.place,
                place=meeting.place,
            )
        )
    lines += ["", *agenda_lines(t, view.agenda)]
    keyboard = [[button(t.label("meeting-open-button"), AREA, "open", meeting.id)]]
    return OutgoingMessage(text=fit("\n".join(lines)), reply_markup=Screen("", keyboard).markup)


def render_minutes(value: Minutes, t: Translator, now: datetime) -> OutgoingMessage:
    meeting = value.meeting
    lines = [t("meeting-minutes-title", title=meeting.title), header(t, meeting), ""]
    lines.append(
        t("meeting-minutes-present", count=len(value.attended)) + " " + names(value.attended)
    )
    lines += ["", t("meeting-decisions-title")]
    if value.decisions:
        lines += [f"{n}. {escape(clip(d.text, 600))}" for n, d in enumerate(value.decisions, 1)]
    else:
        lines.append("—")
    lines += ["", t("meeting-actions-title")]
    if value.actions:
        lines += [action_line(t, a, value.people.get(a.owner_id)) for a in value.actions]
    else:
        lines.append("—")
    return OutgoingMessage(text="\n".join(lines))


def _action(value: ActionNotice, t: Translator, key: str, with_button: bool) -> OutgoingMessage:
    item = value.item
    text = (
        t(
            key,
            title=value.meeting.title,
            owner=value.owner.full_name,
            due=t.day(item.due),
        )
        + "\n"
        + escape(clip(item.text, 1000))
    )
    keyboard = None
    if with_button:
        keyboard = Screen(
            "", [[button(t.label("meeting-done-button"), AREA, "done", item.id)]]
        ).markup
    return OutgoingMessage(text=text, reply_markup=keyboard)


def render_action(value: ActionNotice, t: Translator, now: datetime) -> OutgoingMessage:
    return _action(value, t, "meeting-action-assigned", True)


def render_action_due(value: ActionNotice, t: Translator, now: datetime) -> OutgoingMessage:
    return _action(value, t, "meeting-action-due", True)


def render_action_overdue(value: ActionNotice, t: Translator, now: datetime) -> OutgoingMessage:
    return _action(value, t, "meeting-action-overdue", False)
