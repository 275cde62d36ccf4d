"""Use cases over the real SQLite repositories."""

from datetime import UTC, datetime, timedelta

import pytest

from domain.errors import Conflict, Forbidden, InvalidInput
from domain.people import directory, inviting, joining, preferences, teams
from domain.people.flows import (
    InviteDraft,
    NewTeam,
    TeamEdit,
    TeamField,
    TypingQuietHours,
    TypingTimezone,
)
from domain.people.joining import Identity, InviteRefused
from domain.people.model import Language, Role
from domain.timezones import QuietHours
from handlers.people import FEATURE
from storage.db import Database
from storage.flows import FlowCodec
from storage.uow import unit_of_work
from tests.support.fakes import FakePeopleRepo

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
ADMIN = Identity(1, "Olga", "Admin", "olga", "ru")


async def bootstrap(db: Database):
    async with unit_of_work(db) as uow:
        return await joining.ensure_config_admin(
            uow, identity=ADMIN, now=NOW, default_timezone="Europe/Moscow"
        )


async def test_config_admin_is_registered_once_and_restored(db: Database) -> None:
    admin = await bootstrap(db)
    assert admin.roles == {Role.ADMIN}
    assert (await bootstrap(db)).id == admin.id
    async with unit_of_work(db) as uow:
        await uow.people.set_active(admin.id, False)
        await uow.people.set_roles(admin.id, frozenset({Role.REP}))
    restored = await bootstrap(db)
    assert restored.active and Role.ADMIN in restored.roles and Role.REP in restored.roles


async def test_invite_registers_with_roles_team_and_team_zone(db: Database) -> None:
    admin = await bootstrap(db)
    async with unit_of_work(db) as uow:
        team = await teams.create_team(
            uow,
            actor=admin,
            name="Siberia",
            region="Novosibirsk",
            timezone="asia/novosibirsk",
            now=NOW,
        )
        invite, token = await inviting.create_invite(
            uow, actor=admin, roles=[Role.REP, Role.TEAM_LEAD], team_id=team.id, now=NOW
        )
    assert invite.token_hash != token and len(token) >= 32
    async with unit_of_work(db) as uow:
        person = await joining.redeem_invite(
            uow,
            token=token,
            identity=Identity(2, "Ivan", language_code="en"),
            now=NOW,
            default_timezone="Europe/Moscow",
        )
    assert person.roles == {Role.REP, Role.TEAM_LEAD}
    assert person.team_id == team.id
    assert person.timezone == "Asia/Novosibirsk"
    async with unit_of_work(db) as uow:
        history = await uow.audit.for_object("invite", invite.id)
    assert [e.action for e in history] == ["invite.create", "invite.redeem"]


@pytest.mark.parametrize("how", ["used", "expired", "revoked", "unknown", "already-registered"])
async def test_invites_that_are_not_open_are_refused(db: Database, how: str) -> None:
    admin = await bootstrap(db)
    async with unit_of_work(db) as uow:
        invite, token = await inviting.create_invite(
            uow, actor=admin, roles=[Role.REP], team_id=None, now=NOW
        )
    now = NOW
    identity = Identity(3, "Petr")
    if how == "used":
        async with unit_of_work(db) as uow:
            await joining.redeem_invite(
                uow, token=token, identity=Identity(4, "First"), now=NOW, default_timezone="UTC"
            )
    elif how == "expired":
        now = NOW + timedelta(days=7)
    elif how == "revoked":
        async with unit_of_work(db) as uow:
            await inviting.revoke_invite(uow, actor=admin, invite_id=invite.id, now=NOW)
    elif how == "unknown":
        token = token[:-1] + ("A" if token[-1] != "A" else "B")
    elif how == "already-registered":
        identity = ADMIN
    with pytest.raises(InviteRefused):
        async with unit_of_work(db) as uow:
            await joining.redeem_invite(
                uow, token=token, identity=identity, now=now, default_timezone="UTC"
            )


