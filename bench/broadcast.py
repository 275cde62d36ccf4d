"""Broadcast benchmark: one announcement to N reps through the real bot, against the fake Bot
API with Telegram's limits (30 messages/s for the bot, 1/s per chat), while registered users
keep asking for /help.

    .venv/bin/python -m bench.broadcast --reps 5000     # about three minutes
    .venv/bin/python -m bench.broadcast --reps 300      # quick
    .venv/bin/python -m bench.broadcast --reps 3000 --paid --cap 300 --rate 285

It prints the achieved rate against the 30/s cap, lost and duplicated recipients, the 429s
Telegram (the fake) answered, and /help reply times while the broadcast runs.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import resource
import signal
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from broadcast import BroadcastEngine
from tests.support.clock import FakeClock
from tests.support.fake_telegram import SEND_METHODS, FakeTelegram
from tests.support.harness import TOKEN, Player, Tandem
from tests.support.seed import add_reps, announce_campaign

ROOT = Path(__file__).resolve().parents[1]
CAP = 30.0
ASKERS = (1000, 1001, 1002)


@dataclass
class HelpTimes:
    replies_ms: list[float] = field(default_factory=list)
    missing: int = 0


async def ask_for_help(askers: list[Player], every: float, stop: asyncio.Event) -> HelpTimes:
    """Rotate /help among ``askers`` every ``every`` seconds; time each reply to reach the
    fake server. (Rotating keeps each chat under the fake's one-message-a-second rule.)"""
    times = HelpTimes()
    if every <= 0:
        return times
    loop = asyncio.get_running_loop()
    next_at = loop.time()
    turn = 0
    while not stop.is_set():
        user = askers[turn % len(askers)].user
        turn += 1
        user.mark()
        started = time.monotonic()
        user.send("/help")
        try:
            await user.wait_message(timeout=10)
        except AssertionError:
            times.missing += 1
        else:
            times.replies_ms.append((time.monotonic() - started) * 1000)
        next_at += every
        await asyncio.sleep(max(0.0, next_at - loop.time()))
    return times


def busiest_second(moments: list[float]) -> int:
    moments = sorted(moments)
    best, start = 0, 0
    for end, moment in enumerate(moments):
        while moments[start] <= moment - 1.0:
            start += 1
        best = max(best, end - start + 1)
    return best


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[round(share * 100) - 1]


@dataclass
class Run:
    recipients: list[int]
    requests_before: int
    elapsed: float
    help_times: HelpTimes
    pace: float
    stats: object | None  # the engine's own counts (in-process runs only)
    bot_cpu: float | None = None  # CPU seconds of the bot process, start-up included


async def run_in_process(fake: FakeTelegram, tandem: Tandem, reps: int, every: float) -> Run:
    """The bot in this process, sharing its event loop (and core) with the fake server."""
    await tandem.start()
    try:
        askers = await register_askers(tandem)
        recipients = await add_reps(tandem, reps)
        engine: BroadcastEngine = tandem.services.broadcasts
        requests_before = len(fake.requests)
        await asyncio.sleep(1.1)  # let the greetings' chats cool down (1 message/s)
        stop = asyncio.Event()
        helper = asyncio.create_task(ask_for_help(askers, every, stop))
        await asyncio.sleep(1.0)  # a few replies before the broadcast starts
        reached = await announce_campaign(tandem, ASKERS[0])
        assert reached == reps, (reached, reps)
        started = time.monotonic()  # the announcement's rows are in the outbox
        engine.wake()
        await engine.wait_idle(timeout=reps / 10 + 60)
        elapsed = time.monotonic() - started
        stop.set()
        help_times = await helper
        pace = engine.pacer.bucket.rate
    finally:
        await tandem.stop()
    return Run(recipients, requests_before, elapsed, help_times, pace, engine.stats)


async def run_as_process(
    fake: FakeTelegram, tandem: Tandem, reps: int, every: float, folder: Path
) -> Run:
    """The bot as its own process, as in production (the fake server is Telegram, which
    does not share the bot's core): the announcement is queued with the engine stopped,
    then the bot process starts and sends it from the outbox while askers ask for /help."""
    await tandem.start()
    try:
        askers = await register_askers(tandem)
        recipients = await add_reps(tandem, reps)
        engine: BroadcastEngine = tandem.services.broadcasts
        pace = engine.pacer.bucket.rate
        await engine.stop()  # queue it only: the bot process sends it
        reached = await announce_campaign(tandem, ASKERS[0])
        assert reached == reps, (reached, reps)
    finally:
        await tandem.stop()
    settings = {
        "BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": fake.base_url,
        "ADMIN_IDS": ",".join(str(i) for i in ASKERS),
        "DATABASE_PATH": str(tandem.database),
        "LOG_LEVEL": "ERROR",
        **{key.upper(): str(value).lower() if isinstance(value, bool) else str(value)
           for key, value in tandem.settings_overrides.items()},
    }  # fmt: skip
    (folder / ".env").write_text("".join(f"{k}={v}\n" for k, v in settings.items()))
    await asyncio.sleep(1.1)  # let the greetings' chats cool down (1 message/s)
    requests_before = len(fake.requests)
    started = time.monotonic()
    cpu_before = children_cpu()
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", cwd=folder, env={**os.environ, "PYTHONPATH": str(ROOT)}
    )
    stop = asyncio.Event()
    helper: asyncio.Task[HelpTimes] | None = None
    try:
        waiting, seen = set(recipients), requests_before
        deadline = started + reps / 10 + 60
        while waiting and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
            for record in fake.requests[seen:]:
                if record.ok and record.method == "sendMessage":
                    waiting.discard(record.params.get("chat_id"))
            seen = len(fake.requests)
            if helper is None and len(waiting) < len(recipients):
                # The bot is up and broadcasting: ask for /help from now on.
                helper = asyncio.create_task(ask_for_help(askers, every, stop))
        elapsed = time.monotonic() - started
        stop.set()
        help_times = await helper if helper is not None else HelpTimes()
    finally:
        process.send_signal(signal.SIGINT)
        await process.wait()
    return Run(
        recipients, requests_before, elapsed, help_times, pace, None, children_cpu() - cpu_before
    )


