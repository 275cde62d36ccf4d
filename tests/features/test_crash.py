"""The whole bot as a real process, killed with SIGKILL while 50 people press, ask and type:
after the restart every action took effect exactly once, and everyone got a reply."""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path

from storage.db import Database
from tests.features.test_process import clean_env, run_bot
from tests.support.clock import FakeClock
from tests.support.fake_telegram import FakeTelegram, FakeUser
from tests.support.harness import TOKEN, Tandem, deliver
from tests.support.seed import add_reps, announce_campaign

PEOPLE = 50
ADMIN = 1000
ACK = "✅ Ознакомлен"
ASK = "❓ Задать вопрос"
SENT = "✅ Ваш вопрос отправлен маркетингу"
SAVED = "✅ Ваше последнее действие сохранено"


async def _seed(fake: FakeTelegram, database: Path) -> list[FakeUser]:
    """50 reps who have the announcement in their chat, and an admin who sent it."""
    tandem = Tandem(fake, database, FakeClock(), admin_ids=str(ADMIN))
    await tandem.start()
    try:
        await tandem.player(ADMIN, "Ольга").send("/start")
        reps = await add_reps(tandem, PEOPLE)
        assert await announce_campaign(tandem, ADMIN) == PEOPLE
        await deliver(tandem)
    finally:
        await tandem.stop()
    return [fake.users[telegram_id] for telegram_id in reps]


def _replied(rep: FakeUser) -> bool:
    """Both presses were answered and the question got its confirmation (or, for an action
    a crash left saved but unanswered, the notice that it was saved)."""
    texts = [m.text for m in rep.messages]
    return len(rep.callback_answers) >= 2 and any(t.startswith((SENT, SAVED)) for t in texts)


async def _count(database: Path, sql: str) -> list[tuple[int, int]]:
    db = await Database.open(database)
    try:
        async with db.transaction() as conn, conn.execute(sql) as cur:
            return [(row[0], row[1]) for row in await cur.fetchall()]
    finally:
        await db.close()


async def test_a_kill_during_a_storm_loses_nothing_and_repeats_nothing(
    fake: FakeTelegram, tmp_path: Path
) -> None:
    database = tmp_path / "tandem.sqlite3"
    reps = await _seed(fake, database)
    (tmp_path / ".env").write_text(
        f"BOT_TOKEN={TOKEN}\nTELEGRAM_API_BASE_URL={fake.base_url}\n"
        f"ADMIN_IDS={ADMIN}\nDATABASE_PATH={database}\n"
    )
    process = await run_bot(clean_env(), tmp_path)
    for rep in reps:
        rep.press(ACK)
        rep.press(ASK)
        rep.send(f"Сколько капсул в упаковке? — {rep.first_name}")
    # Kill it in the middle: some people have their replies, most do not yet.
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 60
    while sum(_replied(rep) for rep in reps) < PEOPLE // 5:
        assert loop.time() < deadline, "the bot answered nobody"
        await asyncio.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    await process.wait()
    assert sum(_replied(rep) for rep in reps) < PEOPLE, "the kill came too late to test much"

    process = await run_bot(clean_env(), tmp_path)
    try:
        deadline = loop.time() + 90
        while not all(_replied(rep) for rep in reps):
            assert loop.time() < deadline, [r.first_name for r in reps if not _replied(r)]
            await asyncio.sleep(0.05)
    finally:
        process.send_signal(signal.SIGINT)
        _, stderr = await asyncio.wait_for(process.communicate(), 30)
    assert process.returncode == 0, stderr.decode()[-2000:]

    acks = await _count(database, "SELECT person_id, COUNT(*) FROM campaign_acks GROUP BY 1")
    asked = await _count(database, "SELECT asked_by, COUNT(*) FROM questions GROUP BY 1")
    assert len(acks) == PEOPLE and all(n == 1 for _, n in acks)
    assert len(asked) == PEOPLE and all(n == 1 for _, n in asked)
