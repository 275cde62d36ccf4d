"""The marketer builds a briefing request: questions, answer buttons, a deadline, whom to
ask; previews, sends or discards it."""

from __future__ import annotations

from telegram import Update

from domain.briefings import drafting, sending
from domain.briefings.drafting import Draft
from domain.briefings.flows import TypingDeadline, WritingOptions, WritingQuestion
from domain.briefings.reports import Report
from handlers.briefings import views
from handlers.kit.audience import AUDIENCE_VERBS, MORE_VERB, audience_change, audience_more
from handlers.kit.callbacks import Callback
from handlers.kit.context import TandemContext
from handlers.kit.feature import ButtonCallback
from handlers.kit.routing import tell_left_behind
from handlers.kit.screens import Screen, send_new, show
from handlers.kit.text import split_html


def _opened(context: TandemContext, shown: Draft | Report) -> Screen:
    """A draft opens in its builder, a sent briefing on its progress."""
    tz = context.actor.timezone
    if isinstance(shown, Draft):
        return views.builder_screen(context.t, shown, tz)
    return views.report_screen(context.t, shown, tz)


async def list_for_campaign(update: Update, context: TandemContext, cb: Callback) -> None:
    """The campaign card's "Briefing requests", and "Back" from a briefing: the list."""
    async with context.uow() as uow:
        listing = await drafting.listing(
            uow, actor=context.actor, campaign_id=cb.int_arg(0), now=context.now
        )
    await show(update, views.listing_screen(context.t, listing))


