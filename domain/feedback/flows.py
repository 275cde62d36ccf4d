"""Field feedback's flows: a recipient adding to a submission, then reacting to the key
messages one by one; a marketer typing the prompt days.

The use cases in ``giving`` and ``settings`` move from one state to the next and save it in
the same unit of work as the change the step records.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from domain.campaigns.model import Campaign
from domain.feedback.model import Feedback
from domain.flows import FlowState


@dataclass(frozen=True, slots=True)
class AddingExtras:
    """A submission is rated: the person reacts to the key messages on one screen, and what
    they type or send now (a comment, photos, voice messages) is added to it, until they press
    Done. ``prompt``: that screen's message, sent again below what they add."""

    kind: ClassVar[str] = "feedback.extras"
    feedback_id: int
    campaign_id: int
    prompt: int | None = None


@dataclass(frozen=True, slots=True)
class Reacting:
    """The person is asked about key message ``index`` (from 0), one screen per message, as
    submissions were given before all of them came on one screen (kept for the screens still
    in chats); text or media they send meanwhile is still added to the submission."""

    kind: ClassVar[str] = "feedback.react"
    feedback_id: int
    campaign_id: int
    index: int


@dataclass(frozen=True, slots=True)
class TypingDays:
    """A marketer pressed "Other days": the next text is the campaign's prompt days."""

    kind: ClassVar[str] = "feedback.days"
    campaign_id: int


def extras_of(feedback: Feedback) -> AddingExtras:
    return AddingExtras(feedback.id, feedback.campaign_id)


def reaction_to(feedback: Feedback, campaign: Campaign, index: int) -> Reacting | None:
    """The step about key message ``index``, or None when no key message is left."""
    if index >= len(campaign.key_messages):
        return None
    return Reacting(feedback.id, campaign.id, index)


def is_giving(state: FlowState | None, feedback_id: int) -> bool:
    """Whether ``state`` is a step of giving this very submission."""
    return isinstance(state, AddingExtras | Reacting) and state.feedback_id == feedback_id
