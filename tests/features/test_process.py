"""``python -m bot`` as a real process: configuration errors, and the token never logged."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
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
