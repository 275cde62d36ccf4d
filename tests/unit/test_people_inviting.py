"""The /invite composer, creating the link, the open invites and revoking them."""

from datetime import timedelta

import pytest

from domain.errors import Forbidden, InvalidInput, NotFound
from domain.people.flows import InviteDraft, NewTeam, StepGone
from domain.people.invites import DEFAULT_TTL, InviteStatus, hash_token
from domain.people.inviting import (
    choose_invite_team,
    composer,
    create_from_draft,
    create_invite,
    create_like,
    open_invites,
    revoke_invite,
    set_invite_uses,
    start_invite,
    teams_for_invite,
    toggle_invite_role,
)
from domain.people.model import Role
from tests.support.builders.people import NOW, a_rep, a_team, an_admin, an_invite
from tests.support.fakes import FakeUnitOfWork

ADMIN = an_admin(1)


def _uow() -> FakeUnitOfWork:
    uow = FakeUnitOfWork()
    uow.people.put(ADMIN, a_rep(2))
    uow.teams.put(a_team(3, "Сибирь"), a_team(4, "Москва"))
    return uow


async def test_a_new_composer_starts_with_a_field_rep_and_no_team() -> None:
    uow = _uow()
    await uow.flows.save(ADMIN.id, NewTeam(name="Юг"), now=NOW)
    shown, replaced = await start_invite(uow, actor=ADMIN, now=NOW)
    assert (shown.roles, shown.team) == ({Role.REP}, None)
    assert replaced == NewTeam(name="Юг")  # so the admin can be told what they left
    assert await uow.flows.get(ADMIN.id) == InviteDraft()


async def test_a_composer_starts_as_the_admins_last_invite_was() -> None:
    uow = _uow()
    await start_invite(uow, actor=ADMIN, now=NOW)
    await toggle_invite_role(uow, actor=ADMIN, role=Role.TEAM_LEAD, now=NOW)
    await choose_invite_team(uow, actor=ADMIN, team_id=3, now=NOW)
    await set_invite_uses(uow, actor=ADMIN, uses=5, now=NOW)
    created = await create_from_draft(uow, actor=ADMIN, now=NOW)
    assert (created.invite.max_uses, created.invite.uses_left) == (5, 5)
    shown, _ = await start_invite(uow, actor=ADMIN, now=NOW)
    assert (shown.roles, shown.team, shown.uses) == (
        {Role.REP, Role.TEAM_LEAD},
        a_team(3, "Сибирь"),
        5,
    )
    # Another admin's composer is their own.
    other = an_admin(5)
    uow.people.put(other)
    shown, _ = await start_invite(uow, actor=other, now=NOW)
    assert (shown.roles, shown.team, shown.uses) == ({Role.REP}, None, 1)


async def test_one_more_link_like_this_copies_roles_team_and_uses() -> None:
    uow = _uow()
    uow.invites.put(an_invite(1, Role.REP, team=4, uses=10, used_by=2))
    created = await create_like(uow, actor=ADMIN, invite_id=1, now=NOW + timedelta(days=3))
    invite = created.invite
    assert (invite.roles, invite.team_id, invite.max_uses, invite.uses) == ({Role.REP}, 4, 10, 0)
    assert invite.expires_at == NOW + timedelta(days=3) + DEFAULT_TTL
    assert invite.token_hash == hash_token(created.token)
    with pytest.raises(NotFound):
        await create_like(uow, actor=ADMIN, invite_id=99, now=NOW)
    with pytest.raises(Forbidden):
        await create_like(uow, actor=a_rep(2), invite_id=1, now=NOW)


async def test_a_link_is_for_one_to_a_hundred_people() -> None:
    uow = _uow()
    await start_invite(uow, actor=ADMIN, now=NOW)
    for wrong in (0, 101):
        with pytest.raises(InvalidInput):
            await set_invite_uses(uow, actor=ADMIN, uses=wrong, now=NOW)


async def test_only_admins_compose_invites() -> None:
    uow = _uow()
    rep = a_rep(2)
    with pytest.raises(Forbidden):
        await start_invite(uow, actor=rep, now=NOW)
    await uow.flows.save(rep.id, InviteDraft(), now=NOW)
    with pytest.raises(Forbidden):
        await toggle_invite_role(uow, actor=rep, role=Role.ADMIN, now=NOW)
    with pytest.raises(Forbidden):
        await create_from_draft(uow, actor=rep, now=NOW)
    with pytest.raises(Forbidden):
        await open_invites(uow, actor=rep, now=NOW)
    assert await uow.invites.open_invites(now=NOW) == []


async def test_ticking_roles_and_a_team_is_kept_in_the_draft() -> None:
    uow = _uow()
    await start_invite(uow, actor=ADMIN, now=NOW)
    await toggle_invite_role(uow, actor=ADMIN, role=Role.TEAM_LEAD, now=NOW)
    await toggle_invite_role(uow, actor=ADMIN, role=Role.ADMIN, now=NOW)
    shown = await toggle_invite_role(uow, actor=ADMIN, role=Role.REP, now=NOW)
    assert shown.roles == {Role.ADMIN, Role.TEAM_LEAD}
    shown = await choose_invite_team(uow, actor=ADMIN, team_id=3, now=NOW)
    assert shown.team == a_team(3, "Сибирь")
    # Roles are kept in the order they are shown everywhere.
    assert await uow.flows.get(ADMIN.id) == InviteDraft((Role.ADMIN, Role.TEAM_LEAD), 3)
    assert await composer(uow, actor=ADMIN) == shown
    shown = await choose_invite_team(uow, actor=ADMIN, team_id=None, now=NOW)
    assert shown.team is None


