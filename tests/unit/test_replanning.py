"""/settings moves what waits: a new zone or quiet hours re-plan the person's waiting messages
of every feature, in the unit of work that saves the change."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from domain.briefings import sending
from domain.briefings.kinds import ASK, REMIND
from domain.campaigns import scheduling
from domain.campaigns.kinds import ANNOUNCE
from domain.campaigns.schedule import Schedule, ScheduleMode
from domain.people import preferences
from domain.people.model import Language, Person
from domain.questions import outbox
from domain.timezones import QuietHours
from tests.support.builders.briefings import a_briefing
from tests.support.builders.briefings import a_question as a_briefing_question
from tests.support.builders.campaigns import GLEB, MARKETER, a_campaign, an_org
from tests.support.builders.people import NOW
from tests.support.builders.questions import a_question
from tests.support.fakes import FakeUnitOfWork
from tests.support.fakes.briefings import FakeBriefingRepo
from tests.support.fakes.campaigns import FakeCampaignRepo
from tests.support.fakes.people import FakePeopleRepo, FakeTeamRepo
from tests.support.fakes.questions import a_scene
from tests.support.fakes.shared import FakeOutbox


def utc(month: int, day: int, hour: int) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=UTC)


async def a_world() -> tuple[FakeUnitOfWork, Person]:
    """Campaign 1 scheduled for 10:00 local on the 25th, and briefing 1 sent now."""
    people, teams = an_org()
    outbox, everyone = FakeOutbox(), FakePeopleRepo(people)
    briefings = FakeBriefingRepo()
    briefings.put(a_briefing(1, questions=(a_briefing_question(1),)))
    uow = FakeUnitOfWork(
        people=everyone,
        teams=FakeTeamRepo(teams),
        outbox=outbox,
        campaigns=FakeCampaignRepo([a_campaign(1)], outbox=outbox, people=everyone),
        briefings=briefings,
    )
    marketer = await uow.people.get(MARKETER)
    gleb = await uow.people.get(GLEB)
    assert marketer is not None and gleb is not None
    when = Schedule(ScheduleMode.LOCAL, day=date(2026, 11, 25), local_time=time(10))
    async with uow:
        await scheduling.schedule(uow, actor=marketer, campaign_id=1, when=when, now=NOW)
        await sending.send(uow, actor=marketer, briefing_id=1, now=NOW)
    return uow, gleb


def due(uow: FakeUnitOfWork, kind: str, batch: str) -> datetime:
    [row] = [r for r in uow.outbox.queued(kind, ref_id=1, batch=batch) if r.person_id == GLEB]
    return row.due_at


async def test_new_quiet_hours_move_the_announcement_and_the_briefing_reminders() -> None:
    uow, gleb = await a_world()
    assert due(uow, ANNOUNCE, "announce") == utc(11, 25, 3)  # 10:00 in Novosibirsk
    assert due(uow, REMIND, "reminder:2") == utc(11, 26, 3)  # the eve of the deadline, 10:00
    async with uow:
        await preferences.set_quiet_hours(
            uow, actor=gleb, quiet=QuietHours.parse("09:00-12:00"), now=NOW
        )
    assert due(uow, ANNOUNCE, "announce") == utc(11, 25, 5)  # 12:00 there
    assert due(uow, REMIND, "reminder:2") == utc(11, 26, 5)
    assert due(uow, ASK, "ask") == NOW  # it is 16:00 there: the request goes now


async def test_a_new_zone_moves_them_to_ten_oclock_there() -> None:
    uow, gleb = await a_world()
    async with uow:
        await preferences.set_timezone(uow, actor=gleb, timezone="europe/moscow", now=NOW)
    assert due(uow, ANNOUNCE, "announce") == utc(11, 25, 7)
    assert due(uow, REMIND, "reminder:2") == utc(11, 26, 7)


async def test_the_language_moves_nothing() -> None:
    uow, gleb = await a_world()
    before = dict(uow.outbox.rows)
    async with uow:
        await preferences.set_language(uow, actor=gleb, language=Language.EN, now=NOW)
    assert uow.outbox.rows == before


async def test_a_question_card_held_by_quiet_hours_follows_them() -> None:
    scene = await a_scene()
    await outbox.tell_answerers(scene.uow, scene.campaign, a_question(1), reminder=False, now=NOW)

    def card(person: Person) -> datetime:
        [row] = [r for r in scene.uow.outbox.queued(outbox.ASKED) if r.person_id == person.id]
        return row.due_at

    async with scene.uow:  # 12:00 in Moscow: inside the new window
        marketer = await preferences.set_quiet_hours(
            scene.uow, actor=scene.marketer, quiet=QuietHours.parse("11:00-13:00"), now=NOW
        )
    assert card(marketer) == utc(11, 24, 10)  # 13:00 in Moscow
    later = NOW + timedelta(minutes=20)
    async with scene.uow:
        await preferences.set_quiet_hours(scene.uow, actor=marketer, quiet=None, now=later)
    assert card(marketer) == later
