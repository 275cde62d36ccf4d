"""Campaigns: the draft a marketer builds, its audience, when it reaches each person, and the
reminder ladder for those who have not acknowledged it.

Lifecycle::

    draft ──schedule──► scheduled ──(due)──► announced ──► cancelled
      │                    │  ▲                   │
      │                    └──┘ reschedule        └── updates (numbered)
      └──send now──────────────────────────────► announced
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from domain.errors import InvalidInput
from domain.people.model import Person, Role, Team
from domain.timezones import at_local, days_until, to_local

NAME_MAX = 120
FIELD_MAX = 1000
MESSAGE_MAX = 1500
MAX_KEY_MESSAGES = 10
MAX_MATERIALS = 20
NOTE_MAX = 1500
# Scheduled messages reach people at a sensible local hour unless told otherwise.
DEFAULT_LOCAL_TIME = time(10, 0)
# "N days before launch at 10:00 local": the schedule offers these.
DAYS_BEFORE = (7, 3, 1)


class Status(StrEnum):
    DRAFT = "draft"
    SCHEDULED = "scheduled"
    ANNOUNCED = "announced"
    CANCELLED = "cancelled"


class ScheduleMode(StrEnum):
    NOW = "now"
    AT = "at"  # one moment, entered in the marketer's zone
    LOCAL = "local"  # a date and a wall-clock time in each recipient's own zone


@dataclass(frozen=True, slots=True)
class Schedule:
    mode: ScheduleMode
    at: datetime | None = None  # AT: the UTC moment
    day: date | None = None  # LOCAL: the calendar day
    local_time: time | None = None  # LOCAL: the wall-clock time

    def to_json(self) -> dict[str, str]:
        data = {"mode": self.mode.value}
        if self.at is not None:
            data["at"] = self.at.isoformat()
        if self.day is not None:
            data["day"] = self.day.isoformat()
        if self.local_time is not None:
            data["local_time"] = self.local_time.strftime("%H:%M")
        return data

    @classmethod
    def from_json(cls, data: dict[str, str] | None) -> Schedule | None:
        if not data:
            return None
        return cls(
            mode=ScheduleMode(data["mode"]),
            at=datetime.fromisoformat(data["at"]) if "at" in data else None,
            day=date.fromisoformat(data["day"]) if "day" in data else None,
            local_time=time.fromisoformat(data["local_time"]) if "local_time" in data else None,
        )

    def moment_for(self, person: Person, *, now: datetime) -> datetime:
        """When this person should get the message, before quiet hours are applied."""
        if self.mode is ScheduleMode.NOW:
            return now
        if self.mode is ScheduleMode.AT:
            assert self.at is not None
            return max(self.at, now)
        assert self.day is not None
        assert self.local_time is not None
        return max(at_local(self.day, self.local_time, person.timezone), now)

    def local_day(self, timezone: str) -> date | None:
        """The calendar day it goes out, for someone in ``timezone`` (None: right away)."""
        if self.mode is ScheduleMode.AT:
            assert self.at is not None
            return to_local(self.at, timezone).date()
        return self.day


class ReminderRule(StrEnum):
    AFTER_24H = "after-24h"
    AFTER_48H = "after-48h"
    DAY_BEFORE_LAUNCH = "launch-1d"


REMINDER_PRESETS: dict[str, tuple[ReminderRule, ...]] = {
    "standard": (ReminderRule.AFTER_24H, ReminderRule.DAY_BEFORE_LAUNCH),
    "day": (ReminderRule.AFTER_24H,),
    "intense": (ReminderRule.AFTER_24H, ReminderRule.AFTER_48H, ReminderRule.DAY_BEFORE_LAUNCH),
    "off": (),
}
ESCALATION_DELAY = timedelta(hours=2)


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


class NoteKind(StrEnum):
    """What a numbered note to everyone who got the announcement says."""

    UPDATE = "update"
    CANCELLATION = "cancellation"


class Field(StrEnum):
    """What of a sent campaign its recipients see, and an update can change."""

    NAME = "name"
    PRODUCT = "product"
    GOAL = "goal"
    MESSAGES = "messages"
    LAUNCH = "launch"
    MATERIALS = "materials"


@dataclass(frozen=True, slots=True)
class Change:
    """One field changed since recipients last saw the campaign. ``old`` and ``new`` are what
    an update can name (the launch dates as ISO days, the name and product, the number of
    materials); a goal or key messages that changed are only said to have."""

    field: Field
    old: str | None = None
    new: str | None = None

    def to_json(self) -> dict[str, str | None]:
        return {"field": self.field.value, "old": self.old, "new": self.new}

    @classmethod
    def from_json(cls, data: dict[str, str | None]) -> Change:
        return cls(Field(data["field"] or ""), data.get("old"), data.get("new"))


@dataclass(frozen=True, slots=True)
class SentVersion:
    """The campaign as its recipients last saw it: at the announcement, or the last update."""

    name: str
    product: str
    goal: str
    key_messages: tuple[str, ...]
    launch_date: date | None
    materials: tuple[int, ...]  # material ids

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "product": self.product,
            "goal": self.goal,
            "key_messages": list(self.key_messages),
            "launch_date": self.launch_date.isoformat() if self.launch_date else None,
            "materials": list(self.materials),
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> SentVersion:
        launch = data.get("launch_date")
        messages, materials = data.get("key_messages") or [], data.get("materials") or []
        assert isinstance(messages, list) and isinstance(materials, list)
        return cls(
            name=str(data.get("name") or ""),
            product=str(data.get("product") or ""),
            goal=str(data.get("goal") or ""),
            key_messages=tuple(str(m) for m in messages),
            launch_date=date.fromisoformat(launch) if isinstance(launch, str) else None,
            materials=tuple(int(m) for m in materials),
        )

    def changes_to(self, now: SentVersion) -> tuple[Change, ...]:
        """What differs in ``now`` from this version, in the order the card lists fields."""
        found: list[Change] = []
        if now.name != self.name:
            found.append(Change(Field.NAME, self.name, now.name))
        if now.product != self.product:
            found.append(Change(Field.PRODUCT, self.product, now.product))
        if now.goal != self.goal:
            found.append(Change(Field.GOAL))
        if now.key_messages != self.key_messages:
            found.append(Change(Field.MESSAGES))
        if now.launch_date != self.launch_date:
            old, new = self.launch_date, now.launch_date
            found.append(
                Change(
                    Field.LAUNCH,
                    old.isoformat() if old else None,
                    new.isoformat() if new else None,
                )
            )
        if now.materials != self.materials:
            found.append(Change(Field.MATERIALS, str(len(self.materials)), str(len(now.materials))))
        return tuple(found)


@dataclass(frozen=True, slots=True)
class Note:
    """Update number ``number`` of a campaign (or its cancellation), with the marketer's text,
    what changed since the version recipients saw before it, and who wrote it."""

    number: int
    kind: NoteKind
    text: str
    changes: tuple[Change, ...] = ()
    by: int | None = field(default=None, compare=False)  # who sent it: not what it says


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


def delivery_moment(schedule: Schedule, person: Person, *, now: datetime) -> datetime:
    """When the announcement reaches this person: the schedule, then out of quiet hours."""
    moment = schedule.moment_for(person, now=now)
    if person.quiet_hours is not None:
        moment = person.quiet_hours.next_allowed(moment, person.timezone)
    return moment


def reminder_rungs(
    campaign: Campaign, person: Person, *, announced: datetime
) -> list[tuple[int, datetime]]:
    """The reminder ladder for one recipient, in order, each outside their quiet hours: for
    each rung, its number in the campaign's ladder (from 1: which rule it is) and its moment.

    Rungs that would come before the announcement itself, or less than an hour after it,
    are dropped (a campaign announced the day before launch gets no "day before" reminder),
    and so is one that would not come after the rung before it.
    """
    rungs: list[tuple[int, datetime]] = []
    for number, rule in enumerate(campaign.reminders, 1):
        if rule is ReminderRule.AFTER_24H:
            moment = announced + timedelta(hours=24)
        elif rule is ReminderRule.AFTER_48H:
            moment = announced + timedelta(hours=48)
        else:
            if campaign.launch_date is None:
                continue
            day = campaign.launch_date - timedelta(days=1)
            moment = at_local(day, DEFAULT_LOCAL_TIME, person.timezone)
        if person.quiet_hours is not None:
            moment = person.quiet_hours.next_allowed(moment, person.timezone)
        if moment < announced + timedelta(hours=1):
            continue
        if rungs and moment <= rungs[-1][1]:
            continue
        rungs.append((number, moment))
    return rungs


def reminder_moments(campaign: Campaign, person: Person, *, announced: datetime) -> list[datetime]:
    """The moments of :func:`reminder_rungs`."""
    return [moment for _, moment in reminder_rungs(campaign, person, announced=announced)]


def escalation_moment(lead: Person, last_reminder: datetime) -> datetime:
    """A team lead's alert: two hours after the last reminder to their team, outside the
    lead's own quiet hours."""
    moment = last_reminder + ESCALATION_DELAY
    if lead.quiet_hours is not None:
        moment = lead.quiet_hours.next_allowed(moment, lead.timezone)
    return moment


