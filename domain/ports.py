"""What the domain needs from the outside world, as Protocols.

Each feature declares its own repository in ``domain/<feature>/ports.py``; this module holds
the ports every feature shares (the outbox, the audit log, flow state) and the unit of work
that gathers them all over one transaction. ``storage/`` implements them with SQL, and
``tests/support/fakes`` in memory; the use cases only see these shapes.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Collection, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from datetime import datetime
from types import TracebackType
from typing import Any, Protocol

from domain.briefings.ports import BriefingRepo
from domain.campaigns.ports import CampaignRepo
from domain.feedback.ports import FeedbackRepo
from domain.flows import FlowRepo
from domain.kpis.ports import KpiRepo
from domain.leads.ports import DisputeRepo, LeadRepo, LeadSourceRepo, RegulationRepo
from domain.meetings.ports import MeetingRepo
from domain.people.model import Person
from domain.people.ports import InviteRepo, PeopleRepo, TeamRepo
from domain.questions.ports import QuestionRepo


@dataclass(frozen=True, slots=True)
class Outgoing:
    """One message to one person at one moment, for the broadcast engine."""

    person_id: int
    chat_id: int
    due_at: datetime


@dataclass(frozen=True, slots=True)
class Planned:
    """One row of the outbox as the domain plans with it: what, for whom, when it is (or was)
    due, and how it stands ("pending" until the engine takes it)."""

    kind: str
    ref_id: int
    batch: str
    person_id: int
    due_at: datetime
    status: str

    @property
    def waiting(self) -> bool:
        """Not taken by the engine yet: its moment may still move."""
        return self.status == "pending"


class Outbox(Protocol):
    """The durable queue the broadcast engine sends from.

    A row is keyed by (kind, ref id, batch, person): enqueueing the same key again is ignored,
    so every use case may enqueue idempotently. A waiting row's moment may move (the person's
    zone or quiet hours changed); the engine takes a row once its moment has come."""

    async def enqueue(
        self, kind: str, ref_id: int, batch: str, items: Sequence[Outgoing]
    ) -> int: ...
    async def statuses(self, kind: str, ref_id: int, batch: str) -> dict[int, str]:
        """person id -> delivery status for one batch."""
        ...

    async def status(self, kind: str, ref_id: int, batch: str, person_id: int) -> str | None:
        """One person's delivery status in a batch (None: not in it)."""
        ...

    async def planned(
        self, kind: str, ref_id: int, *, people: Collection[int] | None = None
    ) -> Sequence[Planned]:
        """Every row of ``kind`` for ``ref_id`` (of ``people`` only, if given), whatever its
        status, in the order they were queued."""
        ...

    async def waiting_for(self, person_id: int) -> Sequence[Planned]:
        """Every row still waiting to go to this person, of any kind."""
        ...

    async def give_up_for(self, person_id: int, *, reason: str, at: datetime) -> int:
        """Every row still waiting for this person is recorded unreachable (they blocked the
        bot): none is sent, and none asks Telegram to find out."""
        ...

    async def unreachable_for(self, person_id: int, kind: str) -> Sequence[Planned]:
        """This person's rows of ``kind`` that could not reach them (they had blocked the bot,
        or never started it)."""
        ...

    async def requeue(
        self, kind: str, ref_id: int, batch: str, person_id: int, *, due_at: datetime
    ) -> bool:
        """An unreachable row is tried again at ``due_at`` (the person is back); False when it
        is not unreachable."""
        ...

    async def move(
        self, kind: str, ref_id: int, batch: str, person_id: int, *, due_at: datetime
    ) -> bool:
        """A waiting row goes at ``due_at`` instead; False when it is no longer waiting."""
        ...

    async def withdraw(
        self, kind: str, ref_id: int, batch: str | None = None, *, person_id: int | None = None
    ) -> int:
        """Delete what has not been sent yet (rescheduling, cancelling; one person's row when
        their plan no longer has it)."""
        ...

    async def message_id(self, kind: str, ref_id: int, batch: str, person_id: int) -> int | None:
        """The Telegram message id a sent delivery produced."""
        ...

    async def first_due(self, kind: str, ref_id: int) -> datetime | None:
        """The earliest scheduled moment among the rows of ``kind`` for ``ref_id``."""
        ...


