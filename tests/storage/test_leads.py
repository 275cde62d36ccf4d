"""The leads repositories against a real SQLite file: what they write and read back, the
orderings and filters the screens use, the duplicate lookups, round-robin, disputes, the
regulation's versions and the intake sources; and people's time away and working hours."""

from __future__ import annotations

from dataclasses import replace
from datetime import time, timedelta

import pytest

from domain.leads.model import (
    Contact,
    DisputeStatus,
    EventKind,
    Evidence,
    EvidenceKind,
    HistoryEntry,
    LeadStatus,
    NewDispute,
    NewLead,
)
from domain.leads.ports import LeadFilter
from domain.leads.regulation import Clause, ClauseKind, Regulation, RegulationStatus, Settings
from domain.people.model import NewPerson, Person, Role
from storage.db import Database
from storage.uow import SqlUnitOfWork, unit_of_work
from tests.support.builders.people import NOW
from tests.support.fakes.leads import v1


async def people(uow: SqlUnitOfWork, count: int = 2) -> list[Person]:
    team = await uow.teams.add(name="Москва", region="Центр", timezone="Europe/Moscow")
    found = []
    for n in range(count):
        found.append(
            await uow.people.add(
                NewPerson(
                    100 + n,
                    f"P{n}",
                    None,
                    None,
                    "ru",
                    "Europe/Moscow",
                    team.id,
                    frozenset({Role.REP}),
                ),
                joined_at=NOW,
            )
        )
    return found


def new(name: str, phone: str | None = None, *, source: str = "Site", **extra: object) -> NewLead:
    return NewLead(Contact(name, phone, None, None, "Центр", source), 1, NOW, **extra)  # type: ignore[arg-type]


async def test_a_lead_is_written_read_and_saved(db: Database) -> None:
    async with unit_of_work(db) as uow:
        rep, _ = await people(uow)
        lead = await uow.leads.add(new("Иван", "+79161234567", external_id="x1", import_id=None))
        assert lead.status is LeadStatus.UNASSIGNED and lead.contact.phone == "+79161234567"
        moved = lead.assigned(rep.id, rep.team_id, NOW)
        await uow.leads.save(replace(moved, reminded_no=1))
    async with unit_of_work(db) as uow:
        stored = await uow.leads.get(lead.id)
        assert stored is not None
        assert (stored.status, stored.assignee_id, stored.assignment_no, stored.reminded_no) == (
            LeadStatus.NEW,
            rep.id,
            1,
            1,
        )
        assert stored.sla_started_at == NOW


async def test_the_same_external_id_of_a_source_is_kept_once(db: Database) -> None:
    async with unit_of_work(db) as uow:
        await people(uow)
        source = await uow.lead_sources.add(name="Site", token_hash="h", created_by=1, now=NOW)
        await uow.leads.add(new("A", intake_source_id=source.id, external_id="7"))
        found = await uow.leads.by_external_id(source.id, "7")
        assert found is not None and found.contact.name == "A"
    with pytest.raises(Exception, match="UNIQUE"):
        async with unit_of_work(db) as uow:
            await uow.leads.add(new("B", intake_source_id=source.id, external_id="7"))


async def test_many_leads_at_once_get_consecutive_ids_and_duplicates_are_found(
    db: Database,
) -> None:
    async with unit_of_work(db) as uow:
        await people(uow)
        old = await uow.leads.add(new("Old", "+79160000000"))
        ids = await uow.leads.add_many([new(f"L{i}", f"+7916000000{i}", import_id="i1")
                                        for i in range(1, 4)])  # fmt: skip
        assert list(ids) == [old.id + 1, old.id + 2, old.id + 3]
        found = await uow.leads.recent_by_contact(
            phones=["+79160000000", "+79160000002", "+70000000000"], emails=[], since=NOW
        )
        assert found == {"+79160000000": old.id, "+79160000002": old.id + 2}
        assert (
            await uow.leads.recent_by_contact(
                phones=["+79160000000"], emails=[], since=NOW + timedelta(seconds=1)
            )
            == {}
        )
        await uow.leads.mark_duplicates({ids[2]: ids[0]})
        assert (await uow.leads.get(ids[2])).duplicate_of == ids[0]  # type: ignore[union-attr]
        assert [lead.id for lead in await uow.leads.unassigned_of_import("i1")] == list(ids)
        assert await uow.leads.discard_import("i1") == 3
        assert await uow.leads.get(ids[0]) is None


async def test_lists_count_filter_and_page_newest_first(db: Database) -> None:
    async with unit_of_work(db) as uow:
        rep, other = await people(uow)
        for n in range(5):
            lead = await uow.leads.add(new(f"L{n}", source="Site" if n % 2 else "Fair"))
            if n < 3:
                await uow.leads.save(lead.assigned(rep.id, rep.team_id, NOW))
        mine = LeadFilter(assignee_id=rep.id)
        assert await uow.leads.counts(mine) == {LeadStatus.NEW: 3}
        assert await uow.leads.counts(LeadFilter()) == {LeadStatus.NEW: 3, LeadStatus.UNASSIGNED: 2}
        page = await uow.leads.page(LeadFilter(), offset=1, limit=2)
        assert [lead.contact.name for lead in page] == ["L3", "L2"]
        assert [lead.contact.name for lead in await uow.leads.page(
            LeadFilter(source="Site"), offset=0, limit=10)] == ["L3", "L1"]  # fmt: skip
        assert await uow.leads.sources(LeadFilter()) == ["Fair", "Site"]
        assert await uow.leads.counts(LeadFilter(assignee_id=other.id)) == {}


