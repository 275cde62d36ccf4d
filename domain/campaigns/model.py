"""Campaigns: the draft a marketer builds, who it reaches, and where it is in its lifecycle.
When it goes out and its reminder ladder are in :mod:`domain.campaigns.schedule`, the moment
each message reaches each person in :mod:`domain.campaigns.timing`, what recipients last saw
and the notes that update it in :mod:`domain.campaigns.versions`, and who got it and
acknowledged it in :mod:`domain.campaigns.figures`.

Lifecycle::

    draft ──schedule──► scheduled ──(due)──► announced ──► cancelled
      │                    │  ▲                   │
      │                    └──┘ reschedule        └── updates (numbered)
      └──send now──────────────────────────────► announced
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from enum import StrEnum

from domain.campaigns.schedule import (
    DAYS_BEFORE,
    DEFAULT_LOCAL_TIME,
    REMINDER_PRESETS,
    ReminderRule,
    Schedule,
    ScheduleMode,
)
from domain.campaigns.versions import Change, SentVersion
from domain.errors import InvalidInput
from domain.people.model import Person, Role, Team
from domain.timezones import days_until

NAME_MAX = 120
FIELD_MAX = 1000
MESSAGE_MAX = 1500
MAX_KEY_MESSAGES = 10
MAX_MATERIALS = 20
NOTE_MAX = 1500


class Status(StrEnum):
    DRAFT = "draft"
    SCHEDULED = "scheduled"
    ANNOUNCED = "announced"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class Audience:
    """Who a campaign reaches: the union of the chosen selectors."""

    all_reps: bool = False
    team_ids: frozenset[int] = frozenset()
    roles: frozenset[Role] = frozenset()

    @property
    def is_empty(self) -> bool:
        return not (self.all_reps or self.team_ids or self.roles)

    def includes(self, person: Person) -> bool:
        if not person.active:
            return False
        if self.all_reps and Role.REP in person.roles:
            return True
        if person.team_id is not None and person.team_id in self.team_ids:
            return True
        return not self.roles.isdisjoint(person.roles)

    def toggled(
        self,
        *,
        all_reps: bool = False,
        team_id: int | None = None,
        role: Role | None = None,
        region: Collection[int] = (),
    ) -> Audience:
        """This audience with one tick flipped: all reps, a team, a role — or a region's
        teams, ticked together (all of them off when all were on, else all on)."""
        teams = self.team_ids
        if team_id is not None:
            teams = teams ^ {team_id}
        if region:
            chosen = frozenset(region)
            teams = teams - chosen if chosen <= teams else teams | chosen
        roles = self.roles ^ {role} if role is not None else self.roles
        return Audience(self.all_reps ^ all_reps, teams, roles)

    def to_json(self) -> dict[str, object]:
        return {
            "all_reps": self.all_reps,
            "teams": sorted(self.team_ids),
            "roles": sorted(r.value for r in self.roles),
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Audience:
        teams = data.get("teams") or []
        roles = data.get("roles") or []
        assert isinstance(teams, list)
        assert isinstance(roles, list)
        return cls(
            all_reps=bool(data.get("all_reps")),
            team_ids=frozenset(int(t) for t in teams),
            roles=frozenset(Role(r) for r in roles if r in set(Role)),
        )


@dataclass(frozen=True, slots=True)
class Material:
    id: int
    kind: str  # "document" or "photo"
    file_id: str
    file_name: str | None


@dataclass(frozen=True, slots=True)
class Campaign:
    id: int
    name: str
    product: str
    goal: str
    key_messages: tuple[str, ...]
    launch_date: date | None
    audience: Audience
    protect_content: bool
    status: Status
    schedule: Schedule | None
    reminders: tuple[ReminderRule, ...]
    created_by: int
    created_at: datetime
    announced_at: datetime | None = None
    cancelled_at: datetime | None = None
    revision: int = 0
    materials: tuple[Material, ...] = field(default_factory=tuple)
    # What recipients saw last (set when it is announced and at every update).
    sent: SentVersion | None = None

    @property
    def version(self) -> SentVersion:
        """The campaign as it would be shown now."""
        return SentVersion(
            self.name,
            self.product,
            self.goal,
            self.key_messages,
            self.launch_date,
            tuple(m.id for m in self.materials),
        )

    def changed_since_sent(self) -> tuple[Change, ...]:
        """What recipients do not see yet: changed since the announcement or the last update
        (nothing before it is sent, or once it is cancelled)."""
        if self.status is not Status.ANNOUNCED or self.sent is None:
            return ()
        return self.sent.changes_to(self.version)

    def as_sent(self) -> Campaign:
        """The campaign with its current version recorded as what recipients see."""
        return replace(self, sent=self.version)

    @property
    def editable(self) -> bool:
        return self.status in (Status.DRAFT, Status.SCHEDULED, Status.ANNOUNCED)

    @property
    def is_draft(self) -> bool:
        return self.status is Status.DRAFT

    def check_editable(self) -> None:
        if not self.editable:
            raise InvalidInput("error-campaign-cancelled")

    def check_audience_editable(self) -> None:
        """The audience is chosen in the draft: fixed once scheduled, for good once sent."""
        if self.status is Status.ANNOUNCED:
            raise InvalidInput("error-audience-sent")
        if self.status is not Status.DRAFT:
            raise InvalidInput("error-audience-locked")

    def check_schedulable(self) -> None:
        """Only a complete campaign that has not gone out can be (re)scheduled."""
        if self.status is Status.ANNOUNCED:
            raise InvalidInput("error-already-announced")
        if self.status is Status.CANCELLED:
            raise InvalidInput("error-campaign-cancelled")
        if self.missing():
            raise InvalidInput("error-campaign-incomplete")

    def check_goes_out_before_launch(self, when: Schedule, timezone: str) -> None:
        """An announcement goes out before the launch, not after it (the day as seen in the
        marketer's ``timezone``)."""
        if self.launch_date is None or when.mode is ScheduleMode.NOW:
            return
        day = when.local_day(timezone)
        if day is not None and day > self.launch_date:
            raise InvalidInput("error-after-launch")

    def days_before_options(self, now: datetime, timezone: str) -> tuple[int, ...]:
        """Which "N days before launch" schedules are still ahead, today being the day in
        the marketer's ``timezone``."""
        if self.launch_date is None:
            return ()
        ahead = days_until(self.launch_date, now, timezone)
        return tuple(days for days in DAYS_BEFORE if days <= ahead)

    def days_before(self, days: int) -> Schedule:
        """The schedule "``days`` days before launch, at 10:00 in each person's zone"."""
        if days not in DAYS_BEFORE:
            raise InvalidInput()
        if self.launch_date is None:
            raise InvalidInput("error-campaign-incomplete")
        day = self.launch_date - timedelta(days=days)
        return Schedule(ScheduleMode.LOCAL, day=day, local_time=DEFAULT_LOCAL_TIME)

    @property
    def reminders_editable(self) -> bool:
        return self.status is Status.DRAFT

    @property
    def reminder_preset(self) -> str | None:
        """The name of the preset the reminder ladder matches, if any."""
        return next((n for n, rules in REMINDER_PRESETS.items() if rules == self.reminders), None)

    def rung_rule(self, number: int) -> ReminderRule | None:
        """The rule of rung ``number`` (from 1) of the reminder ladder."""
        return self.reminders[number - 1] if 1 <= number <= len(self.reminders) else None

    def reminder_outdated(self, rule: ReminderRule | None, today: date) -> bool:
        """Whether a reminder is past its use on ``today`` (the recipient's date): the one
        for the day before launch once the launch day has come, any other once the launch
        day is over. A reminder asks to read the brief before launch."""
        if self.launch_date is None:
            return False
        if rule is ReminderRule.DAY_BEFORE_LAUNCH:
            return today >= self.launch_date
        return today > self.launch_date

    def escalation_outdated(self, today: date) -> bool:
        """Whether a team lead's alert is past its use on ``today`` (the lead's date): once
        the launch day is over there is nobody left to chase before launch."""
        return self.launch_date is not None and today > self.launch_date

    def missing(self) -> list[str]:
        """What must still be filled in before the campaign can be sent."""
        gaps = []
        if not self.name:
            gaps.append("name")
        if not self.product:
            gaps.append("product")
        if not self.key_messages:
            gaps.append("messages")
        if self.launch_date is None:
            gaps.append("launch")
        if self.audience.is_empty:
            gaps.append("audience")
        return gaps

    def with_(self, **changes: object) -> Campaign:
        return replace(self, **changes)  # type: ignore[arg-type]


def region_teams(teams: Iterable[Team], team_id: int) -> frozenset[int]:
    """The teams of the region team ``team_id`` is in (the audience picker's region tick);
    empty when there is no such team."""
    listed = list(teams)
    region = next((team.region for team in listed if team.id == team_id), None)
    if region is None:
        return frozenset()
    key = region.casefold()
    return frozenset(team.id for team in listed if team.region.casefold() == key)


def clean_text(raw: str, *, limit: int, key: str = "error-text-length") -> str:
    text = raw.strip()
    if not text:
        raise InvalidInput("error-text-expected")
    if len(text) > limit:
        raise InvalidInput(key, limit=limit, length=len(text))
    return text


def recipients(audience: Audience, people: Iterable[Person]) -> list[Person]:
    return [person for person in people if audience.includes(person)]
