"""Errors the domain raises; each carries a message key the handlers translate."""

from __future__ import annotations

from typing import Any

# What a person typed, echoed back in an error ("“…” is not a time zone I know"), is clipped
# to this many characters: enough to recognise it, never a wall of text.
ECHO_MAX = 100


def echo(value: str) -> str:
    """``value`` on one line, at most ECHO_MAX characters (an ellipsis if cut)."""
    value = " ".join(value.split())
    return value if len(value) <= ECHO_MAX else value[: ECHO_MAX - 1].rstrip() + "…"


class DomainError(Exception):
    """A rule was broken. ``key`` names a catalog message; ``args`` fill it in (text
    arguments are echoes of input, clipped with :func:`echo`)."""

    key = "error-generic"

    def __init__(self, key: str | None = None, **args: Any) -> None:
        self.key = key or type(self).key
        self.args_ = {
            name: echo(value) if isinstance(value, str) else value for name, value in args.items()
        }
        super().__init__(self.key)


class Forbidden(DomainError):
    key = "error-forbidden"


class NotFound(DomainError):
    key = "error-not-found"


class InvalidInput(DomainError):
    key = "error-invalid-input"


class Conflict(DomainError):
    key = "error-conflict"
