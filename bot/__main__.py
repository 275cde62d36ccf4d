"""``python -m bot``: load settings, check the database, then run the bot with long polling."""

from __future__ import annotations

import asyncio
import logging
import sys
from pathlib import Path

from telegram import Update
from telegram.error import InvalidToken, NetworkError

from bot.app import build_application
from bot.config import SettingsError, load_settings
from bot.logs import configure_logging
from storage.db import DatabaseUnavailable
from storage.migrate import check_database

log = logging.getLogger("bot")


def say(line: str) -> None:
    """One line on stderr, for the operator."""
    print(f"tandem: {line}", file=sys.stderr)


def unusable(error: DatabaseUnavailable) -> str:
    return (
        f"Setting DATABASE_PATH ({error.path}): {error.reason}."
        " Fix it in the environment or in .env."
    )


def main() -> int:
    return run()


def check(path: Path) -> None:
    """The database can be used (opened, written, a schema this version knows), before the
    bot talks to Telegram; its own event loop, closed again, so PTB starts on a fresh one."""
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(check_database(path))
    finally:
        loop.close()


def run() -> int:
    try:
        settings = load_settings()
    except SettingsError as error:
        say(str(error))
        return 2
    configure_logging(
        settings.log_level_number,
        [settings.bot_token.get_secret_value()],
    )
    try:
        check(settings.database_path)
    except DatabaseUnavailable as error:
        say(unusable(error))
        return 2
    app = build_application(settings)
    log.info(
        "Starting Tandem: database %s, Bot API %s",
        settings.database_path,
        settings.telegram_api_base_url,
    )
    try:
        app.run_polling(allowed_updates=Update.ALL_TYPES, drop_pending_updates=False)
    except DatabaseUnavailable as error:  # it changed between the check and the start
        say(unusable(error))
        return 2
    except InvalidToken:
        say(
            "Setting BOT_TOKEN was rejected by the Bot API server: check it with"
            " @BotFather and fix it in the environment or in .env."
        )
        return 2
    except NetworkError as error:
        say(f"cannot reach the Bot API at {settings.telegram_api_base_url} ({error}).")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
