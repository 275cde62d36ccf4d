from datetime import UTC, datetime

import pytest

from domain.errors import Forbidden
from domain.people.model import ALL_ROLES, Person, Role
from domain.permissions import PERMISSIONS, Action, allowed_actions, can, require


def a_person(*roles: Role, active: bool = True) -> Person:
    return Person(
        id=1,
        telegram_id=100,
        first_name="Anna",
        last_name=None,
        username=None,
        language=None,
        telegram_language="ru",
        timezone="Europe/Moscow",
        quiet_hours=None,
        active=active,
        team_id=None,
        joined_at=datetime(2026, 1, 1, tzinfo=UTC),
        roles=frozenset(roles),
    )


def test_every_action_has_a_rule() -> None:
    assert set(PERMISSIONS) == set(Action)


@pytest.mark.parametrize("role", ALL_ROLES)
def test_everyone_may_change_their_own_settings(role: Role) -> None:
    assert can(a_person(role), Action.USE_SETTINGS)


@pytest.mark.parametrize("role", [r for r in ALL_ROLES if r is not Role.ADMIN])
@pytest.mark.parametrize(
    "action", [Action.INVITE_PEOPLE, Action.MANAGE_PEOPLE, Action.MANAGE_TEAMS]
)
def test_only_admins_manage_people_and_teams(role: Role, action: Action) -> None:
    assert not can(a_person(role), action)
    with pytest.raises(Forbidden):
        require(a_person(role), action)
    assert can(a_person(role, Role.ADMIN), action)


def test_a_deactivated_admin_can_do_nothing() -> None:
    person = a_person(Role.ADMIN, active=False)
    assert allowed_actions(person) == []
    with pytest.raises(Forbidden):
        require(person, Action.USE_SETTINGS)


def test_nobody_can_do_anything() -> None:
    assert allowed_actions(None) == []
    assert not can(a_person(), Action.USE_SETTINGS)


def test_roles_add_up() -> None:
    everything = a_person(*ALL_ROLES)
    assert set(allowed_actions(everything)) == set(Action)
    rep = set(allowed_actions(a_person(Role.REP)))
    lead = set(allowed_actions(a_person(Role.TEAM_LEAD)))
    assert set(allowed_actions(a_person(Role.REP, Role.TEAM_LEAD))) == rep | lead


def test_campaign_rules() -> None:
    assert can(a_person(Role.MARKETER), Action.MANAGE_CAMPAIGNS)
    assert can(a_person(Role.ADMIN), Action.MANAGE_CAMPAIGNS)
    for role in (Role.REP, Role.TEAM_LEAD, Role.ANALYST):
        assert not can(a_person(role), Action.MANAGE_CAMPAIGNS)
        assert can(a_person(role), Action.VIEW_CAMPAIGNS)
    assert can(a_person(Role.TEAM_LEAD), Action.VIEW_TEAM_FIGURES)
    assert not can(a_person(Role.REP), Action.VIEW_TEAM_FIGURES)
