"""The marketer builds a campaign: /newcampaign and its wizard, fields typed from the card,
the card itself, the preview, and discarding a draft."""

from __future__ import annotations

from typing import Any

from telegram import InlineKeyboardButton, Update

from domain.campaigns import audience, drafting, queries, receiving
from domain.campaigns.drafting import Asked, DraftPrompt, KeyMessageAdded
from domain.campaigns.flows import TEXT_FIELDS, Drafting, Step
from domain.campaigns.queries import CampaignCard
from handlers.campaigns.recipient import send_announcement
from handlers.campaigns.views import (
    AREA,
    audience_screen,
    card_screen,
    done_button,
    material_name,
    step_prefix,
)
from handlers.kit.callbacks import Callback, CallbackDataError, button
from handlers.kit.context import TandemContext
from handlers.kit.i18n import Translator
from handlers.kit.routing import tell_left_behind
from handlers.kit.screens import Screen, reply, send_new, show

# --- rendering -------------------------------------------------------------------------------


def prompt_screen(t: Translator, prompt: DraftPrompt) -> Screen:
    state = prompt.state
    if prompt.audience is not None:
        return audience_screen(t, prompt.audience)
    keyboard: list[list[InlineKeyboardButton]] = []
    if state.step is Step.MESSAGES:
        keyboard.append(done_button(t, "msgsdone", state.campaign_id))
    elif state.step is Step.MATERIALS:
        keyboard.append(done_button(t, "matsdone", state.campaign_id))
    if state.wizard and state.step is not Step.NAME:
        later = button(t.label("wizard-later-button"), AREA, "card", state.campaign_id)
        keyboard.append([later])
    return Screen(step_prefix(t, state.position) + t(f"ask-{state.step.value}"), keyboard)


async def _asked(update: Update, context: TandemContext, asked: Asked) -> None:
    await tell_left_behind(context, asked.previous, asked.prompt.state)
    await send_new(update, prompt_screen(context.t, asked.prompt))


async def _moved_on(update: Update, context: TandemContext, result: Asked | CampaignCard) -> None:
    """After a step: the next one's question, or the card."""
    if isinstance(result, Asked):
        await _asked(update, context, result)
    else:
        await send_new(update, card_screen(context.t, result))


# --- the wizard and typed fields -------------------------------------------------------------


async def new_campaign(update: Update, context: TandemContext) -> None:
    """/newcampaign: start a draft, saved at every step."""
    async with context.uow() as uow:
        asked = await drafting.start(uow, actor=context.actor, now=context.now)
    await _asked(update, context, asked)


async def new_from_list(update: Update, context: TandemContext, cb: Callback) -> None:
    await new_campaign(update, context)


async def typed(update: Update, context: TandemContext, state: Drafting, text: str) -> None:
    """Text typed on a step: the answer to it."""
    async with context.uow() as uow:
        result = await drafting.answer(
            uow, actor=context.actor, state=state, text=text, now=context.now
        )
    if isinstance(result, KeyMessageAdded):
        t = context.t
        screen = Screen(
            t("message-added", count=result.count), [done_button(t, "msgsdone", result.campaign_id)]
        )
        await send_new(update, screen)
        return
    await _moved_on(update, context, result)


async def received_file(update: Update, context: TandemContext, state: Drafting) -> None:
    """A document or photo: a material, on the materials step."""
    t = context.t
    message = update.effective_message
    assert message is not None
    if not state.takes_files:
        await reply(update, t("text-expected-here"))
        step = state.asked_again_after_a_file
        if step is not None:
            await reply(update, t(f"ask-{step.value}"))
        return
    if message.document is not None:
        kind, file_id, name = "document", message.document.file_id, message.document.file_name
    elif message.photo:
        kind, file_id, name = "photo", message.photo[-1].file_id, None
    else:
        await reply(update, t("error-material-kind"))
        return
    async with context.uow() as uow:
        campaign = await drafting.add_material(
            uow,
            actor=context.actor,
            state=state,
            kind=kind,
            file_id=file_id,
            file_name=name,
            now=context.now,
        )
    text = t("material-added", name=material_name(t, name), count=len(campaign.materials))
    await send_new(update, Screen(text, [done_button(t, "matsdone", campaign.id)]))


