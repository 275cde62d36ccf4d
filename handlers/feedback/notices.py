"""What a feedback prompt says: the question with its stars, in the recipient's language."""

from __future__ import annotations

from datetime import datetime

from domain.feedback.notices import PromptDue
from handlers.feedback.views import prompt_screen
from handlers.kit.feature import OutgoingMessage
from handlers.kit.i18n import Translator


def render_prompt(notice: PromptDue, t: Translator, now: datetime) -> OutgoingMessage:
    screen = prompt_screen(t, notice.prompt)
    return OutgoingMessage(text=screen.text, reply_markup=screen.markup)
