"""The one codec for inline-button callback data.

Layout: ``<version>:<area>:<verb>[:<arg>…]``, e.g. ``1:ppl:role:42:rep``. Every button the bot
draws is encoded here, so the 64-byte limit and the allowed characters are checked in one
place; every press is decoded here, so forged or outdated data is rejected before any handler
sees it. Data carries ids only: whether the presser may act on the object is decided by the
domain use case, never by the data itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from telegram import InlineKeyboardButton
from telegram.constants import InlineKeyboardButtonLimit

VERSION = "1"
MAX_BYTES = InlineKeyboardButtonLimit.MAX_CALLBACK_DATA


class Area(StrEnum):
    """The registry of button areas: one short code per area, each answered by one feature.

    Features draw each other's buttons (the campaign card opens its briefing requests) by
    naming an area here, so no feature imports another's handlers. Codes are part of the
    callback data of messages already in people's chats: never reuse or rename one.
    """

    INVITES = "inv"
    SETTINGS = "set"
    TEAMS = "team"
    PEOPLE = "ppl"
    CAMPAIGNS = "cmp"
    CAMPAIGN_PREVIEW = "cpv"
    BRIEFINGS = "brf"
    FEEDBACK = "fdb"
    QUESTIONS = "qst"
    LEADS = "lead"
    DISPUTES = "dsp"
    REGULATION = "reg"
    AWAY = "away"
    MEETINGS = "mtg"
    KPIS = "kpi"


_PART = re.compile(r"^[A-Za-z0-9_.+/-]{1,40}$")


class CallbackDataError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Callback:
    area: str
    verb: str
    args: tuple[str, ...] = ()

    def int_arg(self, index: int) -> int:
        """The index-th argument as a non-negative int; forged values raise CallbackDataError."""
        try:
            raw = self.args[index]
        except IndexError:
            raise CallbackDataError("missing argument") from None
        if not raw.isdigit() or len(raw) > 18:
            raise CallbackDataError(f"not an id: {raw!r}")
        return int(raw)

    def str_arg(self, index: int) -> str:
        try:
            return self.args[index]
        except IndexError:
            raise CallbackDataError("missing argument") from None


def encode(area: str, verb: str, *args: object) -> str:
    parts = [VERSION, area, verb, *(str(arg) for arg in args)]
    for part in parts:
        if not _PART.match(part):
            raise CallbackDataError(f"callback part {part!r} has characters the codec forbids")
    data = ":".join(parts)
    if len(data.encode("utf-8")) > MAX_BYTES:
        raise CallbackDataError(f"callback data {data!r} is longer than {MAX_BYTES} bytes")
    return data


def decode(data: str | None) -> Callback | None:
    """The decoded callback, or None for anything this version of the bot did not draw."""
    if not data or len(data.encode("utf-8")) > MAX_BYTES:
        return None
    parts = data.split(":")
    if len(parts) < 3 or parts[0] != VERSION or not all(_PART.match(p) for p in parts):
        return None
    return Callback(parts[1], parts[2], tuple(parts[3:]))


def pattern(area: str) -> re.Pattern[str]:
    """A CallbackQueryHandler pattern matching every button of ``area``."""
    return re.compile(rf"^{VERSION}:{re.escape(area)}:")


def button(text: str, area: str, verb: str, *args: object) -> InlineKeyboardButton:
    return InlineKeyboardButton(text, callback_data=encode(area, verb, *args))
