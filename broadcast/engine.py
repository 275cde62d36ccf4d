"""The broadcast engine: sends every due row of the deliveries outbox, at Telegram's pace.

Every broadcast (announcements, updates, reminders, meeting invitations, digests) is a set of
rows in ``deliveries`` (``storage/deliveries/repo.py``), one per recipient and message. The engine
claims due rows (``pending`` → ``sending``), asks the renderer registered for the row's kind
what to say *at send time* (or why nothing is worth sending any more: a ``Skip`` with its
reason), sends it, and records the outcome in the row. The database is the only queue:

- A restart resumes where the last run stopped. At start-up every ``sending`` row goes back to
  ``pending``. Only a row whose request was actually in flight when the process died can reach
  its recipient twice (Telegram answered, the outcome was not yet written). At most
  ``concurrency`` requests are in flight at once (8 by default), so **at most ``concurrency``
  messages can repeat after a kill**, and none after a clean ``stop()``. (A message too long
  for one Telegram message goes out as consecutive parts of one delivery; after a kill
  between its parts, the earlier parts are sent again with the rest.) Rows claimed but not
  yet sent are released unsent. A request that times out is ambiguous in the same way: it is
  retried, so its recipient may get the message twice.
- Due-ness follows the injected ``Clock`` (tests move a fake one and call ``wake()``); a row
  that came due while the bot was down is sent at the next start.
- Pacing runs in a ``Pacer`` (``broadcast/pacing.py``): evenly spaced send slots at
  ``rate_per_sec`` (a little under Telegram's ~30/s; no bursts, so no one-second window ever
  holds more than the limit), at most one message per ``per_chat_interval`` to a private
  chat and 20 a minute to a group. Pacing keeps time on the injected ``PaceClock``: real
  monotonic time by default; tests inject a virtual one so that they do not sleep through
  Telegram's limits. Waiting for new work (until ``wake()``, a finishing send or the next
  row the business clock makes due) is always real waiting. Broadcasts go through the
  engine's own ``telegram.Bot``, not PTB's ``AIORateLimiter``. The interactive bot keeps an
  ``AIORateLimiter`` as its safety net (``PacedRateLimiter``), which also takes each reply's
  slot from the same ``Pacer`` ahead of any waiting broadcast send: replies stay prompt
  during a broadcast and the two together stay under the limit.
- A 429 pauses all broadcast sending for ``retry_after`` and the row is tried again (no
  attempt used). A 403, "chat not found" and the like mark the recipient ``unreachable``;
  other 400s mark the row ``failed`` with Telegram's reason; 5xx and network errors are
  retried with exponential backoff and jitter (and briefly slow the whole engine down) until
  ``max_attempts`` tries have failed. Retries wait on the pace clock, not the business
  clock, and keep the row claimed, so a stopped business clock cannot strand them. A
  renderer that raises fails its row and nothing else. The rules live in
  ``broadcast/policy.py``.
- When a batch (kind, ref id, batch) the engine worked on has nothing pending or in flight
  left, the ``on_batch_done`` callbacks run once (e.g. to report unreachable people to the
  marketer). If the process dies in the moment between a batch's last outcome and its
  callbacks, they do not run; callbacks should enqueue idempotently, as the outbox does.

The engine assumes it is the only sender on its database (``release_in_flight`` at start-up
would otherwise take over another process's claims); scaling out needs leased claims.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import random
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from telegram import Bot, InlineKeyboardMarkup, InputFile, ReplyParameters
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)

from broadcast.pacing import PaceClock, Pacer, retry_after_seconds, wait_event
from broadcast.policy import (
    GROUP_CHAT_INTERVAL,
    PRIVATE_CHAT_INTERVAL,
    Failure,
    Outcome,
    backoff,
    classify,
    gives_up,
)
from domain.clock import Clock
from domain.ports import Skip
from storage.db import Database
from storage.deliveries.repo import SqlDeliveryRepo
from storage.deliveries.rows import Delivery

__all__ = [
    "Attachment",
    "BatchDone",
    "BroadcastEngine",
    "BroadcastStats",
    "Delivery",
    "OutgoingMessage",
    "Renderer",
    "Skip",
    "StoredFile",
    "retry_after_seconds",
]

log = logging.getLogger(__name__)

DEFAULT_RATE = 28.0
MAX_SLEEP = 30.0  # look at the database at least this often, even if nothing seems due
TIMED_OUT = "timed out: Telegram may have delivered it, so it was not sent again"
STOP_GRACE = 10.0  # how long stop() lets in-flight requests finish before cancelling them
NETWORK_PAUSE_CAP = 30.0  # the longest engine-wide slow-down after consecutive network errors


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file sent right after a delivery's text (a meeting's calendar file), or a photo with
    its caption (a chart). ``data`` may be a function that makes the bytes (drawing a chart):
    the engine calls it in a worker thread, off the event loop, when the delivery is sent."""

    file_name: str
    data: bytes | Callable[[], bytes]
    caption: str | None = None
    photo: bool = False

    async def content(self) -> bytes:
        if callable(self.data):
            return await asyncio.to_thread(self.data)
        return self.data


