"""Taking part: /meetings, opening a meeting, RSVP under the invitation, the slot poll (and the
organiser's pick), agenda topics by text or voice, and the agenda itself."""

from __future__ import annotations

from telegram import InlineKeyboardButton, Message, Update

from domain.meetings import queries, responding, sending
from domain.meetings.flows import AddingTopic
from domain.meetings.model import Status
from domain.meetings.participants import Rsvp
from domain.meetings.polls import Answer
from domain.meetings.queries import DraftCard, MeetingList
from handlers.kit.callbacks import Callback, CallbackDataError, button
from handlers.kit.context import TandemContext
from handlers.kit.i18n import Translator, escape
from handlers.kit.routing import tell_left_behind
from handlers.kit.screens import Screen, reply, send_new, show
from handlers.kit.text import excerpt, fit
from handlers.meetings.cards import invitation_screen, meeting_screen
from handlers.meetings.views import (
    ANSWER_CODES,
    AREA,
    ICONS,
    RSVP_ICONS,
    agenda_lines,
    draft_screen,
    header,
    short_when,
)

RSVP_CODES = {"y": Rsvp.YES, "m": Rsvp.MAYBE, "n": Rsvp.NO}
LINE = 60


def list_screen(t: Translator, found: MeetingList) -> Screen:
    viewer = found.viewer
    lines = [t("meetings-title")]
    keyboard: list[list[InlineKeyboardButton]] = []
    if found.upcoming:
        lines.append(t("meetings-upcoming"))
    for item in found.upcoming:
        meeting = item.meeting
        moment = (
            short_when(t, meeting.starts_at, viewer.timezone)
            if meeting.starts_at
            else t.label("meetings-poll-open")
        )
        answer = RSVP_ICONS[item.mine.rsvp] if item.mine and item.mine.rsvp else "▫️"
        if meeting.organiser_id == viewer.id:
            answer = "👤"
        label = f"{ICONS[meeting.status]} {moment} · {excerpt(meeting.title, 30)}"
        lines.append(f"{answer} {escape(label)}")
        keyboard.append([button(excerpt(label, LINE), AREA, "open", meeting.id)])
    if not found.upcoming:
        lines.append(t("meetings-none"))
    if found.past:
        lines += ["", t("meetings-past")]
        for meeting in found.past:
            assert meeting.starts_at is not None
            moment = short_when(t, meeting.starts_at, viewer.timezone)
            mark = "📄" if meeting.minutes_sent_at else "▫️"
            label = f"{mark} {moment} · {excerpt(meeting.title, 30)}"
            lines.append(escape(label))
            keyboard.append([button(excerpt(label, LINE), AREA, "open", meeting.id)])
    for draft in found.drafts:
        label = "📝 " + excerpt(draft.title or t.label("meeting-untitled"), 40)
        keyboard.append([button(label, AREA, "card", draft.id)])
    if found.may_schedule:
        keyboard.append([button(t.label("meetings-new-button"), AREA, "new")])
    keyboard.append([button(t.label("meetings-actions-button"), AREA, "acts")])
    return Screen(fit("\n".join(lines)), keyboard)


async def list_meetings(update: Update, context: TandemContext) -> None:
    """/meetings: upcoming ones with the reader's time and RSVP, past ones with minutes."""
    async with context.uow() as uow:
        found = await queries.meetings_of(uow, actor=context.actor, now=context.now)
    await show(update, list_screen(context.t, found))


