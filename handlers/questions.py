"""Questions and answers about a campaign.

A recipient presses "Ask a question" under an announcement and sends a text, a photo or a voice
message; the marketers get a card with Answer, Answer and publish, and Duplicate of… (and can
open every open question from /questions). The answer reaches the asker, and everyone who said
"me too", through the outbox; a published answer is in the campaign FAQ ("FAQ" under the
announcement) and can be sent to every recipient once.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime

from telegram import InlineKeyboardButton, Update

from bot.i18n import Markup, Translator, escape
from broadcast import Delivery, OutgoingMessage
from domain import questions
from domain.campaigns import Campaign
from domain.errors import DomainError, InvalidInput
from domain.people import Person
from domain.permissions import Action, can
from domain.questions import Question, QuestionKind, QuestionStatus
from handlers.callbacks import Callback, button
from handlers.campaign_views import AREA as CAMPAIGN_AREA
from handlers.context import Services, TandemContext
from handlers.routing import end_flow, start_flow
from handlers.screens import Screen, plain_text, reply, send_new, show
from storage.flows import Flow
from storage.uow import SqlUnitOfWork, unit_of_work

AREA = "qst"
FLOW = "question"
QUEUE_PAGE = 6
OPEN_PAGE = 5
DUPLICATES_PAGE = 6
FAQ_PAGE_MAX = 5  # answers on one FAQ page, at most
FAQ_PAGE_CHARS = 3500  # and what they may add up to (a message holds 4096)
EXCERPT = 200
SHORT = 40
# Errors that leave the person on the same step (they can simply try again).
RETRY_KEYS = frozenset(
    {"error-text-expected", "error-text-length", "error-question-kind", "error-answer-text"}
)

Renderer = Callable[[Delivery], Awaitable[OutgoingMessage | None]]


# --- how a question looks ----------------------------------------------------------------------


def _excerpt(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def question_text(t: Translator, question: Question, limit: int | None = None) -> Markup:
    """The question as safe HTML: a photo or voice marker, then its text."""
    parts: list[str] = []
    if question.kind is QuestionKind.PHOTO:
        parts.append(t("question-photo"))
    elif question.kind is QuestionKind.VOICE:
        parts.append(t("question-voice"))
    if question.text:
        parts.append(escape(_excerpt(question.text, limit) if limit else question.text))
    return Markup(" ".join(parts))


def question_label(t: Translator, question: Question) -> str:
    """A short plain-text form for buttons."""
    if question.text:
        return _excerpt(question.text, SHORT)
    return t.label("question-photo" if question.kind is QuestionKind.PHOTO else "question-voice")


def age_text(t: Translator, since: datetime, now: datetime) -> str:
    unit, count = questions.age(since, now)
    return t.label(f"question-age-{unit}", count=count)


def _number(question: Question | int) -> str:
    """Ids as plain digits (Fluent would group 1234 as "1,234")."""
    return str(question.id if isinstance(question, Question) else question)


def _pages(total: int, size: int) -> int:
    return max(1, -(-total // size))


def _pager(
    t: Translator, verb: str, page: int, pages: int, *args: object
) -> list[InlineKeyboardButton]:
    row = []
    if page > 0:
        row.append(button(t.label("question-page-back"), AREA, verb, *args, page - 1))
    if page + 1 < pages:
        row.append(button(t.label("question-page-next"), AREA, verb, *args, page + 1))
    return row


def _media_button(t: Translator, question: Question) -> InlineKeyboardButton | None:
    if question.file_id is None:
        return None
    key = (
        "question-photo-button" if question.kind is QuestionKind.PHOTO else "question-voice-button"
    )
    return button(t.label(key, number=_number(question)), AREA, "media", question.id)


# --- the marketer's card -----------------------------------------------------------------------


async def _card_parts(
    uow: SqlUnitOfWork, question: Question
) -> tuple[Campaign | None, Person | None, str | None]:
    campaign = await uow.campaigns.get(question.campaign_id)
    asker = await uow.people.get(question.asked_by)
    team = await uow.teams.get(asker.team_id) if asker and asker.team_id is not None else None
    return campaign, asker, team.name if team else None


def card_text(
    t: Translator,
    question: Question,
    campaign: Campaign | None,
    asker: Person | None,
    team: str | None,
    *,
    now: datetime,
    reminder: bool = False,
    answerer: Person | None = None,
) -> str:
    lines = [t("question-card-reminder")] if reminder else []
    lines += [
        t(
            "question-card-title",
            number=_number(question),
            campaign=campaign.name if campaign else "—",
        ),
        t(
            "question-card-from",
            name=asker.full_name if asker else "—",
            team=team or t.label("no-team"),
            age=age_text(t, question.asked_at, now),
            votes=question.votes,
        ),
        f"<blockquote>{question_text(t, question)}</blockquote>",
    ]
    if not question.is_open and question.answer is not None:
        if question.status is QuestionStatus.DUPLICATE and question.duplicate_of is not None:
            lines.append(t("question-card-duplicate-of", original=_number(question.duplicate_of)))
        lines.append(
            t(
                "question-card-answer",
                name=answerer.full_name if answerer else "—",
                answer=question.answer,
            )
        )
        if question.in_faq:
            lines.append(t("question-card-in-faq"))
    return "\n".join(lines)


def card_keyboard(
    t: Translator, question: Question, *, media: bool, back: bool = False
) -> list[list[InlineKeyboardButton]]:
    rows: list[list[InlineKeyboardButton]] = []
    if question.is_open:
        rows += [
            [button(t.label("question-answer-button"), AREA, "ans", question.id)],
            [button(t.label("question-answer-publish-button"), AREA, "anspub", question.id)],
            [button(t.label("question-duplicate-button"), AREA, "dup", question.id)],
        ]
    else:
        rows += _after_answer_rows(t, question)
    media_button = _media_button(t, question) if media else None
    if media_button is not None:
        rows.append([media_button])
    if back:
        rows.append([button(t.label("question-queue-button"), AREA, "queue", 0)])
    return rows


def _after_answer_rows(t: Translator, question: Question) -> list[list[InlineKeyboardButton]]:
    if question.status is not QuestionStatus.ANSWERED:
        return []
    if not question.in_faq:
        return [[button(t.label("question-publish-button"), AREA, "pub", question.id)]]
    if question.broadcast_at is None:
        return [[button(t.label("question-broadcast-button"), AREA, "bcast", question.id)]]
    return []


async def _send_media(
    context: TandemContext, chat_id: int, question: Question, caption: str
) -> None:
    if question.file_id is None:
        return
    if question.kind is QuestionKind.PHOTO:
        await context.bot.send_photo(chat_id, question.file_id, caption=caption)
    elif question.kind is QuestionKind.VOICE:
        await context.bot.send_voice(chat_id, question.file_id, caption=caption)


# --- asking (the recipient) --------------------------------------------------------------------


async def ask(update: Update, context: TandemContext, cb: Callback) -> str | None:
    """ "Ask a question" under an announcement: the flow waits for the question."""
    campaign_id = cb.int_arg(0)
    async with context.uow() as uow:
        campaign = await questions.may_ask(uow, context.actor, campaign_id)
    await start_flow(context, FLOW, "ask", {"cid": campaign_id})
    await send_new(update, Screen(context.t("question-ask-prompt", name=campaign.name)))
    return None


async def _submit(
    update: Update,
    context: TandemContext,
    flow: Flow,
    *,
    kind: QuestionKind,
    text: str | None,
    file_id: str | None,
) -> None:
    message = update.effective_message
    try:
        async with context.uow() as uow:
            await questions.ask(
                uow,
                context.actor,
                int(flow.data["cid"]),
                kind=kind,
                text=text,
                file_id=file_id,
                message_id=message.message_id if message else None,
                now=context.now,
            )
    except DomainError as error:
        if error.key not in RETRY_KEYS:
            await end_flow(context)  # the campaign is gone or cancelled: nothing to wait for
        raise
    await end_flow(context)
    context.services.broadcasts.wake()
    await reply(update, context.t("question-sent"))


async def typed(update: Update, context: TandemContext, flow: Flow, text: str) -> None:
    """Text in the question flow: the question itself, or a marketer's answer."""
    if flow.step == "ask":
        await _submit(update, context, flow, kind=QuestionKind.TEXT, text=text, file_id=None)
    elif flow.step == "answer":
        await _answer_typed(update, context, flow, text)
    else:
        await end_flow(context)
        await reply(update, context.t("flow-lost"))


