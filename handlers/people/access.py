"""The gatekeeper: runs before every handler (group -1).

It loads the person behind the update. Active people go on with ``context.actor`` set.
Everyone else — strangers, deactivated people — gets one polite refusal in their language,
whatever they sent or pressed, and the update stops here. The only thing let through for a
stranger is ``/start <token>``, which the onboarding handler redeems or refuses itself.
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import ApplicationHandlerStop

from domain.people.model import Person
from domain.people.onboarding import Identity, ensure_config_admin, refresh_profile
from handlers.kit.context import TandemContext

log = logging.getLogger(__name__)


def identity_of(update: Update) -> Identity | None:
    user = update.effective_user
    if user is None or user.is_bot:
        return None
    return Identity(
        telegram_id=user.id,
        first_name=user.first_name,
        last_name=user.last_name,
        username=user.username,
        language_code=user.language_code,
    )


def _is_invite_start(update: Update) -> bool:
    message = update.message
    if message is None or not message.text:
        return False
    parts = message.text.split(maxsplit=1)
    return len(parts) == 2 and parts[0].split("@", 1)[0] == "/start"


async def gatekeeper(update: Update, context: TandemContext) -> None:
    chat = update.effective_chat
    identity = identity_of(update)
    if identity is None or (chat is not None and chat.type != ChatType.PRIVATE):
        # Tandem works in private chats only; groups, channels and bots are ignored.
        raise ApplicationHandlerStop
    services = context.services
    person: Person | None
    async with context.uow() as uow:
        person = await uow.people.by_telegram_id(identity.telegram_id)
        if identity.telegram_id in services.config.admin_ids:
            context.first_visit = person is None
            person = await ensure_config_admin(
                uow,
                identity,
                now=context.now,
                default_timezone=services.config.default_timezone,
            )
        if person is not None and person.active:
            person = await refresh_profile(uow, person, identity)
    if person is not None and person.active:
        context.set_actor(person)
        return
    context.set_actor(None, identity.language_code)
    if person is None and _is_invite_start(update):
        return
    await refuse(update, context, "refusal" if person is None else "refusal-deactivated")
    raise ApplicationHandlerStop


async def refuse(update: Update, context: TandemContext, key: str = "refusal") -> None:
    """One polite refusal, and nothing else: no names, no data, no hint of what exists.
    Someone whose access was turned off is told that, rather than to ask for an invite."""
    if update.callback_query is not None:
        await update.callback_query.answer(context.t.label(key), show_alert=True)
    elif update.effective_message is not None and update.message is not None:
        await update.message.reply_text(context.t(key), do_quote=False)
