import asyncio
from pathlib import Path

import pytest

from storage.db import Database
from storage.migrate import available_migrations, current_version, migrate

HEAD = len(available_migrations())


async def tables(db: Database) -> set[str]:
    async with db.raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'") as cur:
        return {row[0] for row in await cur.fetchall()}


async def test_fresh_database_gets_every_migration(tmp_path: Path) -> None:
    db = await Database.open(tmp_path / "fresh.sqlite3")
    try:
        assert await migrate(db) == HEAD
        assert await current_version(db.raw) == HEAD
        assert {"people", "person_roles", "teams", "invites", "audit_log", "flows"} <= await tables(
            db
        )
        async with db.raw.execute("PRAGMA journal_mode") as cur:
            assert (await cur.fetchone())[0] == "wal"
        async with db.raw.execute("PRAGMA foreign_keys") as cur:
            assert (await cur.fetchone())[0] == 1
        # Running again is a no-op.
        assert await migrate(db) == HEAD
    finally:
        await db.close()


@pytest.mark.parametrize("previous", range(1, HEAD))
async def test_upgrade_from_each_previous_version_keeps_data(tmp_path: Path, previous: int) -> None:
    path = tmp_path / "old.sqlite3"
    db = await Database.open(path)
    assert await migrate(db, target=previous) == previous
    await db.raw.execute(
        "INSERT INTO teams (id, name, region, timezone)"
        " VALUES (1, 'North', 'Murmansk', 'Europe/Moscow')"
    )
    await db.raw.execute(
        "INSERT INTO people (id, telegram_id, first_name, timezone, team_id, joined_at)"
        " VALUES (1, 555, 'Olga', 'Europe/Moscow', 1, '2026-01-01 00:00:00.000000')"
    )
    await db.raw.execute("INSERT INTO person_roles (person_id, role) VALUES (1, 'admin')")
    await db.close()

    db = await Database.open(path)
    try:
        assert await migrate(db) == HEAD
        async with db.raw.execute(
            "SELECT p.first_name, t.name FROM people p JOIN teams t ON t.id = p.team_id"
        ) as cur:
            assert tuple(await cur.fetchone()) == ("Olga", "North")
        async with db.raw.execute("SELECT version FROM schema_migrations ORDER BY version") as cur:
            assert [row[0] for row in await cur.fetchall()] == list(range(1, HEAD + 1))
    finally:
        await db.close()


async def test_invites_used_before_multi_use_links_stay_used(tmp_path: Path) -> None:
    db = await Database.open(tmp_path / "invites.sqlite3")
    try:
        await migrate(db, target=10)
        await db.raw.execute(
            "INSERT INTO people (id, telegram_id, first_name, timezone, joined_at)"
            " VALUES (1, 555, 'Olga', 'Europe/Moscow', '2026-01-01 00:00:00.000000')"
        )
        for invite_id, used in ((1, True), (2, False)):
            await db.raw.execute(
                "INSERT INTO invites (id, token_hash, roles, created_by, created_at, expires_at,"
                " used_by, used_at) VALUES (?, ?, 'rep', 1, '2026-01-01 00:00:00.000000',"
                " '2036-01-01 00:00:00.000000', ?, ?)",
                (
                    invite_id,
                    f"h{invite_id}",
                    1 if used else None,
                    "2026-01-02 00:00:00.000000" if used else None,
                ),
            )
        await migrate(db)
        async with db.raw.execute("SELECT id, max_uses, uses FROM invites ORDER BY id") as cur:
            assert [tuple(row) for row in await cur.fetchall()] == [(1, 1, 1), (2, 1, 0)]
    finally:
        await db.close()


async def test_a_failing_migration_leaves_the_previous_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storage import migrate as migrate_module

    broken = [*available_migrations()]
    broken.append(
        type(broken[0])(
            HEAD + 1, "broken", "CREATE TABLE x (id INTEGER); SELECT nope FROM nowhere;"
        )
    )
    monkeypatch.setattr(migrate_module, "available_migrations", lambda: broken)
    db = await Database.open(tmp_path / "broken.sqlite3")
    try:
        with pytest.raises(Exception, match="no such"):
            await migrate_module.migrate(db)
        assert await current_version(db.raw) == HEAD
        assert "x" not in await tables(db)
    finally:
        await db.close()


def test_migrations_are_numbered_without_gaps() -> None:
    assert [m.version for m in available_migrations()] == list(range(1, HEAD + 1))


async def test_a_file_that_is_not_sqlite_is_refused_and_no_worker_thread_is_left(
    tmp_path: Path,
) -> None:
    """The connection's worker thread is not a daemon: left running after a failed start it
    kept the process alive for ever."""
    import threading

    from storage.db import DatabaseUnavailable

    path = tmp_path / "notes.sqlite3"
    path.write_text("not a database " * 100)
    before = set(threading.enumerate())
    with pytest.raises(DatabaseUnavailable, match="not a SQLite database") as refused:
        await Database.open(path)
    assert refused.value.path == str(path)
    for _ in range(100):  # the thread ends a moment after it is told to
        if not set(threading.enumerate()) - before:
            break
        await asyncio.sleep(0.01)
    assert set(threading.enumerate()) - before == set()


async def test_a_schema_newer_than_the_code_is_refused(tmp_path: Path) -> None:
    from storage.db import DatabaseUnavailable
    from storage.migrate import check_database

    db = await Database.open(tmp_path / "newer.sqlite3")
    await migrate(db)
    await db.raw.execute(
        "INSERT INTO schema_migrations (version, name, applied_at)"
        f" VALUES ({HEAD + 1}, 'later', '2030-01-01 00:00:00.000000')"
    )
    try:
        with pytest.raises(DatabaseUnavailable, match=f"schema {HEAD + 1}"):
            await migrate(db)
    finally:
        await db.close()
    with pytest.raises(DatabaseUnavailable, match="newer version of Tandem"):
        await check_database(tmp_path / "newer.sqlite3")
    assert await check_database(tmp_path / "fresh.sqlite3") == 0


async def test_a_new_database_and_its_folder_are_private(tmp_path: Path) -> None:
    import stat

    folder = tmp_path / "new" / "folder"
    db = await Database.open(folder / "tandem.sqlite3")
    try:
        await migrate(db)
        for name in ("tandem.sqlite3", "tandem.sqlite3-wal", "tandem.sqlite3-shm"):
            assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600, name
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    finally:
        await db.close()
