"""Who may do what: the one table of role rules.

Every command and every button names an :class:`Action`; the handlers ask :func:`require`
before doing anything, and ``/help`` and the per-person command menu are built from the same
table, so what a person is shown is exactly what they are allowed to do. Rules about a single
object (for example "only the rep a lead is assigned to may dispute it") are checked by the use
case that loads the object, on top of this table.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from domain.errors import Forbidden
from domain.people.model import ALL_ROLES, Person, Role


class Action(StrEnum):
    USE_SETTINGS = "use_settings"
    INVITE_PEOPLE = "invite_people"
    MANAGE_PEOPLE = "manage_people"
    MANAGE_TEAMS = "manage_teams"
    VIEW_CAMPAIGNS = "view_campaigns"
    MANAGE_CAMPAIGNS = "manage_campaigns"
    VIEW_TEAM_FIGURES = "view_team_figures"
    ANSWER_QUESTIONS = "answer_questions"
    VIEW_FEEDBACK = "view_feedback"
    RUN_BRIEFINGS = "run_briefings"
    SET_AWAY = "set_away"
    VIEW_REGULATION = "view_regulation"
    EDIT_REGULATION = "edit_regulation"
    VIEW_LEADS = "view_leads"
    MANAGE_LEADS = "manage_leads"
    WORK_LEADS = "work_leads"
    RULE_ON_DISPUTES = "rule_on_disputes"
    MANAGE_INTAKE = "manage_intake"
    VIEW_MEETINGS = "view_meetings"
    SCHEDULE_MEETINGS = "schedule_meetings"
    VIEW_KPIS = "view_kpis"
    VIEW_ALL_KPIS = "view_all_kpis"
    CONFIGURE_DIGEST = "configure_digest"


EVERYONE: frozenset[Role] = frozenset(ALL_ROLES)

PERMISSIONS: Mapping[Action, frozenset[Role]] = {
    Action.USE_SETTINGS: EVERYONE,
    Action.INVITE_PEOPLE: frozenset({Role.ADMIN}),
    Action.MANAGE_PEOPLE: frozenset({Role.ADMIN}),
    Action.MANAGE_TEAMS: frozenset({Role.ADMIN}),
    # Everyone sees the campaigns meant for them; which ones is decided per campaign.
    Action.VIEW_CAMPAIGNS: EVERYONE,
    Action.MANAGE_CAMPAIGNS: frozenset({Role.MARKETER, Role.ADMIN}),
    Action.VIEW_TEAM_FIGURES: frozenset({Role.TEAM_LEAD}),
    # Asking, answering a briefing and giving feedback are for a campaign's recipients:
    # decided per campaign by the use cases, not by role.
    Action.ANSWER_QUESTIONS: frozenset({Role.MARKETER, Role.ADMIN}),
    # Team leads see their own team's feedback only (checked per campaign).
    Action.VIEW_FEEDBACK: frozenset({Role.MARKETER, Role.ADMIN, Role.TEAM_LEAD}),
    Action.RUN_BRIEFINGS: frozenset({Role.MARKETER, Role.ADMIN}),
    Action.SET_AWAY: EVERYONE,
    Action.VIEW_REGULATION: EVERYONE,
    Action.EDIT_REGULATION: frozenset({Role.ADMIN, Role.ANALYST}),
    # Everyone has a /leads: their own, their team's, or all (decided by the use case).
    Action.VIEW_LEADS: EVERYONE,
    # Bringing leads in and assigning them.
    Action.MANAGE_LEADS: frozenset({Role.MARKETER, Role.ADMIN}),
    # Taking, disputing, returning and working a lead: its rep (checked per lead).
    Action.WORK_LEADS: frozenset({Role.REP}),
    Action.RULE_ON_DISPUTES: frozenset({Role.ANALYST, Role.ADMIN}),
    Action.MANAGE_INTAKE: frozenset({Role.ADMIN}),
    # Everyone sees the meetings they are invited to and their own action items; which ones
    # is decided per meeting.
    Action.VIEW_MEETINGS: EVERYONE,
    Action.SCHEDULE_MEETINGS: frozenset({Role.TEAM_LEAD, Role.MARKETER, Role.ADMIN}),
    # Everyone has a /kpi: everyone's, their team's, or their own beside their team's
    # (domain/kpis/scopes.py decides which).
    Action.VIEW_KPIS: EVERYONE,
    Action.VIEW_ALL_KPIS: frozenset({Role.MARKETER, Role.ANALYST, Role.ADMIN}),
    Action.CONFIGURE_DIGEST: frozenset({Role.ADMIN}),
}


def can(person: Person | None, action: Action) -> bool:
    """True when an active person holds a role that allows ``action``."""
    if person is None or not person.active:
        return False
    return not person.roles.isdisjoint(PERMISSIONS[action])


def require(person: Person | None, action: Action) -> Person:
    """Return the person if they may do ``action``; raise :class:`Forbidden` otherwise."""
    if person is None or not can(person, action):
        raise Forbidden()
    return person


def allowed_actions(person: Person | None) -> list[Action]:
    return [action for action in Action if can(person, action)]