class DueDelivery(Protocol):
    """What the broadcast engine knows of a row when it asks what to send."""

    @property
    def kind(self) -> str: ...
    @property
    def ref_id(self) -> int: ...
    @property
    def batch(self) -> str: ...
    @property
    def person_id(self) -> int: ...


@dataclass(frozen=True, slots=True)
class Skip:
    """What a notice's composer answers when a queued message is no longer worth sending:
    the row is recorded as skipped with ``reason``, a short word the figures and reports can
    show ("acknowledged", "after-launch", "recipient-inactive" …). Never sent late.
    ``unreachable``: the recipient cannot be written to (they blocked the bot), and the row is
    recorded unreachable, as a 403 from Telegram would have it, without asking Telegram."""

    reason: str
    unreachable: bool = False


BLOCKED = Skip("blocked", unreachable=True)
INACTIVE = Skip("recipient-inactive")  # the person left or was deactivated


async def active_recipient(uow: UnitOfWork, due: DueDelivery) -> Person | Skip:
    """A queued row's recipient as they are now, or :data:`INACTIVE` when they are gone or
    deactivated: the first question every composer asks."""
    person = await uow.people.get(due.person_id)
    if person is None or not person.active:
        return INACTIVE
    return person


@dataclass(frozen=True, slots=True)
class AuditEntry:
    actor_id: int | None
    action: str
    object_type: str
    object_id: int | None
    at: datetime
    details: dict[str, Any] = field(default_factory=dict)


class AuditLog(Protocol):
    async def record(self, entry: AuditEntry) -> None: ...
    async def for_object(self, object_type: str, object_id: int) -> Sequence[AuditEntry]: ...


class UnitOfWork(Protocol):
    """One transaction over every repository: ``async with uow:`` commits when the block
    exits cleanly and rolls back when it raises."""

    async def __aenter__(self) -> UnitOfWork: ...
    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    @property
    def people(self) -> PeopleRepo: ...
    @property
    def teams(self) -> TeamRepo: ...
    @property
    def invites(self) -> InviteRepo: ...
    @property
    def audit(self) -> AuditLog: ...
    @property
    def flows(self) -> FlowRepo: ...
    @property
    def outbox(self) -> Outbox: ...
    @property
    def campaigns(self) -> CampaignRepo: ...
    @property
    def briefings(self) -> BriefingRepo: ...
    @property
    def feedback(self) -> FeedbackRepo: ...
    @property
    def questions(self) -> QuestionRepo: ...
    @property
    def leads(self) -> LeadRepo: ...
    @property
    def disputes(self) -> DisputeRepo: ...
    @property
    def regulation(self) -> RegulationRepo: ...
    @property
    def lead_sources(self) -> LeadSourceRepo: ...
    @property
    def meetings(self) -> MeetingRepo: ...
    @property
    def kpis(self) -> KpiRepo: ...

    def savepoint(self) -> AbstractAsyncContextManager[None]:
        """``async with uow.savepoint():`` inside the unit of work: if the block raises, what
        it changed is undone and the rest of the unit of work stands (a sweep isolates each
        item it handles this way)."""
        ...


UnitOfWorkFactory = Callable[[], UnitOfWork]
# A feature's part when a person who had blocked the bot comes back: queue again, once, what
# is still worth their while (an announcement not launched yet, an open briefing); returns
# how many messages were queued.
Redeliver = Callable[[UnitOfWork, Person, datetime], Awaitable[int]]


@dataclass(frozen=True, slots=True)
class Sweep:
    """A periodic domain step: looks at the database with the clock's ``now`` and queues
    what has come due. It must be idempotent: it may run any number of times."""

    name: str
    run: Callable[[UnitOfWork, datetime], Awaitable[object]]


@dataclass(frozen=True, slots=True)
class BatchHook:
    """Runs when the broadcast engine has finished a batch of ``kind`` (kind, ref id, batch),
    e.g. to queue the marketer's delivery report. Must enqueue idempotently."""

    kind: str
    run: Callable[[UnitOfWork, str, int, str, datetime], Awaitable[object]]
