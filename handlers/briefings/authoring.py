"""The marketer builds a briefing request: questions, answer buttons, a deadline, whom to
ask; previews, sends or discards it.

The builder is one message, edited in place: the campaign's list of briefings becomes it.
A step that needs typing asks in a new message, which is removed once answered, and the
builder above is redrawn."""

from __future__ import annotations

from telegram import Update

from domain.briefings import drafting, sending
from domain.briefings.drafting import Draft
from domain.briefings.flows import BUILDER_STEPS, TypingDeadline, WritingOptions, WritingQuestion
from domain.briefings.reports import Report
from domain.flows import FlowState
from handlers.briefings import views
from handlers.kit.audience import AUDIENCE_VERBS, MORE_VERB, audience_change, audience_more
from handlers.kit.callbacks import Callback
from handlers.kit.context import TandemContext
from handlers.kit.feature import ButtonCallback
from handlers.kit.routing import send_prompt, tell_left_behind
from handlers.kit.screens import Screen, pressed_id, redraw, remove, send_new, show
from handlers.kit.text import split_html


def _opened(context: TandemContext, shown: Draft | Report) -> Screen:
    """A draft opens in its builder, a sent briefing on its progress."""
    tz = context.actor.timezone
    if isinstance(shown, Draft):
        return views.builder_screen(context.t, shown, tz)
    return views.report_screen(context.t, shown, tz)


async def _builder(update: Update, context: TandemContext, draft: Draft) -> None:
    """The builder after a change: redrawn where it is when a typed step was asked from it
    (the step's prompt removed), else in place of the pressed message, or anew."""
    screen = views.builder_screen(context.t, draft, context.actor.timezone)
    left, pressed = draft.left, pressed_id(update)
    if left is not None and left.prompt is not None:
        remove(update, left.prompt)
    if left is not None and left.screen is not None and left.screen != pressed:
        redraw(update, left.screen, screen)
    elif pressed is not None and left is not None and pressed == left.prompt:
        await send_new(update, screen)  # the prompt is going: the builder it came from is not known
    else:
        await show(update, screen)


async def _ask(
    update: Update,
    context: TandemContext,
    replaced: FlowState | None,
    new: FlowState,
    screen: Screen,
) -> None:
    """A step that waits for typing: its prompt in a message of its own. A prompt of the
    builder step it replaces is removed."""
    if isinstance(replaced, BUILDER_STEPS) and replaced.prompt is not None:
        remove(update, replaced.prompt)
    await tell_left_behind(context, replaced, new)
    await send_prompt(update, context, screen)


async def list_for_campaign(update: Update, context: TandemContext, cb: Callback) -> None:
    """The campaign card's "Briefing requests", and "Back" from a briefing: the list."""
    async with context.uow() as uow:
        listing = await drafting.listing(
            uow, actor=context.actor, campaign_id=cb.int_arg(0), now=context.now
        )
    await show(update, views.listing_screen(context.t, listing))


async def new_briefing(update: Update, context: TandemContext, cb: Callback) -> None:
    """A new draft: the list it was created from becomes its builder once the first question
    is typed."""
    async with context.uow() as uow:
        prompt = await drafting.create(
            uow,
            actor=context.actor,
            campaign_id=cb.int_arg(0),
            now=context.now,
            screen=pressed_id(update),
        )
    await _ask(
        update, context, prompt.replaced, prompt.state, views.question_prompt(context.t, prompt)
    )


async def open_briefing(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        shown = await drafting.open_briefing(uow, actor=context.actor, briefing_id=cb.int_arg(0))
    if isinstance(shown, Draft) and shown.left is not None and shown.left.prompt is not None:
        remove(update, shown.left.prompt)  # a step left half-done: its prompt goes
    await show(update, _opened(context, shown))


async def add_question(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        prompt = await drafting.ask_question(
            uow,
            actor=context.actor,
            briefing_id=cb.int_arg(0),
            now=context.now,
            screen=pressed_id(update),
        )
    await _ask(
        update, context, prompt.replaced, prompt.state, views.question_prompt(context.t, prompt)
    )


async def question_typed(
    update: Update, context: TandemContext, state: WritingQuestion, text: str
) -> None:
    async with context.uow() as uow:
        draft = await drafting.add_question(
            uow, actor=context.actor, briefing_id=state.briefing_id, text=text
        )
    await _builder(update, context, draft)


async def ask_options(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        prompt = await drafting.ask_options(
            uow,
            actor=context.actor,
            briefing_id=cb.int_arg(0),
            question_id=cb.int_arg(1),
            now=context.now,
            screen=pressed_id(update),
        )
    await _ask(
        update, context, prompt.replaced, prompt.state, views.options_prompt(context.t, prompt)
    )


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
    await _builder(update, context, draft)


async def free_answer(update: Update, context: TandemContext, cb: Callback) -> str | None:
    async with context.uow() as uow:
        draft = await drafting.free_answer(
            uow, actor=context.actor, briefing_id=cb.int_arg(0), question_id=cb.int_arg(1)
        )
    await _builder(update, context, draft)
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
            uow,
            actor=context.actor,
            briefing_id=cb.int_arg(0),
            now=context.now,
            screen=pressed_id(update),
        )
    screen = views.deadline_prompt(context.t, prompt, context.actor.timezone)
    await _ask(update, context, prompt.replaced, prompt.state, screen)


async def deadline_typed(
    update: Update, context: TandemContext, state: TypingDeadline, text: str
) -> None:
    async with context.uow() as uow:
        draft = await drafting.set_deadline(
            uow, actor=context.actor, briefing_id=state.briefing_id, text=text, now=context.now
        )
    await _builder(update, context, draft)


async def quick_deadline(update: Update, context: TandemContext, cb: Callback) -> str | None:
    async with context.uow() as uow:
        draft = await drafting.set_quick_deadline(
            uow,
            actor=context.actor,
            briefing_id=cb.int_arg(0),
            days=cb.int_arg(1),
            now=context.now,
        )
    await _builder(update, context, draft)
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
