"""When a campaign goes out: the "when" menu, a typed moment, the confirmation, and
unscheduling."""

from __future__ import annotations

from telegram import Update

from domain.campaigns import scheduling
from domain.campaigns.flows import Confirming, TypingMoment
from domain.campaigns.schedule import DAYS_BEFORE, Schedule, ScheduleMode
from domain.campaigns.scheduling import Proposal
from handlers.campaigns.views import AREA, card_screen
from handlers.kit.callbacks import Callback, CallbackDataError, button
from handlers.kit.context import TandemContext
from handlers.kit.i18n import Translator
from handlers.kit.routing import tell_left_behind
from handlers.kit.screens import Screen, reply, send_new, show


def _described(t: Translator, when: Schedule, zone: str) -> str:
    if when.mode is ScheduleMode.AT:
        assert when.at is not None
        return t.label("when-at", at=t.datetime(when.at, zone))
    if when.mode is ScheduleMode.LOCAL:
        assert when.day is not None and when.local_time is not None
        return t.label("when-local", day=t.day(when.day), time=when.local_time.strftime("%H:%M"))
    return t.label("when-now")


async def _propose(update: Update, context: TandemContext, proposal: Proposal) -> None:
    t, cid = context.t, proposal.campaign.id
    await tell_left_behind(context, proposal.previous, proposal.state)
    text = t(
        "confirm-send",
        name=proposal.campaign.name,
        count=proposal.reach,
        when=_described(t, proposal.state.schedule, proposal.zone),
    )
    keyboard = [
        [button(t.label("confirm-send-button"), AREA, "go", cid)],
        [button(t.label("back-button"), AREA, "card", cid)],
    ]
    await show(update, Screen(text, keyboard))


async def when_menu(update: Update, context: TandemContext, cb: Callback) -> None:
    t = context.t
    async with context.uow() as uow:
        options = await scheduling.options(
            uow, actor=context.actor, campaign_id=cb.int_arg(0), now=context.now
        )
    cid = options.campaign.id
    keyboard = [[button(t.label("when-now-button"), AREA, "now", cid)]]
    keyboard += [
        [button(t.label("when-days-button", days=days), AREA, "days", cid, days)]
        for days in options.days_before
    ]
    keyboard.append([button(t.label("when-type-button"), AREA, "type", cid)])
    keyboard.append([button(t.label("back-button"), AREA, "card", cid)])
    await show(update, Screen(t("when-prompt", name=options.campaign.name), keyboard))


async def send_now(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        proposal = await scheduling.propose_now(
            uow, actor=context.actor, campaign_id=cb.int_arg(0), now=context.now
        )
    await _propose(update, context, proposal)


async def days_before(update: Update, context: TandemContext, cb: Callback) -> None:
    days = cb.int_arg(1)
    if days not in DAYS_BEFORE:
        raise CallbackDataError(str(days))
    async with context.uow() as uow:
        proposal = await scheduling.propose_days_before(
            uow, actor=context.actor, campaign_id=cb.int_arg(0), days=days, now=context.now
        )
    await _propose(update, context, proposal)


async def type_when(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        prompt = await scheduling.ask_moment(
            uow, actor=context.actor, campaign_id=cb.int_arg(0), now=context.now
        )
    await tell_left_behind(context, prompt.previous, prompt.state)
    await reply(update, context.t("ask-at", zone=prompt.zone))


async def moment_typed(
    update: Update, context: TandemContext, state: TypingMoment, text: str
) -> None:
    """A date and time: now, for everyone at that moment or at that time in each zone?"""
    t = context.t
    async with context.uow() as uow:
        prompt = await scheduling.type_moment(
            uow, actor=context.actor, state=state, text=text, now=context.now
        )
    typed, cid = prompt.state.typed, prompt.state.campaign_id
    assert typed is not None
    keyboard = [
        [button(t.label("when-exact-button", zone=prompt.zone), AREA, "exact", cid)],
        [
            button(
                t.label("when-each-local-button", time=typed.strftime("%H:%M")),
                AREA,
                "eachlocal",
                cid,
            )
        ],
        [button(t.label("back-button"), AREA, "card", cid)],
    ]
    await send_new(update, Screen(t("when-how", at=typed.strftime("%d.%m.%Y %H:%M")), keyboard))


async def _typed(update: Update, context: TandemContext, cb: Callback, *, each_local: bool) -> None:
    async with context.uow() as uow:
        proposal = await scheduling.propose_typed(
            uow,
            actor=context.actor,
            campaign_id=cb.int_arg(0),
            each_local=each_local,
            now=context.now,
        )
    await _propose(update, context, proposal)


async def exact_moment(update: Update, context: TandemContext, cb: Callback) -> None:
    await _typed(update, context, cb, each_local=False)


async def each_local(update: Update, context: TandemContext, cb: Callback) -> None:
    await _typed(update, context, cb, each_local=True)


async def buttons_expected(
    update: Update, context: TandemContext, state: Confirming, text: str
) -> None:
    """Text typed while the confirmation waits for its button."""
    await reply(update, context.t("use-buttons"))


async def go(update: Update, context: TandemContext, cb: Callback) -> str | None:
    t = context.t
    async with context.uow() as uow:
        confirmed = await scheduling.confirm(
            uow, actor=context.actor, campaign_id=cb.int_arg(0), now=context.now
        )
    context.wake_outbox()
    await show(update, card_screen(t, confirmed.card))
    result = confirmed.scheduled
    toast = "sending-toast" if result.sending_now else "scheduled-toast"
    return t.label(toast, count=result.recipients)


async def unschedule(update: Update, context: TandemContext, cb: Callback) -> str | None:
    async with context.uow() as uow:
        card = await scheduling.unschedule(
            uow, actor=context.actor, campaign_id=cb.int_arg(0), now=context.now
        )
    await show(update, card_screen(context.t, card))
    return context.t.label("unscheduled-toast")


VERBS = {
    "when": when_menu,
    "now": send_now,
    "days": days_before,
    "type": type_when,
    "exact": exact_moment,
    "eachlocal": each_local,
    "go": go,
    "unsch": unschedule,
}
