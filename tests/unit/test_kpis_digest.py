"""The weekly digest and the self-writing agenda on the in-memory fakes: who is due when in
their own zone, quiet hours, time away, once a week; the draft 24 hours before a recurring
meeting, kept, dropped, reordered and sent into the meeting's agenda."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

import pytest

from domain.errors import Forbidden, InvalidInput
from domain.kpis import agenda, digest
from domain.kpis.model import LeadTally
from domain.kpis.ports import Grouping
from domain.kpis.records import AgendaStatus, DigestSettings, ItemKind, OpenQuestion, OverdueAction
from domain.kpis.scopes import EVERYONE
from domain.meetings.model import Recurrence
from tests.support.builders.meetings import a_meeting
from tests.support.builders.people import a_lead, a_marketer, a_rep, a_team, an_admin
from tests.support.fakes import FakeUnitOfWork
from tests.support.fakes.kpis import FakeKpiRepo
from tests.support.fakes.meetings import FakeMeetingRepo
from tests.support.fakes.shared import Row

# Monday 30 November 2026, 09:00 in Vladivostok is 23:00 UTC on Sunday.
VLAD_NINE = datetime(2026, 11, 29, 23, 0, tzinfo=UTC)
MOSCOW_NINE = datetime(2026, 11, 30, 6, 0, tzinfo=UTC)
LONDON_NINE = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def _people() -> FakeUnitOfWork:
    uow = FakeUnitOfWork(kpis=FakeKpiRepo())
    uow.people.put(
        a_rep(1, tz="Asia/Vladivostok"),
        a_marketer(2, tz="Europe/Moscow"),
        a_lead(3, tz="Europe/London", team=1),
    )
    uow.teams.put(a_team(1, "Север"))
    return uow


def _queued(uow: FakeUnitOfWork) -> list[Row]:
    return [row for row in uow.outbox.rows.values() if row.kind == digest.KIND]


async def test_the_digest_goes_at_nine_on_monday_in_each_persons_own_zone() -> None:
    uow = _people()
    async with uow:
        assert await digest.queue_due(uow, VLAD_NINE - timedelta(minutes=1)) == 0
        assert await digest.queue_due(uow, VLAD_NINE) == 1
        assert await digest.queue_due(uow, MOSCOW_NINE) == 1
        assert await digest.queue_due(uow, LONDON_NINE) == 1
        assert await digest.queue_due(uow, LONDON_NINE + timedelta(hours=5)) == 0
    rows = _queued(uow)
    assert {(r.person_id, r.batch) for r in rows} == {
        (1, "2026-W49"),
        (2, "2026-W49"),
        (3, "2026-W49"),
    }


async def test_the_digest_is_queued_once_a_week_however_often_the_sweep_runs() -> None:
    uow = _people()
    async with uow:
        for hour in range(0, 24 * 3, 7):
            await digest.queue_due(uow, VLAD_NINE + timedelta(hours=hour))
        next_week = VLAD_NINE + timedelta(days=7)
        await digest.queue_due(uow, next_week + timedelta(hours=12))
    batches = sorted((r.person_id, r.batch) for r in _queued(uow))
    assert batches == [
        (1, "2026-W49"),
        (1, "2026-W50"),
        (2, "2026-W49"),
        (2, "2026-W50"),
        (3, "2026-W49"),
        (3, "2026-W50"),
    ]


async def test_quiet_hours_hold_the_digest_until_they_end() -> None:
    uow = FakeUnitOfWork(kpis=FakeKpiRepo())
    uow.people.put(a_rep(1, tz="Europe/Moscow", quiet="08:00-10:30"))
    async with uow:
        assert await digest.queue_due(uow, MOSCOW_NINE) == 0
        assert await digest.queue_due(uow, MOSCOW_NINE + timedelta(minutes=90)) == 1
    assert _queued(uow)[0].due_at == MOSCOW_NINE + timedelta(minutes=90)


async def test_nobody_away_gets_the_digest_and_it_is_skipped_if_they_went_away_meanwhile() -> None:
    uow = _people()
    await uow.people.add_away(
        2,
        starts_at=MOSCOW_NINE - timedelta(days=1),
        ends_at=MOSCOW_NINE + timedelta(days=2),
        now=MOSCOW_NINE,
    )
    async with uow:
        await digest.queue_due(uow, LONDON_NINE)
        assert {r.person_id for r in _queued(uow)} == {1, 3}
        await uow.people.add_away(
            1, starts_at=LONDON_NINE, ends_at=LONDON_NINE + timedelta(1), now=LONDON_NINE
        )
        row = next(r for r in _queued(uow) if r.person_id == 1)
        assert await digest.compose(uow, row, LONDON_NINE + timedelta(minutes=1)) == digest.AWAY


async def test_a_digest_that_waited_past_its_week_is_skipped() -> None:
    uow = _people()
    uow.kpis.set_leads(EVERYONE, date(2026, 11, 23), LeadTally(1, delivered=3), by=Grouping.TEAM)
    async with uow:
        await digest.queue_due(uow, MOSCOW_NINE)
        row = next(r for r in _queued(uow) if r.person_id == 2)
        stale = await digest.compose(uow, row, MOSCOW_NINE + timedelta(days=7))
        late = await digest.compose(uow, row, MOSCOW_NINE + digest.CATCH_UP)
        fresh = await digest.compose(uow, row, MOSCOW_NINE + timedelta(minutes=1))
    assert stale == digest.WEEK_OVER
    assert late == digest.WEEK_OVER
    assert isinstance(fresh, digest.Digest)
    assert fresh.card.window.first_day.isoformat() == "2026-11-23"  # last week
    assert fresh.card.scope.key == "all"


async def test_the_digests_trend_ends_with_the_week_it_reports_and_empty_charts_say_so() -> None:
    uow = _people()
    uow.kpis.set_leads(EVERYONE, date(2026, 11, 23), LeadTally(1, delivered=3), by=Grouping.TEAM)
    async with uow:
        await digest.queue_due(uow, MOSCOW_NINE)
        row = next(r for r in _queued(uow) if r.person_id == 2)
        found = await digest.compose(uow, row, MOSCOW_NINE + timedelta(minutes=1))
    assert isinstance(found, digest.Digest)
    assert found.trend.weeks[-1] == found.card.window  # last week, not the one just begun
    empty = replace(
        found.trend,
        quality=(None,) * len(found.trend.weeks),
        handling=(None,) * len(found.trend.weeks),
        delivered=(0,) * len(found.trend.weeks),
    )
    assert not empty.has_data
    assert replace(empty, delivered=(0,) * 7 + (2,)).has_data
    assert not replace(found.outcomes, rows=()).has_data
    assert not replace(found.outcomes, rows=(LeadTally("web"),)).has_data
    assert replace(found.outcomes, rows=(LeadTally("web", delivered=1),)).has_data


async def test_nothing_to_report_sends_no_digest() -> None:
    uow = _people()
    async with uow:
        await digest.queue_due(uow, MOSCOW_NINE)
        row = next(r for r in _queued(uow) if r.person_id == 2)
        assert await digest.compose(uow, row, MOSCOW_NINE) == digest.NOTHING


async def test_someone_who_joined_after_this_weeks_digest_starts_with_next_weeks() -> None:
    uow = FakeUnitOfWork(kpis=FakeKpiRepo())
    uow.people.put(replace(a_rep(1), joined_at=MOSCOW_NINE + timedelta(hours=1)))
    async with uow:
        assert await digest.queue_due(uow, MOSCOW_NINE + timedelta(hours=2)) == 0
        assert await digest.queue_due(uow, MOSCOW_NINE + timedelta(days=7)) == 1


async def test_admins_move_the_digest_and_turn_it_off() -> None:
    uow = _people()
    admin = an_admin(9)
    async with uow:
        changed = await digest.change_settings(
            uow, actor=admin, now=MOSCOW_NINE, day=3, at=time(17, 0)
        )
        assert changed == DigestSettings(3, time(17, 0), True)
        assert await digest.queue_due(uow, MOSCOW_NINE + timedelta(days=1)) == 0
        wednesday_five = datetime(2026, 12, 2, 14, 0, tzinfo=UTC)  # 17:00 in Moscow
        assert await digest.queue_due(uow, wednesday_five) == 2  # Moscow and Vladivostok
        await digest.change_settings(uow, actor=admin, now=MOSCOW_NINE, enabled=False)
        assert await digest.queue_due(uow, wednesday_five + timedelta(days=7)) == 0
    assert uow.audit.entries[-1].action == "kpi.digest_settings"


async def test_only_admins_change_the_digest() -> None:
    uow = _people()
    async with uow:
        with pytest.raises(Forbidden):
            await digest.change_settings(uow, actor=a_marketer(2), now=MOSCOW_NINE, day=2)
        with pytest.raises(InvalidInput):
            await digest.change_settings(uow, actor=an_admin(9), now=MOSCOW_NINE, day=8)


# --- the agenda -----------------------------------------------------------------------------

START = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


def _meeting_world() -> FakeUnitOfWork:
    kpis = FakeKpiRepo()
    kpis.waiting = 2
    kpis.questions_list = [OpenQuestion(5, "Где образцы?", 4, "Зима")]
    kpis.actions_list = [OverdueAction(8, "Prices list", "Kira", START.date() - timedelta(3))]
    uow = FakeUnitOfWork(kpis=kpis, meetings=FakeMeetingRepo())
    uow.people.put(a_lead(1, team=1, name="Lev"), a_rep(10, team=1), an_admin(30))
    uow.teams.put(a_team(1, "Север"))
    series = a_meeting(1, starts_at=START, recurrence=Recurrence.WEEKLY, series_id=1)
    one_off = a_meeting(2, starts_at=START + timedelta(hours=2))
    later = a_meeting(
        3, starts_at=START + timedelta(days=3), recurrence=Recurrence.WEEKLY, series_id=3
    )
    uow.meetings.put(series, one_off, later)
    return uow


async def test_a_recurring_meeting_gets_one_draft_agenda_24_hours_before() -> None:
    uow = _meeting_world()
    async with uow:
        assert await agenda.draft_due(uow, START - timedelta(hours=25)) == 0
        assert await agenda.draft_due(uow, START - timedelta(hours=24)) == 1
        assert await agenda.draft_due(uow, START - timedelta(hours=20)) == 0
    drafts = uow.kpis.drafts
    assert list(drafts) == [1]
    kinds = [item.kind for item in drafts[1].items]
    assert kinds[:2] == [ItemKind.INDICATOR, ItemKind.INDICATOR]
    assert ItemKind.DISPUTES_WAITING in kinds
    assert ItemKind.QUESTION in kinds
    assert ItemKind.ACTION in kinds
    rows = [r for r in uow.outbox.rows.values() if r.kind == agenda.KIND]
    assert [(r.ref_id, r.person_id) for r in rows] == [(1, 1)]
    assert set(uow.kpis.asked) <= {uow.kpis.asked[0]}  # the team lead's team only


async def test_the_organiser_keeps_drops_reorders_and_sends_the_draft() -> None:
    uow = _meeting_world()
    lead = await uow.people.get(1)
    assert lead is not None
    now = START - timedelta(hours=23)
    async with uow:
        await agenda.draft_due(uow, START - timedelta(hours=24))
        count = len(uow.kpis.drafts[1].items)
        view = await agenda.toggle(uow, actor=lead, meeting_id=1, index=0, now=now)
        assert not view.draft.items[0].kept
        moved = await agenda.move_up(uow, actor=lead, meeting_id=1, index=count - 1, now=now)
        assert moved.draft.items[count - 2].kind is ItemKind.ACTION
        texts = [f"topic {n}" for n in range(len(moved.draft.kept))]
        sent = await agenda.send(uow, actor=lead, meeting_id=1, texts=texts, now=now)
        with pytest.raises(InvalidInput):
            await agenda.toggle(uow, actor=lead, meeting_id=1, index=1, now=now)
    assert sent.draft.status is AgendaStatus.SENT
    assert sent.added == count - 1
    topics = await uow.meetings.topics(1)
    assert [t.text for t in topics] == texts


async def test_only_the_organiser_or_an_admin_edits_the_draft() -> None:
    uow = _meeting_world()
    now = START - timedelta(hours=23)
    async with uow:
        await agenda.draft_due(uow, START - timedelta(hours=24))
        with pytest.raises(Forbidden):
            await agenda.toggle(uow, actor=a_rep(10, team=1), meeting_id=1, index=0, now=now)
        with pytest.raises(Forbidden):
            await agenda.send(uow, actor=a_marketer(40), meeting_id=1, texts=[], now=now)
        admin = await uow.people.get(30)
        assert admin is not None
        view = await agenda.toggle(uow, actor=admin, meeting_id=1, index=0, now=now)
    assert not view.draft.items[0].kept


async def test_a_draft_is_not_sent_once_the_meeting_started_or_was_sent() -> None:
    uow = _meeting_world()
    async with uow:
        await agenda.draft_due(uow, START - timedelta(hours=24))
        row = next(r for r in uow.outbox.rows.values() if r.kind == agenda.KIND)
        assert await agenda.compose(uow, row, START + timedelta(minutes=1)) == agenda.STARTED
        lead = await uow.people.get(1)
        assert lead is not None
        items = uow.kpis.drafts[1].kept
        await agenda.send(
            uow, actor=lead, meeting_id=1, texts=["x"] * len(items), now=START - timedelta(hours=1)
        )
        assert await agenda.compose(uow, row, START - timedelta(minutes=30)) == agenda.SENT