async def text_expected(update: Update, context: TandemContext, state: Any) -> None:
    """A file sent on a step that takes text."""
    await reply(update, context.t("text-expected-here"))


async def continue_draft(update: Update, context: TandemContext, cb: Callback) -> None:
    """Pick the wizard up at the first step still missing."""
    async with context.uow() as uow:
        asked = await drafting.resume(
            uow, actor=context.actor, campaign_id=cb.int_arg(0), now=context.now
        )
    await _asked(update, context, asked)


async def _ask(update: Update, context: TandemContext, campaign_id: int, step: Step) -> None:
    async with context.uow() as uow:
        asked = await drafting.ask(
            uow, actor=context.actor, campaign_id=campaign_id, step=step, now=context.now
        )
    await _asked(update, context, asked)


async def edit_field(update: Update, context: TandemContext, cb: Callback) -> None:
    field = cb.str_arg(1)
    if field not in TEXT_FIELDS:
        raise CallbackDataError(field)
    await _ask(update, context, cb.int_arg(0), Step(field))


async def messages_done(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        result = await drafting.finish_key_messages(
            uow, actor=context.actor, campaign_id=cb.int_arg(0), now=context.now
        )
    await _moved_on(update, context, result)


async def materials_done(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        card = await drafting.finish_materials(
            uow, actor=context.actor, campaign_id=cb.int_arg(0), now=context.now
        )
    await send_new(update, card_screen(context.t, card))


async def open_card(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        card = await queries.card(uow, actor=context.actor, campaign_id=cb.int_arg(0))
    await show(update, card_screen(context.t, card))


async def message_add(update: Update, context: TandemContext, cb: Callback) -> None:
    await _ask(update, context, cb.int_arg(0), Step.MESSAGES)


async def material_add(update: Update, context: TandemContext, cb: Callback) -> None:
    await _ask(update, context, cb.int_arg(0), Step.MATERIALS)


async def audience_done(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        result = await audience.finish_audience(
            uow, actor=context.actor, campaign_id=cb.int_arg(0), now=context.now
        )
    await _moved_on(update, context, result)


# --- preview and discarding ------------------------------------------------------------------


async def preview(update: Update, context: TandemContext, cb: Callback) -> str | None:
    """The announcement exactly as a recipient sees it, in the marketer's language."""
    async with context.uow() as uow:
        announcement = await receiving.preview(
            uow, actor=context.actor, campaign_id=cb.int_arg(0), now=context.now
        )
    await send_announcement(update, context, announcement, preview=True)
    return context.t.label("preview-toast")


async def discard(update: Update, context: TandemContext, cb: Callback) -> None:
    t = context.t
    async with context.uow() as uow:
        campaign = await drafting.ask_discard(uow, actor=context.actor, campaign_id=cb.int_arg(0))
    keyboard = [
        [button(t.label("discard-confirm-button"), AREA, "dropok", campaign.id)],
        [button(t.label("back-button"), AREA, "card", campaign.id)],
    ]
    await show(update, Screen(t("discard-confirm", name=campaign.name or "—"), keyboard))


async def discard_confirmed(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        await drafting.discard(uow, actor=context.actor, campaign_id=cb.int_arg(0), now=context.now)
    await show(update, Screen(context.t("discarded")))


VERBS = {
    "new": new_from_list,
    "card": open_card,
    "cont": continue_draft,
    "edit": edit_field,
    "msgadd": message_add,
    "msgsdone": messages_done,
    "matadd": material_add,
    "matsdone": materials_done,
    "audone": audience_done,
    "prev": preview,
    "drop": discard,
    "dropok": discard_confirmed,
}
