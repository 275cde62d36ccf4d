"""The audience picker: who a campaign, a briefing request or a meeting reaches, as ticks.

Teams first (and a region's teams together, where a region has several), then all field reps,
then the other roles, folded under "more" until one of them is ticked: the people marketing
addresses are nearly always teams, regions or the reps. The field rep role is not offered
beside "all field reps" — they are the same people. Each feature shows the live count of
people the choice reaches above the ticks.
"""

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

# The verbs an area's audience ticks come back as: all reps, a team, a role, a region's teams.
AUDIENCE_VERBS = ("aurep", "auteam", "aurole", "aureg")
# "More": the same picker with the other roles unfolded.
MORE_VERB = "aumore"
TEAMS_SHOWN = 300  # characters of the ticked teams' names on the audience line
# The roles under "more": field reps are "all field reps" above.
OTHER_ROLES = tuple(role for role in ALL_ROLES if role is not Role.REP)


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


def _regions(teams: Sequence[Team]) -> list[tuple[str, list[Team]]]:
    """The regions that hold more than one team, in the order their first team comes."""
    grouped: dict[str, list[Team]] = {}
    for team in teams:
        grouped.setdefault(team.region.casefold(), []).append(team)
    return [(group[0].region, group) for group in grouped.values() if len(group) > 1]


def audience_keyboard(
    t: Translator,
    audience: Audience,
    teams: Sequence[Team],
    area: str,
    owner_id: int,
    *,
    more: bool = False,
) -> list[list[InlineKeyboardButton]]:
    """Ticks for each team and region, all reps, and — under "more", or once one is ticked —
    the other roles. Presses come back as the ``AUDIENCE_VERBS`` (and ``MORE_VERB``) of
    ``area`` with ``owner_id`` (a campaign, a briefing or a meeting)."""

    def mark(on: bool) -> str:
        return "✅ " if on else "▫️ "

    keyboard = [
        [button(mark(team.id in audience.team_ids) + team.name, area, "auteam", owner_id, team.id)]
        for team in teams
    ]
    for region, members in _regions(teams):
        ticked = all(team.id in audience.team_ids for team in members)
        label = mark(ticked) + t.label("audience-region", region=region, count=len(members))
        keyboard.append([button(label, area, "aureg", owner_id, members[0].id)])
    keyboard.append(
        [button(mark(audience.all_reps) + t.label("audience-all-reps"), area, "aurep", owner_id)]
    )
    # A field rep role ticked before the picker folded it into "all field reps" can still be
    # unticked.
    shown = [role for role in ALL_ROLES if role in OTHER_ROLES or role in audience.roles]
    if more or audience.roles:
        roles = [
            button(
                mark(r in audience.roles) + t.label(f"role-{r.value}"), area, "aurole", owner_id, r
            )
            for r in shown
        ]
        keyboard += [roles[i : i + 2] for i in range(0, len(roles), 2)]
    else:
        keyboard.append([button(t.label("audience-more-button"), area, MORE_VERB, owner_id)])
    return keyboard


def audience_more(cb: Callback) -> bool:
    """Whether the picker drawn after this press shows the other roles: after "more" and
    after a role's tick."""
    return cb.verb in (MORE_VERB, "aurole")


def audience_change(cb: Callback) -> dict[str, Any]:
    """What an audience tick asks to toggle, as keyword arguments for the use case ("more"
    toggles nothing: the picker is drawn again)."""
    if cb.verb == MORE_VERB:
        return {}
    if cb.verb == "aurep":
        return {"all_reps": True}
    if cb.verb == "auteam":
        return {"team_id": cb.int_arg(1)}
    if cb.verb == "aureg":
        return {"region_of": cb.int_arg(1)}
    name = cb.str_arg(1)
    if name not in set(Role):
        raise CallbackDataError(name)
    return {"role": Role(name)}
