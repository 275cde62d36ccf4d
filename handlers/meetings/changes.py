"""The organiser changes a scheduled meeting: a new time or place (for a series: this
occurrence or all future ones), the agenda sent again, or the cancellation."""

from __future__ import annotations

from telegram import Update

from domain.meetings import changes
from domain.meetings.changes import Changed
from domain.meetings.flows import Change, Changing
from domain.meetings.recurrence import Scope
from handlers.kit.callbacks import Callback, CallbackDataError, button
from handlers.kit.context import TandemContext
from handlers.kit.routing import tell_left_behind
from handlers.kit.screens import Screen, send_new, show
from handlers.meetings.cards import meeting_screen
from handlers.meetings.views import AREA

WHAT = {"time": Change.TIME, "place": Change.PLACE}


def _scope(cb: Callback, index: int) -> Scope:
    raw = cb.str_arg(index)
    if raw not in set(Scope):
        raise CallbackDataError(raw)
    return Scope(raw)


async def choose_scope(update: Update, context: TandemContext, cb: Callback) -> None:
    """🕒 / 📍 on a series asks "this occurrence or all future ones?"; otherwise goes on."""
    t, mid = context.t, cb.int_arg(0)
    what = cb.str_arg(1)
    if what not in WHAT:
        raise CallbackDataError(what)
    async with context.uow() as uow:
        meeting = await changes.check_scope(
            uow, actor=context.actor, meeting_id=mid, now=context.now
        )
    if not meeting.is_series:
        await _begin(update, context, mid, WHAT[what], Scope.ONE)
        return
    verb = "move" if what == "time" else "place"
    keyboard = [
        [button(t.label("meeting-scope-one"), AREA, verb, mid, Scope.ONE.value)],
        [button(t.label("meeting-scope-future"), AREA, verb, mid, Scope.FUTURE.value)],
    ]
    await send_new(update, Screen(t("meeting-scope-prompt"), keyboard))


async def _begin(
    update: Update, context: TandemContext, meeting_id: int, what: Change, scope: Scope
) -> None:
    async with context.uow() as uow:
        prompt = await changes.begin(
            uow, actor=context.actor, meeting_id=meeting_id, what=what, scope=scope, now=context.now
        )
    await tell_left_behind(context, prompt.previous, prompt.state)
    key = "meeting-ask-new-time" if what is Change.TIME else "meeting-ask-new-place"
    await send_new(update, Screen(context.t(key, zone=prompt.zone)))


async def move(update: Update, context: TandemContext, cb: Callback) -> None:
    await _begin(update, context, cb.int_arg(0), Change.TIME, _scope(cb, 1))


async def place(update: Update, context: TandemContext, cb: Callback) -> None:
    await _begin(update, context, cb.int_arg(0), Change.PLACE, _scope(cb, 1))


async def _changed(update: Update, context: TandemContext, changed: Changed) -> None:
    t = context.t
    context.wake_outbox()
    await send_new(
        update,
        Screen(
            t(
                f"meeting-changed-{changed.what}",
                count=changed.recipients,
                occurrences=changed.occurrences,
            )
        ),
    )
    await send_new(update, meeting_screen(t, changed.view, context.now))


async def typed(update: Update, context: TandemContext, state: Changing, text: str) -> None:
    async with context.uow() as uow:
        changed = await changes.type_change(
            uow, actor=context.actor, state=state, text=text, now=context.now
        )
    await _changed(update, context, changed)


async def send_agenda(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        changed = await changes.send_agenda(
            uow, actor=context.actor, meeting_id=cb.int_arg(0), now=context.now
        )
    await _changed(update, context, changed)


async def ask_cancel(update: Update, context: TandemContext, cb: Callback) -> None:
    t, mid = context.t, cb.int_arg(0)
    async with context.uow() as uow:
        meeting = await changes.check_scope(
            uow, actor=context.actor, meeting_id=mid, now=context.now
        )
    if meeting.is_series and meeting.series_id is not None:
        keyboard = [
            [button(t.label("meeting-cancel-one"), AREA, "cancelok", mid, Scope.ONE.value)],
            [button(t.label("meeting-cancel-future"), AREA, "cancelok", mid, Scope.FUTURE.value)],
        ]
    else:
        keyboard = [[button(t.label("meeting-cancel-confirm"), AREA, "cancelok", mid, "one")]]
    keyboard.append([button(t.label("back-button"), AREA, "open", mid)])
    await send_new(update, Screen(t("meeting-cancel-prompt", title=meeting.title), keyboard))


async def cancel(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        changed = await changes.cancel(
            uow, actor=context.actor, meeting_id=cb.int_arg(0), scope=_scope(cb, 1), now=context.now
        )
    await show(update, Screen(context.t("meeting-cancel-done")))
    await _changed(update, context, changed)


VERBS = {
    "scope": choose_scope,
    "move": move,
    "place": place,
    "sendag": send_agenda,
    "cancel": ask_cancel,
    "cancelok": cancel,
}
