"""Use cases for joining Tandem: admin bootstrap, invites, registration."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from domain.errors import Forbidden, InvalidInput, NotFound
from domain.people.invites import (
    DEFAULT_TTL,
    Invite,
    InviteStatus,
    NewInvite,
    hash_token,
    new_token,
)
from domain.people.model import NewPerson, Person, Role
from domain.permissions import Action, require
from domain.ports import AuditEntry, UnitOfWork


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


async def ensure_config_admin(
    uow: UnitOfWork, identity: Identity, *, now: datetime, default_timezone: str
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
        restored = await uow.people.get(person.id)
        assert restored is not None
        return restored
    return person


async def create_invite(
    uow: UnitOfWork,
    actor: Person,
    *,
    roles: Collection[Role],
    team_id: int | None,
    now: datetime,
    ttl: timedelta = DEFAULT_TTL,
) -> tuple[Invite, str]:
    """Create an invite; returns it with the clear-text token (shown once, never stored)."""
    require(actor, Action.INVITE_PEOPLE)
    if not roles:
        raise InvalidInput("error-invite-no-roles")
    if team_id is not None and await uow.teams.get(team_id) is None:
        raise NotFound()
    token = new_token()
    invite = await uow.invites.add(
        NewInvite(
            token_hash=hash_token(token),
            roles=frozenset(roles),
            team_id=team_id,
            created_by=actor.id,
            created_at=now,
            expires_at=now + ttl,
        )
    )
    await uow.audit.record(
        AuditEntry(
            actor.id,
            "invite.create",
            "invite",
            invite.id,
            now,
            {"roles": sorted(invite.roles), "team_id": team_id},
        )
    )
    return invite, token


async def redeem_invite(
    uow: UnitOfWork, token: str, identity: Identity, *, now: datetime, default_timezone: str
) -> Person:
    """Register a new person from an invite token. Raises :class:`InviteRefused`."""
    if not token or len(token) > 64:
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


async def revoke_invite(uow: UnitOfWork, actor: Person, invite_id: int, *, now: datetime) -> Invite:
    require(actor, Action.INVITE_PEOPLE)
    invite = await uow.invites.get(invite_id)
    if invite is None:
        raise NotFound()
    if invite.status(now) is not InviteStatus.OPEN:
        raise InvalidInput("error-invite-not-open")
    await uow.invites.mark_revoked(invite_id, at=now)
    await uow.audit.record(AuditEntry(actor.id, "invite.revoke", "invite", invite_id, now))
    revoked = await uow.invites.get(invite_id)
    assert revoked is not None
    return revoked


async def open_invites(uow: UnitOfWork, actor: Person, *, now: datetime) -> Sequence[Invite]:
    require(actor, Action.INVITE_PEOPLE)
    return await uow.invites.open_invites(now=now)


async def refresh_profile(uow: UnitOfWork, person: Person, identity: Identity) -> Person:
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
    updated = await uow.people.get(person.id)
    assert updated is not None
    return updated
