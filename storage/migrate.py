"""Forward-only, numbered SQL migrations applied at start-up.

Files are ``migrations/NNNN_name.sql``; each is applied in its own transaction together with
its row in ``schema_migrations``, so a failed migration leaves the previous version intact.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import aiosqlite

from storage.db import Database, DatabaseUnavailable, fetch_one, to_db

log = logging.getLogger(__name__)
_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def available_migrations() -> list[Migration]:
    found: list[Migration] = []
    for entry in resources.files("storage.migrations").iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migrations must be numbered 1..N without gaps, found {versions}")
    return found


async def current_version(conn: aiosqlite.Connection) -> int:
    await conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    row = await fetch_one(conn, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations")
    return int(row[0]) if row else 0


def check_known(path: str, version: int, head: int) -> None:
    """A database written by a newer version of Tandem (a deploy rolled back) is not used:
    this code does not know its tables, and could damage what it does not understand."""
    if version > head:
        raise DatabaseUnavailable(
            path,
            f"written by a newer version of Tandem (schema {version}; this version knows up"
            f" to {head}): run that version, or restore a backup made for this one",
        )


async def migrate(db: Database, *, target: int | None = None) -> int:
    """Apply pending migrations up to ``target`` (default: all); return the new version.
    Refuses (DatabaseUnavailable) a schema newer than the last migration it has."""
    conn = db.raw
    version = await current_version(conn)
    migrations = available_migrations()
    check_known(db.path, version, migrations[-1].version if migrations else 0)
    for migration in migrations:
        if migration.version <= version:
            continue
        if target is not None and migration.version > target:
            break
        log.info("Applying migration %04d_%s", migration.version, migration.name)
        stamp = to_db(datetime.now(UTC))
        script = (
            "BEGIN IMMEDIATE;\n"
            f"{migration.sql}\n;\n"
            "INSERT INTO schema_migrations (version, name, applied_at) "
            f"VALUES ({migration.version}, '{migration.name}', '{stamp}');\n"
            "COMMIT;"
        )
        try:
            await conn.executescript(script)
        except Exception:
            if conn.in_transaction:
                await conn.execute("ROLLBACK")
            raise
        version = migration.version
    return version


async def check_database(path: str | Path) -> int:
    """The start-up check, before the bot talks to Telegram: the file can be opened (created
    private if missing) and written, and its schema is not newer than this version knows.
    Returns the schema version; raises :class:`DatabaseUnavailable` with one line why not."""
    db = Database(path)
    await db.connect()
    try:
        version = await current_version(db.raw)
        migrations = available_migrations()
        check_known(db.path, version, migrations[-1].version if migrations else 0)
        return version
    finally:
        await db.close()
