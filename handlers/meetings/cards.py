"""How a sent meeting looks: as its organiser sees it (answers per team with names, the
poll's live tally, the buttons to change it), as a participant sees it (RSVP, the poll's
rows of answers), and the invitation."""

from __future__ import annotations

from datetime import datetime

from telegram import InlineKeyboardButton

from domain.meetings.model import Meeting, Status
from domain.meetings.participants import Rsvp, RsvpGroup, sorted_people
from domain.meetings.queries import MeetingView
from domain.people.model import Team
from domain.timezones import utc_offset_label
from handlers.kit.callbacks import button
from handlers.kit.i18n import Translator, escape
from handlers.kit.labels import team_name
from handlers.kit.screens import Screen
from handlers.kit.text import clip, fit
from handlers.meetings.views import (
    ANSWER_CODES,
    ANSWER_ICONS,
    AREA,
    action_line,
    agenda_lines,
    header,
    names,
    place_line,
    short_when,
    time_lines,
    when,
)


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
