"""A briefing request and its reminders follow each person's current settings: a zone or quiet
hours changed after sending move what still waits for them; what went out stays."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from domain.briefings import sending, timing
from domain.briefings.kinds import ASK, REMIND
from domain.timezones import QuietHours
from tests.support.builders.briefings import a_briefing, a_campaign_to_brief, a_question
from tests.support.builders.people import NOW, a_marketer, a_rep
from tests.support.fakes import FakeUnitOfWork
from tests.support.fakes.briefings import briefing_uow

MARKETER = a_marketer(1)
MOSCOW, HELD, SIBERIA = 4, 5, 6


def utc(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC)


async def sent() -> FakeUnitOfWork:
    """Sent at NOW (12:00 in Moscow) with a deadline on the 27th, 09:00 UTC."""
    uow = briefing_uow(
        campaigns=[a_campaign_to_brief(1)],
        briefings=[a_briefing(1, questions=(a_question(1),))],
        people=[
            MARKETER,
            a_rep(MOSCOW, team=1),
            a_rep(HELD, team=1, quiet="11:00-13:00"),
            a_rep(SIBERIA, team=2, tz="Asia/Novosibirsk"),
        ],
    )
    async with uow:
        await sending.send(uow, actor=MARKETER, briefing_id=1, now=NOW)
    return uow


async def changed(
    uow: FakeUnitOfWork,
    person_id: int,
    *,
    tz: str | None = None,
    quiet: str | None = None,
    now: datetime = NOW,
) -> None:
    if tz is not None:
        await uow.people.set_timezone(person_id, tz)
    if quiet is not None:
        await uow.people.set_quiet_hours(person_id, QuietHours.parse(quiet) if quiet else None)
    person = await uow.people.get(person_id)
    assert person is not None
    async with uow:
        await timing.replan(uow, person, await uow.outbox.waiting_for(person_id), now)


def plan_of(uow: FakeUnitOfWork, person_id: int) -> dict[str, datetime]:
    return {
        row.batch: row.due_at
        for kind in (ASK, REMIND)
        for row in uow.outbox.queued(kind, ref_id=1)
        if row.person_id == person_id
    }


async def test_clearing_quiet_hours_sends_the_held_request_now_and_moves_its_reminder() -> None:
    uow = await sent()
    assert plan_of(uow, HELD)["ask"] == utc(24, 10)  # 13:00 in Moscow
    later = NOW + timedelta(minutes=30)
    await changed(uow, HELD, quiet="", now=later)
    assert plan_of(uow, HELD) == {
        "ask": later,
        "reminder:1": later + timedelta(hours=24),
        "reminder:2": utc(26, 7),  # 10:00 in Moscow the day before the deadline
    }


async def test_a_new_zone_moves_the_reminder_on_the_eve_of_the_deadline() -> None:
    uow = await sent()
    assert plan_of(uow, SIBERIA)["reminder:2"] == utc(26, 3)
    await changed(uow, SIBERIA, tz="Europe/Moscow")
    assert plan_of(uow, SIBERIA) == {"ask": NOW, "reminder:1": utc(25, 9), "reminder:2": utc(26, 7)}


async def test_quiet_hours_set_after_the_request_went_out_hold_its_reminders() -> None:
    uow = await sent()
    uow.outbox.mark_sent(ASK, 1, "ask", MOSCOW)
    await changed(uow, MOSCOW, quiet="09:00-12:00", now=NOW + timedelta(hours=1))
    assert plan_of(uow, MOSCOW) == {
        "ask": NOW,
        "reminder:1": utc(25, 9),  # 12:00 in Moscow: just outside
        "reminder:2": utc(26, 9),  # was 10:00 in Moscow, now when quiet hours end
    }


async def test_nothing_moves_once_answers_are_closed() -> None:
    uow = await sent()
    before = plan_of(uow, SIBERIA)
    await changed(uow, SIBERIA, tz="Europe/Moscow", now=utc(27, 10))
    assert plan_of(uow, SIBERIA) == before
