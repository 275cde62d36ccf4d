"""``python -m bot``: load settings, then run the bot with long polling."""

from __future__ import annotations

import logging
import sys

from telegram import Update
from telegram.error import InvalidToken, NetworkError

from bot.app import build_application
from bot.config import SettingsError, load_settings
from bot.logs import configure_logging

log = logging.getLogger("bot")


def main() -> int:
    try:
        settings = load_settings()
    except SettingsError as error:
        print(f"tandem: {error}", file=sys.stderr)
        return 2
    configure_logging(settings.log_level_number, [settings.bot_token.get_secret_value()])
    app = build_application(settings)
    log.info(
        "Starting Tandem: database %s, Bot API %s",
        settings.database_path,
        settings.telegram_api_base_url,
    )
    try:
        app.run_polling(allowed_updates=Update.ALL_TYPES, drop_pending_updates=False)
    except InvalidToken:
        print(
            "tandem: Setting BOT_TOKEN was rejected by the Bot API server: check it with"
            " @BotFather and fix it in the environment or in .env.",
            file=sys.stderr,
        )
        return 2
    except NetworkError as error:
        print(
            f"tandem: cannot reach the Bot API at {settings.telegram_api_base_url} ({error}).",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