def children_cpu() -> float:
    """CPU seconds (user + system) of the finished child processes so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


async def register_askers(tandem: Tandem) -> list[Player]:
    askers = [tandem.player(i, f"Asker {i}") for i in ASKERS]
    for asker in askers:
        await asker.send("/start")
    return askers


async def bench(
    reps: int,
    every: float,
    rate: float | None,
    paid: bool = False,
    in_process: bool = False,
    cap: float | None = None,
) -> None:
    if cap is None:  # paid broadcasts: Telegram lets it go faster
        cap = rate if paid and rate is not None else CAP
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        fake = FakeTelegram(TOKEN, global_rate_per_sec=cap, per_chat_rate_per_sec=1)
        await fake.start()
        tandem = Tandem(
            fake,
            folder / "bench.sqlite3",
            # A bot process runs on real time: seed on it too, or reminders come due at once.
            FakeClock() if in_process else FakeClock(datetime.now(UTC)),
            admin_ids=",".join(str(i) for i in ASKERS),
            **({"broadcast_rate": rate} if rate is not None else {}),
            **({"paid_broadcasts": True} if paid else {}),
        )
        try:
            if in_process:
                run = await run_in_process(fake, tandem, reps, every)
            else:
                run = await run_as_process(fake, tandem, reps, every, folder)
        finally:
            await fake.close()
    recipients, requests_before, elapsed = run.recipients, run.requests_before, run.elapsed
    help_times, pace = run.help_times, run.pace

    rep_ids = set(recipients)
    counts = dict.fromkeys(rep_ids, 0)
    window = list(fake.requests[requests_before:])
    for record in window:
        chat = record.params.get("chat_id")
        if record.ok and record.method == "sendMessage" and chat in counts:
            counts[chat] += 1
    lost = sum(1 for n in counts.values() if n == 0)
    duplicated = sum(1 for n in counts.values() if n > 1)
    got_429 = [r for r in window if r.status == 429]
    to_reps = sum(1 for r in got_429 if r.params.get("chat_id") in rep_ids)
    sends = [r.at for r in window if r.ok and r.method in SEND_METHODS]
    # The achieved pace: from the first message a rep got to the last one.
    rep_sends = sorted(
        r.at
        for r in window
        if r.ok and r.method == "sendMessage" and r.params.get("chat_id") in rep_ids
    )
    span = rep_sends[-1] - rep_sends[0] if len(rep_sends) > 1 else elapsed
    rate = (len(rep_sends) - 1) / span if len(rep_sends) > 1 else float(len(rep_sends))
    in_broadcast = [t for t in sends if rep_sends and rep_sends[0] <= t <= rep_sends[-1]]
    total_rate = (len(in_broadcast) - 1) / span if len(in_broadcast) > 1 else 0.0
    replies = help_times.replies_ms
    print(f"reps                  {reps} (pace {pace:g}/s{', paid' if paid else ''})")
    print(f"elapsed               {elapsed:.1f} s")
    print(
        f"broadcast rate        {rate:.2f} msg/s = {100 * rate / cap:.1f}% of the {cap:.0f}/s cap"
    )
    print(
        f"all sends (+ replies) {total_rate:.2f} msg/s = {100 * total_rate / cap:.1f}% of the cap;"
        f" busiest 1 s window: {busiest_second(sends)}"
    )
    print(f"lost                  {lost}")
    print(f"duplicated            {duplicated}")
    print(
        f"429s received         {len(got_429)}"
        f" (to reps {to_reps}, to /help askers {len(got_429) - to_reps})"
    )
    for record in got_429[:5]:
        print("   ", record.method, record.params.get("chat_id"), record.description)
    print(
        f"/help replies         {len(replies)} (missing {help_times.missing}):"
        f" p50 {percentile(replies, 0.50):.0f} ms, p95 {percentile(replies, 0.95):.0f} ms,"
        f" max {max(replies, default=float('nan')):.0f} ms"
    )
    if run.stats is not None:
        print(f"engine stats          {run.stats}")
    if run.bot_cpu is not None:
        print(
            f"bot process CPU       {run.bot_cpu:.1f} s in {elapsed:.1f} s"
            f" ({1000 * run.bot_cpu / max(len(rep_sends), 1):.2f} ms a message, start-up included)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--reps", type=int, default=5000, help="recipients (default 5000)")
    parser.add_argument(
        "--help-every",
        type=float,
        default=0.5,
        help="seconds between /help (default 0.5; 0: no /help, the broadcast alone)",
    )
    parser.add_argument(
        "--rate", type=float, default=None, help="BROADCAST_RATE (default: the setting's)"
    )
    parser.add_argument(
        "--paid", action="store_true", help="PAID_BROADCASTS (the fake's cap becomes --rate)"
    )
    parser.add_argument(
        "--cap",
        type=float,
        default=None,
        help="the fake's messages a second for the bot (default 30, or --rate with --paid)",
    )
    parser.add_argument(
        "--in-process",
        action="store_true",
        help="run the bot in this process, on the fake server's core (default: its own process)",
    )
    parser.add_argument("--verbose", action="store_true", help="log at INFO")
    args = parser.parse_args()
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.ERROR,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    asyncio.run(bench(args.reps, args.help_every, args.rate, args.paid, args.in_process, args.cap))


if __name__ == "__main__":
    main()