async def received_media(update: Update, context: TandemContext, flow: Flow) -> None:
    """A photo (with its caption) or a voice message as the question."""
    message = update.effective_message
    assert message is not None
    if flow.step != "ask":
        raise InvalidInput("error-answer-text")
    if message.photo:
        await _submit(
            update,
            context,
            flow,
            kind=QuestionKind.PHOTO,
            text=message.caption,
            file_id=message.photo[-1].file_id,
        )
    elif message.voice is not None:
        await _submit(
            update,
            context,
            flow,
            kind=QuestionKind.VOICE,
            text=None,
            file_id=message.voice.file_id,
        )
    else:
        raise InvalidInput("error-question-kind")


# --- the FAQ and the open questions (recipients) -----------------------------------------------


def _faq_entry(t: Translator, question: Question) -> str:
    return t(
        "faq-entry",
        question=question_text(t, question),
        answer=question.answer or "",
    )


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


async def _faq_screen(context: TandemContext, campaign_id: int, page: int) -> Screen:
    t = context.t
    async with context.uow() as uow:
        view = await questions.campaign_questions(uow, context.actor, campaign_id)
    entries = [_faq_entry(t, q) for q in view.faq]
    pages = faq_pages(entries)
    page = min(max(page, 0), len(pages) - 1)
    lines = [t("faq-title", name=view.campaign.name)]
    if view.faq:
        lines.append(t("faq-summary", count=len(view.faq), page=page + 1, pages=len(pages)))
        lines += ["", "\n\n".join(entries[i] for i in pages[page])]
    else:
        lines.append(t("faq-empty"))
    keyboard: list[list[InlineKeyboardButton]] = []
    media = [b for i in pages[page] if (b := _media_button(t, view.faq[i])) is not None]
    if media:
        keyboard.append(media)
    pager = _pager(t, "faq", page, len(pages), campaign_id)
    if pager:
        keyboard.append(pager)
    keyboard.append(
        [
            button(
                t.label("faq-open-button", count=len(view.open)),
                AREA,
                "open",
                campaign_id,
                0,
            )
        ]
    )
    if view.can_ask:
        keyboard.append([button(t.label("campaign-ask-button"), CAMPAIGN_AREA, "ask", campaign_id)])
    return Screen("\n".join(lines), keyboard)


