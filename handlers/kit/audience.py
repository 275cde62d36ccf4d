"""The audience picker: who a campaign or a briefing request reaches, as ticks."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from telegram import InlineKeyboardButton

from domain.campaigns.model import Audience
from domain.people.model import ALL_ROLES, Role, Team
from handlers.kit.callbacks import Callback, CallbackDataError, button
from handlers.kit.i18n import Translator
from handlers.kit.labels import roles_text
from handlers.kit.text import excerpt

# The verbs an area's audience ticks come back as: all reps, a team, a role.
AUDIENCE_VERBS = ("aurep", "auteam", "aurole")
TEAMS_SHOWN = 300  # characters of the ticked teams' names on the audience line


def audience_text(t: Translator, audience: Audience, teams: dict[int, Team], reach: int) -> str:
    parts = []
    if audience.all_reps:
        parts.append(t.label("audience-all-reps"))
    if audience.team_ids:
        # Every ticked team would make a wall of text: the line keeps its beginning.
        names = excerpt(
            ", ".join(teams[i].name for i in sorted(audience.team_ids) if i in teams), TEAMS_SHOWN
        )
        parts.append(t.label("audience-teams", names=names))
    if audience.roles:
        parts.append(t.label("audience-roles", names=roles_text(t, audience.roles)))
    chosen = "; ".join(parts) if parts else t.label("audience-none")
    return t("audience-line", chosen=chosen, count=reach)


def audience_keyboard(
    t: Translator, audience: Audience, teams: Sequence[Team], area: str, owner_id: int
) -> list[list[InlineKeyboardButton]]:
    """Ticks for all reps, each team and each role; pressed ones come back as the
    ``AUDIENCE_VERBS`` of ``area`` with ``owner_id`` (a campaign or a briefing)."""

    def mark(on: bool) -> str:
        return "✅ " if on else "▫️ "

    keyboard = [
        [button(mark(audience.all_reps) + t.label("audience-all-reps"), area, "aurep", owner_id)]
    ]
    keyboard += [
        [button(mark(team.id in audience.team_ids) + team.name, area, "auteam", owner_id, team.id)]
        for team in teams
    ]
    roles = [
        button(mark(r in audience.roles) + t.label(f"role-{r.value}"), area, "aurole", owner_id, r)
        for r in ALL_ROLES
    ]
    keyboard += [roles[i : i + 2] for i in range(0, len(roles), 2)]
    return keyboard


def audience_change(cb: Callback) -> dict[str, Any]:
    """What an audience tick asks to toggle, as keyword arguments for the use case."""
    if cb.verb == "aurep":
        return {"all_reps": True}
    if cb.verb == "auteam":
        return {"team_id": cb.int_arg(1)}
    name = cb.str_arg(1)
    if name not in set(Role):
        raise CallbackDataError(name)
    return {"role": Role(name)}
