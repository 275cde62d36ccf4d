"""A campaign's feedback settings (marketers and admins): anonymity and the prompt days."""

from __future__ import annotations

from telegram import Update

from domain.errors import InvalidInput
from domain.feedback import settings
from domain.feedback.flows import TypingDays
from domain.feedback.model import PROMPT_PRESETS
from handlers.feedback.views import ask_days_screen, settings_screen
from handlers.kit.callbacks import Callback, CallbackDataError
from handlers.kit.context import TandemContext
from handlers.kit.routing import tell_left_behind
from handlers.kit.screens import send_new, show


async def show_settings(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        found = await settings.settings_of(uow, actor=context.actor, campaign_id=cb.int_arg(0))
    await show(update, settings_screen(context.t, found))


async def toggle_anonymous(update: Update, context: TandemContext, cb: Callback) -> str | None:
    async with context.uow() as uow:
        found = await settings.toggle_anonymous(
            uow, actor=context.actor, campaign_id=cb.int_arg(0), now=context.now
        )
    await show(update, settings_screen(context.t, found))
    return context.t.label("saved")


async def preset_days(update: Update, context: TandemContext, cb: Callback) -> str | None:
    campaign_id, key = cb.int_arg(0), cb.str_arg(1)
    days = PROMPT_PRESETS.get(key)
    if days is None:
        raise CallbackDataError(key)
    async with context.uow() as uow:
        found = await settings.set_prompt_days(
            uow, actor=context.actor, campaign_id=campaign_id, days=days, now=context.now
        )
    await show(update, settings_screen(context.t, found))
    return context.t.label("saved")


async def ask_days(update: Update, context: TandemContext, cb: Callback) -> None:
    """ "Other days": the marketer types them."""
    async with context.uow() as uow:
        asked = await settings.ask_for_days(
            uow, actor=context.actor, campaign_id=cb.int_arg(0), now=context.now
        )
    await tell_left_behind(context, asked.left, asked.flow)
    await send_new(update, ask_days_screen(context.t))


async def typed_days(update: Update, context: TandemContext, state: TypingDays, text: str) -> None:
    async with context.uow() as uow:
        found = await settings.type_days(
            uow, actor=context.actor, campaign_id=state.campaign_id, text=text, now=context.now
        )
    await send_new(update, settings_screen(context.t, found))


async def days_not_text(update: Update, context: TandemContext, state: TypingDays) -> None:
    raise InvalidInput("error-text-expected")
