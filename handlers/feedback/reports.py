"""What marketers and team leads see of field feedback: the summary, its comments, photos and
voice messages, the CSV and Excel exports, and /feedback."""

from __future__ import annotations

from telegram import InputMediaPhoto, Update

from domain.feedback import reports
from domain.feedback.model import MediaKind
from handlers.feedback.views import (
    AREA,
    author_line,
    comments_screen,
    export_table,
    list_screen,
    summary_screen,
)
from handlers.kit.callbacks import Callback, CallbackDataError, button
from handlers.kit.context import TandemContext
from handlers.kit.exports import Format, send_table
from handlers.kit.paging import Page
from handlers.kit.screens import Screen, send_new, show

MEDIA_PAGE = 10  # an album holds at most ten


async def show_summary(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        found = await reports.open_summary(uow, actor=context.actor, campaign_id=cb.int_arg(0))
    await show(update, summary_screen(context.t, found))


async def comments_page(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        found = await reports.summary(uow, actor=context.actor, campaign_id=cb.int_arg(0))
    await show(update, comments_screen(context.t, found, cb.int_arg(1), context.actor.timezone))


async def send_media(update: Update, context: TandemContext, cb: Callback) -> str | None:
    """The photos or voice messages, captioned with who (unless anonymous), their team and
    rating: photos ten at a time in an album; a few voice messages at once, more through the
    outbox, one a second (Telegram's limit for one chat), the summary saying how many are on
    their way."""
    campaign_id, raw_kind, number = cb.int_arg(0), cb.str_arg(1), cb.int_arg(2)
    try:
        kind = MediaKind(raw_kind)
    except ValueError:
        raise CallbackDataError(raw_kind) from None
    t = context.t
    async with context.uow() as uow:
        got = await reports.files(
            uow, actor=context.actor, campaign_id=campaign_id, kind=kind, now=context.now
        )
    found = got.summary
    if got.queued:
        context.wake_outbox()
        await show(update, summary_screen(t, found, coming=got.queued))
        return t.label("feedback-voices-coming-toast", count=got.queued)
    page = Page.of(found.attachments(kind), number, MEDIA_PAGE)
    if not page.items:
        return t.label("feedback-no-media")
    # A caption is a name, a team name and stars: far below Telegram's caption limit.
    shown = [(file_id, author_line(t, found, item)) for item, file_id in page.items]
    chat_id = context.actor.telegram_id
    if kind is MediaKind.PHOTO and len(shown) > 1:
        album = [InputMediaPhoto(file_id, caption=caption) for file_id, caption in shown]
        await context.bot.send_media_group(chat_id, album)
    else:
        for file_id, caption in shown:
            if kind is MediaKind.PHOTO:
                await context.bot.send_photo(chat_id, file_id, caption=caption)
            else:
                await context.bot.send_voice(chat_id, file_id, caption=caption)
    left = page.total - page.first_position + 1 - len(page.items)
    if left > 0:
        label = t.label("feedback-more-button", count=left)
        more = button(label, AREA, "media", campaign_id, kind, page.number + 1)
        await send_new(update, Screen(t("feedback-more-media", count=left), [[more]]))
    return None


async def _export(update: Update, context: TandemContext, cb: Callback, fmt: Format) -> None:
    campaign_id = cb.int_arg(0)
    async with context.uow() as uow:
        found = await reports.export(uow, actor=context.actor, campaign_id=campaign_id)
    await send_table(
        context.bot,
        context.actor.telegram_id,
        export_table(context.t, found),
        fmt,
        name=f"feedback-{campaign_id}",
        sheet_title="Feedback",
        caption=context.t(
            "feedback-export-caption", name=found.campaign.name, count=len(found.rows)
        ),
    )


async def export_csv(update: Update, context: TandemContext, cb: Callback) -> None:
    await _export(update, context, cb, Format.CSV)


async def export_xlsx(update: Update, context: TandemContext, cb: Callback) -> None:
    await _export(update, context, cb, Format.XLSX)


async def _list(update: Update, context: TandemContext, number: int) -> None:
    async with context.uow() as uow:
        found = await reports.campaigns_with_feedback(uow, actor=context.actor)
    await show(update, list_screen(context.t, found, number))


async def list_command(update: Update, context: TandemContext) -> None:
    """/feedback: the campaigns whose feedback this person may see."""
    await _list(update, context, 0)


async def list_page(update: Update, context: TandemContext, cb: Callback) -> None:
    await _list(update, context, cb.int_arg(0))
