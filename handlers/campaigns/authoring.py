"""The marketer builds a campaign: /newcampaign and its wizard, the card, key messages,
materials, audience and options, the preview, and discarding a draft."""

from __future__ import annotations

from typing import Any

from telegram import InlineKeyboardButton, Update

from domain.campaigns import audience, contents, drafting, queries, receiving
from domain.campaigns.drafting import Asked, KeyMessageAdded, Prompt
from domain.campaigns.flows import TEXT_FIELDS, WIZARD, Drafting, EditingKeyMessage, Step
from domain.campaigns.model import REMINDER_PRESETS, Campaign
from domain.campaigns.queries import AudienceChoice, CampaignCard
from handlers.campaigns.recipient import send_announcement
from handlers.campaigns.views import AREA, card_screen, material_name, reminders_text
from handlers.kit.audience import AUDIENCE_VERBS, audience_change, audience_keyboard
from handlers.kit.callbacks import Callback, CallbackDataError, button
from handlers.kit.context import TandemContext
from handlers.kit.i18n import Translator
from handlers.kit.routing import tell_left_behind
from handlers.kit.screens import Screen, reply, send_new, show
from handlers.kit.text import fit

# --- rendering -------------------------------------------------------------------------------


def _done(t: Translator, verb: str, campaign_id: int) -> list[InlineKeyboardButton]:
    return [button(t.label("done-button"), AREA, verb, campaign_id)]


def _step_prefix(t: Translator, position: int | None) -> str:
    return t("wizard-step", number=position, total=len(WIZARD)) + "\n" if position else ""


def audience_screen(t: Translator, choice: AudienceChoice) -> Screen:
    cid = choice.campaign.id
    keyboard = audience_keyboard(t, choice.campaign.audience, choice.teams, AREA, cid)
    keyboard.append(_done(t, "audone", cid))
    text = _step_prefix(t, choice.position) + t("audience-prompt", count=choice.reach)
    return Screen(text, keyboard)


def prompt_screen(t: Translator, prompt: Prompt) -> Screen:
    state = prompt.state
    if prompt.audience is not None:
        return audience_screen(t, prompt.audience)
    keyboard: list[list[InlineKeyboardButton]] = []
    if state.step is Step.MESSAGES:
        keyboard.append(_done(t, "msgsdone", state.campaign_id))
    elif state.step is Step.MATERIALS:
        keyboard.append(_done(t, "matsdone", state.campaign_id))
    if state.wizard and state.step is not Step.NAME:
        later = button(t.label("wizard-later-button"), AREA, "card", state.campaign_id)
        keyboard.append([later])
    return Screen(_step_prefix(t, state.position) + t(f"ask-{state.step.value}"), keyboard)


def messages_screen(t: Translator, campaign: Campaign) -> Screen:
    cid = campaign.id
    lines = [t("messages-title", name=campaign.name or "—")]
    keyboard: list[list[InlineKeyboardButton]] = []
    for index, message in enumerate(campaign.key_messages):
        lines.append(t("messages-line", number=index + 1, text=message))
        keyboard.append(
            [
                button(f"✏️ {index + 1}", AREA, "msged", cid, index),
                button(f"🗑 {index + 1}", AREA, "msgdel", cid, index),
            ]
        )
    keyboard.append([button(t.label("add-message-button"), AREA, "msgadd", cid)])
    keyboard.append([button(t.label("back-button"), AREA, "card", cid)])
    return Screen(fit("\n".join(lines)), keyboard)


def materials_screen(t: Translator, campaign: Campaign) -> Screen:
    cid = campaign.id
    keyboard = [
        [button(f"🗑 {material_name(t, m.file_name)}", AREA, "matdel", cid, m.id)]
        for m in campaign.materials
    ]
    keyboard.append([button(t.label("add-materials-button"), AREA, "matadd", cid)])
    keyboard.append([button(t.label("back-button"), AREA, "card", cid)])
    return Screen(t("materials-title", count=len(campaign.materials)), keyboard)


def options_screen(t: Translator, campaign: Campaign) -> Screen:
    cid = campaign.id
    text = t(
        "options-title",
        protect=t.label("on" if campaign.protect_content else "off"),
        reminders=reminders_text(t, campaign.reminders),
    )
    keyboard = [[button(t.label("protect-toggle-button"), AREA, "prot", cid)]]
    if campaign.reminders_editable:
        for preset in REMINDER_PRESETS:
            mark = "✅ " if preset == campaign.reminder_preset else ""
            label = mark + t.label(f"reminders-preset-{preset}")
            keyboard.append([button(label, AREA, "rem", cid, preset)])
    keyboard.append([button(t.label("back-button"), AREA, "card", cid)])
    return Screen(text, keyboard)


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
            t("message-added", count=result.count), [_done(t, "msgsdone", result.campaign_id)]
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
    await send_new(update, Screen(text, [_done(t, "matsdone", campaign.id)]))


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


