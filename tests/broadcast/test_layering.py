"""broadcast/ is infrastructure: it may use storage and domain, never the layers that use it."""

import ast
import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import broadcast
import broadcast.policy

FORBIDDEN = ("bot", "handlers", "schedules", "tests")


def test_broadcast_imports_no_outer_layer() -> None:
    modules = [
        "broadcast",
        *(f"broadcast.{m.name}" for m in pkgutil.iter_modules(broadcast.__path__)),
    ]
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


def test_the_policy_is_plain_python() -> None:
    """The rules are arithmetic: the policy module imports only the standard library."""
    tree = ast.parse(Path(broadcast.policy.__file__).read_text(encoding="utf-8"))
    imported = {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    } | {
        (node.module or "").split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
    }
    assert imported <= sys.stdlib_module_names | {"__future__"}, imported
