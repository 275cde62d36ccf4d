"""Storm benchmark: N reps press «✅ Got it» under an announcement at a given rate, through the
real bot and the fake Bot API with Telegram's limits, on real time.

    .venv/bin/python -m bench.acks --reps 600 --rate 200

It prints how fast presses were answered (answers/s), the spinner time on a rep's phone (from
the press to the callback's answer reaching Telegram) at p50 and p95, whether every
announcement was redrawn as acknowledged, and the 429s Telegram (the fake) answered.
The announcement is delivered first on a virtual pace clock (so setting up 600 reps takes
seconds); for the storm the bot runs as its own process, on real time, as in production.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from tests.support.clock import FakeClock
from tests.support.fake_telegram import FakeTelegram
from tests.support.harness import TOKEN, Tandem, deliver
from tests.support.pace_clock import VirtualPaceClock
from tests.support.seed import add_reps, announce_campaign

ADMIN = 1000
ROOT = Path(__file__).resolve().parents[1]
ACK = "✅ Ознакомлен"
ACKED = "✅ Ознакомлен(а)"


async def storm(reps: int, rate: float) -> None:
    pace = VirtualPaceClock()
    fake = FakeTelegram(TOKEN, monotonic=pace.monotonic)
    await fake.start()
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "tandem.sqlite3"
        seeding = Tandem(fake, database, FakeClock(), admin_ids=str(ADMIN), pace_clock=pace)
        await seeding.start()
        try:
            await seeding.player(ADMIN, "Ольга").send("/start")
            ids = await add_reps(seeding, reps)
            await announce_campaign(seeding, ADMIN)
            await deliver(seeding, timeout=reps)
        finally:
            await seeding.stop()

        # The bot runs as its own process, as in production: the fake server and this load
        # generator get the other core. From here on everything runs on real time.
        fake.monotonic = time.monotonic
        fake._send_times.clear()  # its window was on the virtual clock
        (Path(folder) / ".env").write_text(
            f"BOT_TOKEN={TOKEN}\nTELEGRAM_API_BASE_URL={fake.base_url}\n"
            f"ADMIN_IDS={ADMIN}\nDATABASE_PATH={database}\nLOG_LEVEL=WARNING\n"
        )
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", cwd=folder, env={**os.environ, "PYTHONPATH": str(ROOT)}
        )
        try:
            users = [fake.users[i] for i in ids]
            announcements = {u.id: next(m for m in u.messages if ACK in m.labels()) for u in users}
            probe = users[0]  # wait until the bot answers before the storm starts
            probe.mark()
            probe.send("/help")
            await probe.wait_message(timeout=60)
            before = len(fake.requests)
            pressed: dict[str, float] = {}  # callback query id -> when it was pressed
            started = time.monotonic()
            for n, user in enumerate(users):
                await asyncio.sleep(max(0.0, started + n / rate - time.monotonic()))
                update_id = user.press(ACK, message=announcements[user.id])
                query = fake._sent_updates[update_id]["callback_query"]["id"]
                pressed[query] = fake.monotonic()
            deadline = time.monotonic() + 60 + reps / 10
            while time.monotonic() < deadline:
                redrawn = sum(
                    1
                    for u in users
                    if ACKED in fake.message(u.id, announcements[u.id].message_id).labels()
                )
                if redrawn == reps:
                    break
                await asyncio.sleep(0.05)
        finally:
            process.send_signal(signal.SIGINT)
            await process.wait()
            await fake.close()

    window = fake.requests[before:]
    answers = {
        r.params["callback_query_id"]: r.at
        for r in window
        if r.method == "answerCallbackQuery" and r.ok
    }
    spinner = sorted((answers[q] - at) * 1000 for q, at in pressed.items() if q in answers)
    first, last = min(pressed.values()), max(answers.values(), default=0.0)
    got_429 = sum(1 for r in window if r.status == 429)
    by_method = Counter(r.method for r in window if r.status == 429)
    print(f"reps pressing            {reps} at {rate:g}/s")
    print(f"answered                 {len(spinner)} of {reps}")
    print(f"answers/s                {len(spinner) / max(last - first, 1e-9):.1f}")
    if spinner:
        p95 = spinner[min(len(spinner) - 1, int(0.95 * len(spinner)))]
        p50, worst = statistics.median(spinner), spinner[-1]
        print(f"spinner p50 / p95 / max  {p50:.0f} / {p95:.0f} / {worst:.0f} ms")
    print(f"announcements redrawn    {redrawn} of {reps}")
    print(f"429 answers              {got_429} {dict(by_method)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=600)
    parser.add_argument("--rate", type=float, default=200.0, help="presses per second")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    asyncio.run(storm(args.reps, args.rate))


if __name__ == "__main__":
    main()
