"""The organiser drafts a meeting: /newmeeting and its wizard, fields from the draft's card,
the campaign card's **Schedule the presentation**, sending, reminders and discarding."""

from __future__ import annotations

from typing import Any

from telegram import InlineKeyboardButton, Update

from domain.meetings import audience, drafting, presentations, scheduling, sending
from domain.meetings.audience import PeopleFound
from domain.meetings.drafting import TopicAdded
from domain.meetings.flows import Drafting, Step
from domain.meetings.model import DURATIONS, REMINDER_PRESETS, Kind, Recurrence
from domain.meetings.queries import DraftCard
from domain.meetings.scheduling import SlotAdded
from domain.meetings.wizard import Asked, Prompt
from handlers.kit.audience import AUDIENCE_VERBS, MORE_VERB, audience_change, audience_more
from handlers.kit.callbacks import Callback, CallbackDataError, button
from handlers.kit.context import TandemContext
from handlers.kit.i18n import Translator
from handlers.kit.routing import tell_left_behind
from handlers.kit.screens import Screen, reply, send_new, show
from handlers.meetings.cards import meeting_screen
from handlers.meetings.views import (
    AREA,
    draft_screen,
    kind_buttons,
    participants_screen,
    short_when,
    step_prefix,
)

EDITABLE = {
    "title": Step.TITLE,
    "when": Step.WHEN,
    "duration": Step.DURATION,
    "place": Step.PLACE,
    "repeat": Step.REPEAT,
    "participants": Step.PARTICIPANTS,
    "agenda": Step.AGENDA,
}


def _buttons(t: Translator, prompt: Prompt) -> list[list[InlineKeyboardButton]]:
    state, mid = prompt.state, prompt.state.meeting_id
    step = state.step
    if step is Step.KIND:
        if prompt.campaigns:
            return [[button(name, AREA, "camp", mid, cid)] for cid, name in prompt.campaigns]
        return kind_buttons(t, mid)
    if step is Step.WHEN:
        return [
            [button(t.label("meeting-when-time-button"), AREA, "when", mid, "t")],
            [button(t.label("meeting-when-poll-button"), AREA, "when", mid, "p")],
        ]
    if step is Step.SLOTS:
        return [[button(t.label("done-button"), AREA, "slotsok", mid)]]
    if step is Step.DURATION:
        labels = [
            button(t.label("meeting-minutes-short", minutes=m), AREA, "dur", mid, m)
            for m in DURATIONS
        ]
        return [labels[i : i + 3] for i in range(0, len(labels), 3)]
    if step is Step.PLACE:
        return [[button(t.label("meeting-no-place-button"), AREA, "noplace", mid)]]
    if step is Step.REPEAT:
        return [
            [button(t.label(f"meeting-repeat-{r.value}"), AREA, "rep", mid, r.value)]
            for r in Recurrence
        ]
    if step is Step.AGENDA:
        return [[button(t.label("done-button"), AREA, "agok", mid)]]
    return []


def prompt_screen(t: Translator, prompt: Prompt) -> Screen:
    state = prompt.state
    if prompt.choice is not None and state.step is Step.PARTICIPANTS:
        return participants_screen(t, prompt.choice)
    keyboard = _buttons(t, prompt)
    if state.wizard and state.step is not Step.TITLE:
        keyboard.append([button(t.label("wizard-later-button"), AREA, "card", state.meeting_id)])
    zone = prompt.meeting.zone
    text = t(f"meeting-ask-{state.step.value}", zone=zone)
    if prompt.campaigns:
        text = t("meeting-ask-campaign")
    if state.step is Step.SLOTS and prompt.slots:
        text += "\n" + "\n".join(f"• {short_when(t, s, zone)}" for s in prompt.slots)
    return Screen(step_prefix(t, state.position) + text, keyboard)


async def asked(update: Update, context: TandemContext, result: Asked | DraftCard) -> None:
    if isinstance(result, DraftCard):
        await send_new(update, draft_screen(context.t, result))
        return
    await tell_left_behind(context, result.previous, result.prompt.state)
    await send_new(update, prompt_screen(context.t, result.prompt))


# --- the wizard ------------------------------------------------------------------------------


async def new_meeting(update: Update, context: TandemContext) -> None:
    """/newmeeting: a new draft, saved at every step."""
    async with context.uow() as uow:
        result = await drafting.start(uow, actor=context.actor, now=context.now)
    await asked(update, context, result)


