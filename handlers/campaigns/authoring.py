"""The marketer's side of campaigns: /newcampaign, /campaigns, the draft card, scheduling,
figures, updates and cancellation."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from telegram import InlineKeyboardButton, Message, Update

from domain.campaigns import announcing, kinds
from domain.campaigns.model import (
    DEFAULT_LOCAL_TIME,
    REMINDER_PRESETS,
    Schedule,
    ScheduleMode,
    Status,
)
from domain.dates import parse_date, parse_local_datetime
from domain.errors import Forbidden, InvalidInput
from domain.flows import UntypedFlow as Flow
from domain.people.model import Team
from domain.permissions import Action, can, require
from domain.timezones import to_local
from handlers.campaigns.views import (
    AREA,
    CARD_ICONS,
    announcement_keyboard,
    announcement_text,
    card_keyboard,
    card_text,
    figures_text,
    reminders_text,
)
from handlers.kit.audience import AUDIENCE_VERBS, audience_change, audience_keyboard
from handlers.kit.callbacks import Callback, CallbackDataError, button
from handlers.kit.context import TandemContext
from handlers.kit.routing import current_untyped, end_flow, save_untyped, start_untyped
from handlers.kit.screens import Screen, reply, send_new, show
from handlers.kit.text import split_html

FLOW = "campaign"
WIZARD = ("name", "product", "goal", "messages", "launch", "audience", "materials")
PAGE_SIZE = 8
DAYS_BEFORE = (7, 3, 1)
STATUS_ICONS = CARD_ICONS


# --- shared helpers --------------------------------------------------------------------------


async def _teams(context: TandemContext) -> dict[int, Team]:
    async with context.uow() as uow:
        return {team.id: team for team in await uow.teams.all()}


async def _card(context: TandemContext, campaign_id: int) -> Screen:
    t = context.t
    async with context.uow() as uow:
        campaign = await announcing.manageable(uow, context.actor, campaign_id)
        reach = len(await announcing.audience_of(uow, campaign))
        first_due = await uow.outbox.first_due(kinds.ANNOUNCE, campaign.id)
        teams = {team.id: team for team in await uow.teams.all()}
    text = card_text(t, campaign, context.actor, teams=teams, reach=reach, first_due=first_due)
    return Screen(text, card_keyboard(t, campaign))


async def _show_card(update: Update, context: TandemContext, campaign_id: int) -> None:
    await show(update, await _card(context, campaign_id))


async def _send_card(update: Update, context: TandemContext, campaign_id: int) -> None:
    await send_new(update, await _card(context, campaign_id))


def _flow_campaign(flow: Flow) -> int:
    return int(flow.data["cid"])


# --- creating and the step-by-step wizard ----------------------------------------------------


async def new_campaign(update: Update, context: TandemContext) -> None:
    """/newcampaign: start a draft, saved at every step."""
    async with context.uow() as uow:
        campaign = await announcing.new_draft(uow, context.actor, now=context.now)
    await _ask(update, context, campaign.id, "name", wizard=True)


async def _ask(
    update: Update, context: TandemContext, campaign_id: int, step: str, *, wizard: bool
) -> None:
    """Save the flow at ``step`` and ask for it."""
    t = context.t
    await start_untyped(context, FLOW, step, {"cid": campaign_id, "wizard": wizard})
    prefix = t("wizard-step", number=WIZARD.index(step) + 1, total=len(WIZARD)) if wizard else ""
    keyboard: list[list[InlineKeyboardButton]] = []
    if step == "messages":
        keyboard = [[button(t.label("done-button"), AREA, "msgsdone", campaign_id)]]
    elif step == "materials":
        keyboard = [[button(t.label("done-button"), AREA, "matsdone", campaign_id)]]
    elif step == "audience":
        await send_new(update, await _audience_screen(context, campaign_id, prefix=prefix))
        return
    if wizard and step != "name":
        keyboard.append([button(t.label("wizard-later-button"), AREA, "card", campaign_id)])
    text = (prefix + "\n" if prefix else "") + t(f"ask-{step}")
    await send_new(update, Screen(text, keyboard))


async def _next(update: Update, context: TandemContext, flow: Flow) -> None:
    """After a step: the next wizard step, or back to the card when editing one field."""
    campaign_id = _flow_campaign(flow)
    if flow.data.get("wizard") and flow.step in WIZARD:
        index = WIZARD.index(flow.step)
        if index + 1 < len(WIZARD):
            await _ask(update, context, campaign_id, WIZARD[index + 1], wizard=True)
            return
    await end_flow(context)
    await _send_card(update, context, campaign_id)


async def typed(update: Update, context: TandemContext, flow: Flow, text: str) -> None:
    """Text typed in the campaign flow: the answer to the current step."""
    campaign_id = _flow_campaign(flow)
    actor, now = context.actor, context.now
    step = flow.step
    async with context.uow() as uow:
        if step in ("name", "product", "goal"):
            await announcing.set_text(uow, actor, campaign_id, step, text, now=now)
        elif step == "messages":
            campaign = await announcing.add_key_message(uow, actor, campaign_id, text, now=now)
        elif step.startswith("editmsg:"):
            index = int(step.split(":", 1)[1])
            await announcing.replace_key_message(uow, actor, campaign_id, index, text, now=now)
        elif step == "launch":
            today = to_local(now, actor.timezone).date()
            await announcing.set_launch_date(
                uow, actor, campaign_id, parse_date(text, today=today), now=now
            )
        elif step == "at":
            local = parse_local_datetime(text, now_local=to_local(now, actor.timezone))
            flow.data["at"] = local.isoformat()
        elif step in ("update", "cancel"):
            campaign, count = await announcing.announce_change(
                uow, actor, campaign_id, text, now=now, cancel=step == "cancel"
            )
        elif step in ("audience", "materials"):
            raise InvalidInput("use-buttons" if step == "audience" else "error-file-expected")
        else:
            raise InvalidInput("flow-lost")
    if step == "messages":
        await send_new(
            update,
            Screen(
                context.t("message-added", count=len(campaign.key_messages)),
                [[button(context.t.label("done-button"), AREA, "msgsdone", campaign_id)]],
            ),
        )
        return
    if step == "at":
        await save_untyped(context, flow)
        await _ask_local_or_exact(update, context, campaign_id, flow)
        return
    if step in ("update", "cancel"):
        context.wake_outbox()
        await end_flow(context)
        await reply(update, context.t(f"{step}-sent", count=count, name=campaign.name))
        await _send_card(update, context, campaign_id)
        return
    if step.startswith("editmsg:"):
        await end_flow(context)
        await send_new(update, await _messages_screen(context, campaign_id))
        return
    await _next(update, context, flow)


async def received_file(update: Update, context: TandemContext, flow: Flow) -> None:
    """A document or photo: a material for the campaign being built."""
    message = update.effective_message
    assert message is not None
    if flow.step != "materials":
        # A file where text is expected: say so, and ask the current step again.
        step = flow.step if flow.step in WIZARD and flow.step != "audience" else None
        await reply(update, context.t("text-expected-here"))
        if step is not None:
            await reply(update, context.t(f"ask-{step}"))
        return
    if message.document is not None:
        kind, file_id, name = "document", message.document.file_id, message.document.file_name
    elif message.photo:
        kind, file_id, name = "photo", message.photo[-1].file_id, None
    else:
        await reply(update, context.t("error-material-kind"))
        return
    async with context.uow() as uow:
        campaign = await announcing.add_material(
            uow,
            context.actor,
            _flow_campaign(flow),
            kind=kind,
            file_id=file_id,
            file_name=name,
            now=context.now,
        )
    t = context.t
    await send_new(
        update,
        Screen(
            t(
                "material-added",
                name=name or t.label("campaign-photo"),
                count=len(campaign.materials),
            ),
            [[button(t.label("done-button"), AREA, "matsdone", campaign.id)]],
        ),
    )


async def messages_done(update: Update, context: TandemContext, cb: Callback) -> None:
    campaign_id = cb.int_arg(0)
    async with context.uow() as uow:
        campaign = await announcing.manageable(uow, context.actor, campaign_id)
    if not campaign.key_messages:
        raise InvalidInput("error-no-messages")
    flow = await current_untyped(context, FLOW)
    if flow is not None and flow.step == "messages" and _flow_campaign(flow) == campaign_id:
        await _next(update, context, flow)
    else:
        await end_flow(context)
        await _send_card(update, context, campaign_id)


async def materials_done(update: Update, context: TandemContext, cb: Callback) -> None:
    campaign_id = cb.int_arg(0)
    async with context.uow() as uow:
        await announcing.manageable(uow, context.actor, campaign_id)
    await end_flow(context)
    await _send_card(update, context, campaign_id)


async def continue_draft(update: Update, context: TandemContext, cb: Callback) -> None:
    """Pick the wizard up at the first step still missing."""
    campaign_id = cb.int_arg(0)
    async with context.uow() as uow:
        campaign = await announcing.manageable(uow, context.actor, campaign_id)
    missing = campaign.missing()
    step = {"messages": "messages"}.get(missing[0], missing[0]) if missing else "materials"
    await _ask(update, context, campaign_id, step, wizard=True)


async def edit_field(update: Update, context: TandemContext, cb: Callback) -> None:
    campaign_id, field = cb.int_arg(0), cb.str_arg(1)
    if field not in ("name", "product", "goal", "launch"):
        raise CallbackDataError(field)
    async with context.uow() as uow:
        await announcing.manageable(uow, context.actor, campaign_id)
    await _ask(update, context, campaign_id, field, wizard=False)


async def open_card(update: Update, context: TandemContext, cb: Callback) -> None:
    await end_flow(context)
    await _show_card(update, context, cb.int_arg(0))


# --- key messages and materials --------------------------------------------------------------


async def _messages_screen(context: TandemContext, campaign_id: int) -> Screen:
    t = context.t
    async with context.uow() as uow:
        campaign = await announcing.manageable(uow, context.actor, campaign_id)
    lines = [t("messages-title", name=campaign.name or "—")]
    keyboard: list[list[InlineKeyboardButton]] = []
    for index, message in enumerate(campaign.key_messages):
        lines.append(t("messages-line", number=index + 1, text=message))
        keyboard.append(
            [
                button(f"✏️ {index + 1}", AREA, "msged", campaign_id, index),
                button(f"🗑 {index + 1}", AREA, "msgdel", campaign_id, index),
            ]
        )
    keyboard.append([button(t.label("add-message-button"), AREA, "msgadd", campaign_id)])
    keyboard.append([button(t.label("back-button"), AREA, "card", campaign_id)])
    text = "\n".join(lines)
    if len(text) > 3500:
        text = text[:3500].rsplit("\n", 1)[0] + "\n…"
    return Screen(text, keyboard)


async def messages_menu(update: Update, context: TandemContext, cb: Callback) -> None:
    await end_flow(context)
    await send_new(update, await _messages_screen(context, cb.int_arg(0)))


async def message_edit(update: Update, context: TandemContext, cb: Callback) -> None:
    campaign_id, index = cb.int_arg(0), cb.int_arg(1)
    async with context.uow() as uow:
        campaign = await announcing.manageable(uow, context.actor, campaign_id)
    if index >= len(campaign.key_messages):
        raise CallbackDataError(str(index))
    await start_untyped(context, FLOW, f"editmsg:{index}", {"cid": campaign_id, "wizard": False})
    await send_new(update, Screen(context.t("ask-edit-message", number=index + 1)))


async def message_delete(update: Update, context: TandemContext, cb: Callback) -> str | None:
    campaign_id, index = cb.int_arg(0), cb.int_arg(1)
    async with context.uow() as uow:
        await announcing.remove_key_message(uow, context.actor, campaign_id, index, now=context.now)
    await show(update, await _messages_screen(context, campaign_id))
    return context.t.label("saved")


async def message_add(update: Update, context: TandemContext, cb: Callback) -> None:
    campaign_id = cb.int_arg(0)
    async with context.uow() as uow:
        await announcing.manageable(uow, context.actor, campaign_id)
    await _ask(update, context, campaign_id, "messages", wizard=False)


async def _materials_screen(context: TandemContext, campaign_id: int) -> Screen:
    t = context.t
    async with context.uow() as uow:
        campaign = await announcing.manageable(uow, context.actor, campaign_id)
    lines = [t("materials-title", count=len(campaign.materials))]
    keyboard = [
        [button(f"🗑 {m.file_name or t.label('campaign-photo')}", AREA, "matdel", campaign_id, m.id)]
        for m in campaign.materials
    ]
    keyboard.append([button(t.label("add-materials-button"), AREA, "matadd", campaign_id)])
    keyboard.append([button(t.label("back-button"), AREA, "card", campaign_id)])
    return Screen("\n".join(lines), keyboard)


async def materials_menu(update: Update, context: TandemContext, cb: Callback) -> None:
    await end_flow(context)
    await send_new(update, await _materials_screen(context, cb.int_arg(0)))


async def material_delete(update: Update, context: TandemContext, cb: Callback) -> str | None:
    campaign_id, material_id = cb.int_arg(0), cb.int_arg(1)
    async with context.uow() as uow:
        await announcing.remove_material(
            uow, context.actor, campaign_id, material_id, now=context.now
        )
    await show(update, await _materials_screen(context, campaign_id))
    return context.t.label("saved")


async def material_add(update: Update, context: TandemContext, cb: Callback) -> None:
    campaign_id = cb.int_arg(0)
    async with context.uow() as uow:
        await announcing.manageable(uow, context.actor, campaign_id)
    await _ask(update, context, campaign_id, "materials", wizard=False)


# --- audience and options --------------------------------------------------------------------


async def _audience_screen(context: TandemContext, campaign_id: int, *, prefix: str = "") -> Screen:
    t = context.t
    async with context.uow() as uow:
        campaign = await announcing.manageable(uow, context.actor, campaign_id)
        reach = len(await announcing.audience_of(uow, campaign))
        teams = await uow.teams.all()
    keyboard = audience_keyboard(t, campaign.audience, teams, AREA, campaign_id)
    keyboard.append([button(t.label("done-button"), AREA, "audone", campaign_id)])
    text = (prefix + "\n" if prefix else "") + t("audience-prompt", count=reach)
    return Screen(text, keyboard)


async def audience_menu(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        campaign = await announcing.manageable(uow, context.actor, cb.int_arg(0))
    if campaign.status is Status.ANNOUNCED:
        raise InvalidInput("error-audience-sent")
    if campaign.status is not Status.DRAFT:
        raise InvalidInput("error-audience-locked")
    await end_flow(context)
    await send_new(update, await _audience_screen(context, cb.int_arg(0)))


async def _toggle_audience(
    update: Update, context: TandemContext, campaign_id: int, **what: Any
) -> None:
    async with context.uow() as uow:
        await announcing.toggle_audience(uow, context.actor, campaign_id, now=context.now, **what)
    flow = await current_untyped(context, FLOW)
    prefix = ""
    if flow is not None and flow.step == "audience" and flow.data.get("wizard"):
        prefix = context.t("wizard-step", number=WIZARD.index("audience") + 1, total=len(WIZARD))
    await show(update, await _audience_screen(context, campaign_id, prefix=prefix))


async def audience_toggle(update: Update, context: TandemContext, cb: Callback) -> None:
    await _toggle_audience(update, context, cb.int_arg(0), **audience_change(cb))


async def audience_done(update: Update, context: TandemContext, cb: Callback) -> None:
    campaign_id = cb.int_arg(0)
    flow = await current_untyped(context, FLOW)
    if flow is not None and flow.step == "audience" and _flow_campaign(flow) == campaign_id:
        await _next(update, context, flow)
    else:
        await _send_card(update, context, campaign_id)


async def _options_screen(context: TandemContext, campaign_id: int) -> Screen:
    t = context.t
    async with context.uow() as uow:
        campaign = await announcing.manageable(uow, context.actor, campaign_id)
    text = t(
        "options-title",
        protect=t.label("on" if campaign.protect_content else "off"),
        reminders=reminders_text(t, campaign.reminders),
    )
    keyboard = [[button(t.label("protect-toggle-button"), AREA, "prot", campaign_id)]]
    if campaign.status is Status.DRAFT:
        for preset, rules in REMINDER_PRESETS.items():
            mark = "✅ " if rules == campaign.reminders else ""
            keyboard.append(
                [
                    button(
                        mark + t.label(f"reminders-preset-{preset}"),
                        AREA,
                        "rem",
                        campaign_id,
                        preset,
                    )
                ]
            )
    keyboard.append([button(t.label("back-button"), AREA, "card", campaign_id)])
    return Screen(text, keyboard)


async def options_menu(update: Update, context: TandemContext, cb: Callback) -> None:
    await show(update, await _options_screen(context, cb.int_arg(0)))


async def toggle_protect(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        await announcing.toggle_protect(uow, context.actor, cb.int_arg(0), now=context.now)
    await show(update, await _options_screen(context, cb.int_arg(0)))


async def set_reminders(update: Update, context: TandemContext, cb: Callback) -> None:
    preset = cb.str_arg(1)
    if preset not in REMINDER_PRESETS:
        raise CallbackDataError(preset)
    async with context.uow() as uow:
        await announcing.set_reminders(uow, context.actor, cb.int_arg(0), preset, now=context.now)
    await show(update, await _options_screen(context, cb.int_arg(0)))


# --- preview ---------------------------------------------------------------------------------


async def preview(update: Update, context: TandemContext, cb: Callback) -> str | None:
    """The announcement exactly as a recipient sees it, in the marketer's language."""
    campaign_id = cb.int_arg(0)
    async with context.uow() as uow:
        campaign = await announcing.manageable(uow, context.actor, campaign_id)
    t = context.t
    text = announcement_text(t, campaign, context.actor, now=context.now)
    keyboard = announcement_keyboard(t, campaign, acknowledged=False, preview=True)
    await send_parts(update, context, text, Screen("", keyboard).markup, protect=False)
    return t.label("preview-toast")


