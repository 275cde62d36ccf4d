"""domain/ holds the business rules and must stay free of Telegram, SQL and the outer layers."""

import importlib
import pkgutil
import subprocess
import sys

import domain

FORBIDDEN = (
    "telegram",
    "aiosqlite",
    "sqlite3",
    "apscheduler",
    "bot",
    "handlers",
    "storage",
    "schedules",
)


def test_domain_imports_no_framework_or_outer_layer() -> None:
    modules = [m.name for m in pkgutil.walk_packages(domain.__path__, "domain.")]
    code = (
        "import sys\n"
        + "".join(f"import {name}\n" for name in modules)
        + f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r})\n"
        + "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
    for name in modules:
        importlib.import_module(name)


def test_the_intake_endpoint_imports_no_handlers_schedules_or_bot() -> None:
    code = (
        "import sys\n"
        "import intake.server\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in"
        " ('handlers', 'schedules', 'bot', 'telegram'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
