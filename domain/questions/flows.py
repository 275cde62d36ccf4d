"""The questions feature's flows: a recipient typing a question, a marketer typing an answer.

A step that records something (the question asked, the answer given) ends its flow in the same
unit of work. Bad input keeps the person on the step, to try again; any other refusal (the
campaign was cancelled, someone else answered meanwhile) means there is nothing left to wait
for, and the flow ends.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from domain import flows
from domain.errors import DomainError
from domain.flows import FlowRepo, FlowState

# Refusals that leave the person on the same step: what they sent was not right, this time.
RETRY_KEYS = frozenset(
    {"error-text-expected", "error-text-length", "error-question-kind", "error-answer-text"}
)


@dataclass(frozen=True, slots=True)
class AskingQuestion:
    """Waiting for a recipient's question (text, photo or voice) about a campaign."""

    kind: ClassVar[str] = "questions.ask"
    campaign_id: int


@dataclass(frozen=True, slots=True)
class AnsweringQuestion:
    """Waiting for a marketer's answer to a question, to publish to the FAQ or not."""

    kind: ClassVar[str] = "questions.answer"
    question_id: int
    publish: bool = False


def ends_flow(error: DomainError) -> bool:
    """A refusal at a step ends the flow unless it was about what the person sent."""
    return error.key not in RETRY_KEYS


async def finish(repo: FlowRepo, person_id: int, cls: type[FlowState]) -> None:
    """The step is done: close the person's flow if it is still this one."""
    if await flows.current(repo, person_id, cls) is not None:
        await repo.delete(person_id)
