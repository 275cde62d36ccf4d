"""People: joining through an invite, /help and /cancel, /settings, and the admins' /invite,
/people and /teams."""

from __future__ import annotations

from domain.flows import UntypedFlow
from domain.permissions import Action
from handlers.kit.callbacks import Area
from handlers.kit.feature import CommandRoute, Feature, FlowRoute
from handlers.kit.menu import Command
from handlers.people import directory, help, onboarding, settings, teams

FEATURE = Feature(
    name="people",
    commands=(
        CommandRoute("start", onboarding.start),
        CommandRoute("help", help.show_help, Command("help", None, "cmd-help", 0)),
        CommandRoute("cancel", help.cancel, Command("cancel", None, "cmd-cancel", 99)),
        CommandRoute(
            "settings",
            settings.show_settings,
            Command("settings", Action.USE_SETTINGS, "cmd-settings", 80),
        ),
        CommandRoute(
            "invite",
            onboarding.new_invite,
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
        Area.INVITES: onboarding.VERBS,
        Area.SETTINGS: settings.VERBS,
        Area.TEAMS: teams.VERBS,
        Area.PEOPLE: directory.VERBS,
    },
    flows=(
        FlowRoute(UntypedFlow, text=onboarding.typed_while_composing, name=onboarding.FLOW),
        FlowRoute(UntypedFlow, text=settings.typed, name=settings.FLOW),
        FlowRoute(UntypedFlow, text=teams.typed, name=teams.FLOW, left_behind="flow-left-team"),
    ),
)
