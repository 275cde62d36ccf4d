"""Briefing requests: the marketer builds, sends and reads them; reps answer on the phone."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardButton, Update

from bot.i18n import Markup, Translator, escape
from broadcast import Delivery, OutgoingMessage
from domain import briefing_cases
from domain.briefings import Answer, AnswerKind, Briefing, BriefingStatus, parse_options
from domain.dates import parse_local_datetime
from domain.errors import InvalidInput
from domain.people import Person, Team
from domain.timezones import to_local
from handlers.callbacks import Callback, CallbackDataError, button
from handlers.campaign_views import AREA as CAMPAIGN_AREA
from handlers.campaign_views import (
    AUDIENCE_VERBS,
    audience_change,
    audience_keyboard,
    audience_text,
)
from handlers.context import Services, TandemContext
from handlers.exports import Format, send_table
from handlers.routing import current_flow, end_flow, start_flow
from handlers.screens import Screen, reply, send_new, show
from handlers.textsplit import split_html
from storage.flows import Flow
from storage.uow import unit_of_work

AREA = "brf"
FLOW = "briefing"
QUICK_DEADLINE_DAYS = (3, 7)
DEADLINE_LOCAL_TIME = time(18, 0)
ANSWERS_SHOWN = 30
MEDIA_KINDS = (AnswerKind.PHOTO, AnswerKind.VOICE, AnswerKind.DOCUMENT)


def _fit(text: str) -> str:
    parts = split_html(text)
    return parts[0] if len(parts) == 1 else parts[0].rstrip() + "\n…"


# --- the marketer's side ---------------------------------------------------------------------


async def list_for_campaign(update: Update, context: TandemContext, cb: Callback) -> None:
    campaign_id = cb.int_arg(0)
    t = context.t
    async with context.uow() as uow:
        briefings = await briefing_cases.for_campaign(uow, context.actor, campaign_id)
        campaign = await uow.campaigns.get(campaign_id)
    assert campaign is not None
    keyboard = [
        [
            button(
                t.label(
                    "briefing-list-item",
                    number=str(b.id),
                    status=t.label(f"briefing-status-{_status(b, context.now).value}"),
                    questions=len(b.questions),
                ),
                AREA,
                "open",
                b.id,
            )
        ]
        for b in briefings
    ]
    keyboard.append([button(t.label("briefing-new-button"), AREA, "new", campaign_id)])
    keyboard.append([button(t.label("back-button"), CAMPAIGN_AREA, "card", campaign_id)])
    text = t("briefing-list-title", name=campaign.name or "—", count=len(briefings))
    await show(update, Screen(text, keyboard))


def _status(briefing: Briefing, now: datetime) -> BriefingStatus:
    """Sent and past its deadline reads as closed."""
    if briefing.status is BriefingStatus.SENT and not briefing.open_for_answers(now):
        return BriefingStatus.CLOSED
    return briefing.status


async def new_briefing(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        briefing = await briefing_cases.create(uow, context.actor, cb.int_arg(0), now=context.now)
    await start_flow(context, FLOW, "question", {"bid": briefing.id})
    await send_new(update, Screen(context.t("briefing-ask-question", number=1)))


def _question_lines(t: Translator, briefing: Briefing) -> list[str]:
    lines = []
    for q in briefing.questions:
        line = t("briefing-question-line", number=q.position, text=q.text)
        if q.options:
            line += "\n" + t("briefing-question-options", options=" / ".join(q.options))
        lines.append(line)
    return lines


async def _builder(context: TandemContext, briefing_id: int) -> Screen:
    t = context.t
    async with context.uow() as uow:
        briefing, campaign = await briefing_cases.manageable(uow, context.actor, briefing_id)
    if briefing.status is not BriefingStatus.DRAFT:
        return await _progress(context, briefing_id)
    deadline = t.datetime(briefing.deadline, context.actor.timezone) if briefing.deadline else "—"
    async with context.uow() as uow:
        reach = await briefing_cases.reach(uow, briefing, campaign)
    teams = await _teams(context)
    audience = briefing.audience if briefing.audience is not None else campaign.audience
    lines = [
        t("briefing-builder-title", name=campaign.name or "—"),
        t("briefing-deadline-line", deadline=deadline),
        audience_text(t, audience, teams, reach)
        + ("" if briefing.audience is not None else " " + t("briefing-audience-default")),
        "",
        *_question_lines(t, briefing),
    ]
    keyboard: list[list[InlineKeyboardButton]] = []
    for q in briefing.questions:
        keyboard.append(
            [
                button(
                    t.label("briefing-buttons-button", number=q.position),
                    AREA,
                    "opts",
                    briefing.id,
                    q.id,
                ),
                button(f"🗑 {q.position}", AREA, "delq", briefing.id, q.id),
            ]
        )
    keyboard.append(
        [
            button(t.label("briefing-add-question-button"), AREA, "addq", briefing.id),
            button(t.label("briefing-deadline-button"), AREA, "dl", briefing.id),
        ]
    )
    keyboard.append([button(t.label("edit-audience-button"), AREA, "aud", briefing.id)])
    keyboard.append(
        [
            button(t.label("preview-button"), AREA, "prev", briefing.id),
            button(t.label("briefing-send-button"), AREA, "send", briefing.id),
        ]
    )
    keyboard.append(
        [
            button(t.label("briefing-discard-button"), AREA, "drop", briefing.id),
            button(t.label("back-button"), AREA, "camp", briefing.campaign_id),
        ]
    )
    return Screen(_fit("\n".join(lines)), keyboard)


async def _audience_screen(context: TandemContext, briefing_id: int) -> Screen:
    t = context.t
    async with context.uow() as uow:
        briefing, campaign = await briefing_cases.manageable(uow, context.actor, briefing_id)
        reach = await briefing_cases.reach(uow, briefing, campaign)
    teams = await _teams(context)
    audience = briefing.audience if briefing.audience is not None else campaign.audience

    bid = briefing.id
    keyboard = audience_keyboard(t, audience, list(teams.values()), AREA, bid)
    if briefing.audience is not None:
        keyboard.append([button(t.label("briefing-audience-reset"), AREA, "aucamp", bid)])
    keyboard.append([button(t.label("done-button"), AREA, "open", bid)])
    text = t("briefing-audience-prompt") + "\n" + audience_text(t, audience, teams, reach)
    return Screen(text, keyboard)


async def audience_menu(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        await briefing_cases.draft(uow, context.actor, cb.int_arg(0))
    await show(update, await _audience_screen(context, cb.int_arg(0)))


async def _toggle(update: Update, context: TandemContext, briefing_id: int, **what: Any) -> None:
    async with context.uow() as uow:
        await briefing_cases.toggle_audience(uow, context.actor, briefing_id, **what)
    await show(update, await _audience_screen(context, briefing_id))


async def audience_toggle(update: Update, context: TandemContext, cb: Callback) -> None:
    await _toggle(update, context, cb.int_arg(0), **audience_change(cb))


async def audience_reset(update: Update, context: TandemContext, cb: Callback) -> None:
    async with context.uow() as uow:
        await briefing_cases.use_campaign_audience(uow, context.actor, cb.int_arg(0))
    await show(update, await _audience_screen(context, cb.int_arg(0)))


async def open_briefing(update: Update, context: TandemContext, cb: Callback) -> None:
    await end_flow(context)
    await show(update, await _builder(context, cb.int_arg(0)))


async def back_to_list(update: Update, context: TandemContext, cb: Callback) -> None:
    await list_for_campaign(update, context, cb)


async def add_question_prompt(update: Update, context: TandemContext, cb: Callback) -> None:
    briefing_id = cb.int_arg(0)
    async with context.uow() as uow:
        briefing = await briefing_cases.draft(uow, context.actor, briefing_id)
    await start_flow(context, FLOW, "question", {"bid": briefing_id})
    await send_new(
        update, Screen(context.t("briefing-ask-question", number=len(briefing.questions) + 1))
    )


async def options_prompt(update: Update, context: TandemContext, cb: Callback) -> None:
    briefing_id, question_id = cb.int_arg(0), cb.int_arg(1)
    async with context.uow() as uow:
        briefing = await briefing_cases.draft(uow, context.actor, briefing_id)
    question = briefing.question(question_id)
    if question is None:
        raise CallbackDataError(str(question_id))
    await start_flow(context, FLOW, "options", {"bid": briefing_id, "qid": question_id})
    keyboard = [
        [
            button(
                context.t.label("briefing-free-answer-button"),
                AREA,
                "free",
                briefing_id,
                question_id,
            )
        ]
    ]
    await send_new(
        update,
        Screen(context.t("briefing-ask-options", number=question.position), keyboard),
    )


async def free_answer(update: Update, context: TandemContext, cb: Callback) -> str | None:
    briefing_id, question_id = cb.int_arg(0), cb.int_arg(1)
    async with context.uow() as uow:
        await briefing_cases.set_options(uow, context.actor, briefing_id, question_id, ())
    await end_flow(context)
    await show(update, await _builder(context, briefing_id))
    return context.t.label("saved")


async def delete_question(update: Update, context: TandemContext, cb: Callback) -> str | None:
    briefing_id, question_id = cb.int_arg(0), cb.int_arg(1)
    async with context.uow() as uow:
        await briefing_cases.remove_question(uow, context.actor, briefing_id, question_id)
    await show(update, await _builder(context, briefing_id))
    return context.t.label("saved")


def _local_deadline(person: Person, now: datetime, days: int) -> datetime:
    local_day = to_local(now, person.timezone).date() + timedelta(days=days)
    moment = datetime.combine(local_day, DEADLINE_LOCAL_TIME, tzinfo=ZoneInfo(person.timezone))
    return moment.astimezone(now.tzinfo)


async def deadline_prompt(update: Update, context: TandemContext, cb: Callback) -> None:
    briefing_id = cb.int_arg(0)
    async with context.uow() as uow:
        await briefing_cases.draft(uow, context.actor, briefing_id)
    await start_flow(context, FLOW, "deadline", {"bid": briefing_id})
    t = context.t
    keyboard = [
        [button(t.label("briefing-deadline-days", days=days), AREA, "dld", briefing_id, days)]
        for days in QUICK_DEADLINE_DAYS
    ]
    await send_new(
        update, Screen(t("briefing-ask-deadline", zone=context.actor.timezone), keyboard)
    )


async def quick_deadline(update: Update, context: TandemContext, cb: Callback) -> str | None:
    briefing_id, days = cb.int_arg(0), cb.int_arg(1)
    if days not in QUICK_DEADLINE_DAYS:
        raise CallbackDataError(str(days))
    deadline = _local_deadline(context.actor, context.now, days)
    async with context.uow() as uow:
        await briefing_cases.set_deadline(
            uow, context.actor, briefing_id, deadline, now=context.now
        )
    await end_flow(context)
    await show(update, await _builder(context, briefing_id))
    return context.t.label("saved")


async def preview(update: Update, context: TandemContext, cb: Callback) -> str | None:
    briefing_id = cb.int_arg(0)
    async with context.uow() as uow:
        briefing, campaign = await briefing_cases.manageable(uow, context.actor, briefing_id)
    screen = request_screen(context.t, briefing, campaign.name, context.actor, preview=True)
    await send_new(update, screen)
    return context.t.label("preview-toast")


async def send_briefing(update: Update, context: TandemContext, cb: Callback) -> str | None:
    briefing_id = cb.int_arg(0)
    async with context.uow() as uow:
        count = await briefing_cases.send(uow, context.actor, briefing_id, now=context.now)
    context.services.broadcasts.wake()
    await show(update, await _progress(context, briefing_id))
    return context.t.label("briefing-sent-toast", count=count)


async def discard(update: Update, context: TandemContext, cb: Callback) -> str | None:
    briefing_id = cb.int_arg(0)
    async with context.uow() as uow:
        briefing, _ = await briefing_cases.manageable(uow, context.actor, briefing_id)
        await briefing_cases.discard(uow, context.actor, briefing_id)
    await end_flow(context)
    await list_for_campaign(update, context, Callback(AREA, "camp", (str(briefing.campaign_id),)))
    return context.t.label("saved")


async def typed_by_marketer(update: Update, context: TandemContext, flow: Flow, text: str) -> None:
    briefing_id = int(flow.data["bid"])
    async with context.uow() as uow:
        if flow.step == "question":
            await briefing_cases.add_question(
                uow, context.actor, briefing_id, text, now=context.now
            )
        elif flow.step == "options":
            await briefing_cases.set_options(
                uow, context.actor, briefing_id, int(flow.data["qid"]), parse_options(text)
            )
        elif flow.step == "deadline":
            local = parse_local_datetime(
                text, now_local=to_local(context.now, context.actor.timezone)
            )
            deadline = local.replace(tzinfo=ZoneInfo(context.actor.timezone)).astimezone(
                context.now.tzinfo
            )
            await briefing_cases.set_deadline(
                uow, context.actor, briefing_id, deadline, now=context.now
            )
    await end_flow(context)
    await send_new(update, await _builder(context, briefing_id))


# --- progress, answers, export ---------------------------------------------------------------


async def _teams(context: TandemContext) -> dict[int, Team]:
    async with context.uow() as uow:
        return {team.id: team for team in await uow.teams.all()}


async def _progress(context: TandemContext, briefing_id: int) -> Screen:
    t = context.t
    async with context.uow() as uow:
        result = await briefing_cases.summary(uow, context.actor, briefing_id)
    teams = await _teams(context)
    progress = result.progress
    percent = round(100 * progress.answered / progress.recipients) if progress.recipients else 0
    deadline = (
        t.datetime(result.briefing.deadline, context.actor.timezone)
        if result.briefing.deadline
        else "—"
    )
    lines = [
        t("briefing-progress-title", name=result.campaign.name),
        t("briefing-deadline-line", deadline=deadline),
        t(
            "briefing-progress-summary",
            answered=progress.answered,
            recipients=progress.recipients,
            percent=percent,
            partly=progress.partly,
        ),
    ]
    if len(progress.teams) > 1:
        lines.append("")
        for team in progress.teams:
            name = teams[team.team_id].name if team.team_id in teams else t.label("no-team")
            lines.append(
                t(
                    "briefing-team-line",
                    team=name,
                    answered=team.answered,
                    recipients=team.recipients,
                )
            )
    if progress.not_answered:
        lines += ["", t("briefing-not-yet", count=len(progress.not_answered))]
        lines.append(Markup(", ".join(escape(p.full_name) for p in progress.not_answered[:40])))
    keyboard = [
        [button(t.label("briefing-answers-button"), AREA, "ans", briefing_id, 0)],
        [
            button(t.label("briefing-csv-button"), AREA, "csv", briefing_id),
            button(t.label("briefing-xlsx-button"), AREA, "xlsx", briefing_id),
        ],
        [
            button(t.label("refresh-button"), AREA, "open", briefing_id),
            button(t.label("back-button"), AREA, "camp", result.briefing.campaign_id),
        ],
    ]
    return Screen(_fit("\n".join(lines)), keyboard)


def _answer_text(t: Translator, answer: Answer) -> str:
    if answer.kind in (AnswerKind.TEXT, AnswerKind.CHOICE):
        return answer.text or ""
    label = t.label(f"briefing-kind-{answer.kind.value}")
    return f"{label}{': ' + answer.text if answer.text else ''}"


async def answers_page(update: Update, context: TandemContext, cb: Callback) -> None:
    """The answers to one question (paged by question), with choice tallies."""
    briefing_id, index = cb.int_arg(0), cb.int_arg(1)
    t = context.t
    async with context.uow() as uow:
        result = await briefing_cases.summary(uow, context.actor, briefing_id)
    questions = result.briefing.questions
    if not questions:
        raise InvalidInput("error-briefing-no-questions")
    index = min(index, len(questions) - 1)
    question = questions[index]
    teams = await _teams(context)
    answers = [a for a in result.answers if a.question_id == question.id]
    lines = [
        t(
            "briefing-answers-title",
            number=question.position,
            total=len(questions),
            text=question.text,
        )
    ]
    if question.options:
        for option in question.options:
            count = sum(1 for a in answers if a.text == option)
            lines.append(t("briefing-tally-line", option=option, count=count))
        lines.append("")
    for answer in answers[:ANSWERS_SHOWN]:
        person = result.people.get(answer.person_id)
        team = teams.get(person.team_id) if person and person.team_id else None
        lines.append(
            t(
                "briefing-answer-line",
                name=person.full_name if person else "?",
                team=team.name if team else t.label("no-team"),
                answer=_answer_text(t, answer),
                changed=t.label("briefing-changed") if answer.changed else "",
            )
        )
    if not answers:
        lines.append(t("briefing-no-answers-yet"))
    elif len(answers) > ANSWERS_SHOWN:
        lines.append(t("and-more", count=len(answers) - ANSWERS_SHOWN))
    keyboard: list[list[InlineKeyboardButton]] = []
    media = [(kind, sum(1 for a in answers if a.kind is kind)) for kind in MEDIA_KINDS]
    media_row = [
        button(
            t.label(f"briefing-view-{kind.value}", count=count),
            AREA,
            "media",
            briefing_id,
            question.id,
            kind.value,
        )
        for kind, count in media
        if count
    ]
    if media_row:
        keyboard.append(media_row)
    nav = []
    if index > 0:
        nav.append(button("◀️", AREA, "ans", briefing_id, index - 1))
    if index + 1 < len(questions):
        nav.append(button("▶️", AREA, "ans", briefing_id, index + 1))
    if nav:
        keyboard.append(nav)
    keyboard.append([button(t.label("back-button"), AREA, "open", briefing_id)])
    await show(update, Screen(_fit("\n".join(lines)), keyboard))


async def send_media(update: Update, context: TandemContext, cb: Callback) -> str | None:
    """Photos, voice messages or documents given as answers, each captioned with who sent it."""
    briefing_id, question_id, raw_kind = cb.int_arg(0), cb.int_arg(1), cb.str_arg(2)
    try:
        kind = AnswerKind(raw_kind)
    except ValueError:
        raise CallbackDataError(raw_kind) from None
    async with context.uow() as uow:
        result = await briefing_cases.summary(uow, context.actor, briefing_id)
    chat_id = context.actor.telegram_id
    for answer in result.answers:
        if answer.question_id != question_id or answer.kind is not kind or not answer.file_id:
            continue
        person = result.people.get(answer.person_id)
        caption = escape(person.full_name if person else "?")
        if answer.text:
            caption += ": " + escape(answer.text)
        caption = caption[:1000]
        if kind is AnswerKind.PHOTO:
            await context.bot.send_photo(
                chat_id, answer.file_id, caption=caption, parse_mode="HTML"
            )
        elif kind is AnswerKind.VOICE:
            await context.bot.send_voice(
                chat_id, answer.file_id, caption=caption, parse_mode="HTML"
            )
        else:
            await context.bot.send_document(
                chat_id, answer.file_id, caption=caption, parse_mode="HTML"
            )
    return None


def export_rows(
    t: Translator, result: briefing_cases.Summary, teams: dict[int, Team]
) -> list[list[str]]:
    header = [
        t.label(f"briefing-col-{name}")
        for name in (
            "question-no",
            "question",
            "person",
            "team",
            "kind",
            "answer",
            "file",
            "answered-at",
            "changed",
        )
    ]
    rows = [header]
    questions = {q.id: q for q in result.briefing.questions}
    for answer in result.answers:
        question = questions[answer.question_id]
        person = result.people.get(answer.person_id)
        team = teams.get(person.team_id) if person and person.team_id else None
        rows.append(
            [
                str(question.position),
                question.text,
                person.full_name if person else "",
                team.name if team else "",
                answer.kind.value,
                answer.text or "",
                answer.file_name or answer.file_id or "",
                answer.answered_at.strftime("%Y-%m-%d %H:%M UTC"),
                "yes" if answer.changed else "",
            ]
        )
    return rows


async def export(update: Update, context: TandemContext, cb: Callback, fmt: Format) -> str | None:
    briefing_id = cb.int_arg(0)
    async with context.uow() as uow:
        result = await briefing_cases.summary(uow, context.actor, briefing_id)
    rows = export_rows(context.t, result, await _teams(context))
    await send_table(
        context.bot,
        context.actor.telegram_id,
        rows,
        fmt,
        name=f"briefing-{briefing_id}",
        sheet_title="Answers",
        caption=context.t("briefing-export-caption", count=len(rows) - 1),
    )
    return None


async def export_csv(update: Update, context: TandemContext, cb: Callback) -> str | None:
    return await export(update, context, cb, Format.CSV)


async def export_xlsx(update: Update, context: TandemContext, cb: Callback) -> str | None:
    return await export(update, context, cb, Format.XLSX)


# --- the rep's side --------------------------------------------------------------------------


def request_screen(
    t: Translator,
    briefing: Briefing,
    campaign_name: str,
    person: Person,
    *,
    preview: bool = False,
    answered: set[int] | None = None,
) -> Screen:
    answered = answered or set()
    deadline = t.datetime(briefing.deadline, person.timezone) if briefing.deadline else "—"
    lines = [
        t("briefing-request-title", name=campaign_name),
        t("briefing-request-intro", deadline=deadline),
        "",
        *_question_lines(t, briefing),
    ]
    verb_all, verb_one = ("pvall", "pvone") if preview else ("all", "one")
    keyboard = [[button(t.label("briefing-answer-all-button"), AREA, verb_all, briefing.id)]]
    row = [
        button(
            ("✅ " if q.id in answered else "✍️ ") + str(q.position),
            AREA,
            verb_one,
            briefing.id,
            q.id,
        )
        for q in briefing.questions
    ]
    keyboard += [row[i : i + 5] for i in range(0, len(row), 5)]
    return Screen("\n".join(lines), keyboard)


async def _ask(
    update: Update, context: TandemContext, briefing: Briefing, question_id: int, *, all_mode: bool
) -> None:
    t = context.t
    question = briefing.question(question_id)
    if question is None:
        raise CallbackDataError(str(question_id))
    async with context.uow() as uow:
        mine = await briefing_cases.own_answers(uow, context.actor, briefing.id)
    await start_flow(context, FLOW, f"answer:{question.id}", {"bid": briefing.id, "all": all_mode})
    lines = [
        t(
            "briefing-question-prompt",
            number=question.position,
            total=len(briefing.questions),
            text=question.text,
        )
    ]
    current = mine.get(question.id)
    if current is not None:
        lines.append(t("briefing-current-answer", answer=_answer_text(t, current)))
    keyboard: list[list[InlineKeyboardButton]] = []
    if question.options:
        keyboard = [
            [button(option, AREA, "pick", briefing.id, question.id, index)]
            for index, option in enumerate(question.options)
        ]
    else:
        lines.append(t("briefing-answer-how"))
    if all_mode:
        keyboard.append(
            [button(t.label("briefing-skip-button"), AREA, "skip", briefing.id, question.id)]
        )
    await send_new(update, Screen("\n".join(lines), keyboard))


async def answer_all(update: Update, context: TandemContext, cb: Callback) -> None:
    briefing_id = cb.int_arg(0)
    async with context.uow() as uow:
        briefing = await briefing_cases.as_recipient(uow, context.actor, briefing_id)
        if not briefing.open_for_answers(context.now):
            raise InvalidInput("error-briefing-closed")
        todo = await briefing_cases.unanswered(uow, briefing_id, context.actor.id)
    first = todo[0] if todo else briefing.questions[0].id
    await _ask(update, context, briefing, first, all_mode=True)


async def answer_one(update: Update, context: TandemContext, cb: Callback) -> None:
    briefing_id, question_id = cb.int_arg(0), cb.int_arg(1)
    async with context.uow() as uow:
        briefing = await briefing_cases.as_recipient(uow, context.actor, briefing_id)
    if not briefing.open_for_answers(context.now):
        raise InvalidInput("error-briefing-closed")
    await _ask(update, context, briefing, question_id, all_mode=False)


async def _after_answer(
    update: Update,
    context: TandemContext,
    briefing: Briefing,
    question_id: int,
    *,
    all_mode: bool,
    changed: bool,
    skipped: bool = False,
) -> None:
    t = context.t
    if all_mode:
        positions = [q.id for q in briefing.questions]
        following = positions[positions.index(question_id) + 1 :]
        if following:
            await _ask(update, context, briefing, following[0], all_mode=True)
            return
    await end_flow(context)
    async with context.uow() as uow:
        todo = await briefing_cases.unanswered(uow, briefing.id, context.actor.id)
    deadline = t.datetime(briefing.deadline, context.actor.timezone) if briefing.deadline else "—"
    if todo:
        if skipped:
            text = t("briefing-skipped", left=len(todo))
        else:
            text = t(
                "briefing-answer-saved",
                changed=t.label("briefing-changed") if changed else "",
                left=len(todo),
            )
        keyboard = [[button(t.label("briefing-answer-all-button"), AREA, "all", briefing.id)]]
        await send_new(update, Screen(text, keyboard))
    else:
        await reply(update, t("briefing-all-answered", deadline=deadline))


async def pick(update: Update, context: TandemContext, cb: Callback) -> str | None:
    briefing_id, question_id, index = cb.int_arg(0), cb.int_arg(1), cb.int_arg(2)
    async with context.uow() as uow:
        briefing = await briefing_cases.as_recipient(uow, context.actor, briefing_id)
        question = briefing.question(question_id)
        if question is None or index >= len(question.options):
            raise CallbackDataError(str(index))
        briefing, changed = await briefing_cases.answer(
            uow,
            context.actor,
            briefing_id,
            question_id,
            kind=AnswerKind.CHOICE,
            text=question.options[index],
            now=context.now,
        )
    flow = await current_flow(context, FLOW)
    all_mode = bool(flow and flow.data.get("all") and flow.data.get("bid") == briefing_id)
    await _after_answer(update, context, briefing, question_id, all_mode=all_mode, changed=changed)
    return context.t.label("saved")


async def skip(update: Update, context: TandemContext, cb: Callback) -> None:
    briefing_id, question_id = cb.int_arg(0), cb.int_arg(1)
    async with context.uow() as uow:
        briefing = await briefing_cases.as_recipient(uow, context.actor, briefing_id)
    await _after_answer(
        update, context, briefing, question_id, all_mode=True, changed=False, skipped=True
    )


async def preview_button(update: Update, context: TandemContext, cb: Callback) -> str | None:
    return context.t.label("preview-button-toast")


async def _save_answer(
    update: Update, context: TandemContext, flow: Flow, **answer: object
) -> None:
    if not flow.step.startswith("answer:"):
        raise InvalidInput("flow-lost")
    briefing_id, question_id = int(flow.data["bid"]), int(flow.step.split(":", 1)[1])
    async with context.uow() as uow:
        briefing, changed = await briefing_cases.answer(
            uow,
            context.actor,
            briefing_id,
            question_id,
            now=context.now,
            **answer,  # type: ignore[arg-type]
        )
    await _after_answer(
        update, context, briefing, question_id, all_mode=bool(flow.data.get("all")), changed=changed
    )


async def typed(update: Update, context: TandemContext, flow: Flow, text: str) -> None:
    """Typed text: a question, buttons or a deadline for a marketer; an answer for a rep."""
    if flow.step in ("question", "options", "deadline"):
        await typed_by_marketer(update, context, flow, text)
    else:
        await _save_answer(update, context, flow, kind=AnswerKind.TEXT, text=text)


async def received_media(update: Update, context: TandemContext, flow: Flow) -> None:
    message = update.effective_message
    assert message is not None
    caption = message.caption
    if message.photo:
        await _save_answer(
            update,
            context,
            flow,
            kind=AnswerKind.PHOTO,
            file_id=message.photo[-1].file_id,
            text=caption,
        )
    elif message.voice is not None:
        await _save_answer(
            update,
            context,
            flow,
            kind=AnswerKind.VOICE,
            file_id=message.voice.file_id,
            text=caption,
        )
    elif message.document is not None:
        await _save_answer(
            update,
            context,
            flow,
            kind=AnswerKind.DOCUMENT,
            file_id=message.document.file_id,
            file_name=message.document.file_name,
            text=caption,
        )
    else:
        raise InvalidInput("error-material-kind")


# --- what the broadcast engine sends ---------------------------------------------------------


def register_broadcasts(services: Services) -> None:
    def translator(person: Person) -> Translator:
        return services.catalog.translator(services.language_for(person, None))

    async def ask(delivery: Delivery) -> OutgoingMessage | None:
        async with unit_of_work(services.db) as uow:
            briefing = await uow.briefings.get(delivery.ref_id)
            person = await uow.people.get(delivery.person_id)
            campaign = await uow.campaigns.get(briefing.campaign_id) if briefing else None
        if briefing is None or person is None or campaign is None or not person.active:
            return None
        if not briefing.open_for_answers(services.clock.now()):
            return None
        screen = request_screen(translator(person), briefing, campaign.name, person)
        return OutgoingMessage(text=screen.text, reply_markup=screen.markup)

    async def remind(delivery: Delivery) -> OutgoingMessage | None:
        async with unit_of_work(services.db) as uow:
            briefing = await uow.briefings.get(delivery.ref_id)
            person = await uow.people.get(delivery.person_id)
            campaign = await uow.campaigns.get(briefing.campaign_id) if briefing else None
            todo = (
                await briefing_cases.unanswered(uow, delivery.ref_id, delivery.person_id)
                if briefing
                else []
            )
        if briefing is None or person is None or campaign is None or not person.active:
            return None
        if not todo or not briefing.open_for_answers(services.clock.now()):
            return None
        t = translator(person)
        deadline = t.datetime(briefing.deadline, person.timezone) if briefing.deadline else "—"
        text = t("briefing-reminder", name=campaign.name, left=len(todo), deadline=deadline)
        keyboard = [[button(t.label("briefing-answer-all-button"), AREA, "all", briefing.id)]]
        return OutgoingMessage(text=text, reply_markup=Screen("", keyboard).markup)

    services.broadcasts.register(briefing_cases.ASK, ask)
    services.broadcasts.register(briefing_cases.REMIND, remind)


VERBS = {
    "aud": audience_menu,
    **dict.fromkeys(AUDIENCE_VERBS, audience_toggle),
    "aucamp": audience_reset,
    "camp": back_to_list,
    "new": new_briefing,
    "open": open_briefing,
    "addq": add_question_prompt,
    "opts": options_prompt,
    "free": free_answer,
    "delq": delete_question,
    "dl": deadline_prompt,
    "dld": quick_deadline,
    "prev": preview,
    "send": send_briefing,
    "drop": discard,
    "ans": answers_page,
    "media": send_media,
    "csv": export_csv,
    "xlsx": export_xlsx,
    "all": answer_all,
    "one": answer_one,
    "pick": pick,
    "skip": skip,
    "pvall": preview_button,
    "pvone": preview_button,
}
