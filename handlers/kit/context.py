"""The typed context every handler receives, and the services it reaches through it.

Handlers get everything from here — the person behind the update, their translator, the
clock, a unit of work, the outbox's wake-up call — so no handler imports the composition root,
storage or the broadcast engine. ``bot/app.py`` builds the :class:`Services`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from telegram.ext import Application, CallbackContext, ExtBot

from domain.clock import Clock
from domain.errors import Forbidden
from domain.people.model import Language, Person, resolve_language
from domain.ports import Redeliver, UnitOfWork, UnitOfWorkFactory
from handlers.kit.i18n import Catalog, Translator
from handlers.kit.menu import Command


@dataclass(frozen=True, slots=True)
class Config:
    """What handlers need to know of the deployment's settings."""

    admin_ids: frozenset[int] = frozenset()
    default_language: Language = Language.RU
    default_timezone: str = "Europe/Moscow"


@dataclass(slots=True)
class Services:
    config: Config
    clock: Clock
    catalog: Catalog
    uow: UnitOfWorkFactory
    # Tell the broadcast engine that rows were queued (it would find them within its idle
    # interval anyway; this makes "send now" immediate).
    wake_outbox: Callable[[], None]
    # Every registered command, in menu order: /help and the command menus are built from it.
    commands: tuple[Command, ...] = field(default_factory=tuple)
    # Flow name -> what a person is told when they leave that flow for another one.
    flow_notices: Mapping[str, str] = field(default_factory=dict)
    # Every feature's part when a person who had blocked the bot comes back.
    redeliveries: tuple[Redeliver, ...] = ()

    def language_for(self, person: Person | None, telegram_code: str | None = None) -> Language:
        chosen = person.language if person else None
        telegram = telegram_code or (person.telegram_language if person else None)
        return resolve_language(chosen, telegram, self.config.default_language)

    def translator_for(self, person: Person | None, telegram_code: str | None = None) -> Translator:
        return self.catalog.translator(self.language_for(person, telegram_code))


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
        self._translator = self.services.translator_for(person, telegram_code)

    @property
    def t(self) -> Translator:
        if self._translator is None:
            self._translator = self.services.catalog.translator(
                self.services.config.default_language
            )
        return self._translator

    def translator_for(self, person: Person) -> Translator:
        return self.services.translator_for(person)

    @property
    def now(self) -> datetime:
        return self.services.clock.now()

    def uow(self) -> UnitOfWork:
        """``async with context.uow() as uow:`` — one transaction."""
        return self.services.uow()

    def wake_outbox(self) -> None:
        self.services.wake_outbox()
