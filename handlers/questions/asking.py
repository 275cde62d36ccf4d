"""The recipients' side: "Ask a question" and "FAQ" under an announcement, the open questions
of a campaign with their "me too" buttons, and a question's photo or voice message."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from telegram import Update

from domain.errors import DomainError
from domain.questions import asking
from domain.questions.flows import AskingQuestion, ends_flow
from domain.questions.model import Question, QuestionKind
from handlers.kit.callbacks import Callback
from handlers.kit.context import TandemContext
from handlers.kit.routing import end_flow, tell_left_behind
from handlers.kit.screens import reply, send_new, show
from handlers.questions import faq, views


@asynccontextmanager
async def closing_on_refusal(context: TandemContext) -> AsyncIterator[None]:
    """Around a flow's step: a refusal about what was sent keeps the step; any other (the
    campaign was cancelled, someone else answered meanwhile) ends the flow, then is said."""
    try:
        yield
    except DomainError as error:
        if ends_flow(error):
            await end_flow(context)
        raise


async def send_file(context: TandemContext, question: Question, caption: str) -> None:
    """A question's photo or voice message, by its Telegram file id, to the person."""
    chat_id = context.actor.telegram_id
    if question.file_id is None:
        return
    # The caption is plain text (a name may hold "<"): no HTML parsing.
    if question.kind is QuestionKind.PHOTO:
        await context.bot.send_photo(chat_id, question.file_id, caption=caption, parse_mode=None)
    elif question.kind is QuestionKind.VOICE:
        await context.bot.send_voice(chat_id, question.file_id, caption=caption, parse_mode=None)


# --- asking --------------------------------------------------------------------------------------


async def ask(update: Update, context: TandemContext, cb: Callback) -> None:
    """ "Ask a question" under an announcement: the open questions of the campaign first, each
    with "me too" one tap away; the flow waits for the question meanwhile."""
    async with context.uow() as uow:
        prompt = await asking.begin_asking(
            uow, actor=context.actor, campaign_id=cb.int_arg(0), now=context.now
        )
    await tell_left_behind(context, prompt.replaced, prompt.state)
    await send_new(update, faq.ask_screen(context.t, prompt.campaign, prompt.view))


async def ask_different(update: Update, context: TandemContext, cb: Callback) -> None:
    """ "My question is different": the prompt, in place of the open questions."""
    async with context.uow() as uow:
        prompt = await asking.begin_asking(
            uow, actor=context.actor, campaign_id=cb.int_arg(0), now=context.now
        )
    await tell_left_behind(context, prompt.replaced, prompt.state)
    await show(update, faq.ask_prompt(context.t, prompt.campaign))


async def _submit(
    update: Update,
    context: TandemContext,
    state: AskingQuestion,
    kind: QuestionKind,
    text: str | None,
    file_id: str | None,
) -> None:
    message = update.effective_message
    async with closing_on_refusal(context), context.uow() as uow:
        await asking.ask(
            uow,
            actor=context.actor,
            campaign_id=state.campaign_id,
            kind=kind,
            text=text,
            file_id=file_id,
            message_id=message.message_id if message else None,
            now=context.now,
        )
    context.wake_outbox()
    await reply(update, context.t("question-sent"))


async def typed_question(
    update: Update, context: TandemContext, state: AskingQuestion, text: str
) -> None:
    await _submit(update, context, state, QuestionKind.TEXT, text, None)


async def sent_question(update: Update, context: TandemContext, state: AskingQuestion) -> None:
    """A photo (with its caption) or a voice message as the question."""
    message = update.effective_message
    assert message is not None
    if message.photo:
        file_id = message.photo[-1].file_id
        await _submit(update, context, state, QuestionKind.PHOTO, message.caption, file_id)
    elif message.voice is not None:
        await _submit(update, context, state, QuestionKind.VOICE, None, message.voice.file_id)
    else:
        await reply(update, context.t("error-question-kind"))


# --- the FAQ and the open questions --------------------------------------------------------------


async def faq_from_announcement(update: Update, context: TandemContext, cb: Callback) -> None:
    """ "FAQ" under an announcement: a new message, so the announcement stays as it is."""
    async with context.uow() as uow:
        view = await asking.campaign_questions(uow, actor=context.actor, campaign_id=cb.int_arg(0))
    await send_new(update, faq.faq_screen(context.t, view, 0))


async def faq_page(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        view = await asking.campaign_questions(uow, actor=context.actor, campaign_id=cb.int_arg(0))
    await show(update, faq.faq_screen(context.t, view, cb.int_arg(1)))


async def open_page(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        view = await asking.campaign_questions(uow, actor=context.actor, campaign_id=cb.int_arg(0))
    await show(update, faq.open_screen(context.t, view, cb.int_arg(1)))


async def me_too(update: Update, context: TandemContext, cb: Callback) -> str | None:
    """ "Me too" on someone else's open question: the answer will reach this person too."""
    question_id, page = cb.int_arg(0), cb.int_arg(1)
    async with context.uow() as uow:
        vote = await asking.upvote(
            uow, actor=context.actor, question_id=question_id, now=context.now
        )
    await show(update, faq.open_screen(context.t, vote.view, page))
    return context.t.label("question-metoo-counted" if vote.counted else "question-metoo-again")


async def me_too_instead(update: Update, context: TandemContext, cb: Callback) -> str | None:
    """ "Me too" where "Ask a question" showed the open questions: counted, and nothing more
    is waited for."""
    async with context.uow() as uow:
        vote = await asking.upvote(
            uow,
            actor=context.actor,
            question_id=cb.int_arg(0),
            now=context.now,
            instead_of_asking=True,
        )
    await show(
        update, faq.ask_screen(context.t, vote.view.campaign, vote.view, counted=vote.counted)
    )
    return context.t.label("question-metoo-counted" if vote.counted else "question-metoo-again")


async def send_question_media(update: Update, context: TandemContext, cb: Callback) -> None:
    """A question's photo or voice message, with its asker's name for those who may see it."""
    async with context.uow() as uow:
        found = await asking.question_file(uow, actor=context.actor, question_id=cb.int_arg(0))
    name = found.asker.full_name if found.asker else None
    await send_file(context, found.question, views.media_caption(context.t, found.question, name))
