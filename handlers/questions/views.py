"""How questions look: text and keyboards built from the domain's values, nothing else.

The marketers' card, the queue, the duplicates to choose from, and the short confirmations
after each step (what recipients see — the ask screen, the FAQ, the open questions — is in
``faq.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from telegram import InlineKeyboardButton

from domain.campaigns.model import Campaign
from domain.questions.answering import (
    Answered,
    AnswerPrompt,
    Broadcast,
    Duplicates,
    Published,
    QuestionCard,
    Waiting,
)
from domain.questions.model import Question, QuestionKind, QuestionStatus, age
from handlers.kit.callbacks import Area, button
from handlers.kit.i18n import Markup, TimeUnit, Translator, escape
from handlers.kit.labels import team_label
from handlers.kit.paging import Page, nav_rows
from handlers.kit.screens import Screen
from handlers.kit.text import excerpt

AREA = Area.QUESTIONS
CAMPAIGN_AREA = Area.CAMPAIGNS
QUEUE_PAGE = 6
DUPLICATES_PAGE = 6
EXCERPT = 200
SHORT = 40

Keyboard = list[list[InlineKeyboardButton]]


# --- a question ----------------------------------------------------------------------------------


def number(question: Question | int) -> str:
    """Ids as plain digits (Fluent would group 1234 as "1,234")."""
    return str(question.id if isinstance(question, Question) else question)


def question_text(t: Translator, question: Question, limit: int | None = None) -> Markup:
    """The question as safe HTML: a photo or voice marker, then its text."""
    parts: list[str] = []
    if question.kind is QuestionKind.PHOTO:
        parts.append(t("question-photo"))
    elif question.kind is QuestionKind.VOICE:
        parts.append(t("question-voice"))
    if question.text:
        parts.append(escape(excerpt(question.text, limit) if limit else question.text))
    return Markup(" ".join(parts))


def question_label(t: Translator, question: Question) -> str:
    """A short plain-text form for buttons."""
    if question.text:
        return excerpt(question.text, SHORT)
    return t.label("question-photo" if question.kind is QuestionKind.PHOTO else "question-voice")


def age_text(t: Translator, since: datetime, now: datetime) -> str:
    unit, count = age(since, now)
    if count == 0:
        return t.label("question-age-now")
    return t.relative(-count * AGE_UNITS[unit], AGE_UNIT_NAMES[unit])


AGE_UNITS = {
    "minutes": timedelta(minutes=1),
    "hours": timedelta(hours=1),
    "days": timedelta(days=1),
}
AGE_UNIT_NAMES: dict[str, TimeUnit] = {"minutes": "minute", "hours": "hour", "days": "day"}


def campaign_name(campaign: Campaign | None) -> str:
    return campaign.name if campaign else "—"


def media_button(t: Translator, question: Question) -> InlineKeyboardButton | None:
    if question.file_id is None:
        return None
    key = (
        "question-photo-button" if question.kind is QuestionKind.PHOTO else "question-voice-button"
    )
    return button(t.label(key, number=number(question)), AREA, "media", question.id)


def media_caption(t: Translator, question: Question, asker_name: str | None) -> str:
    """Plain text: the caption under a question's photo or voice message."""
    if asker_name is None:
        return t.label("question-media-caption-anonymous", number=number(question))
    return t.label("question-media-caption", number=number(question), name=asker_name)


def pager(t: Translator, page: Page[Any], verb: str, *args: object) -> Keyboard:
    return nav_rows(
        page.nav(
            AREA,
            verb,
            *args,
            back=t.label("question-page-back"),
            next_=t.label("question-page-next"),
        )
    )


# --- the marketers' card -------------------------------------------------------------------------


def card_text(t: Translator, card: QuestionCard, *, now: datetime, reminder: bool = False) -> str:
    question = card.question
    lines = [t("question-card-reminder")] if reminder else []
    lines += [
        t("question-card-title", number=number(question), campaign=campaign_name(card.campaign)),
        t(
            "question-card-from",
            name=card.asker.full_name if card.asker else "—",
            team=team_label(t, card.team),
            age=age_text(t, question.asked_at, now),
            votes=question.votes,
        ),
        f"<blockquote>{question_text(t, question)}</blockquote>",
    ]
    if not question.is_open and question.answer is not None:
        if question.status is QuestionStatus.DUPLICATE and question.duplicate_of is not None:
            lines.append(t("question-card-duplicate-of", original=number(question.duplicate_of)))
        answered_by = t(
            "question-card-answer", name=card.answerer.full_name if card.answerer else "—"
        )
        lines.append(f"{answered_by} {escape(question.answer)}")
        if question.in_faq:
            lines.append(t("question-card-in-faq"))
    return "\n".join(lines)


