"""The marketers' side: the /questions queue, a question's card, answering (and publishing),
duplicates, and sending a published answer to every recipient."""

from __future__ import annotations

from telegram import Update

from domain.questions import answering
from domain.questions.flows import AnsweringQuestion
from handlers.kit.callbacks import Callback
from handlers.kit.context import TandemContext
from handlers.kit.routing import Alert, tell_left_behind
from handlers.kit.screens import reply, send_new, show
from handlers.questions import views
from handlers.questions.asking import closing_on_refusal, send_file

# --- the queue and the card ----------------------------------------------------------------------


async def list_questions(update: Update, context: TandemContext) -> None:
    """/questions: the unanswered questions, most "me too" first, then the oldest."""
    async with context.uow() as uow:
        waiting = await answering.queue(uow, actor=context.actor)
    await show(update, views.queue_screen(context.t, waiting, 0, context.now))


async def queue_page(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        waiting = await answering.queue(uow, actor=context.actor)
    await show(update, views.queue_screen(context.t, waiting, cb.int_arg(0), context.now))


async def open_card(update: Update, context: TandemContext, cb: Callback) -> None:
    """A question from the queue: its photo or voice message, then the card, as new messages."""
    async with context.uow() as uow:
        card = await answering.card(uow, actor=context.actor, question_id=cb.int_arg(0))
    if card.question.file_id is not None:
        name = card.asker.full_name if card.asker else "—"
        await send_file(context, card.question, views.media_caption(context.t, card.question, name))
    await send_new(update, views.card_screen(context.t, card, now=context.now))


# --- answering -----------------------------------------------------------------------------------


async def _begin_answer(
    update: Update, context: TandemContext, cb: Callback, *, publish: bool
) -> None:
    async with context.uow() as uow:
        prompt = await answering.begin_answer(
            uow,
            actor=context.actor,
            question_id=cb.int_arg(0),
            publish=publish,
            now=context.now,
        )
    await tell_left_behind(context, prompt.replaced, prompt.state)
    await send_new(update, views.answer_prompt(context.t, prompt))


async def begin_answer(update: Update, context: TandemContext, cb: Callback) -> None:
    """ "Answer" on a card: the flow waits for the answer."""
    await _begin_answer(update, context, cb, publish=False)


async def begin_answer_and_publish(update: Update, context: TandemContext, cb: Callback) -> None:
    """ "Answer and publish to the FAQ" on a card."""
    await _begin_answer(update, context, cb, publish=True)


async def typed_answer(
    update: Update, context: TandemContext, state: AnsweringQuestion, text: str
) -> None:
    async with closing_on_refusal(context), context.uow() as uow:
        answered = await answering.answer(
            uow,
            actor=context.actor,
            question_id=state.question_id,
            text=text,
            publish=state.publish,
            now=context.now,
        )
    context.wake_outbox()
    await send_new(update, views.answered_screen(context.t, answered))


async def sent_answer_file(
    update: Update, context: TandemContext, state: AnsweringQuestion
) -> None:
    """An answer is text: a photo, voice message or document gets the hint."""
    await reply(update, context.t("error-answer-text"))


async def publish(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        published = await answering.publish(
            uow, actor=context.actor, question_id=cb.int_arg(0), now=context.now
        )
    await show(update, views.published_screen(context.t, published))


async def broadcast(update: Update, context: TandemContext, cb: Callback) -> None:
    """ "Send to every recipient" under a published answer."""
    async with context.uow() as uow:
        sent = await answering.broadcast(
            uow, actor=context.actor, question_id=cb.int_arg(0), now=context.now
        )
    context.wake_outbox()
    await show(update, views.broadcast_screen(context.t, sent))


# --- duplicates ----------------------------------------------------------------------------------


async def _duplicates(
    update: Update, context: TandemContext, cb: Callback, *, page: int, new_message: bool
) -> str | None:
    async with context.uow() as uow:
        found = await answering.duplicate_candidates(
            uow, actor=context.actor, question_id=cb.int_arg(0)
        )
    if not found.candidates:
        return Alert(context.t.label("question-no-duplicates"))
    screen = views.duplicates_screen(context.t, found, page)
    await (send_new(update, screen) if new_message else show(update, screen))
    return None


async def duplicates(update: Update, context: TandemContext, cb: Callback) -> str | None:
    """ "Duplicate of…" on a card: the earlier answered questions, as a new message."""
    return await _duplicates(update, context, cb, page=0, new_message=True)


async def duplicates_page(update: Update, context: TandemContext, cb: Callback) -> str | None:
    return await _duplicates(update, context, cb, page=cb.int_arg(1), new_message=False)


async def mark_duplicate(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        closed = await answering.mark_duplicate(
            uow,
            actor=context.actor,
            question_id=cb.int_arg(0),
            original_id=cb.int_arg(1),
            now=context.now,
        )
    context.wake_outbox()
    await show(update, views.duplicate_marked_screen(context.t, closed))
