"""Issue 13, end to end on a moved clock: scheduled messages follow each person's time zone
and quiet hours as they are when the message comes due, and stale ones are not sent.

Глеб (Novosibirsk) sets quiet hours 09:00-12:00 and Dana moves from Novosibirsk to Moscow
after the campaign was scheduled for 10:00 local; each gets the announcement, the reminders
and their team lead the alert at the moments their settings give then, once each, across
restarts. A bot that was down over the eve of launch sends no "day before launch" reminder
after it.
"""

from __future__ import annotations

from datetime import UTC, datetime

from domain.campaigns.kinds import ANNOUNCE, ESCALATE, REMIND
from storage.deliveries.repo import SqlDeliveryRepo
from storage.deliveries.rows import Delivery
from tests.support.clock import FakeClock
from tests.support.harness import Player, Tandem, deliver
from tests.support.org import Org, build_org, draft_campaign


def utc(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


def announced(player: Player) -> int:
    return sum(m.text.startswith("📣 Зимний иммунитет") for m in player.messages)


def reminded(player: Player) -> int:
    return sum(m.text.startswith("⏰") for m in player.messages)


def alerted(player: Player) -> int:
    return sum(m.text.startswith("⚠️ «") for m in player.messages)


def reported(player: Player) -> int:
    return sum(m.text.startswith("📬") for m in player.messages)


async def at(tandem: Tandem, clock: FakeClock, moment: datetime) -> None:
    """Move the clock and let the bot send whatever has come due."""
    clock.set(moment)
    await deliver(tandem)


async def rows(tandem: Tandem, kind: str) -> list[Delivery]:
    async with tandem.services.db.transaction() as conn:
        return await SqlDeliveryRepo(conn).for_ref(kind, 1)


async def change_settings(org: Org) -> None:
    """Глеб keeps his mornings quiet; Dana has moved to Moscow."""
    gleb, dana = org.reps[3], org.reps[4]
    await gleb.send("/settings")
    await gleb.press("🌙 Тихие часы")
    await gleb.send("09:00-12:00")
    await dana.send("/settings")
    await dana.press("🕒 Time zone")
    await dana.press("Europe/Moscow")
    assert "Europe/Moscow" in dana.last.text


async def test_each_gets_it_at_ten_in_the_zone_and_outside_the_quiet_hours_they_have_then(
    tandem: Tandem, clock: FakeClock
) -> None:
    org = await build_org(tandem)
    marketer, lead = org.marketer, org.lead
    gleb, dana = org.reps[3], org.reps[4]
    await draft_campaign(marketer)
    await marketer.press("🗓 Запланировать")
    await marketer.press("📅 Ввести дату и время")
    await marketer.send("25.11 10:00")
    await marketer.press("В 10:00 по местному времени каждого")
    await marketer.press("✅ Подтвердить")
    # Between scheduling and sending, two reps change their settings; the bot restarts.
    await change_settings(org)
    await tandem.restart()

    # 10:00 in Novosibirsk: Глеб is in his new quiet hours, Dana is in Moscow now.
    await at(tandem, clock, utc(11, 25, 3))
    assert [announced(r) for r in org.reps] == [0, 0, 0, 0, 0]
    await at(tandem, clock, utc(11, 25, 4, 59))
    assert announced(gleb) == 0
    # 12:00 there, when his quiet hours end; the marketer's report waits for everyone.
    await at(tandem, clock, utc(11, 25, 5))
    assert [announced(r) for r in org.reps] == [0, 0, 0, 1, 0]
    assert reported(marketer) == 0
    # 10:00 in Moscow: Dana with Антон and Bella; Вера's own quiet hours (09-11) hold hers.
    await at(tandem, clock, utc(11, 25, 7))
    assert [announced(r) for r in org.reps] == [1, 1, 0, 1, 1]
    assert "Launch: 15 Dec 2026 (in 20 days)" in next(
        m.text for m in dana.messages if m.text.startswith("📣")
    )
    await tandem.restart()
    await at(tandem, clock, utc(11, 25, 8))
    assert [announced(r) for r in org.reps] == [1, 1, 1, 1, 1]
    assert reported(marketer) == 1

    # The reminder a day later keeps to the same moments.
    await at(tandem, clock, utc(11, 26, 3))
    assert [reminded(r) for r in org.reps] == [0, 0, 0, 0, 0]
    await at(tandem, clock, utc(11, 26, 5))
    assert [reminded(r) for r in org.reps] == [0, 0, 0, 1, 0]
    await at(tandem, clock, utc(11, 26, 7))
    assert [reminded(r) for r in org.reps] == [1, 1, 0, 1, 1]
    await at(tandem, clock, utc(11, 26, 8))
    assert [reminded(r) for r in org.reps] == [1, 1, 1, 1, 1]

    # The day before launch: 12:00 for Глеб, 10:00 Moscow for Dana; the lead of Сибирь hears
    # two hours after the later of the two.
    await at(tandem, clock, utc(12, 14, 3))
    assert [reminded(r) for r in org.reps] == [1, 1, 1, 1, 1]
    await at(tandem, clock, utc(12, 14, 5))
    assert [reminded(r) for r in org.reps] == [1, 1, 1, 2, 1]
    await at(tandem, clock, utc(12, 14, 7))
    assert [reminded(r) for r in org.reps] == [2, 2, 1, 2, 2]
    await at(tandem, clock, utc(12, 14, 8, 59))
    assert [reminded(r) for r in org.reps] == [2, 2, 2, 2, 2]
    assert alerted(lead) == 0
    await at(tandem, clock, utc(12, 14, 9))
    [alert] = [m.text for m in lead.messages if m.text.startswith("⚠️ «")]
    assert "Dana, Глеб" in alert

    # Once each, also after another restart.
    await tandem.restart()
    await at(tandem, clock, utc(12, 16, 12))
    assert [announced(r) for r in org.reps] == [1, 1, 1, 1, 1]
    assert [reminded(r) for r in org.reps] == [2, 2, 2, 2, 2]
    assert (alerted(lead), reported(marketer)) == (1, 1)
    for kind in (ANNOUNCE, REMIND, ESCALATE):
        assert {row.status for row in await rows(tandem, kind)} == {"sent"}, kind


async def _announced_then_down_over_the_eve(tandem: Tandem, clock: FakeClock) -> Org:
    """Sent now (24.11), launch 15.12; Антон acknowledges; the others get the reminder a day
    later; then the bot is down from the 13th."""
    org = await build_org(tandem)
    await draft_campaign(org.marketer)
    await org.marketer.press("🚀 Отправить сейчас")
    await org.marketer.press("✅ Подтвердить")
    await deliver(tandem)
    await org.reps[0].press("✅ Ознакомлен")
    await at(tandem, clock, utc(11, 25, 10))
    assert [reminded(r) for r in org.reps] == [0, 1, 1, 1, 1]
    clock.set(utc(12, 13, 12))
    await tandem.stop()
    return org


async def test_back_on_launch_day_no_day_before_reminder_goes_out(
    tandem: Tandem, clock: FakeClock
) -> None:
    org = await _announced_then_down_over_the_eve(tandem, clock)
    clock.set(utc(12, 15, 6))  # 09:00 on launch day in Moscow, 13:00 in Novosibirsk
    await tandem.start()
    await deliver(tandem)
    assert [reminded(r) for r in org.reps] == [0, 1, 1, 1, 1]
    # The day-before-launch rung of each rep: skipped, and why (Антон had acknowledged).
    eve = [row for row in await rows(tandem, REMIND) if row.batch == "reminder:2"]
    assert {row.status for row in eve} == {"skipped"}
    assert sorted(row.error or "" for row in eve) == ["acknowledged"] + ["after-launch"] * 4
    # On launch day the team lead may still chase those who have not read it: once.
    assert alerted(org.lead) == 1
    await tandem.restart()
    await at(tandem, clock, utc(12, 16, 12))
    assert [reminded(r) for r in org.reps] == [0, 1, 1, 1, 1]
    assert alerted(org.lead) == 1


async def test_back_after_launch_day_neither_reminders_nor_the_alert_go_out(
    tandem: Tandem, clock: FakeClock
) -> None:
    org = await _announced_then_down_over_the_eve(tandem, clock)
    clock.set(utc(12, 16, 1))  # the 16th everywhere from Moscow east
    await tandem.start()
    await deliver(tandem)
    assert [reminded(r) for r in org.reps] == [0, 1, 1, 1, 1]
    assert alerted(org.lead) == 0
    [alert] = await rows(tandem, ESCALATE)
    assert (alert.status, alert.error) == ("skipped", "after-launch")
    skipped = {row.error for row in await rows(tandem, REMIND) if row.status == "skipped"}
    assert skipped == {"after-launch", "acknowledged"}
