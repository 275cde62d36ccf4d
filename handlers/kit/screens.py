"""Showing a screen: send it, or edit the message whose button was pressed.

Every text is HTML: the application's ``Defaults`` set the parse mode, so nothing here or in
the features passes it by hand.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update

_TAG = re.compile(r"<[^>]+>")

Keyboard = Sequence[Sequence[InlineKeyboardButton]]


@dataclass(frozen=True, slots=True)
class Screen:
    """One message: HTML text and an optional inline keyboard."""

    text: str
    keyboard: Keyboard = field(default_factory=tuple)

    @property
    def markup(self) -> InlineKeyboardMarkup | None:
        return InlineKeyboardMarkup(self.keyboard) if self.keyboard else None


def plain_text(html_text: str) -> str:
    """What Telegram shows for our HTML (tags dropped, entities decoded)."""
    return html.unescape(_TAG.sub("", html_text))


def _unchanged(message: Message, screen: Screen) -> bool:
    current_markup = message.reply_markup if message.reply_markup else None
    return (message.text or "") == plain_text(screen.text).strip() and (
        current_markup == screen.markup
    )


async def send(message: Message, screen: Screen) -> Message:
    return await message.reply_text(screen.text, reply_markup=screen.markup, do_quote=False)


async def show(update: Update, screen: Screen) -> None:
    """Edit the pressed message in place, or send a new one for commands and text."""
    query = update.callback_query
    if query is not None and isinstance(query.message, Message) and query.message.text:
        if not _unchanged(query.message, screen):
            await query.message.edit_text(screen.text, reply_markup=screen.markup)
        return
    target = update.effective_message
    if target is not None:
        await send(target, screen)


async def send_new(update: Update, screen: Screen) -> None:
    """A new message in the chat the update came from, even for a button press."""
    chat = update.effective_chat
    if chat is not None:
        await update.get_bot().send_message(chat.id, screen.text, reply_markup=screen.markup)


async def reply(update: Update, text: str) -> None:
    await send_new(update, Screen(text))


async def close(update: Update) -> None:
    """Remove the keyboard from the pressed message (the screen is finished)."""
    query = update.callback_query
    if query is not None and isinstance(query.message, Message) and query.message.reply_markup:
        await query.message.edit_reply_markup(reply_markup=None)
