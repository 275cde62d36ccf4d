"""Who comes in (the gatekeeper's decision), joining through an invite, and the greeting."""

from datetime import timedelta

import pytest

from domain.people.joining import (
    Admission,
    Entry,
    Greeting,
    InviteRefused,
    admit,
    ensure_config_admin,
    greet,
    redeem_invite,
)
from domain.people.model import Role
from tests.support.builders.people import (
    NOW,
    a_person,
    a_rep,
    a_team,
    an_admin,
    an_identity,
    an_invite,
)
from tests.support.fakes import FakeUnitOfWork

ZONE = "Europe/Moscow"


async def _admit(uow: FakeUnitOfWork, telegram_id: int, **kwargs: object) -> Admission:
    options: dict[str, object] = {"admin_ids": set(), "with_invite": False}
    options.update(kwargs)
    return await admit(
        uow,
        identity=an_identity(telegram_id, "P1"),
        now=NOW,
        default_timezone=ZONE,
        **options,
    )


async def test_an_active_person_is_admitted_as_themselves() -> None:
    uow = FakeUnitOfWork()
    uow.people.put(a_rep(1))
    admission = await _admit(uow, 1001)
    assert admission.entry is Entry.ADMITTED
    assert admission.person == a_rep(1)
    assert not admission.first_visit


async def test_a_stranger_is_refused_unless_they_bring_an_invite() -> None:
    uow = FakeUnitOfWork()
    assert (await _admit(uow, 5000)).entry is Entry.STRANGER
    may_join = await _admit(uow, 5000, with_invite=True)
    assert may_join.entry is Entry.MAY_JOIN and may_join.person is None
    assert await uow.people.count() == 0


async def test_a_deactivated_person_is_refused_even_with_an_invite() -> None:
    uow = FakeUnitOfWork()
    uow.people.put(a_rep(1, active=False))
    assert (await _admit(uow, 1001)).entry is Entry.DEACTIVATED
    assert (await _admit(uow, 1001, with_invite=True)).entry is Entry.DEACTIVATED


async def test_a_configured_admin_is_registered_on_the_first_visit_only() -> None:
    uow = FakeUnitOfWork()
    first = await _admit(uow, 7, admin_ids={7})
    assert first.entry is Entry.ADMITTED and first.first_visit
    assert first.person is not None and first.person.roles == {Role.ADMIN}
    assert first.person.timezone == ZONE
    again = await _admit(uow, 7, admin_ids={7})
    assert again.person == first.person and not again.first_visit
    assert uow.audit.actions() == ["person.bootstrap_admin"]


async def test_a_configured_admin_gets_back_access_and_the_admin_role() -> None:
    uow = FakeUnitOfWork()
    uow.people.put(a_person(1, Role.REP, active=False))
    admission = await _admit(uow, 1001, admin_ids={1001})
    assert admission.entry is Entry.ADMITTED and not admission.first_visit
    assert admission.person is not None
    assert admission.person.active and admission.person.roles == {Role.ADMIN, Role.REP}
    assert uow.audit.actions() == ["person.restore_config_admin"]


async def test_restoring_a_configured_admin_who_is_fine_changes_nothing() -> None:
    uow = FakeUnitOfWork()
    uow.people.put(an_admin(1))
    person = await ensure_config_admin(
        uow,
        identity=an_identity(1001, "P1"),
        now=NOW,
        default_timezone=ZONE,
    )
    assert person == an_admin(1)
    assert uow.audit.actions() == []


async def test_the_profile_follows_what_telegram_says_but_is_written_only_on_change() -> None:
    uow = FakeUnitOfWork()
    uow.people.put(a_rep(1))
    writes = 0
    update_profile = uow.people.update_profile

    async def counting(*args: object, **kwargs: object) -> None:
        nonlocal writes
        writes += 1
        await update_profile(*args, **kwargs)

    uow.people.update_profile = counting
    await _admit(uow, 1001)  # same name and language as stored
    assert writes == 0
    renamed = await admit(
        uow,
        identity=an_identity(1001, "Пётр", language="en"),
        admin_ids=set(),
        with_invite=False,
        now=NOW,
        default_timezone=ZONE,
    )
    assert writes == 1
    assert renamed.person is not None
    assert (renamed.person.first_name, renamed.person.telegram_language) == ("Пётр", "en")


