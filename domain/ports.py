"""What the domain needs from the outside world, as Protocols.

Each feature declares its own repository in ``domain/<feature>/ports.py``; this module holds
the ports every feature shares (the outbox, the audit log, flow state) and the unit of work
that gathers them all over one transaction. ``storage/`` implements them with SQL, and
``tests/support/fakes`` in memory; the use cases only see these shapes.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from types import TracebackType
from typing import Any, Protocol

from domain.briefings.ports import BriefingRepo
from domain.campaigns.ports import CampaignRepo
from domain.feedback.ports import FeedbackRepo
from domain.flows import FlowRepo
from domain.meetings.ports import MeetingRepo
from domain.people.ports import InviteRepo, PeopleRepo, TeamRepo
from domain.questions.ports import QuestionRepo


@dataclass(frozen=True, slots=True)
class Outgoing:
    """One message to one person at one moment, for the broadcast engine."""

    person_id: int
    chat_id: int
    due_at: datetime


class Outbox(Protocol):
    """The durable queue the broadcast engine sends from.

    A row is keyed by (kind, ref id, batch, person): enqueueing the same key again is ignored,
    so every use case may enqueue idempotently."""

    async def enqueue(
        self, kind: str, ref_id: int, batch: str, items: Sequence[Outgoing]
    ) -> int: ...
    async def statuses(self, kind: str, ref_id: int, batch: str) -> dict[int, str]:
        """person id -> delivery status for one batch."""
        ...

    async def withdraw(self, kind: str, ref_id: int, batch: str | None = None) -> int:
        """Delete what has not been sent yet (rescheduling, cancelling)."""
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
    def meetings(self) -> MeetingRepo: ...


UnitOfWorkFactory = Callable[[], UnitOfWork]


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
