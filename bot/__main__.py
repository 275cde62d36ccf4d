"""``python -m bot``: load settings, check the database, then run the bot with long polling.
``python -m bot backup PATH``: copy the database to PATH, also while the bot runs."""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from telegram import Update
from telegram.error import InvalidToken, NetworkError

from bot.app import build_application
from bot.config import SettingsError, load_settings, load_storage_settings
from bot.logs import configure_logging
from storage.backup import BackupFailed, backup_database
from storage.db import DatabaseUnavailable
from storage.migrate import check_database

log = logging.getLogger("bot")
USAGE = "usage: python -m bot [backup PATH]"


def say(line: str) -> None:
    """One line on stderr, for the operator."""
    print(f"tandem: {line}", file=sys.stderr)


def unusable(error: DatabaseUnavailable) -> str:
    return (
        f"Setting DATABASE_PATH ({error.path}): {error.reason}."
        " Fix it in the environment or in .env."
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        return run()
    if args[0] == "backup" and len(args) == 2:
        return backup(Path(args[1]))
    say(USAGE)
    return 2


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
        json_lines=settings.log_format == "json",
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


def backup(target: Path) -> int:
    """An online copy of the database: one line on success (stdout) or failure (stderr)."""
    try:
        settings = load_storage_settings()
        copied = backup_database(settings.database_path, target)
    except SettingsError as error:
        say(str(error))
        return 2
    except DatabaseUnavailable as error:
        say(unusable(error))
        return 2
    except BackupFailed as error:
        say(f"no backup made: {error}.")
        return 1
    print(
        f"tandem: backed up {settings.database_path} to {copied.path}"
        f" ({copied.size:,} bytes, schema {copied.version})."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