async def test_search_by_the_start_of_a_name_or_by_the_phone(db: Database) -> None:
    async with unit_of_work(db) as uow:
        await people(uow)
        await uow.leads.add(new("Иван Петров", "+79161234567"))
        await uow.leads.add(new("иванов", "+79031112233"))
        await uow.leads.add(new("Пётр", "+79035556677"))
        found = await uow.leads.search(LeadFilter(), name="иван", phone=None, limit=10)
        assert [lead.contact.name for lead in found] == ["иванов", "Иван Петров"]
        found = await uow.leads.search(LeadFilter(), name="+7 903 555", phone="+79035556677",
                                       limit=10)  # fmt: skip
        assert [lead.contact.name for lead in found] == ["Пётр"]


async def test_history_rotation_and_the_dispute_cap_count(db: Database) -> None:
    async with unit_of_work(db) as uow:
        rep, _ = await people(uow)
        lead = await uow.leads.add(new("A"))
        await uow.leads.record_many([
            HistoryEntry(lead.id, NOW, None, EventKind.IMPORTED, {}),
            HistoryEntry(lead.id, NOW, 1, EventKind.ASSIGNED, {"rep": rep.id, "team": 1}),
        ])  # fmt: skip
        assert [e.kind for e in await uow.leads.history(lead.id)] == [
            EventKind.IMPORTED, EventKind.ASSIGNED
        ]  # fmt: skip
        assert (await uow.leads.histories([lead.id]))[lead.id][1].details["rep"] == rep.id
        assert await uow.leads.assigned_to_since(rep.id, NOW - timedelta(days=30)) == 1
        assert await uow.leads.assigned_to_since(rep.id, NOW + timedelta(seconds=1)) == 0
        assert await uow.leads.last_in_rotation("team:1") is None
        await uow.leads.rotate("team:1", rep.id)
        await uow.leads.rotate("team:1", rep.id + 1)
        assert await uow.leads.last_in_rotation("team:1") == rep.id + 1


async def test_disputes_are_kept_with_evidence_and_verdict(db: Database) -> None:
    async with unit_of_work(db) as uow:
        rep, _ = await people(uow)
        await uow.regulation.add(v1(), created_by=None, now=NOW)
        lead = await uow.leads.add(new("A"))
        older = await uow.disputes.add(
            NewDispute(lead.id, rep.id, 1, 1, "1.1", DisputeStatus.OPEN, NOW - timedelta(hours=1))
        )
        newer = await uow.disputes.add(
            NewDispute(lead.id, rep.id, 1, 1, "1.2", DisputeStatus.OPEN, NOW)
        )
        await uow.disputes.save(
            newer.with_(
                note="n", evidence=Evidence(EvidenceKind.VOICE, "V1"), status=DisputeStatus.DECLINED
            )
        )
        stored = await uow.disputes.get(newer.id)
        assert stored is not None and stored.evidence == Evidence(EvidenceKind.VOICE, "V1")
        assert [d.id for d in await uow.disputes.with_status(DisputeStatus.OPEN)] == [older.id]
        assert await uow.disputes.by_rep_since(rep.id, NOW - timedelta(days=1)) == 1
        assert (await uow.disputes.pending_for(lead.id)).id == older.id  # type: ignore[union-attr]


async def test_a_dispute_must_cite_a_clause_that_exists(db: Database) -> None:
    async with unit_of_work(db) as uow:
        rep, _ = await people(uow)
        lead = await uow.leads.add(new("A"))

    async def cite_a_missing_clause() -> None:
        async with unit_of_work(db) as uow:
            await uow.disputes.add(
                NewDispute(lead.id, rep.id, 1, 9, "1.1", DisputeStatus.OPEN, NOW)
            )

    with pytest.raises(Exception, match="FOREIGN KEY"):
        await cite_a_missing_clause()


