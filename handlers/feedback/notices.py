"""What a feedback prompt says: the question with its stars, in the recipient's language; and
a photo or voice message of the feedback, captioned with who gave it."""

from __future__ import annotations

from datetime import datetime

from domain.feedback.notices import FeedbackFile, PromptDue
from handlers.feedback.views import by_line, prompt_screen
from handlers.kit.feature import OutgoingMessage, StoredFile
from handlers.kit.i18n import Translator


def render_prompt(notice: PromptDue, t: Translator, now: datetime) -> OutgoingMessage:
    screen = prompt_screen(t, notice.prompt)
    return OutgoingMessage(text=screen.text, reply_markup=screen.markup)


def render_file(notice: FeedbackFile, t: Translator, now: datetime) -> OutgoingMessage:
    caption = by_line(t, notice.author, notice.team, notice.rating)
    return OutgoingMessage(text=caption, file=StoredFile(notice.kind.value, notice.file_id))
