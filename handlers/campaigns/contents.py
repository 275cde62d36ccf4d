"""A campaign's key messages, materials, audience and options, edited from its card."""

from __future__ import annotations

from telegram import InlineKeyboardButton, Update

from domain.campaigns import access, audience, contents
from domain.campaigns.flows import EditingKeyMessage
from domain.campaigns.model import Campaign
from domain.campaigns.schedule import REMINDER_PRESETS
from handlers.campaigns.views import AREA, audience_screen, material_name, reminders_text
from handlers.kit.audience import AUDIENCE_VERBS, MORE_VERB, audience_change, audience_more
from handlers.kit.callbacks import Callback, CallbackDataError, button
from handlers.kit.context import TandemContext
from handlers.kit.i18n import Translator, escape
from handlers.kit.routing import tell_left_behind
from handlers.kit.screens import Screen, reply, send_new, show
from handlers.kit.text import fit


def messages_screen(t: Translator, campaign: Campaign) -> Screen:
    cid = campaign.id
    lines = [t("messages-title", name=campaign.name or "—")]
    keyboard: list[list[InlineKeyboardButton]] = []
    for index, message in enumerate(campaign.key_messages):
        lines.append(f"{index + 1}. {escape(message)}")
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


# --- key messages and materials --------------------------------------------------------------


async def messages_menu(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        campaign = await contents.open_list(uow, actor=context.actor, campaign_id=cb.int_arg(0))
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


async def materials_menu(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        campaign = await contents.open_list(uow, actor=context.actor, campaign_id=cb.int_arg(0))
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
    await show(update, audience_screen(context.t, choice, more=audience_more(cb)))


async def options_menu(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        campaign = await access.managed(uow, actor=context.actor, campaign_id=cb.int_arg(0))
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


VERBS = {
    "msgs": messages_menu,
    "msged": message_edit,
    "msgdel": message_delete,
    "mats": materials_menu,
    "matdel": material_delete,
    "aud": audience_menu,
    **dict.fromkeys((*AUDIENCE_VERBS, MORE_VERB), audience_toggle),
    "opts": options_menu,
    "prot": toggle_protect,
    "rem": set_reminders,
}
