"""/help and /cancel."""

from __future__ import annotations

from telegram import Update

from handlers.kit.context import TandemContext
from handlers.kit.menu import commands_for
from handlers.kit.routing import end_flow, flow_name
from handlers.kit.screens import Screen, show


async def show_help(update: Update, context: TandemContext) -> None:
    """Only what this person's roles allow."""
    t = context.t
    lines = [t("help-title", name=context.actor.first_name)]
    for command in commands_for(context.actor, context.services.commands):
        lines.append(f"/{command.name} — {t(command.description_key)}")
    lines.append("")
    lines.append(t("help-footer"))
    await show(update, Screen("\n".join(lines)))


async def cancel(update: Update, context: TandemContext) -> None:
    """Leave whatever multi-step flow the person is in, saying what that left unsaved (a
    half-typed lead is gone, a campaign draft stays) where its feature says so."""
    t = context.t
    previous = await end_flow(context)
    if previous is None:
        await show(update, Screen(t("nothing-to-cancel")))
        return
    notice = context.services.flow_notices.get(flow_name(previous))
    text = t("cancelled") if notice is None else f"{t('stopped')}\n{t(notice)}"
    await show(update, Screen(text))
