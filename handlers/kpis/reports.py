"""/kpi: the scorecard with its period and scope buttons, the breakdowns, the charts (drawn
off the event loop and sent as photos with a one-line caption) and the CSV / Excel exports;
the digest's settings for admins. Each handler makes one use case call, which checks the
scope against the reader."""

from __future__ import annotations

import asyncio
from datetime import time

from telegram import InputFile, Update

from domain.errors import NotFound
from domain.kpis import charts, digest, scorecard
from domain.kpis.periods import DEFAULT_PERIOD, Period
from domain.kpis.ports import Grouping
from domain.permissions import Action, can
from handlers.kit.callbacks import Callback, CallbackDataError
from handlers.kit.context import TandemContext
from handlers.kit.exports import Format, send_table
from handlers.kit.screens import Screen, show
from handlers.kpis.agenda_views import digest_settings_screen
from handlers.kpis.pictures import (
    Picture,
    acks_picture,
    breakdown_table,
    card_table,
    sources_picture,
    trend_picture,
)
from handlers.kpis.views import breakdown_screen, export_row, scorecard_screen


def _period(raw: str) -> Period:
    try:
        return Period(raw)
    except ValueError:
        raise CallbackDataError(raw) from None


def _grouping(raw: str) -> Grouping:
    if raw not in (Grouping.SOURCE, Grouping.CAMPAIGN):
        raise CallbackDataError(raw)
    return Grouping(raw)


async def _show(update: Update, context: TandemContext, period: Period, scope: str | None) -> None:
    async with context.uow() as uow:
        card = await scorecard.scorecard(
            uow, actor=context.actor, period=period, scope=scope, now=context.now
        )
    admin = can(context.actor, Action.CONFIGURE_DIGEST)
    await show(update, scorecard_screen(context.t, card, admin=admin))


async def kpi_command(update: Update, context: TandemContext) -> None:
    """/kpi: this week in the reader's default scope."""
    await _show(update, context, DEFAULT_PERIOD, None)


async def show_card(update: Update, context: TandemContext, cb: Callback) -> None:
    await _show(update, context, _period(cb.str_arg(0)), cb.str_arg(1))


async def show_breakdown(update: Update, context: TandemContext, cb: Callback) -> None:
    period, scope, by = _period(cb.str_arg(0)), cb.str_arg(1), _grouping(cb.str_arg(2))
    async with context.uow() as uow:
        found = await charts.breakdown(
            uow, actor=context.actor, period=period, scope=scope, by=by, now=context.now
        )
    await show(update, breakdown_screen(context.t, found))


async def _picture(context: TandemContext, kind: str, period: Period, scope: str) -> Picture:
    t, actor, now = context.t, context.actor, context.now
    async with context.uow() as uow:
        if kind == "trend":
            return trend_picture(t, await charts.trend(uow, actor=actor, scope=scope, now=now))
        if kind == "src":
            found = await charts.breakdown(
                uow, actor=actor, period=period, scope=scope, by=Grouping.SOURCE, now=now
            )
            return sources_picture(t, found)
        if kind == "ack":
            acks = await charts.acknowledgement(
                uow, actor=actor, period=period, scope=scope, now=now
            )
            return acks_picture(t, acks)
    raise CallbackDataError(kind)


async def send_chart(update: Update, context: TandemContext, cb: Callback) -> None:
    """A chart as a photo with a one-line caption, and the buttons to export its figures."""
    kind, period, scope = cb.str_arg(0), _period(cb.str_arg(1)), cb.str_arg(2)
    picture = await _picture(context, kind, period, scope)
    png = await asyncio.to_thread(picture.draw)
    await context.bot.send_photo(
        context.actor.telegram_id,
        InputFile(png, filename=f"{picture.name}.png"),
        caption=picture.caption,
        reply_markup=Screen("", [export_row(context.t, kind, period, scope)]).markup,
    )


async def export(update: Update, context: TandemContext, cb: Callback) -> None:
    """📤 The figures behind the scorecard, a breakdown or a chart, as CSV or Excel."""
    what, raw_format = cb.str_arg(0), cb.str_arg(1)
    period, scope = _period(cb.str_arg(2)), cb.str_arg(3)
    try:
        fmt = Format(raw_format)
    except ValueError:
        raise CallbackDataError(raw_format) from None
    t, actor, now = context.t, context.actor, context.now
    if what in ("trend", "src", "ack"):
        picture = await _picture(context, what, period, scope)
        table, name = picture.table, picture.name
    elif what == "cmp":
        async with context.uow() as uow:
            found = await charts.breakdown(
                uow, actor=actor, period=period, scope=scope, by=Grouping.CAMPAIGN, now=now
            )
        table, name = breakdown_table(t, found), "kpi-campaigns"
    elif what == "card":
        async with context.uow() as uow:
            card = await scorecard.scorecard(uow, actor=actor, period=period, scope=scope, now=now)
        table, name = card_table(t, card), "kpi-scorecard"
    else:
        raise CallbackDataError(what)
    await send_table(
        context.bot,
        actor.telegram_id,
        table,
        fmt,
        name=name,
        sheet_title="KPI",
        caption=t("kpi-export-caption", rows=len(table) - 1),
    )


# --- the digest's settings (admins) --------------------------------------------------------------


async def digest_settings(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        found = await digest.settings(uow, actor=context.actor)
    await show(update, digest_settings_screen(context.t, found))


async def _change(
    update: Update,
    context: TandemContext,
    *,
    day: int | None = None,
    at: time | None = None,
    enabled: bool | None = None,
) -> str:
    async with context.uow() as uow:
        found = await digest.change_settings(
            uow, actor=context.actor, now=context.now, day=day, at=at, enabled=enabled
        )
    await show(update, digest_settings_screen(context.t, found))
    return context.t.label("kpi-digest-saved")


async def digest_day(update: Update, context: TandemContext, cb: Callback) -> str:
    return await _change(update, context, day=cb.int_arg(0))


async def digest_time(update: Update, context: TandemContext, cb: Callback) -> str:
    raw = cb.str_arg(0)
    if len(raw) != 4 or not raw.isdigit():
        raise CallbackDataError(raw)
    try:
        at = time(int(raw[:2]), int(raw[2:]))
    except ValueError:
        raise CallbackDataError(raw) from None
    return await _change(update, context, at=at)


async def digest_switch(update: Update, context: TandemContext, cb: Callback) -> str:
    value = cb.int_arg(0)
    if value not in (0, 1):
        raise NotFound()
    return await _change(update, context, enabled=bool(value))
