"""Showing a screen: send it, or edit the message whose button was pressed.

Every text is HTML: the application's ``Defaults`` set the parse mode, so nothing here or in
the features passes it by hand.

**Answers before edits.** While a button is handled (``answering_first``), what a handler shows
waits until the callback query is answered: the spinner on the person's phone stops as soon as
the use case is done, not when the screen has been redrawn. New messages then go out in order;
edits of messages already in the chat go to the bot's :class:`EditQueue`, which applies them in
the background, paced below sends, keeping only the newest content of each message.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import logging
import re
import weakref
from collections.abc import Awaitable, Callable, Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest

log = logging.getLogger(__name__)
Step = Callable[[], Awaitable[object]]
# The steps waiting for the callback query's answer (None: not handling a button).
_after_answer: ContextVar[list[Step] | None] = ContextVar("after_answer", default=None)

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


class EditQueue:
    """Edits of messages already in chats, applied in the background.

    One runner per message applies its newest content: a message edited again while an edit
    of it waits for its turn is edited once, with the latest text. Each edit takes its send
    slot below replies (``broadcast.PacedRateLimiter``), so a storm of presses is answered at
    once and the redrawn screens follow at Telegram's pace.
    """

    def __init__(self) -> None:
        self._latest: dict[tuple[int, int], Step] = {}
        self._runners: set[asyncio.Task[None]] = set()

    def submit(self, chat_id: int, message_id: int, edit: Step) -> None:
        key = (chat_id, message_id)
        waiting = key in self._latest
        self._latest[key] = edit
        if not waiting:
            runner = asyncio.create_task(self._run(key), name=f"edit-{chat_id}-{message_id}")
            self._runners.add(runner)
            runner.add_done_callback(self._runners.discard)

    async def _run(self, key: tuple[int, int]) -> None:
        try:
            while True:
                edit = self._latest[key]
                try:
                    await edit()
                except BadRequest as error:  # deleted, too old, or already showing this
                    log.info("Could not edit message %s in chat %s: %s", key[1], key[0], error)
                except Exception:
                    log.exception("Editing message %s in chat %s failed", key[1], key[0])
                if self._latest[key] is edit:
                    return
        finally:
            self._latest.pop(key, None)

    async def idle(self) -> None:
        """Wait until every submitted edit is applied (tests, and a clean stop)."""
        while self._runners:
            await asyncio.gather(*list(self._runners), return_exceptions=True)


_queues: weakref.WeakKeyDictionary[Bot, EditQueue] = weakref.WeakKeyDictionary()


def edits_of(bot: Bot) -> EditQueue:
    """The edit queue of ``bot`` (one per bot, made on first use)."""
    queue = _queues.get(bot)
    if queue is None:
        queue = _queues[bot] = EditQueue()
    return queue


@contextlib.contextmanager
def answering_first() -> Iterator[list[Step]]:
    """Around a button's handler: what it shows is kept back until the query is answered;
    the caller runs the returned steps then (:func:`run_after_answer`)."""
    steps: list[Step] = []
    token = _after_answer.set(steps)
    try:
        yield steps
    finally:
        _after_answer.reset(token)


async def run_after_answer(steps: Sequence[Step]) -> None:
    for step in steps:
        await step()


async def later(step: Step) -> None:
    """Run ``step`` now, or, while a button is handled, once its query has been answered."""
    waiting = _after_answer.get()
    if waiting is None:
        await step()
    else:
        waiting.append(step)


def edit_later(bot: Bot, chat_id: int, message_id: int, edit: Step) -> None:
    """Queue an edit of a message already in a chat (see :class:`EditQueue`); while a button
    is handled, only after its query is answered."""
    waiting = _after_answer.get()

    def submit() -> None:
        edits_of(bot).submit(chat_id, message_id, edit)

    if waiting is None:
        submit()
    else:

        async def queued() -> None:
            submit()

        waiting.append(queued)


async def send(message: Message, screen: Screen) -> None:
    async def step() -> None:
        await message.reply_text(screen.text, reply_markup=screen.markup, do_quote=False)

    await later(step)


async def show(update: Update, screen: Screen) -> None:
    """Edit the pressed message in place, or send a new one for commands and text."""
    query = update.callback_query
    if query is not None and isinstance(query.message, Message) and query.message.text:
        message = query.message
        if not _unchanged(message, screen):

            async def edit() -> None:
                await message.edit_text(screen.text, reply_markup=screen.markup)

            edit_later(update.get_bot(), message.chat_id, message.message_id, edit)
        return
    target = update.effective_message
    if target is not None:
        await send(target, screen)


async def send_new(update: Update, screen: Screen) -> None:
    """A new message in the chat the update came from, even for a button press."""
    chat = update.effective_chat
    if chat is not None:
        bot, chat_id = update.get_bot(), chat.id

        async def step() -> None:
            await bot.send_message(chat_id, screen.text, reply_markup=screen.markup)

        await later(step)


def redraw(update: Update, message_id: int, screen: Screen) -> None:
    """Edit an earlier message of this chat (a builder a step was asked from) to ``screen``,
    in the background, once a pressed button is answered."""
    chat = update.effective_chat
    if chat is None:
        return
    bot, chat_id = update.get_bot(), chat.id

    async def edit() -> None:
        await bot.edit_message_text(
            screen.text, chat_id=chat_id, message_id=message_id, reply_markup=screen.markup
        )

    edit_later(bot, chat_id, message_id, edit)


def remove(update: Update, message_id: int) -> None:
    """Delete one of the bot's messages in this chat (a prompt once it is answered), in the
    background, once a pressed button is answered."""
    chat = update.effective_chat
    if chat is None:
        return
    bot, chat_id = update.get_bot(), chat.id

    async def delete() -> None:
        await bot.delete_message(chat_id, message_id)

    edit_later(bot, chat_id, message_id, delete)


def pressed_id(update: Update) -> int | None:
    """The id of the message whose button was pressed (None for a command or text)."""
    query = update.callback_query
    if query is not None and isinstance(query.message, Message):
        return query.message.message_id
    return None


async def reply(update: Update, text: str) -> None:
    await send_new(update, Screen(text))


async def close(update: Update) -> None:
    """Remove the keyboard from the pressed message (the screen is finished)."""
    query = update.callback_query
    if query is not None and isinstance(query.message, Message) and query.message.reply_markup:
        message = query.message

        async def edit() -> None:
            await message.edit_reply_markup(reply_markup=None)

        edit_later(update.get_bot(), message.chat_id, message.message_id, edit)