async def send_parts(
    update: Update, context: TandemContext, text: str, markup: Any, *, protect: bool
) -> Message | None:
    """Send long HTML split into parts; the buttons go under the last part."""
    chat = update.effective_chat
    assert chat is not None
    parts = split_html(text)
    sent: Message | None = None
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        sent = await context.bot.send_message(
            chat.id,
            part,
            parse_mode="HTML",
            reply_markup=markup if last else None,
            protect_content=protect,
        )
    return sent


# --- scheduling ------------------------------------------------------------------------------


async def when_menu(update: Update, context: TandemContext, cb: Callback) -> None:
    campaign_id = cb.int_arg(0)
    t = context.t
    async with context.uow() as uow:
        campaign = await announcing.manageable(uow, context.actor, campaign_id)
    announcing.check_schedulable(campaign)
    keyboard = [[button(t.label("when-now-button"), AREA, "now", campaign_id)]]
    if campaign.launch_date is not None:
        today = to_local(context.now, context.actor.timezone).date()
        for days in DAYS_BEFORE:
            if campaign.launch_date - timedelta(days=days) >= today:
                keyboard.append(
                    [
                        button(
                            t.label("when-days-button", days=days), AREA, "days", campaign_id, days
                        )
                    ]
                )
    keyboard.append([button(t.label("when-type-button"), AREA, "type", campaign_id)])
    keyboard.append([button(t.label("back-button"), AREA, "card", campaign_id)])
    await show(update, Screen(t("when-prompt", name=campaign.name), keyboard))


