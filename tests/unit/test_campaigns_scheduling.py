"""When a campaign goes out: the choices, the proposal, the rows each recipient gets
(quiet hours, local times, the reminder ladder, the team lead's alert), unscheduling."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from domain.campaigns import scheduling
from domain.campaigns.flows import Confirming, TypingMoment
from domain.campaigns.kinds import ANNOUNCE, ESCALATE, REMIND
from domain.campaigns.model import Audience, Campaign, Status
from domain.campaigns.schedule import Schedule, ScheduleMode
from domain.errors import InvalidInput, NotFound
from domain.people.model import Person
from tests.support.builders.campaigns import (
    ANNA,
    BORIS,
    GLEB,
    LEAD,
    MARKETER,
    a_campaign,
    an_org,
)
from tests.support.builders.people import NOW, a_marketer, a_rep
from tests.support.fakes import FakeUnitOfWork
from tests.support.fakes.campaigns import campaigns_uow


def org_uow(*campaigns: Campaign, people: list[Person] | None = None) -> FakeUnitOfWork:
    org, teams = an_org()
    return campaigns_uow(*(people or org), teams=teams, campaigns=campaigns)


async def marketer_of(uow: FakeUnitOfWork) -> Person:
    marketer = await uow.people.get(MARKETER)
    assert marketer is not None
    return marketer


async def schedule(uow: FakeUnitOfWork, when: Schedule, now: datetime = NOW) -> object:
    async with uow:
        return await scheduling.schedule(
            uow, actor=await marketer_of(uow), campaign_id=1, when=when, now=now
        )


def due(uow: FakeUnitOfWork, kind: str, batch: str | None = None) -> dict[int, datetime]:
    return {row.person_id: row.due_at for row in uow.outbox.queued(kind, batch=batch)}


# --- the choices ----------------------------------------------------------------------------


async def test_only_days_before_launch_still_ahead_in_the_marketers_zone_are_offered() -> None:
    evening = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)  # 18:00 Moscow, 01:00 on the 25th east
    campaign = a_campaign(1, launch_date=date(2026, 12, 1))
    moscow = org_uow(campaign)
    east = org_uow(campaign, people=[a_marketer(MARKETER, tz="Asia/Vladivostok")])
    async with moscow:
        offered = await scheduling.options(
            moscow, actor=await marketer_of(moscow), campaign_id=1, now=evening
        )
    async with east:
        later = await scheduling.options(
            east, actor=await marketer_of(east), campaign_id=1, now=evening
        )
    assert offered.days_before == (7, 3, 1)
    assert later.days_before == (3, 1)


@pytest.mark.parametrize(
    ("campaign", "key"),
    [
        (a_campaign(1, status=Status.ANNOUNCED), "error-already-announced"),
        (a_campaign(1, status=Status.CANCELLED), "error-campaign-cancelled"),
        (a_campaign(1, product=""), "error-campaign-incomplete"),
    ],
)
async def test_a_campaign_that_cannot_be_scheduled_has_no_when_menu(
    campaign: Campaign, key: str
) -> None:
    uow = org_uow(campaign)
    with pytest.raises(InvalidInput) as refused:
        async with uow:
            await scheduling.options(uow, actor=await marketer_of(uow), campaign_id=1, now=NOW)
    assert refused.value.key == key


async def test_sending_now_is_proposed_with_its_reach_and_waits_for_confirmation() -> None:
    uow = org_uow(a_campaign(1))
    async with uow:
        proposal = await scheduling.propose_now(
            uow, actor=await marketer_of(uow), campaign_id=1, now=NOW
        )
    assert proposal.reach == 3 and proposal.zone == "Europe/Moscow"
    assert proposal.state == Confirming(1, Schedule(ScheduleMode.NOW))
    assert uow.flows.states[MARKETER] == proposal.state
    assert uow.outbox.rows == {}


async def test_days_before_launch_go_out_at_ten_in_each_zone() -> None:
    uow = org_uow(a_campaign(1))
    async with uow:
        proposal = await scheduling.propose_days_before(
            uow, actor=await marketer_of(uow), campaign_id=1, days=3, now=NOW
        )
    assert proposal.state.schedule == Schedule(
        ScheduleMode.LOCAL, day=date(2026, 12, 12), local_time=time(10, 0)
    )


async def test_a_typed_moment_is_read_in_the_marketers_zone_then_meant_two_ways() -> None:
    uow = org_uow(a_campaign(1))
    marketer = await marketer_of(uow)
    async with uow:
        asked = await scheduling.ask_moment(uow, actor=marketer, campaign_id=1, now=NOW)
        typed = await scheduling.type_moment(
            uow, actor=marketer, state=asked.state, text="25.11 10:00", now=NOW
        )
    assert asked.zone == "Europe/Moscow"
    assert typed.state == TypingMoment(1, datetime(2026, 11, 25, 10, 0))
    async with uow:
        exact = await scheduling.propose_typed(
            uow, actor=marketer, campaign_id=1, each_local=False, now=NOW
        )
    assert exact.state.schedule == Schedule(
        ScheduleMode.AT, at=datetime(2026, 11, 25, 7, 0, tzinfo=UTC)
    )
    uow.flows.states[MARKETER] = typed.state
    async with uow:
        local = await scheduling.propose_typed(
            uow, actor=marketer, campaign_id=1, each_local=True, now=NOW
        )
    assert local.state.schedule == Schedule(
        ScheduleMode.LOCAL, day=date(2026, 11, 25), local_time=time(10, 0)
    )


async def test_a_moment_in_the_past_is_refused_and_the_step_stays() -> None:
    uow = org_uow(a_campaign(1))
    state = TypingMoment(1)
    uow.flows.states[MARKETER] = state
    with pytest.raises(InvalidInput) as refused:
        async with uow:
            await scheduling.type_moment(
                uow, actor=await marketer_of(uow), state=state, text="24.11 11:00", now=NOW
            )
    assert refused.value.key == "error-date-past"
    assert uow.flows.states[MARKETER] == state


async def test_a_moment_more_than_five_years_ahead_is_refused() -> None:
    uow = org_uow(a_campaign(1))
    state = TypingMoment(1)
    uow.flows.states[MARKETER] = state
    with pytest.raises(InvalidInput) as refused:
        async with uow:
            await scheduling.type_moment(
                uow, actor=await marketer_of(uow), state=state, text="31.12.9999 10:00", now=NOW
            )
    assert refused.value.key == "error-date-too-far"
    assert uow.flows.states[MARKETER] == state


async def test_choosing_how_a_moment_is_meant_needs_the_moment() -> None:
    uow = org_uow(a_campaign(1))
    uow.flows.states[MARKETER] = TypingMoment(1)
    with pytest.raises(NotFound) as refused:
        async with uow:
            await scheduling.propose_typed(
                uow, actor=await marketer_of(uow), campaign_id=1, each_local=True, now=NOW
            )
    assert refused.value.key == "button-expired"


async def test_an_announcement_after_the_launch_is_refused() -> None:
    uow = org_uow(a_campaign(1))
    uow.flows.states[MARKETER] = TypingMoment(1, datetime(2026, 12, 20, 10, 0))
    with pytest.raises(InvalidInput) as refused:
        async with uow:
            await scheduling.propose_typed(
                uow, actor=await marketer_of(uow), campaign_id=1, each_local=False, now=NOW
            )
    assert refused.value.key == "error-after-launch"
    assert uow.flows.states[MARKETER] == TypingMoment(1, datetime(2026, 12, 20, 10, 0))


async def test_confirming_schedules_what_was_proposed_and_ends_the_step() -> None:
    uow = org_uow(a_campaign(1))
    uow.flows.states[MARKETER] = Confirming(1, Schedule(ScheduleMode.NOW))
    async with uow:
        confirmed = await scheduling.confirm(
            uow, actor=await marketer_of(uow), campaign_id=1, now=NOW
        )
    assert confirmed.scheduled.sending_now and confirmed.scheduled.recipients == 3
    assert confirmed.card.campaign.status is Status.ANNOUNCED
    assert uow.flows.states == {}


async def test_there_is_nothing_to_confirm_without_a_proposal_for_that_campaign() -> None:
    uow = org_uow(a_campaign(1))
    uow.flows.states[MARKETER] = Confirming(2, Schedule(ScheduleMode.NOW))
    with pytest.raises(NotFound):
        async with uow:
            await scheduling.confirm(uow, actor=await marketer_of(uow), campaign_id=1, now=NOW)
    assert uow.outbox.rows == {}


# --- the rows ------------------------------------------------------------------------------


async def test_sent_now_everyone_gets_it_now_except_inside_their_quiet_hours() -> None:
    people, _ = an_org()
    people[2] = a_rep(BORIS, team=1, quiet="11:00-13:00")  # it is 12:00 in Moscow
    uow = org_uow(a_campaign(1), people=people)
    result = await schedule(uow, Schedule(ScheduleMode.NOW))
    assert due(uow, ANNOUNCE) == {
        ANNA: NOW,
        BORIS: datetime(2026, 11, 24, 10, 0, tzinfo=UTC),
        GLEB: NOW,
    }
    campaign = await uow.campaigns.get(1)
    assert campaign is not None and campaign.status is Status.ANNOUNCED
    assert campaign.announced_at == NOW
    assert result == scheduling.Scheduled(campaign, 3, sending_now=True)
    assert uow.audit.actions() == ["campaign.schedule"]


async def test_a_local_schedule_reaches_each_person_at_their_own_ten_oclock() -> None:
    uow = org_uow(a_campaign(1))
    await schedule(uow, Schedule(ScheduleMode.LOCAL, day=date(2026, 11, 25), local_time=time(10)))
    assert due(uow, ANNOUNCE) == {
        ANNA: datetime(2026, 11, 25, 7, 0, tzinfo=UTC),
        BORIS: datetime(2026, 11, 25, 7, 0, tzinfo=UTC),
        GLEB: datetime(2026, 11, 25, 3, 0, tzinfo=UTC),
    }
    campaign = await uow.campaigns.get(1)
    assert campaign is not None and campaign.status is Status.SCHEDULED
    assert campaign.announced_at is None


async def test_the_reminder_ladder_and_the_team_leads_alert_are_queued() -> None:
    uow = org_uow(a_campaign(1))
    await schedule(uow, Schedule(ScheduleMode.NOW))
    after_a_day = NOW + timedelta(hours=24)
    assert due(uow, REMIND, "reminder:1") == dict.fromkeys((ANNA, BORIS, GLEB), after_a_day)
    eve = due(uow, REMIND, "reminder:2")
    assert eve[ANNA] == datetime(2026, 12, 14, 7, 0, tzinfo=UTC)  # 10:00 Moscow
    assert eve[GLEB] == datetime(2026, 12, 14, 3, 0, tzinfo=UTC)  # 10:00 Novosibirsk
    # Only Siberia has a lead: two hours after its last rung.
    assert due(uow, ESCALATE) == {LEAD: datetime(2026, 12, 14, 5, 0, tzinfo=UTC)}


async def test_an_empty_audience_or_a_sent_campaign_is_not_scheduled() -> None:
    uow = org_uow(a_campaign(1, audience=Audience(team_ids=frozenset({9}))))
    with pytest.raises(InvalidInput) as empty:
        await schedule(uow, Schedule(ScheduleMode.NOW))
    assert empty.value.key == "error-audience-empty"
    announced = org_uow(a_campaign(1, status=Status.ANNOUNCED))
    with pytest.raises(InvalidInput) as sent:
        await schedule(announced, Schedule(ScheduleMode.NOW))
    assert sent.value.key == "error-already-announced"


async def test_rescheduling_replaces_what_was_queued() -> None:
    uow = org_uow(a_campaign(1))
    await schedule(uow, Schedule(ScheduleMode.LOCAL, day=date(2026, 12, 1), local_time=time(10)))
    await schedule(uow, Schedule(ScheduleMode.LOCAL, day=date(2026, 12, 8), local_time=time(9)))
    assert due(uow, ANNOUNCE)[ANNA] == datetime(2026, 12, 8, 6, 0, tzinfo=UTC)
    assert len(uow.outbox.queued(ANNOUNCE)) == 3


async def test_unscheduling_makes_it_a_draft_again_until_it_starts_going_out() -> None:
    uow = org_uow(a_campaign(1))
    await schedule(uow, Schedule(ScheduleMode.LOCAL, day=date(2026, 12, 1), local_time=time(10)))
    async with uow:
        card = await scheduling.unschedule(
            uow, actor=await marketer_of(uow), campaign_id=1, now=NOW
        )
    assert card.campaign.status is Status.DRAFT and card.campaign.schedule is None
    assert uow.outbox.rows == {}
    with pytest.raises(InvalidInput) as not_scheduled:
        async with uow:
            await scheduling.unschedule(uow, actor=await marketer_of(uow), campaign_id=1, now=NOW)
    assert not_scheduled.value.key == "error-not-scheduled"
    await schedule(uow, Schedule(ScheduleMode.LOCAL, day=date(2026, 12, 1), local_time=time(10)))
    uow.outbox.mark_sent(ANNOUNCE, 1, "announce", GLEB)
    with pytest.raises(InvalidInput) as going_out:
        async with uow:
            await scheduling.unschedule(uow, actor=await marketer_of(uow), campaign_id=1, now=NOW)
    assert going_out.value.key == "error-already-going-out"
