"""The composition root: the one place that knows every other package."""

from __future__ import annotations

from typing import Any

from telegram.ext import AIORateLimiter, Application, ApplicationBuilder, ContextTypes

from bot.config import Settings
from bot.i18n import Catalog
from bot.updates import PerChatUpdateProcessor
from domain.clock import Clock, SystemClock
from handlers import register_all
from handlers.context import Services, TandemContext
from handlers.menu import set_default_menus
from storage.db import Database
from storage.migrate import migrate

TandemApp = Application[Any, TandemContext, Any, Any, Any, Any]


def build_application(
    settings: Settings,
    *,
    clock: Clock | None = None,
    catalog: Catalog | None = None,
) -> TandemApp:
    """Build the bot exactly as production runs it; tests pass a fake clock and a fake
    Bot API server URL through ``settings``."""
    services = Services(
        settings=settings,
        db=Database(settings.database_path),
        clock=clock or SystemClock(),
        catalog=catalog or Catalog(),
    )
    app: TandemApp = (
        ApplicationBuilder()
        .token(settings.bot_token.get_secret_value())
        .base_url(settings.api_url)
        .base_file_url(settings.file_url)
        .context_types(ContextTypes(context=TandemContext))
        .concurrent_updates(PerChatUpdateProcessor())
        # A safety net for interactive replies: waits out a 429 and retries. Broadcasts pace
        # themselves and do not rely on it.
        .rate_limiter(AIORateLimiter(max_retries=3))
        .post_init(_start_services)
        .post_shutdown(_stop_services)
        .build()
    )
    app.bot_data["services"] = services
    register_all(app)
    return app


def services_of(app: TandemApp) -> Services:
    services = app.bot_data["services"]
    assert isinstance(services, Services)
    return services


async def _start_services(app: TandemApp) -> None:
    services = services_of(app)
    await services.db.connect()
    await migrate(services.db)
    await set_default_menus(app.bot, services.catalog, services.settings.default_language)


async def _stop_services(app: TandemApp) -> None:
    await services_of(app).db.close()
