"""Short labels every feature shows the same way: roles and teams."""

from __future__ import annotations

from collections.abc import Iterable

from domain.people.model import Role, Team, sorted_roles
from handlers.kit.i18n import Translator


def roles_text(t: Translator, roles: Iterable[Role]) -> str:
    return ", ".join(t.label(f"role-{role.value}") for role in sorted_roles(roles))


def team_label(t: Translator, team: Team | None) -> str:
    return team.name if team else t.label("no-team")


def team_name(t: Translator, teams: dict[int, Team], team_id: int | None) -> str:
    return team_label(t, teams.get(team_id) if team_id is not None else None)