@dataclass(frozen=True, slots=True)
class TeamFigures:
    team_id: int | None
    recipients: int
    delivered: int
    acknowledged: int
    unreachable: int
    pending: int
    not_acknowledged: tuple[Person, ...]
    unreachable_people: tuple[Person, ...] = ()

    @property
    def acknowledged_percent(self) -> int:
        """Acknowledged, as a share of those it was delivered to."""
        return round(100 * self.acknowledged / self.delivered) if self.delivered else 0


@dataclass(frozen=True, slots=True)
class Figures:
    total: TeamFigures
    teams: tuple[TeamFigures, ...]


def figures(rows: Sequence[tuple[Person, str, bool]], *, only_team: int | None = None) -> Figures:
    """Aggregate (recipient, delivery status, acknowledged) rows per team.

    ``only_team`` keeps one team's rows (what a team lead may see).
    """
    if only_team is not None:
        rows = [row for row in rows if row[0].team_id == only_team]
    by_team: dict[int | None, list[tuple[Person, str, bool]]] = {}
    for row in rows:
        by_team.setdefault(row[0].team_id, []).append(row)

    def tally(team_id: int | None, group: Sequence[tuple[Person, str, bool]]) -> TeamFigures:
        delivered = sum(1 for _, status, _ in group if status == "sent")
        return TeamFigures(
            team_id=team_id,
            recipients=len(group),
            delivered=delivered,
            acknowledged=sum(1 for _, _, acked in group if acked),
            unreachable=sum(1 for _, status, _ in group if status in ("unreachable", "failed")),
            pending=sum(1 for _, status, _ in group if status in ("pending", "sending")),
            not_acknowledged=tuple(
                sorted(
                    (p for p, status, acked in group if status == "sent" and not acked),
                    key=lambda p: p.full_name.lower(),
                )
            ),
            unreachable_people=tuple(
                sorted(
                    (p for p, status, _ in group if status in ("unreachable", "failed")),
                    key=lambda p: p.full_name.lower(),
                )
            ),
        )

    teams = tuple(
        tally(team_id, group)
        for team_id, group in sorted(
            by_team.items(), key=lambda item: (item[0] is None, item[0] or 0)
        )
    )
    return Figures(total=tally(None, rows), teams=teams)
