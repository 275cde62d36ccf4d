"""/people: the paged list, a person's card, and changing roles, team and access, with the
guards that keep admins from locking themselves out."""

import pytest

from domain.errors import Forbidden, InvalidInput, NotFound
from domain.people.directory import (
    people_page,
    person_card,
    set_person_active,
    set_person_team,
    team_choice,
    toggle_role,
)
from domain.people.flows import NewTeam
from domain.people.model import Role
from tests.support.builders.people import NOW, a_marketer, a_person, a_rep, a_team, an_admin
from tests.support.fakes import FakeUnitOfWork

ADMIN = an_admin(1)
CONFIGURED = frozenset({9999})  # no one here is in ADMIN_IDS unless a test says so


def _uow(*people: object) -> FakeUnitOfWork:
    uow = FakeUnitOfWork()
    uow.people.put(ADMIN, *people)
    uow.teams.put(a_team(3, "Сибирь"), a_team(4, "Москва"))
    return uow


async def test_the_list_is_paged_active_people_first_then_by_name() -> None:
    uow = _uow(
        a_rep(2, name="Яна"),
        a_rep(3, name="анна"),
        a_rep(4, name="Борис", active=False),
        a_rep(5, name="Anna"),
    )
    first = await people_page(uow, actor=ADMIN, page=0, page_size=2)
    assert (first.page, first.pages, first.total) == (0, 3, 5)
    second = await people_page(uow, actor=ADMIN, page=1, page_size=2)
    last = await people_page(uow, actor=ADMIN, page=2, page_size=2)
    names = [p.first_name for page in (first, second, last) for p in page.people]
    # SQLite's lower() folds ASCII letters only: «Я» sorts before «а».
    assert names == ["Anna", "P1", "Яна", "анна", "Борис"]


async def test_a_page_out_of_range_shows_the_nearest_one() -> None:
    uow = _uow(a_rep(2))
    assert (await people_page(uow, actor=ADMIN, page=7, page_size=8)).page == 0
    assert (await people_page(uow, actor=ADMIN, page=-1, page_size=8)).page == 0


async def test_only_admins_see_and_change_people() -> None:
    rep = a_rep(2)
    uow = _uow(rep)
    with pytest.raises(Forbidden):
        await people_page(uow, actor=rep, page=0, page_size=8)
    with pytest.raises(Forbidden):
        await person_card(uow, actor=rep, person_id=1)
    with pytest.raises(Forbidden):
        await toggle_role(
            uow, actor=rep, person_id=2, role=Role.ADMIN, now=NOW, protected_admins=CONFIGURED
        )
    with pytest.raises(Forbidden):
        await set_person_active(
            uow, actor=rep, person_id=1, active=False, now=NOW, protected_admins=CONFIGURED
        )
    with pytest.raises(Forbidden):
        await set_person_team(uow, actor=rep, person_id=2, team_id=3, now=NOW)
    assert uow.audit.actions() == []


async def test_a_card_shows_the_person_with_their_team() -> None:
    uow = _uow(a_rep(2, team=3))
    card = await person_card(uow, actor=ADMIN, person_id=2)
    assert (card.person, card.team) == (a_rep(2, team=3), a_team(3, "Сибирь"))
    with pytest.raises(NotFound):
        await person_card(uow, actor=ADMIN, person_id=99)


async def test_roles_are_given_and_taken_one_at_a_time() -> None:
    uow = _uow(a_rep(2))
    card = await toggle_role(
        uow, actor=ADMIN, person_id=2, role=Role.MARKETER, now=NOW, protected_admins=CONFIGURED
    )
    assert card.person.roles == {Role.REP, Role.MARKETER}
    card = await toggle_role(
        uow, actor=ADMIN, person_id=2, role=Role.REP, now=NOW, protected_admins=CONFIGURED
    )
    assert card.person.roles == {Role.MARKETER}
    [given, taken] = uow.audit.entries
    assert (given.action, given.details) == (
        "person.roles",
        {"before": ["rep"], "after": ["marketer", "rep"]},
    )
    assert taken.details == {"before": ["marketer", "rep"], "after": ["marketer"]}


async def test_nobody_is_left_without_a_role() -> None:
    uow = _uow(a_rep(2))
    with pytest.raises(InvalidInput) as refused:
        await toggle_role(
            uow, actor=ADMIN, person_id=2, role=Role.REP, now=NOW, protected_admins=CONFIGURED
        )
    assert refused.value.key == "error-last-role"


