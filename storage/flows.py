"""Durable state of multi-step flows (one per person), as typed values.

Each flow state class (see :mod:`domain.flows`) is stored as its ``kind`` and its fields as
JSON; :class:`FlowCodec` knows the classes the running bot has, and turns rows back into
them. A row this version cannot read (a state from an older release, or a renamed field) reads
as a :class:`~domain.flows.LostFlow`, and the person is told their step was lost rather than
being stuck.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime
from typing import Any

import aiosqlite
from pydantic import TypeAdapter, ValidationError

from domain.flows import FlowState, LostFlow
from storage.db import fetch_one, to_db

log = logging.getLogger(__name__)


class FlowCodec:
    """Flow state classes by kind, with their JSON (de)serialisers."""

    def __init__(self, states: Iterable[type[FlowState]] = ()) -> None:
        self._adapters: dict[str, TypeAdapter[Any]] = {}
        for state in states:
            if state.kind in self._adapters:
                raise ValueError(f"two flow states are stored as {state.kind!r}")
            self._adapters[state.kind] = TypeAdapter(state)

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(self._adapters)

    def encode(self, state: FlowState) -> tuple[str, str]:
        """(kind, data) columns for ``state``."""
        adapter = self._adapters.get(state.kind)
        if adapter is None:
            raise ValueError(f"flow state {type(state).__name__} is not registered")
        return state.kind, adapter.dump_json(state).decode()

    def decode(self, kind: str, data: str) -> FlowState:
        adapter = self._adapters.get(kind)
        if adapter is None:
            log.info("A stored %s flow is not one this version has", kind)
            return LostFlow(kind)
        try:
            state: FlowState = adapter.validate_json(data)
        except (ValidationError, ValueError):
            log.warning("A stored %s flow cannot be read by this version", kind)
            return LostFlow(kind)
        return state


class SqlFlowRepo:
    def __init__(self, conn: aiosqlite.Connection, codec: FlowCodec) -> None:
        self._conn = conn
        self._codec = codec

    async def get(self, person_id: int) -> FlowState | None:
        row = await fetch_one(
            self._conn, "SELECT kind, data FROM flows WHERE person_id = ?", (person_id,)
        )
        if row is None:
            return None
        return self._codec.decode(row["kind"], row["data"])

    async def save(self, person_id: int, state: FlowState, *, now: datetime) -> None:
        kind, data = self._codec.encode(state)
        # The step column dates from untyped flows; typed states keep everything in data.
        step = ""
        await self._conn.execute(
            "INSERT INTO flows (person_id, kind, step, data, updated_at) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (person_id) DO UPDATE SET kind = excluded.kind, step = excluded.step,"
            " data = excluded.data, updated_at = excluded.updated_at",
            (person_id, kind, step, data, to_db(now)),
        )

    async def delete(self, person_id: int) -> bool:
        cur = await self._conn.execute("DELETE FROM flows WHERE person_id = ?", (person_id,))
        return cur.rowcount > 0
