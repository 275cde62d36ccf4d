"""How meetings look: times in the reader's zone, the draft's card, a meeting as its
organiser or a participant sees it, the invitation, the poll, the lists."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from babel.dates import format_datetime
from telegram import InlineKeyboardButton

from domain.meetings.flows import WIZARD
from domain.meetings.model import (
    ActionItem,
    Kind,
    Meeting,
    Recurrence,
    Rsvp,
    RsvpGroup,
    Status,
    sorted_people,
)
from domain.meetings.queries import Agenda, DraftCard, MeetingView, ParticipantsChoice
from domain.people.model import Person, Team
from domain.timezones import to_local, utc_offset_label
from handlers.kit.audience import audience_keyboard, audience_text
from handlers.kit.callbacks import Area, button
from handlers.kit.i18n import Markup, Translator, escape
from handlers.kit.labels import team_name
from handlers.kit.screens import Screen
from handlers.kit.text import clip, excerpt, fit

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


def participants_screen(t: Translator, choice: ParticipantsChoice) -> Screen:
    mid = choice.meeting.id
    keyboard = audience_keyboard(t, choice.meeting.audience, choice.teams, AREA, mid)
    keyboard += [[button("✅ " + p.full_name, AREA, "pers", mid, p.id)] for p in choice.named]
    keyboard.append([button(t.label("meeting-find-person-button"), AREA, "who", mid)])
    keyboard.append([button(t.label("done-button"), AREA, "partok", mid)])
    text = step_prefix(t, choice.position) + t("meeting-ask-participants", count=choice.reach)
    return Screen(text, keyboard)


# --- a sent meeting ------------------------------------------------------------------------


def _group_line(t: Translator, group: RsvpGroup, teams: dict[int, Team] | None) -> str:
    return t(
        "meeting-rsvp-team",
        team=team_name(t, teams or {}, group.team_id),
        yes=len(group.yes),
        maybe=len(group.maybe),
        no=len(group.no),
        waiting=len(group.waiting),
    )


def _names_lines(t: Translator, group: RsvpGroup, indent: str = "") -> list[str]:
    lines = []
    for label, people in (
        ("meeting-rsvp-yes", group.yes),
        ("meeting-rsvp-maybe", group.maybe),
        ("meeting-rsvp-no", group.no),
        ("meeting-rsvp-waiting", group.waiting),
    ):
        if people:
            lines.append(indent + t(label, names=names(people)))
    return lines


def rsvp_lines(t: Translator, view: MeetingView) -> list[str]:
    """The answers: the totals, then who said what — per team when there are several."""
    total = view.total
    if total is None:
        return []
    lines = [
        t(
            "meeting-rsvp-total",
            yes=len(total.yes),
            maybe=len(total.maybe),
            no=len(total.no),
            waiting=len(total.waiting),
        )
    ]
    if len(view.teams_figures) <= 1:
        return lines + _names_lines(t, total)
    lines.append(t("meeting-rsvp-by-team"))
    for group in view.teams_figures:
        lines.append(_group_line(t, group, view.teams))
        lines += _names_lines(t, group, "   ")
    return lines


def held_lines(t: Translator, view: MeetingView) -> list[str]:
    """The minutes of a past meeting: decisions and action items."""
    held = view.held
    if held is None:
        return []
    lines = ["", t("meeting-decisions-title")]
    lines += [f"{n}. {escape(clip(d.text, 300))}" for n, d in enumerate(held.decisions, 1)]
    if not held.decisions:
        lines.append("—")
    lines += ["", t("meeting-actions-title")]
    lines += [action_line(t, a, held.owners.get(a.owner_id)) for a in held.actions]
    if not held.actions:
        lines.append("—")
    return lines


def tally_lines(t: Translator, view: MeetingView) -> list[str]:
    lines = []
    people = view.people or {}
    for number, row in enumerate(view.tallies, 1):
        lines.append(
            t(
                "meeting-tally-slot",
                number=number,
                when=short_when(t, row.slot.starts_at, view.viewer.timezone),
                yes=len(row.yes),
                maybe=len(row.if_need),
                no=len(row.no),
            )
        )
        if view.manages:
            for icon, ids in (("✅", row.yes), ("🤔", row.if_need), ("❌", row.no)):
                if ids:
                    found = sorted_people(people[i] for i in ids if i in people)
                    lines.append(f"   {icon} " + names(found))
    return lines


def meeting_text(t: Translator, view: MeetingView) -> str:
    meeting, reader = view.meeting, view.viewer
    organiser_zone = meeting.zone
    lines = [header(t, meeting)]
    if meeting.status is Status.CANCELLED:
        lines.append(t("meeting-cancelled-line"))
    lines.append("")
    lines += time_lines(t, meeting, reader, organiser_zone)
    if meeting.starts_at is None:
        lines.append(t("meeting-duration", minutes=meeting.duration))
    lines += place_line(t, meeting)
    if view.organiser is not None:
        lines.append(t("meeting-organiser", name=view.organiser.full_name))
    if meeting.status in (Status.POLLING, Status.UNDECIDED):
        lines.append("")
        if meeting.poll_deadline is not None and meeting.status is Status.POLLING:
            lines.append(
                t("meeting-poll-deadline", when=when(t, meeting.poll_deadline, reader.timezone))
            )
        if meeting.status is Status.UNDECIDED:
            lines.append(t("meeting-poll-undecided"))
        lines += tally_lines(t, view)
    if view.mine is not None and view.mine.rsvp is not None and not view.manages:
        lines.append(t(f"meeting-your-rsvp-{view.mine.rsvp.value}"))
    if view.manages and meeting.status is Status.SCHEDULED:
        lines += ["", *rsvp_lines(t, view)]
    lines += ["", *agenda_lines(t, view.agenda)]
    lines += held_lines(t, view)
    return "\n".join(lines)


def organiser_keyboard(
    t: Translator, view: MeetingView, now: datetime
) -> list[list[InlineKeyboardButton]]:
    meeting, mid = view.meeting, view.meeting.id
    rows: list[list[InlineKeyboardButton]] = []
    if meeting.status in (Status.POLLING, Status.UNDECIDED):
        rows += [
            [button(t.label("meeting-pick-button", number=n), AREA, "pick", mid, row.slot.id)]
            for n, row in enumerate(view.tallies, 1)
        ]
        rows.append([button(t.label("meeting-refresh-button"), AREA, "open", mid)])
        rows.append([button(t.label("meeting-cancel-button"), AREA, "cancel", mid)])
        return rows
    if meeting.status is not Status.SCHEDULED:
        return rows
    if meeting.has_started(now):
        rows.append([button(t.label("meeting-minutes-button"), AREA, "min", mid)])
        rows.append([button(t.label("meeting-agenda-button"), AREA, "agenda", mid)])
        return rows
    rows += [
        [button(t.label("meeting-refresh-button"), AREA, "open", mid)],
        [
            button(t.label("meeting-agenda-button"), AREA, "agenda", mid),
            button(t.label("meeting-add-topic-button"), AREA, "topic", mid),
        ],
        [
            button(t.label("meeting-move-button"), AREA, "scope", mid, "time"),
            button(t.label("meeting-place-button"), AREA, "scope", mid, "place"),
        ],
        [
            button(t.label("meeting-send-agenda-button"), AREA, "sendag", mid),
            button(t.label("meeting-edit-reminders"), AREA, "rems", mid),
        ],
        [button(t.label("meeting-cancel-button"), AREA, "cancel", mid)],
    ]
    return rows


def rsvp_row(t: Translator, meeting: Meeting, current: Rsvp | None) -> list[InlineKeyboardButton]:
    def label(rsvp: Rsvp) -> str:
        text = t.label(f"meeting-rsvp-{rsvp.value}-button")
        return f"• {text} •" if rsvp is current else text

    return [button(label(r), AREA, "rsvp", meeting.id, r.value[0]) for r in Rsvp]


def participant_keyboard(
    t: Translator, view: MeetingView, now: datetime
) -> list[list[InlineKeyboardButton]]:
    meeting, mid = view.meeting, view.meeting.id
    if meeting.status is Status.POLLING:
        return poll_keyboard(t, view)
    if meeting.status is not Status.SCHEDULED or meeting.has_started(now):
        return [[button(t.label("meeting-agenda-button"), AREA, "agenda", mid)]]
    current = view.mine.rsvp if view.mine is not None else None
    return [
        rsvp_row(t, meeting, current),
        [
            button(t.label("meeting-add-topic-button"), AREA, "topic", mid),
            button(t.label("meeting-agenda-button"), AREA, "agenda", mid),
        ],
    ]


def poll_keyboard(t: Translator, view: MeetingView) -> list[list[InlineKeyboardButton]]:
    mid = view.meeting.id
    mine = view.my_votes or {}
    rows = []
    for number, row in enumerate(view.tallies, 1):
        chosen = mine.get(row.slot.id)
        rows.append(
            [
                button(
                    ("• " if chosen == answer else "") + f"{number} {ANSWER_ICONS[answer]}",
                    AREA,
                    "vote",
                    mid,
                    row.slot.id,
                    code,
                )
                for code, answer in ANSWER_CODES.items()
            ]
        )
    rows.append([button(t.label("meeting-vote-all-button"), AREA, "voteall", mid, "y")])
    return rows


def poll_text(t: Translator, view: MeetingView) -> str:
    meeting, reader = view.meeting, view.viewer
    lines = [header(t, meeting), "", t("meeting-poll-intro")]
    mine = view.my_votes or {}
    for number, row in enumerate(view.tallies, 1):
        icon = ANSWER_ICONS.get(mine.get(row.slot.id, ""), "▫️")
        lines.append(
            f"{number}. {icon} "
            + escape(when(t, row.slot.starts_at, reader.timezone))
            + f" ({utc_offset_label(reader.timezone, row.slot.starts_at)})"
        )
    lines.append(t("meeting-duration", minutes=meeting.duration))
    lines += place_line(t, meeting)
    if view.organiser is not None:
        lines.append(t("meeting-organiser", name=view.organiser.full_name))
    if meeting.poll_deadline is not None:
        lines.append(
            t("meeting-poll-deadline", when=when(t, meeting.poll_deadline, reader.timezone))
        )
    return "\n".join(lines)


def meeting_screen(t: Translator, view: MeetingView, now: datetime) -> Screen:
    """A meeting as the viewer may see it; one message (it is edited in place)."""
    if view.manages:
        return Screen(fit(meeting_text(t, view)), organiser_keyboard(t, view, now))
    if view.meeting.status is Status.POLLING:
        return Screen(fit(poll_text(t, view)), poll_keyboard(t, view))
    return Screen(fit(meeting_text(t, view)), participant_keyboard(t, view, now))


def invitation_screen(t: Translator, view: MeetingView, now: datetime) -> Screen:
    text = fit(t("meeting-invitation-intro") + "\n" + meeting_text(t, view))
    if view.meeting.status is Status.CANCELLED:
        return Screen(text)
    return Screen(text, participant_keyboard(t, view, now))


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
