"""The SQLite connection: pragmas, transactions and time conversion."""

from __future__ import annotations

import asyncio
import os
import sqlite3
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiosqlite

BUSY_TIMEOUT_MS = 5000
# It holds names, Telegram ids, answers and the audit log: only its owner reads it.
FILE_MODE = 0o600
FOLDER_MODE = 0o700


class DatabaseUnavailable(Exception):
    """The database cannot be used (not SQLite, not writable, from a newer version …):
    ``reason`` says why in one line, fit for the console, about the file at ``path``."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


def _reason(error: sqlite3.Error) -> str:
    """SQLite's complaint about a file, in words an operator acts on."""
    text = str(error)
    if "not a database" in text:
        return "not a SQLite database (or a damaged one)"
    if "readonly" in text:
        return "the file cannot be written (read-only)"
    if "unable to open" in text:
        return "the file cannot be opened or created there"
    return f"the file cannot be used ({text})"


def prepare_file(path: Path) -> None:
    """Create the database's folder (0700) and the empty file (0600) if they are missing, so
    SQLite never creates them with the process's default mode; the -wal and -shm files take
    the database file's mode. Existing files and folders keep theirs."""
    if path.is_dir():
        raise DatabaseUnavailable(str(path), "a folder, not a file")
    folder = path.parent
    try:
        if not folder.exists():
            folder.mkdir(mode=FOLDER_MODE, parents=True)
        if not path.exists():
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    except FileExistsError:
        pass  # created meanwhile by another process: SQLite opens it
    except OSError as error:
        what = "its folder" if not folder.exists() else "the file"
        raise DatabaseUnavailable(
            str(path), f"{what} cannot be created ({error.strerror})"
        ) from None


def to_db(moment: datetime) -> str:
    """Store every timestamp in UTC, in one fixed-width form that sorts correctly as text."""
    if moment.tzinfo is None:
        raise ValueError("naive datetimes are not stored; pass an aware datetime")
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def from_db(raw: str) -> datetime:
    return datetime.fromisoformat(raw).replace(tzinfo=UTC)


def from_db_opt(raw: str | None) -> datetime | None:
    return from_db(raw) if raw is not None else None


# Reads go to SQLite's thread in one hop: a cursor used with ``async with`` costs three
# (execute, fetch, close), and the hops, not the queries, are most of a small read's cost.
async def fetch_all(
    conn: aiosqlite.Connection, sql: str, params: Sequence[Any] = ()
) -> Sequence[aiosqlite.Row]:
    rows = await conn.execute_fetchall(sql, params)
    return rows  # type: ignore[return-value]  # aiosqlite types them as sqlite3.Row


async def fetch_one(
    conn: aiosqlite.Connection, sql: str, params: Sequence[Any] = ()
) -> aiosqlite.Row | None:
    rows = await conn.execute_fetchall(sql, params)
    return next(iter(rows), None)


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
        """Open the file (created private if missing), set the pragmas and make sure it can be
        written. Anything wrong raises :class:`DatabaseUnavailable`, with the connection's
        worker thread stopped (a thread left running would keep the process alive)."""
        if self._conn is not None:
            return
        if self.path != ":memory:":
            prepare_file(Path(self.path))
        try:
            conn = await aiosqlite.connect(self.path, isolation_level=None)
        except sqlite3.Error as error:
            raise DatabaseUnavailable(self.path, _reason(error)) from None
        try:
            conn.row_factory = aiosqlite.Row
            await conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            await conn.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                await conn.execute("PRAGMA journal_mode = WAL")
                await conn.execute("PRAGMA synchronous = NORMAL")
            # Reading works on a read-only file; the first change would not. Find out now.
            await conn.execute("BEGIN IMMEDIATE")
            await conn.execute("ROLLBACK")
        except sqlite3.Error as error:
            await conn.close()
            raise DatabaseUnavailable(self.path, _reason(error)) from None
        except BaseException:
            await conn.close()
            raise
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
