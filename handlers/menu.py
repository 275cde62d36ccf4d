"""The command table: drives /help and the per-person command menu (setMyCommands).

Each command names the :class:`~domain.permissions.Action` it needs; a person sees a command
in /help and in their menu exactly when the permission table lets them use it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from telegram import Bot, BotCommand, BotCommandScopeChat, BotCommandScopeDefault
from telegram.error import TelegramError

from bot.i18n import Catalog
from domain.people import Language, Person
from domain.permissions import Action, can

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    action: Action | None  # None: every registered person
    description_key: str


COMMANDS: tuple[Command, ...] = (
    Command("help", None, "cmd-help"),
    Command("campaigns", Action.VIEW_CAMPAIGNS, "cmd-campaigns"),
    Command("newcampaign", Action.MANAGE_CAMPAIGNS, "cmd-newcampaign"),
    Command("feedback", Action.VIEW_FEEDBACK, "cmd-feedback"),
    Command("questions", Action.ANSWER_QUESTIONS, "cmd-questions"),
    Command("settings", Action.USE_SETTINGS, "cmd-settings"),
    Command("invite", Action.INVITE_PEOPLE, "cmd-invite"),
    Command("people", Action.MANAGE_PEOPLE, "cmd-people"),
    Command("teams", Action.MANAGE_TEAMS, "cmd-teams"),
    Command("cancel", None, "cmd-cancel"),
)

# What anyone sees before they are registered: how to begin.
PUBLIC_COMMANDS: tuple[Command, ...] = (Command("start", None, "cmd-start"),)


def commands_for(person: Person | None) -> list[Command]:
    if person is None or not person.active:
        return list(PUBLIC_COMMANDS)
    return [c for c in COMMANDS if c.action is None or can(person, c.action)]


def bot_commands(catalog: Catalog, language: Language, commands: list[Command]) -> list[BotCommand]:
    t = catalog.translator(language)
    return [BotCommand(c.name, t.label(c.description_key)) for c in commands]


async def set_default_menus(bot: Bot, catalog: Catalog, default: Language) -> None:
    """The menu for people Telegram shows the bot to before they register."""
    public = list(PUBLIC_COMMANDS)
    await bot.set_my_commands(
        bot_commands(catalog, default, public), scope=BotCommandScopeDefault()
    )
    for language in Language:
        await bot.set_my_commands(
            bot_commands(catalog, language, public),
            scope=BotCommandScopeDefault(),
            language_code=language.value,
        )


async def set_person_menu(bot: Bot, catalog: Catalog, person: Person, language: Language) -> None:
    """The person's own menu: their commands, in their language. Best effort."""
    scope = BotCommandScopeChat(person.telegram_id)
    try:
        if person.active:
            await bot.set_my_commands(
                bot_commands(catalog, language, commands_for(person)), scope=scope
            )
        else:
            await bot.delete_my_commands(scope=scope)
    except TelegramError as error:
        log.warning("Could not set the command menu for person %s: %s", person.id, error)
