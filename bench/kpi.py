"""KPI benchmark: the scorecard and the charts at 10,000 and 1,000,000 leads.

    .venv/bin/python -m bench.kpi                      # 10,000 and 1,000,000 leads (minutes)
    .venv/bin/python -m bench.kpi --sizes 10000 100000

Each size is seeded with bulk SQL inserts (not the use cases): 10 teams of 10 reps, leads
delivered over the past year with their outcomes, disputes and verdicts, three campaigns.
It prints, for a team lead and for a marketer and for each period, the p50/p95 time of the
scorecard use case (what /kpi computes), the time to compute and draw each chart, and the
process's peak memory. Targets: scorecard p95 < 300 ms at 1,000,000 leads, charts < 1 s
each, memory < 300 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import resource
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.app import load_catalog
from domain.kpis import charts, scorecard
from domain.kpis.periods import Period
from domain.kpis.ports import Grouping
from domain.leads import regulating
from domain.people.model import Language, Person
from storage.db import Database, to_db
from storage.migrate import migrate
from storage.uow import unit_of_work

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)  # a Thursday
TEAMS = 10
REPS_PER_TEAM = 10
SPAN_DAYS = 365
SOURCES = ("Сайт", "Выставка", "Партнёры", "Звонок", "Реклама", None)
CAMPAIGNS = (1, 2, 3, None)
BATCH = 50_000


@dataclass(frozen=True, slots=True)
class Seeded:
    marketer: int
    team_lead: int
    reps: dict[int, list[int]]  # team id -> rep ids


def _ts(moment: datetime) -> str:
    return to_db(moment)


async def seed_people(db: Database) -> Seeded:
    """Ten teams of ten reps and a team lead each, a marketer, three announced campaigns."""
    created = _ts(NOW - timedelta(days=SPAN_DAYS + 30))
    reps: dict[int, list[int]] = {}
    async with db.transaction() as conn:
        await conn.execute(
            "INSERT INTO people (id, telegram_id, first_name, timezone, joined_at)"
            " VALUES (1, 1, 'Марина', 'Europe/Moscow', ?)",
            (created,),
        )
        await conn.execute("INSERT INTO person_roles VALUES (1, 'marketer')")
        pid = 100
        for team in range(1, TEAMS + 1):
            zone = ("Europe/Moscow", "Asia/Novosibirsk", "Asia/Vladivostok")[team % 3]
            await conn.execute(
                "INSERT INTO teams (id, name, region, timezone) VALUES (?, ?, ?, ?)",
                (team, f"Команда {team}", f"Регион {team}", zone),
            )
            lead_id = 10 + team
            await conn.execute(
                "INSERT INTO people (id, telegram_id, first_name, timezone, team_id, joined_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (lead_id, lead_id, f"Лид {team}", zone, team, created),
            )
            await conn.execute("INSERT INTO person_roles VALUES (?, 'team_lead')", (lead_id,))
            reps[team] = []
            for _ in range(REPS_PER_TEAM):
                pid += 1
                await conn.execute(
                    "INSERT INTO people (id, telegram_id, first_name, timezone, team_id,"
                    " joined_at) VALUES (?, ?, ?, ?, ?, ?)",
                    (pid, pid, f"Rep {pid}", zone, team, created),
                )
                await conn.execute("INSERT INTO person_roles VALUES (?, 'rep')", (pid,))
                reps[team].append(pid)
        for number, name in enumerate(("Зима", "Весна", "Лето"), 1):
            launch = (NOW - timedelta(days=7 * number)).date().isoformat()
            await conn.execute(
                "INSERT INTO campaigns (id, name, launch_date, status, created_by, created_at,"
                " updated_at, announced_at) VALUES (?, ?, ?, 'announced', 1, ?, ?, ?)",
                (number, name, launch, created, created, created),
            )
            for team_reps in reps.values():
                for rep in team_reps:
                    sent = _ts(NOW - timedelta(days=7 * number + 3))
                    await conn.execute(
                        "INSERT INTO deliveries (kind, ref_id, batch, person_id, chat_id, due_at,"
                        " status, next_attempt_at, sent_at) VALUES ('campaign.announce', ?,"
                        " 'announce', ?, ?, ?, 'sent', ?, ?)",
                        (number, rep, rep, sent, sent, sent),
                    )
                    if rep % 5:
                        ack = _ts(NOW - timedelta(days=7 * number + 2, hours=rep % 24))
                        await conn.execute(
                            "INSERT INTO campaign_acks VALUES (?, ?, ?)", (number, rep, ack)
                        )
    return Seeded(1, 11, reps)


def lead_rows(
    count: int, seeded: Seeded, *, first_id: int = 1, rng: random.Random | None = None
) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """``count`` leads delivered over the past year, and their disputes. Each lead's fields
    follow its story: a disqualified lead was disputed and upheld, an overturned one went
    back into work, and so on."""
    rng = rng or random.Random(7)
    leads: list[tuple[object, ...]] = []
    disputes: list[tuple[object, ...]] = []
    teams = sorted(seeded.reps)
    for n in range(count):
        lead_id = first_id + n
        team = teams[n % len(teams)]
        rep = seeded.reps[team][(n // len(teams)) % REPS_PER_TEAM]
        delivered = NOW - timedelta(seconds=rng.randrange(SPAN_DAYS * 86_400))
        roll = rng.random()
        status, taken, disputed, overturned, returned = "taken", 1, 0, 0, 0
        if roll < 0.15:
            status = "won"
        elif roll < 0.30:
            status = "lost"
        elif roll < 0.38:
            status, taken, disputed = "disqualified", rng.random() < 0.5, 1
        elif roll < 0.40:
            status, taken, disputed = "disputed", 0, 1
        elif roll < 0.44:
            status, taken, disputed, overturned = "new", 0, 1, 1
        elif roll < 0.50:
            status, taken = "new", 0
        if rng.random() < 0.05:
            returned = 1
        met = 1 if rng.random() < 0.85 else 0
        stamp = _ts(delivered)
        leads.append(
            (
                lead_id,
                f"Клиент {lead_id}",
                status,
                team,
                rep,
                SOURCES[n % len(SOURCES)],
                CAMPAIGNS[n % len(CAMPAIGNS)],
                stamp,
                stamp,
                stamp,
                rep,
                int(taken),
                returned,
                disputed,
                overturned,
                1,
                met,
            )
        )
        if disputed:
            verdict = {"disqualified": "upheld", "disputed": "open"}.get(status, "overturned")
            decided = _ts(delivered + timedelta(hours=20)) if verdict != "open" else None
            disputes.append((lead_id, rep, team, verdict, stamp, decided))
    return leads, disputes


LEAD_INSERT = (
    "INSERT INTO leads (id, name, status, team_id, assignee_id, source, campaign_id, created_at,"
    " updated_at, delivered_at, delivered_to, taken, returned, disputed, overturned, sla_due,"
    " sla_met) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
DISPUTE_INSERT = (
    "INSERT INTO disputes (lead_id, rep_id, team_id, version, clause, status, opened_at,"
    " decided_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?)"
)


async def seed_leads(db: Database, seeded: Seeded, count: int) -> None:
    """Bulk inserts; the leads' indexes are dropped first and built again after, as a bulk
    load does."""
    async with db.transaction() as conn:
        async with conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'leads'"
            " AND sql IS NOT NULL"
        ) as cur:
            indexes = [(row[0], row[1]) for row in await cur.fetchall()]
        for name, _ in indexes:
            await conn.execute(f"DROP INDEX {name}")
        async with conn.execute("SELECT number FROM regulation_clauses LIMIT 1") as cur:
            row = await cur.fetchone()
        clause = row[0] if row else "1.1"
        rng = random.Random(7)
        for start in range(0, count, BATCH):
            size = min(BATCH, count - start)
            leads, disputes = lead_rows(size, seeded, first_id=start + 1, rng=rng)
            await conn.executemany(LEAD_INSERT, leads)
            await conn.executemany(
                DISPUTE_INSERT, [(d[0], d[1], d[2], clause, *d[3:]) for d in disputes]
            )
        for _, sql in indexes:
            await conn.execute(sql)
    await db.raw.execute("ANALYZE")


async def _p(action: Callable[[], Awaitable[object]], samples: int) -> tuple[float, float]:
    for _ in range(2):
        await action()
    times = []
    for _ in range(samples):
        began = time.perf_counter()
        await action()
        times.append((time.perf_counter() - began) * 1000)
    times.sort()
    return statistics.median(times), times[max(0, int(len(times) * 0.95) - 1)]


async def run(size: int, samples: int) -> None:
    from handlers.kpis.pictures import acks_picture, sources_picture, trend_picture

    with tempfile.TemporaryDirectory() as folder:
        db = await Database.open(Path(folder) / "kpi.sqlite3")
        await migrate(db)
        async with unit_of_work(db) as uow:
            await regulating.seed(uow, language=Language.RU, now=NOW)
        seeded = await seed_people(db)
        began = time.perf_counter()
        await seed_leads(db, seeded, size)
        print(f"\n{size:,} leads seeded in {time.perf_counter() - began:.1f} s")
        async with unit_of_work(db) as uow:
            marketer = await uow.people.get(seeded.marketer)
            lead = await uow.people.get(seeded.team_lead)
        assert isinstance(marketer, Person) and isinstance(lead, Person)
        t = load_catalog().translator(Language.RU)
        for who, person in (("team lead", lead), ("marketer", marketer)):
            for period in Period:

                async def card(person: Person = person, period: Period = period) -> object:
                    async with unit_of_work(db) as uow:
                        return await scorecard.scorecard(
                            uow, actor=person, period=period, scope=None, now=NOW
                        )

                p50, p95 = await _p(card, samples)
                print(
                    f"  scorecard  {who:9}  {period.name:9}  p50 {p50:7.1f} ms  p95 {p95:7.1f} ms"
                )
        for who, person in (("team lead", lead), ("marketer", marketer)):
            for name in ("trend", "sources", "acks"):
                began = time.perf_counter()
                async with unit_of_work(db) as uow:
                    if name == "trend":
                        found = await charts.trend(uow, actor=person, scope=None, now=NOW)
                        picture = trend_picture(t, found)
                    elif name == "sources":
                        outcomes = await charts.breakdown(
                            uow,
                            actor=person,
                            period=Period.QUARTER,
                            scope=None,
                            by=Grouping.SOURCE,
                            now=NOW,
                        )
                        picture = sources_picture(t, outcomes)
                    else:
                        acks = await charts.acknowledgement(
                            uow, actor=person, period=Period.QUARTER, scope=None, now=NOW
                        )
                        picture = acks_picture(t, acks)
                counted = time.perf_counter()
                png = await asyncio.to_thread(picture.draw)
                done = time.perf_counter()
                print(
                    f"  chart      {who:9}  {name:9}  figures {1000 * (counted - began):6.1f} ms"
                    f"  drawn {1000 * (done - counted):6.1f} ms  total"
                    f" {1000 * (done - began):6.1f} ms  ({len(png) // 1024} KB)"
                )
        await db.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak memory so far: {peak:.0f} MB")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 1_000_000])
    parser.add_argument("--samples", type=int, default=20)
    args = parser.parse_args()
    for size in args.sizes:
        await run(size, args.samples)


if __name__ == "__main__":
    asyncio.run(main())
