"""``python -m bot backup PATH``: a consistent copy of the database while the bot runs.

SQLite's online backup API copies the pages of one read transaction, so the copy is the
database as it was at one moment, even while the bot writes (in WAL mode a reader does not
block the writer, nor the writer the reader). The copy is written beside its target, checked,
made a single self-contained file (no -wal), and only then renamed into place, private (0600).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from storage.db import BUSY_TIMEOUT_MS, FILE_MODE, FOLDER_MODE, DatabaseUnavailable


class BackupFailed(Exception):
    """The copy could not be written where it was asked for; one line says why."""


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    size: int  # bytes
    version: int  # the schema version it holds


def _schema_version(conn: sqlite3.Connection) -> int:
    try:
        row = conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()
    except sqlite3.OperationalError:  # no such table: a database the bot never started on
        return 0
    return int(row[0]) if row else 0


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def backup_database(source: Path, target: Path) -> Backup:
    """Copy the database at ``source`` to ``target`` (replacing a file there)."""
    if not source.is_file():
        raise DatabaseUnavailable(str(source), "no database there: nothing to back up")
    target = target.absolute()
    if target.is_dir():
        raise BackupFailed(f"{target} is a folder: give the name of the backup file")
    if target.exists() and target.resolve() == source.resolve():
        raise BackupFailed(f"{target} is the database itself")
    folder = target.parent
    partial = folder / f".{target.name}.partial"
    try:
        folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    except OSError as error:
        raise BackupFailed(f"cannot write {target} ({error.strerror})") from None
    try:
        version = _copy(source, partial)
        _fsync(partial)
        os.replace(partial, target)
        with contextlib.suppress(OSError):  # not every file system syncs a folder
            _fsync(folder)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return Backup(target, target.stat().st_size, version)


def _copy(source: Path, partial: Path) -> int:
    try:
        src = sqlite3.connect(source)
    except sqlite3.Error as error:
        raise DatabaseUnavailable(str(source), f"cannot be opened ({error})") from None
    try:
        src.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        try:
            src.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as error:
            raise DatabaseUnavailable(str(source), f"cannot be read ({error})") from None
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")  # one file, whatever the source's mode
            check = dst.execute("PRAGMA quick_check").fetchone()
            if check is None or check[0] != "ok":
                raise BackupFailed("the copy did not pass SQLite's quick_check")
            return _schema_version(dst)
        except sqlite3.Error as error:
            raise BackupFailed(f"the copy failed ({error})") from None
        finally:
            dst.close()
    finally:
        src.close()
