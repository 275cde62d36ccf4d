"""What the marketer reads of a sent briefing: the answers per question, the files given as
answers, and CSV or Excel exports of them all."""

from __future__ import annotations

from telegram import InputMediaDocument, InputMediaPhoto, Update
from telegram.constants import MediaGroupLimit

from domain.briefings import reports
from domain.briefings.model import AnswerKind
from handlers.briefings import views
from handlers.kit.callbacks import Callback, CallbackDataError
from handlers.kit.context import TandemContext
from handlers.kit.exports import Format, send_table
from handlers.kit.feature import ButtonCallback
from handlers.kit.screens import show

ALBUM = MediaGroupLimit.MAX_MEDIA_LENGTH


async def answers_page(update: Update, context: TandemContext, cb: Callback) -> None:
    """The answers to one question (paged by question), with choice tallies."""
    async with context.uow() as uow:
        page = await reports.answers_page(
            uow, actor=context.actor, briefing_id=cb.int_arg(0), index=cb.int_arg(1)
        )
    await show(update, views.answers_screen(context.t, page))


async def send_files(update: Update, context: TandemContext, cb: Callback) -> str | None:
    """Photos, voice messages or documents given as answers, each captioned with who sent it:
    photos and documents in albums of up to ten; a few voice messages at once, more through
    the outbox, one a second (Telegram's limit for one chat), the page saying how many are
    on their way."""
    raw_kind = cb.str_arg(2)
    try:
        kind = AnswerKind(raw_kind)
    except ValueError:
        raise CallbackDataError(raw_kind) from None
    async with context.uow() as uow:
        found = await reports.open_files(
            uow,
            actor=context.actor,
            briefing_id=cb.int_arg(0),
            question_id=cb.int_arg(1),
            kind=kind,
            now=context.now,
        )
    t = context.t
    if found.queued:
        context.wake_outbox()
        await show(update, views.answers_screen(t, found.page, coming=found.queued))
        return t.label("briefing-voices-coming-toast", count=found.queued)
    shown = []
    for given in found.given:
        assert given.answer.file_id is not None
        name = given.person.full_name if given.person else "?"
        shown.append((given.answer.file_id, views.media_caption(name, given.answer.text)))
    await _send(context, kind, shown)
    return None


async def _send(context: TandemContext, kind: AnswerKind, files: list[tuple[str, str]]) -> None:
    """Photos and documents in albums of up to ten (one alone as itself), voice one by one."""
    chat_id, bot = context.actor.telegram_id, context.bot
    if kind is AnswerKind.VOICE:
        for file_id, caption in files:
            await bot.send_voice(chat_id, file_id, caption=caption)
        return
    for start in range(0, len(files), ALBUM):
        chunk = files[start : start + ALBUM]
        if len(chunk) > 1:
            make = InputMediaPhoto if kind is AnswerKind.PHOTO else InputMediaDocument
            media = [make(file_id, caption=caption) for file_id, caption in chunk]
            await bot.send_media_group(chat_id, media)
        elif kind is AnswerKind.PHOTO:
            await bot.send_photo(chat_id, chunk[0][0], caption=chunk[0][1])
        else:
            await bot.send_document(chat_id, chunk[0][0], caption=chunk[0][1])


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