async def faq_from_announcement(update: Update, context: TandemContext, cb: Callback) -> None:
    """ "FAQ" under an announcement: a new message, so the announcement stays as it is."""
    await send_new(update, await _faq_screen(context, cb.int_arg(0), 0))


async def faq_page(update: Update, context: TandemContext, cb: Callback) -> None:
    await show(update, await _faq_screen(context, cb.int_arg(0), cb.int_arg(1)))


async def _open_screen(context: TandemContext, campaign_id: int, page: int) -> Screen:
    t = context.t
    actor = context.actor
    async with context.uow() as uow:
        view = await questions.campaign_questions(uow, actor, campaign_id)
    pages = _pages(len(view.open), OPEN_PAGE)
    page = min(max(page, 0), pages - 1)
    shown = view.open[page * OPEN_PAGE : (page + 1) * OPEN_PAGE]
    lines = [t("question-open-title", name=view.campaign.name, count=len(view.open))]
    if not view.open:
        lines.append(t("question-open-empty"))
    elif view.can_ask:
        lines.append(t("question-open-hint"))
    keyboard: list[list[InlineKeyboardButton]] = []
    for position, question in enumerate(shown, page * OPEN_PAGE + 1):
        mine = question.asked_by == actor.id
        lines += [
            "",
            t(
                "question-open-line",
                number=position,
                text=question_text(t, question, EXCERPT),
                votes=question.votes,
                mine="yes" if mine else "no",
            ),
        ]
        row: list[InlineKeyboardButton] = []
        if view.can_ask and not mine:
            key = (
                "question-open-voted-button"
                if question.id in view.voted
                else "question-open-metoo-button"
            )
            row.append(button(t.label(key, number=position), AREA, "me2", question.id, page))
        media = _media_button(t, question)
        if media is not None:
            row.append(media)
        if row:
            keyboard.append(row)
    pager = _pager(t, "open", page, pages, campaign_id)
    if pager:
        keyboard.append(pager)
    keyboard.append([button(t.label("question-open-faq-button"), AREA, "faq", campaign_id, 0)])
    return Screen("\n".join(lines), keyboard)