@dataclass(frozen=True, slots=True)
class StoredFile:
    """A file Telegram already holds, by its file id (a voice message a rep sent): sent as the
    delivery instead of a text message, the text as its caption. Several to one chat are
    paced like any messages, one a second."""

    kind: str  # "voice", "photo" or "document"
    file_id: str


@dataclass(frozen=True, slots=True)
class OutgoingMessage:
    """What one delivery says, rendered when it is sent. ``text`` is HTML."""

    text: str
    reply_markup: InlineKeyboardMarkup | None = None
    protect_content: bool = False
    # Set: edit that earlier message (editMessageText) instead of sending a new one.
    edit_message_id: int | None = None
    # Set: send as a reply to this message of the recipient's chat (if it still exists).
    reply_to_message_id: int | None = None
    # Set: a file sent right after the text, as part of the same delivery (not with edits).
    document: Attachment | None = None
    # Photos sent after the text (and the document), each with its caption.
    photos: tuple[Attachment, ...] = ()
    # Set: this file is the delivery, ``text`` its caption (one message: not split).
    file: StoredFile | None = None


# Skip(reason): there is nothing to send any more (the row becomes 'skipped', with the reason).
Renderer = Callable[[Delivery], Awaitable[OutgoingMessage | Skip]]
# Called with (kind, ref_id, batch) when the engine has finished a batch.
BatchDone = Callable[[str, int, str], Awaitable[None]]


@dataclass(slots=True)
class BroadcastStats:
    sent: int = 0
    retried: int = 0  # transient failures that will be tried again
    got_429: int = 0
    unreachable: int = 0
    failed: int = 0
    skipped: int = 0


@dataclass(slots=True)
class _Job:
    delivery: Delivery
    not_before: float = 0.0  # pace clock: held back after a transient failure
    attempts: int = field(default=0)
    parts_sent: int = 0  # of a message in parts: those already out are not sent again
    # Set when a send timed out: Telegram may well have delivered it (see TIMED_OUT).
    note: str | None = None