async def test_the_regulation_keeps_every_version_as_it_was(db: Database) -> None:
    async with unit_of_work(db) as uow:
        await people(uow)
        await uow.regulation.add(v1(), created_by=None, now=NOW)
        current = await uow.regulation.current()
        assert current is not None and current.clause("1.1").title.startswith("Wrong")
        draft = current.with_(version=2, status=RegulationStatus.DRAFT)
        await uow.regulation.add(draft, created_by=1, now=NOW)
        await uow.regulation.save_clause(2, Clause("1.1", ClauseKind.DISPUTE, "Wrong", "Short", 0))
        await uow.regulation.save_clause(2, Clause("1.7", ClauseKind.DISPUTE, "New", "Text", 20))
        await uow.regulation.remove_clause(2, "1.6")
        await uow.regulation.save_settings(2, Settings(dispute_cap_percent=30))
        assert (await uow.regulation.draft()).version == 2  # type: ignore[union-attr]
        await uow.regulation.publish(2, summary="Shorter", by=1, at=NOW)
        assert await uow.regulation.draft() is None
        now_current = await uow.regulation.current()
        assert now_current is not None and now_current.version == 2
        assert now_current.settings.dispute_cap_percent == 30
        assert now_current.clause("1.1").body == "Short"
        old = await uow.regulation.get(1)
        assert old is not None and old.clause("1.1").body.startswith("The phone does not exist")
        assert [r.version for r in await uow.regulation.versions()] == [2, 1]
        assert "1.7" in await uow.regulation.used_numbers()
        assert await uow.regulation.acknowledge(2, 1, at=NOW)
        assert not await uow.regulation.acknowledge(2, 1, at=NOW)
        assert await uow.regulation.acknowledged(2) == {1}


async def test_intake_sources_are_revocable(db: Database) -> None:
    async with unit_of_work(db) as uow:
        await people(uow)
        source = await uow.lead_sources.add(name="Site", token_hash="abc", created_by=1, now=NOW)
        assert (await uow.lead_sources.by_token_hash("abc")) == source
        assert await uow.lead_sources.revoke(source.id, at=NOW)
        assert not await uow.lead_sources.revoke(source.id, at=NOW)
        revoked = await uow.lead_sources.get(source.id)
        assert revoked is not None and not revoked.active


async def test_time_away_and_working_hours_are_kept(db: Database) -> None:
    async with unit_of_work(db) as uow:
        rep, other = await people(uow)
        await uow.people.add_away(rep.id, starts_at=NOW, ends_at=NOW + timedelta(days=2), now=NOW)
        ahead = await uow.people.add_away(
            rep.id, starts_at=NOW + timedelta(days=5), ends_at=NOW + timedelta(days=6), now=NOW
        )
        found = await uow.people.away_periods([rep.id, other.id], ending_after=NOW)
        assert len(found) == 2 and await uow.people.away_period(ahead.id) == ahead
        assert await uow.people.end_away(rep.id, now=NOW + timedelta(hours=1)) == 2
        assert await uow.people.away_periods([rep.id], ending_after=NOW + timedelta(hours=1)) == []
        team = await uow.teams.get(rep.team_id or 0)
        assert team is not None and team.work_days == "12345" and team.country == "RU"
        await uow.teams.save_working_time(
            replace(team, work_days="123456", work_start=time(8, 0), subdivision="MOW")
        )
        saved = await uow.teams.get(team.id)
        assert saved is not None and saved.work_start == time(8, 0)
        assert saved.subdivision == "MOW"
        assert [p.id for p in await uow.people.with_role(Role.REP)] == [rep.id, other.id]


def test_nothing_in_the_migration_is_sqlite_only() -> None:
    from pathlib import Path

    sql = Path("storage/migrations/0009_leads.sql").read_text("utf-8").upper()
    for construct in ("INSERT OR", "AUTOINCREMENT", "JSON_EXTRACT", "GLOB", "PRAGMA"):
        assert construct not in sql
    _ = Regulation


async def test_the_tallies_always_match_the_leads_themselves(db: Database) -> None:
    async with unit_of_work(db) as uow:
        rep, other = await people(uow)
        ids = await uow.leads.add_many([new(f"L{n}", import_id="i1") for n in range(6)])
        kept = await uow.leads.add(new("Kept"))
        for lead_id, who in zip(ids[:4], (rep, rep, other, rep), strict=True):
            lead = await uow.leads.get(lead_id)
            assert lead is not None
            await uow.leads.save(lead.assigned(who.id, who.team_id, NOW))
        taken = await uow.leads.get(ids[0])
        assert taken is not None
        await uow.leads.save(replace(taken, status=LeadStatus.TAKEN))
        moved = await uow.leads.get(ids[1])
        assert moved is not None
        await uow.leads.save(moved.assigned(other.id, other.team_id, NOW))
        await uow.leads.save(kept.assigned(rep.id, rep.team_id, NOW))

        async def truth(where: str) -> dict[LeadStatus, int]:
            async with uow.leads._conn.execute(
                f"SELECT status, COUNT(*) FROM leads WHERE {where} GROUP BY status"
            ) as cur:
                return {LeadStatus(r[0]): r[1] for r in await cur.fetchall()}

        for _ in range(2):
            assert await uow.leads.counts(LeadFilter()) == await truth("1 = 1")
            assert await uow.leads.counts(LeadFilter(team_id=rep.team_id)) == await truth(
                f"team_id = {rep.team_id}"
            )
            for who in (rep, other):
                assert await uow.leads.counts(LeadFilter(assignee_id=who.id)) == await truth(
                    f"assignee_id = {who.id}"
                )
            assert await uow.leads.counts(
                LeadFilter(assignee_id=rep.id, status=LeadStatus.NEW)
            ) == await truth(f"assignee_id = {rep.id} AND status = 'new'")
            await uow.leads.discard_import("i1")
