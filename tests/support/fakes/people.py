"""Fakes of people's ports: people, teams and invites, faithful to the SQL in
``storage/people.py`` and ``storage/invites.py`` (unique keys, orderings, SQLite's ``lower()``,
which folds ASCII letters only)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from domain.people.invites import Invite, NewInvite
from domain.people.model import AwayPeriod, Language, NewPerson, Person, Role, Team
from domain.timezones import QuietHours


def sql_lower(text: str) -> str:
    """SQLite's ``lower()``: ASCII letters only, so «Яна» sorts before «анна» as it does there."""
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in text)


class FakePeopleRepo:
    def __init__(self, people: Sequence[Person] = ()) -> None:
        self.by_id: dict[int, Person] = {p.id: p for p in people}
        self.absences: list[AwayPeriod] = []

    def put(self, *people: Person) -> None:
        """Arrange: store these people as they are."""
        for person in people:
            self.by_id[person.id] = person

    async def get(self, person_id: int) -> Person | None:
        return self.by_id.get(person_id)

    async def by_telegram_id(self, telegram_id: int) -> Person | None:
        return next((p for p in self.by_id.values() if p.telegram_id == telegram_id), None)

    async def add(self, new: NewPerson, *, joined_at: datetime) -> Person:
        if any(p.telegram_id == new.telegram_id for p in self.by_id.values()):
            raise ValueError(f"UNIQUE constraint failed: people.telegram_id {new.telegram_id}")
        person = Person(
            id=max(self.by_id, default=0) + 1,
            telegram_id=new.telegram_id,
            first_name=new.first_name,
            last_name=new.last_name,
            username=new.username,
            language=None,
            telegram_language=new.telegram_language,
            timezone=new.timezone,
            quiet_hours=None,
            active=True,
            team_id=new.team_id,
            joined_at=joined_at,
            roles=new.roles,
        )
        self.by_id[person.id] = person
        return person

    def _change(self, person_id: int, **changes: object) -> None:
        if person_id in self.by_id:
            self.by_id[person_id] = replace(self.by_id[person_id], **changes)  # type: ignore[arg-type]

    async def set_roles(self, person_id: int, roles: frozenset[Role]) -> None:
        self._change(person_id, roles=roles)

    async def set_blocked(self, person_id: int, at: datetime | None) -> None:
        self._change(person_id, blocked_at=at)

    async def set_team(self, person_id: int, team_id: int | None) -> None:
        self._change(person_id, team_id=team_id)

    async def set_active(self, person_id: int, active: bool) -> None:
        self._change(person_id, active=active)

    async def set_language(self, person_id: int, language: str | None) -> None:
        self._change(person_id, language=Language(language) if language else None)

    async def set_timezone(self, person_id: int, timezone: str) -> None:
        self._change(person_id, timezone=timezone)

    async def set_quiet_hours(self, person_id: int, quiet: QuietHours | None) -> None:
        self._change(person_id, quiet_hours=quiet)

    async def update_profile(
        self,
        person_id: int,
        *,
        first_name: str,
        last_name: str | None,
        username: str | None,
        telegram_language: str | None,
    ) -> None:
        self._change(
            person_id,
            first_name=first_name,
            last_name=last_name,
            username=username,
            telegram_language=telegram_language,
        )

    def _sorted(self) -> list[Person]:
        return sorted(
            self.by_id.values(),
            key=lambda p: (
                not p.active,
                sql_lower(p.first_name),
                sql_lower(p.last_name or ""),
                p.id,
            ),
        )

    async def page(self, *, offset: int, limit: int) -> Sequence[Person]:
        return self._sorted()[offset : offset + limit]

    async def count(self) -> int:
        return len(self.by_id)

    async def count_active_with_role(self, role: Role) -> int:
        return sum(1 for p in self.by_id.values() if p.active and role in p.roles)

    async def count_in_team(self, team_id: int) -> int:
        return sum(1 for p in self.by_id.values() if p.active and p.team_id == team_id)

    async def active(self) -> Sequence[Person]:
        return [p for _, p in sorted(self.by_id.items()) if p.active]

    async def many(self, person_ids: Sequence[int]) -> Sequence[Person]:
        return [self.by_id[i] for i in sorted(set(person_ids)) if i in self.by_id]

    async def with_role(self, role: Role) -> Sequence[Person]:
        return [p for _, p in sorted(self.by_id.items()) if p.active and role in p.roles]

    # --- time away ---------------------------------------------------------------------------

    def away(self) -> list[AwayPeriod]:
        return sorted(self.absences, key=lambda p: (p.starts_at, p.id))

    async def add_away(
        self, person_id: int, *, starts_at: datetime, ends_at: datetime, now: datetime
    ) -> AwayPeriod:
        if ends_at <= starts_at:
            raise ValueError("CHECK constraint failed: ends_at > starts_at")
        period = AwayPeriod(len(self.absences) + 1, person_id, starts_at, ends_at)
        self.absences.append(period)
        return period

    async def end_away(self, person_id: int, *, now: datetime) -> int:
        kept, changed = [], 0
        for p in self.absences:
            if p.person_id == person_id and p.starts_at > now:
                changed += 1
                continue
            if p.person_id == person_id and p.starts_at <= now < p.ends_at:
                p = replace(p, ends_at=now)
                changed += 1
            kept.append(p)
        self.absences = kept
        return changed

    async def away_period(self, period_id: int) -> AwayPeriod | None:
        return next((p for p in self.absences if p.id == period_id), None)

    async def away_periods(
        self, person_ids: Sequence[int], *, ending_after: datetime
    ) -> Sequence[AwayPeriod]:
        wanted = set(person_ids)
        return [p for p in self.away() if p.person_id in wanted and p.ends_at > ending_after]


