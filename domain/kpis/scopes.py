"""Whose figures a person may see, enforced here for every screen, chart and export.

- **Marketers, analysts and admins** see everyone, and each team (``all``, ``t<id>``).
- **A team lead** sees their own team (``t<id>`` of their team only).
- **A rep** sees their own figures beside their team's (``me``); never another rep's.

A scope travels in button data as a short key; :func:`resolve` checks a key against the
reader, so forged data (another team's id, ``all`` from a rep) is refused with
:class:`~domain.errors.Forbidden`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from domain.errors import Forbidden, NotFound
from domain.people.model import Person, Role, Team
from domain.permissions import Action, can, require

ALL = "all"
ME = "me"


class Reach(StrEnum):
    """What a reader may see at most."""

    EVERYONE = "everyone"
    TEAM = "team"
    OWN = "own"


@dataclass(frozen=True, slots=True)
class Slice:
    """Whose figures a query counts: one person's, one team's, or (both None) everyone's."""

    team_id: int | None = None
    person_id: int | None = None

    @property
    def everyone(self) -> bool:
        return self.team_id is None and self.person_id is None


EVERYONE = Slice()


@dataclass(frozen=True, slots=True)
class Scope:
    """A resolved scope: its key, the slice it counts, and for a rep the team beside."""

    key: str
    main: Slice
    team: Team | None = None  # the team it is (``t<id>``), or the rep's team
    beside: Slice | None = None  # a rep's team, shown beside their own figures

    @property
    def is_everyone(self) -> bool:
        return self.main.everyone


def reach_of(person: Person) -> Reach:
    if can(person, Action.VIEW_ALL_KPIS):
        return Reach.EVERYONE
    if Role.TEAM_LEAD in person.roles and person.team_id is not None:
        return Reach.TEAM
    return Reach.OWN


def team_key(team_id: int) -> str:
    return f"t{team_id}"


def default_key(person: Person) -> str:
    reach = reach_of(person)
    if reach is Reach.EVERYONE:
        return ALL
    if reach is Reach.TEAM:
        assert person.team_id is not None
        return team_key(person.team_id)
    return ME


def _team(teams: Sequence[Team], team_id: int | None) -> Team | None:
    return next((t for t in teams if t.id == team_id), None)


def resolve(person: Person, key: str | None, teams: Sequence[Team]) -> Scope:
    """The scope ``key`` names, if ``person`` may see it (None: their default)."""
    require(person, Action.VIEW_KPIS)
    key = key or default_key(person)
    reach = reach_of(person)
    if key == ALL:
        if reach is not Reach.EVERYONE:
            raise Forbidden()
        return Scope(ALL, EVERYONE)
    if key == ME:
        if reach is not Reach.OWN:
            raise Forbidden()
        team = _team(teams, person.team_id)
        beside = Slice(team_id=team.id) if team is not None else None
        return Scope(ME, Slice(person_id=person.id), team, beside)
    if key.startswith("t") and key[1:].isdigit():
        team_id = int(key[1:])
        if reach is Reach.OWN or (reach is Reach.TEAM and team_id != person.team_id):
            raise Forbidden()
        team = _team(teams, team_id)
        if team is None:
            raise NotFound()
        return Scope(key, Slice(team_id=team_id), team)
    raise NotFound()


def choices(person: Person, teams: Sequence[Team]) -> list[str]:
    """The scope keys a reader may switch between (one: no switching)."""
    reach = reach_of(person)
    if reach is Reach.EVERYONE:
        return [ALL, *(team_key(t.id) for t in teams)]
    return [default_key(person)]
