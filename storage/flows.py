"""Durable state of multi-step flows (one per person), as typed values.

Each flow state class (see :mod:`domain.flows`) is stored as its ``kind`` and its fields as
JSON; :class:`FlowCodec` knows the classes the running bot has, and turns rows back into
them. A row this version cannot read (a state from an older release, or a renamed field) reads
as no flow at all, and the person is told their step was lost rather than being stuck.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from datetime import datetime
from typing import Any

import aiosqlite
from pydantic import TypeAdapter, ValidationError

from domain.flows import FlowState, UntypedFlow
from storage.db import to_db

log = logging.getLogger(__name__)


class FlowCodec:
    """Flow state classes by kind, with their JSON (de)serialisers."""

    def __init__(self, states: Iterable[type[FlowState]] = ()) -> None:
        self._adapters: dict[str, TypeAdapter[Any]] = {}
        for state in states:
            if state.kind in self._adapters or state.kind == UntypedFlow.kind:
                raise ValueError(f"two flow states are stored as {state.kind!r}")
            self._adapters[state.kind] = TypeAdapter(state)

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(self._adapters)

    def encode(self, state: FlowState) -> tuple[str, str, str]:
        """(kind, step, data) columns for ``state``."""
        if isinstance(state, UntypedFlow):
            return state.name, state.step, json.dumps(state.data, ensure_ascii=False)
        adapter = self._adapters.get(state.kind)
        if adapter is None:
            raise ValueError(f"flow state {type(state).__name__} is not registered")
        return state.kind, "", adapter.dump_json(state).decode()

    def decode(self, kind: str, step: str, data: str) -> FlowState | None:
        adapter = self._adapters.get(kind)
        try:
            if adapter is None:
                return UntypedFlow(kind, step, json.loads(data)) if step else None
            state: FlowState = adapter.validate_json(data)
        except (ValidationError, ValueError):
            log.warning("Dropping a %s flow this version cannot read", kind)
            return None
        return state


class SqlFlowRepo:
    def __init__(self, conn: aiosqlite.Connection, codec: FlowCodec) -> None:
        self._conn = conn
        self._codec = codec

    async def get(self, person_id: int) -> FlowState | None:
        async with self._conn.execute(
            "SELECT kind, step, data FROM flows WHERE person_id = ?", (person_id,)
        ) as cur:
            row = await cur.fetchone()
        if row is None:
            return None
        return self._codec.decode(row["kind"], row["step"], row["data"])

    async def save(self, person_id: int, state: FlowState, *, now: datetime) -> None:
        kind, step, data = self._codec.encode(state)
        await self._conn.execute(
            "INSERT INTO flows (person_id, kind, step, data, updated_at) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (person_id) DO UPDATE SET kind = excluded.kind, step = excluded.step,"
            " data = excluded.data, updated_at = excluded.updated_at",
            (person_id, kind, step, data, to_db(now)),
        )

    async def delete(self, person_id: int) -> bool:
        cur = await self._conn.execute("DELETE FROM flows WHERE person_id = ?", (person_id,))
        return cur.rowcount > 0
