"""The registration contract: one :class:`Feature` object per feature package.

A feature lists everything it adds to the bot — commands, button areas, flows, the outbox
messages it renders (notices), the broadcast engine's batch hooks and its periodic sweeps —
and ``bot/app.py`` wires every feature from one list. Adding a feature (meetings, leads) is a
new package exposing ``FEATURE`` and one line there.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Generic, Protocol, TypeVar

from telegram import Update
from telegram.ext import BaseHandler

from broadcast import OutgoingMessage, StoredFile
from domain.flows import FlowState
from domain.people.model import Person
from domain.ports import BatchHook, DueDelivery, Redeliver, Skip, Sweep, UnitOfWork
from handlers.kit.callbacks import Area, Callback
from handlers.kit.context import TandemContext
from handlers.kit.i18n import Translator
from handlers.kit.menu import Command

__all__ = [
    "ButtonCallback",
    "CommandCallback",
    "CommandRoute",
    "Feature",
    "FlowRoute",
    "MediaCallback",
    "Notice",
    "OutgoingMessage",
    "StoredFile",
    "TextCallback",
]

CommandCallback = Callable[[Update, TandemContext], Coroutine[Any, Any, None]]
# A button returns an optional toast (or an ``Alert``) for the callback query's answer.
ButtonCallback = Callable[[Update, TandemContext, Callback], Awaitable[str | None]]

S = TypeVar("S", bound=FlowState)
TextCallback = Callable[[Update, TandemContext, S, str], Awaitable[None]]
MediaCallback = Callable[[Update, TandemContext, S], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class CommandRoute:
    name: str
    callback: CommandCallback
    # How /help and the menu list it; None: not listed (/start, which everyone sees anyway).
    listed: Command | None = None


@dataclass(frozen=True, slots=True)
class FlowRoute(Generic[S]):
    """Where what a person types (``text``) or sends (``media``: photos, documents, voice)
    goes while their open flow is a ``state``. ``left_behind`` names the message they get
    when they start something else while in it (None: nothing typed is lost, say nothing)."""

    state: type[S]
    text: TextCallback[S] | None = None
    media: MediaCallback[S] | None = None
    left_behind: str | None = None

    @property
    def key(self) -> str:
        """The name the route answers to: the state's kind."""
        return self.state.kind


class Addressed(Protocol):
    """A notice knows whom it is for: its text is rendered in their language and zone."""

    @property
    def recipient(self) -> Person: ...


N = TypeVar("N", bound=Addressed)


@dataclass(frozen=True, slots=True)
class Notice(Generic[N]):
    """An outbox kind: the domain's ``compose`` decides whether and what goes out (a typed
    value, or a ``Skip`` saying why nothing does), ``render`` only turns that value into a
    message."""

    kind: str
    compose: Callable[[UnitOfWork, DueDelivery, datetime], Awaitable[N | Skip]]
    render: Callable[[N, Translator, datetime], OutgoingMessage]


@dataclass(frozen=True, slots=True)
class Feature:
    name: str
    commands: Sequence[CommandRoute] = ()
    buttons: Mapping[Area, Mapping[str, ButtonCallback]] = field(default_factory=dict)
    flows: Sequence[FlowRoute[Any]] = ()
    notices: Sequence[Notice[Any]] = ()
    batch_hooks: Sequence[BatchHook] = ()
    sweeps: Sequence[Sweep] = ()
    # What is queued again for a person who had blocked the bot and is back.
    redeliveries: Sequence[Redeliver] = ()
    # Other updates the feature answers (e.g. a person blocking the bot), in group 0.
    handlers: Sequence[BaseHandler[Update, Any, Any]] = ()
