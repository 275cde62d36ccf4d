"""/teams: the list and cards, and the new-team and edit-team steps."""

import pytest

from domain.errors import Conflict, Forbidden, InvalidInput, NotFound
from domain.people.flows import InviteDraft, NewTeam, StepGone, TeamEdit, TeamField
from domain.people.model import Team
from domain.people.teams import (
    TeamStep,
    answer_team_step,
    clean_name,
    create_team,
    list_teams,
    pick_team_zone,
    start_new_team,
    start_team_edit,
    team_card,
    update_team,
)
from tests.support.builders.people import NOW, a_rep, a_team, an_admin
from tests.support.fakes import FakeUnitOfWork

ADMIN = an_admin(1)
NORTH = Team(3, "Север", "Мурманск", "Europe/Moscow")


def _uow() -> FakeUnitOfWork:
    uow = FakeUnitOfWork()
    uow.people.put(ADMIN, a_rep(2, team=3), a_rep(3, team=3, active=False))
    uow.teams.put(NORTH)
    return uow


def test_names_are_trimmed_and_limited() -> None:
    assert clean_name("  Северо   Запад ", limit=64, error="e") == "Северо Запад"
    with pytest.raises(InvalidInput) as empty:
        clean_name("   ", limit=64, error="error-team-name")
    assert (empty.value.key, empty.value.args_) == ("error-team-name", {"limit": 64})
    with pytest.raises(InvalidInput):
        clean_name("x" * 65, limit=64, error="error-team-name")


async def test_the_list_counts_active_members_and_leaves_any_open_step() -> None:
    uow = _uow()
    uow.teams.put(a_team(4, "Алтай"))
    await uow.flows.save(ADMIN.id, InviteDraft(), now=NOW)
    cards = await list_teams(uow, actor=ADMIN)
    assert [(c.team.name, c.members) for c in cards] == [("Алтай", 0), ("Север", 1)]
    assert await uow.flows.get(ADMIN.id) is None


async def test_a_card_shows_the_team_and_leaves_any_open_step() -> None:
    uow = _uow()
    await uow.flows.save(ADMIN.id, NewTeam(name="Юг"), now=NOW)
    card = await team_card(uow, actor=ADMIN, team_id=3)
    assert (card.team, card.members) == (NORTH, 1)
    assert await uow.flows.get(ADMIN.id) is None
    with pytest.raises(NotFound):
        await team_card(uow, actor=ADMIN, team_id=99)


async def test_only_admins_manage_teams() -> None:
    uow = _uow()
    rep = a_rep(2)
    await uow.flows.save(rep.id, InviteDraft(), now=NOW)
    for step in (
        list_teams(uow, actor=rep),
        team_card(uow, actor=rep, team_id=3),
        start_new_team(uow, actor=rep, now=NOW),
        start_team_edit(uow, actor=rep, team_id=3, field=TeamField.NAME, now=NOW),
        create_team(uow, actor=rep, name="Юг", region="Кубань", timezone="UTC", now=NOW),
    ):
        with pytest.raises(Forbidden):
            await step
    assert await uow.flows.get(rep.id) == InviteDraft()


async def test_a_new_team_is_asked_for_name_region_and_zone_then_created() -> None:
    uow = _uow()
    await uow.flows.save(ADMIN.id, InviteDraft(), now=NOW)
    replaced = await start_new_team(uow, actor=ADMIN, now=NOW)
    assert replaced == InviteDraft()
    region = await answer_team_step(uow, actor=ADMIN, text="  Урал ", now=NOW)
    assert (region.step, region.name) == (TeamStep.ASK_REGION, "Урал")
    assert await uow.flows.get(ADMIN.id) == NewTeam(name="Урал")
    zone = await answer_team_step(uow, actor=ADMIN, text="Екатеринбург", now=NOW)
    assert (zone.step, zone.name) == (TeamStep.ASK_TIMEZONE, "Урал")
    assert await uow.flows.get(ADMIN.id) == NewTeam(name="Урал", region="Екатеринбург")
    created = await pick_team_zone(uow, actor=ADMIN, timezone="Asia/Yekaterinburg", now=NOW)
    assert created.step is TeamStep.CREATED
    assert created.card is not None and created.card.members == 0
    assert created.card.team == Team(4, "Урал", "Екатеринбург", "Asia/Yekaterinburg")
    assert await uow.flows.get(ADMIN.id) is None
    assert uow.audit.actions() == ["team.create"]


async def test_the_zone_may_be_typed_too() -> None:
    uow = _uow()
    await uow.flows.save(ADMIN.id, NewTeam(name="Омск", region="Омск"), now=NOW)
    created = await answer_team_step(uow, actor=ADMIN, text="asia/omsk", now=NOW)
    assert created.card is not None and created.card.team.timezone == "Asia/Omsk"


