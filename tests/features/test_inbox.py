"""The durable inbox: an update the bot fetched is handled even if it died meanwhile, and
never twice.

A crash is played by the fake server (``take_update`` confirms an update the bot will never
see from it again; ``lose_confirmations`` makes Telegram send confirmed updates again) and by
the inbox table itself, as a crash would have left it.
"""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta

from storage.db import Database, to_db
from storage.inbox import Inbox
from storage.uow import SqlUnitOfWork
from tests.support.harness import Tandem
from tests.support.people import admin as an_admin
from tests.support.people import join

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


async def _in_the_inbox(tandem: Tandem, payload: dict[str, object], *, applied: bool) -> None:
    """Write what a crash would have left: the update stored, not done."""
    db = await Database.open(tandem.database)
    try:
        await Inbox(db).store([(int(str(payload["update_id"])), None, json.dumps(payload))], at=NOW)
        if applied:
            async with db.transaction() as conn:
                await conn.execute(
                    "UPDATE inbox SET applied_at = ?", ("2026-12-01 09:00:00.000000",)
                )
    finally:
        await db.close()


async def _key_messages(tandem: Tandem) -> tuple[str, ...]:
    async with SqlUnitOfWork(tandem.services.db) as uow:
        campaign = await uow.campaigns.get(1)
    assert campaign is not None
    return campaign.key_messages


async def test_an_update_fetched_before_a_crash_is_handled_at_the_next_start(
    tandem: Tandem,
) -> None:
    admin = await an_admin(tandem)
    await tandem.stop()
    admin.user.mark()
    update_id = admin.user.send("/help")
    # The bot fetched it and confirmed it to Telegram, then died before answering.
    payload = tandem.fake.take_update(update_id)
    await _in_the_inbox(tandem, payload, applied=False)
    await tandem.start()
    await tandem.processed(update_id)
    [help_] = admin.user.new_messages()
    assert "/invite" in help_.text


async def test_a_change_made_before_a_crash_is_not_made_again(tandem: Tandem) -> None:
    admin = await an_admin(tandem)
    marketer = await join(tandem, admin, 2000, "Марина", ["marketer"])
    for text in ("/newcampaign", "Зима", "Витамин D3", "Пять аптек", "Принимать ежедневно"):
        await marketer.send(text)
    await marketer.send("Скидка 10%")
    assert await _key_messages(tandem) == ("Принимать ежедневно", "Скидка 10%")
    # The last message's change was committed, but the bot died before it could answer.
    last = max(u for u in tandem.fake._sent_updates)
    await tandem.stop()
    db = await Database.open(tandem.database)
    async with db.transaction() as conn:
        await conn.execute("UPDATE inbox SET done_at = NULL WHERE update_id = ?", (last,))
    await db.close()
    marketer.user.mark()
    await tandem.start()
    await tandem.processed(last)
    [saved] = marketer.user.new_messages()
    assert saved.text.startswith("✅ Ваше последнее действие сохранено")
    assert await _key_messages(tandem) == ("Принимать ежедневно", "Скидка 10%")
    # The flow goes on where it was.
    await marketer.send("Бесплатная доставка")
    assert await _key_messages(tandem) == (
        "Принимать ежедневно",
        "Скидка 10%",
        "Бесплатная доставка",
    )


async def test_an_update_telegram_sends_again_is_not_handled_twice(tandem: Tandem) -> None:
    admin = await an_admin(tandem)
    marketer = await join(tandem, admin, 2000, "Марина", ["marketer"])
    for text in ("/newcampaign", "Зима", "Витамин D3", "Пять аптек", "Принимать ежедневно"):
        await marketer.send(text)
    first = max(u for u in tandem.fake._sent_updates)
    # The offsets that confirmed these never reached Telegram: it sends them all again.
    tandem.fake.lose_confirmations(first - 3)
    [added] = await marketer.send("Скидка 10%")
    assert added.text.startswith("Ключевое сообщение 2 добавлено")
    assert await _key_messages(tandem) == ("Принимать ежедневно", "Скидка 10%")


async def test_updates_sent_again_after_a_restart_are_confirmed_not_fetched_forever(
    tandem: Tandem,
) -> None:
    admin = await an_admin(tandem)
    update_id = admin.user.send("/help")
    await tandem.processed(update_id)
    await tandem.stop()
    # The offset that confirmed it never reached Telegram, and nobody writes after the
    # restart: the only updates on offer are ones the inbox has handled.
    tandem.fake.lose_confirmations(update_id)
    admin.user.mark()
    await tandem.start()
    await tandem.fake.wait_fetched(update_id)
    polls = len([r for r in tandem.fake.requests if r.method == "getUpdates"])
    await asyncio.sleep(0.5)
    again = len([r for r in tandem.fake.requests if r.method == "getUpdates"]) - polls
    assert again <= 2, f"getUpdates called {again} times in 0.5 s: the polling loop spins"
    assert admin.user.new_messages() == []  # /help was not answered twice
    # And the next update is handled as usual.
    admin.user.mark()
    await tandem.processed(admin.user.send("/help"))
    [help_] = admin.user.new_messages()
    assert "/invite" in help_.text


async def test_a_new_update_that_reuses_a_handled_id_is_handled(tandem: Tandem) -> None:
    """Telegram picks the next update id at random after a week without updates, so an id
    can come back: with other contents it is a new update, not a repeat."""
    admin = await an_admin(tandem)
    await tandem.stop()
    admin.user.mark()
    update_id = admin.user.send("/help")
    db = await Database.open(tandem.database)
    try:
        old = {"update_id": update_id, "message": {"message_id": 1, "text": "old"}}
        handled = datetime.now(UTC) - timedelta(hours=1)  # recent: not pruned at start-up
        async with db.transaction() as conn:
            await conn.execute(
                "INSERT INTO inbox (update_id, chat_id, payload, received_at, done_at)"
                " VALUES (?, NULL, ?, ?, ?) ON CONFLICT (update_id) DO UPDATE SET"
                " payload = excluded.payload, done_at = excluded.done_at",
                (
                    update_id,
                    json.dumps(old),
                    to_db(handled),
                    to_db(handled),
                ),
            )
    finally:
        await db.close()
    await tandem.start()
    await tandem.processed(update_id)
    [help_] = admin.user.new_messages()
    assert "/invite" in help_.text
