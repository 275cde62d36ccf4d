"""Blocked users are known at once: Telegram tells the bot (``my_chat_member``), so nothing is
sent to them in vain, figures show them unreachable, and when they come back what is still
relevant reaches them once."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.features.test_campaigns import announcements
from tests.support.clock import FakeClock
from tests.support.harness import Tandem, deliver
from tests.support.org import build_org, draft_campaign


def _sends_to(tandem: Tandem, chat_id: int, since: int) -> int:
    return sum(
        1
        for r in tandem.fake.requests[since:]
        if r.method.startswith("send") and r.params.get("chat_id") == chat_id
    )


async def test_a_rep_who_blocks_the_bot_gets_nothing_and_gets_it_when_back(
    tandem: Tandem, clock: FakeClock
) -> None:
    org = await build_org(tandem)
    vera = org.reps[2]
    await draft_campaign(org.marketer)
    await org.marketer.press("🗓 Запланировать")
    await org.marketer.press("📅 Ввести дату и время")
    await org.marketer.send("26.11 12:00")
    await org.marketer.press("В этот момент всем (Europe/Moscow)")
    await org.marketer.press("✅ Подтвердить")
    # Вера blocks the bot before the announcement goes out: the bot knows at once.
    await tandem.processed(vera.user.block())
    before = len(tandem.fake.requests)
    clock.set(datetime(2026, 11, 26, 9, 0, tzinfo=UTC))
    await deliver(tandem)
    assert [len(announcements(r)) for r in org.reps] == [1, 1, 0, 1, 1]
    assert _sends_to(tandem, vera.id, before) == 0  # Telegram was not even asked
    report = next(m for m in org.marketer.messages if m.text.startswith("📬"))
    assert "доставлено 4 из 5" in report.text and "Недоступны: Вера" in report.text

    # She unblocks it: the announcement, still before launch, reaches her once.
    await tandem.processed(vera.user.unblock())
    await deliver(tandem)
    assert len(announcements(vera)) == 1
    await tandem.restart()
    await deliver(tandem)
    assert len(announcements(vera)) == 1


async def test_blocking_after_launch_day_brings_nothing_back(
    tandem: Tandem, clock: FakeClock
) -> None:
    org = await build_org(tandem)
    vera = org.reps[2]
    await tandem.processed(vera.user.block())
    await draft_campaign(org.marketer)
    await org.marketer.press("🚀 Отправить сейчас")
    await org.marketer.press("✅ Подтвердить")
    await deliver(tandem)
    assert announcements(vera) == []
    clock.set(datetime(2026, 12, 16, 9, 0, tzinfo=UTC))  # the campaign launched on the 15th
    await tandem.processed(vera.user.unblock())
    await deliver(tandem)
    assert announcements(vera) == []


async def test_a_stranger_blocking_the_bot_changes_nothing(tandem: Tandem) -> None:
    stranger = tandem.player(9999, "Кто-то")
    await stranger.send("/start")
    await tandem.processed(stranger.user.block())
    await tandem.processed(stranger.user.unblock())
    assert [m.text for m in stranger.messages][1:] == []
