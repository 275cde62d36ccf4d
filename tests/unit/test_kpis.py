"""KPI rules on the in-memory fakes: periods in the reader's zone, shares without data, the
two shared indicators, scopes by role (forged ones refused), the scorecard's columns and the
biggest changes."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, time, timedelta

import pytest

from domain.errors import Forbidden, NotFound
from domain.kpis import charts, scorecard
from domain.kpis.indicators import Change, Measure, Movement, biggest, lead_handling
from domain.kpis.model import DecisionTally, LeadTally, Share
from domain.kpis.periods import Period, previous, recent_weeks, week_of, window_of
from domain.kpis.ports import Grouping
from domain.kpis.scopes import EVERYONE, Slice, choices, resolve
from domain.people.model import Role
from tests.support.builders.people import a_lead, a_marketer, a_person, a_rep, a_team, an_admin
from tests.support.fakes import FakeUnitOfWork
from tests.support.fakes.kpis import FakeKpiRepo

VLADIVOSTOK = "Asia/Vladivostok"  # UTC+10
MONDAY = datetime(2026, 11, 30, 3, 0, tzinfo=UTC)  # Monday 13:00 in Vladivostok
TEAMS = [a_team(1, "Север"), a_team(2, "Юг")]


# --- periods ------------------------------------------------------------------------------


def test_a_lead_at_23_30_on_sunday_in_vladivostok_belongs_to_that_week_there() -> None:
    sunday_night = datetime(2026, 11, 29, 13, 30, tzinfo=UTC)  # Sun 23:30 in Vladivostok
    that_week = week_of(date(2026, 11, 29), VLADIVOSTOK)
    assert that_week.first_day == date(2026, 11, 23)
    assert that_week.start <= sunday_night < that_week.end
    # Seen from Moscow (16:30 on Sunday) it is that week too, but from Vladivostok the next
    # week begins half an hour later, at 14:00 UTC on Sunday.
    assert that_week.end == datetime(2026, 11, 29, 14, 0, tzinfo=UTC)


def test_this_and_last_week_start_on_monday_at_midnight_in_the_readers_zone() -> None:
    this = window_of(Period.THIS_WEEK, MONDAY, VLADIVOSTOK)
    last = window_of(Period.LAST_WEEK, MONDAY, VLADIVOSTOK)
    assert this.start == datetime(2026, 11, 29, 14, 0, tzinfo=UTC)
    assert (this.first_day, this.last_day) == (date(2026, 11, 30), date(2026, 12, 6))
    assert last.end == this.start
    assert previous(Period.THIS_WEEK, this, VLADIVOSTOK) == last


def test_thirty_days_end_today_and_the_period_before_is_the_thirty_days_before() -> None:
    days = window_of(Period.DAYS_30, MONDAY, "Europe/Moscow")
    assert (days.first_day, days.last_day) == (date(2026, 11, 1), date(2026, 11, 30))
    before = previous(Period.DAYS_30, days, "Europe/Moscow")
    assert (before.first_day, before.last_day) == (date(2026, 10, 2), date(2026, 10, 31))


@pytest.mark.parametrize(
    ("today", "first", "last", "before_first"),
    [
        (date(2026, 11, 30), date(2026, 10, 1), date(2026, 12, 31), date(2026, 7, 1)),
        (date(2026, 1, 5), date(2026, 1, 1), date(2026, 3, 31), date(2025, 10, 1)),
        (date(2026, 6, 30), date(2026, 4, 1), date(2026, 6, 30), date(2026, 1, 1)),
    ],
)
def test_a_quarter_is_the_calendar_quarter_and_the_one_before_it(
    today: date, first: date, last: date, before_first: date
) -> None:
    now = datetime.combine(today, time(12), tzinfo=UTC)
    quarter = window_of(Period.QUARTER, now, "UTC")
    assert (quarter.first_day, quarter.last_day) == (first, last)
    assert previous(Period.QUARTER, quarter, "UTC").first_day == before_first


def test_the_trend_covers_eight_weeks_ending_with_this_one() -> None:
    weeks = recent_weeks(MONDAY, VLADIVOSTOK)
    assert len(weeks) == 8
    assert weeks[-1] == week_of(date(2026, 11, 30), VLADIVOSTOK)
    assert all(a.end == b.start for a, b in itertools.pairwise(weeks))


# --- shares and indicators ------------------------------------------------------------------


def test_a_share_of_nothing_has_no_value_rather_than_zero_percent() -> None:
    assert Share(0, 0).value is None
    assert Share(0, 0).percent is None
    assert Share(0, 4).percent == 0
    assert Share(2, 3).percent == 67


def test_lead_quality_is_delivered_leads_not_upheld_as_bad() -> None:
    leads = LeadTally(delivered=20, upheld=3)
    assert leads.quality == Share(17, 20)
    assert LeadTally().quality.value is None


def test_lead_handling_averages_first_action_sla_and_disputes_not_overturned() -> None:
    leads = LeadTally(delivered=10, sla_due=10, sla_met=8)  # 80 %
    decisions = DecisionTally(decided=4, overturned=1)  # 75 % not overturned
    assert lead_handling(leads, decisions) == pytest.approx(0.775)
    assert lead_handling(leads, DecisionTally()) == pytest.approx(0.8)  # no verdicts yet
    assert lead_handling(LeadTally(), DecisionTally()) is None


def test_the_biggest_changes_are_the_three_largest_moves_ignoring_missing_data() -> None:
    moves = [
        Movement(Measure.QUALITY, None, Change(90, 88)),
        Movement(Measure.DISPUTE_RATE, "Север", Change(19, 8)),
        Movement(Measure.HANDLING, None, Change(None, 70)),
        Movement(Measure.ATTENDANCE, None, Change(60, 80)),
        Movement(Measure.DECISION_SLA, "Юг", Change(50, 45)),
        Movement(Measure.OVERTURN_RATE, None, Change(30, 30)),
    ]
    found = biggest(moves)
    assert [(m.measure, m.team) for m in found] == [
        (Measure.ATTENDANCE, None),
        (Measure.DISPUTE_RATE, "Север"),
        (Measure.DECISION_SLA, "Юг"),
    ]


# --- scopes ---------------------------------------------------------------------------------


def test_marketers_analysts_and_admins_see_everyone_and_each_team() -> None:
    for person in (a_marketer(1), a_person(2, Role.ANALYST), an_admin(3)):
        assert resolve(person, None, TEAMS).main == EVERYONE
        assert resolve(person, "t2", TEAMS).main == Slice(team_id=2)
        assert choices(person, TEAMS) == ["all", "t1", "t2"]


def test_a_team_lead_sees_their_own_team_and_never_another() -> None:
    lead = a_lead(5, team=1)
    assert resolve(lead, None, TEAMS).main == Slice(team_id=1)
    for forged in ("t2", "all", "me"):
        with pytest.raises(Forbidden):
            resolve(lead, forged, TEAMS)


def test_a_rep_sees_their_own_figures_beside_their_teams() -> None:
    rep = a_rep(7, team=2)
    scope = resolve(rep, None, TEAMS)
    assert scope.main == Slice(person_id=7)
    assert scope.beside == Slice(team_id=2)
    for forged in ("t2", "t1", "all"):
        with pytest.raises(Forbidden):
            resolve(rep, forged, TEAMS)


def test_a_rep_without_a_team_sees_their_own_figures_only() -> None:
    scope = resolve(a_rep(8), None, TEAMS)
    assert scope.beside is None


@pytest.mark.parametrize("key", ["t99", "x", "t", "tt1", ""])
def test_an_unknown_scope_is_not_found(key: str) -> None:
    with pytest.raises(NotFound):
        resolve(a_marketer(1), key or "?", TEAMS)


def test_a_deactivated_person_sees_no_figures() -> None:
    with pytest.raises(Forbidden):
        resolve(a_marketer(1, active=False), None, TEAMS)


# --- the scorecard --------------------------------------------------------------------------


def _uow(kpis: FakeKpiRepo) -> FakeUnitOfWork:
    uow = FakeUnitOfWork(kpis=kpis)
    uow.teams.put(*TEAMS)
    return uow


async def test_everyones_scorecard_counts_leads_by_team_and_sums_them() -> None:
    kpis = FakeKpiRepo()
    marketer = a_marketer(1, tz=VLADIVOSTOK)
    this = window_of(Period.THIS_WEEK, MONDAY, VLADIVOSTOK)
    last = previous(Period.THIS_WEEK, this, VLADIVOSTOK)
    kpis.set_leads(
        EVERYONE,
        this.first_day,
        LeadTally(1, delivered=10, disputed=2, upheld=1),
        LeadTally(2, delivered=5, disputed=1),
        LeadTally(None, delivered=1),
        by=Grouping.TEAM,
    )
    kpis.set_leads(
        EVERYONE, last.first_day, LeadTally(1, delivered=12, disputed=1), by=Grouping.TEAM
    )
    kpis.set_decisions(
        EVERYONE,
        this.first_day,
        DecisionTally(1, decided=2, overturned=1, on_time=2),
        by=Grouping.TEAM,
    )
    async with _uow(kpis) as uow:
        card = await scorecard.scorecard(
            uow, actor=marketer, period=Period.THIS_WEEK, scope=None, now=MONDAY
        )
    assert card.main.now.leads.delivered == 16
    assert card.main.now.leads.quality == Share(15, 16)
    assert card.main.before.leads.delivered == 12
    north = card.teams[0]
    assert north.team.name == "Север"
    assert north.change(Measure.DISPUTE_RATE) == Change(20, 8)
    assert card.teams[1].leads_before.delivered == 0
    assert card.main.now.decisions.overturn_rate == Share(1, 2)
    assert [key for key, _ in card.choices] == ["all", "t1", "t2"]


async def test_a_team_leads_scorecard_never_counts_another_team() -> None:
    kpis = FakeKpiRepo()
    async with _uow(kpis) as uow:
        card = await scorecard.scorecard(
            uow, actor=a_lead(5, team=1), period=Period.LAST_WEEK, scope="t1", now=MONDAY
        )
    assert card.teams == ()
    assert set(kpis.asked) == {Slice(team_id=1)}


async def test_a_reps_scorecard_counts_only_them_and_their_team() -> None:
    kpis = FakeKpiRepo()
    async with _uow(kpis) as uow:
        card = await scorecard.scorecard(
            uow, actor=a_rep(7, team=2), period=Period.QUARTER, scope=None, now=MONDAY
        )
        with pytest.raises(Forbidden):
            await charts.trend(uow, actor=a_rep(7, team=2), scope="t2", now=MONDAY)
        with pytest.raises(Forbidden):
            await charts.breakdown(
                uow,
                actor=a_rep(7, team=2),
                period=Period.QUARTER,
                scope="all",
                by=Grouping.SOURCE,
                now=MONDAY,
            )
    assert card.beside is not None
    assert set(kpis.asked) == {Slice(person_id=7), Slice(team_id=2)}


async def test_an_empty_period_shows_no_data_and_no_change() -> None:
    async with _uow(FakeKpiRepo()) as uow:
        card = await scorecard.scorecard(
            uow, actor=a_marketer(1), period=Period.THIS_WEEK, scope="t2", now=MONDAY
        )
    for measure in Measure:
        assert card.main.change(measure) == Change(None, None)
    assert card.biggest_changes() == []


async def test_a_one_person_team_has_its_figures_as_they_are() -> None:
    kpis = FakeKpiRepo()
    lead = a_lead(5, team=1)
    this = window_of(Period.THIS_WEEK, MONDAY, lead.timezone)
    kpis.set_leads(
        Slice(team_id=1),
        this.first_day,
        LeadTally(None, delivered=1, taken=1, sla_due=1, sla_met=1),
    )
    async with _uow(kpis) as uow:
        card = await scorecard.scorecard(
            uow, actor=lead, period=Period.THIS_WEEK, scope=None, now=MONDAY
        )
    assert card.main.now.leads.first_action_sla == Share(1, 1)
    assert card.main.now.quality == 1.0
    assert card.main.change(Measure.QUALITY) == Change(100, None)


async def test_the_trend_has_a_value_only_for_weeks_with_data() -> None:
    kpis = FakeKpiRepo()
    kpis.week_leads[EVERYONE] = [LeadTally(7, delivered=4, upheld=1), LeadTally(3, delivered=2)]
    async with _uow(kpis) as uow:
        found = await charts.trend(uow, actor=a_marketer(1), scope="all", now=MONDAY)
    assert found.quality[7] == 0.75
    assert found.quality[3] == 1.0
    assert found.quality[0] is None
    assert found.delivered[7] == 4
    assert found.weeks[-1].first_day == date(2026, 11, 30)
    assert found.weeks[0].first_day == date(2026, 11, 30) - timedelta(weeks=7)
