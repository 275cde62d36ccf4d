"""A rep answers a briefing request: every question in turn or one at a time, with text, an
answer button, a photo, a document or a voice message."""

from __future__ import annotations

from telegram import Update

from domain.briefings import answering
from domain.briefings.answering import Asking, Recorded
from domain.briefings.flows import Answering
from domain.briefings.model import AnswerKind, Reply
from domain.errors import InvalidInput
from handlers.briefings import views
from handlers.briefings.notices import request_redrawn
from handlers.kit.callbacks import Callback
from handlers.kit.context import TandemContext
from handlers.kit.feature import ButtonCallback
from handlers.kit.routing import tell_left_behind
from handlers.kit.screens import redraw, send_new, show


async def _show(
    update: Update, context: TandemContext, step: Asking | Recorded, *, in_place: bool = False
) -> None:
    """The next question, or where the rep stands (in place of the pressed message, for
    "✏️ n" under where they stand); after an answer, the request redrawn with it (✅)."""
    if step.shown is not None:
        redraw(update, step.shown.message_id, request_redrawn(context.t, step.shown))
    put = show if in_place else send_new
    if isinstance(step, Asking):
        await tell_left_behind(context, step.replaced, step.state)
        await put(update, views.asking_screen(context.t, step))
    else:
        await put(update, views.recorded_screen(context.t, step, context.actor.timezone))


async def answer_all(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        asking = await answering.start(
            uow, actor=context.actor, briefing_id=cb.int_arg(0), question_id=None, now=context.now
        )
    await _show(update, context, asking)


async def answer_one(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        asking = await answering.start(
            uow,
            actor=context.actor,
            briefing_id=cb.int_arg(0),
            question_id=cb.int_arg(1),
            now=context.now,
        )
    await _show(update, context, asking)


async def change_one(update: Update, context: TandemContext, cb: Callback) -> None:
    """ "✏️ n" under where the rep stands: that question, with the answer given, in place."""
    async with context.uow() as uow:
        asking = await answering.start(
            uow,
            actor=context.actor,
            briefing_id=cb.int_arg(0),
            question_id=cb.int_arg(1),
            now=context.now,
        )
    await _show(update, context, asking, in_place=True)


async def pick(update: Update, context: TandemContext, cb: Callback) -> str | None:
    async with context.uow() as uow:
        step = await answering.pick(
            uow,
            actor=context.actor,
            briefing_id=cb.int_arg(0),
            question_id=cb.int_arg(1),
            option=cb.int_arg(2),
            now=context.now,
        )
    await _show(update, context, step)
    return context.t.label("saved")


async def skip(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        step = await answering.skip(
            uow,
            actor=context.actor,
            briefing_id=cb.int_arg(0),
            question_id=cb.int_arg(1),
            now=context.now,
        )
    await _show(update, context, step)


async def preview_button(update: Update, context: TandemContext, cb: Callback) -> str | None:
    """A button of a preview: it only says so."""
    return context.t.label("preview-button-toast")


async def _answer(update: Update, context: TandemContext, state: Answering, reply: Reply) -> None:
    async with context.uow() as uow:
        step = await answering.answer(
            uow, actor=context.actor, state=state, reply=reply, now=context.now
        )
    await _show(update, context, step)


async def typed(update: Update, context: TandemContext, state: Answering, text: str) -> None:
    await _answer(update, context, state, Reply(AnswerKind.TEXT, text))


async def received(update: Update, context: TandemContext, state: Answering) -> None:
    """A photo, a voice message or a document as the answer, with its caption if any."""
    message = update.effective_message
    assert message is not None
    caption = message.caption
    if message.photo:
        reply = Reply(AnswerKind.PHOTO, caption, message.photo[-1].file_id)
    elif message.voice is not None:
        reply = Reply(AnswerKind.VOICE, caption, message.voice.file_id)
    elif message.document is not None:
        document = message.document
        reply = Reply(AnswerKind.DOCUMENT, caption, document.file_id, document.file_name)
    else:  # a location, a contact, a sticker …
        raise InvalidInput("briefing-answer-how")
    await _answer(update, context, state, reply)


VERBS: dict[str, ButtonCallback] = {
    "all": answer_all,
    "one": answer_one,
    "chg": change_one,
    "pick": pick,
    "skip": skip,
    "pvall": preview_button,
    "pvone": preview_button,
}
