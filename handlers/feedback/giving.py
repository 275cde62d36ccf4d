"""The rep's side of field feedback: the prompt → stars → a comment, photos or voice
messages → a reaction to each key message."""

from __future__ import annotations

from telegram import Message, Update

from domain.errors import InvalidInput
from domain.feedback import giving
from domain.feedback.flows import AddingExtras, Reacting
from domain.feedback.giving import Progress
from domain.feedback.model import Feedback, MediaKind
from handlers.feedback.views import (
    REACTION_ICONS,
    REACTIONS,
    extras_screen,
    prompt_screen,
    rated_screen,
    reaction_screen,
    thanks_screen,
)
from handlers.kit.callbacks import Callback, CallbackDataError
from handlers.kit.context import TandemContext
from handlers.kit.routing import tell_left_behind
from handlers.kit.screens import close, reply, send_new, show


async def start_from_announcement(
    update: Update, context: TandemContext, cb: Callback
) -> str | None:
    """The "Feedback" button under an announcement."""
    async with context.uow() as uow:
        prompt = await giving.open_prompt(uow, actor=context.actor, campaign_id=cb.int_arg(0))
    await send_new(update, prompt_screen(context.t, prompt))
    return None


async def rate(update: Update, context: TandemContext, cb: Callback) -> str | None:
    """A star on a prompt: the submission is saved at once; then anything to add? The button
    names the campaign and the stars only: which prompt it was and what it promised are
    looked up by the pressed message (stars drawn by earlier versions carried more: it is
    ignored)."""
    campaign_id, rating = cb.int_arg(0), cb.int_arg(1)
    query = update.callback_query
    assert query is not None
    origin = query.message.message_id if isinstance(query.message, Message) else None
    async with context.uow() as uow:
        rated = await giving.rate(
            uow,
            actor=context.actor,
            campaign_id=campaign_id,
            rating=rating,
            origin=origin,
            now=context.now,
        )
    t = context.t
    await show(update, rated_screen(t, rated.prompt, rating))
    await tell_left_behind(context, rated.left, rated.flow)
    await send_new(update, extras_screen(t, rated.feedback, added=False))
    return t.label("feedback-rated-toast")


async def stop_adding(update: Update, context: TandemContext, cb: Callback) -> str | None:
    """Skip / Done after the comment step: the key messages follow in a message of their own
    (protected like the announcement, since it quotes them)."""
    async with context.uow() as uow:
        progress = await giving.stop_adding(
            uow, actor=context.actor, feedback_id=cb.int_arg(0), now=context.now
        )
    await close(update)
    if progress.flow is None:
        await send_new(update, thanks_screen(context.t))
        return None
    await tell_left_behind(context, progress.left, progress.flow)
    screen = reaction_screen(context.t, progress.campaign, progress.feedback.id, 0)
    await context.bot.send_message(
        context.actor.telegram_id,
        screen.text,
        reply_markup=screen.markup,
        protect_content=progress.campaign.protect_content,
    )
    return None


async def _next(update: Update, context: TandemContext, progress: Progress) -> None:
    """The next key message in place of this one, or the thanks."""
    if progress.flow is None:
        await show(update, thanks_screen(context.t))
        return
    await tell_left_behind(context, progress.left, progress.flow)
    screen = reaction_screen(
        context.t, progress.campaign, progress.feedback.id, progress.flow.index
    )
    await show(update, screen)


async def react(update: Update, context: TandemContext, cb: Callback) -> str | None:
    feedback_id, index, code = cb.int_arg(0), cb.int_arg(1), cb.str_arg(2)
    reaction = REACTIONS.get(code)
    if reaction is None:
        raise CallbackDataError(code)
    async with context.uow() as uow:
        progress = await giving.react(
            uow,
            actor=context.actor,
            feedback_id=feedback_id,
            index=index,
            reaction=reaction,
            now=context.now,
        )
    await _next(update, context, progress)
    return REACTION_ICONS[reaction]


async def skip_reaction(update: Update, context: TandemContext, cb: Callback) -> str | None:
    async with context.uow() as uow:
        progress = await giving.skip_reaction(
            uow,
            actor=context.actor,
            feedback_id=cb.int_arg(0),
            index=cb.int_arg(1),
            now=context.now,
        )
    await _next(update, context, progress)
    return None


async def finish(update: Update, context: TandemContext, cb: Callback) -> str | None:
    async with context.uow() as uow:
        await giving.finish(uow, actor=context.actor, feedback_id=cb.int_arg(0))
    await show(update, thanks_screen(context.t))
    return None


async def _added(
    update: Update, context: TandemContext, state: AddingExtras | Reacting, item: Feedback
) -> None:
    if isinstance(state, Reacting):
        await reply(update, context.t("feedback-added-during-reactions"))
    else:
        await send_new(update, extras_screen(context.t, item, added=True))


async def typed(
    update: Update, context: TandemContext, state: AddingExtras | Reacting, text: str
) -> None:
    """Text while giving feedback: it adds to the comment."""
    async with context.uow() as uow:
        item = await giving.add_comment(
            uow, actor=context.actor, feedback_id=state.feedback_id, text=text, now=context.now
        )
    await _added(update, context, state, item)


async def received_media(
    update: Update, context: TandemContext, state: AddingExtras | Reacting
) -> None:
    """A photo or a voice message for the submission being given."""
    message = update.effective_message
    assert message is not None
    if message.photo:
        kind, file_id = MediaKind.PHOTO, message.photo[-1].file_id
    elif message.voice is not None:
        kind, file_id = MediaKind.VOICE, message.voice.file_id
    else:
        raise InvalidInput("error-feedback-media-kind")
    async with context.uow() as uow:
        item = await giving.add_attachment(
            uow,
            actor=context.actor,
            feedback_id=state.feedback_id,
            kind=kind,
            file_id=file_id,
            caption=message.caption,
            now=context.now,
        )
    await _added(update, context, state, item)