class BroadcastEngine:
    """Sends the outbox. ``register`` a renderer per kind and ``on_batch_done`` callbacks,
    ``start()``, ``wake()`` after enqueueing or moving the clock, ``stop()`` at shutdown;
    ``wait_idle()`` for tests and benchmarks; ``stats`` counts what happened. ``clock`` decides
    when rows are due; ``pace_clock`` (real time by default) is the time pacing runs on."""

    def __init__(
        self,
        db: Database,
        bot: Bot,
        clock: Clock,
        *,
        rate_per_sec: float = DEFAULT_RATE,
        per_chat_interval: float = PRIVATE_CHAT_INTERVAL,
        group_interval: float = GROUP_CHAT_INTERVAL,
        concurrency: int | None = None,
        max_attempts: int = 8,
        retry_base: float = 1.0,
        retry_cap: float = 300.0,
        claim_size: int | None = None,
        max_sleep: float = MAX_SLEEP,
        split: Callable[[str], list[str]] = lambda text: [text],
        pace_clock: PaceClock | None = None,
        paid: bool = False,
    ) -> None:
        # Requests in flight at once: enough to keep the pace when each takes ~100 ms to
        # answer (8 at Telegram's free 30/s; 60 at a paid 300/s).
        concurrency = concurrency or max(8, math.ceil(rate_per_sec / 5))
        if concurrency < 1:
            raise ValueError("concurrency must be at least 1")
        self._db = db
        self._bot = bot
        self._clock = clock
        self.pacer = Pacer(
            rate_per_sec,
            private_interval=per_chat_interval,
            group_interval=group_interval,
            clock=pace_clock,
        )
        self._pace = self.pacer.clock  # pacing time; ``clock`` is the business clock
        self._concurrency = concurrency
        self._max_attempts = max_attempts
        self._retry_base = retry_base
        self._retry_cap = retry_cap
        # Enough claimed rows to keep every slot busy for about a second, and no more: claimed
        # rows wait in 'sending', and a smaller claim keeps the order close to the queue's.
        self._claim_size = claim_size or max(2 * concurrency, math.ceil(rate_per_sec))
        self._max_sleep = max_sleep
        # Splits a text longer than one Telegram message into parts (the caller's rule, so
        # the engine stays free of markup knowledge); the keyboard goes under the last part.
        self._split = split
        # Paid broadcasts: above Telegram's free 30 messages a second, each message beyond
        # costs Telegram Stars; Telegram lets a send go faster only when it says so.
        self._paid: dict[str, Any] = {"allow_paid_broadcast": True} if paid else {}
        self._renderers: dict[str, Renderer] = {}
        self._batch_hooks: list[BatchDone] = []
        self.stats = BroadcastStats()

        self._queue: list[_Job] = []  # claimed, waiting for a slot, a chat or a retry
        self._claimed: dict[int, _Job] = {}  # every claimed row without an outcome yet
        self._per_batch: Counter[tuple[str, int, str]] = Counter()
        self._chat_busy: set[int] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._network_errors = 0  # consecutive, reset by any success

        self._wakeup = asyncio.Event()
        self._changed = asyncio.Event()
        self._stop_event = asyncio.Event()
        self._recheck = True
        self._runner: asyncio.Task[None] | None = None

    # --- configuration -----------------------------------------------------------------------

    def register(self, kind: str, renderer: Renderer) -> None:
        """Say how deliveries of ``kind`` are rendered. Rows of unregistered kinds wait."""
        self._renderers[kind] = renderer
        self.wake()

    def on_batch_done(self, callback: BatchDone) -> None:
        self._batch_hooks.append(callback)

    @property
    def bot(self) -> Bot:
        """The engine's own Bot (no AIORateLimiter); its owner initializes and shuts it down."""
        return self._bot

    @property
    def running(self) -> bool:
        return self._runner is not None and not self._runner.done()

    # --- life cycle --------------------------------------------------------------------------

    async def start(self) -> None:
        if self.running:
            return
        async with self._db.transaction() as conn:
            released = await SqlDeliveryRepo(conn).release_in_flight()
        if released:
            log.warning(
                "Resuming %d deliveries that were being sent when the bot stopped", released
            )
        self._stop_event.clear()
        self._recheck = True
        self._runner = asyncio.create_task(self._run(), name="broadcast-engine")

    async def stop(self) -> None:
        """Stop claiming, let requests in flight finish (cancel them after a grace period),
        and put every claimed row that has no outcome back to 'pending'."""
        runner, self._runner = self._runner, None
        if runner is None:
            return
        self._stop_event.set()
        self._wakeup.set()
        try:
            await runner
        except Exception:
            log.exception("The broadcast engine loop failed")
        tasks = set(self._tasks)
        if tasks:
            _, late = await asyncio.wait(tasks, timeout=STOP_GRACE)
            for task in late:
                task.cancel()
            if late:
                await asyncio.wait(late)
        ids = list(self._claimed)
        self._queue.clear()
        self._claimed.clear()
        self._per_batch.clear()
        self._chat_busy.clear()
        if ids:
            try:
                async with self._db.transaction() as conn:
                    await SqlDeliveryRepo(conn).release(ids)
            except Exception:
                log.exception("Could not release %d claimed deliveries", len(ids))

    def wake(self) -> None:
        """New rows were enqueued or the clock moved: look at the database again now."""
        self._recheck = True
        self._wakeup.set()

    async def wait_idle(self, timeout: float = 30.0) -> None:  # noqa: ASYNC109 - a deadline
        """Return once nothing is due (by the clock), claimed or in flight; for tests and
        benchmarks. Raises TimeoutError if that does not happen within ``timeout``."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            if self._idle_in_memory():
                async with self._db.transaction() as conn:
                    due = await SqlDeliveryRepo(conn).count_due(
                        self._clock.now(), kinds=tuple(self._renderers)
                    )
                if due == 0 and self._idle_in_memory():
                    return
                self.wake()
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError(
                    f"broadcasts still busy after {timeout}s: {len(self._queue)} queued,"
                    f" {len(self._tasks)} in flight"
                )
            self._changed.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), min(remaining, 0.05))

    def _idle_in_memory(self) -> bool:
        return not self._queue and not self._tasks and not self._claimed

    # --- the loop ----------------------------------------------------------------------------

    async def _run(self) -> None:
        exhausted = False
        while not self._stop_event.is_set():
            self._wakeup.clear()
            if self._recheck:
                self._recheck = False
                exhausted = False
            try:
                if not exhausted and len(self._queue) < self._claim_size // 2 + 1:
                    wanted = self._claim_size - len(self._queue)
                    exhausted = await self._claim(wanted) < wanted
            except Exception:
                log.exception("Could not claim due deliveries; trying again shortly")
                await self._nap(1.0)
                continue
            now = self._pace.monotonic()
            if len(self._tasks) < self._concurrency:
                job = self._pick(now)
                if job is not None:
                    self._dispatch(job)
                    continue
            seconds, paced = await self._idle_timeout(now, exhausted)
            self._changed.set()
            if paced:
                woken = await self._pace.wait(self._wakeup, seconds)
            else:
                woken = await wait_event(self._wakeup, seconds)
            if not woken:
                exhausted = False

    async def _claim(self, wanted: int) -> int:
        if not self._renderers:
            return 0
        async with self._db.transaction() as conn:
            rows = await SqlDeliveryRepo(conn).claim_due(
                self._clock.now(), wanted, kinds=tuple(self._renderers)
            )
        for row in rows:
            job = _Job(row, attempts=row.attempts, parts_sent=row.parts_sent)
            self._queue.append(job)
            self._claimed[row.id] = job
            self._per_batch[row.batch_key] += 1
        return len(rows)

    def _pick(self, now: float) -> _Job | None:
        """The first queued row that may go now: not held back, and its chat is free."""
        for index, job in enumerate(self._queue):
            chat = job.delivery.chat_id
            if job.not_before > now or chat in self._chat_busy:
                continue
            if self.pacer.chat_free_at(chat) > now:
                continue
            return self._queue.pop(index)
        return None

    async def _idle_timeout(self, now: float, exhausted: bool) -> tuple[float, bool]:
        """How long to sleep when nothing can be dispatched right now, and whether that is
        pacing time (a queued row waits for its chat or its retry) or real time (waiting
        for new work: a finishing task, ``wake()``, or the business clock's next due row)."""
        if len(self._tasks) >= self._concurrency:
            return self._max_sleep, False  # a finishing task wakes us
        if self._queue:
            moments = [
                max(job.not_before, self.pacer.chat_free_at(job.delivery.chat_id))
                for job in self._queue
                if job.delivery.chat_id not in self._chat_busy
            ]
            if not moments:
                return self._max_sleep, False  # every queued chat is busy; its task wakes us
            return min(self._max_sleep, max(0.001, min(moments) - now)), True
        if not exhausted:
            return 0.001, False
        try:
            async with self._db.transaction() as conn:
                due = await SqlDeliveryRepo(conn).next_due_at(kinds=tuple(self._renderers))
        except Exception:
            log.exception("Could not read the next due delivery")
            return 1.0, False
        if due is None:
            return self._max_sleep, False
        seconds = (due - self._clock.now()).total_seconds()
        # Past due but not claimed: enqueued without wake(); claim it on the next round.
        return min(self._max_sleep, max(0.01, seconds)), False

    def _dispatch(self, job: _Job) -> None:
        self._chat_busy.add(job.delivery.chat_id)
        task = asyncio.create_task(self._deliver(job), name=f"delivery-{job.delivery.id}")
        self._tasks.add(task)
        task.add_done_callback(self._task_done)

    def _task_done(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("A delivery task failed", exc_info=task.exception())
        self._wakeup.set()
        self._changed.set()

    async def _nap(self, seconds: float) -> bool:
        """Sleep, cut short by stop(); True if stopping."""
        if seconds > 0:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stop_event.wait(), seconds)
        return self._stop_event.is_set()

    # --- one delivery ------------------------------------------------------------------------

    async def _deliver(self, job: _Job) -> None:
        delivery = job.delivery
        try:
            await self._attempt(job)
        except Exception:
            # Most likely the database. Forget the row here; it stays 'sending' and the next
            # start-up sends it again.
            log.exception("Delivery %s could not be processed", delivery.id)
            if self._claimed.pop(delivery.id, None) is not None:
                self._per_batch[delivery.batch_key] -= 1
                if self._per_batch[delivery.batch_key] <= 0:
                    del self._per_batch[delivery.batch_key]
        finally:
            self._chat_busy.discard(delivery.chat_id)

    async def _attempt(self, job: _Job) -> None:
        delivery = job.delivery
        try:
            message = await self._renderers[delivery.kind](delivery)
        except Exception as error:
            log.exception("Rendering delivery %s (%s) failed", delivery.id, delivery.kind)
            await self._finish(job, Outcome.REJECTED, f"render failed: {error!r}")
            return
        if isinstance(message, Skip):
            outcome = Outcome.UNREACHABLE if message.unreachable else None
            await self._finish(job, outcome, message.reason)
            return
        if not await self.pacer.turn(stop=self._stop_event):
            return  # stopping: stop() releases the row
        chat = delivery.chat_id
        self.pacer.note_chat(chat)
        try:
            message_id = await self._send(job, message)
        except RetryAfter as error:
            await self._rate_limited(job, retry_after_seconds(error))
            return
        except TelegramError as error:
            outcome = classify(_failure(error), error.message)
            if outcome is Outcome.DONE:
                await self._finish(job, Outcome.DONE, None, message.edit_message_id)
            elif outcome is Outcome.RETRY:
                await self._retry(job, f"{type(error).__name__}: {error.message}")
            else:
                await self._finish(job, outcome, error.message)
            return
        except Exception as error:
            log.exception("Sending delivery %s failed unexpectedly", delivery.id)
            await self._finish(job, Outcome.REJECTED, f"send failed: {error!r}")
            return
        self._network_errors = 0
        await self._finish(job, Outcome.DONE, job.note, message_id)

    async def _send(self, job: _Job, message: OutgoingMessage) -> int | None:
        chat_id = job.delivery.chat_id
        if message.edit_message_id is not None:
            with self._pace.in_flight():
                await self._bot.edit_message_text(
                    message.text,
                    chat_id=chat_id,
                    message_id=message.edit_message_id,
                    parse_mode=ParseMode.HTML,
                    reply_markup=message.reply_markup,
                )
            return message.edit_message_id
        if message.file is not None:
            return await self._send_file(chat_id, message, message.file)
        parts = self._split(message.text)
        sent_id: int | None = None
        for index, part in enumerate(parts):
            if index < job.parts_sent:
                continue  # went out before a failure or a restart: not again
            last = index == len(parts) - 1
            if index > job.parts_sent:
                # A later part goes out even while stopping: a half-sent message is worse.
                await self.pacer.turn()
            reply_to = message.reply_to_message_id if index == 0 else None
            try:
                with self._pace.in_flight():
                    sent = await self._bot.send_message(
                        chat_id,
                        part,
                        parse_mode=ParseMode.HTML,
                        reply_markup=message.reply_markup if last else None,
                        protect_content=message.protect_content,
                        reply_parameters=(
                            ReplyParameters(reply_to, allow_sending_without_reply=True)
                            if reply_to is not None
                            else None
                        ),
                        **self._paid,
                    )
                sent_id = sent.message_id
            except TimedOut:
                # Telegram finishes a send the client stopped waiting for: sending it again
                # could deliver it twice. It is taken as sent, and the row says so.
                log.warning("Delivery %s: a send timed out; taken as sent", job.delivery.id)
                job.note = TIMED_OUT
                sent_id = None
            if not last:
                job.parts_sent = index + 1
                async with self._db.transaction() as conn:
                    await SqlDeliveryRepo(conn).note_parts_sent(job.delivery.id, job.parts_sent)
        if message.document is not None:
            await self._send_document(chat_id, message.document, message.protect_content)
        for photo in message.photos:
            await self._send_document(chat_id, photo, message.protect_content)
        return sent_id

    async def _send_file(self, chat_id: int, message: OutgoingMessage, file: StoredFile) -> int:
        options: dict[str, Any] = {
            "caption": message.text or None,
            "parse_mode": ParseMode.HTML,
            "reply_markup": message.reply_markup,
            "protect_content": message.protect_content,
            **self._paid,
        }
        with self._pace.in_flight():
            if file.kind == "voice":
                sent = await self._bot.send_voice(chat_id, file.file_id, **options)
            elif file.kind == "photo":
                sent = await self._bot.send_photo(chat_id, file.file_id, **options)
            else:
                sent = await self._bot.send_document(chat_id, file.file_id, **options)
        return sent.message_id

    async def _send_document(self, chat_id: int, document: Attachment, protect: bool) -> None:
        """The file (or photo) after the text, paced like any send. The text has gone out, so
        a failing file never makes the delivery repeat it: a 429 is waited out and tried once
        more, anything else is logged and the delivery still counts as sent."""
        data = await document.content()
        for attempt in (1, 2):
            await self.pacer.turn()
            try:
                with self._pace.in_flight():
                    upload = InputFile(data, filename=document.file_name)
                    if document.photo:
                        await self._bot.send_photo(
                            chat_id,
                            upload,
                            caption=document.caption,
                            protect_content=protect,
                            **self._paid,
                        )
                    else:
                        await self._bot.send_document(
                            chat_id,
                            upload,
                            caption=document.caption,
                            protect_content=protect,
                            **self._paid,
                        )
                return
            except RetryAfter as error:
                self.stats.got_429 += 1
                self.pacer.pause(retry_after_seconds(error))
                if attempt == 2:
                    log.warning("The file for chat %s was not sent: rate limited", chat_id)
            except TelegramError as error:
                log.warning("The file for chat %s was not sent: %s", chat_id, error.message)
                return

    async def _rate_limited(self, job: _Job, retry_after: float) -> None:
        self.stats.got_429 += 1
        log.warning("Telegram asked to slow down: pausing broadcasts for %.1fs", retry_after)
        self.pacer.pause(retry_after)
        self._queue.insert(0, job)  # still claimed; tried again first, no attempt used

    async def _retry(self, job: _Job, reason: str) -> None:
        delivery = job.delivery
        async with self._db.transaction() as conn:
            job.attempts = await SqlDeliveryRepo(conn).note_attempt(delivery.id, reason)
        if gives_up(job.attempts, self._max_attempts):
            log.warning(
                "Delivery %s failed after %d attempts: %s", delivery.id, job.attempts, reason
            )
            await self._finish(job, Outcome.REJECTED, reason, counted=False)
            return
        self.stats.retried += 1
        self._network_errors += 1
        now = self._pace.monotonic()
        job.not_before = now + backoff(
            job.attempts, base=self._retry_base, cap=self._retry_cap, jitter=random.random()
        )
        # Telegram or the network is struggling: ease off everything for a moment too.
        self.pacer.pause(
            backoff(
                self._network_errors,
                base=self._retry_base,
                cap=min(self._retry_cap, NETWORK_PAUSE_CAP),
                jitter=random.random(),
            )
        )
        log.info("Delivery %s will be retried (attempt %d): %s", delivery.id, job.attempts, reason)
        self._queue.insert(0, job)

    async def _finish(
        self,
        job: _Job,
        outcome: Outcome | None,
        reason: str | None,
        message_id: int | None = None,
        *,
        counted: bool = True,
    ) -> None:
        """Record the row's final status, then run the batch callbacks if it was the last."""
        delivery = job.delivery
        at = self._clock.now()
        async with self._db.transaction() as conn:
            repo = SqlDeliveryRepo(conn)
            if outcome is None:
                await repo.mark_skipped(delivery.id, reason or "", at)
                self.stats.skipped += 1
                log.debug("Delivery %s is not sent any more: %s", delivery.id, reason)
            elif outcome is Outcome.DONE:
                await repo.mark_sent(delivery.id, message_id, at, reason)
                self.stats.sent += 1
            elif outcome is Outcome.UNREACHABLE:
                await repo.mark_unreachable(delivery.id, reason or "", at)
                self.stats.unreachable += 1
                log.info("Recipient of delivery %s is unreachable: %s", delivery.id, reason)
            else:
                await repo.mark_failed(delivery.id, reason or "", at, count_attempt=counted)
                self.stats.failed += 1
                log.warning("Delivery %s failed: %s", delivery.id, reason)
        self._claimed.pop(delivery.id, None)
        key = delivery.batch_key
        self._per_batch[key] -= 1
        if self._per_batch[key] <= 0:
            del self._per_batch[key]
            await self._maybe_batch_done(key)

    async def _maybe_batch_done(self, key: tuple[str, int, str]) -> None:
        if not self._batch_hooks:
            return
        async with self._db.transaction() as conn:
            finished = await SqlDeliveryRepo(conn).batch_finished(*key)
        if not finished:
            return
        log.info("Batch %s/%s/%s is finished", *key)
        for hook in self._batch_hooks:
            try:
                await hook(*key)
            except Exception:
                log.exception("A batch-done callback failed for %s", key)
        self.wake()  # callbacks usually enqueue something (a report)


def _failure(error: TelegramError) -> Failure:
    if isinstance(error, Forbidden):
        return Failure.FORBIDDEN
    if isinstance(error, ChatMigrated):
        return Failure.MIGRATED
    if isinstance(error, BadRequest):  # a subclass of NetworkError: test it first
        return Failure.BAD_REQUEST
    if isinstance(error, NetworkError):  # includes TimedOut and 5xx
        return Failure.NETWORK
    return Failure.OTHER
