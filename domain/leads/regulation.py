"""The lead-qualification regulation: numbered clauses and the settings it fixes, versioned.

Section 1 holds the grounds for a dispute, section 2 the grounds for a return, section 3
what is explicitly *not* a ground. A clause keeps its number for ever (a retired number is not
given again), so a dispute that cites ``1.2`` of version 3 can always show that clause as it
was. Every version but the newest draft is frozen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum

from domain.errors import InvalidInput, NotFound

TITLE_MAX = 120
BODY_MAX = 1500
SUMMARY_MAX = 1500


class ClauseKind(StrEnum):
    DISPUTE = "dispute"
    RETURN = "return"
    NONE = "none"  # explicitly not a ground


SECTIONS: dict[ClauseKind, int] = {ClauseKind.DISPUTE: 1, ClauseKind.RETURN: 2, ClauseKind.NONE: 3}


class RegulationStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"


class Setting(StrEnum):
    WINDOW = "window"  # dispute window, calendar hours after assignment
    FIRST_ACTION = "first"  # first-action SLA, working minutes
    DECISION = "decision"  # the analyst's decision SLA, working minutes
    CAP = "cap"  # disputes as a share of a rep's leads over CAP_DAYS, percent


CAP_DAYS = 30
# What each setting accepts, in the unit it is typed in (hours, or percent).
LIMITS: dict[Setting, tuple[int, int]] = {
    Setting.WINDOW: (1, 24 * 30),
    Setting.FIRST_ACTION: (1, 24 * 5),
    Setting.DECISION: (1, 24 * 10),
    Setting.CAP: (1, 100),
}


@dataclass(frozen=True, slots=True)
class Settings:
    dispute_window_hours: int = 72
    first_action_minutes: int = 120  # 2 working hours
    decision_minutes: int = 540  # 1 working day of 09:00-18:00
    dispute_cap_percent: int = 20

    def value(self, setting: Setting) -> int:
        """In the unit it is typed and shown in: hours, or percent."""
        return {
            Setting.WINDOW: self.dispute_window_hours,
            Setting.FIRST_ACTION: self.first_action_minutes // 60,
            Setting.DECISION: self.decision_minutes // 60,
            Setting.CAP: self.dispute_cap_percent,
        }[setting]

    def changed(self, setting: Setting, raw: str) -> Settings:
        text = raw.strip().rstrip("%").strip()
        if not text.isdigit() or len(text) > 6:
            raise InvalidInput("error-regulation-number")
        value = int(text)
        low, high = LIMITS[setting]
        if not low <= value <= high:
            raise InvalidInput("error-regulation-range", low=low, high=high)
        if setting is Setting.WINDOW:
            return replace(self, dispute_window_hours=value)
        if setting is Setting.FIRST_ACTION:
            return replace(self, first_action_minutes=value * 60)
        if setting is Setting.DECISION:
            return replace(self, decision_minutes=value * 60)
        return replace(self, dispute_cap_percent=value)


@dataclass(frozen=True, slots=True)
class Clause:
    number: str
    kind: ClauseKind
    title: str
    body: str
    position: int = 0

    @property
    def section(self) -> int:
        return int(self.number.split(".")[0])

    @property
    def sort_key(self) -> tuple[int, int]:
        section, place = self.number.split(".")
        return int(section), int(place)


@dataclass(frozen=True, slots=True)
class Regulation:
    version: int
    status: RegulationStatus
    settings: Settings
    clauses: tuple[Clause, ...] = field(default_factory=tuple)
    summary: str = ""
    created_at: datetime | None = None
    published_at: datetime | None = None
    published_by: int | None = None

    @property
    def is_draft(self) -> bool:
        return self.status is RegulationStatus.DRAFT

    def clause(self, number: str) -> Clause:
        found = next((c for c in self.clauses if c.number == number), None)
        if found is None:
            raise NotFound()
        return found

    def grounds(self, kind: ClauseKind) -> tuple[Clause, ...]:
        return tuple(c for c in self.ordered() if c.kind is kind)

    def ordered(self) -> tuple[Clause, ...]:
        return tuple(sorted(self.clauses, key=lambda c: c.sort_key))

    def with_(self, **changes: object) -> Regulation:
        return replace(self, **changes)  # type: ignore[arg-type]


def clean_title(raw: str) -> str:
    title = " ".join(raw.split())
    if not title:
        raise InvalidInput("error-text-expected")
    if len(title) > TITLE_MAX:
        raise InvalidInput("error-text-length", limit=TITLE_MAX, length=len(title))
    return title


def clean_body(raw: str, *, limit: int = BODY_MAX) -> str:
    body = raw.strip()
    if not body:
        raise InvalidInput("error-text-expected")
    if len(body) > limit:
        raise InvalidInput("error-text-length", limit=limit, length=len(body))
    return body


def next_number(kind: ClauseKind, used: Sequence[str]) -> str:
    """The next number in the kind's section, never reusing one any version had."""
    section = SECTIONS[kind]
    places = [int(n.split(".")[1]) for n in used if int(n.split(".")[0]) == section]
    return f"{section}.{max(places, default=0) + 1}"
