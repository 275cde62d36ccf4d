"""Create ./.venv and install the project into it, once per change of pyproject.toml.

Used by scripts/run.py and scripts/test.py so that the README's two commands work on a
fresh machine that has nothing but Python 3.11+.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def ensure(extras: str = "") -> Path:
    if sys.version_info < (3, 11):  # noqa: UP036 - this runs before anything is installed
        sys.exit("Tandem needs Python 3.11 or newer.")
    python = venv_python()
    if not python.exists():
        print("Creating the virtual environment in .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    spec = f".[{extras}]" if extras else "."
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + spec.encode()).hexdigest()
    stamp = VENV / f".installed-{extras or 'base'}"
    if not stamp.exists() or stamp.read_text() != digest:
        print(f"Installing Tandem and its dependencies ({spec}) …", flush=True)
        subprocess.run(
            [
                str(python),
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "--editable",
                spec,
            ],
            cwd=ROOT,
            check=True,
        )
        stamp.write_text(digest)
    return python


def run(python: Path, args: list[str]) -> int:
    """Hand over to the virtual environment's Python (Ctrl+C then goes straight to it)."""
    os.chdir(ROOT)
    if os.name == "posix":
        os.execv(python, [str(python), *args])
    try:
        return subprocess.call([str(python), *args])
    except KeyboardInterrupt:
        return 130
