"""The composition root: the one place that knows every other package."""

from __future__ import annotations

from typing import Any

from telegram import Bot
from telegram.ext import Application, ApplicationBuilder, ContextTypes
from telegram.request import HTTPXRequest

from bot.config import Settings
from bot.i18n import Catalog
from bot.updates import PerChatUpdateProcessor
from broadcast import BroadcastEngine, PaceClock, PacedRateLimiter, RealPaceClock
from domain.clock import Clock, SystemClock
from handlers import register_all
from handlers.context import Services, TandemContext
from handlers.menu import set_default_menus
from handlers.textsplit import split_html
from schedules.sweeps import register_jobs
from storage.db import Database
from storage.migrate import migrate

TandemApp = Application[Any, TandemContext, Any, Any, Any, Any]


def build_application(
    settings: Settings,
    *,
    clock: Clock | None = None,
    catalog: Catalog | None = None,
    pace_clock: PaceClock | None = None,
) -> TandemApp:
    """Build the bot exactly as production runs it. Tests pass a fake ``clock``, a virtual
    ``pace_clock`` (the time broadcasts and replies are paced on; real time by default) and,
    through ``settings``, the fake Bot API server's URL."""
    db = Database(settings.database_path)
    clock = clock or SystemClock()
    # Broadcasts go through their own Bot, without PTB's rate limiter: the engine paces them
    # itself, and its own connection pool keeps them from queueing in front of replies.
    broadcast_bot = Bot(
        settings.bot_token.get_secret_value(),
        base_url=settings.api_url,
        base_file_url=settings.file_url,
        request=HTTPXRequest(connection_pool_size=16, read_timeout=10.0, pool_timeout=5.0),
    )
    services = Services(
        settings=settings,
        db=db,
        clock=clock,
        catalog=catalog or Catalog(),
        broadcasts=BroadcastEngine(
            db,
            broadcast_bot,
            clock,
            rate_per_sec=settings.broadcast_rate,
            split=split_html,
            pace_clock=pace_clock or RealPaceClock(),
        ),
    )
    app: TandemApp = (
        ApplicationBuilder()
        .token(settings.bot_token.get_secret_value())
        .base_url(settings.api_url)
        .base_file_url(settings.file_url)
        .context_types(ContextTypes(context=TandemContext))
        .concurrent_updates(PerChatUpdateProcessor())
        # Interactive replies take their turn in the broadcasts' pace (ahead of broadcasts), so
        # the two together stay under Telegram's limit; AIORateLimiter underneath remains the
        # safety net that waits out a 429 and retries. Broadcasts do not go through it.
        .rate_limiter(PacedRateLimiter(services.broadcasts.pacer, max_retries=3))
        .post_init(_start_services)
        .post_shutdown(_stop_services)
        .build()
    )
    app.bot_data["services"] = services
    register_all(app)
    register_jobs(app, services)
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
    await services.broadcasts.bot.initialize()
    await services.broadcasts.start()


async def _stop_services(app: TandemApp) -> None:
    services = services_of(app)
    await services.broadcasts.stop()  # before the database closes: it records what it sent
    await services.broadcasts.bot.shutdown()
    await services.db.close()
