"""``python -m bot`` as a real process: configuration errors, the database it refuses or
creates, backups while it runs, its logs (as text or JSON), and the token never logged."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sqlite3
import stat
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

from tests.support.fake_telegram import FakeTelegram
from tests.support.harness import TOKEN

ROOT = Path(__file__).resolve().parents[2]


def clean_env(**values: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "BOT_TOKEN",
            "ADMIN_IDS",
            "TELEGRAM_API_BASE_URL",
            "DATABASE_PATH",
            "DEFAULT_LANGUAGE",
            "DEFAULT_TIMEZONE",
            "LOG_LEVEL",
            "LOG_FORMAT",
            "BROADCAST_RATE",
        }
    }
    env["PYTHONPATH"] = str(ROOT)
    env.update(values)
    return env


async def run_bot(env: dict[str, str], cwd: Path) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        cwd=cwd,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


@pytest.mark.parametrize(
    ("env", "setting"),
    [
        ({}, "BOT_TOKEN is missing"),
        ({"BOT_TOKEN": "not-a-token"}, "BOT_TOKEN is invalid"),
        ({"BOT_TOKEN": TOKEN, "ADMIN_IDS": "12, abc"}, "ADMIN_IDS is invalid"),
        ({"BOT_TOKEN": TOKEN, "DEFAULT_TIMEZONE": "Mars/Base"}, "DEFAULT_TIMEZONE is invalid"),
        ({"BOT_TOKEN": TOKEN, "DEFAULT_LANGUAGE": "de"}, "DEFAULT_LANGUAGE is invalid"),
        ({"BOT_TOKEN": TOKEN, "BROADCAST_RATE": "fast"}, "BROADCAST_RATE is invalid"),
        ({"BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": "localhost:8081"}, "TELEGRAM_API_BASE_URL"),
        ({"BOT_TOKEN": TOKEN, "LOG_FORMAT": "xml"}, "LOG_FORMAT is invalid"),
    ],
)
async def test_a_bad_setting_stops_with_one_clear_line(
    tmp_path: Path, env: dict[str, str], setting: str
) -> None:
    process = await run_bot(clean_env(**env), tmp_path)
    _, stderr = await asyncio.wait_for(process.communicate(), 30)
    assert process.returncode == 2
    lines = stderr.decode().strip().splitlines()
    assert len(lines) == 1, lines
    assert setting in lines[0]
    assert "Traceback" not in stderr.decode()
    assert TOKEN not in stderr.decode()


async def test_the_bot_runs_from_env_file_and_never_logs_its_token(
    fake: FakeTelegram, tmp_path: Path
) -> None:
    (tmp_path / ".env").write_text(
        f"BOT_TOKEN={TOKEN}\n"
        f"TELEGRAM_API_BASE_URL={fake.base_url}\n"
        "ADMIN_IDS=4242\n"
        "LOG_LEVEL=DEBUG\n"
    )
    process = await run_bot(clean_env(), tmp_path)
    try:
        admin = fake.user(4242, "Ада", language_code="ru")
        admin.send("/start")
        reply = await admin.wait_message(timeout=30)
        assert "Вы — его администратор" in reply.text
    finally:
        process.send_signal(signal.SIGINT)
        _, stderr = await asyncio.wait_for(process.communicate(), 30)
    log = stderr.decode()
    assert process.returncode == 0, log[-2000:]
    assert "getUpdates" in log or "get_updates" in log  # DEBUG logging really was on
    assert TOKEN not in log
    assert TOKEN.split(":", 1)[1] not in log
    # The database went where the documented default says.
    assert (tmp_path / "data" / "tandem.sqlite3").exists()


async def finished(process: asyncio.subprocess.Process, timeout: float = 30) -> str:  # noqa: ASYNC109
    """The process's stderr once it has exited; killed (and failed) if it hangs."""
    try:
        _, stderr = await asyncio.wait_for(process.communicate(), timeout)
    except TimeoutError:
        process.kill()
        await process.wait()
        raise AssertionError(f"the bot did not exit within {timeout}s") from None
    return stderr.decode()


def one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert "Traceback" not in stderr
    assert TOKEN not in stderr
    return lines[0]


def bot_env(fake: FakeTelegram, database: Path | str, **values: str) -> dict[str, str]:
    return clean_env(
        BOT_TOKEN=TOKEN,
        TELEGRAM_API_BASE_URL=fake.base_url,
        DATABASE_PATH=str(database),
        ADMIN_IDS="4242",
        **values,
    )


@asynccontextmanager
async def running_bot(
    fake: FakeTelegram, tmp_path: Path, database: Path, **values: str
) -> AsyncIterator[list[str]]:
    """The bot as a process, answering its admin; yields a list that holds its stderr lines
    once it has been stopped with SIGINT (and exited 0)."""
    process = await run_bot(bot_env(fake, database, **values), tmp_path)
    log: list[str] = []
    try:
        admin = fake.user(4242, "Ада", language_code="ru")
        admin.send("/start")
        reply = await admin.wait_message(timeout=30)
        assert "Вы — его администратор" in reply.text
        yield log
    finally:
        process.send_signal(signal.SIGINT)
        stderr = await finished(process)
        log.extend(stderr.splitlines())
    assert process.returncode == 0, stderr[-2000:]


