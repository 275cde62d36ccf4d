"""The admins' /invite: the composer (roles, team and how many people the link registers,
kept as an :class:`InviteDraft` flow), creating the link, "one more link like this", and the
list of open invites with revocation.

Admins onboard a team at a time: a composer starts as the admin's last invite was, one link
may register several people, and another link like the last one is one tap."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from domain import flows
from domain.errors import InvalidInput, NotFound
from domain.flows import FlowState
from domain.people.flows import InviteDraft, StepGone
from domain.people.invites import (
    DEFAULT_TTL,
    Invite,
    InviteStatus,
    NewInvite,
    check_uses,
    hash_token,
    new_token,
)
from domain.people.model import Person, Role, Team, sorted_roles
from domain.permissions import Action, require
from domain.ports import AuditEntry, UnitOfWork


@dataclass(frozen=True, slots=True)
class InviteComposer:
    """What the composer shows: the roles ticked so far, the chosen team, and how many
    people the link will register."""

    roles: frozenset[Role]
    team: Team | None
    uses: int = 1


@dataclass(frozen=True, slots=True)
class CreatedInvite:
    invite: Invite
    # The clear-text token, shown once in the link and never stored.
    token: str
    team: Team | None


@dataclass(frozen=True, slots=True)
class OpenInvites:
    """Every open invite, newest first, with the teams they name."""

    invites: Sequence[Invite]
    teams: Mapping[int, Team]


@dataclass(frozen=True, slots=True)
class Revoked:
    invite: Invite
    still_open: OpenInvites


async def _composer(uow: UnitOfWork, draft: InviteDraft) -> InviteComposer:
    team = await uow.teams.get(draft.team_id) if draft.team_id is not None else None
    return InviteComposer(frozenset(draft.roles), team, draft.uses)


async def _draft(uow: UnitOfWork, actor: Person) -> InviteDraft:
    require(actor, Action.INVITE_PEOPLE)
    draft = await flows.current(uow.flows, actor.id, InviteDraft)
    if draft is None:
        raise StepGone()  # the composer was closed (a link created, /cancel, another flow)
    return draft


async def _last_draft(uow: UnitOfWork, actor: Person) -> InviteDraft:
    """The admin's last invite as a composer (roles, team, uses), or the default one. A team
    deleted since is left out."""
    last = await uow.invites.last_created_by(actor.id)
    if last is None:
        return InviteDraft()
    team_id = last.team_id
    if team_id is not None and await uow.teams.get(team_id) is None:
        team_id = None
    return InviteDraft(tuple(sorted_roles(last.roles)), team_id, last.max_uses)


async def start_invite(
    uow: UnitOfWork, *, actor: Person, now: datetime
) -> tuple[InviteComposer, FlowState | None]:
    """Open a composer, set as the admin's last invite was; returns it with the flow it
    replaced."""
    require(actor, Action.INVITE_PEOPLE)
    draft = await _last_draft(uow, actor)
    previous = await flows.begin(uow.flows, actor.id, draft, now=now)
    return await _composer(uow, draft), previous


async def composer(uow: UnitOfWork, *, actor: Person) -> InviteComposer:
    """The open composer as it stands."""
    return await _composer(uow, await _draft(uow, actor))


async def toggle_invite_role(
    uow: UnitOfWork, *, actor: Person, role: Role, now: datetime
) -> InviteComposer:
    draft = (await _draft(uow, actor)).toggled(role)
    await uow.flows.save(actor.id, draft, now=now)
    return await _composer(uow, draft)


async def teams_for_invite(uow: UnitOfWork, *, actor: Person) -> Sequence[Team]:
    """The teams the new person may join (the composer must still be open)."""
    await _draft(uow, actor)
    return await uow.teams.all()


async def choose_invite_team(
    uow: UnitOfWork, *, actor: Person, team_id: int | None, now: datetime
) -> InviteComposer:
    draft = await _draft(uow, actor)
    if team_id is not None and await uow.teams.get(team_id) is None:
        raise NotFound()
    draft = draft.with_team(team_id)
    await uow.flows.save(actor.id, draft, now=now)
    return await _composer(uow, draft)


async def set_invite_uses(
    uow: UnitOfWork, *, actor: Person, uses: int, now: datetime
) -> InviteComposer:
    """How many people the link will register (one of the composer's choices)."""
    draft = (await _draft(uow, actor)).with_uses(check_uses(uses))
    await uow.flows.save(actor.id, draft, now=now)
    return await _composer(uow, draft)


async def create_invite(
    uow: UnitOfWork,
    *,
    actor: Person,
    roles: Collection[Role],
    team_id: int | None,
    now: datetime,
    uses: int = 1,
    ttl: timedelta = DEFAULT_TTL,
) -> tuple[Invite, str]:
    """Create an invite for ``uses`` people; returns it with the clear-text token (shown
    once, never stored)."""
    require(actor, Action.INVITE_PEOPLE)
    if not roles:
        raise InvalidInput("error-invite-no-roles")
    check_uses(uses)
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
            max_uses=uses,
        )
    )
    await uow.audit.record(
        AuditEntry(
            actor.id,
            "invite.create",
            "invite",
            invite.id,
            now,
            {"roles": sorted(invite.roles), "team_id": team_id, "uses": uses},
        )
    )
    return invite, token


async def create_from_draft(uow: UnitOfWork, *, actor: Person, now: datetime) -> CreatedInvite:
    """The composer's 🔗 button: the invite it describes, and the composer closes."""
    draft = await _draft(uow, actor)
    invite, token = await create_invite(
        uow, actor=actor, roles=draft.roles, team_id=draft.team_id, uses=draft.uses, now=now
    )
    await uow.flows.delete(actor.id)
    return await _created(uow, invite, token)


async def _created(uow: UnitOfWork, invite: Invite, token: str) -> CreatedInvite:
    team = await uow.teams.get(invite.team_id) if invite.team_id is not None else None
    return CreatedInvite(invite, token, team)


async def create_like(
    uow: UnitOfWork, *, actor: Person, invite_id: int, now: datetime
) -> CreatedInvite:
    """ "One more link like this": a new invite with the roles, team and uses of an earlier
    one (any admin's, open or not), expiring a full term from now."""
    require(actor, Action.INVITE_PEOPLE)
    model = await uow.invites.get(invite_id)
    if model is None:
        raise NotFound()
    invite, token = await create_invite(
        uow,
        actor=actor,
        roles=model.roles,
        team_id=model.team_id,
        uses=model.max_uses,
        now=now,
    )
    return await _created(uow, invite, token)


async def open_invites(uow: UnitOfWork, *, actor: Person, now: datetime) -> OpenInvites:
    require(actor, Action.INVITE_PEOPLE)
    invites = await uow.invites.open_invites(now=now)
    teams = {team.id: team for team in await uow.teams.all()}
    return OpenInvites(invites, teams)


async def revoke_invite(
    uow: UnitOfWork, *, actor: Person, invite_id: int, now: datetime
) -> Revoked:
    """Revoke an open invite; returns it with the invites still open."""
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
    return Revoked(revoked, await open_invites(uow, actor=actor, now=now))