async def _confirm(
    update: Update, context: TandemContext, campaign_id: int, when: Schedule
) -> None:
    t = context.t
    async with context.uow() as uow:
        campaign = await announcing.manageable(uow, context.actor, campaign_id)
        reach = len(await announcing.audience_of(uow, campaign))
    announcing.check_schedulable(campaign)
    announcing.check_before_launch(campaign, when, context.actor)
    await start_untyped(
        context, FLOW, "confirm", {"cid": campaign_id, "wizard": False, "schedule": when.to_json()}
    )
    if when.mode is ScheduleMode.NOW:
        described = t.label("when-now")
    elif when.mode is ScheduleMode.AT:
        assert when.at is not None
        described = t.label("when-at", at=t.datetime(when.at, context.actor.timezone))
    else:
        assert when.day is not None and when.local_time is not None
        described = t.label(
            "when-local", day=t.day(when.day), time=when.local_time.strftime("%H:%M")
        )
    keyboard = [
        [button(t.label("confirm-send-button"), AREA, "go", campaign_id)],
        [button(t.label("back-button"), AREA, "card", campaign_id)],
    ]
    await show(
        update, Screen(t("confirm-send", name=campaign.name, count=reach, when=described), keyboard)
    )


async def send_now(update: Update, context: TandemContext, cb: Callback) -> None:
    await _confirm(update, context, cb.int_arg(0), Schedule(ScheduleMode.NOW))