async def test_a_link_for_three_registers_three_people_and_then_no_one(db: Database) -> None:
    admin = await bootstrap(db)
    async with unit_of_work(db) as uow:
        invite, token = await inviting.create_invite(
            uow, actor=admin, roles=[Role.REP], team_id=None, uses=3, now=NOW
        )
    for telegram_id in (11, 12, 13):
        async with unit_of_work(db) as uow:
            await joining.redeem_invite(
                uow,
                token=token,
                identity=Identity(telegram_id, "Rep"),
                now=NOW,
                default_timezone="UTC",
            )
            stored = await uow.invites.get(invite.id)
            assert stored is not None and stored.uses == telegram_id - 10
    async with unit_of_work(db) as uow:
        assert await uow.invites.open_invites(now=NOW) == []
        # The last place is taken: neither another person nor a revocation gets it.
        assert not await uow.invites.mark_used(invite.id, person_id=1, at=NOW)
        assert not await uow.invites.mark_revoked(invite.id, at=NOW)
        last = await uow.invites.last_created_by(admin.id)
        assert last is not None and (last.max_uses, last.uses, last.uses_left) == (3, 3, 0)
    with pytest.raises(InviteRefused):
        async with unit_of_work(db) as uow:
            await joining.redeem_invite(
                uow, token=token, identity=Identity(14, "Late"), now=NOW, default_timezone="UTC"
            )
    async with unit_of_work(db) as uow:
        with pytest.raises(InvalidInput):
            await inviting.create_invite(
                uow, actor=admin, roles=[Role.REP], team_id=None, uses=101, now=NOW
            )


async def test_only_admins_create_invites_and_need_a_role(db: Database) -> None:
    admin = await bootstrap(db)
    async with unit_of_work(db) as uow:
        _, token = await inviting.create_invite(
            uow, actor=admin, roles=[Role.REP], team_id=None, now=NOW
        )
        rep = await joining.redeem_invite(
            uow, token=token, identity=Identity(5, "Rep"), now=NOW, default_timezone="UTC"
        )
        with pytest.raises(Forbidden):
            await inviting.create_invite(uow, actor=rep, roles=[Role.ADMIN], team_id=None, now=NOW)
        with pytest.raises(InvalidInput):
            await inviting.create_invite(uow, actor=admin, roles=[], team_id=None, now=NOW)


async def test_admin_rights_cannot_be_lost_by_accident(db: Database) -> None:
    admin = await bootstrap(db)
    async with unit_of_work(db) as uow:
        _, token = await inviting.create_invite(
            uow, actor=admin, roles=[Role.ADMIN], team_id=None, now=NOW
        )
        second = await joining.redeem_invite(
            uow, token=token, identity=Identity(6, "Second"), now=NOW, default_timezone="UTC"
        )
    protected = {ADMIN.telegram_id}
    async with unit_of_work(db) as uow:
        await directory.toggle_role(
            uow,
            actor=second,
            person_id=admin.id,
            role=Role.MARKETER,
            now=NOW,
            protected_admins=protected,
        )
        await directory.toggle_role(
            uow,
            actor=admin,
            person_id=second.id,
            role=Role.REP,
            now=NOW,
            protected_admins=protected,
        )
        with pytest.raises(InvalidInput, match="error-config-admin"):
            await directory.toggle_role(
                uow,
                actor=second,
                person_id=admin.id,
                role=Role.ADMIN,
                now=NOW,
                protected_admins=protected,
            )
        with pytest.raises(InvalidInput, match="error-config-admin"):
            await directory.set_person_active(
                uow,
                actor=second,
                person_id=admin.id,
                active=False,
                now=NOW,
                protected_admins=protected,
            )
        with pytest.raises(InvalidInput, match="error-self-admin"):
            await directory.toggle_role(
                uow,
                actor=second,
                person_id=second.id,
                role=Role.ADMIN,
                now=NOW,
                protected_admins=protected,
            )
        with pytest.raises(InvalidInput, match="error-self-deactivate"):
            await directory.set_person_active(
                uow,
                actor=second,
                person_id=second.id,
                active=False,
                now=NOW,
                protected_admins=protected,
            )
        demoted = (
            await directory.toggle_role(
                uow,
                actor=admin,
                person_id=second.id,
                role=Role.ADMIN,
                now=NOW,
                protected_admins=protected,
            )
        ).person
        assert demoted.roles == {Role.REP}
        with pytest.raises(InvalidInput, match="error-last-role"):
            await directory.toggle_role(
                uow,
                actor=admin,
                person_id=second.id,
                role=Role.REP,
                now=NOW,
                protected_admins=protected,
            )


async def test_the_last_active_admin_stays(db: Database) -> None:
    admin = await bootstrap(db)
    async with unit_of_work(db) as uow:
        _, token = await inviting.create_invite(
            uow, actor=admin, roles=[Role.ADMIN, Role.REP], team_id=None, now=NOW
        )
        second = await joining.redeem_invite(
            uow, token=token, identity=Identity(7, "Second"), now=NOW, default_timezone="UTC"
        )
        # The configured admin is deactivated outside the protections (e.g. removed from ADMIN_IDS).
        await uow.people.set_active(admin.id, False)
        with pytest.raises(InvalidInput, match="error-last-admin"):
            await directory.toggle_role(
                uow,
                actor=admin,
                person_id=second.id,
                role=Role.ADMIN,
                now=NOW,
                protected_admins=set(),
            )


