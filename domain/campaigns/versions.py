"""What a campaign's recipients saw and what changed since: the version recorded at the
announcement and at every update, the changes an update names (old → new, or only that the
goal or key messages changed), and the numbered notes — updates and the cancellation — sent
to everyone who got it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class NoteKind(StrEnum):
    """What a numbered note to everyone who got the announcement says."""

    UPDATE = "update"
    CANCELLATION = "cancellation"


class Field(StrEnum):
    """What of a sent campaign its recipients see, and an update can change."""

    NAME = "name"
    PRODUCT = "product"
    GOAL = "goal"
    MESSAGES = "messages"
    LAUNCH = "launch"
    MATERIALS = "materials"


@dataclass(frozen=True, slots=True)
class Change:
    """One field changed since recipients last saw the campaign. ``old`` and ``new`` are what
    an update can name (the launch dates as ISO days, the name and product, the number of
    materials); a goal or key messages that changed are only said to have."""

    field: Field
    old: str | None = None
    new: str | None = None

    def to_json(self) -> dict[str, str | None]:
        return {"field": self.field.value, "old": self.old, "new": self.new}

    @classmethod
    def from_json(cls, data: dict[str, str | None]) -> Change:
        return cls(Field(data["field"] or ""), data.get("old"), data.get("new"))


@dataclass(frozen=True, slots=True)
class SentVersion:
    """The campaign as its recipients last saw it: at the announcement, or the last update."""

    name: str
    product: str
    goal: str
    key_messages: tuple[str, ...]
    launch_date: date | None
    materials: tuple[int, ...]  # material ids

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "product": self.product,
            "goal": self.goal,
            "key_messages": list(self.key_messages),
            "launch_date": self.launch_date.isoformat() if self.launch_date else None,
            "materials": list(self.materials),
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> SentVersion:
        launch = data.get("launch_date")
        messages, materials = data.get("key_messages") or [], data.get("materials") or []
        assert isinstance(messages, list) and isinstance(materials, list)
        return cls(
            name=str(data.get("name") or ""),
            product=str(data.get("product") or ""),
            goal=str(data.get("goal") or ""),
            key_messages=tuple(str(m) for m in messages),
            launch_date=date.fromisoformat(launch) if isinstance(launch, str) else None,
            materials=tuple(int(m) for m in materials),
        )

    def changes_to(self, now: SentVersion) -> tuple[Change, ...]:
        """What differs in ``now`` from this version, in the order the card lists fields."""
        found: list[Change] = []
        if now.name != self.name:
            found.append(Change(Field.NAME, self.name, now.name))
        if now.product != self.product:
            found.append(Change(Field.PRODUCT, self.product, now.product))
        if now.goal != self.goal:
            found.append(Change(Field.GOAL))
        if now.key_messages != self.key_messages:
            found.append(Change(Field.MESSAGES))
        if now.launch_date != self.launch_date:
            old, new = self.launch_date, now.launch_date
            found.append(
                Change(
                    Field.LAUNCH,
                    old.isoformat() if old else None,
                    new.isoformat() if new else None,
                )
            )
        if now.materials != self.materials:
            found.append(Change(Field.MATERIALS, str(len(self.materials)), str(len(now.materials))))
        return tuple(found)


@dataclass(frozen=True, slots=True)
class Note:
    """Update number ``number`` of a campaign (or its cancellation), with the marketer's text,
    what changed since the version recipients saw before it, and who wrote it."""

    number: int
    kind: NoteKind
    text: str
    changes: tuple[Change, ...] = ()
    by: int | None = field(default=None, compare=False)  # who sent it: not what it says