async def open_meeting(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        result = await queries.view(uow, actor=context.actor, meeting_id=cb.int_arg(0))
    if isinstance(result, DraftCard):
        await show(update, draft_screen(context.t, result))
        return
    await send_new(update, meeting_screen(context.t, result, context.now))


async def _edit_pressed(update: Update, screen: Screen) -> None:
    """Redraw the message whose button was pressed (the invitation or the poll)."""
    query = update.callback_query
    if query is not None and isinstance(query.message, Message):
        await show(update, screen)


async def answer_rsvp(update: Update, context: TandemContext, cb: Callback) -> str:
    rsvp = RSVP_CODES.get(cb.str_arg(1))
    if rsvp is None:
        raise CallbackDataError(cb.str_arg(1))
    async with context.uow() as uow:
        view = await responding.rsvp(
            uow, actor=context.actor, meeting_id=cb.int_arg(0), answer=rsvp, now=context.now
        )
    await show(update, invitation_screen(context.t, view, context.now))
    return context.t.label(f"meeting-rsvp-{rsvp.value}-toast")


async def vote(update: Update, context: TandemContext, cb: Callback) -> str:
    code = cb.str_arg(2)
    if code not in ANSWER_CODES:
        raise CallbackDataError(code)
    async with context.uow() as uow:
        view = await sending.vote(
            uow,
            actor=context.actor,
            meeting_id=cb.int_arg(0),
            slot_id=cb.int_arg(1),
            answer=Answer(ANSWER_CODES[code]),
            now=context.now,
        )
    await _edit_pressed(update, meeting_screen(context.t, view, context.now))
    return context.t.label("meeting-vote-saved")


async def vote_all(update: Update, context: TandemContext, cb: Callback) -> str:
    async with context.uow() as uow:
        view = await sending.vote_all(
            uow, actor=context.actor, meeting_id=cb.int_arg(0), answer=Answer.YES, now=context.now
        )
    await _edit_pressed(update, meeting_screen(context.t, view, context.now))
    return context.t.label("meeting-vote-saved")


async def pick(update: Update, context: TandemContext, cb: Callback) -> str:
    async with context.uow() as uow:
        view = await sending.pick(
            uow,
            actor=context.actor,
            meeting_id=cb.int_arg(0),
            slot_id=cb.int_arg(1),
            now=context.now,
        )
    context.wake_outbox()
    await show(update, meeting_screen(context.t, view, context.now))
    return context.t.label("meeting-picked-toast")


# --- the agenda ------------------------------------------------------------------------------


async def begin_topic(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        prompt = await responding.begin_topic(
            uow, actor=context.actor, meeting_id=cb.int_arg(0), now=context.now
        )
    await tell_left_behind(context, prompt.previous, prompt.state)
    await send_new(update, Screen(context.t("meeting-ask-topic", title=prompt.meeting.title)))


async def topic_typed(
    update: Update, context: TandemContext, state: AddingTopic, text: str
) -> None:
    async with context.uow() as uow:
        added = await responding.add_topic(
            uow, actor=context.actor, state=state, text=text, now=context.now
        )
    await _topic_added(update, context, added)


async def topic_voice(update: Update, context: TandemContext, state: AddingTopic) -> None:
    message = update.effective_message
    assert message is not None
    if message.voice is None:
        await reply(update, context.t("meeting-topic-voice-only"))
        return
    async with context.uow() as uow:
        added = await responding.add_topic(
            uow,
            actor=context.actor,
            state=state,
            text=message.caption,
            voice_file_id=message.voice.file_id,
            now=context.now,
        )
    await _topic_added(update, context, added)


async def _topic_added(
    update: Update, context: TandemContext, added: responding.TopicAdded
) -> None:
    t = context.t
    keyboard = [[button(t.label("meeting-agenda-button"), AREA, "agenda", added.meeting.id)]]
    await send_new(update, Screen(t("meeting-topic-saved", count=added.count), keyboard))


def agenda_screen(t: Translator, view: responding.AgendaView) -> Screen:
    meeting = view.meeting
    lines = [header(t, meeting), "", *agenda_lines(t, view.agenda)]
    keyboard: list[list[InlineKeyboardButton]] = []
    for number, topic in enumerate(view.agenda.topics, 1):
        row = []
        if topic.voice_file_id:
            row.append(button(f"🎤 {number}", AREA, "voice", meeting.id, topic.id))
        if view.manages and meeting.status is not Status.CANCELLED:
            if number > 1:
                row.append(button(f"⬆️ {number}", AREA, "up", meeting.id, topic.id))
            row.append(button(f"✖️ {number}", AREA, "tdrop", meeting.id, topic.id))
        if row:
            keyboard.append(row)
    keyboard.append([button(t.label("meeting-add-topic-button"), AREA, "topic", meeting.id)])
    return Screen(fit("\n".join(lines)), keyboard)


async def show_agenda(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        view = await responding.agenda(uow, actor=context.actor, meeting_id=cb.int_arg(0))
    await send_new(update, agenda_screen(context.t, view))


async def move_up(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        view = await responding.move_topic(
            uow,
            actor=context.actor,
            meeting_id=cb.int_arg(0),
            topic_id=cb.int_arg(1),
            now=context.now,
        )
    await show(update, agenda_screen(context.t, view))


async def drop(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        view = await responding.drop_topic(
            uow,
            actor=context.actor,
            meeting_id=cb.int_arg(0),
            topic_id=cb.int_arg(1),
            now=context.now,
        )
    await show(update, agenda_screen(context.t, view))


async def play_voice(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        file_id = await responding.topic_voice(
            uow, actor=context.actor, meeting_id=cb.int_arg(0), topic_id=cb.int_arg(1)
        )
    await context.bot.send_voice(context.actor.telegram_id, file_id)


VERBS = {
    "open": open_meeting,
    "rsvp": answer_rsvp,
    "vote": vote,
    "voteall": vote_all,
    "pick": pick,
    "topic": begin_topic,
    "agenda": show_agenda,
    "up": move_up,
    "tdrop": drop,
    "voice": play_voice,
}
