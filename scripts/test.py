"""python3 scripts/test.py — install what is needed and run the whole test suite.

Extra arguments go to pytest, e.g. ``python3 scripts/test.py tests/unit -x``.
"""

from __future__ import annotations

import sys

from bootstrap import ensure, run

if __name__ == "__main__":
    sys.exit(run(ensure("dev"), ["-m", "pytest", *sys.argv[1:]]))
