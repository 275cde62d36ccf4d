"""/settings: language, time zone and quiet hours apply at once and close their own step."""

import pytest

from domain.errors import Forbidden, InvalidInput
from domain.people.flows import NewTeam, StepGone, TypingQuietHours, TypingTimezone
from domain.people.model import Language
from domain.people.preferences import (
    QUIET_PRESETS,
    choose_quiet_hours,
    choose_timezone,
    leave_settings_step,
    set_language,
    set_quiet_hours,
    set_timezone,
    use_team_timezone,
)
from domain.timezones import QuietHours
from tests.support.builders.people import NOW, a_rep, a_team
from tests.support.fakes import FakeUnitOfWork


def _uow(*people: object) -> FakeUnitOfWork:
    uow = FakeUnitOfWork()
    uow.people.put(*people)
    uow.teams.put(a_team(3, tz="Asia/Novosibirsk"))
    return uow


async def test_a_language_applies_at_once_and_is_recorded() -> None:
    rep = a_rep(1)
    uow = _uow(rep)
    person = await set_language(uow, actor=rep, language=Language.EN, now=NOW)
    assert person.language is Language.EN
    [entry] = uow.audit.entries
    assert (entry.action, entry.details) == ("settings.language", {"value": Language.EN})


async def test_the_time_zone_menu_offers_the_teams_zone_first_and_waits_for_a_typed_one() -> None:
    rep = a_rep(1, team=3)
    uow = _uow(rep)
    await uow.flows.save(rep.id, NewTeam(name="Юг"), now=NOW)
    choice, replaced = await choose_timezone(uow, actor=rep, now=NOW)
    assert choice.team_zone == "Asia/Novosibirsk"
    assert replaced == NewTeam(name="Юг")
    assert await uow.flows.get(rep.id) == TypingTimezone()


async def test_without_a_team_no_team_zone_is_offered() -> None:
    rep = a_rep(1)
    choice, replaced = await choose_timezone(_uow(rep), actor=rep, now=NOW)
    assert (choice.team_zone, replaced) == (None, None)


async def test_a_typed_zone_is_found_whatever_its_case_and_the_step_ends() -> None:
    rep = a_rep(1)
    uow = _uow(rep)
    await choose_timezone(uow, actor=rep, now=NOW)
    person = await set_timezone(uow, actor=rep, timezone=" asia/kamchatka ", now=NOW)
    assert person.timezone == "Asia/Kamchatka"
    assert await uow.flows.get(rep.id) is None
    assert uow.audit.entries[-1].details == {"value": "Asia/Kamchatka"}


async def test_an_unknown_zone_is_refused_and_the_step_stays() -> None:
    rep = a_rep(1)
    uow = _uow(rep)
    await choose_timezone(uow, actor=rep, now=NOW)

    async def type_mars() -> None:
        async with uow:
            await set_timezone(uow, actor=rep, timezone="Марс/Олимп", now=NOW)

    with pytest.raises(InvalidInput) as refused:
        await type_mars()
    assert (refused.value.key, refused.value.args_) == (
        "error-timezone-unknown",
        {"value": "Марс/Олимп"},
    )
    assert await uow.flows.get(rep.id) == TypingTimezone()
    assert (await uow.people.get(1)) == rep


async def test_the_teams_zone_button_takes_the_teams_zone() -> None:
    rep = a_rep(1, team=3)
    uow = _uow(rep)
    person = await use_team_timezone(uow, actor=rep, now=NOW)
    assert person.timezone == "Asia/Novosibirsk"


async def test_the_teams_zone_button_expires_once_they_have_no_team() -> None:
    rep = a_rep(1)
    with pytest.raises(StepGone):
        await use_team_timezone(_uow(rep), actor=rep, now=NOW)


async def test_quiet_hours_from_a_preset_typed_or_none() -> None:
    rep = a_rep(1)
    uow = _uow(rep)
    replaced = await choose_quiet_hours(uow, actor=rep, now=NOW)
    assert replaced is None
    assert await uow.flows.get(rep.id) == TypingQuietHours()
    person = await set_quiet_hours(uow, actor=rep, quiet=QUIET_PRESETS[0], now=NOW)
    assert str(person.quiet_hours) == "22:00–08:00"
    assert await uow.flows.get(rep.id) is None
    person = await set_quiet_hours(uow, actor=rep, quiet=QuietHours.parse("23:30-6:45"), now=NOW)
    assert str(person.quiet_hours) == "23:30–06:45"
    person = await set_quiet_hours(uow, actor=rep, quiet=None, now=NOW)
    assert person.quiet_hours is None
    assert [e.details for e in uow.audit.entries] == [
        {"value": "22:00–08:00"},
        {"value": "23:30–06:45"},
        {"value": None},
    ]


def test_the_quiet_hour_presets_are_four_night_windows() -> None:
    assert [str(q) for q in QUIET_PRESETS] == [
        "22:00–08:00",
        "21:00–09:00",
        "23:00–07:00",
        "20:00–08:00",
    ]


async def test_a_deactivated_person_changes_no_settings() -> None:
    gone = a_rep(1, active=False)
    uow = _uow(gone)
    with pytest.raises(Forbidden):
        await set_language(uow, actor=gone, language=Language.EN, now=NOW)
    assert (await uow.people.get(1)) == gone


async def test_a_setting_applied_mid_way_through_another_step_leaves_that_step_open() -> None:
    """An old settings button pressed in the middle of, say, a new team's steps changes the
    setting and nothing else: the other step is no settings step to close."""
    rep = a_rep(1)
    uow = _uow(rep)
    await uow.flows.save(rep.id, NewTeam(name="Юг"), now=NOW)
    await set_language(uow, actor=rep, language=Language.EN, now=NOW)
    await set_quiet_hours(uow, actor=rep, quiet=None, now=NOW)
    await leave_settings_step(uow, actor=rep)
    assert await uow.flows.get(rep.id) == NewTeam(name="Юг")
