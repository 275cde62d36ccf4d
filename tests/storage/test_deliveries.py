"""The deliveries outbox on a real SQLite file: queueing, claiming and every state change."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from storage.db import Database
from storage.deliveries.repo import SqlDeliveryRepo
from storage.deliveries.rows import DeliveryStatus, Recipient

T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
KIND = "campaign.announce"


async def add_people(db: Database, count: int) -> list[int]:
    async with db.transaction() as conn:
        for n in range(1, count + 1):
            await conn.execute(
                "INSERT INTO people (id, telegram_id, first_name, timezone, joined_at)"
                " VALUES (?, ?, ?, 'Europe/Moscow', '2026-01-01 00:00:00.000000')",
                (n, 5000 + n, f"Person {n}"),
            )
    return list(range(1, count + 1))


def to(person_id: int, due_at: datetime = T0) -> Recipient:
    return Recipient(person_id, 5000 + person_id, due_at)


async def test_enqueueing_twice_adds_each_recipient_once(db: Database) -> None:
    people = await add_people(db, 3)
    async with db.transaction() as conn:
        repo = SqlDeliveryRepo(conn)
        assert await repo.enqueue(KIND, 7, "announce", [to(p) for p in people[:2]]) == 2
        assert await repo.enqueue(KIND, 7, "announce", [to(p) for p in people]) == 1
        assert await repo.enqueue(KIND, 7, "announce", []) == 0
        # Another batch, ref or kind is another delivery.
        assert await repo.enqueue(KIND, 7, "reminder:1", [to(1)]) == 1
        assert await repo.enqueue(KIND, 8, "announce", [to(1)]) == 1
        assert await repo.enqueue("meeting.invite", 7, "announce", [to(1)]) == 1
        assert await repo.counts(KIND, 7) == {"pending": 4}
        assert await repo.counts(KIND, 7, "announce") == {"pending": 3}
        row = await repo.get(KIND, 7, "announce", 2)
    assert row is not None
    assert (row.chat_id, row.due_at, row.next_attempt_at) == (5002, T0, T0)
    assert (row.status, row.attempts, row.message_id, row.error) == (
        DeliveryStatus.PENDING,
        0,
        None,
        None,
    )


async def test_claiming_takes_due_rows_oldest_first_and_only_once(db: Database) -> None:
    await add_people(db, 5)
    async with db.transaction() as conn:
        repo = SqlDeliveryRepo(conn)
        await repo.enqueue(KIND, 1, "announce", [to(1, T0 + timedelta(minutes=5)), to(2)])
        await repo.enqueue(KIND, 1, "late", [to(3, T0 + timedelta(hours=1))])
        await repo.enqueue(KIND, 1, "early", [to(4, T0 - timedelta(minutes=1)), to(5)])
        claimed = await repo.claim_due(T0 + timedelta(minutes=10), limit=10)
        assert [d.person_id for d in claimed] == [4, 2, 5, 1]
        assert all(d.status is DeliveryStatus.SENDING for d in claimed)
        assert await repo.claim_due(T0 + timedelta(minutes=10), limit=10) == []
        assert await repo.counts(KIND, 1) == {"sending": 4, "pending": 1}
        assert await repo.next_due_at() == T0 + timedelta(hours=1)


async def test_claiming_respects_the_limit_and_the_kinds_it_can_render(db: Database) -> None:
    await add_people(db, 4)
    async with db.transaction() as conn:
        repo = SqlDeliveryRepo(conn)
        await repo.enqueue(KIND, 1, "announce", [to(1), to(2), to(3)])
        await repo.enqueue("meeting.invite", 1, "invite", [to(4)])
        assert await repo.count_due(T0) == 4
        assert await repo.count_due(T0, kinds=["meeting.invite"]) == 1
        assert await repo.next_due_at(kinds=[]) is None
        first = await repo.claim_due(T0, limit=2, kinds=[KIND])
        assert [d.person_id for d in first] == [1, 2]
        assert await repo.claim_due(T0, limit=5, kinds=[]) == []
        rest = await repo.claim_due(T0, limit=5, kinds=[KIND])
        assert [d.person_id for d in rest] == [3]
        assert await repo.count_due(T0) == 1


async def test_outcomes_are_recorded(db: Database) -> None:
    await add_people(db, 4)
    later = T0 + timedelta(seconds=3)
    async with db.transaction() as conn:
        repo = SqlDeliveryRepo(conn)
        await repo.enqueue(KIND, 1, "announce", [to(p) for p in (1, 2, 3, 4)])
        one, two, three, four = await repo.claim_due(T0, limit=10)
        await repo.mark_sent(one.id, 555, later)
        await repo.mark_unreachable(two.id, "Forbidden: bot was blocked by the user", later)
        await repo.mark_failed(three.id, "Bad Request: can't parse entities", later)
        await repo.mark_skipped(four.id, "acknowledged", later)
        assert await repo.batch_finished(KIND, 1, "announce")
        rows = {d.person_id: d for d in await repo.for_ref(KIND, 1)}
        assert await repo.statuses(KIND, 1, "announce") == {
            1: "sent",
            2: "unreachable",
            3: "failed",
            4: "skipped",
        }
        assert await repo.message_id(KIND, 1, "announce", 1) == 555
        assert await repo.message_id(KIND, 1, "announce", 2) is None
    assert (rows[1].message_id, rows[1].sent_at, rows[1].attempts) == (555, later, 0)
    assert rows[2].error == "Forbidden: bot was blocked by the user"
    assert (rows[3].attempts, rows[3].finished_at) == (1, later)
    # A skip keeps its reason where a failure keeps Telegram's, and uses no attempt.
    assert (rows[4].error, rows[4].attempts, rows[4].finished_at) == ("acknowledged", 0, later)


async def test_retrying_counts_attempts_while_the_row_stays_claimed(db: Database) -> None:
    await add_people(db, 2)
    async with db.transaction() as conn:
        repo = SqlDeliveryRepo(conn)
        await repo.enqueue(KIND, 1, "announce", [to(1), to(2)])
        _, two = await repo.claim_due(T0, limit=10)
        # The engine keeps a row it retries claimed and only counts the attempt.
        assert await repo.note_attempt(two.id, "TimedOut: Timed out") == 1
        assert await repo.note_attempt(two.id, "TimedOut: Timed out") == 2
        await repo.mark_failed(two.id, "TimedOut: Timed out", T0, count_attempt=False)
        failed = await repo.by_id(two.id)
    assert failed is not None
    assert (failed.status, failed.attempts) == (DeliveryStatus.FAILED, 2)


async def test_rows_in_flight_at_a_crash_go_back_to_pending(db: Database) -> None:
    await add_people(db, 3)
    async with db.transaction() as conn:
        repo = SqlDeliveryRepo(conn)
        await repo.enqueue(KIND, 1, "announce", [to(1), to(2), to(3)])
        one, two, three = await repo.claim_due(T0, limit=10)
        await repo.mark_sent(one.id, 1, T0)
        assert not await repo.batch_finished(KIND, 1, "announce")
        assert await repo.release([three.id]) == 1
        assert await repo.release([one.id]) == 0  # only claimed rows
    async with db.transaction() as conn:
        repo = SqlDeliveryRepo(conn)
        assert await repo.release_in_flight() == 1
        assert await repo.release_in_flight() == 0
        assert await repo.counts(KIND, 1) == {"sent": 1, "pending": 2}
        again = await repo.claim_due(T0, limit=10)
    assert [d.id for d in again] == [two.id, three.id]
    assert all(d.attempts == 0 for d in again)


async def test_a_batch_is_finished_when_nothing_is_pending_or_in_flight(db: Database) -> None:
    await add_people(db, 2)
    async with db.transaction() as conn:
        repo = SqlDeliveryRepo(conn)
        assert await repo.batch_finished(KIND, 1, "announce")  # nothing was ever queued
        await repo.enqueue(KIND, 1, "announce", [to(1), to(2, T0 + timedelta(days=1))])
        assert not await repo.batch_finished(KIND, 1, "announce")
        [first] = await repo.claim_due(T0, limit=10)
        assert not await repo.batch_finished(KIND, 1, "announce")
        await repo.mark_sent(first.id, 10, T0)
        assert not await repo.batch_finished(KIND, 1, "announce")  # the second is not due yet
        [second] = await repo.claim_due(T0 + timedelta(days=1), limit=10)
        await repo.mark_skipped(second.id, "after-launch", T0 + timedelta(days=1))
        assert await repo.batch_finished(KIND, 1, "announce")
        assert await repo.counts(KIND, 1) == {"sent": 1, "skipped": 1}


async def test_withdrawing_leaves_what_was_sent_or_is_in_flight(db: Database) -> None:
    await add_people(db, 3)
    async with db.transaction() as conn:
        repo = SqlDeliveryRepo(conn)
        await repo.enqueue(KIND, 1, "announce", [to(1), to(2), to(3)])
        await repo.enqueue(KIND, 1, "reminder:1", [to(1), to(2)])
        await repo.enqueue(KIND, 2, "announce", [to(1)])
        [sent, _, _] = await repo.claim_due(T0, limit=3)
        await repo.mark_sent(sent.id, 1, T0)
        # Withdrawing deletes the pending ones, so the schedule can be made again; claimed
        # rows are left to the engine.
        assert await repo.withdraw(KIND, 1, "reminder:1") == 2
        assert await repo.withdraw(KIND, 1) == 0
        assert await repo.release_in_flight() == 2
        assert await repo.withdraw(KIND, 1, "announce") == 2
        assert await repo.counts(KIND, 1) == {"sent": 1}
        assert await repo.enqueue(KIND, 1, "announce", [to(1), to(2), to(3)]) == 2
        assert await repo.counts(KIND, 2) == {"pending": 1}


async def test_a_waiting_row_moves_and_the_engine_claims_it_at_its_new_moment(
    db: Database,
) -> None:
    await add_people(db, 2)
    later, earlier = T0 + timedelta(hours=4), T0 - timedelta(hours=1)
    async with db.transaction() as conn:
        repo = SqlDeliveryRepo(conn)
        await repo.enqueue(KIND, 1, "announce", [to(1), to(2)])
        assert await repo.move(KIND, 1, "announce", 1, due_at=later)
        [claimed] = await repo.claim_due(T0, limit=10)
        assert claimed.person_id == 2
        # A row the engine took (or finished) keeps its moment.
        assert not await repo.move(KIND, 1, "announce", 2, due_at=later)
        assert not await repo.move(KIND, 1, "announce", 9, due_at=later)
        assert await repo.count_due(T0) == 0
        assert await repo.next_due_at() == later
        assert await repo.move(KIND, 1, "announce", 1, due_at=earlier)
        row = await repo.get(KIND, 1, "announce", 1)
        assert row is not None and (row.due_at, row.next_attempt_at) == (earlier, earlier)
        assert [d.person_id for d in await repo.claim_due(T0, limit=10)] == [1]


async def test_what_is_planned_and_what_waits_for_one_person(db: Database) -> None:
    await add_people(db, 3)
    async with db.transaction() as conn:
        repo = SqlDeliveryRepo(conn)
        await repo.enqueue(KIND, 1, "announce", [to(1), to(2), to(3, T0 + timedelta(hours=2))])
        await repo.enqueue(KIND, 1, "reminder:1", [to(1, T0 + timedelta(days=1))])
        await repo.enqueue("briefing.ask", 5, "ask", [to(1, T0 + timedelta(hours=1))])
        [first, _] = await repo.claim_due(T0, limit=2)
        await repo.mark_sent(first.id, 10, T0)
        everyone = await repo.planned(KIND, 1)
        two = await repo.planned(KIND, 1, people=[1, 3])
        waiting = await repo.waiting_for(1)
        # Withdrawing one person's row leaves the others'.
        assert await repo.withdraw(KIND, 1, "announce", person_id=3) == 1
        assert await repo.withdraw(KIND, 1, "announce", person_id=1) == 0  # already sent
        assert await repo.statuses(KIND, 1, "announce") == {1: "sent", 2: "sending"}
    assert [(p.batch, p.person_id, p.status) for p in everyone] == [
        ("announce", 1, "sent"),
        ("announce", 2, "sending"),
        ("announce", 3, "pending"),
        ("reminder:1", 1, "pending"),
    ]
    assert [(p.batch, p.person_id, p.due_at) for p in two] == [
        ("announce", 1, T0),
        ("announce", 3, T0 + timedelta(hours=2)),
        ("reminder:1", 1, T0 + timedelta(days=1)),
    ]
    assert [(p.kind, p.batch, p.waiting) for p in waiting] == [
        (KIND, "reminder:1", True),
        ("briefing.ask", "ask", True),
    ]


async def test_first_due_is_the_earliest_scheduled_moment(db: Database) -> None:
    await add_people(db, 2)
    async with db.transaction() as conn:
        repo = SqlDeliveryRepo(conn)
        assert await repo.first_due(KIND, 1) is None
        await repo.enqueue(KIND, 1, "announce", [to(1, T0 + timedelta(hours=3)), to(2)])
        assert await repo.first_due(KIND, 1) == T0


async def test_the_tables_and_indexes_the_engine_relies_on_exist(db: Database) -> None:
    async with db.raw.execute(
        "SELECT name FROM sqlite_master WHERE tbl_name = 'deliveries' AND type = 'index'"
    ) as cur:
        names = {row[0] for row in await cur.fetchall()}
    assert {"deliveries_due", "deliveries_batch_status", "deliveries_person"} <= names
    async with db.raw.execute(
        "EXPLAIN QUERY PLAN SELECT * FROM deliveries WHERE status = 'pending'"
        " AND next_attempt_at <= '2026' ORDER BY next_attempt_at, id LIMIT 5"
    ) as cur:
        plan = " ".join(str(row[3]) for row in await cur.fetchall())
    assert "deliveries_due" in plan
