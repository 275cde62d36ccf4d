"""The composition root: the one place that knows every other package.

``FEATURES`` is the list of features the bot runs; each is a package under ``handlers/`` that
exposes one :class:`~handlers.kit.feature.Feature`. Everything a feature registers — commands,
buttons, flows, outbox notices, batch hooks, sweeps — is wired here from that object.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from telegram import Bot, Update
from telegram.constants import ParseMode
from telegram.ext import Application, ApplicationBuilder, ContextTypes, Defaults, TypeHandler
from telegram.request import HTTPXRequest

from bot.config import Settings
from bot.inbox import (
    DoneMarks,
    InboxBot,
    Replays,
    prune_handled,
    replay_guard,
    replay_unfinished,
)
from bot.logs import bind_update
from bot.updates import PerChatUpdateProcessor
from broadcast import (
    BroadcastEngine,
    OutgoingMessage,
    PaceClock,
    PacedRateLimiter,
    RealPaceClock,
    Renderer,
)
from domain.clock import Clock, SystemClock
from domain.leads import regulating
from domain.ports import BLOCKED, BatchHook, DueDelivery, Skip, UnitOfWork
from handlers import (
    briefings,
    campaigns,
    feedback,
    kpis,
    leads,
    meetings,
    people,
    questions,
    register_all,
)
from handlers.kit.context import Config, Services, TandemContext
from handlers.kit.feature import Feature, Notice
from handlers.kit.i18n import Catalog
from handlers.kit.menu import in_menu_order, set_default_menus
from handlers.kit.routing import left_behind_notices
from handlers.kit.screens import edits_of
from handlers.kit.text import split_html
from intake.server import IntakeServer
from schedules import register_jobs
from schedules.sweeps import Sweeper
from storage.db import Database
from storage.flows import FlowCodec
from storage.inbox import Inbox
from storage.migrate import migrate
from storage.uow import SqlUnitOfWork

TandemApp = Application[Any, TandemContext, Any, Any, Any, Any]
log = logging.getLogger(__name__)
LOG_CONTEXT_GROUP = -10
LOCALES_DIR = Path(__file__).with_name("locales")
INBOX_PRUNE_EVERY = timedelta(hours=6)  # handled updates are forgotten after KEEP_DONE

# The features the bot runs, in the order their commands and handlers are registered.
FEATURES: tuple[Feature, ...] = (
    people.FEATURE,
    campaigns.FEATURE,
    briefings.FEATURE,
    questions.FEATURE,
    feedback.FEATURE,
    leads.FEATURE,
    meetings.FEATURE,
    kpis.FEATURE,
)


@dataclass(slots=True)
class Runtime:
    """What runs beside the handlers: the database, the broadcast engine and the sweeps."""

    db: Database
    broadcasts: BroadcastEngine
    sweeps: Sweeper
    services: Services
    inbox: Inbox
    done: DoneMarks
    # The HTTP lead intake endpoint, when LEADS_API_PORT is set.
    intake: IntakeServer | None = None


def load_catalog() -> Catalog:
    return Catalog(LOCALES_DIR)


def flow_codec(features: Sequence[Feature]) -> FlowCodec:
    return FlowCodec(route.state for feature in features for route in feature.flows)


def build_application(
    settings: Settings,
    *,
    clock: Clock | None = None,
    catalog: Catalog | None = None,
    features: Sequence[Feature] = FEATURES,
    pace_clock: PaceClock | None = None,
) -> TandemApp:
    """Build the bot exactly as production runs it. Tests pass a fake ``clock``, a virtual
    ``pace_clock`` (the time broadcasts and replies are paced on; real time by default) and,
    through ``settings``, the fake Bot API server's URL."""
    db = Database(settings.database_path)
    clock = clock or SystemClock()
    codec = flow_codec(features)

    def uow() -> UnitOfWork:
        return SqlUnitOfWork(db, codec)

    # Broadcasts go through their own Bot, without PTB's rate limiter: the engine paces them
    # itself, and its own connection pool keeps them from queueing in front of replies.
    broadcast_bot = Bot(
        settings.bot_token.get_secret_value(),
        base_url=settings.api_url,
        base_file_url=settings.file_url,
        # A send Telegram is slow to confirm is not retried (it may have gone out), so the
        # engine waits well beyond Telegram's worst case before it gives up on an answer.
        request=HTTPXRequest(
            connection_pool_size=max(16, math.ceil(settings.broadcast_rate / 4)),
            read_timeout=60.0,
            write_timeout=30.0,
            pool_timeout=30.0,
        ),
    )
    engine = BroadcastEngine(
        db,
        broadcast_bot,
        clock,
        rate_per_sec=settings.broadcast_rate,
        split=split_html,
        pace_clock=pace_clock or RealPaceClock(),
        paid=settings.paid_broadcasts,
    )
    routes = [route for feature in features for route in feature.commands]
    services = Services(
        config=Config(
            admin_ids=settings.admin_ids,
            default_language=settings.default_language,
            default_timezone=settings.default_timezone,
        ),
        clock=clock,
        catalog=catalog or load_catalog(),
        uow=uow,
        wake_outbox=engine.wake,
        commands=in_menu_order([r.listed for r in routes if r.listed is not None]),
        flow_notices=left_behind_notices([route for f in features for route in f.flows]),
        redeliveries=tuple(r for feature in features for r in feature.redeliveries),
    )
    sweeper = Sweeper(
        [sweep for feature in features for sweep in feature.sweeps],
        uow=uow,
        clock=clock,
        after=engine.wake,
    )
    _wire_outbox(engine, services, features)
    inbox = Inbox(db)
    bot = InboxBot(
        settings.bot_token.get_secret_value(),
        base_url=settings.api_url,
        base_file_url=settings.file_url,
        request=HTTPXRequest(connection_pool_size=256),
        get_updates_request=HTTPXRequest(connection_pool_size=1),
        defaults=Defaults(parse_mode=ParseMode.HTML),
        # Interactive replies take their turn in the broadcasts' pace (ahead of broadcasts), so
        # the two together stay under Telegram's limit; AIORateLimiter underneath remains the
        # safety net that waits out a 429 and retries. Broadcasts do not go through it.
        rate_limiter=PacedRateLimiter(engine.pacer, max_retries=3),
        inbox=inbox,
    )

    done = DoneMarks(inbox)
    app: TandemApp = (
        ApplicationBuilder()
        .bot(bot)
        .context_types(ContextTypes(context=TandemContext))
        .concurrent_updates(PerChatUpdateProcessor(on_done=done.mark))
        .post_init(_start)
        .post_stop(_flush_edits)
        .post_shutdown(_stop)
        .build()
    )
    app.bot_data["services"] = services
    intake = None
    if settings.leads_api_port is not None:
        intake = IntakeServer(
            uow, clock, engine.wake, host=settings.leads_api_host, port=settings.leads_api_port
        )
    app.bot_data["runtime"] = Runtime(db, engine, sweeper, services, inbox, done, intake)
    app.bot_data["replays"] = Replays()
    # Group -2, before even the gatekeeper: an update a crash left applied is not run again.
    app.add_handler(TypeHandler(Update, replay_guard), group=-2)
    register_all(app, features)
    register_jobs(app, sweeper)
    if app.job_queue is not None:

        async def prune_inbox(context: object) -> None:
            await prune_handled(inbox)

        app.job_queue.run_repeating(
            prune_inbox, interval=INBOX_PRUNE_EVERY, first=INBOX_PRUNE_EVERY, name="inbox-prune"
        )
    # First of all (the gatekeeper is group -1): what is logged while an update is handled
    # carries its update id and chat id. A group of its own: a group runs one handler.
    app.add_handler(TypeHandler(Update, _bind_log_context), group=LOG_CONTEXT_GROUP)
    return app


