"""Logging set-up that never prints the bot token, as text or as one JSON object per line."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from contextvars import ContextVar
from datetime import UTC, datetime

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

# The update being handled, and its chat, for every record logged while handling it. Each
# update runs in a task of its own, so what one sets is never seen by another.
UPDATE_ID: ContextVar[int | None] = ContextVar("update_id", default=None)
CHAT_ID: ContextVar[int | None] = ContextVar("chat_id", default=None)


def bind_update(update_id: int, chat_id: int | None) -> None:
    """From now on in this task, records carry this update's id and chat id."""
    UPDATE_ID.set(update_id)
    CHAT_ID.set(chat_id)


class RedactSecrets(logging.Filter):
    """Replace secrets in every record. The token is part of every Bot API URL, and httpx,
    PTB and tracebacks all print URLs."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self._secrets = [s for s in secrets if s]

    def _clean(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, "<redacted>")
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        cleaned = self._clean(message)
        if cleaned != message or record.args:
            record.msg, record.args = cleaned, None
        if record.exc_text:
            record.exc_text = self._clean(record.exc_text)
        if record.stack_info:
            record.stack_info = self._clean(record.stack_info)
        return True


class JsonLines(logging.Formatter):
    """One JSON object per record, on one line: ``time`` (UTC, ISO 8601), ``level``,
    ``logger``, ``message``, and while an update is handled its ``update_id`` and
    ``chat_id``; ``exception`` and ``stack`` when there are. Secrets were already redacted
    by :class:`RedactSecrets`, which runs first."""

    def format(self, record: logging.LogRecord) -> str:
        moment = datetime.fromtimestamp(record.created, UTC)
        entry: dict[str, object] = {
            "time": moment.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        update_id, chat_id = UPDATE_ID.get(), CHAT_ID.get()
        if update_id is not None:
            entry["update_id"] = update_id
        if chat_id is not None:
            entry["chat_id"] = chat_id
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["exception"] = record.exc_text
        if record.stack_info:
            entry["stack"] = record.stack_info
        return json.dumps(entry, ensure_ascii=False, default=str)


def configure_logging(level: int, secrets: Iterable[str], *, json_lines: bool = False) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(JsonLines() if json_lines else logging.Formatter(FORMAT))
    handler.addFilter(RedactSecrets(secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # Warnings (from PTB, say) become records too, so a JSON log stays JSON.
    logging.captureWarnings(True)
    # httpx logs every request URL (with the token) at INFO; the filter would redact it, but
    # a line per poll is noise, so only its warnings are kept.
    logging.getLogger("httpx").setLevel(max(level, logging.WARNING))
    logging.getLogger("httpcore").setLevel(max(level, logging.WARNING))
    logging.getLogger("apscheduler").setLevel(max(level, logging.WARNING))