# --- key messages and materials --------------------------------------------------------------


async def messages_menu(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        campaign = await contents.key_messages(uow, actor=context.actor, campaign_id=cb.int_arg(0))
    await send_new(update, messages_screen(context.t, campaign))


async def message_edit(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        prompt = await contents.edit_key_message(
            uow,
            actor=context.actor,
            campaign_id=cb.int_arg(0),
            index=cb.int_arg(1),
            now=context.now,
        )
    await tell_left_behind(context, prompt.previous, prompt.state)
    await reply(update, context.t("ask-edit-message", number=prompt.state.index + 1))


async def message_typed(
    update: Update, context: TandemContext, state: EditingKeyMessage, text: str
) -> None:
    """The new text of a key message."""
    async with context.uow() as uow:
        campaign = await contents.replace_key_message(
            uow, actor=context.actor, state=state, text=text, now=context.now
        )
    await send_new(update, messages_screen(context.t, campaign))


async def message_delete(update: Update, context: TandemContext, cb: Callback) -> str | None:
    async with context.uow() as uow:
        campaign = await contents.remove_key_message(
            uow,
            actor=context.actor,
            campaign_id=cb.int_arg(0),
            index=cb.int_arg(1),
            now=context.now,
        )
    await show(update, messages_screen(context.t, campaign))
    return context.t.label("saved")


async def message_add(update: Update, context: TandemContext, cb: Callback) -> None:
    await _ask(update, context, cb.int_arg(0), Step.MESSAGES)


async def materials_menu(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        campaign = await contents.materials(uow, actor=context.actor, campaign_id=cb.int_arg(0))
    await send_new(update, materials_screen(context.t, campaign))


async def material_delete(update: Update, context: TandemContext, cb: Callback) -> str | None:
    async with context.uow() as uow:
        campaign = await contents.remove_material(
            uow,
            actor=context.actor,
            campaign_id=cb.int_arg(0),
            material_id=cb.int_arg(1),
            now=context.now,
        )
    await show(update, materials_screen(context.t, campaign))
    return context.t.label("saved")


async def material_add(update: Update, context: TandemContext, cb: Callback) -> None:
    await _ask(update, context, cb.int_arg(0), Step.MATERIALS)


# --- audience and options --------------------------------------------------------------------


async def audience_menu(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        choice = await audience.open_audience(uow, actor=context.actor, campaign_id=cb.int_arg(0))
    await send_new(update, audience_screen(context.t, choice))


async def audience_toggle(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        choice = await audience.toggle_audience(
            uow,
            actor=context.actor,
            campaign_id=cb.int_arg(0),
            now=context.now,
            **audience_change(cb),
        )
    await show(update, audience_screen(context.t, choice))


async def audience_done(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        result = await audience.finish_audience(
            uow, actor=context.actor, campaign_id=cb.int_arg(0), now=context.now
        )
    await _moved_on(update, context, result)


async def options_menu(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        campaign = await audience.options(uow, actor=context.actor, campaign_id=cb.int_arg(0))
    await show(update, options_screen(context.t, campaign))


async def toggle_protect(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        campaign = await audience.toggle_protect(
            uow, actor=context.actor, campaign_id=cb.int_arg(0), now=context.now
        )
    await show(update, options_screen(context.t, campaign))


async def set_reminders(update: Update, context: TandemContext, cb: Callback) -> None:
    preset = cb.str_arg(1)
    if preset not in REMINDER_PRESETS:
        raise CallbackDataError(preset)
    async with context.uow() as uow:
        campaign = await audience.set_reminders(
            uow, actor=context.actor, campaign_id=cb.int_arg(0), preset=preset, now=context.now
        )
    await show(update, options_screen(context.t, campaign))


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
    "msgs": messages_menu,
    "msged": message_edit,
    "msgdel": message_delete,
    "msgadd": message_add,
    "msgsdone": messages_done,
    "mats": materials_menu,
    "matdel": material_delete,
    "matadd": material_add,
    "matsdone": materials_done,
    "aud": audience_menu,
    **dict.fromkeys(AUDIENCE_VERBS, audience_toggle),
    "audone": audience_done,
    "opts": options_menu,
    "prot": toggle_protect,
    "rem": set_reminders,
    "prev": preview,
    "drop": discard,
    "dropok": discard_confirmed,
}
