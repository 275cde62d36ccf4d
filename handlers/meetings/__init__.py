"""Joint meetings: drafts and slot polls, invitations with calendar files and RSVP, agendas,
changes and cancellations, reminders, minutes with decisions and action items, series."""

from __future__ import annotations

from domain.meetings import kinds, reminders, sending, series
from domain.meetings import notices as compose
from domain.meetings.flows import AddingTopic, Changing, Drafting, Recording
from domain.permissions import Action
from domain.ports import Sweep
from handlers.kit.callbacks import Area
from handlers.kit.feature import CommandRoute, Feature, FlowRoute, Notice
from handlers.kit.menu import Command
from handlers.meetings import attending, authoring, changes, minutes
from handlers.meetings import notices as render

LEFT_BEHIND = "flow-left-meeting"

FEATURE = Feature(
    name="meetings",
    commands=(
        CommandRoute(
            "meetings",
            attending.list_meetings,
            Command("meetings", Action.VIEW_MEETINGS, "cmd-meetings", 33),
        ),
        CommandRoute(
            "newmeeting",
            authoring.new_meeting,
            Command("newmeeting", Action.SCHEDULE_MEETINGS, "cmd-newmeeting", 34),
        ),
        CommandRoute(
            "actions",
            minutes.list_actions,
            Command("actions", Action.VIEW_MEETINGS, "cmd-actions", 35),
        ),
    ),
    buttons={
        Area.MEETINGS: {
            **authoring.VERBS,
            **attending.VERBS,
            **changes.VERBS,
            **minutes.VERBS,
        },
    },
    flows=(
        FlowRoute(
            Drafting, text=authoring.typed, media=authoring.text_expected, left_behind=LEFT_BEHIND
        ),
        FlowRoute(AddingTopic, text=attending.topic_typed, media=attending.topic_voice),
        FlowRoute(Changing, text=changes.typed, media=authoring.text_expected),
        FlowRoute(Recording, text=minutes.typed, media=authoring.text_expected),
    ),
    notices=(
        Notice(kinds.POLL, compose.poll, render.render_poll),
        Notice(kinds.POLL_REPORT, compose.poll_report, render.render_poll_report),
        Notice(kinds.INVITE, compose.invitation, render.render_invitation),
        Notice(kinds.REFRESH, compose.refresh, render.render_invitation),
        Notice(kinds.CHANGE, compose.change, render.render_change),
        Notice(kinds.REMIND, compose.reminder, render.render_reminder),
        Notice(kinds.MINUTES, compose.minutes, render.render_minutes),
        Notice(kinds.ACTION, compose.action_assigned, render.render_action),
        Notice(kinds.ACTION_DUE, compose.action_due, render.render_action_due),
        Notice(kinds.ACTION_OVERDUE, compose.action_overdue, render.render_action_overdue),
    ),
    sweeps=(
        Sweep("meetings.polls", sending.close_polls),
        Sweep("meetings.series", series.create_next_occurrences),
        Sweep("meetings.late_joiners", sending.invite_late_joiners),
        Sweep("meetings.reminders", reminders.remind_meetings),
        Sweep("meetings.actions", reminders.remind_actions),
    ),
)
