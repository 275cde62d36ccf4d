"""How updates reach feature code: command guards, button dispatch and durable flows.

* :func:`command` wraps a command or text handler so a :class:`DomainError` becomes a short
  message in the person's language instead of an apology.
* :func:`buttons` routes every press of one area's buttons through the callback codec and
  answers the query exactly once: with a toast, a refusal, or silently.
* Flows keep their step and typed data in the ``flows`` table, so a person can walk away, the
  bot can restart, and the next thing they type continues where they were.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Coroutine, Mapping
from typing import Any

from telegram import Update
from telegram.ext import CallbackQueryHandler

from domain.errors import DomainError
from handlers import callbacks
from handlers.callbacks import Callback, CallbackDataError
from handlers.context import TandemContext
from handlers.screens import reply
from storage.flows import Flow

log = logging.getLogger(__name__)


class Alert(str):
    """Returned by a button handler: shown as an alert the person must dismiss, not a toast."""

    __slots__ = ()


CommandCallback = Callable[[Update, TandemContext], Coroutine[Any, Any, None]]
ButtonCallback = Callable[[Update, TandemContext, Callback], Awaitable[str | None]]
FlowCallback = Callable[[Update, TandemContext, Flow, str], Awaitable[None]]


def command(handler: CommandCallback) -> CommandCallback:
    async def guarded(update: Update, context: TandemContext) -> None:
        try:
            await handler(update, context)
        except DomainError as error:
            await reply(update, context.t(error.key, **error.args_))

    guarded.__name__ = handler.__name__
    guarded.__doc__ = handler.__doc__
    return guarded


def buttons(area: str, verbs: Mapping[str, ButtonCallback]) -> CallbackQueryHandler[Any, Any]:
    async def dispatch(update: Update, context: TandemContext) -> None:
        query = update.callback_query
        assert query is not None
        parsed = callbacks.decode(query.data)
        handler = verbs.get(parsed.verb) if parsed is not None else None
        answered = False
        try:
            if parsed is None or handler is None:
                raise CallbackDataError(query.data)
            toast = await handler(update, context, parsed)
            answered = True
            await query.answer(toast, show_alert=isinstance(toast, Alert))
        except CallbackDataError:
            log.info("Refused unknown callback data %r", query.data)
            answered = True
            await query.answer(context.t.label("button-expired"), show_alert=True)
        except DomainError as error:
            answered = True
            await query.answer(context.t.label(error.key, **error.args_), show_alert=True)
        except Exception:
            if not answered:
                await query.answer()
            raise

    return CallbackQueryHandler(dispatch, pattern=callbacks.pattern(area))


async def start_flow(
    context: TandemContext, kind: str, step: str, data: dict[str, Any] | None = None
) -> Flow:
    """Begin (or replace) the person's flow and save it at once.

    A person has one open flow. Starting another kind of step leaves the old one; they are
    told so, so an unfinished step never silently disappears (campaign drafts themselves are
    saved at every step and stay in /campaigns)."""
    flow = Flow(person_id=context.actor.id, kind=kind, step=step, data=dict(data or {}))
    async with context.uow() as uow:
        previous = await uow.flows.get(context.actor.id)
        await uow.flows.save(flow, now=context.now)
    if previous is not None and previous.kind != kind and previous.kind in LEFT_BEHIND:
        await context.bot.send_message(
            context.actor.telegram_id,
            context.t(LEFT_BEHIND[previous.kind]),
            parse_mode="HTML",
        )
    return flow


# What a person is told when they leave a half-done step for another one. Button-only
# screens (settings, the invite composer) lose nothing typed and need no notice.
LEFT_BEHIND = {
    "team": "flow-left-team",
    "campaign": "flow-left-campaign",
    "briefing": "flow-left-briefing",
    "question": "flow-left-question",
    "feedback": "flow-left-feedback",
}


async def save_flow(context: TandemContext, flow: Flow) -> None:
    async with context.uow() as uow:
        await uow.flows.save(flow, now=context.now)


async def current_flow(context: TandemContext, kind: str | None = None) -> Flow | None:
    async with context.uow() as uow:
        flow = await uow.flows.get(context.actor.id)
    if flow is not None and kind is not None and flow.kind != kind:
        return None
    return flow


async def end_flow(context: TandemContext) -> bool:
    async with context.uow() as uow:
        return await uow.flows.delete(context.actor.id)


def text_router(flows: Mapping[str, FlowCallback]) -> CommandCallback:
    """The handler for plain text: hand it to the person's open flow, if any."""

    async def route(update: Update, context: TandemContext) -> None:
        message = update.effective_message
        assert message is not None
        flow = await current_flow(context)
        if flow is None:
            await reply(update, context.t("text-without-flow"))
            return
        handler = flows.get(flow.kind)
        if handler is None:
            # A flow saved by an older version of the bot that this one cannot continue.
            await end_flow(context)
            await reply(update, context.t("flow-lost"))
            return
        try:
            await handler(update, context, flow, (message.text or "").strip())
        except DomainError as error:
            # Bad input: say what is wrong and stay on the same step, so nothing is lost.
            await reply(update, context.t(error.key, **error.args_))

    route.__name__ = "route_text"
    return route


MediaCallback = Callable[[Update, TandemContext, Flow], Awaitable[None]]


def media_router(flows: Mapping[str, MediaCallback]) -> CommandCallback:
    """The handler for photos, documents and voice messages: hand them to the open flow that
    takes files (campaign materials, a question's photo, a feedback voice note …)."""

    async def route(update: Update, context: TandemContext) -> None:
        flow = await current_flow(context)
        handler = flows.get(flow.kind) if flow is not None else None
        if flow is None or handler is None:
            await reply(update, context.t("file-not-expected"))
            return
        try:
            await handler(update, context, flow)
        except DomainError as error:
            await reply(update, context.t(error.key, **error.args_))

    route.__name__ = "route_media"
    return route
