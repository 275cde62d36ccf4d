"""/settings: language, time zone and quiet hours, applied at once."""

from __future__ import annotations

from telegram import Update

from domain.flows import UntypedFlow as Flow
from domain.people import preferences
from domain.people.model import Language, Person
from domain.timezones import COMMON_ZONES, QuietHours, utc_offset_label
from handlers.kit.callbacks import Area, Callback, CallbackDataError, button
from handlers.kit.context import TandemContext
from handlers.kit.menu import set_person_menu
from handlers.kit.routing import end_flow, start_untyped
from handlers.kit.screens import Screen, reply, show

AREA = Area.SETTINGS
FLOW = "settings"
QUIET_PRESETS = ("22:00-08:00", "21:00-09:00", "23:00-07:00", "20:00-08:00")
LANGUAGE_NAMES = {Language.RU: "Русский", Language.EN: "English"}


def _overview(context: TandemContext, person: Person) -> Screen:
    t = context.t
    now = context.now
    text = t(
        "settings-overview",
        language=LANGUAGE_NAMES[t.language],
        timezone=person.timezone,
        offset=utc_offset_label(person.timezone, now),
        local_time=t.datetime(now, person.timezone),
        quiet=str(person.quiet_hours) if person.quiet_hours else t.label("quiet-off"),
    )
    keyboard = [
        [button(t.label("settings-language-button"), AREA, "lang")],
        [button(t.label("settings-timezone-button"), AREA, "tz")],
        [button(t.label("settings-quiet-button"), AREA, "quiet")],
    ]
    return Screen(text, keyboard)


async def show_settings(update: Update, context: TandemContext) -> None:
    """/settings."""
    await show(update, _overview(context, context.actor))


async def _applied(update: Update, context: TandemContext, person: Person) -> None:
    context.set_actor(person)  # the new language and zone apply to this very reply
    await end_flow(context)
    await show(update, _overview(context, person))


async def language_menu(update: Update, context: TandemContext, cb: Callback) -> None:
    keyboard = [
        [button(name, AREA, "setlang", lang.value)] for lang, name in LANGUAGE_NAMES.items()
    ]
    keyboard.append([button(context.t.label("back-button"), AREA, "home")])
    await show(update, Screen(context.t("settings-language-prompt"), keyboard))


async def set_language(update: Update, context: TandemContext, cb: Callback) -> str | None:
    try:
        language = Language(cb.str_arg(0))
    except ValueError:
        raise CallbackDataError(cb.str_arg(0)) from None
    async with context.uow() as uow:
        person = await preferences.set_language(uow, context.actor, language, now=context.now)
    await _applied(update, context, person)
    await set_person_menu(
        context.bot, context.services.catalog, person, language, context.services.commands
    )
    return context.t.label("settings-saved")


async def timezone_menu(update: Update, context: TandemContext, cb: Callback) -> None:
    t = context.t
    keyboard = []
    async with context.uow() as uow:
        team = await uow.teams.get(context.actor.team_id) if context.actor.team_id else None
    if team is not None:
        keyboard.append([button(t.label("settings-team-zone", zone=team.timezone), AREA, "teamtz")])
    zone_buttons = [button(name, AREA, "settz", index) for index, name in enumerate(COMMON_ZONES)]
    keyboard += [zone_buttons[i : i + 2] for i in range(0, len(zone_buttons), 2)]
    keyboard.append([button(t.label("back-button"), AREA, "home")])
    await start_untyped(context, FLOW, "timezone")
    await show(update, Screen(t("settings-timezone-prompt"), keyboard))


async def _save_timezone(update: Update, context: TandemContext, zone: str) -> Person:
    async with context.uow() as uow:
        person = await preferences.set_timezone(uow, context.actor, zone, now=context.now)
    await _applied(update, context, person)
    return person


async def pick_timezone(update: Update, context: TandemContext, cb: Callback) -> str | None:
    index = cb.int_arg(0)
    if index >= len(COMMON_ZONES):
        raise CallbackDataError(str(index))
    await _save_timezone(update, context, COMMON_ZONES[index])
    return context.t.label("settings-saved")


async def team_timezone(update: Update, context: TandemContext, cb: Callback) -> str | None:
    async with context.uow() as uow:
        team = await uow.teams.get(context.actor.team_id) if context.actor.team_id else None
    if team is None:
        raise CallbackDataError("no team")
    await _save_timezone(update, context, team.timezone)
    return context.t.label("settings-saved")


async def quiet_menu(update: Update, context: TandemContext, cb: Callback) -> None:
    t = context.t
    presets = [
        button(str(QuietHours.parse(raw)), AREA, "setquiet", index)
        for index, raw in enumerate(QUIET_PRESETS)
    ]
    keyboard = [presets[i : i + 2] for i in range(0, len(presets), 2)]
    keyboard.append([button(t.label("quiet-off-button"), AREA, "quietoff")])
    keyboard.append([button(t.label("back-button"), AREA, "home")])
    await start_untyped(context, FLOW, "quiet")
    await show(update, Screen(t("settings-quiet-prompt"), keyboard))


async def _save_quiet(update: Update, context: TandemContext, quiet: QuietHours | None) -> None:
    async with context.uow() as uow:
        person = await preferences.set_quiet_hours(uow, context.actor, quiet, now=context.now)
    await _applied(update, context, person)


async def pick_quiet(update: Update, context: TandemContext, cb: Callback) -> str | None:
    index = cb.int_arg(0)
    if index >= len(QUIET_PRESETS):
        raise CallbackDataError(str(index))
    await _save_quiet(update, context, QuietHours.parse(QUIET_PRESETS[index]))
    return context.t.label("settings-saved")


async def quiet_off(update: Update, context: TandemContext, cb: Callback) -> str | None:
    await _save_quiet(update, context, None)
    return context.t.label("settings-saved")


async def home(update: Update, context: TandemContext, cb: Callback) -> None:
    await end_flow(context)
    await show(update, _overview(context, context.actor))


async def typed(update: Update, context: TandemContext, flow: Flow, text: str) -> None:
    """A zone or a quiet-hours window typed instead of picked."""
    if flow.step == "timezone":
        await _save_timezone(update, context, text)
    elif flow.step == "quiet":
        await _save_quiet(update, context, QuietHours.parse(text))
    else:
        await end_flow(context)
        await reply(update, context.t("flow-lost"))


VERBS = {
    "home": home,
    "lang": language_menu,
    "setlang": set_language,
    "tz": timezone_menu,
    "settz": pick_timezone,
    "teamtz": team_timezone,
    "quiet": quiet_menu,
    "setquiet": pick_quiet,
    "quietoff": quiet_off,
}
