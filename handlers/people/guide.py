"""/help and /cancel."""

from __future__ import annotations

from telegram import Update

from handlers.kit.context import TandemContext
from handlers.kit.menu import commands_for
from handlers.kit.routing import end_flow
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
    """Leave whatever multi-step flow the person is in."""
    cancelled = await end_flow(context)
    await show(update, Screen(context.t("cancelled" if cancelled else "nothing-to-cancel")))
