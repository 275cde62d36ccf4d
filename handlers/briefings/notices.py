"""The briefing messages the outbox sends, rendered from what the domain decided."""

from __future__ import annotations

from datetime import datetime

from domain.briefings.notices import BriefingReminder, Request
from handlers.briefings.views import reminder_screen, request_screen
from handlers.kit.feature import OutgoingMessage
from handlers.kit.i18n import Translator


def render_request(notice: Request, t: Translator, now: datetime) -> OutgoingMessage:
    screen = request_screen(t, notice)
    return OutgoingMessage(text=screen.text, reply_markup=screen.markup)


def render_reminder(notice: BriefingReminder, t: Translator, now: datetime) -> OutgoingMessage:
    screen = reminder_screen(t, notice)
    return OutgoingMessage(text=screen.text, reply_markup=screen.markup)
