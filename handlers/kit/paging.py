"""Paged lists: which slice of a list a page shows, and the ◀️ ▶️ row under it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from telegram import InlineKeyboardButton

from handlers.kit.callbacks import button

T = TypeVar("T")

BACK = "◀️"
NEXT = "▶️"


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """Page ``number`` (from 0) of ``total`` items, ``size`` per page; ``items`` is its slice.
    A number out of range (a stale button after the list shrank) shows the nearest page."""

    items: Sequence[T]
    number: int
    pages: int
    total: int
    size: int

    @classmethod
    def of(cls, items: Sequence[T], number: int, size: int) -> Page[T]:
        pages = max(1, -(-len(items) // size))
        number = min(max(number, 0), pages - 1)
        return cls(items[number * size : (number + 1) * size], number, pages, len(items), size)

    @property
    def first_position(self) -> int:
        """The 1-based position of the page's first item in the whole list."""
        return self.number * self.size + 1

    def nav(
        self, area: str, verb: str, *args: object, back: str = BACK, next_: str = NEXT
    ) -> list[InlineKeyboardButton]:
        """◀️ / ▶️ to the neighbouring pages: ``area:verb:*args:<page>``; empty on one page."""
        row = []
        if self.number > 0:
            row.append(button(back, area, verb, *args, self.number - 1))
        if self.number + 1 < self.pages:
            row.append(button(next_, area, verb, *args, self.number + 1))
        return row


def nav_rows(row: list[InlineKeyboardButton]) -> list[list[InlineKeyboardButton]]:
    """The navigation row as keyboard rows: none when there is only one page."""
    return [row] if row else []
