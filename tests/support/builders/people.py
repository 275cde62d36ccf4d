"""People, teams, invites and who Telegram says is writing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from domain.people.invites import DEFAULT_TTL, Invite, hash_token
from domain.people.joining import Identity
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


def a_team(
    tid: int, name: str | None = None, *, tz: str = "Europe/Moscow", region: str = "Region"
) -> Team:
    return Team(tid, name or f"Team {tid}", region, tz)


def an_identity(telegram_id: int, name: str = "Ivan", *, language: str | None = "ru") -> Identity:
    """Who Telegram says is writing."""
    return Identity(telegram_id, name, language_code=language)


def an_invite(
    iid: int,
    *roles: Role,
    token: str | None = None,
    team: int | None = None,
    by: int = 1,
    created: datetime = NOW,
    ttl: timedelta = DEFAULT_TTL,
    used_by: int | None = None,
    revoked: bool = False,
    uses: int = 1,
) -> Invite:
    """An invite for ``uses`` people whose clear-text token is ``token`` (default
    ``token-<iid>``); ``used_by`` took its last place."""
    return Invite(
        id=iid,
        token_hash=hash_token(token or f"token-{iid}"),
        roles=frozenset(roles or (Role.REP,)),
        team_id=team,
        created_by=by,
        created_at=created,
        expires_at=created + ttl,
        used_by=used_by,
        used_at=created if used_by is not None else None,
        revoked_at=created if revoked else None,
        max_uses=uses,
        uses=uses if used_by is not None else 0,
    )
