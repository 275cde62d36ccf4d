"""The organiser's side of the draft agenda: keep or drop an item, move it up, send it."""

from __future__ import annotations

from telegram import Update

from domain.kpis import agenda
from handlers.kit.callbacks import Callback
from handlers.kit.context import TandemContext
from handlers.kit.screens import show
from handlers.kpis.agenda_views import agenda_screen, kept_texts


async def toggle(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        found = await agenda.toggle(
            uow,
            actor=context.actor,
            meeting_id=cb.int_arg(0),
            index=cb.int_arg(1),
            now=context.now,
        )
    await show(update, agenda_screen(context.t, found, context.actor.timezone))


async def move_up(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        found = await agenda.move_up(
            uow,
            actor=context.actor,
            meeting_id=cb.int_arg(0),
            index=cb.int_arg(1),
            now=context.now,
        )
    await show(update, agenda_screen(context.t, found, context.actor.timezone))


async def send(update: Update, context: TandemContext, cb: Callback) -> str:
    """📤 Send: the kept items, worded as the organiser reads them, join the agenda."""
    meeting_id = cb.int_arg(0)
    async with context.uow() as uow:
        opened = await agenda.open_agenda(
            uow, actor=context.actor, meeting_id=meeting_id, now=context.now
        )
        sent = await agenda.send(
            uow,
            actor=context.actor,
            meeting_id=meeting_id,
            texts=kept_texts(context.t, opened),
            now=context.now,
        )
    await show(update, agenda_screen(context.t, sent, context.actor.timezone))
    return context.t.label("kpi-agenda-sent-toast")