async def test_team_names_are_unique_and_validated(db: Database) -> None:
    admin = await bootstrap(db)
    async with unit_of_work(db) as uow:
        await teams.create_team(
            uow, actor=admin, name="North", region="Murmansk", timezone="Europe/Moscow", now=NOW
        )
        with pytest.raises(Conflict):
            await teams.create_team(
                uow, actor=admin, name="  north ", region="X", timezone="UTC", now=NOW
            )
        with pytest.raises(InvalidInput):
            await teams.create_team(
                uow, actor=admin, name="x" * 65, region="X", timezone="UTC", now=NOW
            )
        with pytest.raises(InvalidInput):
            await teams.create_team(
                uow, actor=admin, name="South", region="X", timezone="Nowhere/City", now=NOW
            )


async def test_preferences_round_trip(db: Database) -> None:
    admin = await bootstrap(db)
    async with unit_of_work(db) as uow:
        admin = await preferences.set_language(uow, actor=admin, language=Language.EN, now=NOW)
        admin = await preferences.set_timezone(uow, actor=admin, timezone="asia/omsk", now=NOW)
        admin = await preferences.set_quiet_hours(
            uow, actor=admin, quiet=QuietHours.parse("22:00-08:00"), now=NOW
        )
    async with unit_of_work(db) as uow:
        fresh = await uow.people.get(admin.id)
    assert fresh is not None
    assert (fresh.language, fresh.timezone, str(fresh.quiet_hours)) == (
        Language.EN,
        "Asia/Omsk",
        "22:00–08:00",
    )


async def test_a_failed_use_case_rolls_back(db: Database) -> None:
    admin = await bootstrap(db)

    async def two_teams_with_one_name() -> None:
        async with unit_of_work(db) as uow:
            await teams.create_team(uow, actor=admin, name="A", region="R", timezone="UTC", now=NOW)
            await teams.create_team(uow, actor=admin, name="a", region="R", timezone="UTC", now=NOW)

    with pytest.raises(Conflict):
        await two_teams_with_one_name()
    async with unit_of_work(db) as uow:
        assert await uow.teams.all() == []


async def test_timestamps_are_stored_in_utc(db: Database) -> None:
    from zoneinfo import ZoneInfo

    local = datetime(2026, 11, 24, 12, 0, tzinfo=ZoneInfo("Asia/Vladivostok"))
    async with unit_of_work(db) as uow:
        person = await joining.ensure_config_admin(
            uow, identity=ADMIN, now=local, default_timezone="UTC"
        )
    async with db.raw.execute("SELECT joined_at FROM people WHERE id = ?", (person.id,)) as cur:
        assert (await cur.fetchone())[0] == "2026-11-24 02:00:00.000000"
    assert person.joined_at == local


async def test_people_flow_states_survive_storage(db: Database) -> None:
    codec = FlowCodec(route.state for route in FEATURE.flows)
    admin = await bootstrap(db)
    states = [
        InviteDraft((Role.ADMIN, Role.TEAM_LEAD), 3),
        InviteDraft(),
        TypingTimezone(),
        TypingQuietHours(),
        NewTeam(),
        NewTeam(name="Юг", region="Кубань"),
        TeamEdit(3, TeamField.TIMEZONE),
    ]
    for state in states:
        async with unit_of_work(db, codec) as uow:
            await uow.flows.save(admin.id, state, now=NOW)
        async with unit_of_work(db, codec) as uow:
            assert await uow.flows.get(admin.id) == state


async def test_the_fake_lists_people_in_the_order_sqlite_does(db: Database) -> None:
    admin = await bootstrap(db)
    names = [("Яна", None), ("анна", "Б"), ("анна", "а"), ("Борис", None), ("anna", None)]
    async with unit_of_work(db) as uow:
        for index, (first, last) in enumerate(names):
            _, token = await inviting.create_invite(
                uow, actor=admin, roles=[Role.REP], team_id=None, now=NOW
            )
            person = await joining.redeem_invite(
                uow,
                token=token,
                identity=Identity(100 + index, first, last),
                now=NOW,
                default_timezone="UTC",
            )
            if first == "Борис":
                await uow.people.set_active(person.id, False)
        everyone = await uow.people.many(range(1, 10))
        stored = await uow.people.page(offset=0, limit=10)
    fake = FakePeopleRepo(list(reversed(everyone)))
    assert await fake.page(offset=0, limit=10) == stored
    assert [p.first_name for p in stored] == ["anna", "Olga", "Яна", "анна", "анна", "Борис"]