async def test_a_configured_admin_keeps_admin_rights_and_access() -> None:
    configured = a_person(2, Role.ADMIN, Role.REP)
    uow = _uow(configured)
    protected = {configured.telegram_id}
    with pytest.raises(InvalidInput) as role:
        await toggle_role(
            uow, actor=ADMIN, person_id=2, role=Role.ADMIN, now=NOW, protected_admins=protected
        )
    assert role.value.key == "error-config-admin"
    with pytest.raises(InvalidInput) as access:
        await set_person_active(
            uow, actor=ADMIN, person_id=2, active=False, now=NOW, protected_admins=protected
        )
    assert access.value.key == "error-config-admin"
    # Other roles are theirs to change.
    card = await toggle_role(
        uow, actor=ADMIN, person_id=2, role=Role.REP, now=NOW, protected_admins=protected
    )
    assert card.person.roles == {Role.ADMIN}


async def test_an_admin_cannot_demote_or_deactivate_themselves() -> None:
    me = a_person(1, Role.ADMIN, Role.REP)
    uow = _uow(me, an_admin(2))
    with pytest.raises(InvalidInput) as demote:
        await toggle_role(
            uow, actor=me, person_id=1, role=Role.ADMIN, now=NOW, protected_admins=CONFIGURED
        )
    assert demote.value.key == "error-self-admin"
    with pytest.raises(InvalidInput) as off:
        await set_person_active(
            uow, actor=me, person_id=1, active=False, now=NOW, protected_admins=CONFIGURED
        )
    assert off.value.key == "error-self-deactivate"


async def test_the_last_active_admin_stays_an_admin_and_active() -> None:
    # The acting admin lost access a moment ago (their stored row says so), which leaves the
    # target as the last active admin.
    uow = FakeUnitOfWork()
    uow.people.put(an_admin(1, active=False), a_person(2, Role.ADMIN, Role.REP))
    with pytest.raises(InvalidInput) as demote:
        await toggle_role(
            uow, actor=ADMIN, person_id=2, role=Role.ADMIN, now=NOW, protected_admins=CONFIGURED
        )
    assert demote.value.key == "error-last-admin"
    with pytest.raises(InvalidInput) as off:
        await set_person_active(
            uow, actor=ADMIN, person_id=2, active=False, now=NOW, protected_admins=CONFIGURED
        )
    assert off.value.key == "error-last-admin"
    # With another active admin, one may go.
    uow.people.put(an_admin(3))
    card = await toggle_role(
        uow, actor=ADMIN, person_id=2, role=Role.ADMIN, now=NOW, protected_admins=CONFIGURED
    )
    assert card.person.roles == {Role.REP}


async def test_deactivating_keeps_the_data_and_ends_their_open_step() -> None:
    uow = _uow(a_marketer(2, team=3))
    await uow.flows.save(2, NewTeam(name="Юг"), now=NOW)
    card = await set_person_active(
        uow, actor=ADMIN, person_id=2, active=False, now=NOW, protected_admins=CONFIGURED
    )
    assert not card.person.active
    assert (card.person.roles, card.team) == ({Role.MARKETER}, a_team(3, "Сибирь"))
    assert await uow.flows.get(2) is None
    card = await set_person_active(
        uow, actor=ADMIN, person_id=2, active=True, now=NOW, protected_admins=CONFIGURED
    )
    assert card.person.active
    assert uow.audit.actions() == ["person.deactivate", "person.reactivate"]


async def test_setting_the_access_a_person_already_has_records_nothing() -> None:
    uow = _uow(a_rep(2))
    card = await set_person_active(
        uow, actor=ADMIN, person_id=2, active=True, now=NOW, protected_admins=CONFIGURED
    )
    assert card.person == a_rep(2)
    assert uow.audit.actions() == []


async def test_a_person_moves_to_another_team_or_to_none() -> None:
    uow = _uow(a_rep(2, team=3))
    choice = await team_choice(uow, actor=ADMIN, person_id=2)
    assert choice.person == a_rep(2, team=3)
    assert [t.name for t in choice.teams] == ["Москва", "Сибирь"]
    card = await set_person_team(uow, actor=ADMIN, person_id=2, team_id=4, now=NOW)
    assert (card.person.team_id, card.team) == (4, a_team(4, "Москва"))
    card = await set_person_team(uow, actor=ADMIN, person_id=2, team_id=None, now=NOW)
    assert (card.person.team_id, card.team) == (None, None)
    assert [e.details for e in uow.audit.entries] == [
        {"before": 3, "after": 4},
        {"before": 4, "after": None},
    ]


async def test_a_missing_team_or_person_is_not_found() -> None:
    uow = _uow(a_rep(2, team=3))
    with pytest.raises(NotFound):
        await set_person_team(uow, actor=ADMIN, person_id=2, team_id=99, now=NOW)
    with pytest.raises(NotFound):
        await set_person_team(uow, actor=ADMIN, person_id=99, team_id=3, now=NOW)
    with pytest.raises(NotFound):
        await team_choice(uow, actor=ADMIN, person_id=99)
    with pytest.raises(NotFound):
        await toggle_role(
            uow, actor=ADMIN, person_id=99, role=Role.REP, now=NOW, protected_admins=CONFIGURED
        )
    assert (await uow.people.get(2)) == a_rep(2, team=3)