async def test_an_invite_registers_with_its_roles_team_and_the_teams_zone() -> None:
    uow = FakeUnitOfWork()
    uow.teams.put(a_team(3, "Сибирь", tz="Asia/Novosibirsk"))
    uow.invites.put(an_invite(1, Role.REP, Role.TEAM_LEAD, team=3))
    person = await redeem_invite(
        uow,
        token="token-1",
        identity=an_identity(2001, "Anna", language="en"),
        now=NOW,
        default_timezone=ZONE,
    )
    assert person.roles == {Role.REP, Role.TEAM_LEAD}
    assert (person.team_id, person.timezone, person.telegram_language) == (
        3,
        "Asia/Novosibirsk",
        "en",
    )
    invite = await uow.invites.get(1)
    assert invite is not None and invite.used_by == person.id and invite.used_at == NOW
    assert uow.audit.actions() == ["invite.redeem"]


async def test_without_a_team_a_newcomer_gets_the_default_zone() -> None:
    uow = FakeUnitOfWork()
    uow.invites.put(an_invite(1))
    person = await redeem_invite(
        uow,
        token="token-1",
        identity=an_identity(2001),
        now=NOW,
        default_timezone="Asia/Omsk",
    )
    assert (person.team_id, person.timezone) == (None, "Asia/Omsk")


@pytest.mark.parametrize(
    ("token", "invite", "when"),
    [
        ("", an_invite(1), NOW),
        ("x" * 65, an_invite(1, token="x" * 65), NOW),
        ("token-2", an_invite(1), NOW),
        ("token-1", an_invite(1, used_by=9), NOW),
        ("token-1", an_invite(1, revoked=True), NOW),
        ("token-1", an_invite(1), NOW + timedelta(days=7)),
    ],
    ids=["empty", "too-long", "unknown", "used", "revoked", "expired"],
)
async def test_an_invite_that_is_not_open_is_refused_with_one_error(
    token: str, invite: object, when: object
) -> None:
    uow = FakeUnitOfWork()
    uow.invites.put(invite)
    with pytest.raises(InviteRefused) as refused:
        await redeem_invite(
            uow,
            token=token,
            identity=an_identity(2001),
            now=when,
            default_timezone=ZONE,
        )
    assert refused.value.key == "refusal"
    assert await uow.people.count() == 0


async def test_someone_already_known_cannot_come_back_through_an_invite() -> None:
    uow = FakeUnitOfWork()
    uow.people.put(a_rep(1, active=False))
    uow.invites.put(an_invite(1, Role.ADMIN))
    with pytest.raises(InviteRefused):
        await redeem_invite(
            uow,
            token="token-1",
            identity=an_identity(1001),
            now=NOW,
            default_timezone=ZONE,
        )
    invite = await uow.invites.get(1)
    assert invite is not None and invite.used_at is None


async def test_a_newcomer_is_greeted_as_new_with_their_team() -> None:
    uow = FakeUnitOfWork()
    uow.teams.put(a_team(3))
    uow.invites.put(an_invite(1, team=3))
    welcome = await greet(
        uow,
        actor=None,
        identity=an_identity(2001),
        token="token-1",
        first_visit=False,
        now=NOW,
        default_timezone=ZONE,
    )
    assert welcome.greeting is Greeting.NEW
    assert welcome.team == a_team(3) and welcome.person.team_id == 3


async def test_a_stranger_without_a_token_is_refused() -> None:
    with pytest.raises(InviteRefused):
        await greet(
            FakeUnitOfWork(),
            actor=None,
            identity=an_identity(2001),
            token=None,
            first_visit=False,
            now=NOW,
            default_timezone=ZONE,
        )


@pytest.mark.parametrize(
    ("first_visit", "token", "greeting"),
    [
        (True, None, Greeting.ADMIN),
        (False, None, Greeting.BACK),
        (False, "token-1", Greeting.ALREADY),
    ],
)
async def test_someone_registered_is_greeted_by_how_they_came(
    first_visit: bool, token: str | None, greeting: Greeting
) -> None:
    uow = FakeUnitOfWork()
    uow.teams.put(a_team(3))
    uow.invites.put(an_invite(1))
    admin = an_admin(1, team=3)
    welcome = await greet(
        uow,
        actor=admin,
        identity=an_identity(1001),
        token=token,
        first_visit=first_visit,
        now=NOW,
        default_timezone=ZONE,
    )
    assert (welcome.person, welcome.team, welcome.greeting) == (admin, a_team(3), greeting)
    invite = await uow.invites.get(1)
    assert invite is not None and invite.used_at is None  # an invite is not spent on them
