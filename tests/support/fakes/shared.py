"""Fakes of the ports every feature shares: the outbox, the audit log and flow state."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from domain.flows import FlowState
from domain.ports import AuditEntry, Outgoing, Planned


@dataclass(frozen=True, slots=True)
class Row:
    kind: str
    ref_id: int
    batch: str
    person_id: int
    chat_id: int
    due_at: datetime
    status: str = "pending"
    message_id: int | None = None

    @property
    def planned(self) -> Planned:
        return Planned(self.kind, self.ref_id, self.batch, self.person_id, self.due_at, self.status)


class FakeOutbox:
    """The deliveries table in memory. Tests play the broadcast engine with ``mark_sent``."""

    def __init__(self) -> None:
        self.rows: dict[tuple[str, int, str, int], Row] = {}
        self._message_ids = 0

    async def enqueue(self, kind: str, ref_id: int, batch: str, items: Sequence[Outgoing]) -> int:
        new = 0
        for item in items:
            key = (kind, ref_id, batch, item.person_id)
            if key not in self.rows:
                self.rows[key] = Row(kind, ref_id, batch, item.person_id, item.chat_id, item.due_at)
                new += 1
        return new

    async def statuses(self, kind: str, ref_id: int, batch: str) -> dict[int, str]:
        return {
            row.person_id: row.status
            for row in self.rows.values()
            if (row.kind, row.ref_id, row.batch) == (kind, ref_id, batch)
        }

    async def status(self, kind: str, ref_id: int, batch: str, person_id: int) -> str | None:
        row = self.rows.get((kind, ref_id, batch, person_id))
        return row.status if row is not None else None

    async def withdraw(
        self, kind: str, ref_id: int, batch: str | None = None, *, person_id: int | None = None
    ) -> int:
        doomed = [
            key
            for key, row in self.rows.items()
            if row.kind == kind
            and row.ref_id == ref_id
            and (batch is None or row.batch == batch)
            and (person_id is None or row.person_id == person_id)
            and row.status == "pending"
        ]
        for key in doomed:
            del self.rows[key]
        return len(doomed)

    async def planned(
        self, kind: str, ref_id: int, *, people: Collection[int] | None = None
    ) -> list[Planned]:
        return [
            row.planned
            for row in self.rows.values()
            if (row.kind, row.ref_id) == (kind, ref_id)
            and (people is None or row.person_id in people)
        ]

    async def waiting_for(self, person_id: int) -> list[Planned]:
        return [
            row.planned
            for row in self.rows.values()
            if row.person_id == person_id and row.status == "pending"
        ]

    async def give_up_for(self, person_id: int, *, reason: str, at: datetime) -> int:
        keys = [
            k for k, r in self.rows.items() if r.person_id == person_id and r.status == "pending"
        ]
        for key in keys:
            self.rows[key] = replace(self.rows[key], status="unreachable")
        return len(keys)

    async def unreachable_for(self, person_id: int, kind: str) -> list[Planned]:
        return [
            row.planned
            for row in self.rows.values()
            if row.person_id == person_id and row.kind == kind and row.status == "unreachable"
        ]

    async def requeue(
        self, kind: str, ref_id: int, batch: str, person_id: int, *, due_at: datetime
    ) -> bool:
        key = (kind, ref_id, batch, person_id)
        row = self.rows.get(key)
        if row is None or row.status != "unreachable":
            return False
        self.rows[key] = replace(row, status="pending", due_at=due_at)
        return True

    async def move(
        self, kind: str, ref_id: int, batch: str, person_id: int, *, due_at: datetime
    ) -> bool:
        key = (kind, ref_id, batch, person_id)
        row = self.rows.get(key)
        if row is None or row.status != "pending":
            return False
        self.rows[key] = replace(row, due_at=due_at)
        return True

    async def message_id(self, kind: str, ref_id: int, batch: str, person_id: int) -> int | None:
        row = self.rows.get((kind, ref_id, batch, person_id))
        return row.message_id if row is not None and row.status == "sent" else None

    async def first_due(self, kind: str, ref_id: int) -> datetime | None:
        due = [r.due_at for r in self.rows.values() if (r.kind, r.ref_id) == (kind, ref_id)]
        return min(due, default=None)

    # --- for tests -------------------------------------------------------------------------------

    def queued(
        self, kind: str, *, ref_id: int | None = None, batch: str | None = None
    ) -> list[Row]:
        """The rows of ``kind`` (and of one object / batch), in the order they were queued."""
        return [
            row
            for row in self.rows.values()
            if row.kind == kind
            and (ref_id is None or row.ref_id == ref_id)
            and (batch is None or row.batch == batch)
        ]

    def recipients(
        self, kind: str, *, ref_id: int | None = None, batch: str | None = None
    ) -> set[int]:
        return {row.person_id for row in self.queued(kind, ref_id=ref_id, batch=batch)}

    def mark_sent(self, kind: str, ref_id: int, batch: str, person_id: int) -> int:
        """What the engine does when a row goes out; returns the message id it got."""
        key = (kind, ref_id, batch, person_id)
        self._message_ids += 1
        self.rows[key] = replace(self.rows[key], status="sent", message_id=self._message_ids)
        return self._message_ids

    def mark(self, kind: str, ref_id: int, batch: str, person_id: int, status: str) -> None:
        key = (kind, ref_id, batch, person_id)
        self.rows[key] = replace(self.rows[key], status=status)

    def send_all(self, kind: str, *, ref_id: int | None = None, batch: str | None = None) -> None:
        for row in self.queued(kind, ref_id=ref_id, batch=batch):
            if row.status == "pending":
                self.mark_sent(row.kind, row.ref_id, row.batch, row.person_id)


class FakeAuditLog:
    def __init__(self) -> None:
        self.entries: list[AuditEntry] = []

    async def record(self, entry: AuditEntry) -> None:
        self.entries.append(entry)

    async def for_object(self, object_type: str, object_id: int) -> Sequence[AuditEntry]:
        return [e for e in self.entries if (e.object_type, e.object_id) == (object_type, object_id)]

    def actions(self) -> list[str]:
        return [entry.action for entry in self.entries]


class FakeFlowRepo:
    def __init__(self) -> None:
        self.states: dict[int, FlowState] = {}

    async def get(self, person_id: int) -> FlowState | None:
        return self.states.get(person_id)

    async def save(self, person_id: int, state: FlowState, *, now: datetime) -> None:
        self.states[person_id] = state

    async def delete(self, person_id: int) -> bool:
        return self.states.pop(person_id, None) is not None
