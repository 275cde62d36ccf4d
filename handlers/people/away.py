"""/away (also in /settings): time away — no new leads, SLA clocks and reminders paused, and
the team lead is told."""

from __future__ import annotations

from datetime import datetime

from telegram import Update

from domain.people import away
from domain.people.away import PRESET_DAYS, AwayNotice, AwayView
from domain.people.flows import TypingAway
from handlers.kit.callbacks import Area, Callback, CallbackDataError, button
from handlers.kit.context import TandemContext
from handlers.kit.feature import OutgoingMessage
from handlers.kit.i18n import Translator
from handlers.kit.routing import tell_left_behind
from handlers.kit.screens import Screen, send_new, show

AREA = Area.AWAY


def _screen(t: Translator, view: AwayView, timezone: str) -> Screen:
    lines = [t("away-title")]
    if not view.periods:
        lines.append(t("away-none"))
    for period in view.periods:
        lines.append(
            t(
                "away-period",
                since=t.datetime(period.starts_at, timezone),
                until=t.datetime(period.ends_at, timezone),
            )
        )
    lines.append(t("away-explain"))
    keyboard = [
        [button(t.label(f"away-preset-{days}"), AREA, "set", days) for days in PRESET_DAYS[:2]],
        [button(t.label(f"away-preset-{days}"), AREA, "set", days) for days in PRESET_DAYS[2:]],
        [button(t.label("away-dates-button"), AREA, "type")],
    ]
    if view.periods:
        keyboard.append([button(t.label("away-back-button"), AREA, "back")])
    return Screen("\n".join(lines), keyboard)


async def show_away(update: Update, context: TandemContext) -> None:
    """/away."""
    async with context.uow() as uow:
        view = await away.overview(uow, actor=context.actor, now=context.now)
    await show(update, _screen(context.t, view, context.actor.timezone))


async def menu(update: Update, context: TandemContext, cb: Callback) -> None:
    await show_away(update, context)


async def _saved(update: Update, context: TandemContext) -> None:
    context.wake_outbox()
    async with context.uow() as uow:
        view = await away.overview(uow, actor=context.actor, now=context.now)
    await show(update, _screen(context.t, view, context.actor.timezone))


async def preset(update: Update, context: TandemContext, cb: Callback) -> str:
    days = cb.int_arg(0)
    if days not in PRESET_DAYS:
        raise CallbackDataError(str(days))
    async with context.uow() as uow:
        await away.set_away(uow, actor=context.actor, days=days, now=context.now)
    await _saved(update, context)
    return context.t.label("saved")


async def start_typing(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        replaced = await away.start_typing(uow, actor=context.actor, now=context.now)
    await tell_left_behind(context, replaced, TypingAway())
    await send_new(update, Screen(context.t("away-dates-prompt")))


async def typed_dates(update: Update, context: TandemContext, state: TypingAway, text: str) -> None:
    async with context.uow() as uow:
        await away.set_away(uow, actor=context.actor, text=text, now=context.now)
    await _saved(update, context)


async def come_back(update: Update, context: TandemContext, cb: Callback) -> str:
    async with context.uow() as uow:
        await away.back(uow, actor=context.actor, now=context.now)
    await _saved(update, context)
    return context.t.label("away-welcome-back")


def render_away(notice: AwayNotice, t: Translator, now: datetime) -> OutgoingMessage:
    zone = notice.recipient.timezone
    text = t(
        "away-notice",
        name=notice.person.full_name,
        since=t.datetime(notice.period.starts_at, zone),
        until=t.datetime(notice.period.ends_at, zone),
    )
    return OutgoingMessage(text=text)


VERBS = {
    "menu": menu,
    "set": preset,
    "type": start_typing,
    "back": come_back,
}