class FakeTeamRepo:
    def __init__(self, teams: Sequence[Team] = ()) -> None:
        self.by_id: dict[int, Team] = {t.id: t for t in teams}

    def put(self, *teams: Team) -> None:
        for team in teams:
            self.by_id[team.id] = team

    async def get(self, team_id: int) -> Team | None:
        return self.by_id.get(team_id)

    async def by_name(self, name: str) -> Team | None:
        wanted = name.casefold()
        return next((t for t in self.by_id.values() if t.name.casefold() == wanted), None)

    async def all(self) -> Sequence[Team]:
        return sorted(self.by_id.values(), key=lambda t: (sql_lower(t.name), t.id))

    async def add(self, *, name: str, region: str, timezone: str) -> Team:
        if any(sql_lower(t.name) == sql_lower(name) for t in self.by_id.values()):
            raise ValueError(f"UNIQUE constraint failed: teams_name_unique {name!r}")
        team = Team(max(self.by_id, default=0) + 1, name, region, timezone)
        self.by_id[team.id] = team
        return team

    async def save(self, team: Team) -> None:
        if any(
            sql_lower(t.name) == sql_lower(team.name) and t.id != team.id
            for t in self.by_id.values()
        ):
            raise ValueError(f"UNIQUE constraint failed: teams_name_unique {team.name!r}")
        self.by_id[team.id] = team

    async def save_working_time(self, team: Team) -> None:
        stored = self.by_id.get(team.id)
        if stored is not None:
            self.by_id[team.id] = replace(
                stored,
                work_days=team.work_days,
                work_start=team.work_start,
                work_end=team.work_end,
                country=team.country,
                subdivision=team.subdivision,
            )


class FakeInviteRepo:
    def __init__(self, invites: Sequence[Invite] = ()) -> None:
        self.by_id: dict[int, Invite] = {i.id: i for i in invites}

    def put(self, *invites: Invite) -> None:
        for invite in invites:
            self.by_id[invite.id] = invite

    async def add(self, new: NewInvite) -> Invite:
        invite = Invite(
            id=max(self.by_id, default=0) + 1,
            token_hash=new.token_hash,
            roles=new.roles,
            team_id=new.team_id,
            created_by=new.created_by,
            created_at=new.created_at,
            expires_at=new.expires_at,
            max_uses=new.max_uses,
        )
        self.by_id[invite.id] = invite
        return invite

    async def get(self, invite_id: int) -> Invite | None:
        return self.by_id.get(invite_id)

    async def by_token_hash(self, token_hash: str) -> Invite | None:
        return next((i for i in self.by_id.values() if i.token_hash == token_hash), None)

    async def mark_used(self, invite_id: int, *, person_id: int, at: datetime) -> bool:
        invite = self.by_id.get(invite_id)
        if invite is None or invite.uses_left == 0 or invite.revoked_at is not None:
            return False
        self.by_id[invite_id] = replace(invite, used_by=person_id, used_at=at, uses=invite.uses + 1)
        return True

    async def mark_revoked(self, invite_id: int, *, at: datetime) -> bool:
        invite = self.by_id.get(invite_id)
        if invite is None or invite.uses_left == 0 or invite.revoked_at is not None:
            return False
        self.by_id[invite_id] = replace(invite, revoked_at=at)
        return True

    async def open_invites(self, *, now: datetime) -> Sequence[Invite]:
        found = [
            i
            for i in self.by_id.values()
            if i.uses_left > 0 and i.revoked_at is None and i.expires_at > now
        ]
        return sorted(found, key=lambda i: (i.created_at, i.id), reverse=True)

    async def last_created_by(self, person_id: int) -> Invite | None:
        mine = [i for i in self.by_id.values() if i.created_by == person_id]
        return max(mine, key=lambda i: i.id, default=None)