async def test_bad_answers_are_refused_and_keep_the_step() -> None:
    uow = _uow()
    await start_new_team(uow, actor=ADMIN, now=NOW)
    cases = [
        ("", "error-text-expected"),
        ("север", "error-team-name-taken"),
        ("x" * 65, "error-team-name"),
    ]
    for text, key in cases:
        with pytest.raises(InvalidInput if key != "error-team-name-taken" else Conflict) as bad:
            await answer_team_step(uow, actor=ADMIN, text=text, now=NOW)
        assert bad.value.key == key
        assert await uow.flows.get(ADMIN.id) == NewTeam()
    await uow.flows.save(ADMIN.id, NewTeam(name="Юг", region="Кубань"), now=NOW)
    with pytest.raises(InvalidInput) as zone:
        await answer_team_step(uow, actor=ADMIN, text="Марс/Олимп", now=NOW)
    assert zone.value.key == "error-timezone-unknown"
    assert await uow.flows.get(ADMIN.id) == NewTeam(name="Юг", region="Кубань")
    assert len(await uow.teams.all()) == 1


async def test_a_zone_button_works_only_while_a_step_waits_for_a_zone() -> None:
    uow = _uow()
    with pytest.raises(StepGone):
        await pick_team_zone(uow, actor=ADMIN, timezone="UTC", now=NOW)
    await start_new_team(uow, actor=ADMIN, now=NOW)
    with pytest.raises(StepGone):
        await pick_team_zone(uow, actor=ADMIN, timezone="UTC", now=NOW)
    await uow.flows.save(ADMIN.id, InviteDraft(), now=NOW)
    with pytest.raises(StepGone):
        await answer_team_step(uow, actor=ADMIN, text="Юг", now=NOW)


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        (TeamField.NAME, "Северо-Запад", Team(3, "Северо-Запад", "Мурманск", "Europe/Moscow")),
        (TeamField.REGION, "Санкт-Петербург", Team(3, "Север", "Санкт-Петербург", "Europe/Moscow")),
        (
            TeamField.TIMEZONE,
            "europe/kaliningrad",
            Team(3, "Север", "Мурманск", "Europe/Kaliningrad"),
        ),
    ],
)
async def test_editing_changes_one_field_and_ends_the_step(
    field: TeamField, value: str, expected: Team
) -> None:
    uow = _uow()
    started = await start_team_edit(uow, actor=ADMIN, team_id=3, field=field, now=NOW)
    assert (started.team, started.field, started.replaced) == (NORTH, field, None)
    assert await uow.flows.get(ADMIN.id) == TeamEdit(3, field)
    done = await answer_team_step(uow, actor=ADMIN, text=value, now=NOW)
    assert (done.step, done.name) == (TeamStep.UPDATED, expected.name)
    assert done.card is not None and (done.card.team, done.card.members) == (expected, 1)
    assert await uow.teams.get(3) == expected
    assert await uow.flows.get(ADMIN.id) is None


async def test_a_team_keeps_its_own_name_in_another_case_but_not_anothers() -> None:
    uow = _uow()
    uow.teams.put(a_team(4, "Юг"))
    renamed = await update_team(uow, actor=ADMIN, team_id=3, name="СЕВЕР", now=NOW)
    assert renamed.name == "СЕВЕР"
    with pytest.raises(Conflict) as taken:
        await update_team(uow, actor=ADMIN, team_id=3, name="юг", now=NOW)
    assert (taken.value.key, taken.value.args_) == ("error-team-name-taken", {"name": "юг"})
    with pytest.raises(NotFound):
        await start_team_edit(uow, actor=ADMIN, team_id=99, field=TeamField.NAME, now=NOW)


async def test_the_zone_button_applies_to_an_edit_waiting_for_a_zone() -> None:
    uow = _uow()
    await start_team_edit(uow, actor=ADMIN, team_id=3, field=TeamField.TIMEZONE, now=NOW)
    done = await pick_team_zone(uow, actor=ADMIN, timezone="Asia/Omsk", now=NOW)
    assert done.card is not None and done.card.team.timezone == "Asia/Omsk"
    assert uow.audit.entries[-1].details == {"timezone": "Asia/Omsk"}


# --- working time --------------------------------------------------------------------------------


async def test_an_admin_sets_a_teams_working_hours_and_holidays() -> None:
    from datetime import time

    from domain.people.teams import set_working_time
    from domain.people.workhours import parse_hours

    uow = FakeUnitOfWork()
    admin = an_admin(1)
    uow.people.put(admin)
    uow.teams.put(Team(3, "Север", "Мурманск", "Europe/Moscow"))
    async with uow:
        team = await set_working_time(
            uow, actor=admin, team_id=3, field=TeamField.HOURS, value="пн-сб 10-19", now=NOW
        )
    assert (team.work_days, team.work_start, team.work_end) == ("123456", time(10), time(19))
    async with uow:
        team = await set_working_time(
            uow, actor=admin, team_id=3, field=TeamField.HOLIDAYS, value="us-ny", now=NOW
        )
    assert (team.country, team.subdivision) == ("US", "NY")
    stored = await uow.teams.get(3)
    assert stored is not None and stored.work_days == "123456" and stored.country == "US"
    with pytest.raises(InvalidInput, match="error-team-hours"):
        parse_hours("every day")
    with pytest.raises(InvalidInput, match="error-team-holidays"):
        await set_working_time(
            uow, actor=admin, team_id=3, field=TeamField.HOLIDAYS, value="XX", now=NOW
        )
    with pytest.raises(Forbidden):
        await set_working_time(
            uow, actor=a_rep(2), team_id=3, field=TeamField.HOURS, value="пн-пт 9-18", now=NOW
        )