async def _bind_log_context(update: Update, context: TandemContext) -> None:
    chat = update.effective_chat
    bind_update(update.update_id, chat.id if chat is not None else None)
    log.debug("Handling update %s", update.update_id)


def _wire_outbox(engine: BroadcastEngine, services: Services, features: Sequence[Feature]) -> None:
    """Teach the engine what each outbox kind says, and what follows a finished batch."""
    for feature in features:
        for notice in feature.notices:
            engine.register(notice.kind, _renderer(notice, services))
    hooks = [hook for feature in features for hook in feature.batch_hooks]
    if hooks:
        engine.on_batch_done(_batch_done(hooks, services))


def _renderer(notice: Notice[Any], services: Services) -> Renderer:
    """The domain composes the notice in one transaction; the feature renders it in the
    recipient's language at the moment it is sent."""

    async def render(delivery: Any) -> OutgoingMessage | Skip:
        due: DueDelivery = delivery
        now = services.clock.now()
        async with services.uow() as uow:
            value = await notice.compose(uow, due, now)
        if isinstance(value, Skip):
            return value
        if value.recipient.blocked_at is not None:
            # They blocked the bot (Telegram told us): known unreachable, not asked again.
            return BLOCKED
        return notice.render(value, services.translator_for(value.recipient), now)

    return render


def _batch_done(hooks: Sequence[BatchHook], services: Services) -> Any:
    async def done(kind: str, ref_id: int, batch: str) -> None:
        now: datetime = services.clock.now()
        for hook in hooks:
            if hook.kind == kind:
                async with services.uow() as uow:
                    await hook.run(uow, kind, ref_id, batch, now)

    return done


def runtime_of(app: TandemApp) -> Runtime:
    runtime = app.bot_data["runtime"]
    assert isinstance(runtime, Runtime)
    return runtime


async def _start(app: TandemApp) -> None:
    runtime = runtime_of(app)
    await runtime.db.connect()
    await migrate(runtime.db)
    await replay_unfinished(app, runtime.inbox)
    services = runtime.services
    async with services.uow() as uow:
        # A new company starts with the default qualification regulation, in its language.
        await regulating.seed(
            uow, language=services.config.default_language, now=services.clock.now()
        )
    await set_default_menus(
        app.bot, runtime.services.catalog, runtime.services.config.default_language
    )
    await runtime.broadcasts.bot.initialize()
    await runtime.broadcasts.start()
    if runtime.intake is not None:
        await runtime.intake.start()


async def _flush_edits(app: TandemApp) -> None:
    """Redraw what is still waiting to be redrawn before the bot closes its connections, and
    record the last handled updates as done."""
    await edits_of(app.bot).idle()
    await runtime_of(app).done.close()


async def _stop(app: TandemApp) -> None:
    runtime = runtime_of(app)
    if runtime.intake is not None:
        await runtime.intake.stop()
    await runtime.broadcasts.stop()  # before the database closes: it records what it sent
    await runtime.broadcasts.bot.shutdown()
    await runtime.db.close()
