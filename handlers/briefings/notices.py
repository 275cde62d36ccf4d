"""The briefing messages the outbox sends, rendered from what the domain decided."""

from __future__ import annotations

from datetime import datetime

from domain.briefings.notices import AnswerFile, BriefingReminder, Request, SentRequest
from handlers.briefings.views import media_caption, reminder_screen, request_screen
from handlers.kit.feature import OutgoingMessage, StoredFile
from handlers.kit.i18n import Translator
from handlers.kit.screens import Screen
from handlers.kit.text import split_html


def render_request(notice: Request, t: Translator, now: datetime) -> OutgoingMessage:
    screen = request_screen(t, notice)
    return OutgoingMessage(text=screen.text, reply_markup=screen.markup)


def render_reminder(notice: BriefingReminder, t: Translator, now: datetime) -> OutgoingMessage:
    screen = reminder_screen(t, notice)
    return OutgoingMessage(text=screen.text, reply_markup=screen.markup)


def request_redrawn(t: Translator, shown: SentRequest) -> Screen:
    """The request as it is redrawn in its message. One long enough to have gone out in
    parts keeps the text of its last part (its message) and only changes its buttons: the
    parts before it could not follow a longer text."""
    screen = request_screen(t, shown.request)
    request = shown.request
    original = request_screen(t, Request(request.recipient, request.briefing, request.campaign))
    parts = split_html(original.text)
    if len(parts) == 1 and len(split_html(screen.text)) == 1:
        return screen
    return Screen(parts[-1], screen.keyboard)


def render_closing(notice: SentRequest, t: Translator, now: datetime) -> OutgoingMessage:
    """At the deadline: the request without its buttons."""
    screen = request_redrawn(t, notice)
    return OutgoingMessage(text=screen.text, edit_message_id=notice.message_id)


def render_answer_file(notice: AnswerFile, t: Translator, now: datetime) -> OutgoingMessage:
    """A voice message given as an answer, captioned with who gave it and what they wrote."""
    caption = media_caption(notice.name, notice.text)
    return OutgoingMessage(text=caption, file=StoredFile(notice.kind.value, notice.file_id))