def card_keyboard(
    t: Translator, question: Question, *, media: bool, back: bool = False
) -> Keyboard:
    rows: Keyboard = []
    if question.is_open:
        rows += [
            [button(t.label("question-answer-button"), AREA, "ans", question.id)],
            [button(t.label("question-answer-publish-button"), AREA, "anspub", question.id)],
            [button(t.label("question-duplicate-button"), AREA, "dup", question.id)],
        ]
    else:
        rows += after_answer_rows(t, question)
    file_button = media_button(t, question) if media else None
    if file_button is not None:
        rows.append([file_button])
    if back:
        rows.append([button(t.label("question-queue-button"), AREA, "queue", 0)])
    return rows


def after_answer_rows(t: Translator, question: Question) -> Keyboard:
    """What can be done with an answered question: publish it, then send it to everyone."""
    if question.can_be_published:
        return [[button(t.label("question-publish-button"), AREA, "pub", question.id)]]
    if question.can_be_broadcast:
        return [[button(t.label("question-broadcast-button"), AREA, "bcast", question.id)]]
    return []


def card_screen(t: Translator, card: QuestionCard, *, now: datetime) -> Screen:
    """A card opened from the queue, with the way back to it."""
    keyboard = card_keyboard(t, card.question, media=False, back=True)
    return Screen(card_text(t, card, now=now), keyboard)


def queue_screen(
    t: Translator, waiting: Sequence[Waiting], page_number: int, now: datetime
) -> Screen:
    if not waiting:
        return Screen(t("question-queue-empty"))
    page = Page.of(waiting, page_number, QUEUE_PAGE)
    lines = [
        t("question-queue-title", count=page.total, page=page.number + 1, pages=page.pages),
        t("question-queue-order"),
    ]
    keyboard: Keyboard = []
    for entry in page.items:
        question = entry.question
        lines += [
            "",
            t(
                "question-queue-line",
                number=number(question),
                campaign=campaign_name(entry.campaign),
                age=age_text(t, question.asked_at, now),
                votes=question.votes,
                name=entry.asker.full_name if entry.asker else "—",
                text=question_text(t, question, EXCERPT),
            ),
        ]
        label = t.label(
            "question-queue-open-button", number=number(question), text=question_label(t, question)
        )
        keyboard.append([button(label, AREA, "card", question.id)])
    keyboard += pager(t, page, "queue")
    return Screen("\n".join(lines), keyboard)


def duplicates_screen(t: Translator, duplicates: Duplicates, page_number: int) -> Screen:
    question = duplicates.question
    page = Page.of(duplicates.candidates, page_number, DUPLICATES_PAGE)
    lines = [
        t("question-dup-title", number=number(question), page=page.number + 1, pages=page.pages)
    ]
    keyboard: Keyboard = []
    for candidate in page.items:
        lines += [
            "",
            t(
                "question-dup-line",
                number=number(candidate),
                question=question_text(t, candidate, EXCERPT),
                answer=excerpt(candidate.answer or "", EXCERPT),
            ),
        ]
        label = t.label(
            "question-dup-pick-button", number=number(candidate), text=question_label(t, candidate)
        )
        keyboard.append([button(label, AREA, "dupof", question.id, candidate.id)])
    keyboard += pager(t, page, "dupp", question.id)
    return Screen("\n".join(lines), keyboard)


# --- answering -----------------------------------------------------------------------------------


def answer_prompt(t: Translator, prompt: AnswerPrompt) -> Screen:
    text = t(
        "question-answer-prompt",
        number=number(prompt.question),
        campaign=prompt.campaign.name,
        question=question_text(t, prompt.question, EXCERPT),
        publish="yes" if prompt.state.publish else "no",
    )
    return Screen(text)


def answered_screen(t: Translator, answered: Answered) -> Screen:
    question = answered.question
    lines = [t("question-answered", number=number(question), people=answered.reaches)]
    if question.in_faq:
        lines.append(t("question-in-faq", campaign=answered.campaign.name))
    return Screen("\n".join(lines), after_answer_rows(t, question))


def duplicate_marked_screen(t: Translator, answered: Answered) -> Screen:
    question = answered.question
    text = t(
        "question-marked-duplicate",
        number=number(question),
        original=number(question.duplicate_of or 0),
        people=answered.reaches,
    )
    return Screen(text)


def published_screen(t: Translator, published: Published) -> Screen:
    question = published.question
    text = t("question-published", number=number(question), campaign=published.campaign.name)
    return Screen(text, after_answer_rows(t, question))


def broadcast_screen(t: Translator, sent: Broadcast) -> Screen:
    return Screen(t("question-broadcast-sent", number=number(sent.question), count=sent.count))
