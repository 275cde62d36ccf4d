"""Translations: Project Fluent catalogs (``bot/locales/<lang>/<feature>.ftl``).

Fluent gives semantic message keys, CLDR plural categories (1 участник, 2 участника,
5 участников) and per-language number formatting. :class:`Translator` adds the rules every
formatted message in this bot needs: string arguments are HTML-escaped when the result is sent
as HTML, so user-typed names can never inject markup; and no argument can make a message
unreadable. Fluent refuses a placeable longer than 2,500 characters and renders the whole
message as ``{???}`` (escaping makes each "&" five characters): a string argument is clipped
to :data:`ARG_MAX` characters before it is escaped, and :class:`Markup` is put in after
Fluent has formatted the message. Bodies of unbounded text (an answer, a note, a key message)
are never arguments: they go after the formatted header, escaped and clipped by the view.
"""

from __future__ import annotations

import html
import logging
import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date as Date
from datetime import datetime as DateTime
from datetime import timedelta
from pathlib import Path
from typing import Any, Literal

from babel.dates import format_date, format_datetime, format_timedelta
from fluent.runtime import FluentBundle, FluentResource

from domain.people.model import Language
from domain.timezones import to_local
from handlers.kit.text import clip

log = logging.getLogger(__name__)
TimeUnit = Literal["minute", "hour", "day"]
# The longest string argument a message shows (names, labels, echoed input are far shorter).
# Escaped, even 500 "&" stay within Fluent's 2,500 characters per placeable, and a message
# with seven such arguments still fits one Telegram message.
ARG_MAX = 500


class Markup(str):
    """A string that is already safe HTML; the translator does not escape it again."""

    __slots__ = ()


def escape(text: str) -> str:
    return html.escape(text, quote=False)


class Catalog:
    """Every language's bundle, loaded once at start-up."""

    def __init__(self, directory: Path) -> None:
        self._bundles: dict[Language, FluentBundle] = {}
        self._ids: dict[Language, set[str]] = {}
        for language in Language:
            bundle = FluentBundle([language.value], use_isolating=False)
            ids: set[str] = set()
            for path in sorted((directory / language.value).glob("*.ftl")):
                resource = FluentResource(path.read_text("utf-8"))
                ids.update(entry.id.name for entry in resource.body if hasattr(entry, "id"))
                bundle.add_resource(resource)
            self._bundles[language] = bundle
            self._ids[language] = ids

    def message_ids(self, language: Language) -> set[str]:
        return set(self._ids[language])

    def translator(self, language: Language) -> Translator:
        return Translator(language, self._bundles[language])

    def all_translators(self) -> Iterable[Translator]:
        return (self.translator(language) for language in Language)


@dataclass(frozen=True, slots=True)
class Translator:
    language: Language
    _bundle: FluentBundle

    def _format(self, key: str, args: dict[str, Any]) -> str:
        if not self._bundle.has_message(key):
            log.error("Missing %s translation for %r", self.language, key)
            return key
        message = self._bundle.get_message(key)
        if message.value is None:
            log.error("Message %r has no value in %s", key, self.language)
            return key
        text, errors = self._bundle.format_pattern(message.value, args)
        for error in errors:
            log.error("Translation %r (%s): %s", key, self.language, error)
        return str(text)

    def _bounded(self, key: str, name: str, value: str) -> str:
        if len(value) <= ARG_MAX:
            return value
        log.warning(
            "Argument %r of %r clipped from %d characters: put long text after the header",
            name,
            key,
            len(value),
        )
        return clip(value, ARG_MAX)

    def __call__(self, key: str, **args: Any) -> str:
        """The message as HTML: string arguments are clipped to ARG_MAX and escaped unless
        they are :class:`Markup`, which goes in as it is once the message is formatted."""
        safe: dict[str, Any] = {}
        markup: dict[str, Markup] = {}
        for name, value in args.items():
            if isinstance(value, Markup):
                token = f"\x00{len(markup)}\x00"
                markup[token] = value
                safe[name] = token
            elif isinstance(value, str):
                safe[name] = escape(self._bounded(key, name, value))
            else:
                safe[name] = value
        text = self._format(key, safe)
        for token, value in markup.items():
            text = text.replace(token, value)
        return text

    def label(self, key: str, **args: Any) -> str:
        """The message as plain text, for button labels, alerts and command descriptions."""
        bounded = {
            name: self._bounded(key, name, value) if isinstance(value, str) else value
            for name, value in args.items()
        }
        return self._format(key, bounded)

    def datetime(self, moment: DateTime, timezone: str) -> str:
        """``24 Nov 2026, 15:00`` in the person's zone and language."""
        local = to_local(moment, timezone)
        return str(format_datetime(local, "d MMM y, HH:mm", locale=self.language.value))

    def date(self, moment: DateTime, timezone: str) -> str:
        local = to_local(moment, timezone)
        return str(format_datetime(local, "d MMM y", locale=self.language.value))

    def day(self, value: Date) -> str:
        """A calendar date: ``15 Dec 2026`` / ``15 дек. 2026 г.``."""
        return str(format_date(value, "d MMM y", locale=self.language.value))

    def relative(self, delta: timedelta, unit: TimeUnit | None = None) -> str:
        """``in 20 days`` / ``через 20 дней``, ``2 hours ago`` / ``2 часа назад``: CLDR's
        relative-time patterns and plurals (Babel). With ``unit``, counted in that unit (Babel
        alone would round 20 days up to "3 weeks"; a launch date reads better in days);
        without, in the largest unit that fits."""
        if unit is None:
            return str(format_timedelta(delta, add_direction=True, locale=self.language.value))
        return str(
            format_timedelta(
                delta,
                granularity=unit,
                threshold=math.inf,  # never a larger unit than asked for
                add_direction=True,
                locale=self.language.value,
            )
        )
