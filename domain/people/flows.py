"""People's multi-step flows: the invite composer, settings waiting for a typed value, and
the new-team and edit-team steps.

Each state is what the person has chosen so far; the use cases in ``inviting``,
``preferences`` and ``teams`` move from one state to the next and save it in the same unit of
work as the change it records.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from typing import ClassVar

from domain.errors import DomainError
from domain.people.model import Role, sorted_roles


class StepGone(DomainError):
    """A button of a step the person has left (or a choice that no longer applies): the
    same polite "this button has expired" as for any outdated button."""

    key = "button-expired"


@dataclass(frozen=True, slots=True)
class InviteDraft:
    """The /invite composer: the roles ticked so far, the team, if any, and how many people
    the link may register. A composer starts as the admin's last invite was (the very first
    as one field rep without a team)."""

    kind: ClassVar[str] = "people.invite"
    roles: tuple[Role, ...] = (Role.REP,)
    team_id: int | None = None
    uses: int = 1

    def toggled(self, role: Role) -> InviteDraft:
        return replace(self, roles=tuple(sorted_roles(set(self.roles) ^ {role})))

    def with_team(self, team_id: int | None) -> InviteDraft:
        return replace(self, team_id=team_id)

    def with_uses(self, uses: int) -> InviteDraft:
        return replace(self, uses=uses)


@dataclass(frozen=True, slots=True)
class TypingTimezone:
    """/settings is waiting for a time zone typed instead of picked."""

    kind: ClassVar[str] = "people.settings.timezone"


@dataclass(frozen=True, slots=True)
class TypingQuietHours:
    """/settings is waiting for a quiet-hours window typed instead of picked."""

    kind: ClassVar[str] = "people.settings.quiet_hours"


class TeamField(StrEnum):
    NAME = "name"
    REGION = "region"
    TIMEZONE = "tz"
    HOURS = "hours"  # working days and hours
    HOLIDAYS = "hol"  # the country (and region) whose public holidays are days off


@dataclass(frozen=True, slots=True)
class NewTeam:
    """/teams → New team: the name, then the region, then the default time zone."""

    kind: ClassVar[str] = "people.team.new"
    name: str | None = None
    region: str | None = None

    @property
    def waiting_for(self) -> TeamField:
        if self.name is None:
            return TeamField.NAME
        if self.region is None:
            return TeamField.REGION
        return TeamField.TIMEZONE

    def named(self, name: str) -> NewTeam:
        return replace(self, name=name)

    def in_region(self, region: str) -> NewTeam:
        return replace(self, region=region)


@dataclass(frozen=True, slots=True)
class TeamEdit:
    """A team card's ✏️ / 📍 / 🕒 button: waiting for that one field's new value."""

    kind: ClassVar[str] = "people.team.edit"
    team_id: int
    field: TeamField

    @property
    def waiting_for(self) -> TeamField:
        return self.field


@dataclass(frozen=True, slots=True)
class TypingAway:
    """/away is waiting for dates typed instead of picked (``01.12-05.12``)."""

    kind: ClassVar[str] = "people.away"
