"""Text and keyboards for briefing requests, from the domain's values: the marketer's list,
builder, audience picker, progress and answers; the request and the questions a rep gets."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardButton
from telegram.constants import MessageLimit

from domain.briefings.answering import Asking, Recorded
from domain.briefings.drafting import DeadlinePrompt, Draft, Listing, OptionsPrompt, QuestionPrompt
from domain.briefings.flows import AnswerMode
from domain.briefings.model import Answer, AnswerKind, Briefing
from domain.briefings.notices import BriefingReminder, Request
from domain.briefings.reports import AnswersPage, GivenAnswer, Report
from handlers.kit.audience import audience_keyboard, audience_text
from handlers.kit.callbacks import Area, button
from handlers.kit.i18n import Markup, Translator, escape
from handlers.kit.labels import team_label, team_name
from handlers.kit.paging import Page, nav_rows
from handlers.kit.screens import Screen
from handlers.kit.text import clip, excerpt, fit, visible_length

AREA = Area.BRIEFINGS
CAMPAIGN_AREA = Area.CAMPAIGNS
ANSWERS_SHOWN = 30  # answers listed on one question's page; the export has them all
ANSWER_EXCERPT = 600  # of each answer on that page (up to 3,000 typed; the export has all)
NAMES_SHOWN = 40  # of those who have not answered everything
QUESTION_BUTTONS_PER_ROW = 5
ANSWER_WORDS = 60  # characters of each answer the request shows beside its question
Keyboard = list[list[InlineKeyboardButton]]


def _deadline(t: Translator, briefing: Briefing, timezone: str) -> str:
    return t.datetime(briefing.deadline, timezone) if briefing.deadline else "—"


def question_lines(t: Translator, briefing: Briefing) -> list[str]:
    lines = []
    for q in briefing.questions:
        line = f"{q.position}. {escape(q.text)}"
        if q.options:
            line += "\n" + t("briefing-question-options", options=" / ".join(q.options))
        lines.append(line)
    return lines


def answer_text(t: Translator, answer: Answer) -> str:
    if answer.kind in (AnswerKind.TEXT, AnswerKind.CHOICE):
        return answer.text or ""
    label = t.label(f"briefing-kind-{answer.kind.value}")
    return f"{label}{': ' + answer.text if answer.text else ''}"


# --- the marketer's side ---------------------------------------------------------------------


def listing_screen(t: Translator, listing: Listing) -> Screen:
    campaign = listing.campaign
    keyboard: Keyboard = [
        [
            button(
                t.label(
                    "briefing-list-item",
                    number=str(item.briefing.id),
                    status=t.label(f"briefing-status-{item.status.value}"),
                    questions=len(item.briefing.questions),
                ),
                AREA,
                "open",
                item.briefing.id,
            )
        ]
        for item in listing.briefings
    ]
    keyboard.append([button(t.label("briefing-new-button"), AREA, "new", campaign.id)])
    keyboard.append([button(t.label("back-button"), CAMPAIGN_AREA, "card", campaign.id)])
    text = t("briefing-list-title", name=campaign.name or "—", count=len(listing.briefings))
    return Screen(text, keyboard)


def question_prompt(t: Translator, prompt: QuestionPrompt) -> Screen:
    return Screen(t("briefing-ask-question", number=prompt.number))


def options_prompt(t: Translator, prompt: OptionsPrompt) -> Screen:
    state = prompt.state
    free = button(
        t.label("briefing-free-answer-button"), AREA, "free", state.briefing_id, state.question_id
    )
    return Screen(t("briefing-ask-options", number=prompt.question.position), [[free]])


def deadline_prompt(t: Translator, prompt: DeadlinePrompt, timezone: str) -> Screen:
    bid = prompt.state.briefing_id
    keyboard = [
        [button(t.label("briefing-deadline-days", days=days), AREA, "dld", bid, days)]
        for days in prompt.days
    ]
    return Screen(t("briefing-ask-deadline", zone=timezone), keyboard)


def builder_screen(t: Translator, draft: Draft, timezone: str) -> Screen:
    briefing, bid = draft.briefing, draft.briefing.id
    audience = audience_text(t, draft.audience, dict(draft.teams), draft.reach)
    if not draft.own_audience:
        audience += " " + t("briefing-audience-default")
    lines = [
        t("briefing-builder-title", name=draft.campaign.name or "—"),
        t("briefing-deadline-line", deadline=_deadline(t, briefing, timezone)),
        audience,
        "",
        *question_lines(t, briefing),
    ]
    keyboard: Keyboard = [
        [
            button(t.label("briefing-buttons-button", number=q.position), AREA, "opts", bid, q.id),
            button(f"🗑 {q.position}", AREA, "delq", bid, q.id),
        ]
        for q in briefing.questions
    ]
    keyboard += [
        [
            button(t.label("briefing-add-question-button"), AREA, "addq", bid),
            button(t.label("briefing-deadline-button"), AREA, "dl", bid),
        ],
        [button(t.label("edit-audience-button"), AREA, "aud", bid)],
        [
            button(t.label("preview-button"), AREA, "prev", bid),
            button(t.label("briefing-send-button"), AREA, "send", bid),
        ],
        [
            button(t.label("briefing-discard-button"), AREA, "drop", bid),
            button(t.label("back-button"), AREA, "camp", briefing.campaign_id),
        ],
    ]
    return Screen(fit("\n".join(lines)), keyboard)


def audience_screen(t: Translator, draft: Draft, *, more: bool = False) -> Screen:
    bid = draft.briefing.id
    teams = list(draft.teams.values())
    keyboard = audience_keyboard(t, draft.audience, teams, AREA, bid, more=more)
    if draft.own_audience:
        keyboard.append([button(t.label("briefing-audience-reset"), AREA, "aucamp", bid)])
    keyboard.append([button(t.label("done-button"), AREA, "open", bid)])
    text = (
        t("briefing-audience-prompt")
        + "\n"
        + audience_text(t, draft.audience, dict(draft.teams), draft.reach)
    )
    return Screen(text, keyboard)


def report_screen(t: Translator, report: Report, timezone: str) -> Screen:
    progress, bid = report.progress, report.briefing.id
    lines = [
        t("briefing-progress-title", name=report.campaign.name),
        t("briefing-deadline-line", deadline=_deadline(t, report.briefing, timezone)),
        t(
            "briefing-progress-summary",
            answered=progress.answered,
            recipients=progress.recipients,
            percent=progress.percent,
            partly=progress.partly,
        ),
    ]
    if len(progress.teams) > 1:
        lines.append("")
        for team in progress.teams:
            lines.append(
                t(
                    "briefing-team-line",
                    team=team_name(t, dict(report.teams), team.team_id),
                    answered=team.answered,
                    recipients=team.recipients,
                )
            )
    if progress.not_answered:
        lines += ["", t("briefing-not-yet", count=len(progress.not_answered))]
        names = progress.not_answered[:NAMES_SHOWN]
        lines.append(Markup(", ".join(escape(p.full_name) for p in names)))
    keyboard = [
        [button(t.label("briefing-answers-button"), AREA, "ans", bid, 0)],
        [
            button(t.label("briefing-csv-button"), AREA, "csv", bid),
            button(t.label("briefing-xlsx-button"), AREA, "xlsx", bid),
        ],
        [
            button(t.label("refresh-button"), AREA, "open", bid),
            button(t.label("back-button"), AREA, "camp", report.briefing.campaign_id),
        ],
    ]
    return Screen(fit("\n".join(lines)), keyboard)


def answers_screen(t: Translator, page: AnswersPage, *, coming: int = 0) -> Screen:
    """The answers to one question, with choice tallies; ◀️ ▶️ go through the questions.
    ``coming``: voice messages just queued to the viewer, on their way one a second."""
    question, bid = page.question, page.briefing.id
    title = t(
        "briefing-answers-title", number=question.position, total=len(page.briefing.questions)
    )
    lines = [f"{title} {escape(question.text)}"]
    if page.tallies:
        lines += [t("briefing-tally-line", option=o, count=n) for o, n in page.tallies]
        lines.append("")
    for given in page.answers[:ANSWERS_SHOWN]:
        header = t(
            "briefing-answer-line",
            name=given.person.full_name if given.person else "?",
            team=team_label(t, given.team),
            changed=t.label("briefing-changed") if given.answer.changed else "",
        )
        lines.append(f"{header} {escape(clip(answer_text(t, given.answer), ANSWER_EXCERPT))}")
    if not page.answers:
        lines.append(t("briefing-no-answers-yet"))
    elif len(page.answers) > ANSWERS_SHOWN:
        lines.append(t("and-more", count=len(page.answers) - ANSWERS_SHOWN))
    if coming:
        lines += ["", t("briefing-voices-coming", count=coming)]
    keyboard: Keyboard = []
    if page.files:
        keyboard.append(
            [
                button(
                    t.label(f"briefing-view-{kind.value}", count=count),
                    AREA,
                    "media",
                    bid,
                    question.id,
                    kind.value,
                )
                for kind, count in page.files
            ]
        )
    keyboard += nav_rows(Page.of(page.briefing.questions, page.index, 1).nav(AREA, "ans", bid))
    keyboard.append([button(t.label("back-button"), AREA, "open", bid)])
    return Screen(fit("\n".join(lines)), keyboard)


def media_caption(name: str, text: str | None) -> str:
    """Who sent a photo, voice message or document, and what they wrote with it: clipped as
    plain text to Telegram's caption limit (UTF-16 units), then escaped, so an entity such
    as ``&amp;`` is never cut in half."""
    plain = f"{name}: {text}" if text else name
    limit = int(MessageLimit.CAPTION_LENGTH)
    room = limit
    caption = clip(plain, room)
    while visible_length(caption) > limit:
        room -= visible_length(caption) - limit
        caption = clip(plain, room)
    return escape(caption)


EXPORT_COLUMNS = (
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


def export_rows(t: Translator, answers: Sequence[GivenAnswer]) -> list[list[str]]:
    """The header, then one row per answer."""
    rows = [[t.label(f"briefing-col-{name}") for name in EXPORT_COLUMNS]]
    for given in answers:
        answer = given.answer
        rows.append(
            [
                str(given.question.position),
                given.question.text,
                given.person.full_name if given.person else "",
                given.team.name if given.team else "",
                answer.kind.value,
                answer.text or "",
                answer.file_name or answer.file_id or "",
                answer.answered_at.strftime("%Y-%m-%d %H:%M UTC"),
                "yes" if answer.changed else "",
            ]
        )
    return rows


# --- the rep's side --------------------------------------------------------------------------


def _request_lines(t: Translator, request: Request) -> list[str]:
    """The questions; those the recipient answered marked ✅, with their answer's first
    words."""
    lines = []
    questions = request.briefing.questions
    for question, line in zip(questions, question_lines(t, request.briefing), strict=True):
        answer = request.answer_to(question.id)
        if answer is None:
            lines.append(line)
            continue
        words = escape(excerpt(answer_text(t, answer), ANSWER_WORDS))
        lines.append(f"✅ {line}\n{t('briefing-request-your-answer')} {words}")
    return lines


def request_screen(t: Translator, request: Request, *, preview: bool = False) -> Screen:
    """The request as a recipient gets it, and as it is redrawn after each of their answers
    (✅ and the answer's first words per question, "change my answers" once all are given)
    and at the deadline (no buttons). In a preview its buttons only say so."""
    briefing = request.briefing
    lines = [
        t("briefing-request-title", name=request.campaign.name),
        t(
            "briefing-request-intro",
            deadline=_deadline(t, briefing, request.recipient.timezone),
        ),
        "",
        *_request_lines(t, request),
    ]
    if request.closed:
        return Screen("\n".join([*lines, "", t("briefing-request-closed")]))
    verb_all, verb_one = ("pvall", "pvone") if preview else ("all", "one")
    key = "briefing-change-button" if request.all_answered else "briefing-answer-all-button"
    keyboard = [[button(t.label(key), AREA, verb_all, briefing.id)]]
    row = [button(f"✍️ {q.position}", AREA, verb_one, briefing.id, q.id) for q in briefing.questions]
    step = QUESTION_BUTTONS_PER_ROW
    keyboard += [row[i : i + step] for i in range(0, len(row), step)]
    return Screen("\n".join(lines), keyboard)


def reminder_screen(t: Translator, reminder: BriefingReminder) -> Screen:
    briefing = reminder.briefing
    text = t(
        "briefing-reminder",
        name=reminder.campaign.name,
        left=reminder.left,
        deadline=_deadline(t, briefing, reminder.recipient.timezone),
    )
    keyboard = [[button(t.label("briefing-answer-all-button"), AREA, "all", briefing.id)]]
    return Screen(text, keyboard)


def asking_screen(t: Translator, asking: Asking) -> Screen:
    question, bid = asking.question, asking.briefing.id
    lines = [
        t(
            "briefing-question-prompt",
            number=question.position,
            total=len(asking.briefing.questions),
        ),
        escape(question.text),
    ]
    if asking.current is not None:
        current = escape(answer_text(t, asking.current))
        lines.append(f"{t('briefing-current-answer')} {current}")
    keyboard: Keyboard = [
        [button(option, AREA, "pick", bid, question.id, index)]
        for index, option in enumerate(question.options)
    ]
    if not question.options:
        lines.append(t("briefing-answer-how"))
    if asking.state.mode is AnswerMode.ALL:
        keyboard.append([button(t.label("briefing-skip-button"), AREA, "skip", bid, question.id)])
    return Screen("\n".join(lines), keyboard)


def _change_rows(t: Translator, recorded: Recorded) -> Keyboard:
    """ "✏️ n" for each answered question: its answer to change, here, in one tap."""
    bid = recorded.briefing.id
    row = [
        button(f"✏️ {q.position}", AREA, "chg", bid, q.id)
        for q in recorded.briefing.questions
        if q.id in recorded.answered
    ]
    step = QUESTION_BUTTONS_PER_ROW
    return [row[i : i + step] for i in range(0, len(row), step)]


def recorded_screen(t: Translator, recorded: Recorded, timezone: str) -> Screen:
    """Where the rep stands: how many questions are left, or thanks when none is; the
    answers given can be changed from here until the deadline."""
    if not recorded.left:
        deadline = _deadline(t, recorded.briefing, timezone)
        return Screen(t("briefing-all-answered", deadline=deadline), _change_rows(t, recorded))
    if recorded.skipped:
        text = t("briefing-skipped", left=recorded.left)
    else:
        changed = t.label("briefing-changed") if recorded.changed else ""
        text = t("briefing-answer-saved", changed=changed, left=recorded.left)
    keyboard = [[button(t.label("briefing-answer-all-button"), AREA, "all", recorded.briefing.id)]]
    return Screen(text, keyboard + _change_rows(t, recorded))
