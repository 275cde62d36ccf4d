"""Leads benchmark: a 10,000-row CSV import, then the screens at 1,000 and 100,000 leads.

    .venv/bin/python -m bench.leads                  # about a minute
    .venv/bin/python -m bench.leads --big 20000      # quicker

It imports a generated 10,000-row CSV (Russian headers, semicolons, Windows-1251) through the
same use case the bot calls and prints rows/s (target ≥ 2,000). Then, on a database of 1,000
and of ``--big`` leads (10 teams of 10 reps, a history for every lead, 2 % of them disputed
and twenty disputes open), it prints the p95 time of opening a lead card, the analyst's queue
and /leads for a team lead — each p95 at the big size should stay within 1.5 × of its value
at 1,000: the queries walk indexes, not tables.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from domain.leads import importing, queries, regulating, verdicts
from domain.leads.model import (
    Contact,
    DisputeStatus,
    EventKind,
    HistoryEntry,
    LeadStatus,
    NewDispute,
    NewLead,
)
from domain.leads.parsing import read_table
from domain.people.model import Language, NewPerson, Person, Role
from domain.ports import UnitOfWork
from storage.db import Database
from storage.migrate import migrate
from storage.uow import unit_of_work

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
TEAMS = 10
REPS_PER_TEAM = 10
OPEN_DISPUTES = 20
SAMPLES = 200
WARM_UP = 20
STATUSES = (LeadStatus.NEW, LeadStatus.TAKEN, LeadStatus.CONTACTED, LeadStatus.WON, LeadStatus.LOST)


def csv_file(rows: int) -> bytes:
    lines = ["Имя;Телефон;E-mail;Компания;Регион;Источник;Комментарий"]
    for n in range(rows):
        phone = f"+7 9{n % 100:02d} {n // 100 % 1000:03d}-{n % 97:02d}-{n % 89:02d}"
        lines.append(
            f"Клиент {n};{phone};client{n}@example.com;Аптека {n % 300};Регион {n % TEAMS};"
            f"Сайт;Перезвонить после обеда"
        )
    return ("\n".join(lines) + "\n").encode("cp1251")


async def company(db: Database) -> tuple[Person, Person, Person, list[Person]]:
    """An admin, a marketer, an analyst, a team lead per team and its reps."""
    async with unit_of_work(db) as uow:
        await regulating.seed(uow, language=Language.RU, now=NOW)
        made: list[Person] = []
        tid = 0
        for t in range(TEAMS):
            team = await uow.teams.add(
                name=f"Команда {t}", region=f"Регион {t}", timezone="Europe/Moscow"
            )
            tid = team.id
            for r in range(REPS_PER_TEAM + 1):
                role = Role.TEAM_LEAD if r == 0 else Role.REP
                made.append(
                    await uow.people.add(
                        NewPerson(
                            10_000 + t * 100 + r,
                            f"P{t}.{r}",
                            None,
                            None,
                            "ru",
                            "Europe/Moscow",
                            tid,
                            frozenset({role}),
                        ),
                        joined_at=NOW,
                    )
                )
        staff = []
        for n, role in enumerate((Role.ADMIN, Role.MARKETER, Role.ANALYST)):
            staff.append(
                await uow.people.add(
                    NewPerson(
                        1 + n, f"S{n}", None, None, "ru", "Europe/Moscow", None, frozenset({role})
                    ),
                    joined_at=NOW,
                )
            )
    return staff[1], staff[2], made[0], [p for p in made if Role.REP in p.roles]


async def fill(db: Database, reps: list[Person], upto: int, have: int) -> None:
    """Add leads up to ``upto``: assigned, with history; 2 % disputed (twenty of them open)."""
    rng = random.Random(upto)
    batch = 5000
    while have < upto:
        count = min(batch, upto - have)
        async with unit_of_work(db) as uow:
            news = [
                NewLead(Contact(f"Лид {have + i}", f"+7900{have + i:07d}", None, None,
                                f"Регион {i % TEAMS}", "Сайт"), 2, NOW - timedelta(hours=i % 500))
                for i in range(count)
            ]  # fmt: skip
            ids = await uow.leads.add_many(news)
            events = []
            for lead_id in ids:
                rep = reps[lead_id % len(reps)]
                lead = await uow.leads.get(lead_id)
                assert lead is not None
                status = STATUSES[lead_id % len(STATUSES)]
                moved = replace(lead.assigned(rep.id, rep.team_id, NOW), status=status)
                await uow.leads.save(moved)
                events.append(HistoryEntry(lead_id, NOW, 2, EventKind.ASSIGNED, {"rep": rep.id}))
                if lead_id % 50 == 0:
                    events.append(
                        HistoryEntry(lead_id, NOW, rep.id, EventKind.DISPUTED,
                                     {"rep": rep.id, "clause": "1.1", "version": 1})
                    )  # fmt: skip
                    await uow.disputes.add(
                        NewDispute(lead_id, rep.id, rep.team_id, 1, "1.1",
                                   DisputeStatus.UPHELD, NOW - timedelta(days=1))
                    )  # fmt: skip
            await uow.leads.record_many(events)
            have += count
        _ = rng
    async with unit_of_work(db) as uow:
        open_now = len(await uow.disputes.with_status(DisputeStatus.OPEN))
        for n in range(OPEN_DISPUTES - open_now):
            rep = reps[n]
            await uow.disputes.add(
                NewDispute(n + 1, rep.id, rep.team_id, 1, "1.2", DisputeStatus.OPEN,
                           NOW - timedelta(hours=n))
            )  # fmt: skip


async def p95(db: Database, action: Callable[[UnitOfWork, int], Awaitable[object]]) -> float:
    for n in range(WARM_UP):
        async with unit_of_work(db) as uow:
            await action(uow, n)
    times = []
    for n in range(SAMPLES):
        start = time.perf_counter()
        async with unit_of_work(db) as uow:
            await action(uow, n)
        times.append(time.perf_counter() - start)
    return statistics.quantiles(times, n=20)[18] * 1000


async def screens(
    db: Database, size: int, marketer: Person, analyst: Person, lead: Person
) -> dict[str, float]:
    rng = random.Random(size)

    async def card(uow: UnitOfWork, n: int) -> object:
        return await queries.card(uow, actor=marketer, lead_id=rng.randint(1, size), now=NOW)

    async def queue(uow: UnitOfWork, n: int) -> object:
        return await verdicts.queue(uow, actor=analyst, now=NOW)

    async def leads(uow: UnitOfWork, n: int) -> object:
        await queries.overview(uow, actor=lead, now=NOW)
        return await queries.lead_page(uow, actor=lead, status=None, page=0)

    return {
        "lead card": await p95(db, card),
        "analyst queue": await p95(db, queue),
        "/leads (team lead)": await p95(db, leads),
    }


async def main(big: int, rows: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = await Database.open(Path(folder) / "bench.sqlite3")
        await migrate(db)
        marketer, analyst, lead, reps = await company(db)

        data = csv_file(rows)
        start = time.perf_counter()
        table = await asyncio.to_thread(read_table, "leads.csv", data)
        report = await importing.import_table(
            lambda: unit_of_work(db), actor=marketer, table=table, now=NOW
        )
        elapsed = time.perf_counter() - start
        rate = report.imported / elapsed
        print(
            f"import: {report.imported} rows ({len(report.rejected)} rejected) in"
            f" {elapsed:.2f} s = {rate:,.0f} rows/s (target ≥ 2,000)"
        )
        async with unit_of_work(db) as uow:
            await uow.leads.discard_import(report.import_id)

        results: dict[int, dict[str, float]] = {}
        have = 0
        for size in (1000, big):
            await fill(db, reps, size, have)
            have = size
            # Measure the steady state, not the write-ahead log catching up with the fill.
            await db.raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            results[size] = await screens(db, size, marketer, analyst, lead)
        print(f"\np95 in ms ({SAMPLES} samples each)      1,000   {big:,}   ratio")
        for name in results[1000]:
            small, large = results[1000][name], results[big][name]
            verdict = "ok" if large <= 1.5 * small else "OVER 1.5x"
            print(f"  {name:<28} {small:7.2f} {large:9.2f}   {large / small:4.2f} {verdict}")
        await db.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--big", type=int, default=100_000)
    parser.add_argument("--rows", type=int, default=10_000)
    options = parser.parse_args()
    asyncio.run(main(options.big, options.rows))
