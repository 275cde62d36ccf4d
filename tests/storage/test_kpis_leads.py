"""The columns the scorecard counts leads by are kept by the leads repositories as a lead
moves: first delivery, taken, returned, disputed, overturned, and each first-action clock met
or missed — checked here through the repositories' own saves on a real SQLite file."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from domain.kpis.model import LeadTally, week_of
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
