"""The typed context every handler receives, and the services it reaches through it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from telegram.ext import Application, CallbackContext, ExtBot

from bot.config import Settings
from bot.i18n import Catalog, Translator
from broadcast import BroadcastEngine
from domain.clock import Clock
from domain.errors import Forbidden
from domain.people import Language, Person, resolve_language
from schedules.sweeps import Sweeps
from storage.db import Database
from storage.uow import SqlUnitOfWork, unit_of_work


@dataclass(slots=True)
class Services:
    settings: Settings
    db: Database
    clock: Clock
    catalog: Catalog
    broadcasts: BroadcastEngine
    sweeps: Sweeps = field(default_factory=Sweeps)

    def language_for(self, person: Person | None, telegram_code: str | None) -> Language:
        chosen = person.language if person else None
        telegram = telegram_code or (person.telegram_language if person else None)
        return resolve_language(chosen, telegram, self.settings.default_language)


class TandemContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """``context.actor``, ``context.t``, ``context.uow()`` and ``context.now`` for handlers."""

    _actor: Person | None
    _translator: Translator | None
    first_visit: bool

    def __init__(
        self,
        application: Application[Any, Any, Any, Any, Any, Any],
        chat_id: int | None = None,
        user_id: int | None = None,
    ) -> None:
        super().__init__(application, chat_id=chat_id, user_id=user_id)
        self._actor = None
        self._translator = None
        # True when this very update registered the person (a configured admin's first visit).
        self.first_visit = False

    @property
    def services(self) -> Services:
        services = self.application.bot_data["services"]
        assert isinstance(services, Services)
        return services

    @property
    def actor(self) -> Person:
        """The registered, active person behind this update (set by the gatekeeper)."""
        if self._actor is None:
            raise Forbidden()
        return self._actor

    @property
    def maybe_actor(self) -> Person | None:
        return self._actor

    def set_actor(self, person: Person | None, telegram_code: str | None = None) -> None:
        self._actor = person
        self._translator = self.services.catalog.translator(
            self.services.language_for(person, telegram_code)
        )

    @property
    def t(self) -> Translator:
        if self._translator is None:
            self._translator = self.services.catalog.translator(
                self.services.settings.default_language
            )
        return self._translator

    def translator_for(self, person: Person) -> Translator:
        return self.services.catalog.translator(self.services.language_for(person, None))

    @property
    def now(self) -> datetime:
        return self.services.clock.now()

    @asynccontextmanager
    async def uow(self) -> AsyncIterator[SqlUnitOfWork]:
        async with unit_of_work(self.services.db) as uow:
            yield uow
