"""A person who blocks the bot is given up at once; back, they get what is still relevant."""

from datetime import timedelta

from domain.campaigns import receiving
from domain.campaigns.kinds import ANNOUNCE, ANNOUNCE_BATCH, REMIND
from domain.campaigns.model import Status
from domain.people import reachability
from domain.ports import Outgoing
from tests.support.builders.campaigns import LAUNCH, a_campaign
from tests.support.builders.people import NOW, a_rep
from tests.support.fakes.campaigns import campaigns_uow


async def _scene():  # type: ignore[no-untyped-def]
    vera, anton = a_rep(10, quiet="22:00-08:00"), a_rep(11)
    uow = campaigns_uow(vera, anton, campaigns=[a_campaign(1, status=Status.ANNOUNCED)])
    rows = [Outgoing(p.id, p.telegram_id, NOW) for p in (vera, anton)]
    async with uow:
        await uow.outbox.enqueue(ANNOUNCE, 1, ANNOUNCE_BATCH, rows)
        await uow.outbox.enqueue(REMIND, 1, "reminder:1", rows)
    return uow, vera, anton


async def test_blocking_gives_up_everything_waiting_for_that_person_only() -> None:
    uow, vera, _ = await _scene()
    async with uow:
        person = await reachability.blocked(uow, telegram_id=vera.telegram_id, now=NOW)
    assert person is not None and person.blocked_at == NOW and not person.reachable
    assert {(r.kind, r.person_id, r.status) for r in uow.outbox.rows.values()} == {
        (ANNOUNCE, 10, "unreachable"),
        (REMIND, 10, "unreachable"),
        (ANNOUNCE, 11, "pending"),
        (REMIND, 11, "pending"),
    }
    assert uow.audit.actions() == ["person.block"]


async def test_back_before_launch_the_announcement_alone_goes_again_outside_quiet_hours() -> None:
    uow, vera, _ = await _scene()
    late = NOW.replace(hour=20)  # 23:00 in Moscow: inside Вера's quiet hours
    async with uow:
        await reachability.blocked(uow, telegram_id=vera.telegram_id, now=NOW)
        queued = await reachability.unblocked(
            uow, telegram_id=vera.telegram_id, now=late, redeliveries=[receiving.redeliver]
        )
    assert queued == 1
    announce = uow.outbox.rows[ANNOUNCE, 1, ANNOUNCE_BATCH, 10]
    assert announce.status == "pending" and announce.due_at == late + timedelta(hours=9)
    assert uow.outbox.rows[REMIND, 1, "reminder:1", 10].status == "unreachable"
    assert (await uow.people.get(10)).reachable  # type: ignore[union-attr]


async def test_back_after_launch_nothing_goes_again() -> None:
    uow, vera, _ = await _scene()
    after = NOW.replace(year=LAUNCH.year, month=LAUNCH.month, day=LAUNCH.day) + timedelta(days=1)
    async with uow:
        await reachability.blocked(uow, telegram_id=vera.telegram_id, now=NOW)
        queued = await reachability.unblocked(
            uow, telegram_id=vera.telegram_id, now=after, redeliveries=[receiving.redeliver]
        )
    assert queued == 0


async def test_strangers_and_repeats_change_nothing() -> None:
    uow, vera, _ = await _scene()
    async with uow:
        assert await reachability.blocked(uow, telegram_id=424242, now=NOW) is None
        assert (
            await reachability.unblocked(
                uow, telegram_id=vera.telegram_id, now=NOW, redeliveries=[receiving.redeliver]
            )
            == 0
        )  # she never blocked it
    assert uow.audit.actions() == []
