"""Someone blocked or unblocked the bot: Telegram says so at once (``my_chat_member``)."""

from __future__ import annotations

from telegram import ChatMember, Update
from telegram.ext import ChatMemberHandler

from domain.people import reachability
from handlers.kit.context import TandemContext

GONE = (ChatMember.BANNED, ChatMember.LEFT)  # "kicked": blocked; "left": deleted the chat


async def membership_changed(update: Update, context: TandemContext) -> None:
    """Record it; nothing is answered (a person who blocked the bot cannot be written to)."""
    change = update.my_chat_member
    if change is None or change.chat.type != "private":
        return
    telegram_id = change.from_user.id
    async with context.uow() as uow:
        if change.new_chat_member.status in GONE:
            await reachability.blocked(uow, telegram_id=telegram_id, now=context.now)
            return
        queued = await reachability.unblocked(
            uow,
            telegram_id=telegram_id,
            now=context.now,
            redeliveries=context.services.redeliveries,
        )
    if queued:
        context.wake_outbox()


HANDLER = ChatMemberHandler(membership_changed, ChatMemberHandler.MY_CHAT_MEMBER)
