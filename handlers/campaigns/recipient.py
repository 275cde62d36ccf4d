"""The recipient's side of campaigns: the buttons under an announcement (and their inert
twins under the marketer's preview), and sending an announcement or its materials."""

from __future__ import annotations

import logging

from telegram import InputMediaDocument, InputMediaPhoto, Message, Update
from telegram.constants import MediaGroupLimit

from domain.campaigns import access, receiving
from domain.campaigns.model import Campaign
from domain.campaigns.queries import Announcement
from handlers.campaigns.views import announcement_screen
from handlers.kit.callbacks import Callback
from handlers.kit.context import TandemContext
from handlers.kit.screens import edit_later
from handlers.kit.text import split_html

log = logging.getLogger(__name__)
ALBUM = MediaGroupLimit.MAX_MEDIA_LENGTH


async def send_announcement(
    update: Update, context: TandemContext, announcement: Announcement, *, preview: bool = False
) -> None:
    """The announcement as new messages, split if long; the buttons go under the last part.
    A preview is not protected: it is the marketer's own."""
    chat = update.effective_chat
    assert chat is not None
    screen = announcement_screen(context.t, announcement, preview=preview)
    protect = announcement.campaign.protect_content and not preview
    parts = split_html(screen.text)
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        await context.bot.send_message(
            chat.id, part, reply_markup=screen.markup if last else None, protect_content=protect
        )


async def deliver_materials(context: TandemContext, chat_id: int, campaign: Campaign) -> None:
    """Documents and photos in albums of up to ten (Telegram cannot mix the two kinds)."""
    protect = campaign.protect_content
    documents = [m for m in campaign.materials if m.kind == "document"]
    photos = [m for m in campaign.materials if m.kind == "photo"]
    for group, make in ((documents, InputMediaDocument), (photos, InputMediaPhoto)):
        for start in range(0, len(group), ALBUM):
            chunk = group[start : start + ALBUM]
            if len(chunk) > 1:
                media = [make(m.file_id) for m in chunk]
                await context.bot.send_media_group(chat_id, media, protect_content=protect)
            elif chunk[0].kind == "document":
                await context.bot.send_document(chat_id, chunk[0].file_id, protect_content=protect)
            else:
                await context.bot.send_photo(chat_id, chunk[0].file_id, protect_content=protect)


async def acknowledge(update: Update, context: TandemContext, cb: Callback) -> str | None:
    """Pressing "Got it": the announcement then says so, and so does a reminder it was under."""
    t, actor = context.t, context.actor
    async with context.uow() as uow:
        result = await receiving.acknowledge(
            uow, actor=actor, campaign_id=cb.int_arg(0), now=context.now
        )
    query = update.callback_query
    assert query is not None
    pressed = query.message if isinstance(query.message, Message) else None
    if result.first and result.message_id is not None:
        screen = announcement_screen(t, result.announcement)
        bot, chat_id, message_id = context.bot, actor.telegram_id, result.message_id

        async def redraw() -> None:
            if len(split_html(screen.text)) == 1:
                await bot.edit_message_text(
                    screen.text, chat_id=chat_id, message_id=message_id, reply_markup=screen.markup
                )
            else:  # a long announcement keeps its text; only its buttons change
                await bot.edit_message_reply_markup(
                    chat_id=chat_id, message_id=message_id, reply_markup=screen.markup
                )

        edit_later(bot, chat_id, message_id, redraw)
        if pressed is not None and pressed.message_id != message_id:
            text = t("acknowledged-reminder", name=result.announcement.campaign.name)
            reminder = pressed

            async def mark_reminder() -> None:
                await reminder.edit_text(text)

            edit_later(bot, chat_id, reminder.message_id, mark_reminder)
    return t.label("ack-thanks" if result.first else "ack-again")


async def send_materials(update: Update, context: TandemContext, cb: Callback) -> str | None:
    async with context.uow() as uow:
        campaign = await receiving.materials(uow, actor=context.actor, campaign_id=cb.int_arg(0))
    await deliver_materials(context, context.actor.telegram_id, campaign)
    return None


async def show_again(update: Update, context: TandemContext, cb: Callback) -> None:
    """The announcement again, as a new message (from a reminder or an update)."""
    async with context.uow() as uow:
        announcement = await receiving.announcement(
            uow, actor=context.actor, campaign_id=cb.int_arg(0), now=context.now
        )
    await send_announcement(update, context, announcement)


async def preview_button(update: Update, context: TandemContext, cb: Callback) -> str | None:
    return context.t.label("preview-button-toast")


async def preview_materials(update: Update, context: TandemContext, cb: Callback) -> str | None:
    async with context.uow() as uow:
        campaign = await access.managed(uow, actor=context.actor, campaign_id=cb.int_arg(0))
    await deliver_materials(context, context.actor.telegram_id, campaign)
    return None


VERBS = {
    "ack": acknowledge,
    "files": send_materials,
    "show": show_again,
}
PREVIEW_VERBS = {
    "ack": preview_button,
    "ask": preview_button,
    "fb": preview_button,
    "faq": preview_button,
    "files": preview_materials,
}
