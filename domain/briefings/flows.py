"""The steps of briefing requests that wait for something typed or sent.

The marketer's builder waits for a question, the answer buttons of one question, or a
deadline; a rep waits on one question at a time, either going through them all in turn
("answer all") or answering the one they pressed. Each step is stored as one of these states
(see :mod:`domain.flows`), so a restart or a walk away continues where the person was.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from typing import ClassVar

from domain.briefings.model import Briefing

# The builder is one message, edited in place. A step that waits for typed text asks in a
# message of its own; each of those steps keeps the two messages' ids: ``screen``, the builder
# to redraw once the step is done (None: show it anew), and ``prompt``, the question to remove
# then (None: not sent yet, or nothing to remove).


@dataclass(frozen=True, slots=True)
class WritingQuestion:
    """The marketer is to type the next question of a draft."""

    kind: ClassVar[str] = "briefing.question"
    briefing_id: int
    screen: int | None = None
    prompt: int | None = None


@dataclass(frozen=True, slots=True)
class WritingOptions:
    """The marketer is to type the answer buttons of one question, one per line."""

    kind: ClassVar[str] = "briefing.options"
    briefing_id: int
    question_id: int
    screen: int | None = None
    prompt: int | None = None


@dataclass(frozen=True, slots=True)
class TypingDeadline:
    """The marketer is to type the deadline, as a date and time in their own zone."""

    kind: ClassVar[str] = "briefing.deadline"
    briefing_id: int
    screen: int | None = None
    prompt: int | None = None


BuilderStep = WritingQuestion | WritingOptions | TypingDeadline
BUILDER_STEPS = (WritingQuestion, WritingOptions, TypingDeadline)


class AnswerMode(StrEnum):
    ALL = "all"  # every question in turn, from the first open one
    ONE = "one"  # only the question pressed


@dataclass(frozen=True, slots=True)
class Answering:
    """A rep is to answer one question of a briefing (text, a photo, a document, voice)."""

    kind: ClassVar[str] = "briefing.answer"
    briefing_id: int
    question_id: int
    mode: AnswerMode = AnswerMode.ONE

    def after(self, briefing: Briefing) -> Answering | None:
        """The step after this question is answered or skipped: in "answer all", the next
        question in order; otherwise (or after the last one) none — the rep is done."""
        if self.mode is not AnswerMode.ALL:
            return None
        following = briefing.question_after(self.question_id)
        return replace(self, question_id=following.id) if following is not None else None