async def days_before(update: Update, context: TandemContext, cb: Callback) -> None:
    campaign_id, days = cb.int_arg(0), cb.int_arg(1)
    if days not in DAYS_BEFORE:
        raise CallbackDataError(str(days))
    async with context.uow() as uow:
        campaign = await announcing.manageable(uow, context.actor, campaign_id)
    if campaign.launch_date is None:
        raise InvalidInput("error-campaign-incomplete")
    day = campaign.launch_date - timedelta(days=days)
    await _confirm(
        update,
        context,
        campaign_id,
        Schedule(ScheduleMode.LOCAL, day=day, local_time=DEFAULT_LOCAL_TIME),
    )


async def type_when(update: Update, context: TandemContext, cb: Callback) -> None:
    campaign_id = cb.int_arg(0)
    async with context.uow() as uow:
        await announcing.manageable(uow, context.actor, campaign_id)
    await start_untyped(context, FLOW, "at", {"cid": campaign_id, "wizard": False})
    await send_new(update, Screen(context.t("ask-at", zone=context.actor.timezone)))


async def _ask_local_or_exact(
    update: Update, context: TandemContext, campaign_id: int, flow: Flow
) -> None:
    t = context.t
    local = datetime.fromisoformat(flow.data["at"])
    keyboard = [
        [
            button(
                t.label("when-exact-button", zone=context.actor.timezone),
                AREA,
                "exact",
                campaign_id,
            )
        ],
        [
            button(
                t.label("when-each-local-button", time=local.strftime("%H:%M")),
                AREA,
                "eachlocal",
                campaign_id,
            )
        ],
        [button(t.label("back-button"), AREA, "card", campaign_id)],
    ]
    await send_new(update, Screen(t("when-how", at=local.strftime("%d.%m.%Y %H:%M")), keyboard))


