"""The broadcast engine against the fake Bot API over real HTTP: everyone gets exactly one
message, whatever Telegram answers, across stops and restarts, at Telegram's pace.

The engine paces on the virtual clock the fake reads (``pace_clock``), except where a test
says otherwise: the limits are checked on real time as well."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.request import HTTPXRequest

from broadcast import (
    Attachment,
    BroadcastEngine,
    Delivery,
    OutgoingMessage,
    PaceClock,
    Pacer,
    RealPaceClock,
    Skip,
)
from domain.people.model import NewPerson
from storage.db import Database
from storage.deliveries.repo import SqlDeliveryRepo
from storage.deliveries.rows import DeliveryStatus, Recipient
from storage.migrate import migrate
from storage.people import SqlPeopleRepo
from tests.support.clock import FakeClock
from tests.support.fake_telegram import FakeTelegram, FakeUser
from tests.support.harness import TOKEN
from tests.support.pace_clock import VirtualPaceClock

KIND = "test.announce"
FIRST_USER = 5001


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = await Database.open(tmp_path / "tandem.sqlite3")
    await migrate(database)
    yield database
    await database.close()


async def open_bot(fake: FakeTelegram) -> Bot:
    bot = Bot(TOKEN, base_url=fake.bot_base_url, base_file_url=fake.bot_base_file_url)
    await bot.initialize()
    return bot


@pytest.fixture
async def bot(fake: FakeTelegram) -> AsyncIterator[Bot]:
    opened = await open_bot(fake)
    yield opened
    await opened.shutdown()


class Broadcasts:
    """People in the database and in the fake, engines on one database, and what they sent."""

    def __init__(
        self, fake: FakeTelegram, db: Database, bot: Bot, clock: FakeClock, pace_clock: PaceClock
    ) -> None:
        self.fake = fake
        self.db = db
        self.bot = bot
        self.clock = clock
        self.pace_clock = pace_clock  # the one ``fake`` reads
        self.engines: list[BroadcastEngine] = []
        self.people: dict[int, FakeUser] = {}  # person id -> their Telegram user
        self.done: list[tuple[str, int, str]] = []

    async def add_people(self, count: int) -> list[int]:
        added = []
        async with self.db.transaction() as conn:
            repo = SqlPeopleRepo(conn)
            for n in range(len(self.people), len(self.people) + count):
                telegram_id = FIRST_USER + n
                person = await repo.add(
                    NewPerson(
                        telegram_id,
                        f"Rep {n}",
                        None,
                        None,
                        "ru",
                        "Europe/Moscow",
                        None,
                        frozenset(),
                    ),
                    joined_at=self.clock.now(),
                )
                user = self.fake.user(telegram_id, f"Rep {n}", language_code="ru")
                user.send("/start")  # a person who has started the bot can be written to
                self.people[person.id] = user
                added.append(person.id)
        return added

    async def enqueue(
        self,
        people: list[int],
        *,
        batch: str = "announce",
        ref_id: int = 1,
        due: timedelta = timedelta(0),
    ) -> None:
        at = self.clock.now() + due
        recipients = [Recipient(p, self.people[p].id, at) for p in people]
        async with self.db.transaction() as conn:
            await SqlDeliveryRepo(conn).enqueue(KIND, ref_id, batch, recipients)

    def engine(
        self,
        renderer: Callable[[Delivery], Awaitable[OutgoingMessage | Skip]] | None = None,
        **options: Any,
    ) -> BroadcastEngine:
        options.setdefault("retry_base", 0.05)
        options.setdefault("pace_clock", self.pace_clock)
        engine = BroadcastEngine(self.db, self.bot, self.clock, **options)
        engine.register(KIND, renderer or hello)

        async def on_done(kind: str, ref_id: int, batch: str) -> None:
            self.done.append((kind, ref_id, batch))

        engine.on_batch_done(on_done)
        self.engines.append(engine)
        return engine

    async def rows(self, batch: str | None = None) -> dict[int, Delivery]:
        async with self.db.transaction() as conn:
            return {d.person_id: d for d in await SqlDeliveryRepo(conn).for_ref(KIND, 1, batch)}

    def received(self, person_id: int) -> list[str]:
        return [m.text for m in self.people[person_id].messages]

    def counts(self) -> list[int]:
        return [len(user.messages) for user in self.people.values()]

    def send_calls(self, chat_id: int) -> int:
        return sum(1 for r in self.fake.calls("sendMessage") if r.params.get("chat_id") == chat_id)


async def hello(delivery: Delivery) -> OutgoingMessage:
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Got it", callback_data="1:t:ack:1")]])
    return OutgoingMessage(
        f"Hello <b>{delivery.person_id}</b> ({delivery.batch})",
        reply_markup=keyboard,
        protect_content=True,
    )


@pytest.fixture
async def world(
    fake: FakeTelegram, db: Database, bot: Bot, clock: FakeClock, pace_clock: PaceClock
) -> AsyncIterator[Broadcasts]:
    broadcasts = Broadcasts(fake, db, bot, clock, pace_clock)
    yield broadcasts
    for engine in broadcasts.engines:
        await engine.stop()


async def run(engine: BroadcastEngine, within: float = 10.0) -> None:
    if not engine.running:
        await engine.start()
    engine.wake()
    await engine.wait_idle(within)


async def test_every_recipient_gets_exactly_one_message(world: Broadcasts) -> None:
    people = await world.add_people(12)
    await world.enqueue(people)
    await world.enqueue(people)  # enqueueing again changes nothing
    engine = world.engine()
    await run(engine)
    assert world.counts() == [1] * 12
    first = world.people[people[0]].messages[0]
    assert first.text == f"Hello {people[0]} (announce)"
    assert first.protect_content and first.labels() == ["Got it"]
    rows = await world.rows()
    assert {row.status for row in rows.values()} == {DeliveryStatus.SENT}
    assert rows[people[0]].message_id == first.message_id
    assert engine.stats.sent == 12
    assert world.done == [(KIND, 1, "announce")]
    assert world.fake.client_errors() == []


async def test_a_blocked_person_is_unreachable_and_the_batch_is_reported_once(
    world: Broadcasts,
) -> None:
    people = await world.add_people(5)
    world.people[people[2]].block()
    await world.enqueue(people)
    engine = world.engine()
    await run(engine)
    rows = await world.rows()
    assert rows[people[2]].status is DeliveryStatus.UNREACHABLE
    assert rows[people[2]].error == "Forbidden: bot was blocked by the user"
    assert [len(world.received(p)) for p in people] == [1, 1, 0, 1, 1]
    assert engine.stats.unreachable == 1
    assert world.done == [(KIND, 1, "announce")]
    assert world.send_calls(world.people[people[2]].id) == 1  # tried once, not again


async def test_429s_and_server_errors_still_deliver_once(world: Broadcasts) -> None:
    people = await world.add_people(10)
    world.fake.inject("sendMessage", 429, retry_after=1, times=2)
    world.fake.inject("sendMessage", 500, times=2)
    world.fake.inject("sendMessage", 502, times=1)
    await world.enqueue(people)
    engine = world.engine()
    await run(engine)
    assert world.counts() == [1] * 10
    assert engine.stats.got_429 == 2
    assert engine.stats.retried == 3
    # After a 429 nothing at all is sent until retry_after has passed.
    calls = world.fake.calls("sendMessage")
    first_429 = next(i for i, r in enumerate(calls) if r.status == 429)
    later = [r for r in calls[first_429 + 1 :] if not r.injected]
    assert later[0].at - calls[first_429].at >= 0.95
    rows = await world.rows()
    assert sum(row.attempts for row in rows.values()) == 3  # 429s use no attempt
    assert world.fake.client_errors() == []


async def test_a_rejected_message_fails_with_its_reason_and_is_not_retried(
    world: Broadcasts,
) -> None:
    people = await world.add_people(4)
    refused, down = world.people[people[1]].id, world.people[people[3]].id
    world.fake.inject(
        "sendMessage", 400, description="Bad Request: can't parse entities", chat_id=refused
    )
    world.fake.inject("sendMessage", 500, times=100, chat_id=down)
    await world.enqueue(people)
    engine = world.engine(max_attempts=3)
    await run(engine)
    rows = await world.rows()
    assert rows[people[1]].status is DeliveryStatus.FAILED
    assert rows[people[1]].error == "Can't parse entities"  # as PTB words Telegram's reason
    assert world.send_calls(refused) == 1
    # A chat that keeps failing is given up after max_attempts.
    assert (rows[people[3]].status, rows[people[3]].attempts) == (DeliveryStatus.FAILED, 3)
    assert rows[people[3]].error == "NetworkError: Internal Server Error"
    assert world.send_calls(down) == 3
    assert [len(world.received(p)) for p in people] == [1, 0, 1, 0]
    assert world.done == [(KIND, 1, "announce")]


async def test_a_broadcast_stopped_midway_finishes_once_in_the_next_run(
    world: Broadcasts,
) -> None:
    people = await world.add_people(40)
    await world.enqueue(people)
    first = world.engine(rate_per_sec=25)
    await first.start()
    await world.people[people[9]].wait_message()  # about ten are out
    await first.stop()
    between = sum(world.counts())
    assert 10 <= between < 40
    assert "sending" not in {row.status for row in (await world.rows()).values()}
    second = world.engine(rate_per_sec=25)
    await run(second)
    assert world.counts() == [1] * 40
    assert first.stats.sent + second.stats.sent == 40


async def test_rows_left_in_flight_by_a_crash_are_sent_at_the_next_start(
    world: Broadcasts,
) -> None:
    people = await world.add_people(6)
    await world.enqueue(people)
    async with world.db.transaction() as conn:  # a process died holding these claims
        claimed = await SqlDeliveryRepo(conn).claim_due(world.clock.now(), limit=4)
    assert len(claimed) == 4
    await run(world.engine())
    assert world.counts() == [1] * 6


async def test_a_delivery_waits_for_its_time_and_one_due_while_stopped_goes_at_start(
    world: Broadcasts, clock: FakeClock
) -> None:
    early, late = await world.add_people(2)
    await world.enqueue([early], due=timedelta(hours=1))
    engine = world.engine()
    await run(engine)
    assert world.counts() == [0, 0]
    clock.advance(timedelta(minutes=59))
    await run(engine)
    assert world.counts() == [0, 0]
    clock.advance(timedelta(minutes=1))
    await run(engine)
    assert world.counts() == [1, 0]

    await engine.stop()
    await world.enqueue([late], batch="reminder:1", due=timedelta(minutes=10))
    clock.advance(timedelta(hours=2))
    restarted = world.engine()
    await restarted.start()  # no wake(): start looks at what came due
    await restarted.wait_idle(5)
    assert world.counts() == [1, 1]


async def test_nothing_to_say_any_more_is_skipped_with_the_reason(world: Broadcasts) -> None:
    people = await world.add_people(3)

    async def only_odd(delivery: Delivery) -> OutgoingMessage | Skip:
        return await hello(delivery) if delivery.person_id % 2 else Skip("even")

    await world.enqueue(people)
    engine = world.engine(only_odd)
    await run(engine)
    statuses = {p: row.status for p, row in (await world.rows()).items()}
    assert [statuses[p] for p in people] == [
        DeliveryStatus.SENT,
        DeliveryStatus.SKIPPED,
        DeliveryStatus.SENT,
    ]
    assert world.counts() == [1, 0, 1]
    assert engine.stats.skipped == 1
    assert world.done == [(KIND, 1, "announce")]
    skipped = (await world.rows())[people[1]]
    assert (skipped.error, skipped.attempts, skipped.finished_at) == ("even", 0, world.clock.now())


async def test_a_renderer_that_fails_fails_only_its_own_row(world: Broadcasts) -> None:
    people = await world.add_people(3)

    async def fragile(delivery: Delivery) -> OutgoingMessage:
        if delivery.person_id == people[1]:
            raise RuntimeError("template is broken")
        return await hello(delivery)

    await world.enqueue(people)
    await run(world.engine(fragile))
    rows = await world.rows()
    assert rows[people[1]].status is DeliveryStatus.FAILED
    assert "template is broken" in (rows[people[1]].error or "")
    assert world.counts() == [1, 0, 1]


async def test_an_edit_changes_the_earlier_message(world: Broadcasts) -> None:
    [person] = await world.add_people(1)
    await world.enqueue([person])
    engine = world.engine()
    await run(engine)
    original = world.people[person].messages[0]

    async def refresh(delivery: Delivery) -> OutgoingMessage:
        return OutgoingMessage("Hello again", edit_message_id=original.message_id)

    engine.register(KIND, refresh)
    await world.enqueue([person], batch="refresh:1")
    await world.enqueue([person], batch="refresh:2")  # the same text: "not modified"
    world.clock.advance(timedelta(seconds=1))
    await run(engine)
    assert world.counts() == [1]
    assert original.text == "Hello again" and original.edit_count == 1
    rows = await world.rows()
    assert rows[person].status is DeliveryStatus.SENT
    for batch in ("refresh:1", "refresh:2"):
        [row] = (await world.rows(batch)).values()
        assert (row.status, row.message_id) == (DeliveryStatus.SENT, original.message_id)


async def with_file(delivery: Delivery) -> OutgoingMessage:
    return OutgoingMessage(
        f"Invitation {delivery.person_id}",
        document=Attachment("meeting.ics", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"),
    )


async def test_a_file_goes_right_after_the_text_in_the_same_delivery(world: Broadcasts) -> None:
    people = await world.add_people(3)
    await world.enqueue(people)
    await run(world.engine(with_file))
    for person in people:
        text, document = world.people[person].messages
        assert text.text == f"Invitation {person}"
        assert document.raw["document"]["file_name"] == "meeting.ics"
        file_id = document.raw["document"]["file_id"]
        assert world.fake.file_bytes(file_id).startswith(b"BEGIN:VCALENDAR")
    rows = await world.rows()
    # The delivery's message is the text (the one an edit changes later).
    assert all(rows[p].message_id == world.people[p].messages[0].message_id for p in people)


async def test_a_failing_file_never_repeats_the_text(world: Broadcasts) -> None:
    first, second = await world.add_people(2)
    await world.enqueue([first, second])
    world.fake.inject("sendDocument", 429, retry_after=1, chat_id=world.people[first].id)
    world.fake.inject("sendDocument", 400, chat_id=world.people[second].id)
    await run(world.engine(with_file))
    # A 429 is waited out and the file sent; a rejected file is given up. Each text once.
    assert [m.text for m in world.people[first].messages] == [f"Invitation {first}", ""]
    assert [m.text for m in world.people[second].messages] == [f"Invitation {second}"]
    assert world.send_calls(world.people[first].id) == 1
    assert world.send_calls(world.people[second].id) == 1
    rows = await world.rows()
    assert {rows[first].status, rows[second].status} == {DeliveryStatus.SENT}


@pytest.mark.parametrize("timeline", ["real", "virtual"])
async def test_sends_keep_to_the_global_and_per_chat_limits(
    db: Database, clock: FakeClock, timeline: str
) -> None:
    # Real time proves the pacing keeps real limits; the virtual timeline, that the fake
    # checks them there as strictly.
    pace_clock: PaceClock = RealPaceClock() if timeline == "real" else VirtualPaceClock()
    async with FakeTelegram(
        TOKEN, global_rate_per_sec=10, per_chat_rate_per_sec=1, monotonic=pace_clock.monotonic
    ) as fake:
        bot = await open_bot(fake)
        world = Broadcasts(fake, db, bot, clock, pace_clock)
        try:
            people = await world.add_people(12)
            await world.enqueue(people)
            await world.enqueue(people[:2], batch="update:1")  # a second message to two chats
            await run(world.engine(rate_per_sec=9.5), within=15)
        finally:
            for engine in world.engines:
                await engine.stop()
            await bot.shutdown()
        assert world.counts() == [2, 2] + [1] * 10
        calls = fake.calls("sendMessage")
        assert all(r.status == 200 for r in calls), [r.description for r in calls]
        moments = [r.at for r in calls]
        assert max(sum(1 for m in moments if t - 1.0 < m <= t) for t in moments) <= 10
        for user in world.people.values():
            mine = [r.at for r in calls if r.params.get("chat_id") == user.id]
            assert all(b - a >= 0.99 for a, b in itertools.pairwise(mine))


async def test_a_waiting_reply_goes_before_queued_broadcast_sends() -> None:
    pacer = Pacer(20.0)  # a slot every 50 ms, in real time
    order: list[str] = []

    async def broadcast(n: int) -> None:
        await pacer.turn()
        order.append(f"broadcast {n}")

    async def reply() -> None:
        await pacer.turn(priority=True)
        order.append("reply")

    senders = [asyncio.create_task(broadcast(n)) for n in range(6)]
    await asyncio.sleep(0.06)  # two broadcast sends have gone, four are waiting
    await asyncio.gather(reply(), *senders)
    assert order.index("reply") <= 3
    assert len(order) == 7


async def test_a_5xx_on_part_two_sends_part_two_again_and_not_part_one(
    world: Broadcasts,
) -> None:
    """A message in three parts; Telegram fails part 2 once: the retry starts at part 2, and
    a restart between parts starts where the last run stopped."""
    [person] = await world.add_people(1)
    chat = world.people[person].id

    async def long(delivery: Delivery) -> OutgoingMessage:
        return OutgoingMessage("\n\n".join(f"Part {n}" for n in (1, 2, 3)))

    def three_parts(text: str) -> list[str]:
        return text.split("\n\n")

    world.fake.inject("sendMessage", 502, chat_id=chat, after=1)
    await world.enqueue([person])
    engine = world.engine(long, split=three_parts)
    await run(engine)
    assert world.received(person) == ["Part 1", "Part 2", "Part 3"]
    rows = await world.rows()
    assert rows[person].status is DeliveryStatus.SENT and rows[person].parts_sent == 2


async def test_a_send_telegram_is_slow_to_confirm_is_not_sent_twice(
    world: Broadcasts, fake: FakeTelegram
) -> None:
    """Telegram delivers a message even when the client gave up waiting for the answer: a
    timed-out send is taken as sent, not repeated, and the row says so."""
    [person, other] = await world.add_people(2)
    fake.stall("sendMessage", 1.5, chat_id=world.people[person].id)
    slow = Bot(
        TOKEN,
        base_url=fake.bot_base_url,
        base_file_url=fake.bot_base_file_url,
        request=HTTPXRequest(read_timeout=0.5),
    )
    await slow.initialize()
    try:
        await world.enqueue([person, other])
        engine = BroadcastEngine(
            world.db, slow, world.clock, pace_clock=world.pace_clock, retry_base=0.05
        )
        engine.register(KIND, hello)
        world.engines.append(engine)
        await run(engine)
    finally:
        await slow.shutdown()
    assert world.counts() == [1, 1]
    rows = await world.rows()
    assert rows[person].status is DeliveryStatus.SENT
    assert rows[person].error is not None and "timed out" in rows[person].error
    assert engine.stats.retried == 0


async def test_paid_broadcasts_say_so_on_every_send(world: Broadcasts) -> None:
    people = await world.add_people(3)
    await world.enqueue(people)
    engine = world.engine(paid=True, rate_per_sec=300)
    await run(engine)
    sends = world.fake.calls("sendMessage")[-3:]
    assert [r.params.get("allow_paid_broadcast") for r in sends] == [True, True, True]
    assert world.counts() == [1, 1, 1]
