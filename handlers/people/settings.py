"""/settings: language, time zone and quiet hours, applied at once."""

from __future__ import annotations

from telegram import Update

from domain.people import preferences
from domain.people.flows import TypingQuietHours, TypingTimezone
from domain.people.model import Language, Person
from domain.people.preferences import QUIET_PRESETS
from domain.timezones import COMMON_ZONES, QuietHours, utc_offset_label
from handlers.kit.callbacks import Area, Callback, CallbackDataError, button
from handlers.kit.context import TandemContext
from handlers.kit.menu import set_person_menu
from handlers.kit.routing import tell_left_behind
from handlers.kit.screens import Screen, show
from handlers.people.views import in_pairs, zone_buttons

AREA = Area.SETTINGS
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
        [button(t.label("settings-away-button"), Area.AWAY, "menu")],
    ]
    return Screen(text, keyboard)


async def show_settings(update: Update, context: TandemContext) -> None:
    """/settings."""
    await show(update, _overview(context, context.actor))


async def home(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        await preferences.leave_settings_step(uow, actor=context.actor)
    await show(update, _overview(context, context.actor))


async def _applied(update: Update, context: TandemContext, person: Person) -> str:
    context.set_actor(person)  # the new language and zone apply to this very reply
    context.wake_outbox()  # messages waiting for the person may have moved
    await show(update, _overview(context, person))
    return context.t.label("settings-saved")


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
        person = await preferences.set_language(
            uow, actor=context.actor, language=language, now=context.now
        )
    saved = await _applied(update, context, person)
    await set_person_menu(
        context.bot, context.services.catalog, person, language, context.services.commands
    )
    return saved


async def timezone_menu(update: Update, context: TandemContext, cb: Callback) -> None:
    t = context.t
    async with context.uow() as uow:
        choice, replaced = await preferences.choose_timezone(
            uow, actor=context.actor, now=context.now
        )
    await tell_left_behind(context, replaced, TypingTimezone())
    keyboard = []
    if choice.team_zone is not None:
        label = t.label("settings-team-zone", zone=choice.team_zone)
        keyboard.append([button(label, AREA, "teamtz")])
    keyboard += zone_buttons(COMMON_ZONES, AREA, "settz")
    keyboard.append([button(t.label("back-button"), AREA, "home")])
    await show(update, Screen(t("settings-timezone-prompt"), keyboard))


async def pick_timezone(update: Update, context: TandemContext, cb: Callback) -> str | None:
    index = cb.int_arg(0)
    if index >= len(COMMON_ZONES):
        raise CallbackDataError(str(index))
    async with context.uow() as uow:
        person = await preferences.set_timezone(
            uow, actor=context.actor, timezone=COMMON_ZONES[index], now=context.now
        )
    return await _applied(update, context, person)


async def team_timezone(update: Update, context: TandemContext, cb: Callback) -> str | None:
    async with context.uow() as uow:
        person = await preferences.use_team_timezone(uow, actor=context.actor, now=context.now)
    return await _applied(update, context, person)


async def typed_timezone(
    update: Update, context: TandemContext, state: TypingTimezone, text: str
) -> None:
    """A zone typed instead of picked."""
    async with context.uow() as uow:
        person = await preferences.set_timezone(
            uow, actor=context.actor, timezone=text, now=context.now
        )
    await _applied(update, context, person)


async def quiet_menu(update: Update, context: TandemContext, cb: Callback) -> None:
    t = context.t
    async with context.uow() as uow:
        replaced = await preferences.choose_quiet_hours(uow, actor=context.actor, now=context.now)
    await tell_left_behind(context, replaced, TypingQuietHours())
    keyboard = in_pairs(
        [button(str(quiet), AREA, "setquiet", index) for index, quiet in enumerate(QUIET_PRESETS)]
    )
    keyboard.append([button(t.label("quiet-off-button"), AREA, "quietoff")])
    keyboard.append([button(t.label("back-button"), AREA, "home")])
    await show(update, Screen(t("settings-quiet-prompt"), keyboard))


async def _save_quiet(
    update: Update, context: TandemContext, quiet: QuietHours | None
) -> str | None:
    async with context.uow() as uow:
        person = await preferences.set_quiet_hours(
            uow, actor=context.actor, quiet=quiet, now=context.now
        )
    return await _applied(update, context, person)


async def pick_quiet(update: Update, context: TandemContext, cb: Callback) -> str | None:
    index = cb.int_arg(0)
    if index >= len(QUIET_PRESETS):
        raise CallbackDataError(str(index))
    return await _save_quiet(update, context, QUIET_PRESETS[index])


async def quiet_off(update: Update, context: TandemContext, cb: Callback) -> str | None:
    return await _save_quiet(update, context, None)


async def typed_quiet_hours(
    update: Update, context: TandemContext, state: TypingQuietHours, text: str
) -> None:
    """A quiet-hours window typed instead of picked, like 22:30-07:00."""
    await _save_quiet(update, context, QuietHours.parse(text))


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
