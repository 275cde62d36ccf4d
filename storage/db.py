"""The SQLite connection: pragmas, transactions and time conversion."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path

import aiosqlite

BUSY_TIMEOUT_MS = 5000


def to_db(moment: datetime) -> str:
    """Store every timestamp in UTC, in one fixed-width form that sorts correctly as text."""
    if moment.tzinfo is None:
        raise ValueError("naive datetimes are not stored; pass an aware datetime")
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def from_db(raw: str) -> datetime:
    return datetime.strptime(raw, "%Y-%m-%d %H:%M:%S.%f").replace(tzinfo=UTC)


def from_db_opt(raw: str | None) -> datetime | None:
    return from_db(raw) if raw is not None else None


class Database:
    """One connection shared by the bot, with one writer at a time.

    aiosqlite runs every statement on a single worker thread, so interleaving two coroutines'
    transactions on the connection would mix them up; ``transaction()`` serialises them with a
    lock. SQLite allows one writer anyway, and WAL keeps readers in other processes unblocked.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._conn: aiosqlite.Connection | None = None
        self._lock = asyncio.Lock()

    @classmethod
    async def open(cls, path: str | Path) -> Database:
        db = cls(path)
        await db.connect()
        return db

    async def connect(self) -> None:
        if self._conn is not None:
            return
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        conn = await aiosqlite.connect(self.path, isolation_level=None)
        conn.row_factory = aiosqlite.Row
        await conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        await conn.execute("PRAGMA foreign_keys = ON")
        if self.path != ":memory:":
            await conn.execute("PRAGMA journal_mode = WAL")
            await conn.execute("PRAGMA synchronous = NORMAL")
        self._conn = conn

    async def close(self) -> None:
        if self._conn is not None:
            await self._conn.close()
            self._conn = None

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """BEGIN IMMEDIATE … COMMIT, rolled back if the block raises."""
        conn = self.raw
        async with self._lock:
            await conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                await conn.execute("ROLLBACK")
                raise
            else:
                await conn.execute("COMMIT")

    @property
    def raw(self) -> aiosqlite.Connection:
        """The connection itself, for the migrator, which manages its own transactions."""
        if self._conn is None:
            raise RuntimeError("the database is not connected yet")
        return self._conn
