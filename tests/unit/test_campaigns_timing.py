"""A campaign's messages follow each person's current settings: a zone or quiet hours changed
after scheduling moves what still waits — the announcement, the reminders and the team lead's
alert — to the moments the rules give then; what went out stays as it was."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from domain.campaigns import scheduling, timing
from domain.campaigns.kinds import ANNOUNCE, ESCALATE, REMIND
from domain.campaigns.model import Campaign, Status
from domain.campaigns.schedule import REMINDER_PRESETS, Schedule, ScheduleMode
from domain.people.model import Person
from domain.timezones import QuietHours
from tests.support.builders.campaigns import ANNA, BORIS, GLEB, LEAD, MARKETER, a_campaign, an_org
from tests.support.builders.people import NOW, a_rep
from tests.support.fakes import FakeUnitOfWork
from tests.support.fakes.campaigns import campaigns_uow

TEN_LOCAL = Schedule(ScheduleMode.LOCAL, day=date(2026, 11, 25), local_time=time(10))


def utc(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


async def scheduled(
    when: Schedule = TEN_LOCAL, *, people: list[Person] | None = None, **campaign: object
) -> FakeUnitOfWork:
    org, teams = an_org()
    uow = campaigns_uow(*(people or org), teams=teams, campaigns=[a_campaign(1, **campaign)])
    marketer = await uow.people.get(MARKETER)
    assert marketer is not None
    async with uow:
        await scheduling.schedule(uow, actor=marketer, campaign_id=1, when=when, now=NOW)
    return uow


async def changed(
    uow: FakeUnitOfWork,
    person_id: int,
    *,
    tz: str | None = None,
    quiet: str | None = None,
    now: datetime = NOW,
) -> None:
    """The person changes their settings, and what waits for them is planned again."""
    if tz is not None:
        await uow.people.set_timezone(person_id, tz)
    if quiet is not None:
        await uow.people.set_quiet_hours(person_id, QuietHours.parse(quiet) if quiet else None)
    person = await uow.people.get(person_id)
    assert person is not None
    async with uow:
        await timing.replan(uow, person, await uow.outbox.waiting_for(person_id), now)


def plan_of(uow: FakeUnitOfWork, person_id: int) -> dict[str, datetime]:
    """batch -> moment of everything queued for the person."""
    return {
        row.batch: row.due_at
        for kind in (ANNOUNCE, REMIND, ESCALATE)
        for row in uow.outbox.queued(kind, ref_id=1)
        if row.person_id == person_id
    }


async def test_quiet_hours_set_after_scheduling_hold_the_announcement_and_reminders() -> None:
    uow = await scheduled()
    assert plan_of(uow, GLEB)["announce"] == utc(11, 25, 3)  # 10:00 in Novosibirsk
    await changed(uow, GLEB, quiet="09:00-12:00")
    # 12:00 Novosibirsk, when his new quiet hours end, is 05:00 UTC.
    assert plan_of(uow, GLEB) == {
        "announce": utc(11, 25, 5),
        "reminder:1": utc(11, 26, 5),  # 24 h after it
        "reminder:2": utc(12, 14, 5),  # the day before launch, at the end of quiet hours
    }
    # His team lead hears two hours after the team's last reminder.
    assert plan_of(uow, LEAD) == {"escalate": utc(12, 14, 7)}
    assert plan_of(uow, ANNA)["announce"] == utc(11, 25, 7)  # nobody else moves


async def test_a_new_zone_later_or_earlier_gives_ten_oclock_in_that_zone() -> None:
    uow = await scheduled()
    await changed(uow, GLEB, tz="Europe/Moscow")
    assert plan_of(uow, GLEB) == {
        "announce": utc(11, 25, 7),
        "reminder:1": utc(11, 26, 7),
        "reminder:2": utc(12, 14, 7),
    }
    assert plan_of(uow, LEAD) == {"escalate": utc(12, 14, 9)}
    await changed(uow, ANNA, tz="Asia/Vladivostok")  # UTC+10: her 10:00 comes first
    assert plan_of(uow, ANNA) == {
        "announce": utc(11, 25, 0),
        "reminder:1": utc(11, 26, 0),
        "reminder:2": utc(12, 14, 0),
    }


async def test_a_moment_already_past_in_the_new_zone_means_now() -> None:
    uow = await scheduled()
    morning = utc(11, 25, 4)  # 07:00 in Moscow: 10:00 in Vladivostok has passed
    await changed(uow, ANNA, tz="Asia/Vladivostok", now=morning)
    assert plan_of(uow, ANNA)["announce"] == morning


async def test_clearing_quiet_hours_sends_what_they_held_at_once() -> None:
    people, _ = an_org()
    people[2] = a_rep(BORIS, team=1, quiet="11:00-13:00")  # it is 12:00 in Moscow
    uow = await scheduled(Schedule(ScheduleMode.NOW), people=people)
    assert plan_of(uow, BORIS)["announce"] == utc(11, 24, 10)
    later = NOW + timedelta(minutes=30)
    await changed(uow, BORIS, quiet="", now=later)
    assert plan_of(uow, BORIS)["announce"] == later
    assert plan_of(uow, BORIS)["reminder:1"] == later + timedelta(hours=24)


async def test_after_the_announcement_went_out_only_the_waiting_reminders_move() -> None:
    uow = await scheduled()
    uow.outbox.mark_sent(ANNOUNCE, 1, "announce", GLEB)
    uow.outbox.mark_sent(REMIND, 1, "reminder:1", GLEB)
    await changed(uow, GLEB, tz="Europe/Moscow", now=utc(11, 27, 12))
    assert plan_of(uow, GLEB) == {
        "announce": utc(11, 25, 3),  # as it went out
        "reminder:1": utc(11, 26, 3),
        "reminder:2": utc(12, 14, 7),  # 10:00 in Moscow now
    }


async def test_a_team_lead_s_own_quiet_hours_move_their_alert() -> None:
    uow = await scheduled()
    await changed(uow, LEAD, quiet="11:00-15:00")  # the alert was due at 12:00 his time
    assert plan_of(uow, LEAD) == {"escalate": utc(12, 14, 8)}  # 15:00 in Novosibirsk


async def test_a_rung_the_new_settings_drop_is_withdrawn_and_one_they_add_is_queued() -> None:
    # At one moment for everyone, three days before launch, with the intense ladder: for
    # Moscow the day-before rung falls on the 48-hour one and is dropped.
    at = Schedule(ScheduleMode.AT, at=utc(12, 12, 7))
    uow = await scheduled(at, reminders=REMINDER_PRESETS["intense"])
    assert set(plan_of(uow, ANNA)) == {"announce", "reminder:1", "reminder:2"}
    await changed(uow, ANNA, tz="Europe/Kaliningrad")  # 10:00 there is after it: a rung more
    assert plan_of(uow, ANNA) == {
        "announce": utc(12, 12, 7),
        "reminder:1": utc(12, 13, 7),
        "reminder:2": utc(12, 14, 7),
        "reminder:3": utc(12, 14, 8),
    }
    await changed(uow, ANNA, tz="Asia/Novosibirsk")  # 10:00 there is before it: gone again
    assert set(plan_of(uow, ANNA)) == {"announce", "reminder:1", "reminder:2"}


async def test_nothing_moves_for_a_campaign_no_longer_going_out() -> None:
    uow = await scheduled()
    campaign = await uow.campaigns.get(1)
    assert isinstance(campaign, Campaign)
    uow.campaigns.put(campaign.with_(status=Status.CANCELLED))
    before = plan_of(uow, GLEB)
    await changed(uow, GLEB, tz="Europe/Moscow")
    assert plan_of(uow, GLEB) == before
