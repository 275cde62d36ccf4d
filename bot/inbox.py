"""The durable inbox, on the Telegram side: no update is lost at a crash.

PTB's polling confirms a batch of updates to Telegram (the next ``getUpdates`` offset) while
the batch is still being handled, so whatever is queued or running when the process dies would
be gone. :class:`InboxBot` stores every update it fetches (``storage/inbox.py``) before
returning it, i.e. before the offset that confirms it is ever sent. At start-up,
:func:`replay_unfinished` queues the updates a crash interrupted, in order, ahead of new ones.
An interrupted update whose change was already committed (the unit of work marked it applied
in the same transaction) is not handled again: :func:`replay_guard` tells the person their
action was saved. An update is done when its handling finished (``bot/updates.py``).
"""

from __future__ import annotations

import asyncio
import json
import logging
from datetime import UTC, datetime, timedelta
from typing import Any

from telegram import Update
from telegram.error import BadRequest
from telegram.ext import Application, ApplicationHandlerStop, ExtBot

from domain.people import joining
from handlers.kit.context import TandemContext
from storage.inbox import Inbox

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 3  # an update that crashed the bot three times is given up
KEEP_DONE = timedelta(days=7)


class InboxBot(ExtBot[None]):
    """The application's bot: ``get_updates`` stores what it fetched before returning it.

    It also confirms everything it fetched, the updates it held back included: PTB confirms
    only up to the last update it was given, so a batch of nothing but updates Telegram sent
    again would be fetched again at once, forever, and the polling loop would spin.
    """

    def __init__(self, *args: Any, inbox: Inbox, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._inbox = inbox
        self._confirm_from = 0  # the offset that confirms every update fetched so far

    async def get_updates(self, *args: Any, **kwargs: Any) -> tuple[Update, ...]:
        if args:
            kwargs["offset"], args = args[0], args[1:]
        offset = kwargs.get("offset")
        if self._confirm_from and (offset is None or 0 <= offset < self._confirm_from):
            kwargs["offset"] = self._confirm_from
        updates = await super().get_updates(*args, **kwargs)
        if not updates:
            return updates
        self._confirm_from = max(self._confirm_from, updates[-1].update_id + 1)
        rows = [
            (
                update.update_id,
                update.effective_chat.id if update.effective_chat else None,
                json.dumps(update.to_dict(), ensure_ascii=False),
            )
            for update in updates
        ]
        new = await self._inbox.store(rows, at=datetime.now(UTC))
        # Telegram sends an update again when the offset that confirmed it never arrived: one
        # already in the inbox is being (or was) handled from there.
        return tuple(update for update in updates if update.update_id in new)


async def prune_handled(inbox: Inbox) -> None:
    """Forget the updates handled more than :data:`KEEP_DONE` ago (at start-up and then
    periodically, so that a bot that runs for months keeps a small inbox)."""
    pruned = await inbox.prune(before=datetime.now(UTC) - KEEP_DONE)
    if pruned:
        log.info("Forgot %d handled update(s) older than %s", pruned, KEEP_DONE)


class DoneMarks:
    """Records handled updates as done, a batch at a time: one write every ``interval``
    instead of one per update, under a storm of presses. An update handled in the last
    ``interval`` before a crash is taken up again at the next start, where the inbox knows
    whether its change was made (see :func:`replay_guard`)."""

    def __init__(self, inbox: Inbox, *, interval: float = 0.05) -> None:
        self._inbox = inbox
        self._interval = interval
        self._pending: list[int] = []
        self._flusher: asyncio.Task[None] | None = None

    async def mark(self, update_id: int) -> None:
        self._pending.append(update_id)
        if self._flusher is None or self._flusher.done():
            self._flusher = asyncio.create_task(self._flush_soon(), name="inbox-done")

    async def _flush_soon(self) -> None:
        await asyncio.sleep(self._interval)
        await self.flush()

    async def flush(self) -> None:
        """Write what is pending now (also at a clean stop)."""
        ids, self._pending = self._pending, []
        try:
            await self._inbox.done(ids, at=datetime.now(UTC))
        except Exception:
            log.exception("Could not record %d handled update(s) as done", len(ids))

    async def close(self) -> None:
        """At a clean stop: let a flush under way finish (cancelling it mid-write would lose
        the marks it took), then write the rest."""
        if self._flusher is not None:
            await asyncio.gather(self._flusher, return_exceptions=True)
        await self.flush()


class Replays:
    """Updates queued again at start-up whose change had already been committed."""

    def __init__(self) -> None:
        self.applied: set[int] = set()


async def replay_unfinished(app: Application[Any, Any, Any, Any, Any, Any], inbox: Inbox) -> None:
    """Queue the updates a crash interrupted, oldest first, before polling brings new ones."""
    replays = app.bot_data["replays"]
    assert isinstance(replays, Replays)
    stored = await inbox.unfinished(max_attempts=MAX_ATTEMPTS, at=datetime.now(UTC))
    for row in stored:
        update = Update.de_json(json.loads(row.payload), app.bot)
        if row.applied:
            replays.applied.add(row.update_id)
        await app.update_queue.put(update)
    if stored:
        log.info("Handling %d update(s) a restart interrupted", len(stored))
    await prune_handled(inbox)


async def replay_guard(update: object, context: TandemContext) -> None:
    """Group -2: an update whose change a crash left committed but unanswered is not handled
    twice; the person is told it was saved, and the update stops here."""
    if not isinstance(update, Update):
        return
    replays = context.application.bot_data["replays"]
    assert isinstance(replays, Replays)
    if update.update_id not in replays.applied:
        return
    replays.applied.discard(update.update_id)
    user, chat = update.effective_user, update.effective_chat
    if user is not None and chat is not None:
        services = context.services
        async with services.uow() as uow:
            person = await joining.known(uow, telegram_id=user.id)
        t = services.translator_for(person, user.language_code)
        answered = False
        if update.callback_query is not None:
            try:
                await update.callback_query.answer(t.label("replay-saved"), show_alert=True)
                answered = True
            except BadRequest:  # too old to answer: say it in the chat instead
                pass
        if not answered:
            await context.bot.send_message(chat.id, t("replay-saved"))
    raise ApplicationHandlerStop