async def _typed_moment(context: TandemContext, campaign_id: int) -> datetime:
    flow = await current_untyped(context, FLOW)
    if (
        flow is None
        or flow.step != "at"
        or "at" not in flow.data
        or _flow_campaign(flow) != campaign_id
    ):
        raise CallbackDataError("no typed moment")
    return datetime.fromisoformat(flow.data["at"])


async def exact_moment(update: Update, context: TandemContext, cb: Callback) -> None:
    campaign_id = cb.int_arg(0)
    local = await _typed_moment(context, campaign_id)
    from zoneinfo import ZoneInfo

    moment = local.replace(tzinfo=ZoneInfo(context.actor.timezone)).astimezone(context.now.tzinfo)
    await _confirm(update, context, campaign_id, Schedule(ScheduleMode.AT, at=moment))


async def each_local(update: Update, context: TandemContext, cb: Callback) -> None:
    campaign_id = cb.int_arg(0)
    local = await _typed_moment(context, campaign_id)
    await _confirm(
        update,
        context,
        campaign_id,
        Schedule(ScheduleMode.LOCAL, day=local.date(), local_time=local.time()),
    )


async def go(update: Update, context: TandemContext, cb: Callback) -> str | None:
    campaign_id = cb.int_arg(0)
    flow = await current_untyped(context, FLOW)
    if flow is None or flow.step != "confirm" or _flow_campaign(flow) != campaign_id:
        raise CallbackDataError("nothing to confirm")
    when = Schedule.from_json(flow.data["schedule"])
    assert when is not None
    async with context.uow() as uow:
        result = await announcing.schedule(uow, context.actor, campaign_id, when, now=context.now)
    await end_flow(context)
    context.wake_outbox()
    await _show_card(update, context, campaign_id)
    t = context.t
    if when.mode is ScheduleMode.NOW:
        return t.label("sending-toast", count=result.recipients)
    return t.label("scheduled-toast", count=result.recipients)


