"""The KPIs' words and pictures: "no data yet" instead of 0 %, the biggest changes as a
sentence in both languages, charts that are PNG images sized for a phone, and export tables
that hold exactly the figures the screen shows."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image

from domain.kpis.charts import Breakdown
from domain.kpis.figures import Column, Figures, TeamRow
from domain.kpis.indicators import Change, Measure, Movement
from domain.kpis.model import AckTally, DecisionTally, LeadTally, MeetingTally, QuestionTally
from domain.kpis.periods import Period, previous, window_of
from domain.kpis.ports import Grouping
from domain.kpis.scopes import EVERYONE, Scope, Slice
from domain.kpis.scorecard import Scorecard
from domain.people.model import Language
from handlers.kit.i18n import Catalog
from handlers.kpis import charts
from handlers.kpis.pictures import card_table, sources_picture
from handlers.kpis.views import movement_text, scorecard_text
from tests.support.builders.people import a_team

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog(Path("bot/locales"))


NO_LEADS, NO_VERDICTS = LeadTally(), DecisionTally()


def figures(leads: LeadTally = NO_LEADS, decisions: DecisionTally = NO_VERDICTS) -> Figures:
    return Figures(leads, decisions, (), None, 0, QuestionTally(), None, (), (), MeetingTally())


def card(now: Figures, before: Figures, teams: tuple[TeamRow, ...] = ()) -> Scorecard:
    window = window_of(Period.LAST_WEEK, NOW, "Europe/Moscow")
    return Scorecard(
        Period.LAST_WEEK,
        window,
        previous(Period.LAST_WEEK, window, "Europe/Moscow"),
        Scope("all", EVERYONE),
        Column(now, before),
        None,
        teams,
        (("all", None),),
    )


def test_an_empty_period_reads_no_data_yet_never_zero_percent(catalog: Catalog) -> None:
    text = scorecard_text(catalog.translator(Language.RU), card(figures(), figures()))
    assert "Качество лидов: пока нет данных (было: пока нет данных)" in text
    assert "0 %" not in text
    english = scorecard_text(catalog.translator(Language.EN), card(figures(), figures()))
    assert "Lead quality: no data yet (before: no data yet)" in english


def test_the_indicators_show_last_periods_value_and_the_change(catalog: Catalog) -> None:
    now = figures(LeadTally(delivered=20, upheld=2, sla_due=20, sla_met=18))
    before = figures(LeadTally(delivered=10, upheld=2, sla_due=10, sla_met=9))
    text = scorecard_text(catalog.translator(Language.RU), card(now, before))
    assert "Качество лидов: 90 % (было: 80 %, +10 п. п.)" in text
    assert "Отработка лидов: 90 % (было: 90 %, ±0 п. п.)" in text


def test_the_biggest_changes_in_words(catalog: Catalog) -> None:
    moved = Movement(Measure.DISPUTE_RATE, "Север", Change(19, 8))
    assert (
        movement_text(catalog.translator(Language.EN), moved)
        == "Dispute rate in team Север rose from 8 % to 19 %"
    )
    assert (
        movement_text(catalog.translator(Language.RU), moved)
        == "Доля споров в команде Север выросла с 8 % до 19 %"
    )


def test_a_teams_line_and_the_export_hold_the_same_figures(catalog: Catalog) -> None:
    t = catalog.translator(Language.RU)
    north = TeamRow(
        a_team(1, "Север"),
        LeadTally(1, delivered=10, disputed=2, upheld=1),
        LeadTally(1, delivered=4),
        DecisionTally(1, decided=2, overturned=1),
        DecisionTally(1),
    )
    scorecard = card(figures(LeadTally(delivered=10, disputed=2, upheld=1)), figures(), (north,))
    text = scorecard_text(t, scorecard)
    assert "Север</b>: качество 90 % · отработка 50 % · споры 20 % · отклонено 50 %" in text
    rows = card_table(t, scorecard)
    assert ["Качество лидов", "Север", "90 %", "100 %"] in rows
    assert ["Передано", "Север", "10", "4"] in rows
    assert ["Передано", "Все", "10", "0"] in rows


def test_every_chart_is_a_phone_sized_png() -> None:
    images = [
        charts.trend("T", ["1", "2"], [charts.Series("a", [0.5, None])], no_data="-"),
        charts.stacked("S", ["won", "lost"], [charts.Stack("Сайт", [3, 1])], no_data="-"),
        charts.shares("A", [("Зима", 0.8, "80 %"), ("Весна", None, "")], no_data="-"),
        charts.stacked("S", ["won"], [], no_data="нет данных"),
    ]
    for png in images:
        assert png.startswith(PNG)
        assert Image.open(io.BytesIO(png)).size == (960, 960)


def test_the_outcomes_chart_and_its_table_name_every_source(catalog: Catalog) -> None:
    t = catalog.translator(Language.EN)
    window = window_of(Period.THIS_WEEK, NOW, "UTC")
    found = Breakdown(
        Scope("t1", Slice(team_id=1), a_team(1, "North")),
        Period.THIS_WEEK,
        window,
        Grouping.SOURCE,
        (LeadTally("Site", delivered=5, won=2, in_work=3), LeadTally(None, delivered=1, lost=1)),
        {},
    )
    picture = sources_picture(t, found)
    assert picture.caption.startswith("📊 6 leads by source")
    assert [row[0] for row in picture.table] == ["Source", "Site", "(no source)"]
    assert picture.table[1][1] == "5"
    assert picture.draw().startswith(PNG)


def test_acknowledgement_has_no_data_for_a_campaign_nobody_received() -> None:
    assert AckTally(1, "Зима", NOW.date()).share.value is None
