"""How meetings look, in pieces every screen shares: times in the reader's zone (and the
organiser's), the title, place, agenda and names; the draft's card and the participants
picker; action items. A sent meeting's screens are in ``cards.py``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from babel.dates import format_datetime
from telegram import InlineKeyboardButton

from domain.meetings.flows import WIZARD
from domain.meetings.model import Kind, Meeting, Recurrence, Status
from domain.meetings.outcomes import ActionItem
from domain.meetings.participants import Rsvp
from domain.meetings.queries import Agenda, DraftCard, ParticipantsChoice
from domain.people.model import Person
from domain.timezones import to_local, utc_offset_label
from handlers.kit.audience import audience_keyboard, audience_text
from handlers.kit.callbacks import Area, button
from handlers.kit.i18n import Markup, Translator, escape
from handlers.kit.screens import Screen
from handlers.kit.text import clip, excerpt

AREA = Area.MEETINGS
MAX_NAMES = 40
TOPIC_LINE = 200
ICONS = {
    Status.DRAFT: "📝",
    Status.POLLING: "🗳",
    Status.UNDECIDED: "⏳",
    Status.SCHEDULED: "🗓",
    Status.CANCELLED: "❌",
}
RSVP_ICONS = {Rsvp.YES: "✅", Rsvp.MAYBE: "🤔", Rsvp.NO: "❌"}
ANSWER_CODES = {"y": "yes", "m": "maybe", "n": "no"}
ANSWER_ICONS = {"yes": "✅", "maybe": "🤔", "no": "❌"}


# --- time ------------------------------------------------------------------------------------


def when(t: Translator, moment: datetime, timezone: str) -> str:
    """``Tue, 1 Dec 2026, 15:00`` where the reader is (weekday and date as they are there)."""
    local = to_local(moment, timezone)
    return str(format_datetime(local, "EEE, d MMM y, HH:mm", locale=t.language.value))


def short_when(t: Translator, moment: datetime, timezone: str) -> str:
    local = to_local(moment, timezone)
    return str(format_datetime(local, "EEE d MMM, HH:mm", locale=t.language.value))


def time_lines(t: Translator, meeting: Meeting, reader: Person, organiser_zone: str) -> list[str]:
    """The time in the reader's zone, and in the organiser's zone too when it differs."""
    if meeting.starts_at is None:
        return []
    lines = [
        t(
            "meeting-time",
            when=when(t, meeting.starts_at, reader.timezone),
            offset=utc_offset_label(reader.timezone, meeting.starts_at),
            minutes=meeting.duration,
        )
    ]
    if organiser_zone != reader.timezone:
        lines.append(
            t(
                "meeting-time-organiser",
                when=when(t, meeting.starts_at, organiser_zone),
                zone=organiser_zone,
            )
        )
    return lines


# --- pieces ----------------------------------------------------------------------------------


def kind_label(t: Translator, meeting: Meeting) -> str:
    return t.label(f"meeting-kind-{meeting.kind.value}")


def repeat_label(t: Translator, meeting: Meeting) -> str:
    if meeting.recurrence is Recurrence.NONE:
        return t.label("meeting-repeat-none")
    if meeting.repeat_count is not None:
        end = t.label("meeting-repeat-times", count=meeting.repeat_count)
    elif meeting.repeat_until is not None:
        end = t.label("meeting-repeat-until", day=t.day(meeting.repeat_until))
    else:
        end = "—"
    return t.label(f"meeting-repeat-{meeting.recurrence.value}") + ", " + end


def reminders_label(t: Translator, meeting: Meeting) -> str:
    if not meeting.reminders:
        return t.label("meeting-reminders-off")
    return ", ".join(t.label("meeting-reminder-before", minutes=m) for m in meeting.reminders)


def place_line(t: Translator, meeting: Meeting) -> list[str]:
    if not meeting.place:
        return []
    if meeting.is_link:
        return [t("meeting-link", url=meeting.place)]
    return [t("meeting-place", place=meeting.place)]


def agenda_lines(t: Translator, agenda: Agenda) -> list[str]:
    if not agenda.topics and not agenda.carried:
        return [t("meeting-agenda-empty")]
    lines = [t("meeting-agenda-title")]
    number = 0
    for topic in agenda.topics:
        number += 1
        text = escape(excerpt(topic.text, TOPIC_LINE)) if topic.text else ""
        mark = "🎤 " if topic.voice_file_id else ""
        source = {"question": "❓ ", "feedback": "💬 "}.get(topic.source.value, "")
        lines.append(f"{number}. {source}{mark}{text}")
    for item in agenda.carried:
        number += 1
        owner = agenda.owners.get(item.owner_id)
        lines.append(
            f"{number}. "
            + t(
                "meeting-agenda-carried",
                text=excerpt(item.text, TOPIC_LINE),
                owner=owner.full_name if owner else "—",
            )
        )
    return lines


def names(people: Sequence[Person], limit: int = MAX_NAMES) -> Markup:
    shown = ", ".join(escape(p.full_name) for p in people[:limit])
    if len(people) > limit:
        shown += f" +{len(people) - limit}"
    return Markup(shown)


def header(t: Translator, meeting: Meeting) -> str:
    title = t(
        "meeting-title",
        icon=ICONS[meeting.status],
        title=meeting.title or "—",
        kind=kind_label(t, meeting),
    )
    if meeting.series_id is not None:
        title += " " + t("meeting-occurrence", number=meeting.occurrence)
    return title


# --- the draft -------------------------------------------------------------------------------


def step_prefix(t: Translator, position: int | None) -> str:
    return t("wizard-step", number=position, total=len(WIZARD)) + "\n" if position else ""


def draft_text(t: Translator, card: DraftCard) -> str:
    meeting, viewer = card.meeting, card.viewer
    lines = [header(t, meeting), ""]
    if meeting.starts_at is not None:
        lines += time_lines(t, meeting, viewer, viewer.timezone)
    elif card.slots:
        lines.append(t("meeting-poll-slots", count=len(card.slots)))
        lines += [f"  • {short_when(t, s.starts_at, viewer.timezone)}" for s in card.slots]
        if meeting.poll_deadline is not None:
            lines.append(
                t("meeting-poll-deadline", when=when(t, meeting.poll_deadline, viewer.timezone))
            )
    else:
        lines.append(t("meeting-time-unset"))
    lines.append(t("meeting-duration", minutes=meeting.duration))
    lines += place_line(t, meeting)
    lines.append(t("meeting-repeat", value=repeat_label(t, meeting)))
    lines.append(t("meeting-reminders", value=reminders_label(t, meeting)))
    lines.append(audience_text(t, meeting.audience, card.teams, card.reach))
    if card.named:
        lines.append(t("meeting-named", names=names(card.named)))
    lines += ["", *agenda_lines(t, card.agenda)]
    missing = meeting.missing()
    if missing:
        fields = ", ".join(t.label(f"meeting-field-{f}") for f in missing)
        lines += ["", t("meeting-missing", fields=fields)]
    return "\n".join(lines)


def draft_keyboard(t: Translator, meeting: Meeting) -> list[list[InlineKeyboardButton]]:
    mid = meeting.id
    rows = []
    if meeting.missing():
        rows.append([button(t.label("meeting-continue-button"), AREA, "cont", mid)])
    rows += [
        [
            button(t.label("meeting-edit-title"), AREA, "edit", mid, "title"),
            button(t.label("meeting-edit-when"), AREA, "edit", mid, "when"),
        ],
        [
            button(t.label("meeting-edit-duration"), AREA, "edit", mid, "duration"),
            button(t.label("meeting-edit-place"), AREA, "edit", mid, "place"),
        ],
        [
            button(t.label("meeting-edit-repeat"), AREA, "edit", mid, "repeat"),
            button(t.label("meeting-edit-participants"), AREA, "edit", mid, "participants"),
        ],
        [
            button(t.label("meeting-edit-agenda"), AREA, "edit", mid, "agenda"),
            button(t.label("meeting-edit-reminders"), AREA, "rems", mid),
        ],
        [button(t.label("meeting-send-button"), AREA, "send", mid)],
        [button(t.label("meeting-discard-button"), AREA, "drop", mid)],
    ]
    return rows


def draft_screen(t: Translator, card: DraftCard) -> Screen:
    return Screen(draft_text(t, card), draft_keyboard(t, card.meeting))


def participants_screen(t: Translator, choice: ParticipantsChoice, *, more: bool = False) -> Screen:
    mid = choice.meeting.id
    audience = choice.meeting.audience
    keyboard = audience_keyboard(t, audience, choice.teams, AREA, mid, more=more)
    keyboard += [[button("✅ " + p.full_name, AREA, "pers", mid, p.id)] for p in choice.named]
    keyboard.append([button(t.label("meeting-find-person-button"), AREA, "who", mid)])
    keyboard.append([button(t.label("done-button"), AREA, "partok", mid)])
    text = step_prefix(t, choice.position) + t("meeting-ask-participants", count=choice.reach)
    return Screen(text, keyboard)


# --- actions ---------------------------------------------------------------------------------


def action_line(t: Translator, item: ActionItem, owner: Person | None = None) -> str:
    line = t("meeting-action-line", text=clip(item.text, 300), due=t.day(item.due))
    if owner is not None:
        line += " — " + escape(owner.full_name)
    return ("✅ " if not item.is_open else "▫️ ") + line


def kind_buttons(t: Translator, meeting_id: int) -> list[list[InlineKeyboardButton]]:
    return [
        [button(t.label(f"meeting-kind-{k.value}"), AREA, "kind", meeting_id, k.value)]
        for k in Kind
    ]
