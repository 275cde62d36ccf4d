"""The steps a person can be on with a meeting; each a typed flow state (kept in the
``flows`` table, so a restart or a walk away loses nothing).

* :class:`Drafting`: the organiser's wizard (title → kind → time or poll → duration → place →
  recurrence → participants → agenda), or one field typed from the draft's card;
* :class:`AddingTopic`: a participant's agenda topic (text or a voice note);
* :class:`Changing`: the organiser's new time or place of a scheduled meeting;
* :class:`Recording`: the organiser's decisions and action items after the meeting.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import ClassVar

from domain.meetings.recurrence import Scope


class Step(StrEnum):
    TITLE = "title"
    KIND = "kind"
    WHEN = "when"  # a typed time (typed here at once, or after its button), or a poll
    TIME = "time"
    SLOTS = "slots"
    DEADLINE = "deadline"
    DURATION = "duration"
    PLACE = "place"
    REPEAT = "repeat"
    REPEAT_END = "repeat_end"
    PARTICIPANTS = "participants"
    PEOPLE = "people"  # a name typed to find a person
    AGENDA = "agenda"


# The wizard asks these in order (TIME/SLOTS/DEADLINE follow WHEN; REPEAT_END follows REPEAT;
# PEOPLE is reached from PARTICIPANTS).
WIZARD: tuple[Step, ...] = (
    Step.TITLE,
    Step.KIND,
    Step.WHEN,
    Step.DURATION,
    Step.PLACE,
    Step.REPEAT,
    Step.PARTICIPANTS,
    Step.AGENDA,
)
TYPED = frozenset(
    {
        Step.TITLE,
        Step.WHEN,
        Step.TIME,
        Step.SLOTS,
        Step.DEADLINE,
        Step.DURATION,
        Step.PLACE,
        Step.REPEAT_END,
        Step.PEOPLE,
        Step.AGENDA,
    }
)


@dataclass(frozen=True, slots=True)
class Drafting:
    kind: ClassVar[str] = "meeting.draft"
    meeting_id: int
    step: Step
    wizard: bool = False

    @property
    def position(self) -> int | None:
        """The wizard step's number (from 1), sub-steps counted with their parent."""
        if not self.wizard:
            return None
        parent = {
            Step.TIME: Step.WHEN,
            Step.SLOTS: Step.WHEN,
            Step.DEADLINE: Step.WHEN,
            Step.REPEAT_END: Step.REPEAT,
            Step.PEOPLE: Step.PARTICIPANTS,
        }.get(self.step, self.step)
        return WIZARD.index(parent) + 1

    def after(self, step: Step) -> Drafting | None:
        """The wizard's step after ``step`` (None at the end, or outside the wizard)."""
        if not self.wizard:
            return None
        index = WIZARD.index(step) + 1
        return Drafting(self.meeting_id, WIZARD[index], True) if index < len(WIZARD) else None

    def to(self, step: Step) -> Drafting:
        return Drafting(self.meeting_id, step, self.wizard)


class Change(StrEnum):
    TIME = "time"
    PLACE = "place"


@dataclass(frozen=True, slots=True)
class Changing:
    kind: ClassVar[str] = "meeting.change"
    meeting_id: int
    what: Change
    scope: Scope = Scope.ONE


@dataclass(frozen=True, slots=True)
class AddingTopic:
    kind: ClassVar[str] = "meeting.topic"
    meeting_id: int


class Minute(StrEnum):
    DECISION = "decision"
    ACTION_TEXT = "action_text"
    ACTION_OWNER = "action_owner"  # buttons
    ACTION_DUE = "action_due"


@dataclass(frozen=True, slots=True)
class Recording:
    kind: ClassVar[str] = "meeting.minutes"
    meeting_id: int
    step: Minute
    text: str = ""
    owner_id: int | None = None
