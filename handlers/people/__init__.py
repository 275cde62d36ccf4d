"""People: joining through an invite, /help and /cancel, /settings, and the admins' /invite,
/people and /teams."""

from __future__ import annotations

from domain.people import away as away_domain
from domain.people.flows import (
    InviteDraft,
    NewTeam,
    TeamEdit,
    TypingAway,
    TypingQuietHours,
    TypingTimezone,
)
from domain.permissions import Action
from handlers.kit.callbacks import Area
from handlers.kit.feature import CommandRoute, Feature, FlowRoute, Notice
from handlers.kit.menu import Command
from handlers.people import away, directory, guide, inviting, joining, reachability, settings, teams

FEATURE = Feature(
    name="people",
    commands=(
        CommandRoute("start", joining.start),
        CommandRoute("help", guide.show_help, Command("help", None, "cmd-help", 0)),
        CommandRoute("cancel", guide.cancel, Command("cancel", None, "cmd-cancel", 99)),
        CommandRoute(
            "settings",
            settings.show_settings,
            Command("settings", Action.USE_SETTINGS, "cmd-settings", 80),
        ),
        CommandRoute("away", away.show_away, Command("away", Action.SET_AWAY, "cmd-away", 81)),
        CommandRoute(
            "invite",
            inviting.new_invite,
            Command("invite", Action.INVITE_PEOPLE, "cmd-invite", 85),
        ),
        CommandRoute(
            "people",
            directory.list_people,
            Command("people", Action.MANAGE_PEOPLE, "cmd-people", 86),
        ),
        CommandRoute(
            "teams", teams.list_teams, Command("teams", Action.MANAGE_TEAMS, "cmd-teams", 87)
        ),
    ),
    buttons={
        Area.INVITES: inviting.VERBS,
        Area.SETTINGS: settings.VERBS,
        Area.TEAMS: teams.VERBS,
        Area.PEOPLE: directory.VERBS,
        Area.AWAY: away.VERBS,
    },
    flows=(
        FlowRoute(InviteDraft, text=inviting.typed_while_composing),
        FlowRoute(TypingTimezone, text=settings.typed_timezone),
        FlowRoute(TypingQuietHours, text=settings.typed_quiet_hours),
        # A half-made team is lost when its person walks off to something else: say so.
        FlowRoute(NewTeam, text=teams.typed, left_behind="flow-left-team"),
        FlowRoute(TeamEdit, text=teams.typed, left_behind="flow-left-team"),
        FlowRoute(TypingAway, text=away.typed_dates),
    ),
    notices=(Notice(away_domain.NOTICE, away_domain.away_notice, away.render_away),),
    handlers=(reachability.HANDLER,),
)
