"""The steps a marketer can be on while building, scheduling or changing a campaign.

Each is a typed flow state (kept in the ``flows`` table, so a restart or a walk away loses
nothing); the use cases that record a step save the next state in the same unit of work.

* :class:`Drafting`: the wizard (name → product → goal → key messages → launch → audience →
  materials), or one field being filled in from the card;
* :class:`EditingKeyMessage`: the new text of one key message;
* :class:`TypingMoment`: a date and time typed for the announcement, then how to read it
  (that moment for everyone, or that wall-clock time in each person's zone);
* :class:`Confirming`: the schedule chosen, waiting for ✅;
* :class:`WritingNote`: the note of an update or of the cancellation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import ClassVar

from domain.campaigns.model import Campaign
from domain.campaigns.schedule import Schedule
from domain.campaigns.versions import NoteKind


class Step(StrEnum):
    NAME = "name"
    PRODUCT = "product"
    GOAL = "goal"
    MESSAGES = "messages"
    LAUNCH = "launch"
    AUDIENCE = "audience"
    MATERIALS = "materials"


# The wizard asks every step, in this order.
WIZARD: tuple[Step, ...] = tuple(Step)
# The steps answered by typing one value.
TEXT_FIELDS = frozenset({Step.NAME, Step.PRODUCT, Step.GOAL, Step.LAUNCH})


@dataclass(frozen=True, slots=True)
class Drafting:
    """Filling in ``step`` of a campaign: in the wizard, or one field from the card."""

    kind: ClassVar[str] = "campaign.step"
    campaign_id: int
    step: Step
    wizard: bool = False

    @property
    def position(self) -> int | None:
        """The step's number in the wizard (from 1); None outside the wizard."""
        return WIZARD.index(self.step) + 1 if self.wizard else None

    def next(self) -> Drafting | None:
        """The wizard's next step; None at its end, or when one field was being edited."""
        if not self.wizard:
            return None
        index = WIZARD.index(self.step) + 1
        return (
            Drafting(self.campaign_id, WIZARD[index], wizard=True) if index < len(WIZARD) else None
        )

    @property
    def takes_files(self) -> bool:
        return self.step is Step.MATERIALS

    @property
    def asked_again_after_a_file(self) -> Step | None:
        """After a file where text was expected, the step to ask again (the audience is
        chosen with buttons, so its question is still on screen)."""
        return None if self.step in (Step.AUDIENCE, Step.MATERIALS) else self.step

    def is_on(self, campaign_id: int, step: Step) -> bool:
        return self.campaign_id == campaign_id and self.step is step


def resume_at(campaign: Campaign) -> Drafting:
    """The wizard, at the first step still missing (the materials when nothing is)."""
    missing = campaign.missing()
    return Drafting(campaign.id, Step(missing[0]) if missing else Step.MATERIALS, wizard=True)


@dataclass(frozen=True, slots=True)
class EditingKeyMessage:
    """Waiting for the new text of key message ``index`` (from 0)."""

    kind: ClassVar[str] = "campaign.key_message"
    campaign_id: int
    index: int


@dataclass(frozen=True, slots=True)
class TypingMoment:
    """Waiting for a date and time; once ``typed`` (a wall-clock moment in the marketer's
    zone), waiting for how to read it. Typing again replaces it."""

    kind: ClassVar[str] = "campaign.moment"
    campaign_id: int
    typed: datetime | None = None


@dataclass(frozen=True, slots=True)
class Confirming:
    """The marketer chose ``schedule``; ✅ sends or schedules it."""

    kind: ClassVar[str] = "campaign.confirm"
    campaign_id: int
    schedule: Schedule


@dataclass(frozen=True, slots=True)
class WritingNote:
    """Waiting for the note of an update (or of the cancellation) of an announced campaign;
    ``prompt``: the message asking for it, removed once it is typed."""

    kind: ClassVar[str] = "campaign.note"
    campaign_id: int
    purpose: NoteKind
    prompt: int | None = None
