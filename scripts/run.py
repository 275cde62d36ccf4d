"""python3 scripts/run.py — install what is needed and run the bot (settings from .env)."""

from __future__ import annotations

import sys

from bootstrap import ensure, run

if __name__ == "__main__":
    sys.exit(run(ensure(), ["-m", "bot", *sys.argv[1:]]))