def unusable_path(tmp_path: Path, case: str) -> Path:
    if case == "not a database":
        path = tmp_path / "notes.sqlite3"
        path.write_text("Meeting notes, not a database. " * 40)
        return path
    if case == "a folder":
        path = tmp_path / "folder.sqlite3"
        path.mkdir()
        return path
    if case == "under a file":
        (tmp_path / "file").write_text("x")
        return tmp_path / "file" / "tandem.sqlite3"
    if case == "folder cannot be created":
        return Path("/sys/tandem-test/tandem.sqlite3")
    if case == "folder cannot be written":
        return Path("/sys/tandem-test.sqlite3")
    assert case == "file cannot be written"
    path = tmp_path / "read-only.sqlite3"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    path.chmod(0o400)
    tmp_path.chmod(0o500)
    return path


@pytest.mark.parametrize(
    "case",
    [
        "not a database",
        "a folder",
        "under a file",
        "folder cannot be created",
        "folder cannot be written",
        pytest.param(
            "file cannot be written",
            marks=pytest.mark.skipif(os.geteuid() == 0, reason="root writes read-only files"),
        ),
    ],
)
async def test_a_database_that_cannot_be_used_stops_the_bot_with_one_line(
    fake: FakeTelegram, tmp_path: Path, case: str
) -> None:
    path = unusable_path(tmp_path, case)
    try:
        process = await run_bot(bot_env(fake, path), ROOT)
        line = one_line(await finished(process))
    finally:
        os.chmod(tmp_path, 0o700)
    assert process.returncode == 2
    assert line.startswith("tandem: Setting DATABASE_PATH") and str(path) in line


async def test_a_database_from_a_newer_version_is_refused(
    fake: FakeTelegram, tmp_path: Path
) -> None:
    """A rolled-back deploy must not run on a schema it does not know."""
    from storage.migrate import available_migrations

    head = len(available_migrations())
    path = tmp_path / "newer.sqlite3"
    async with running_bot(fake, tmp_path, path):
        pass
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO schema_migrations (version, name, applied_at)"
            " VALUES (?, 'from_the_future', '2030-01-01 00:00:00.000000')",
            (head + 1,),
        )
    conn.close()
    process = await run_bot(bot_env(fake, path), tmp_path)
    line = one_line(await finished(process))
    assert process.returncode == 2
    assert "DATABASE_PATH" in line and "newer" in line and f"{head + 1}" in line


async def test_the_database_and_its_folder_are_private(fake: FakeTelegram, tmp_path: Path) -> None:
    """Names, answers and the audit log: 0600 for the database, its -wal and -shm, 0700 for
    the folder the bot creates for them."""
    folder = tmp_path / "private"
    path = folder / "tandem.sqlite3"
    async with running_bot(fake, tmp_path, path):
        modes = {
            name: stat.S_IMODE((folder / name).stat().st_mode)
            for name in ("tandem.sqlite3", "tandem.sqlite3-wal", "tandem.sqlite3-shm")
        }
        assert modes == dict.fromkeys(modes, 0o600), {k: oct(v) for k, v in modes.items()}
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700


async def test_a_backup_is_taken_while_the_bot_runs(fake: FakeTelegram, tmp_path: Path) -> None:
    """``python -m bot backup PATH`` copies the live database (SQLite's online backup): one
    line, exit 0, a private single-file copy holding what the bot had written."""
    database = tmp_path / "data" / "tandem.sqlite3"
    target = tmp_path / "backups" / "tandem-copy.sqlite3"
    async with running_bot(fake, tmp_path, database):
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "backup",
            str(target),
            cwd=tmp_path,
            env=clean_env(DATABASE_PATH=str(database)),  # no token needed for a backup
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        stdout, stderr = await asyncio.wait_for(process.communicate(), 30)
    assert process.returncode == 0, stderr.decode()
    assert stderr == b""
    [line] = stdout.decode().splitlines()
    assert line.startswith(f"tandem: backed up {database} to {target}")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with sqlite3.connect(target) as conn:
        [(telegram_id,)] = conn.execute("SELECT telegram_id FROM people").fetchall()
    conn.close()
    assert telegram_id == 4242


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["backup"], "usage: python -m bot [backup PATH]"),
        (["restore", "x"], "usage: python -m bot [backup PATH]"),
        (["backup", "copy.sqlite3"], "Setting DATABASE_PATH (missing.sqlite3): no database"),
    ],
)
async def test_a_backup_that_cannot_be_made_says_why_in_one_line(
    tmp_path: Path, args: list[str], message: str
) -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        cwd=tmp_path,
        env=clean_env(DATABASE_PATH="missing.sqlite3"),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    line = one_line(await finished(process))
    assert process.returncode == 2
    assert line.startswith(f"tandem: {message}")
    assert not (tmp_path / "copy.sqlite3").exists()


async def test_json_logs_are_one_object_per_line_with_the_update_and_chat(
    fake: FakeTelegram, tmp_path: Path
) -> None:
    """LOG_FORMAT=json: every line of the log is one JSON object (time, level, logger,
    message), those written while an update is handled carry its id and chat id, and the
    token is redacted as in text logs."""
    database = tmp_path / "tandem.sqlite3"
    async with running_bot(fake, tmp_path, database, LOG_FORMAT="json", LOG_LEVEL="DEBUG") as log:
        pass
    entries = [json.loads(line) for line in log]  # every line parses
    assert len(entries) > 10
    for entry in entries:
        assert {"time", "level", "logger", "message"} <= set(entry), entry
        assert entry["time"].endswith("Z")
    assert {"INFO", "DEBUG"} <= {entry["level"] for entry in entries}
    handled = [entry for entry in entries if entry.get("chat_id") == 4242]
    assert handled and all(isinstance(entry["update_id"], int) for entry in handled)
    assert any(entry["message"].startswith("Starting Tandem") for entry in entries)
    text = "\n".join(log)
    assert "getUpdates" in text or "get_updates" in text  # DEBUG really was on
    assert TOKEN not in text and TOKEN.split(":", 1)[1] not in text
