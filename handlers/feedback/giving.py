"""The rep's side of field feedback: the prompt → stars (saved at once) → one screen with
every key message to react to and a comment, photos or voice messages to add, all optional.

(Screens from before the one screen — "anything to add?", then a key message at a time —
may still be in chats: their buttons keep working.)"""

from __future__ import annotations

from telegram import Message, Update

from domain.errors import InvalidInput
from domain.feedback import giving
from domain.feedback.flows import AddingExtras, Reacting
from domain.feedback.giving import Giving, Progress
from domain.feedback.model import MediaKind
from handlers.feedback.views import (
    REACTION_ICONS,
    REACTIONS,
    giving_screen,
    prompt_screen,
    rated_screen,
    reaction_screen,
    thanks_screen,
)
from handlers.kit.callbacks import Callback, CallbackDataError
from handlers.kit.context import TandemContext
from handlers.kit.routing import send_prompt, tell_left_behind
from handlers.kit.screens import close, remove, reply, send_new, show


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
    if isinstance(rated.left, AddingExtras) and rated.left.prompt is not None:
        remove(update, rated.left.prompt)  # the screen of a submission left for this one
    screen = Giving(rated.feedback, rated.prompt.campaign)
    await send_prompt(
        update, context, giving_screen(t, screen), protect=screen.campaign.protect_content
    )
    return t.label("feedback-rated-toast")


async def react_here(update: Update, context: TandemContext, cb: Callback) -> str | None:
    """👍 / 😐 / 👎 on the one screen: saved, and marked where it was pressed."""
    feedback_id, index, code = cb.int_arg(0), cb.int_arg(1), cb.str_arg(2)
    reaction = REACTIONS.get(code)
    if reaction is None:
        raise CallbackDataError(code)
    async with context.uow() as uow:
        given = await giving.react_here(
            uow,
            actor=context.actor,
            feedback_id=feedback_id,
            index=index,
            reaction=reaction,
            now=context.now,
        )
    await show(update, giving_screen(context.t, given))
    return REACTION_ICONS[reaction]


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
    update: Update, context: TandemContext, state: AddingExtras | Reacting, added: Giving
) -> None:
    """The screen again, below what was added, saying what the submission holds (the one
    above it goes)."""
    if isinstance(state, Reacting):  # a key message at a time, from before the one screen
        await reply(update, context.t("feedback-added-during-reactions"))
        return
    if state.prompt is not None:
        remove(update, state.prompt)
    screen = giving_screen(context.t, added)
    await send_prompt(update, context, screen, protect=added.campaign.protect_content)


async def typed(
    update: Update, context: TandemContext, state: AddingExtras | Reacting, text: str
) -> None:
    """Text while giving feedback: it adds to the comment."""
    async with context.uow() as uow:
        added = await giving.comment(
            uow, actor=context.actor, feedback_id=state.feedback_id, text=text, now=context.now
        )
    await _added(update, context, state, added)


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
        added = await giving.attach(
            uow,
            actor=context.actor,
            feedback_id=state.feedback_id,
            kind=kind,
            file_id=file_id,
            caption=message.caption,
            now=context.now,
        )
    await _added(update, context, state, added)
