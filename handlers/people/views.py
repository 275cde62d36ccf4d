"""Keyboard pieces the people screens share: role ticks and zone buttons, two to a row."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from telegram import InlineKeyboardButton

from domain.people.model import ALL_ROLES, Role
from handlers.kit.callbacks import button
from handlers.kit.i18n import Translator

Rows = list[list[InlineKeyboardButton]]


def in_pairs(buttons: Sequence[InlineKeyboardButton]) -> Rows:
    return [list(buttons[i : i + 2]) for i in range(0, len(buttons), 2)]


def role_ticks(
    t: Translator,
    chosen: Collection[Role],
    press: Callable[[Role, str], InlineKeyboardButton],
) -> Rows:
    """✅ / ▫️ for every role, in the canonical order; ``press(role, label)`` makes a button."""
    return in_pairs(
        [
            press(role, ("✅ " if role in chosen else "▫️ ") + t.label(f"role-{role.value}"))
            for role in ALL_ROLES
        ]
    )


def zone_buttons(zones: Sequence[str], area: str, verb: str) -> Rows:
    """One button per zone, answering ``area:verb:<index>``."""
    return in_pairs([button(name, area, verb, index) for index, name in enumerate(zones)])
