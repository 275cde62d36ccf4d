"""People and teams repositories."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time

import aiosqlite

from domain.people.model import AwayPeriod, Language, NewPerson, Person, Role, Team, parse_roles
from domain.timezones import QuietHours
from storage.db import fetch_all, fetch_one, from_db, to_db

_PERSON_COLUMNS = (
    "p.id, p.telegram_id, p.first_name, p.last_name, p.username, p.language,"
    " p.telegram_language, p.timezone, p.quiet_hours, p.active, p.team_id, p.joined_at,"
    " p.blocked_at,"
    " (SELECT group_concat(role) FROM person_roles r WHERE r.person_id = p.id) AS roles"
)


def _person(row: aiosqlite.Row) -> Person:
    return Person(
        id=row["id"],
        telegram_id=row["telegram_id"],
        first_name=row["first_name"],
        last_name=row["last_name"],
        username=row["username"],
        language=Language(row["language"]) if row["language"] else None,
        telegram_language=row["telegram_language"],
        timezone=row["timezone"],
        quiet_hours=QuietHours.from_storage(row["quiet_hours"]),
        active=bool(row["active"]),
        team_id=row["team_id"],
        joined_at=from_db(row["joined_at"]),
        roles=parse_roles(row["roles"] or ""),
        blocked_at=from_db(row["blocked_at"]) if row["blocked_at"] else None,
    )


class SqlPeopleRepo:
    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn

    async def _one(self, where: str, *args: object) -> Person | None:
        sql = f"SELECT {_PERSON_COLUMNS} FROM people p WHERE {where}"
        row = await fetch_one(self._conn, sql, args)
        return _person(row) if row else None

    async def get(self, person_id: int) -> Person | None:
        return await self._one("p.id = ?", person_id)

    async def by_telegram_id(self, telegram_id: int) -> Person | None:
        return await self._one("p.telegram_id = ?", telegram_id)

    async def add(self, new: NewPerson, *, joined_at: datetime) -> Person:
        cur = await self._conn.execute(
            "INSERT INTO people (telegram_id, first_name, last_name, username,"
            " telegram_language, timezone, team_id, joined_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                new.telegram_id,
                new.first_name,
                new.last_name,
                new.username,
                new.telegram_language,
                new.timezone,
                new.team_id,
                to_db(joined_at),
            ),
        )
        person_id = cur.lastrowid
        assert person_id is not None
        await self.set_roles(person_id, new.roles)
        person = await self.get(person_id)
        assert person is not None
        return person

    async def set_roles(self, person_id: int, roles: frozenset[Role]) -> None:
        await self._conn.execute("DELETE FROM person_roles WHERE person_id = ?", (person_id,))
        await self._conn.executemany(
            "INSERT INTO person_roles (person_id, role) VALUES (?, ?)",
            [(person_id, role.value) for role in roles],
        )

    async def _set(self, person_id: int, column: str, value: object) -> None:
        await self._conn.execute(f"UPDATE people SET {column} = ? WHERE id = ?", (value, person_id))

    async def set_blocked(self, person_id: int, at: datetime | None) -> None:
        await self._conn.execute(
            "UPDATE people SET blocked_at = ? WHERE id = ?",
            (to_db(at) if at is not None else None, person_id),
        )

    async def set_team(self, person_id: int, team_id: int | None) -> None:
        await self._set(person_id, "team_id", team_id)

    async def set_active(self, person_id: int, active: bool) -> None:
        await self._set(person_id, "active", int(active))

    async def set_language(self, person_id: int, language: str | None) -> None:
        await self._set(person_id, "language", language)

    async def set_timezone(self, person_id: int, timezone: str) -> None:
        await self._set(person_id, "timezone", timezone)

    async def set_quiet_hours(self, person_id: int, quiet: QuietHours | None) -> None:
        await self._set(person_id, "quiet_hours", quiet.to_storage() if quiet else None)

    async def update_profile(
        self,
        person_id: int,
        *,
        first_name: str,
        last_name: str | None,
        username: str | None,
        telegram_language: str | None,
    ) -> None:
        await self._conn.execute(
            "UPDATE people SET first_name = ?, last_name = ?, username = ?,"
            " telegram_language = ? WHERE id = ?",
            (first_name, last_name, username, telegram_language, person_id),
        )

    async def page(self, *, offset: int, limit: int) -> Sequence[Person]:
        sql = (
            f"SELECT {_PERSON_COLUMNS} FROM people p"
            " ORDER BY p.active DESC, lower(p.first_name), lower(COALESCE(p.last_name, '')), p.id"
            " LIMIT ? OFFSET ?"
        )
        return [_person(row) for row in await fetch_all(self._conn, sql, (limit, offset))]

    async def _scalar(self, sql: str, *args: object) -> int:
        row = await fetch_one(self._conn, sql, args)
        return int(row[0]) if row else 0

    async def count(self) -> int:
        return await self._scalar("SELECT COUNT(*) FROM people")

    async def count_active_with_role(self, role: Role) -> int:
        return await self._scalar(
            "SELECT COUNT(*) FROM people p JOIN person_roles r ON r.person_id = p.id"
            " WHERE p.active = 1 AND r.role = ?",
            role.value,
        )

    async def count_in_team(self, team_id: int) -> int:
        return await self._scalar(
            "SELECT COUNT(*) FROM people WHERE team_id = ? AND active = 1", team_id
        )

    async def active(self) -> Sequence[Person]:
        sql = f"SELECT {_PERSON_COLUMNS} FROM people p WHERE p.active = 1 ORDER BY p.id"
        return [_person(row) for row in await fetch_all(self._conn, sql)]

    async def many(self, person_ids: Sequence[int]) -> Sequence[Person]:
        found: list[Person] = []
        ids = list(person_ids)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT {_PERSON_COLUMNS} FROM people p WHERE p.id IN ({marks})"
            found += [_person(row) for row in await fetch_all(self._conn, sql, chunk)]
        return found

    async def with_role(self, role: Role) -> Sequence[Person]:
        sql = (
            f"SELECT {_PERSON_COLUMNS} FROM people p JOIN person_roles r ON r.person_id = p.id"
            " WHERE p.active = 1 AND r.role = ? ORDER BY p.id"
        )
        return [_person(row) for row in await fetch_all(self._conn, sql, (role.value,))]

    async def add_away(
        self, person_id: int, *, starts_at: datetime, ends_at: datetime, now: datetime
    ) -> AwayPeriod:
        cur = await self._conn.execute(
            "INSERT INTO person_away (person_id, starts_at, ends_at, created_at)"
            " VALUES (?, ?, ?, ?)",
            (person_id, to_db(starts_at), to_db(ends_at), to_db(now)),
        )
        assert cur.lastrowid is not None
        return AwayPeriod(cur.lastrowid, person_id, starts_at, ends_at)

    async def end_away(self, person_id: int, *, now: datetime) -> int:
        stamp = to_db(now)
        cur = await self._conn.execute(
            "DELETE FROM person_away WHERE person_id = ? AND starts_at > ?", (person_id, stamp)
        )
        ended = cur.rowcount
        cur = await self._conn.execute(
            "UPDATE person_away SET ends_at = ? WHERE person_id = ? AND starts_at <= ?"
            " AND ends_at > ?",
            (stamp, person_id, stamp, stamp),
        )
        return ended + cur.rowcount

    async def away_period(self, period_id: int) -> AwayPeriod | None:
        r = await fetch_one(
            self._conn,
            "SELECT id, person_id, starts_at, ends_at FROM person_away WHERE id = ?",
            (period_id,),
        )
        return AwayPeriod(r[0], r[1], from_db(r[2]), from_db(r[3])) if r else None

    async def away_periods(
        self, person_ids: Sequence[int], *, ending_after: datetime
    ) -> Sequence[AwayPeriod]:
        found: list[AwayPeriod] = []
        ids = sorted(set(person_ids))
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found += [
                AwayPeriod(r[0], r[1], from_db(r[2]), from_db(r[3]))
                for r in await fetch_all(
                    self._conn,
                    "SELECT id, person_id, starts_at, ends_at FROM person_away"
                    f" WHERE person_id IN ({marks}) AND ends_at > ? ORDER BY starts_at, id",
                    (*chunk, to_db(ending_after)),
                )
            ]
        return sorted(found, key=lambda p: (p.starts_at, p.id))


def _clock(raw: str) -> time:
    hours, minutes = raw.split(":")
    return time(int(hours), int(minutes))


def _team(row: aiosqlite.Row) -> Team:
    return Team(
        id=row["id"],
        name=row["name"],
        region=row["region"],
        timezone=row["timezone"],
        work_days=row["work_days"],
        work_start=_clock(row["work_start"]),
        work_end=_clock(row["work_end"]),
        country=row["country"],
        subdivision=row["subdivision"],
    )


class SqlTeamRepo:
    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn

    async def get(self, team_id: int) -> Team | None:
        row = await fetch_one(self._conn, "SELECT * FROM teams WHERE id = ?", (team_id,))
        return _team(row) if row else None

    async def by_name(self, name: str) -> Team | None:
        # SQLite's lower() folds ASCII only; team names are mostly Cyrillic, and teams are
        # few, so the comparison is done in Python.
        wanted = name.casefold()
        return next((team for team in await self.all() if team.name.casefold() == wanted), None)

    async def all(self) -> Sequence[Team]:
        return [
            _team(row)
            for row in await fetch_all(self._conn, "SELECT * FROM teams ORDER BY lower(name), id")
        ]

    async def add(self, *, name: str, region: str, timezone: str) -> Team:
        cur = await self._conn.execute(
            "INSERT INTO teams (name, region, timezone) VALUES (?, ?, ?)",
            (name, region, timezone),
        )
        assert cur.lastrowid is not None
        return Team(id=cur.lastrowid, name=name, region=region, timezone=timezone)

    async def save(self, team: Team) -> None:
        await self._conn.execute(
            "UPDATE teams SET name = ?, region = ?, timezone = ? WHERE id = ?",
            (team.name, team.region, team.timezone, team.id),
        )

    async def save_working_time(self, team: Team) -> None:
        await self._conn.execute(
            "UPDATE teams SET work_days = ?, work_start = ?, work_end = ?, country = ?,"
            " subdivision = ? WHERE id = ?",
            (
                team.work_days,
                f"{team.work_start:%H:%M}",
                f"{team.work_end:%H:%M}",
                team.country,
                team.subdivision,
                team.id,
            ),
        )