async def test_a_team_that_does_not_exist_is_not_chosen() -> None:
    uow = _uow()
    await start_invite(uow, actor=ADMIN, now=NOW)
    with pytest.raises(NotFound):
        await choose_invite_team(uow, actor=ADMIN, team_id=99, now=NOW)


async def test_the_composers_buttons_expire_once_it_is_closed() -> None:
    uow = _uow()
    await uow.flows.save(ADMIN.id, NewTeam(), now=NOW)
    for step in (
        toggle_invite_role(uow, actor=ADMIN, role=Role.REP, now=NOW),
        choose_invite_team(uow, actor=ADMIN, team_id=3, now=NOW),
        teams_for_invite(uow, actor=ADMIN),
        create_from_draft(uow, actor=ADMIN, now=NOW),
        composer(uow, actor=ADMIN),
    ):
        with pytest.raises(StepGone) as gone:
            await step
        assert gone.value.key == "button-expired"
    assert await uow.flows.get(ADMIN.id) == NewTeam()


async def test_the_team_choice_lists_every_team_by_name() -> None:
    uow = _uow()
    await start_invite(uow, actor=ADMIN, now=NOW)
    teams = await teams_for_invite(uow, actor=ADMIN)
    assert [t.name for t in teams] == ["Москва", "Сибирь"]


async def test_creating_from_the_draft_makes_a_one_week_link_and_closes_the_composer() -> None:
    uow = _uow()
    await uow.flows.save(ADMIN.id, InviteDraft((Role.MARKETER,), 4), now=NOW)
    created = await create_from_draft(uow, actor=ADMIN, now=NOW)
    invite = created.invite
    assert (invite.roles, invite.team_id, created.team) == ({Role.MARKETER}, 4, a_team(4, "Москва"))
    assert invite.expires_at == NOW + DEFAULT_TTL == NOW + timedelta(days=7)
    assert invite.created_by == ADMIN.id
    # Only the token's hash is stored; the token is shown once.
    assert invite.token_hash == hash_token(created.token) != created.token
    assert len(created.token) >= 32
    assert await uow.flows.get(ADMIN.id) is None
    assert uow.audit.actions() == ["invite.create"]


async def test_a_draft_without_roles_is_refused_and_stays_open() -> None:
    uow = _uow()
    await start_invite(uow, actor=ADMIN, now=NOW)

    async def create() -> None:
        async with uow:
            await toggle_invite_role(uow, actor=ADMIN, role=Role.REP, now=NOW)
            await create_from_draft(uow, actor=ADMIN, now=NOW)

    with pytest.raises(InvalidInput) as refused:
        await create()
    assert refused.value.key == "error-invite-no-roles"
    assert await uow.flows.get(ADMIN.id) == InviteDraft()
    assert await uow.invites.open_invites(now=NOW) == []


async def test_an_invite_into_a_missing_team_is_refused() -> None:
    with pytest.raises(NotFound):
        await create_invite(_uow(), actor=ADMIN, roles=[Role.REP], team_id=99, now=NOW)


async def test_open_invites_come_newest_first_with_their_teams() -> None:
    uow = _uow()
    uow.invites.put(
        an_invite(1, created=NOW - timedelta(days=2)),
        an_invite(2, team=3, created=NOW - timedelta(days=1)),
        an_invite(3, used_by=2),
        an_invite(4, revoked=True),
        an_invite(5, created=NOW - timedelta(days=8)),
    )
    found = await open_invites(uow, actor=ADMIN, now=NOW)
    assert [i.id for i in found.invites] == [2, 1]
    assert found.teams[3] == a_team(3, "Сибирь")


async def test_revoking_an_open_invite_returns_it_with_what_is_still_open() -> None:
    uow = _uow()
    uow.invites.put(an_invite(1), an_invite(2))
    revoked = await revoke_invite(uow, actor=ADMIN, invite_id=1, now=NOW)
    assert revoked.invite.status(NOW) is InviteStatus.REVOKED
    assert [i.id for i in revoked.still_open.invites] == [2]
    assert uow.audit.actions() == ["invite.revoke"]


@pytest.mark.parametrize(
    "invite", [an_invite(1, used_by=2), an_invite(1, revoked=True)], ids=["used", "revoked"]
)
async def test_an_invite_that_is_not_open_cannot_be_revoked(invite: object) -> None:
    uow = _uow()
    uow.invites.put(invite)
    with pytest.raises(InvalidInput) as refused:
        await revoke_invite(uow, actor=ADMIN, invite_id=1, now=NOW)
    assert refused.value.key == "error-invite-not-open"
    assert uow.audit.actions() == []


async def test_revoking_needs_an_admin_and_an_invite_that_exists() -> None:
    uow = _uow()
    uow.invites.put(an_invite(1))
    with pytest.raises(NotFound):
        await revoke_invite(uow, actor=ADMIN, invite_id=99, now=NOW)
    with pytest.raises(Forbidden):
        await revoke_invite(uow, actor=a_rep(2), invite_id=1, now=NOW)
    invite = await uow.invites.get(1)
    assert invite is not None and invite.revoked_at is None