async def open_page(update: Update, context: TandemContext, cb: Callback) -> None:
    await show(update, await _open_screen(context, cb.int_arg(0), cb.int_arg(1)))


async def me_too(update: Update, context: TandemContext, cb: Callback) -> str | None:
    question_id, page = cb.int_arg(0), cb.int_arg(1)
    async with context.uow() as uow:
        first = await questions.upvote(uow, context.actor, question_id, now=context.now)
        question = await uow.questions.get(question_id)
    assert question is not None
    await show(update, await _open_screen(context, question.campaign_id, page))
    return context.t.label("question-metoo-counted" if first else "question-metoo-again")


async def send_question_media(update: Update, context: TandemContext, cb: Callback) -> None:
    """A question's photo or voice message, by its Telegram file id."""
    t = context.t
    async with context.uow() as uow:
        question, names = await questions.viewable(uow, context.actor, cb.int_arg(0))
        asker = await uow.people.get(question.asked_by) if names else None
    if asker is not None:
        caption = t.label("question-media-caption", number=_number(question), name=asker.full_name)
    else:
        caption = t.label("question-media-caption-anonymous", number=_number(question))
    await _send_media(context, context.actor.telegram_id, question, caption)


# --- the marketers' queue and card -------------------------------------------------------------


async def _queue_screen(context: TandemContext, page: int) -> Screen:
    t = context.t
    now = context.now
    async with context.uow() as uow:
        waiting = await questions.queue(uow, context.actor)
        pages = _pages(len(waiting), QUEUE_PAGE)
        page = min(max(page, 0), pages - 1)
        shown = waiting[page * QUEUE_PAGE : (page + 1) * QUEUE_PAGE]
        people = {p.id: p for p in await uow.people.many([q.asked_by for q in shown])}
        campaigns = {q.campaign_id: await uow.campaigns.get(q.campaign_id) for q in shown}
    if not waiting:
        return Screen(t("question-queue-empty"))
    lines = [
        t("question-queue-title", count=len(waiting), page=page + 1, pages=pages),
        t("question-queue-order"),
    ]
    keyboard: list[list[InlineKeyboardButton]] = []
    for question in shown:
        campaign = campaigns.get(question.campaign_id)
        asker = people.get(question.asked_by)
        lines += [
            "",
            t(
                "question-queue-line",
                number=_number(question),
                campaign=campaign.name if campaign else "—",
                age=age_text(t, question.asked_at, now),
                votes=question.votes,
                name=asker.full_name if asker else "—",
                text=question_text(t, question, EXCERPT),
            ),
        ]
        keyboard.append(
            [
                button(
                    t.label(
                        "question-queue-open-button",
                        number=_number(question),
                        text=question_label(t, question),
                    ),
                    AREA,
                    "card",
                    question.id,
                )
            ]
        )
    pager = _pager(t, "queue", page, pages)
    if pager:
        keyboard.append(pager)
    return Screen("\n".join(lines), keyboard)


