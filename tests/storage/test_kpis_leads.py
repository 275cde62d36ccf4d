"""The columns the scorecard counts leads by are kept by the leads repositories as a lead
moves: first delivery, taken, returned, disputed, overturned, and each first-action clock met
or missed — checked here through the repositories' own saves on a real SQLite file."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from domain.kpis.model import LeadTally
from domain.kpis.periods import week_of
from domain.kpis.ports import Grouping
from domain.kpis.scopes import EVERYONE, Slice
from domain.leads.model import DisputeStatus, Event, LeadStatus, NewDispute
from storage.db import Database
from storage.uow import unit_of_work
from tests.storage.test_leads import new, people
from tests.support.builders.people import NOW
from tests.support.fakes.leads import v1

WEEK = week_of(NOW.date(), "Europe/Moscow")


async def test_a_lead_taken_in_time_and_one_taken_after_the_reminder(db: Database) -> None:
    later = NOW + timedelta(hours=5)
    async with unit_of_work(db) as uow:
        rep, other = await people(uow)
        quick = (await uow.leads.add(new("Quick"))).assigned(rep.id, rep.team_id, NOW)
        await uow.leads.save(quick)
        await uow.leads.save(quick.moved(Event.TAKE, NOW, first_action_at=NOW))
        slow = (await uow.leads.add(new("Slow"))).assigned(other.id, other.team_id, NOW)
        await uow.leads.save(slow)
        await uow.leads.save(replace(slow, reminded_no=1))  # the SLA sweep found it late
        await uow.leads.save(slow.moved(Event.TAKE, later, first_action_at=later, reminded_no=1))
        [total] = await uow.kpis.leads(WEEK, EVERYONE, Grouping.NONE)
        [mine] = await uow.kpis.leads(WEEK, Slice(person_id=rep.id), Grouping.NONE)
    assert total == LeadTally(None, delivered=2, taken=2, in_work=2, sla_due=2, sla_met=1)
    assert mine.delivered == 1 and mine.sla_met == 1


async def test_a_lead_keeps_its_first_delivery_through_a_return_and_a_reassignment(
    db: Database,
) -> None:
    async with unit_of_work(db) as uow:
        rep, other = await people(uow)
        lead = (await uow.leads.add(new("Back"))).assigned(rep.id, rep.team_id, NOW)
        await uow.leads.save(lead)
        back = lead.moved(Event.RETURN, NOW, assignee_id=None, first_action_at=NOW)
        await uow.leads.save(back)
        again = back.assigned(other.id, other.team_id, NOW + timedelta(days=10))
        await uow.leads.save(again)
        [first] = await uow.kpis.leads(WEEK, Slice(person_id=rep.id), Grouping.NONE)
        assert await uow.kpis.leads(WEEK, Slice(person_id=other.id), Grouping.NONE) == []
    assert (first.delivered, first.returned, first.sla_due, first.sla_met) == (1, 1, 1, 1)


async def test_disputes_upheld_and_overturned_are_counted_against_the_lead(db: Database) -> None:
    async with unit_of_work(db) as uow:
        rep, _ = await people(uow)
        await uow.regulation.add(v1(), created_by=None, now=NOW)
        counted = []
        for verdict in (DisputeStatus.UPHELD, DisputeStatus.OVERTURNED):
            lead = (await uow.leads.add(new(verdict.value))).assigned(rep.id, rep.team_id, NOW)
            await uow.leads.save(lead)
            disputed = lead.moved(Event.DISPUTE, NOW, first_action_at=NOW)
            await uow.leads.save(disputed)
            dispute = await uow.disputes.add(
                NewDispute(lead.id, rep.id, rep.team_id, 1, "1.1", DisputeStatus.OPEN, NOW)
            )
            await uow.disputes.save(dispute.with_(status=verdict, decided_at=NOW))
            event = Event.UPHOLD if verdict is DisputeStatus.UPHELD else Event.OVERTURN
            await uow.leads.save(disputed.moved(event, NOW))
            counted.append(lead.id)
        [total] = await uow.kpis.leads(WEEK, EVERYONE, Grouping.NONE)
        stored = await uow.leads.get(counted[0])
    assert stored is not None and stored.status is LeadStatus.DISQUALIFIED
    assert (total.delivered, total.disputed, total.upheld, total.overturned) == (2, 2, 1, 1)
    assert total.quality.percent == 50


async def test_the_migration_fills_the_columns_of_leads_already_there(tmp_path: Path) -> None:
    """A database from before the KPIs: each lead's first delivery, rep and story come from
    its history and its disputes."""
    from storage.migrate import migrate

    path = tmp_path / "old.sqlite3"
    db = await Database.open(path)
    await migrate(db, target=10)
    stamp = "2026-11-24 09:00:00.000000"
    for sql in (
        "INSERT INTO people (id, telegram_id, first_name, timezone, joined_at)"
        f" VALUES (1, 1, 'Rep', 'UTC', '{stamp}'), (2, 2, 'Other', 'UTC', '{stamp}')",
        "INSERT INTO regulation_versions (version, status, dispute_window_hours,"
        " first_action_minutes, decision_minutes, dispute_cap_percent, created_at)"
        f" VALUES (1, 'published', 72, 120, 540, 20, '{stamp}')",
        "INSERT INTO regulation_clauses VALUES (1, '1.1', 'dispute', 'T', '', 1)",
        "INSERT INTO leads (id, name, status, assignee_id, assignment_no, reminded_no,"
        f" first_action_at, created_at, updated_at) VALUES (1, 'A', 'new', 2, 2, 0, NULL,"
        f" '{stamp}', '{stamp}'), (2, 'B', 'unassigned', NULL, 0, 0, NULL, '{stamp}', '{stamp}')",
        "INSERT INTO lead_events (lead_id, at, rep_id, kind) VALUES"
        " (1, '2026-11-24 10:00:00.000000', 1, 'assigned'),"
        " (1, '2026-11-24 11:00:00.000000', 1, 'taken'),"
        " (1, '2026-11-24 12:00:00.000000', 1, 'disputed'),"
        " (1, '2026-11-25 10:00:00.000000', 2, 'overturned')",
        "INSERT INTO disputes (lead_id, rep_id, version, clause, status, opened_at)"
        f" VALUES (1, 1, 1, '1.1', 'overturned', '{stamp}')",
    ):
        await db.raw.execute(sql)
    await migrate(db)
    async with db.raw.execute(
        "SELECT delivered_at, delivered_to, taken, returned, disputed, overturned FROM leads"
        " ORDER BY id"
    ) as cur:
        rows = [tuple(row) for row in await cur.fetchall()]
    await db.close()
    assert rows == [
        ("2026-11-24 10:00:00.000000", 1, 1, 0, 1, 1),
        (None, None, 0, 0, 0, 0),
    ]
