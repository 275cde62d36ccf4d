"""Who may come in, and how they are greeted: the configured admins, invites redeemed, and
everyone else refused.

:func:`admit` runs before anything a person sends or presses; :func:`greet` answers /start.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from domain.errors import Forbidden
from domain.people.invites import InviteStatus, hash_token
from domain.people.model import NewPerson, Person, Role, Team
from domain.ports import AuditEntry, UnitOfWork

# Telegram's deep-link payloads are at most 64 characters.
TOKEN_MAX = 64


@dataclass(frozen=True, slots=True)
class Identity:
    """Who Telegram says is talking to us."""

    telegram_id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None


class InviteRefused(Forbidden):
    """The token is unknown, used, expired or revoked. Deliberately one error for all four,
    so that the refusal does not tell a stranger which tokens exist."""

    key = "refusal"


class Entry(StrEnum):
    """What becomes of an update, by who sent it."""

    ADMITTED = "admitted"  # an active person: go on
    MAY_JOIN = "may_join"  # a stranger with an invite token: /start redeems or refuses it
    STRANGER = "stranger"  # refused: ask for an invite
    DEACTIVATED = "deactivated"  # refused: access was turned off


@dataclass(frozen=True, slots=True)
class Admission:
    entry: Entry
    # The active person behind the update (ADMITTED only).
    person: Person | None = None
    # True when this very update registered them (a configured admin's first visit).
    first_visit: bool = False


async def admit(
    uow: UnitOfWork,
    *,
    identity: Identity,
    admin_ids: Collection[int],
    with_invite: bool,
    now: datetime,
    default_timezone: str,
) -> Admission:
    """Decide whether the sender goes on. A configured admin is registered, or restored as an
    active admin, on every visit; an active person's name, username and Telegram language are
    kept current. ``with_invite``: the update is /start with a token."""
    person = await uow.people.by_telegram_id(identity.telegram_id)
    first_visit = False
    if identity.telegram_id in admin_ids:
        first_visit = person is None
        person = await ensure_config_admin(
            uow, identity=identity, now=now, default_timezone=default_timezone
        )
    if person is not None and person.active:
        person = await _refresh_profile(uow, person, identity)
        return Admission(Entry.ADMITTED, person, first_visit)
    if person is not None:
        return Admission(Entry.DEACTIVATED)
    return Admission(Entry.MAY_JOIN if with_invite else Entry.STRANGER)


async def ensure_config_admin(
    uow: UnitOfWork, *, identity: Identity, now: datetime, default_timezone: str
) -> Person:
    """Register (or restore) a person listed in ADMIN_IDS as an active admin."""
    person = await uow.people.by_telegram_id(identity.telegram_id)
    if person is None:
        person = await uow.people.add(
            NewPerson(
                telegram_id=identity.telegram_id,
                first_name=identity.first_name,
                last_name=identity.last_name,
                username=identity.username,
                telegram_language=identity.language_code,
                timezone=default_timezone,
                team_id=None,
                roles=frozenset({Role.ADMIN}),
            ),
            joined_at=now,
        )
        await uow.audit.record(
            AuditEntry(person.id, "person.bootstrap_admin", "person", person.id, now)
        )
        return person
    if not person.active or Role.ADMIN not in person.roles:
        await uow.people.set_active(person.id, True)
        await uow.people.set_roles(person.id, person.roles | {Role.ADMIN})
        await uow.audit.record(
            AuditEntry(person.id, "person.restore_config_admin", "person", person.id, now)
        )
        return await _reload(uow, person.id)
    return person


async def _refresh_profile(uow: UnitOfWork, person: Person, identity: Identity) -> Person:
    """Keep name, username and Telegram language current; writes only when they changed."""
    if (
        person.first_name == identity.first_name
        and person.last_name == identity.last_name
        and person.username == identity.username
        and person.telegram_language == identity.language_code
    ):
        return person
    await uow.people.update_profile(
        person.id,
        first_name=identity.first_name,
        last_name=identity.last_name,
        username=identity.username,
        telegram_language=identity.language_code,
    )
    return await _reload(uow, person.id)


async def _reload(uow: UnitOfWork, person_id: int) -> Person:
    person = await uow.people.get(person_id)
    assert person is not None
    return person


async def redeem_invite(
    uow: UnitOfWork, *, token: str, identity: Identity, now: datetime, default_timezone: str
) -> Person:
    """Register a new person from an invite token, with its roles, its team and the team's
    time zone. Raises :class:`InviteRefused`."""
    if not token or len(token) > TOKEN_MAX:
        raise InviteRefused()
    invite = await uow.invites.by_token_hash(hash_token(token))
    if invite is None or invite.status(now) is not InviteStatus.OPEN:
        raise InviteRefused()
    if await uow.people.by_telegram_id(identity.telegram_id) is not None:
        # Someone already known (perhaps deactivated) cannot re-enter through an invite;
        # an admin reactivates them instead.
        raise InviteRefused()
    team = await uow.teams.get(invite.team_id) if invite.team_id is not None else None
    person = await uow.people.add(
        NewPerson(
            telegram_id=identity.telegram_id,
            first_name=identity.first_name,
            last_name=identity.last_name,
            username=identity.username,
            telegram_language=identity.language_code,
            timezone=team.timezone if team else default_timezone,
            team_id=team.id if team else None,
            roles=invite.roles,
        ),
        joined_at=now,
    )
    if not await uow.invites.mark_used(invite.id, person_id=person.id, at=now):
        # Another request redeemed it between our read and our write.
        raise InviteRefused()
    await uow.audit.record(
        AuditEntry(person.id, "invite.redeem", "invite", invite.id, now, {"person_id": person.id})
    )
    return person


class Greeting(StrEnum):
    NEW = "new"  # just joined through an invite
    ADMIN = "admin"  # a configured admin's first visit: where to begin
    BACK = "back"  # /start again
    ALREADY = "already"  # an invite link opened by someone already in


@dataclass(frozen=True, slots=True)
class Welcome:
    person: Person
    team: Team | None
    greeting: Greeting


async def greet(
    uow: UnitOfWork,
    *,
    actor: Person | None,
    identity: Identity,
    token: str | None,
    first_visit: bool,
    now: datetime,
    default_timezone: str,
) -> Welcome:
    """/start: a stranger joins through the invite ``token`` (or is refused with
    :class:`InviteRefused`); a registered person is greeted back."""
    if actor is None:
        person = await redeem_invite(
            uow, token=token or "", identity=identity, now=now, default_timezone=default_timezone
        )
        greeting = Greeting.NEW
    elif first_visit:
        person, greeting = actor, Greeting.ADMIN
    else:
        person, greeting = actor, Greeting.ALREADY if token else Greeting.BACK
    team = await uow.teams.get(person.team_id) if person.team_id is not None else None
    return Welcome(person, team, greeting)


async def known(uow: UnitOfWork, *, telegram_id: int) -> Person | None:
    """The person behind a Telegram account, registered or not (for replies in their own
    language outside any use case, such as an apology after an error)."""
    return await uow.people.by_telegram_id(telegram_id)
