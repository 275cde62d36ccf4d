"""Telegram glue. :func:`register_all` is the one ordered table of handlers."""

from __future__ import annotations

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

from handlers import (
    announcements,
    briefings,
    campaigns,
    feedback,
    onboarding,
    people,
    questions,
    settings,
    teams,
)
from handlers import help as help_
from handlers.access import gatekeeper
from handlers.campaign_views import AREA as CAMPAIGN_AREA
from handlers.campaign_views import PREVIEW_AREA
from handlers.context import TandemContext
from handlers.errors import on_error
from handlers.routing import buttons, command, media_router, text_router


async def _expired_button(update: Update, context: TandemContext) -> None:
    """A press no area claims: forged, or drawn by an older version of the bot."""
    query = update.callback_query
    assert query is not None
    await query.answer(context.t.label("button-expired"), show_alert=True)


async def _unknown_command(update: Update, context: TandemContext) -> None:
    message = update.effective_message
    assert message is not None
    await message.reply_text(context.t("unknown-command"), parse_mode="HTML", do_quote=False)


async def _unsupported(update: Update, context: TandemContext) -> None:
    message = update.effective_message
    assert message is not None
    await message.reply_text(context.t("text-without-flow"), parse_mode="HTML", do_quote=False)


def register_all(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    # Group -1: the gatekeeper runs before everything and stops strangers and deactivated
    # people, so no handler below can forget the access check.
    app.add_handler(TypeHandler(Update, gatekeeper), group=-1)

    # Group 0: the first matching handler wins.
    # Commands first, so /cancel and /help work in the middle of any flow.
    for name, callback in (
        ("start", onboarding.start),
        ("help", help_.show_help),
        ("cancel", help_.cancel),
        ("settings", settings.show_settings),
        ("invite", onboarding.new_invite),
        ("people", people.list_people),
        ("teams", teams.list_teams),
        ("campaigns", campaigns.list_campaigns),
        ("newcampaign", campaigns.new_campaign),
        ("feedback", feedback.list_command),
        ("questions", questions.list_questions),
    ):
        app.add_handler(CommandHandler(name, command(callback)))
    app.add_handler(MessageHandler(filters.COMMAND, _unknown_command))

    # Buttons, one handler per area; each decodes its data through handlers.callbacks.
    app.add_handler(buttons(onboarding.AREA, onboarding.VERBS))
    app.add_handler(buttons(settings.AREA, settings.VERBS))
    app.add_handler(buttons(teams.AREA, teams.VERBS))
    app.add_handler(buttons(people.AREA, people.VERBS))
    app.add_handler(buttons(CAMPAIGN_AREA, {**campaigns.VERBS, **announcements.VERBS}))
    app.add_handler(buttons(PREVIEW_AREA, announcements.PREVIEW_VERBS))
    app.add_handler(buttons(briefings.AREA, briefings.VERBS))
    app.add_handler(buttons(feedback.AREA, feedback.VERBS))
    app.add_handler(buttons(questions.AREA, questions.VERBS))
    # Last among buttons: anything no area claims.
    app.add_handler(CallbackQueryHandler(_expired_button))

    # Plain text continues the person's open flow.
    flows = {
        onboarding.FLOW: onboarding.typed_while_composing,
        settings.FLOW: settings.typed,
        teams.FLOW: teams.typed,
        campaigns.FLOW: campaigns.typed,
        briefings.FLOW: briefings.typed,
        feedback.FLOW: feedback.typed,
        questions.FLOW: questions.typed,
    }
    app.add_handler(
        MessageHandler(
            filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE, command(text_router(flows))
        )
    )
    # Photos, documents and voice messages go to the open flow that takes files.
    media_flows = {
        campaigns.FLOW: campaigns.received_file,
        briefings.FLOW: briefings.received_media,
        feedback.FLOW: feedback.received_media,
        questions.FLOW: questions.received_media,
    }
    app.add_handler(
        MessageHandler(
            filters.ChatType.PRIVATE & (filters.Document.ALL | filters.PHOTO | filters.VOICE),
            command(media_router(media_flows)),
        )
    )
    # Anything else in a private chat (stickers, files outside a flow ...) gets a hint.
    app.add_handler(
        MessageHandler(filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE, _unsupported)
    )

    app.add_error_handler(on_error)
    announcements.register_broadcasts(app.bot_data["services"])
    briefings.register_broadcasts(app.bot_data["services"])
    feedback.register(app.bot_data["services"])
    questions.register_broadcasts(app.bot_data["services"])
    questions.register_sweeps(app.bot_data["services"])
