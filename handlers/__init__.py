"""Telegram glue. :func:`register_all` is the one ordered table of handlers, built from the
features' registration objects (``handlers/<feature>/__init__.py:FEATURE``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from telegram import Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from handlers.kit.callbacks import Area
from handlers.kit.context import TandemContext
from handlers.kit.errors import on_error
from handlers.kit.feature import ButtonCallback, Feature, FlowRoute
from handlers.kit.routing import FlowRouter, buttons, command
from handlers.people.access import gatekeeper


async def _expired_button(update: Update, context: TandemContext) -> None:
    """A press no area claims: forged, or drawn by an older version of the bot."""
    query = update.callback_query
    assert query is not None
    await query.answer(context.t.label("button-expired"), show_alert=True)


async def _unknown_command(update: Update, context: TandemContext) -> None:
    message = update.effective_message
    assert message is not None
    await message.reply_text(context.t("unknown-command"), do_quote=False)


async def _edit_ignored(update: Update, context: TandemContext) -> None:
    """Telegram's Edit re-sends a message as ``edited_message``: it is not new input (not a
    second key message, not the answer to the next step, not a command again)."""
    message = update.effective_message
    assert message is not None
    await message.reply_text(context.t("edit-not-picked-up"), do_quote=False)


def button_table(features: Sequence[Feature]) -> dict[Area, dict[str, ButtonCallback]]:
    """Every area's verbs. A feature may answer verbs in another's area (the buttons under an
    announcement belong to questions and feedback too); a verb is answered by one feature."""
    table: dict[Area, dict[str, ButtonCallback]] = {}
    for feature in features:
        for area, verbs in feature.buttons.items():
            merged = table.setdefault(area, {})
            clash = set(merged) & set(verbs)
            if clash:
                raise ValueError(f"{feature.name}: verbs {sorted(clash)} of {area!r} are taken")
            merged.update(verbs)
    return table


def flow_routes(features: Sequence[Feature]) -> list[FlowRoute[Any]]:
    return [route for feature in features for route in feature.flows]


def register_all(
    app: Application[Any, Any, Any, Any, Any, Any], features: Sequence[Feature]
) -> None:
    # Group -1: the gatekeeper runs before everything and stops strangers and deactivated
    # people, so no handler below can forget the access check.
    app.add_handler(TypeHandler(Update, gatekeeper), group=-1)

    # Group 0: the first matching handler wins.
    # Only new messages are input: an edit of one already sent is answered by its own handler.
    new = filters.UpdateType.MESSAGE
    # Updates a feature answers that are neither commands, buttons nor messages (someone
    # blocking the bot): they match nothing else.
    for feature in features:
        for handler in feature.handlers:
            app.add_handler(handler)

    # Commands first, so /cancel and /help work in the middle of any flow.
    for feature in features:
        for route in feature.commands:
            app.add_handler(CommandHandler(route.name, command(route.callback), filters=new))
    app.add_handler(MessageHandler(new & filters.COMMAND, _unknown_command))

    # Buttons, one handler per area; each decodes its data through handlers.kit.callbacks.
    verbs: Mapping[Area, Mapping[str, ButtonCallback]] = button_table(features)
    for area, area_verbs in verbs.items():
        app.add_handler(buttons(area, area_verbs))
    # Last among buttons: anything no area claims.
    app.add_handler(CallbackQueryHandler(_expired_button))

    router = FlowRouter(flow_routes(features))
    private = filters.ChatType.PRIVATE
    # Plain text continues the person's open flow.
    app.add_handler(
        MessageHandler(new & private & filters.TEXT & ~filters.COMMAND, command(router.typed))
    )
    # Photos, documents and voice messages go to the open flow that takes files.
    app.add_handler(
        MessageHandler(
            new & private & (filters.Document.ALL | filters.PHOTO | filters.VOICE),
            command(router.received),
        )
    )
    # An edit of a message already sent is not picked up: say so.
    app.add_handler(MessageHandler(filters.UpdateType.EDITED_MESSAGE & private, _edit_ignored))
    # Anything else (a location, contact, sticker …): what the open step expects instead.
    app.add_handler(MessageHandler(new & private, command(router.other)))

    app.add_error_handler(on_error)
