"""What the outbox sends about questions, rendered from the values the domain composes
(:mod:`domain.questions.notices`): no decisions here, only text and buttons."""

from __future__ import annotations

from datetime import datetime

from domain.questions.notices import AnswerNotice, CardNotice, ClosedCard, PublishedAnswer
from handlers.kit.callbacks import button
from handlers.kit.feature import OutgoingMessage
from handlers.kit.i18n import Translator, escape
from handlers.kit.screens import Screen
from handlers.questions.faq import faq_entry
from handlers.questions.views import (
    CAMPAIGN_AREA,
    EXCERPT,
    Keyboard,
    campaign_name,
    card_keyboard,
    card_text,
    number,
    question_text,
)


def _message(screen: Screen, *, reply_to: int | None = None) -> OutgoingMessage:
    return OutgoingMessage(
        text=screen.text, reply_markup=screen.markup, reply_to_message_id=reply_to
    )


def _faq_button(t: Translator, campaign_id: int) -> Keyboard:
    return [[button(t.label("campaign-faq-button", count=0), CAMPAIGN_AREA, "faq", campaign_id)]]


def render_card(notice: CardNotice, t: Translator, now: datetime) -> OutgoingMessage:
    """A new question (or its reminder) for those who answer, with the answer buttons."""
    text = card_text(t, notice.card, now=now, reminder=notice.reminder)
    return _message(Screen(text, card_keyboard(t, notice.card.question, media=True)))


def render_closed_card(notice: ClosedCard, t: Translator, now: datetime) -> OutgoingMessage:
    """The earlier card, edited: who answered, and the question; no buttons any more."""
    question = notice.question
    args = {
        "number": number(question),
        "campaign": campaign_name(notice.campaign),
        "name": notice.answerer.full_name if notice.answerer else "—",
        "question": question_text(t, question, EXCERPT),
    }
    if notice.as_duplicate:
        text = t(
            "question-card-closed-duplicate", original=number(question.duplicate_of or 0), **args
        )
    else:
        text = t("question-card-closed", **args)
    return OutgoingMessage(text=text, edit_message_id=notice.message_id)


def render_answer(notice: AnswerNotice, t: Translator, now: datetime) -> OutgoingMessage:
    question, campaign = notice.question, notice.campaign
    key = "question-answer-yours" if notice.to_asker else "question-answer-metoo"
    lines = [t(key, campaign=campaign.name)]
    if notice.asked_before:
        lines.append(t("question-answer-asked-before"))
    lines += [
        f"<blockquote>{question_text(t, question, EXCERPT)}</blockquote>",
        escape(question.answer or ""),
    ]
    screen = Screen("\n".join(lines), _faq_button(t, campaign.id))
    return _message(screen, reply_to=notice.reply_to_message_id)


def render_published_answer(
    notice: PublishedAnswer, t: Translator, now: datetime
) -> OutgoingMessage:
    campaign = notice.campaign
    text = (
        t("question-faq-broadcast", campaign=campaign.name) + "\n\n" + faq_entry(t, notice.question)
    )
    return _message(Screen(text, _faq_button(t, campaign.id)))
