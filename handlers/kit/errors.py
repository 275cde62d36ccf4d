"""The one error handler: log with the update id, apologise in the person's language."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import Forbidden, NetworkError, TimedOut

from domain.people import joining
from handlers.kit.context import TandemContext

log = logging.getLogger(__name__)


async def on_error(update: object, context: TandemContext) -> None:
    error = context.error
    if not isinstance(update, Update):
        # Errors outside update handling (polling hiccups, jobs) are logged by PTB's caller or
        # here; polling network errors are retried by PTB itself.
        if isinstance(error, NetworkError | TimedOut):
            log.warning("Network problem talking to Telegram: %s", error)
        else:
            log.error("Error outside an update", exc_info=error)
        return
    log.error("Error while handling update %s", update.update_id, exc_info=error)
    chat = update.effective_chat
    user = update.effective_user
    if chat is None or user is None or isinstance(error, Forbidden):
        return
    services = context.services
    person = None
    try:
        async with context.uow() as uow:
            person = await joining.known(uow, telegram_id=user.id)
    except Exception:  # the database itself may be what failed
        log.exception("Could not load the person to apologise in their language")
    text = services.translator_for(person, user.language_code).label("error-apology")
    try:
        await context.bot.send_message(chat.id, text, parse_mode=None)
    except Exception:
        log.exception("Could not send the apology for update %s", update.update_id)
