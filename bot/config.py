"""Settings from the environment and ``.env`` (see ``.env.example`` for each one)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from domain.errors import InvalidInput
from domain.people.model import Language
from domain.timezones import validate_timezone

FREE_RATE = 30.0  # messages per second Telegram lets a bot send without paying
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
LOG_FORMATS = ("text", "json")


class StorageSettings(BaseSettings):
    """What ``python -m bot backup`` needs: where the database is (no token)."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", case_sensitive=False
    )

    # The SQLite file. Its folder is created (0700) if missing, the file itself 0600.
    database_path: Path = Path("data/tandem.sqlite3")


class Settings(StorageSettings):
    bot_token: SecretStr
    telegram_api_base_url: str = "https://api.telegram.org"
    admin_ids: Annotated[frozenset[int], NoDecode] = Field(default_factory=frozenset)
    default_language: Language = Language.RU
    default_timezone: str = "Europe/Moscow"
    log_level: str = "INFO"
    # "text": one readable line per record; "json": one JSON object per line (time, level,
    # logger, message, and the update id and chat id while an update is being handled).
    log_format: str = "text"
    # Broadcast pace in messages per second for the whole bot. Telegram allows about 30/s
    # (more with paid broadcasts). Interactive replies draw on the same budget, first.
    broadcast_rate: float = Field(default=28.0, gt=0, le=1000)
    # Telegram's paid broadcasts: above 30 messages a second, each message costs Telegram
    # Stars (charged to the bot's balance); off by default.
    paid_broadcasts: bool = False
    # The HTTP lead intake endpoint: off unless a port is set (0: any free port).
    leads_api_port: int | None = Field(default=None, ge=0, le=65535)
    leads_api_host: str = "127.0.0.1"

    @model_validator(mode="after")
    def _paid_pace(self) -> Settings:
        if self.broadcast_rate > FREE_RATE and not self.paid_broadcasts:
            raise ValueError(
                f"BROADCAST_RATE above {FREE_RATE:g} needs PAID_BROADCASTS=true (Telegram"
                " sends faster than that only as paid broadcasts)"
            )
        return self

    @field_validator("bot_token")
    @classmethod
    def _token_shape(cls, value: SecretStr) -> SecretStr:
        token = value.get_secret_value().strip()
        bot_id, _, secret = token.partition(":")
        if not bot_id.isdigit() or not secret or any(c.isspace() for c in token):
            raise ValueError("must look like 123456789:ABC-DEF… as given by @BotFather")
        return SecretStr(token)

    @field_validator("telegram_api_base_url")
    @classmethod
    def _base_url(cls, value: str) -> str:
        value = value.strip().rstrip("/")
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        if value.endswith("/bot"):
            raise ValueError("give the server root; the bot adds /bot<token> itself")
        return value

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _admin_ids(cls, value: object) -> object:
        if isinstance(value, str):
            parts = [part.strip() for part in value.replace(";", ",").split(",")]
            ids = set()
            for part in parts:
                if not part:
                    continue
                if not part.lstrip("-").isdigit():
                    raise ValueError(f"{part!r} is not a Telegram user id (digits only)")
                ids.add(int(part))
            return frozenset(ids)
        if isinstance(value, int):
            return frozenset({value})
        return value

    @field_validator("default_timezone")
    @classmethod
    def _timezone(cls, value: str) -> str:
        try:
            return validate_timezone(value)
        except InvalidInput:
            raise ValueError("must be an IANA time zone name such as Europe/Moscow") from None

    @field_validator("log_level")
    @classmethod
    def _log_level(cls, value: str) -> str:
        level = value.strip().upper()
        if level not in LOG_LEVELS:
            raise ValueError(f"must be one of {', '.join(LOG_LEVELS)}")
        return level

    @field_validator("log_format")
    @classmethod
    def _log_format(cls, value: str) -> str:
        chosen = value.strip().lower()
        if chosen not in LOG_FORMATS:
            raise ValueError(f"must be one of {', '.join(LOG_FORMATS)}")
        return chosen

    @property
    def api_url(self) -> str:
        return f"{self.telegram_api_base_url}/bot"

    @property
    def file_url(self) -> str:
        return f"{self.telegram_api_base_url}/file/bot"

    @property
    def log_level_number(self) -> int:
        return int(logging.getLevelName(self.log_level))


class SettingsError(Exception):
    """A setting is missing or malformed; the message is one line fit for the console."""


def load_settings(**overrides: object) -> Settings:
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        raise SettingsError(describe(exc)) from None


def load_storage_settings(**overrides: object) -> StorageSettings:
    try:
        return StorageSettings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        raise SettingsError(describe(exc)) from None


def describe(exc: ValidationError) -> str:
    error = exc.errors()[0]
    name = str(error["loc"][0]).upper() if error["loc"] else "settings"
    if error["type"] == "missing":
        return (
            f"Setting {name} is missing: set it in the environment or in .env (see .env.example)."
        )
    message = str(error["msg"]).removeprefix("Value error, ")
    if not error["loc"]:  # two settings that do not go together
        return f"Settings do not fit together: {message}. Fix them in the environment or in .env."
    return f"Setting {name} is invalid: {message}. Fix it in the environment or in .env."
