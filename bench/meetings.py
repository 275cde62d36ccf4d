"""Meetings benchmark: a year of weekly series for 20 teams of 50 people (1,000 meetings with
50 participants each, half of them past, with minutes and action items), in a real SQLite file.

    .venv/bin/python -m bench.meetings            # 100 and 1,000 meetings, about half a minute
    .venv/bin/python -m bench.meetings --sizes 100 1000 5000

For each size it prints the time of one sweep that decides what is due (every meetings sweep
in its own transaction, as the bot's sweeper runs them: poll deadlines, next occurrences, late
joiners, reminders, action items), the first run (which queues what is due) and later runs
(which find it queued), and the time of opening /meetings for a participant (the use case and
its rendering). Targets: a sweep under 200 ms, and the ratio between the sizes under 1.5,
since every sweep query is bounded by a time window over an index.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.app import load_catalog
from domain.campaigns.model import Audience
from domain.meetings import queries
from domain.meetings.model import Kind, Meeting, Recurrence, Status
from domain.meetings.participants import Rsvp
from domain.people.model import Language, NewPerson, Role
from handlers.meetings import FEATURE
from handlers.meetings.attending import list_screen
from storage.db import Database
from storage.migrate import migrate
from storage.uow import unit_of_work

NOW = datetime(2027, 3, 8, 9, 0, tzinfo=UTC)
TEAMS = 20
TEAM_SIZE = 50
ZONES = ("Europe/Kaliningrad", "Europe/Moscow", "Asia/Yekaterinburg", "Asia/Vladivostok")
RUNS = 7


async def populate(db: Database, meetings: int) -> int:
    """Teams, people and ``meetings`` weekly occurrences spread evenly around NOW (as many
    past as future); returns the id of a participant to open /meetings for."""
    weeks = max(1, meetings // TEAMS)
    async with unit_of_work(db) as uow:
        team_people: list[list[int]] = []
        for t in range(TEAMS):
            team = await uow.teams.add(name=f"Team {t}", region="R", timezone=ZONES[t % 4])
            ids = []
            for n in range(TEAM_SIZE):
                person = await uow.people.add(
                    NewPerson(
                        100_000 + t * 1000 + n,
                        f"Person {t}-{n}",
                        None,
                        None,
                        "ru",
                        ZONES[(t + n) % 4],
                        team.id,
                        frozenset({Role.TEAM_LEAD if n == 0 else Role.REP}),
                    ),
                    joined_at=NOW - timedelta(days=400),
                )
                ids.append(person.id)
            team_people.append(ids)
    made = 0
    first_week = -(weeks // 2)
    for week in range(first_week, first_week + weeks):
        async with unit_of_work(db) as uow:
            for t in range(TEAMS):
                if made >= meetings:
                    break
                people = team_people[t]
                starts = NOW + timedelta(weeks=week, hours=t % 24)
                series_first = NOW + timedelta(weeks=first_week, hours=t % 24)
                stored = await uow.meetings.add(
                    Meeting(
                        id=0,
                        organiser_id=people[0],
                        title=f"Weekly sync {t}",
                        kind=Kind.WEEKLY,
                        status=Status.SCHEDULED,
                        zone=ZONES[t % 4],
                        created_at=series_first - timedelta(days=7),
                        starts_at=starts,
                        audience=Audience(team_ids=frozenset({t + 1})),
                        recurrence=Recurrence.WEEKLY,
                        repeat_count=weeks,
                        occurrence=week - first_week + 1,
                        original_start=starts,
                        invited_at=starts - timedelta(days=7),
                        minutes_sent_at=starts + timedelta(hours=2) if starts < NOW else None,
                        next_due_at=starts if week == first_week + weeks - 1 else None,
                    )
                )
                await uow.meetings.add_participants(stored.id, people, at=starts)
                for n, pid in enumerate(people[:40]):
                    rsvp = Rsvp.NO if n % 10 == 0 else Rsvp.YES
                    await uow.meetings.set_rsvp(stored.id, pid, rsvp, at=starts)
                if starts < NOW:
                    for n in range(2):
                        await uow.meetings.add_action(
                            stored.id,
                            f"Item {n}",
                            owner_id=people[1 + n],
                            due=(starts + timedelta(days=3 + n)).date(),
                            at=starts,
                        )
                made += 1
    return team_people[0][5]


async def timed(run: Callable[[], Awaitable[object]], times: int = RUNS) -> list[float]:
    found = []
    for _ in range(times):
        start = time.perf_counter()
        await run()
        found.append((time.perf_counter() - start) * 1000)
    return found


async def measure(meetings: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        db = await Database.open(Path(folder) / "bench.sqlite3")
        await migrate(db)
        reader_id = await populate(db, meetings)
        catalog = load_catalog()

        async def sweep() -> None:
            for step in FEATURE.sweeps:
                async with unit_of_work(db) as uow:
                    await step.run(uow, NOW)

        async def open_list() -> None:
            async with unit_of_work(db) as uow:
                reader = await uow.people.get(reader_id)
                assert reader is not None
                found = await queries.meetings_of(uow, actor=reader, now=NOW)
            list_screen(catalog.translator(Language.RU), found)

        first = await timed(sweep, 1)
        later = await timed(sweep)
        listing = await timed(open_list)
        async with db.raw.execute("SELECT COUNT(*) FROM meeting_participants") as cur:
            row = await cur.fetchone()
        async with db.raw.execute("SELECT COUNT(*) FROM deliveries") as cur:
            queued = await cur.fetchone()
        await db.close()
    assert row is not None and queued is not None
    return {
        "meetings": meetings,
        "participants": row[0],
        "queued": queued[0],
        "sweep_first_ms": first[0],
        "sweep_ms": statistics.median(later),
        "sweep_max_ms": max(later),
        "meetings_open_ms": statistics.median(listing),
    }


async def bench(sizes: list[int]) -> None:
    results = [await measure(size) for size in sizes]
    print(
        f"{'meetings':>9} {'participants':>12} {'queued':>7} {'1st sweep':>10}"
        f" {'sweep':>8} {'max':>8} {'/meetings':>10}"
    )
    for r in results:
        print(
            f"{r['meetings']:>9.0f} {r['participants']:>12.0f} {r['queued']:>7.0f}"
            f" {r['sweep_first_ms']:>8.1f}ms {r['sweep_ms']:>6.1f}ms {r['sweep_max_ms']:>6.1f}ms"
            f" {r['meetings_open_ms']:>8.1f}ms"
        )
    small, large = results[0], results[-1]
    sweep_ratio = large["sweep_ms"] / small["sweep_ms"]
    first_ratio = large["sweep_first_ms"] / small["sweep_first_ms"]
    open_ratio = large["meetings_open_ms"] / small["meetings_open_ms"]
    print(
        f"ratio {large['meetings']:.0f}/{small['meetings']:.0f}: sweep {sweep_ratio:.2f}"
        f" (first run {first_ratio:.2f}), /meetings {open_ratio:.2f}"
    )
    worst = max(r["sweep_first_ms"] for r in results)
    verdict = "OK" if worst < 200 and sweep_ratio < 1.5 else "OVER TARGET"
    print(f"target: a sweep < 200 ms and a ratio < 1.5 -> {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    args = parser.parse_args()
    asyncio.run(bench(args.sizes))


if __name__ == "__main__":
    main()