async def list_questions(update: Update, context: TandemContext) -> None:
    """/questions: the unanswered questions, most "me too" first, then the oldest."""
    await show(update, await _queue_screen(context, 0))


async def queue_page(update: Update, context: TandemContext, cb: Callback) -> None:
    await show(update, await _queue_screen(context, cb.int_arg(0)))


async def open_card(update: Update, context: TandemContext, cb: Callback) -> None:
    """A question from the queue: its photo or voice message, then the card, as new messages."""
    t = context.t
    async with context.uow() as uow:
        question = await questions.for_answerer(uow, context.actor, cb.int_arg(0))
        campaign, asker, team = await _card_parts(uow, question)
        answerer = (
            await uow.people.get(question.answered_by) if question.answered_by is not None else None
        )
    if question.file_id is not None:
        caption = t.label(
            "question-media-caption",
            number=_number(question),
            name=asker.full_name if asker else "—",
        )
        await _send_media(context, context.actor.telegram_id, question, caption)
    text = card_text(t, question, campaign, asker, team, now=context.now, answerer=answerer)
    await send_new(update, Screen(text, card_keyboard(t, question, media=False, back=True)))


# --- answering (marketers) ---------------------------------------------------------------------


async def _begin_answer(
    update: Update, context: TandemContext, cb: Callback, *, publish: bool
) -> None:
    question_id = cb.int_arg(0)
    async with context.uow() as uow:
        question = await questions.begin_answer(uow, context.actor, question_id)
        campaign = await uow.campaigns.get(question.campaign_id)
    await start_flow(context, FLOW, "answer", {"qid": question_id, "publish": publish})
    text = context.t(
        "question-answer-prompt",
        number=_number(question),
        campaign=campaign.name if campaign else "—",
        question=question_text(context.t, question, EXCERPT),
        publish="yes" if publish else "no",
    )
    await send_new(update, Screen(text))


async def begin_answer(update: Update, context: TandemContext, cb: Callback) -> None:
    await _begin_answer(update, context, cb, publish=False)


async def begin_answer_and_publish(update: Update, context: TandemContext, cb: Callback) -> None:
    await _begin_answer(update, context, cb, publish=True)


def _answered_screen(t: Translator, question: Question, campaign: Campaign | None) -> Screen:
    name = campaign.name if campaign else "—"
    lines = [t("question-answered", number=_number(question), people=1 + question.votes)]
    if question.in_faq:
        lines.append(t("question-in-faq", campaign=name))
    return Screen("\n".join(lines), _after_answer_rows(t, question))


async def _answer_typed(update: Update, context: TandemContext, flow: Flow, text: str) -> None:
    try:
        async with context.uow() as uow:
            question = await questions.answer(
                uow,
                context.actor,
                int(flow.data["qid"]),
                text,
                publish=bool(flow.data.get("publish")),
                now=context.now,
            )
            campaign = await uow.campaigns.get(question.campaign_id)
    except DomainError as error:
        if error.key not in RETRY_KEYS:
            await end_flow(context)  # answered by someone else meanwhile, or gone
        raise
    await end_flow(context)
    context.services.broadcasts.wake()
    await send_new(update, _answered_screen(context.t, question, campaign))


