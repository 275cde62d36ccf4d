"""The gatekeeper: runs before every handler (group -1).

It asks the domain who is behind the update. Active people go on with ``context.actor`` set.
Everyone else — strangers, deactivated people — gets one polite refusal in their language,
whatever they sent or pressed, and the update stops here. The only thing let through for a
stranger is ``/start <token>``, which the joining handler redeems or refuses itself.
"""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import ApplicationHandlerStop

from domain.people.joining import Entry, Identity, admit
from handlers.kit.context import TandemContext

REFUSALS = {Entry.STRANGER: "refusal", Entry.DEACTIVATED: "refusal-deactivated"}


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


def addressed_command(text: str, bot_username: str | None) -> str | None:
    """The command a message starts with (``/start`` → ``start``) if it is addressed to this
    bot: no ``@suffix``, or this bot's own username (case-insensitive). ``/start@other_bot``
    is not ours, whatever follows it."""
    head = text.split(maxsplit=1)[0] if text.strip() else ""
    if not head.startswith("/"):
        return None
    name, at, suffix = head[1:].partition("@")
    if at and (not bot_username or suffix.lower() != bot_username.lower()):
        return None
    return name or None


def _is_invite_start(update: Update, bot_username: str | None) -> bool:
    message = update.message
    if message is None or not message.text:
        return False
    parts = message.text.split(maxsplit=1)
    return len(parts) == 2 and addressed_command(message.text, bot_username) == "start"


async def gatekeeper(update: Update, context: TandemContext) -> None:
    if update.my_chat_member is not None:
        # Someone blocked or unblocked the bot: not something they asked for, nothing to
        # answer (handlers/people/reachability.py records it for people we know).
        return
    chat = update.effective_chat
    identity = identity_of(update)
    if identity is None or (chat is not None and chat.type != ChatType.PRIVATE):
        # Tandem works in private chats only; groups, channels and bots are ignored.
        raise ApplicationHandlerStop
    config = context.services.config
    async with context.uow() as uow:
        admission = await admit(
            uow,
            identity=identity,
            admin_ids=config.admin_ids,
            with_invite=_is_invite_start(update, context.bot.username),
            now=context.now,
            default_timezone=config.default_timezone,
        )
    if admission.entry is Entry.ADMITTED:
        context.first_visit = admission.first_visit
        context.set_actor(admission.person)
        return
    context.set_actor(None, identity.language_code)
    if admission.entry is Entry.MAY_JOIN:
        return
    await refuse(update, context, REFUSALS[admission.entry])
    raise ApplicationHandlerStop


async def refuse(update: Update, context: TandemContext, key: str = "refusal") -> None:
    """One polite refusal, and nothing else: no names, no data, no hint of what exists.
    Someone whose access was turned off is told that, rather than to ask for an invite."""
    if update.callback_query is not None:
        await update.callback_query.answer(context.t.label(key), show_alert=True)
    elif update.effective_message is not None and update.message is not None:
        await update.message.reply_text(context.t(key), do_quote=False)
