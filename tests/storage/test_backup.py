"""``python -m bot backup``'s copy: consistent while the database is written, one private
file, refused where it cannot be made."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from storage.backup import BackupFailed, backup_database
from storage.db import Database, DatabaseUnavailable
from storage.migrate import available_migrations, migrate
from storage.uow import unit_of_work


async def test_a_backup_taken_while_the_database_is_written_is_whole_and_private(
    tmp_path: Path,
) -> None:
    source = tmp_path / "tandem.sqlite3"
    db = await Database.open(source)
    try:
        await migrate(db)
        async with unit_of_work(db) as uow:  # an open write, not yet committed
            await uow.teams.add(name="North", region="N", timezone="Europe/Moscow")
            copied = backup_database(source, tmp_path / "backups" / "copy.sqlite3")
        async with unit_of_work(db) as uow:
            await uow.teams.add(name="South", region="S", timezone="Europe/Moscow")
    finally:
        await db.close()
    target = tmp_path / "backups" / "copy.sqlite3"
    assert copied.path == target and copied.size == target.stat().st_size
    assert copied.version == len(available_migrations())
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE(target.parent.stat().st_mode) == 0o700
    assert sorted(p.name for p in target.parent.iterdir()) == ["copy.sqlite3"]  # no -wal
    with sqlite3.connect(target) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        # The copy is the database as committed: the open write is not in it.
        assert conn.execute("SELECT COUNT(*) FROM teams").fetchone()[0] == 0
    conn.close()


async def test_a_backup_replaces_an_older_one(tmp_path: Path) -> None:
    source = tmp_path / "tandem.sqlite3"
    db = await Database.open(source)
    await migrate(db)
    await db.close()
    target = tmp_path / "copy.sqlite3"
    target.write_text("yesterday's")
    backup_database(source, target)
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT COUNT(*) FROM schema_migrations").fetchone()[0] > 0
    conn.close()


def test_nothing_is_copied_from_a_missing_or_broken_database(tmp_path: Path) -> None:
    with pytest.raises(DatabaseUnavailable, match="nothing to back up"):
        backup_database(tmp_path / "missing.sqlite3", tmp_path / "copy.sqlite3")
    broken = tmp_path / "broken.sqlite3"
    broken.write_text("not a database " * 100)
    with pytest.raises(DatabaseUnavailable, match="cannot be read"):
        backup_database(broken, tmp_path / "copy.sqlite3")
    assert list(tmp_path.iterdir()) == [broken]


async def test_a_backup_is_not_written_over_the_database_or_into_a_folder(tmp_path: Path) -> None:
    source = tmp_path / "tandem.sqlite3"
    db = await Database.open(source)
    await db.close()
    with pytest.raises(BackupFailed, match="the database itself"):
        backup_database(source, source)
    with pytest.raises(BackupFailed, match="is a folder"):
        backup_database(source, tmp_path)
    with pytest.raises(BackupFailed, match="cannot write"):
        backup_database(source, Path("/sys/tandem-backup.sqlite3"))
