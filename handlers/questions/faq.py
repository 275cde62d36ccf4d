"""What a campaign's recipients see of its questions: the open questions first when they press
"Ask a question" (with "me too" one tap away), the prompt, the FAQ and the open questions."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardButton

from domain.campaigns.model import Campaign
from domain.questions.asking import CampaignQuestions
from domain.questions.model import Question
from handlers.kit.callbacks import button
from handlers.kit.i18n import Translator, escape
from handlers.kit.paging import Page
from handlers.kit.screens import Screen, plain_text
from handlers.questions.views import (
    AREA,
    CAMPAIGN_AREA,
    EXCERPT,
    Keyboard,
    media_button,
    pager,
    question_text,
)

OPEN_PAGE = 5
ASK_SHOWN = 5  # open questions shown first when a rep presses "Ask a question"
FAQ_PAGE_MAX = 5  # answers on one FAQ page, at most
FAQ_PAGE_CHARS = 3500  # and what they may add up to (a message holds 4096)


# --- asking --------------------------------------------------------------------------------------


def ask_prompt(t: Translator, campaign: Campaign) -> Screen:
    return Screen(t("question-ask-prompt", name=campaign.name))


def _vote_row(
    t: Translator, view: CampaignQuestions, question: Question, position: int, verb: str, *args: int
) -> list[InlineKeyboardButton]:
    """ "👍 n: me too" (or "✅ n: counted") on an open question, and its photo or voice."""
    key = (
        "question-open-voted-button" if question.id in view.voted else "question-open-metoo-button"
    )
    row = [button(t.label(key, number=position), AREA, verb, question.id, *args)]
    file_button = media_button(t, question)
    if file_button is not None:
        row.append(file_button)
    return row


def ask_screen(
    t: Translator, campaign: Campaign, view: CampaignQuestions, *, counted: bool | None = None
) -> Screen:
    """ "Ask a question": the open questions of others first — maybe someone already asked,
    and "me too" is one tap — then "my question is different" (or just typing it). With none
    open, the prompt itself. ``counted``: after a "me too" here (False: said before)."""
    others = [q for q in view.open if view.may_vote(q)]
    if not others and counted is None:
        return ask_prompt(t, campaign)
    if counted is None:
        lines = [t("question-ask-maybe", name=campaign.name)]
    else:
        lines = [t("question-ask-counted" if counted else "question-ask-counted-again")]
    keyboard: Keyboard = []
    for position, question in enumerate(others[:ASK_SHOWN], 1):
        lines += [
            "",
            t(
                "question-open-line",
                number=position,
                text=question_text(t, question, EXCERPT),
                votes=question.votes,
                mine="no",
            ),
        ]
        keyboard.append(_vote_row(t, view, question, position, "me2a"))
    if len(others) > ASK_SHOWN:
        lines += ["", t("question-ask-more", count=len(others) - ASK_SHOWN)]
    lines += ["", t("question-ask-different" if counted is None else "question-ask-another")]
    keyboard.append([button(t.label("question-different-button"), AREA, "askd", campaign.id)])
    return Screen("\n".join(lines), keyboard)


# --- the FAQ and the open questions (recipients) -------------------------------------------------


def faq_entry(t: Translator, question: Question) -> str:
    """A question and its answer, whole (a page holds as many entries as fit)."""
    return f"❓ <b>{question_text(t, question)}</b>\n💬 {escape(question.answer or '')}"


def faq_pages(entries: Sequence[str]) -> list[list[int]]:
    """Split FAQ entries (HTML) into pages of whole entries that fit in one message."""
    pages: list[list[int]] = []
    current: list[int] = []
    size = 0
    for index, entry in enumerate(entries):
        length = len(plain_text(entry)) + 2
        if current and (len(current) >= FAQ_PAGE_MAX or size + length > FAQ_PAGE_CHARS):
            pages.append(current)
            current, size = [], 0
        current.append(index)
        size += length
    if current:
        pages.append(current)
    return pages or [[]]


def faq_screen(t: Translator, view: CampaignQuestions, page_number: int) -> Screen:
    campaign_id = view.campaign.id
    entries = [faq_entry(t, q) for q in view.faq]
    pages = faq_pages(entries)
    # Pages hold whole entries up to a size, not a fixed count: the page is cut here.
    number_ = min(max(page_number, 0), len(pages) - 1)
    shown = pages[number_]
    page = Page([view.faq[i] for i in shown], number_, len(pages), len(entries), FAQ_PAGE_MAX)
    lines = [t("faq-title", name=view.campaign.name)]
    if view.faq:
        lines.append(t("faq-summary", count=page.total, page=page.number + 1, pages=page.pages))
        lines += ["", "\n\n".join(entries[i] for i in shown)]
    else:
        lines.append(t("faq-empty"))
    keyboard: Keyboard = []
    files = [b for q in page.items if (b := media_button(t, q)) is not None]
    if files:
        keyboard.append(files)
    keyboard += pager(t, page, "faq", campaign_id)
    label = t.label("faq-open-button", count=len(view.open))
    keyboard.append([button(label, AREA, "open", campaign_id, 0)])
    if view.can_ask:
        keyboard.append([button(t.label("campaign-ask-button"), CAMPAIGN_AREA, "ask", campaign_id)])
    return Screen("\n".join(lines), keyboard)


def open_screen(t: Translator, view: CampaignQuestions, page_number: int) -> Screen:
    campaign_id = view.campaign.id
    page = Page.of(view.open, page_number, OPEN_PAGE)
    lines = [t("question-open-title", name=view.campaign.name, count=page.total)]
    if not view.open:
        lines.append(t("question-open-empty"))
    elif view.can_ask:
        lines.append(t("question-open-hint"))
    keyboard: Keyboard = []
    for position, question in enumerate(page.items, page.first_position):
        lines += [
            "",
            t(
                "question-open-line",
                number=position,
                text=question_text(t, question, EXCERPT),
                votes=question.votes,
                mine="yes" if view.is_mine(question) else "no",
            ),
        ]
        if view.may_vote(question):
            keyboard.append(_vote_row(t, view, question, position, "me2", page.number))
        elif (file_button := media_button(t, question)) is not None:
            keyboard.append([file_button])
    keyboard += pager(t, page, "open", campaign_id)
    keyboard.append([button(t.label("question-open-faq-button"), AREA, "faq", campaign_id, 0)])
    return Screen("\n".join(lines), keyboard)
