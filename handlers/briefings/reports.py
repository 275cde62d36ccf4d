"""What the marketer reads of a sent briefing: the answers per question, the files given as
answers, and CSV or Excel exports of them all."""

from __future__ import annotations

from telegram import Update

from domain.briefings import reports
from domain.briefings.model import AnswerKind
from handlers.briefings import views
from handlers.kit.callbacks import Callback, CallbackDataError
from handlers.kit.context import TandemContext
from handlers.kit.exports import Format, send_table
from handlers.kit.feature import ButtonCallback
from handlers.kit.screens import show


async def answers_page(update: Update, context: TandemContext, cb: Callback) -> None:
    """The answers to one question (paged by question), with choice tallies."""
    async with context.uow() as uow:
        page = await reports.answers_page(
            uow, actor=context.actor, briefing_id=cb.int_arg(0), index=cb.int_arg(1)
        )
    await show(update, views.answers_screen(context.t, page))


async def send_files(update: Update, context: TandemContext, cb: Callback) -> str | None:
    """Photos, voice messages or documents given as answers, each captioned with who sent it."""
    raw_kind = cb.str_arg(2)
    try:
        kind = AnswerKind(raw_kind)
    except ValueError:
        raise CallbackDataError(raw_kind) from None
    async with context.uow() as uow:
        found = await reports.files(
            uow,
            actor=context.actor,
            briefing_id=cb.int_arg(0),
            question_id=cb.int_arg(1),
            kind=kind,
        )
    chat_id, bot = context.actor.telegram_id, context.bot
    for given in found:
        file_id = given.answer.file_id
        assert file_id is not None
        name = given.person.full_name if given.person else "?"
        caption = views.media_caption(name, given.answer.text)
        if kind is AnswerKind.PHOTO:
            await bot.send_photo(chat_id, file_id, caption=caption)
        elif kind is AnswerKind.VOICE:
            await bot.send_voice(chat_id, file_id, caption=caption)
        else:
            await bot.send_document(chat_id, file_id, caption=caption)
    return None


async def export(update: Update, context: TandemContext, cb: Callback, fmt: Format) -> str | None:
    briefing_id = cb.int_arg(0)
    async with context.uow() as uow:
        answers = await reports.export(uow, actor=context.actor, briefing_id=briefing_id)
    await send_table(
        context.bot,
        context.actor.telegram_id,
        views.export_rows(context.t, answers),
        fmt,
        name=f"briefing-{briefing_id}",
        sheet_title="Answers",
        caption=context.t("briefing-export-caption", count=len(answers)),
    )
    return None


async def export_csv(update: Update, context: TandemContext, cb: Callback) -> str | None:
    return await export(update, context, cb, Format.CSV)


async def export_xlsx(update: Update, context: TandemContext, cb: Callback) -> str | None:
    return await export(update, context, cb, Format.XLSX)


VERBS: dict[str, ButtonCallback] = {
    "ans": answers_page,
    "media": send_files,
    "csv": export_csv,
    "xlsx": export_xlsx,
}