async def unschedule(update: Update, context: TandemContext, cb: Callback) -> str | None:
    async with context.uow() as uow:
        await announcing.cancel_schedule(uow, context.actor, cb.int_arg(0), now=context.now)
    await _show_card(update, context, cb.int_arg(0))
    return context.t.label("unscheduled-toast")


async def discard(update: Update, context: TandemContext, cb: Callback) -> None:
    campaign_id = cb.int_arg(0)
    t = context.t
    async with context.uow() as uow:
        campaign = await announcing.manageable(uow, context.actor, campaign_id)
    if campaign.status is not Status.DRAFT:
        raise InvalidInput("error-not-a-draft")
    keyboard = [
        [button(t.label("discard-confirm-button"), AREA, "dropok", campaign_id)],
        [button(t.label("back-button"), AREA, "card", campaign_id)],
    ]
    await show(update, Screen(t("discard-confirm", name=campaign.name or "—"), keyboard))


async def discard_confirmed(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        await announcing.discard_draft(uow, context.actor, cb.int_arg(0), now=context.now)
    await end_flow(context)
    await show(update, Screen(context.t("discarded")))


# --- after sending ---------------------------------------------------------------------------


async def figures(update: Update, context: TandemContext, cb: Callback) -> None:
    campaign_id = cb.int_arg(0)
    t = context.t
    async with context.uow() as uow:
        campaign, result = await announcing.campaign_figures(uow, context.actor, campaign_id)
        teams = {team.id: team for team in await uow.teams.all()}
    manager = can(context.actor, Action.MANAGE_CAMPAIGNS)
    text = figures_text(t, campaign, result, teams, team_only=not manager)
    keyboard = [[button(t.label("refresh-button"), AREA, "fig", campaign_id)]]
    if manager:
        keyboard.append([button(t.label("back-button"), AREA, "card", campaign_id)])
    await show(update, Screen(_fit(text), keyboard))


def _fit(text: str) -> str:
    """Screens edited in place must fit one message."""
    parts = split_html(text)
    return parts[0] if len(parts) == 1 else parts[0].rstrip() + "\n…"


async def ask_change(update: Update, context: TandemContext, cb: Callback, step: str) -> None:
    campaign_id = cb.int_arg(0)
    async with context.uow() as uow:
        campaign = await announcing.manageable(uow, context.actor, campaign_id)
    if campaign.status is not Status.ANNOUNCED:
        raise InvalidInput("error-not-sent-yet")
    await start_untyped(context, FLOW, step, {"cid": campaign_id, "wizard": False})
    await send_new(update, Screen(context.t(f"ask-{step}", name=campaign.name)))


async def update_prompt(update: Update, context: TandemContext, cb: Callback) -> None:
    await ask_change(update, context, cb, "update")


async def cancel_prompt(update: Update, context: TandemContext, cb: Callback) -> None:
    await ask_change(update, context, cb, "cancel")


# --- /campaigns ------------------------------------------------------------------------------


async def _list_screen(context: TandemContext, page: int) -> Screen:
    t = context.t
    async with context.uow() as uow:
        campaigns = list(await announcing.visible_campaigns(uow, context.actor))
    manager = can(context.actor, Action.MANAGE_CAMPAIGNS)
    pages = max(1, -(-len(campaigns) // PAGE_SIZE))
    page = min(max(page, 0), pages - 1)
    shown = campaigns[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
    if not campaigns:
        text = t("campaigns-empty-manager" if manager else "campaigns-empty")
    else:
        text = t("campaigns-title", count=len(campaigns), page=page + 1, pages=pages)
    keyboard: list[list[InlineKeyboardButton]] = []
    for campaign in shown:
        label = f"{STATUS_ICONS[campaign.status]} {campaign.name or t.label('untitled')}"
        keyboard.append([button(label, AREA, "open", campaign.id)])
    nav = []
    if page > 0:
        nav.append(button("◀️", AREA, "list", page - 1))
    if page + 1 < pages:
        nav.append(button("▶️", AREA, "list", page + 1))
    if nav:
        keyboard.append(nav)
    if manager:
        keyboard.append([button(t.label("new-campaign-button"), AREA, "new")])
    return Screen(text, keyboard)


async def list_campaigns(update: Update, context: TandemContext) -> None:
    """/campaigns."""
    require(context.actor, Action.VIEW_CAMPAIGNS)
    await show(update, await _list_screen(context, 0))


async def list_page(update: Update, context: TandemContext, cb: Callback) -> None:
    await show(update, await _list_screen(context, cb.int_arg(0)))


async def new_from_list(update: Update, context: TandemContext, cb: Callback) -> None:
    await new_campaign(update, context)


async def open_campaign(update: Update, context: TandemContext, cb: Callback) -> None:
    """Managers get the card; recipients the announcement itself; team leads the figures of
    their team."""
    campaign_id = cb.int_arg(0)
    if can(context.actor, Action.MANAGE_CAMPAIGNS):
        await _show_card(update, context, campaign_id)
        return
    from handlers.campaigns import recipient as announcements

    async with context.uow() as uow:
        recipient = await announcing.is_recipient(uow, context.actor, campaign_id)
    if recipient:
        await announcements.resend(update, context, campaign_id)
    if can(context.actor, Action.VIEW_TEAM_FIGURES):
        await _send_figures(update, context, campaign_id, quiet=recipient)
    elif not recipient:
        raise Forbidden()


async def _send_figures(
    update: Update, context: TandemContext, campaign_id: int, *, quiet: bool
) -> None:
    """A team lead's figures for their team, as a new message. ``quiet``: a lead who also
    received the campaign but has no team members among its recipients just sees it."""
    t = context.t
    try:
        async with context.uow() as uow:
            campaign, result = await announcing.campaign_figures(uow, context.actor, campaign_id)
            teams = {team.id: team for team in await uow.teams.all()}
    except Forbidden:
        if quiet:
            return
        raise
    text = figures_text(t, campaign, result, teams, team_only=True)
    keyboard = [[button(t.label("refresh-button"), AREA, "fig", campaign_id)]]
    await send_new(update, Screen(_fit(text), keyboard))


VERBS = {
    "list": list_page,
    "new": new_from_list,
    "open": open_campaign,
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
    "when": when_menu,
    "now": send_now,
    "days": days_before,
    "type": type_when,
    "exact": exact_moment,
    "eachlocal": each_local,
    "go": go,
    "unsch": unschedule,
    "drop": discard,
    "dropok": discard_confirmed,
    "fig": figures,
    "upd": update_prompt,
    "kill": cancel_prompt,
}
