"""The command menus (setMyCommands) and what /help lists, from the features' commands.

Each command names the :class:`~domain.permissions.Action` it needs; a person sees a command
in /help and in their menu exactly when the permission table lets them use it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from telegram import Bot, BotCommand, BotCommandScopeChat, BotCommandScopeDefault
from telegram.error import TelegramError

from domain.people.model import Language, Person
from domain.permissions import Action, can
from handlers.kit.i18n import Catalog

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    action: Action | None  # None: every registered person
    description_key: str
    # Where it sits in /help and the menu: everyday work first (0-59), then settings and
    # administration (60-89), /cancel last. Features pick their numbers; ties keep order.
    rank: int = 50


# What anyone sees before they are registered: how to begin.
PUBLIC_COMMANDS: tuple[Command, ...] = (Command("start", None, "cmd-start", 0),)


def in_menu_order(commands: Sequence[Command]) -> tuple[Command, ...]:
    return tuple(sorted(commands, key=lambda c: c.rank))


def commands_for(person: Person | None, commands: Sequence[Command]) -> list[Command]:
    if person is None or not person.active:
        return list(PUBLIC_COMMANDS)
    return [c for c in commands if c.action is None or can(person, c.action)]


def bot_commands(
    catalog: Catalog, language: Language, commands: Sequence[Command]
) -> list[BotCommand]:
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


async def set_person_menu(
    bot: Bot,
    catalog: Catalog,
    person: Person,
    language: Language,
    commands: Sequence[Command],
) -> None:
    """The person's own menu: their commands, in their language. Best effort."""
    scope = BotCommandScopeChat(person.telegram_id)
    try:
        if person.active:
            await bot.set_my_commands(
                bot_commands(catalog, language, commands_for(person, commands)), scope=scope
            )
        else:
            await bot.delete_my_commands(scope=scope)
    except TelegramError as error:
        log.warning("Could not set the command menu for person %s: %s", person.id, error)