async def new_briefing(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        prompt = await drafting.create(
            uow, actor=context.actor, campaign_id=cb.int_arg(0), now=context.now
        )
    await tell_left_behind(context, prompt.replaced, prompt.state)
    await send_new(update, views.question_prompt(context.t, prompt))


async def open_briefing(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        shown = await drafting.open_briefing(uow, actor=context.actor, briefing_id=cb.int_arg(0))
    await show(update, _opened(context, shown))


async def add_question(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        prompt = await drafting.ask_question(
            uow, actor=context.actor, briefing_id=cb.int_arg(0), now=context.now
        )
    await tell_left_behind(context, prompt.replaced, prompt.state)
    await send_new(update, views.question_prompt(context.t, prompt))


async def question_typed(
    update: Update, context: TandemContext, state: WritingQuestion, text: str
) -> None:
    async with context.uow() as uow:
        draft = await drafting.add_question(
            uow, actor=context.actor, briefing_id=state.briefing_id, text=text
        )
    await send_new(update, views.builder_screen(context.t, draft, context.actor.timezone))


async def ask_options(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        prompt = await drafting.ask_options(
            uow,
            actor=context.actor,
            briefing_id=cb.int_arg(0),
            question_id=cb.int_arg(1),
            now=context.now,
        )
    await tell_left_behind(context, prompt.replaced, prompt.state)
    await send_new(update, views.options_prompt(context.t, prompt))


async def options_typed(
    update: Update, context: TandemContext, state: WritingOptions, text: str
) -> None:
    async with context.uow() as uow:
        draft = await drafting.set_options(
            uow,
            actor=context.actor,
            briefing_id=state.briefing_id,
            question_id=state.question_id,
            text=text,
        )
    await send_new(update, views.builder_screen(context.t, draft, context.actor.timezone))


async def free_answer(update: Update, context: TandemContext, cb: Callback) -> str | None:
    async with context.uow() as uow:
        draft = await drafting.free_answer(
            uow, actor=context.actor, briefing_id=cb.int_arg(0), question_id=cb.int_arg(1)
        )
    await show(update, views.builder_screen(context.t, draft, context.actor.timezone))
    return context.t.label("saved")


async def delete_question(update: Update, context: TandemContext, cb: Callback) -> str | None:
    async with context.uow() as uow:
        draft = await drafting.remove_question(
            uow, actor=context.actor, briefing_id=cb.int_arg(0), question_id=cb.int_arg(1)
        )
    await show(update, views.builder_screen(context.t, draft, context.actor.timezone))
    return context.t.label("saved")


async def ask_deadline(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        prompt = await drafting.ask_deadline(
            uow, actor=context.actor, briefing_id=cb.int_arg(0), now=context.now
        )
    await tell_left_behind(context, prompt.replaced, prompt.state)
    await send_new(update, views.deadline_prompt(context.t, prompt, context.actor.timezone))


async def deadline_typed(
    update: Update, context: TandemContext, state: TypingDeadline, text: str
) -> None:
    async with context.uow() as uow:
        draft = await drafting.set_deadline(
            uow, actor=context.actor, briefing_id=state.briefing_id, text=text, now=context.now
        )
    await send_new(update, views.builder_screen(context.t, draft, context.actor.timezone))


async def quick_deadline(update: Update, context: TandemContext, cb: Callback) -> str | None:
    async with context.uow() as uow:
        draft = await drafting.set_quick_deadline(
            uow,
            actor=context.actor,
            briefing_id=cb.int_arg(0),
            days=cb.int_arg(1),
            now=context.now,
        )
    await show(update, views.builder_screen(context.t, draft, context.actor.timezone))
    return context.t.label("saved")


async def audience_menu(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        draft = await drafting.audience(uow, actor=context.actor, briefing_id=cb.int_arg(0))
    await show(update, views.audience_screen(context.t, draft))


async def audience_toggle(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        draft = await drafting.toggle_audience(
            uow, actor=context.actor, briefing_id=cb.int_arg(0), **audience_change(cb)
        )
    await show(update, views.audience_screen(context.t, draft, more=audience_more(cb)))


async def audience_reset(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        draft = await drafting.use_campaign_audience(
            uow, actor=context.actor, briefing_id=cb.int_arg(0)
        )
    await show(update, views.audience_screen(context.t, draft))


async def preview(update: Update, context: TandemContext, cb: Callback) -> str | None:
    """The request as recipients get it: split between paragraphs, lines or words when it is
    longer than one message (as the broadcast engine splits it for them), its buttons under
    the last part."""
    async with context.uow() as uow:
        request = await drafting.preview(uow, actor=context.actor, briefing_id=cb.int_arg(0))
    screen = views.request_screen(context.t, request, preview=True)
    parts = split_html(screen.text)
    for number, part in enumerate(parts, 1):
        last = number == len(parts)
        await send_new(update, Screen(part, screen.keyboard if last else ()))
    return context.t.label("preview-toast")


async def send(update: Update, context: TandemContext, cb: Callback) -> str | None:
    async with context.uow() as uow:
        sent = await sending.send(
            uow, actor=context.actor, briefing_id=cb.int_arg(0), now=context.now
        )
    context.wake_outbox()
    await show(update, views.report_screen(context.t, sent.report, context.actor.timezone))
    return context.t.label("briefing-sent-toast", count=sent.reached)


async def discard(update: Update, context: TandemContext, cb: Callback) -> str | None:
    async with context.uow() as uow:
        listing = await drafting.discard(
            uow, actor=context.actor, briefing_id=cb.int_arg(0), now=context.now
        )
    await show(update, views.listing_screen(context.t, listing))
    return context.t.label("saved")


VERBS: dict[str, ButtonCallback] = {
    "camp": list_for_campaign,  # the campaign card's "Briefing requests" sends this verb
    "new": new_briefing,
    "open": open_briefing,
    "addq": add_question,
    "opts": ask_options,
    "free": free_answer,
    "delq": delete_question,
    "dl": ask_deadline,
    "dld": quick_deadline,
    "aud": audience_menu,
    **dict.fromkeys((*AUDIENCE_VERBS, MORE_VERB), audience_toggle),
    "aucamp": audience_reset,
    "prev": preview,
    "send": send,
    "drop": discard,
}