async def new_from_button(update: Update, context: TandemContext, cb: Callback) -> None:
    await new_meeting(update, context)


async def presentation(update: Update, context: TandemContext, cb: Callback) -> None:
    """**Schedule the presentation** on a campaign's card."""
    async with context.uow() as uow:
        result = await presentations.start_presentation(
            uow, actor=context.actor, campaign_id=cb.int_arg(0), now=context.now
        )
    await asked(update, context, result)


async def typed(update: Update, context: TandemContext, state: Drafting, text: str) -> None:
    t = context.t
    async with context.uow() as uow:
        result = await drafting.answer(
            uow, actor=context.actor, state=state, text=text, now=context.now
        )
    mid = state.meeting_id
    if isinstance(result, SlotAdded):
        lines = [f"• {short_when(t, s, result.zone)}" for s in result.slots]
        keyboard = [[button(t.label("done-button"), AREA, "slotsok", mid)]]
        await send_new(
            update,
            Screen(
                t("meeting-slot-added", count=len(result.slots)) + "\n" + "\n".join(lines), keyboard
            ),
        )
    elif isinstance(result, TopicAdded):
        keyboard = [[button(t.label("done-button"), AREA, "agok", mid)]]
        await send_new(update, Screen(t("meeting-topic-added", count=result.count), keyboard))
    elif isinstance(result, PeopleFound):
        await _found(update, context, result)
    else:
        await asked(update, context, result)


async def _found(update: Update, context: TandemContext, found: PeopleFound) -> None:
    t = context.t
    if not found.found:
        await reply(update, t("meeting-nobody-found", query=found.query))
        return
    keyboard = [[button(p.full_name, AREA, "pers", found.meeting_id, p.id)] for p in found.found]
    keyboard.append([button(t.label("done-button"), AREA, "partok", found.meeting_id)])
    await send_new(update, Screen(t("meeting-people-found", count=len(found.found)), keyboard))


async def text_expected(update: Update, context: TandemContext, state: Any) -> None:
    await reply(update, context.t("text-expected-here"))


