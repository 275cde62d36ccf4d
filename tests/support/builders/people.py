"""People and teams."""

from __future__ import annotations

from datetime import UTC, datetime

from domain.people.model import Language, Person, Role, Team
from domain.timezones import QuietHours

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)  # 12:00 in Moscow, 16:00 in Novosibirsk


def a_person(
    pid: int,
    *roles: Role,
    team: int | None = None,
    tz: str = "Europe/Moscow",
    quiet: str | None = None,
    active: bool = True,
    name: str | None = None,
    language: Language | None = None,
) -> Person:
    return Person(
        id=pid,
        telegram_id=1000 + pid,
        first_name=name or f"P{pid}",
        last_name=None,
        username=None,
        language=language,
        telegram_language="ru",
        timezone=tz,
        quiet_hours=QuietHours.parse(quiet) if quiet else None,
        active=active,
        team_id=team,
        joined_at=NOW,
        roles=frozenset(roles or (Role.REP,)),
    )


def a_rep(pid: int, **kwargs: object) -> Person:
    return a_person(pid, Role.REP, **kwargs)  # type: ignore[arg-type]


def a_marketer(pid: int, **kwargs: object) -> Person:
    return a_person(pid, Role.MARKETER, **kwargs)  # type: ignore[arg-type]


def a_lead(pid: int, **kwargs: object) -> Person:
    return a_person(pid, Role.TEAM_LEAD, **kwargs)  # type: ignore[arg-type]


def an_admin(pid: int, **kwargs: object) -> Person:
    return a_person(pid, Role.ADMIN, **kwargs)  # type: ignore[arg-type]


def an_analyst(pid: int, **kwargs: object) -> Person:
    return a_person(pid, Role.ANALYST, **kwargs)  # type: ignore[arg-type]


def a_team(tid: int, name: str | None = None, *, tz: str = "Europe/Moscow") -> Team:
    return Team(tid, name or f"Team {tid}", "Region", tz)