async def publish(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        question = await questions.publish(uow, context.actor, cb.int_arg(0), now=context.now)
        campaign = await uow.campaigns.get(question.campaign_id)
    text = context.t(
        "question-published",
        number=_number(question),
        campaign=campaign.name if campaign else "—",
    )
    await show(update, Screen(text, _after_answer_rows(context.t, question)))


async def broadcast(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        question, count = await questions.broadcast(
            uow, context.actor, cb.int_arg(0), now=context.now
        )
    context.services.broadcasts.wake()
    text = context.t("question-broadcast-sent", number=_number(question), count=count)
    await show(update, Screen(text))


# --- duplicates (marketers) --------------------------------------------------------------------


async def _duplicates_screen(context: TandemContext, question_id: int, page: int) -> Screen:
    t = context.t
    async with context.uow() as uow:
        question, candidates = await questions.duplicate_candidates(uow, context.actor, question_id)
    if not candidates:
        raise InvalidInput("question-no-duplicates")
    pages = _pages(len(candidates), DUPLICATES_PAGE)
    page = min(max(page, 0), pages - 1)
    shown = candidates[page * DUPLICATES_PAGE : (page + 1) * DUPLICATES_PAGE]
    lines = [t("question-dup-title", number=_number(question), page=page + 1, pages=pages)]
    keyboard: list[list[InlineKeyboardButton]] = []
    for candidate in shown:
        lines += [
            "",
            t(
                "question-dup-line",
                number=_number(candidate),
                question=question_text(t, candidate, EXCERPT),
                answer=_excerpt(candidate.answer or "", EXCERPT),
            ),
        ]
        keyboard.append(
            [
                button(
                    t.label(
                        "question-dup-pick-button",
                        number=_number(candidate),
                        text=question_label(t, candidate),
                    ),
                    AREA,
                    "dupof",
                    question.id,
                    candidate.id,
                )
            ]
        )
    pager = _pager(t, "dupp", page, pages, question.id)
    if pager:
        keyboard.append(pager)
    return Screen("\n".join(lines), keyboard)


async def duplicates(update: Update, context: TandemContext, cb: Callback) -> None:
    """ "Duplicate of…" on a card: the earlier answered questions, as a new message."""
    await send_new(update, await _duplicates_screen(context, cb.int_arg(0), 0))


async def duplicates_page(update: Update, context: TandemContext, cb: Callback) -> None:
    await show(update, await _duplicates_screen(context, cb.int_arg(0), cb.int_arg(1)))


async def mark_duplicate(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        question = await questions.mark_duplicate(
            uow, context.actor, cb.int_arg(0), cb.int_arg(1), now=context.now
        )
    context.services.broadcasts.wake()
    text = context.t(
        "question-marked-duplicate",
        number=_number(question),
        original=_number(question.duplicate_of or 0),
        people=1 + question.votes,
    )
    await show(update, Screen(text))


VERBS = {
    "faq": faq_page,
    "open": open_page,
    "me2": me_too,
    "media": send_question_media,
    "queue": queue_page,
    "card": open_card,
    "ans": begin_answer,
    "anspub": begin_answer_and_publish,
    "dup": duplicates,
    "dupp": duplicates_page,
    "dupof": mark_duplicate,
    "pub": publish,
    "bcast": broadcast,
}


# --- what the broadcast engine sends -----------------------------------------------------------


def question_renderers(services: Services) -> dict[str, Renderer]:
    def translator(person: Person) -> Translator:
        return services.catalog.translator(services.language_for(person, None))

    async def card(delivery: Delivery, *, reminder: bool) -> OutgoingMessage | None:
        async with unit_of_work(services.db) as uow:
            question = await uow.questions.get(delivery.ref_id)
            person = await uow.people.get(delivery.person_id)
            if question is None or person is None or not question.is_open:
                return None
            if not can(person, Action.ANSWER_QUESTIONS):
                return None
            campaign, asker, team = await _card_parts(uow, question)
        t = translator(person)
        text = card_text(
            t, question, campaign, asker, team, now=services.clock.now(), reminder=reminder
        )
        keyboard = card_keyboard(t, question, media=True)
        return OutgoingMessage(text=text, reply_markup=Screen("", keyboard).markup)

    async def new(delivery: Delivery) -> OutgoingMessage | None:
        return await card(delivery, reminder=False)

    async def remind(delivery: Delivery) -> OutgoingMessage | None:
        return await card(delivery, reminder=True)

    async def closed(delivery: Delivery) -> OutgoingMessage | None:
        kind = questions.ASKED if delivery.batch == "new" else questions.REMIND
        async with unit_of_work(services.db) as uow:
            question = await uow.questions.get(delivery.ref_id)
            person = await uow.people.get(delivery.person_id)
            message_id = await uow.outbox.message_id(
                kind, delivery.ref_id, delivery.batch, delivery.person_id
            )
            if question is None or person is None or message_id is None:
                return None
            campaign = await uow.campaigns.get(question.campaign_id)
            answerer = (
                await uow.people.get(question.answered_by)
                if question.answered_by is not None
                else None
            )
        t = translator(person)
        args = {
            "number": _number(question),
            "campaign": campaign.name if campaign else "—",
            "name": answerer.full_name if answerer else "—",
            "question": question_text(t, question, EXCERPT),
        }
        if question.status is QuestionStatus.DUPLICATE:
            text = t(
                "question-card-closed-duplicate",
                original=_number(question.duplicate_of or 0),
                **args,
            )
        else:
            text = t("question-card-closed", **args)
        return OutgoingMessage(text=text, edit_message_id=message_id)

    async def answer(delivery: Delivery) -> OutgoingMessage | None:
        async with unit_of_work(services.db) as uow:
            question = await uow.questions.get(delivery.ref_id)
            person = await uow.people.get(delivery.person_id)
            campaign = await uow.campaigns.get(question.campaign_id) if question else None
        if question is None or person is None or campaign is None or not person.active:
            return None
        if question.answer is None:
            return None
        t = translator(person)
        key = "question-answer-yours" if person.id == question.asked_by else "question-answer-metoo"
        lines = [t(key, campaign=campaign.name)]
        if question.status is QuestionStatus.DUPLICATE:
            lines.append(t("question-answer-asked-before"))
        lines += [
            f"<blockquote>{question_text(t, question, EXCERPT)}</blockquote>",
            escape(question.answer),
        ]
        keyboard = [[button(t.label("campaign-faq-button"), CAMPAIGN_AREA, "faq", campaign.id)]]
        return OutgoingMessage(
            text="\n".join(lines),
            reply_markup=Screen("", keyboard).markup,
            # The asker gets it as a reply to the question they sent.
            reply_to_message_id=question.message_id if person.id == question.asked_by else None,
        )

    async def faq(delivery: Delivery) -> OutgoingMessage | None:
        async with unit_of_work(services.db) as uow:
            question = await uow.questions.get(delivery.ref_id)
            person = await uow.people.get(delivery.person_id)
            campaign = await uow.campaigns.get(question.campaign_id) if question else None
        if question is None or person is None or campaign is None or not person.active:
            return None
        if not question.in_faq or question.answer is None:
            return None
        t = translator(person)
        text = (
            t("question-faq-broadcast", campaign=campaign.name) + "\n\n" + _faq_entry(t, question)
        )
        keyboard = [[button(t.label("campaign-faq-button"), CAMPAIGN_AREA, "faq", campaign.id)]]
        return OutgoingMessage(text=text, reply_markup=Screen("", keyboard).markup)

    return {
        questions.ASKED: new,
        questions.REMIND: remind,
        questions.CLOSED: closed,
        questions.ANSWER: answer,
        questions.FAQ: faq,
    }


def register_broadcasts(services: Services) -> None:
    for kind, renderer in question_renderers(services).items():
        services.broadcasts.register(kind, renderer)


async def remind_unanswered(services: Services) -> None:
    """The sweep: questions open for 24 hours are reminded to the marketers, once."""
    async with unit_of_work(services.db) as uow:
        await questions.remind_unanswered(uow, now=services.clock.now())


def register_sweeps(services: Services) -> None:
    services.sweeps.add("questions.remind", remind_unanswered)
