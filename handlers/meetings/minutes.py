"""After the meeting: attendance, decisions and action items, the minutes sent to everyone;
/actions and the owner's ✅ Done."""

from __future__ import annotations

from telegram import InlineKeyboardButton, Update

from domain.meetings import minutes, queries
from domain.meetings.flows import Minute, Recording
from domain.meetings.minutes import MinutePrompt, MinutesView
from domain.meetings.queries import ActionList
from handlers.kit.callbacks import Callback, button
from handlers.kit.context import TandemContext
from handlers.kit.i18n import Translator, escape
from handlers.kit.routing import tell_left_behind
from handlers.kit.screens import Screen, send_new, show
from handlers.kit.text import clip, excerpt, fit
from handlers.meetings.views import AREA, action_line, header

NAME = 24


def minutes_screen(t: Translator, view: MinutesView) -> Screen:
    meeting, mid = view.meeting, view.meeting.id
    present = [view.people[p.person_id] for p in view.participants if p.attended]
    lines = [
        header(t, meeting),
        "",
        t("meeting-attendance", count=len(present), total=len(view.participants)),
    ]
    if view.decisions:
        lines += ["", t("meeting-decisions-title")]
        lines += [f"{n}. {escape(clip(d.text, 400))}" for n, d in enumerate(view.decisions, 1)]
    if view.actions:
        lines += ["", t("meeting-actions-title")]
        lines += [action_line(t, a, view.people.get(a.owner_id)) for a in view.actions]
    if meeting.minutes_sent_at is not None:
        lines += ["", t("meeting-minutes-sent-line")]
    keyboard: list[list[InlineKeyboardButton]] = []
    ticks = [
        button(
            ("✅ " if p.attended else "▫️ ") + excerpt(view.people[p.person_id].full_name, NAME),
            AREA,
            "att",
            mid,
            p.person_id,
        )
        for p in view.participants
        if p.person_id in view.people
    ]
    keyboard += [ticks[i : i + 2] for i in range(0, len(ticks), 2)]
    keyboard.append(
        [
            button(t.label("meeting-decision-button"), AREA, "dec", mid),
            button(t.label("meeting-action-button"), AREA, "act", mid),
        ]
    )
    if meeting.minutes_sent_at is None:
        keyboard.append([button(t.label("meeting-minutes-send-button"), AREA, "minsend", mid)])
    return Screen(fit("\n".join(lines)), keyboard)


async def open_minutes(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        view = await minutes.open_minutes(
            uow, actor=context.actor, meeting_id=cb.int_arg(0), now=context.now
        )
    await send_new(update, minutes_screen(context.t, view))


async def toggle_attended(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        view = await minutes.toggle_attended(
            uow,
            actor=context.actor,
            meeting_id=cb.int_arg(0),
            person_id=cb.int_arg(1),
            now=context.now,
        )
    await show(update, minutes_screen(context.t, view))


async def _prompted(update: Update, context: TandemContext, prompt: MinutePrompt) -> None:
    t, state = context.t, prompt.state
    await tell_left_behind(context, prompt.previous, state)
    if state.step is Minute.ACTION_OWNER:
        people = [
            prompt.view.people[p.person_id]
            for p in prompt.view.participants
            if p.person_id in prompt.view.people
        ]
        keyboard = [[button(p.full_name, AREA, "own", state.meeting_id, p.id)] for p in people]
        await send_new(update, Screen(t("meeting-ask-owner"), keyboard))
        return
    await send_new(update, Screen(t(f"meeting-ask-{state.step.value.replace('_', '-')}")))


async def begin_decision(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        prompt = await minutes.begin(
            uow,
            actor=context.actor,
            meeting_id=cb.int_arg(0),
            step=Minute.DECISION,
            now=context.now,
        )
    await _prompted(update, context, prompt)


async def begin_action(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        prompt = await minutes.begin(
            uow,
            actor=context.actor,
            meeting_id=cb.int_arg(0),
            step=Minute.ACTION_TEXT,
            now=context.now,
        )
    await _prompted(update, context, prompt)


async def typed(update: Update, context: TandemContext, state: Recording, text: str) -> None:
    async with context.uow() as uow:
        result = await minutes.typed(
            uow, actor=context.actor, state=state, text=text, now=context.now
        )
    if isinstance(result, MinutePrompt):
        await _prompted(update, context, result)
        return
    context.wake_outbox()
    await send_new(update, minutes_screen(context.t, result))


async def choose_owner(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        prompt = await minutes.choose_owner(
            uow,
            actor=context.actor,
            meeting_id=cb.int_arg(0),
            person_id=cb.int_arg(1),
            now=context.now,
        )
    await _prompted(update, context, prompt)


async def send_minutes(update: Update, context: TandemContext, cb: Callback) -> str:
    async with context.uow() as uow:
        view = await minutes.send_minutes(
            uow, actor=context.actor, meeting_id=cb.int_arg(0), now=context.now
        )
    context.wake_outbox()
    await show(update, minutes_screen(context.t, view))
    return context.t.label("meeting-minutes-sent-toast")


# --- action items ---------------------------------------------------------------------------


def actions_screen(t: Translator, found: ActionList) -> Screen:
    lines = [t("actions-title")]
    keyboard: list[list[InlineKeyboardButton]] = []
    if not found.mine and not found.organised:
        lines.append(t("actions-none"))
    if found.mine:
        lines.append(t("actions-mine"))
    for number, item in enumerate(found.mine, 1):
        meeting = found.meetings[item.meeting_id]
        lines.append(
            f"{number}. " + action_line(t, item) + f" · {escape(excerpt(meeting.title, 40))}"
        )
        keyboard.append(
            [button(t.label("actions-done-button", number=number), AREA, "done", item.id)]
        )
    if found.organised:
        lines += ["", t("actions-organised")]
        for item in found.organised:
            lines.append(action_line(t, item, found.owners.get(item.owner_id)))
    return Screen(fit("\n".join(lines)), keyboard)


async def list_actions(update: Update, context: TandemContext) -> None:
    """/actions: my open items (✅ Done), and those of the meetings I organise."""
    async with context.uow() as uow:
        found = await queries.actions_of(uow, actor=context.actor)
    await show(update, actions_screen(context.t, found))


async def actions_button(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        found = await queries.actions_of(uow, actor=context.actor)
    await send_new(update, actions_screen(context.t, found))


async def done(update: Update, context: TandemContext, cb: Callback) -> str:
    t = context.t
    async with context.uow() as uow:
        result = await minutes.mark_done(
            uow, actor=context.actor, action_id=cb.int_arg(0), now=context.now
        )
    await show(update, Screen(t("meeting-action-done", text=clip(result.item.text, 300))))
    return t.label("meeting-action-done-toast" if result.first else "meeting-action-done-again")


VERBS = {
    "min": open_minutes,
    "att": toggle_attended,
    "dec": begin_decision,
    "act": begin_action,
    "own": choose_owner,
    "minsend": send_minutes,
    "acts": actions_button,
    "done": done,
}