async def continue_draft(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        result = await drafting.resume(
            uow, actor=context.actor, meeting_id=cb.int_arg(0), now=context.now
        )
    await asked(update, context, result)


async def edit_field(update: Update, context: TandemContext, cb: Callback) -> None:
    step = EDITABLE.get(cb.str_arg(1))
    if step is None:
        raise CallbackDataError(cb.str_arg(1))
    async with context.uow() as uow:
        result = await drafting.ask(
            uow, actor=context.actor, meeting_id=cb.int_arg(0), step=step, now=context.now
        )
    await asked(update, context, result)


async def choose_kind(update: Update, context: TandemContext, cb: Callback) -> None:
    raw = cb.str_arg(1)
    if raw not in set(Kind):
        raise CallbackDataError(raw)
    async with context.uow() as uow:
        result = await presentations.choose_kind(
            uow, actor=context.actor, meeting_id=cb.int_arg(0), kind=Kind(raw), now=context.now
        )
    await asked(update, context, result)


async def choose_campaign(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        result = await presentations.choose_campaign(
            uow,
            actor=context.actor,
            meeting_id=cb.int_arg(0),
            campaign_id=cb.int_arg(1),
            now=context.now,
        )
    await asked(update, context, result)


async def choose_when(update: Update, context: TandemContext, cb: Callback) -> None:
    mode = cb.str_arg(1)
    if mode not in ("t", "p"):
        raise CallbackDataError(mode)
    async with context.uow() as uow:
        result = await scheduling.choose_when(
            uow, actor=context.actor, meeting_id=cb.int_arg(0), poll=mode == "p", now=context.now
        )
    await asked(update, context, result)


async def slots_done(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        result = await scheduling.finish_slots(
            uow, actor=context.actor, meeting_id=cb.int_arg(0), now=context.now
        )
    await asked(update, context, result)


async def choose_duration(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        result = await drafting.choose_duration(
            uow,
            actor=context.actor,
            meeting_id=cb.int_arg(0),
            minutes=cb.int_arg(1),
            now=context.now,
        )
    await asked(update, context, result)


async def no_place(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        result = await drafting.skip_place(
            uow, actor=context.actor, meeting_id=cb.int_arg(0), now=context.now
        )
    await asked(update, context, result)


async def choose_repeat(update: Update, context: TandemContext, cb: Callback) -> None:
    raw = cb.str_arg(1)
    if raw not in set(Recurrence):
        raise CallbackDataError(raw)
    async with context.uow() as uow:
        result = await scheduling.choose_repeat(
            uow,
            actor=context.actor,
            meeting_id=cb.int_arg(0),
            recurrence=Recurrence(raw),
            now=context.now,
        )
    await asked(update, context, result)


async def toggle(update: Update, context: TandemContext, cb: Callback) -> None:
    """A tick in the participants picker: all reps, a team, a role or a named person."""
    change = {"person_id": cb.int_arg(1)} if cb.verb == "pers" else audience_change(cb)
    async with context.uow() as uow:
        choice = await audience.toggle_participants(
            uow, actor=context.actor, meeting_id=cb.int_arg(0), now=context.now, **change
        )
    await show(update, participants_screen(context.t, choice, more=audience_more(cb)))


async def find_person(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        result = await audience.find_people(
            uow, actor=context.actor, meeting_id=cb.int_arg(0), now=context.now
        )
    await asked(update, context, result)


async def participants_done(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        result = await audience.finish_participants(
            uow, actor=context.actor, meeting_id=cb.int_arg(0), now=context.now
        )
    await asked(update, context, result)


async def agenda_done(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        card = await drafting.finish_agenda(
            uow, actor=context.actor, meeting_id=cb.int_arg(0), now=context.now
        )
    await send_new(update, draft_screen(context.t, card))


async def open_card(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        card = await drafting.card(uow, actor=context.actor, meeting_id=cb.int_arg(0))
    await show(update, draft_screen(context.t, card))


# --- reminders, sending, discarding ----------------------------------------------------------


async def reminders_menu(update: Update, context: TandemContext, cb: Callback) -> None:
    t, mid = context.t, cb.int_arg(0)
    keyboard = [
        [button(t.label(f"meeting-reminders-{name}"), AREA, "rem", mid, name)]
        for name in REMINDER_PRESETS
    ]
    await send_new(update, Screen(t("meeting-reminders-prompt"), keyboard))


async def set_reminders(update: Update, context: TandemContext, cb: Callback) -> str:
    preset = cb.str_arg(1)
    if preset not in REMINDER_PRESETS:
        raise CallbackDataError(preset)
    async with context.uow() as uow:
        await drafting.set_reminders(
            uow, actor=context.actor, meeting_id=cb.int_arg(0), preset=preset, now=context.now
        )
    await show(update, Screen(context.t("meeting-reminders-set")))
    return context.t.label("saved")


async def send(update: Update, context: TandemContext, cb: Callback) -> str:
    t = context.t
    async with context.uow() as uow:
        sent = await sending.send(
            uow, actor=context.actor, meeting_id=cb.int_arg(0), now=context.now
        )
    context.wake_outbox()
    key = "meeting-poll-sent" if sent.poll else "meeting-invitations-sent"
    await send_new(update, Screen(t(key, count=sent.recipients)))
    await send_new(update, meeting_screen(t, sent.view, context.now))
    return t.label("meeting-sent-toast")


async def discard(update: Update, context: TandemContext, cb: Callback) -> None:
    t, mid = context.t, cb.int_arg(0)
    async with context.uow() as uow:
        card = await drafting.card(uow, actor=context.actor, meeting_id=mid)
    keyboard = [
        [button(t.label("meeting-discard-confirm-button"), AREA, "dropok", mid)],
        [button(t.label("back-button"), AREA, "card", mid)],
    ]
    await show(
        update, Screen(t("meeting-discard-confirm", title=card.meeting.title or "—"), keyboard)
    )


async def discard_confirmed(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        await drafting.discard(uow, actor=context.actor, meeting_id=cb.int_arg(0), now=context.now)
    await show(update, Screen(context.t("meeting-discarded")))


VERBS = {
    "new": new_from_button,
    "pres": presentation,
    "card": open_card,
    "cont": continue_draft,
    "edit": edit_field,
    "kind": choose_kind,
    "camp": choose_campaign,
    "when": choose_when,
    "slotsok": slots_done,
    "dur": choose_duration,
    "noplace": no_place,
    "rep": choose_repeat,
    **dict.fromkeys((*AUDIENCE_VERBS, MORE_VERB), toggle),
    "pers": toggle,
    "who": find_person,
    "partok": participants_done,
    "agok": agenda_done,
    "rems": reminders_menu,
    "rem": set_reminders,
    "send": send,
    "drop": discard,
    "dropok": discard_confirmed,
}
