"""The slot poll: instead of a time, the organiser offers two to five candidate moments and a
deadline for the vote, which closes before the first of them. Each participant answers every
slot yes, if need be or no (a later answer replaces theirs). The best slot has the most yes,
then the most if-need-be, then is the earliest: the meeting takes it when the vote closes,
unless the organiser picked one before."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from domain.errors import InvalidInput
from domain.meetings.model import check_future

MIN_SLOTS, MAX_SLOTS = 2, 5


class Answer(StrEnum):
    """A participant's answer to one candidate slot."""

    YES = "yes"
    IF_NEED = "maybe"
    NO = "no"


@dataclass(frozen=True, slots=True)
class Slot:
    id: int
    meeting_id: int
    starts_at: datetime


@dataclass(frozen=True, slots=True)
class SlotVote:
    slot_id: int
    person_id: int
    answer: Answer


def check_slots(slots: Sequence[datetime], now: datetime) -> tuple[datetime, ...]:
    """2 to 5 different candidate moments, all ahead, in order."""
    ordered = tuple(sorted(set(slots)))
    if len(ordered) < MIN_SLOTS:
        raise InvalidInput("error-poll-too-few", minimum=MIN_SLOTS)
    if len(ordered) > MAX_SLOTS:
        raise InvalidInput("error-poll-too-many", maximum=MAX_SLOTS)
    for moment in ordered:
        check_future(moment, now)
    return ordered


def check_deadline(deadline: datetime, slots: Sequence[datetime], now: datetime) -> datetime:
    """The vote closes ahead, and before the first candidate slot."""
    check_future(deadline, now)
    if slots and deadline >= min(slots):
        raise InvalidInput("error-poll-deadline-late")
    return deadline


@dataclass(frozen=True, slots=True)
class SlotTally:
    slot: Slot
    yes: tuple[int, ...]
    if_need: tuple[int, ...]
    no: tuple[int, ...]

    @property
    def answered(self) -> int:
        return len(self.yes) + len(self.if_need) + len(self.no)


def tally(slots: Sequence[Slot], votes: Iterable[SlotVote]) -> list[SlotTally]:
    by_slot: dict[int, dict[Answer, list[int]]] = {s.id: {a: [] for a in Answer} for s in slots}
    for vote in votes:
        if vote.slot_id in by_slot:
            by_slot[vote.slot_id][vote.answer].append(vote.person_id)
    return [
        SlotTally(
            slot,
            tuple(sorted(by_slot[slot.id][Answer.YES])),
            tuple(sorted(by_slot[slot.id][Answer.IF_NEED])),
            tuple(sorted(by_slot[slot.id][Answer.NO])),
        )
        for slot in sorted(slots, key=lambda s: (s.starts_at, s.id))
    ]


def best_slot(tallies: Sequence[SlotTally]) -> Slot | None:
    """Most yes, then most if-need-be, then the earliest; None when nobody answered."""
    if not any(t.answered for t in tallies):
        return None
    best = min(tallies, key=lambda t: (-len(t.yes), -len(t.if_need), t.slot.starts_at, t.slot.id))
    return best.slot
