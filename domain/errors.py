"""Errors the domain raises; each carries a message key the handlers translate."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A rule was broken. ``key`` names a catalog message; ``args`` fill it in."""

    key = "error-generic"

    def __init__(self, key: str | None = None, **args: Any) -> None:
        self.key = key or type(self).key
        self.args_ = args
        super().__init__(self.key)


class Forbidden(DomainError):
    key = "error-forbidden"


class NotFound(DomainError):
    key = "error-not-found"


class InvalidInput(DomainError):
    key = "error-invalid-input"


class Conflict(DomainError):
    key = "error-conflict"
