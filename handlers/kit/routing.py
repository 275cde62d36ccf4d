"""How updates reach feature code: command guards, button dispatch and durable flows.

* :func:`command` wraps a command or text handler so a :class:`DomainError` becomes a short
  message in the person's language instead of an apology.
* :func:`buttons` routes every press of one area's buttons through the callback codec and
  answers the query exactly once: with a toast, a refusal, or silently.
* :class:`FlowRouter` hands what a person types or sends to their open flow (its typed state
  lives in the ``flows`` table, so they can walk away or the bot can restart).
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Mapping, Sequence
from typing import Any, cast

from telegram import Update
from telegram.ext import CallbackQueryHandler

from domain import flows
from domain.errors import DomainError
from domain.flows import FlowState
from handlers.kit import callbacks
from handlers.kit.callbacks import CallbackDataError
from handlers.kit.context import TandemContext
from handlers.kit.feature import ButtonCallback, CommandCallback, FlowRoute
from handlers.kit.screens import Screen, answering_first, later, reply, run_after_answer

log = logging.getLogger(__name__)


class Alert(str):
    """Returned by a button handler: shown as an alert the person must dismiss, not a toast."""

    __slots__ = ()


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
            # Answer first, then redraw: the spinner stops when the use case is done.
            with answering_first() as shown:
                toast = await handler(update, context, parsed)
            answered = True
            await query.answer(toast, show_alert=isinstance(toast, Alert))
            await run_after_answer(shown)
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


# --- flows ---------------------------------------------------------------------------------------


def flow_name(state: FlowState) -> str:
    """The name a state is stored and routed by."""
    return state.kind


def left_behind_notices(routes: Sequence[FlowRoute[Any]]) -> dict[str, str]:
    """Flow name -> the notice for a person who leaves it for something else."""
    return {route.key: route.left_behind for route in routes if route.left_behind is not None}


def left_behind(
    notices: Mapping[str, str], previous: FlowState | None, new: FlowState
) -> str | None:
    """The notice for a person who left ``previous`` by starting ``new``: only when the two
    belong to different features' steps (moving on within one flow says nothing)."""
    if previous is None or flow_name(previous) == flow_name(new):
        return None
    key = notices.get(flow_name(previous))
    if key is None or notices.get(flow_name(new)) == key:
        return None
    return key


class FlowRouter:
    """Every feature's flow routes, by the name of the state they take."""

    def __init__(self, routes: Sequence[FlowRoute[Any]]) -> None:
        self._routes: dict[str, FlowRoute[Any]] = {}
        for route in routes:
            if route.key in self._routes:
                raise ValueError(f"two flow routes for {route.key!r}")
            self._routes[route.key] = route

    def route(self, state: FlowState) -> FlowRoute[Any] | None:
        return self._routes.get(flow_name(state))

    async def typed(self, update: Update, context: TandemContext) -> None:
        """Plain text: the answer to the person's open flow, if any."""
        message = update.effective_message
        assert message is not None
        state = await current_flow(context)
        if state is None:
            await reply(update, context.t("text-without-flow"))
            return
        route = self.route(state)
        if route is None:
            # A flow saved by an older version of the bot that this one cannot continue.
            await end_flow(context)
            await reply(update, context.t("flow-lost"))
            return
        if route.text is None:
            await reply(update, context.t("use-buttons"))
            return
        try:
            await route.text(update, context, state, (message.text or "").strip())
        except DomainError as error:
            # Bad input: say what is wrong and stay on the same step, so nothing is lost.
            await reply(update, context.t(error.key, **error.args_))

    async def received(self, update: Update, context: TandemContext) -> None:
        """A photo, document or voice message: for the open flow that takes files."""
        await self._not_text(update, context, "file-not-expected")

    async def other(self, update: Update, context: TandemContext) -> None:
        """A location, contact, sticker … : no step takes one. Say what the open step does
        take (its media handler knows, as for a file of the wrong kind) and keep the step."""
        await self._not_text(update, context, "text-without-flow")

    async def _not_text(self, update: Update, context: TandemContext, no_flow: str) -> None:
        state = await current_flow(context)
        route = self.route(state) if state is not None else None
        if state is None or route is None:
            await reply(update, context.t(no_flow))
            return
        if route.media is None:
            # The step takes text (or only its buttons): say so, and stay on it.
            await reply(update, context.t("error-text-expected" if route.text else "use-buttons"))
            return
        try:
            await route.media(update, context, state)
        except DomainError as error:
            await reply(update, context.t(error.key, **error.args_))


async def tell_left_behind(
    context: TandemContext, previous: FlowState | None, new: FlowState
) -> None:
    """After a use case began ``new`` in place of ``previous``: say what was left, if it
    matters (campaign drafts and given feedback are saved; a half-typed question is not)."""
    key = left_behind(context.services.flow_notices, previous, new)
    if key is not None:
        bot, chat_id, text = context.bot, context.actor.telegram_id, context.t(key)

        async def tell() -> None:
            await bot.send_message(chat_id, text)

        await later(tell)


def _has_prompt(state: object) -> bool:
    """Whether a flow state keeps the id of its prompt message."""
    if isinstance(state, type) or not dataclasses.is_dataclass(state):
        return False
    return "prompt" in {field.name for field in dataclasses.fields(state)}


async def send_prompt(
    update: Update, context: TandemContext, screen: Screen, *, protect: bool = False
) -> None:
    """Ask for typed text in a message of its own, and keep its id in the person's open flow
    (a state with a ``prompt`` field), so the step can remove or replace it once answered.
    ``protect``: the message quotes protected content (a campaign's key messages)."""
    chat = update.effective_chat
    if chat is None:
        return
    bot, chat_id, person_id = context.bot, chat.id, context.actor.id

    async def ask() -> None:
        sent = await bot.send_message(
            chat_id, screen.text, reply_markup=screen.markup, protect_content=protect
        )
        async with context.uow() as uow:
            state = await uow.flows.get(person_id)
            if _has_prompt(state):
                kept: FlowState = dataclasses.replace(cast(Any, state), prompt=sent.message_id)
                await uow.flows.save(person_id, kept, now=context.now)

    await later(ask)


async def start_flow(context: TandemContext, state: FlowState) -> None:
    """Begin (or replace) the person's flow on its own, when the step changes nothing else
    (a prompt that waits for text). A step that records something begins the next state in
    its use case's own unit of work instead."""
    async with context.uow() as uow:
        previous = await flows.begin(uow.flows, context.actor.id, state, now=context.now)
    await tell_left_behind(context, previous, state)


async def current_flow(context: TandemContext) -> FlowState | None:
    async with context.uow() as uow:
        return await uow.flows.get(context.actor.id)


async def end_flow(context: TandemContext) -> FlowState | None:
    """Leave the person's flow; the state they were in (None when there was none)."""
    async with context.uow() as uow:
        previous = await uow.flows.get(context.actor.id)
        await uow.flows.delete(context.actor.id)
        return previous
