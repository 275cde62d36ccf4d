"""/away pauses reminders: a rung due while the person is away comes when they are back
(10:00 their time at the earliest, outside quiet hours), rungs piled up there become one,
and 🏁 I'm back puts the rest where they were. Announcements and requests are not held."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from domain.briefings.kinds import ASK
from domain.briefings.kinds import REMIND as BRIEFING_REMIND
from domain.campaigns.kinds import ANNOUNCE, ESCALATE
from domain.campaigns.kinds import REMIND as CAMPAIGN_REMIND
from domain.people import away
from domain.people.model import AwayPeriod, paused
from tests.support.builders.campaigns import GLEB
from tests.support.builders.people import NOW, a_rep
from tests.support.fakes import FakeUnitOfWork
from tests.unit.test_replanning import a_world

LEAD = 21  # Gleb's team lead in the world of test_replanning


def utc(month: int, day: int, hour: int) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=UTC)


def rows(uow: FakeUnitOfWork, kind: str, person: int = GLEB) -> dict[str, datetime]:
    return {r.batch: r.due_at for r in uow.outbox.queued(kind, ref_id=1) if r.person_id == person}


def test_rungs_in_a_period_move_to_ten_oclock_on_the_day_back_and_become_one() -> None:
    rep = a_rep(1)  # Moscow
    period = AwayPeriod(1, rep.id, utc(11, 24, 9), utc(11, 26, 21))  # until midnight there
    plan = {"r1": utc(11, 25, 7), "r2": utc(11, 26, 7), "r3": utc(11, 28, 7)}
    assert paused(plan, [period], rep) == {"r2": utc(11, 27, 7), "r3": utc(11, 28, 7)}
    assert paused(plan, [], rep) == plan
    quiet = a_rep(1, quiet="09:00-12:00")
    assert paused({"r1": utc(11, 25, 7)}, [period], quiet) == {"r1": utc(11, 27, 9)}


def test_back_in_the_afternoon_is_not_moved_to_the_next_morning() -> None:
    rep = a_rep(1)
    period = AwayPeriod(1, rep.id, utc(11, 24, 9), utc(11, 25, 12))  # 15:00 in Moscow
    assert paused({"r1": utc(11, 25, 7)}, [period], rep) == {"r1": utc(11, 25, 12)}


async def test_going_away_holds_the_reminders_and_coming_back_restores_them() -> None:
    uow, gleb = await a_world()  # Gleb is in Novosibirsk (UTC+7); it is 16:00 there
    uow.outbox.mark_sent(ASK, 1, "ask", GLEB)  # the briefing request has reached him
    before = {kind: rows(uow, kind) for kind in (CAMPAIGN_REMIND, BRIEFING_REMIND)}
    async with uow:  # today and the next two days: back at midnight on the 27th there
        await away.set_away(uow, actor=gleb, now=NOW, days=3)
    back = utc(11, 27, 3)  # 10:00 there
    assert rows(uow, CAMPAIGN_REMIND) == {"reminder:1": back, "reminder:2": utc(12, 14, 3)}
    assert rows(uow, BRIEFING_REMIND) == {"reminder:2": back}  # two rungs, one reminder
    assert rows(uow, ANNOUNCE) == {"announce": utc(11, 25, 3)}  # not a reminder: not held
    async with uow:
        assert await away.back(uow, actor=gleb, now=NOW + timedelta(hours=1)) == 1
    assert {kind: rows(uow, kind) for kind in before} == before


async def test_a_rep_away_past_the_launch_does_not_push_the_leads_alert_past_it() -> None:
    uow, gleb = await a_world()
    assert rows(uow, ESCALATE, LEAD) == {"escalate": utc(12, 14, 5)}
    async with uow:
        await away.start_typing(uow, actor=gleb, now=NOW)
        await away.set_away(uow, actor=gleb, now=NOW, text="24.11-20.12")
    # Gleb's last rung now falls after the launch (it will not go): no alert is waiting on it.
    assert rows(uow, CAMPAIGN_REMIND)["reminder:2"] > utc(12, 15, 0)
    assert rows(uow, ESCALATE, LEAD) == {}
