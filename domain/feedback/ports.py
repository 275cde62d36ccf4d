"""What field feedback needs from storage."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from domain.feedback.model import (
    Feedback,
    FeedbackSettings,
    MediaKind,
    NewFeedback,
    Reaction,
    SentPrompt,
)


class FeedbackRepo(Protocol):
    async def settings(self, campaign_id: int) -> FeedbackSettings: ...
    async def save_settings(
        self, settings: FeedbackSettings, *, by: int, now: datetime
    ) -> None: ...
    async def reached(self, campaign_id: int) -> dict[int, datetime]:
        """person id -> when the campaign's announcement reached them."""
        ...

    async def sent_prompt(
        self, person_id: int, campaign_id: int, message_id: int
    ) -> SentPrompt | None:
        """The scheduled prompt that went out to the person as message ``message_id``; None
        when that message is none of their prompts (the announcement button's own)."""
        ...

    async def add(self, new: NewFeedback) -> Feedback: ...
    async def get(self, feedback_id: int) -> Feedback | None: ...
    async def by_origin(self, person_id: int, campaign_id: int, origin: int) -> Feedback | None: ...
    async def set_rating(self, feedback_id: int, rating: int, *, now: datetime) -> None: ...
    async def set_comment(self, feedback_id: int, comment: str, *, now: datetime) -> None: ...
    async def add_attachment(
        self, feedback_id: int, kind: MediaKind, file_id: str, *, now: datetime
    ) -> None: ...
    async def set_reaction(
        self, feedback_id: int, index: int, message: str, reaction: Reaction, *, now: datetime
    ) -> None: ...
    async def for_campaign(
        self, campaign_id: int, *, team_id: int | None = None
    ) -> Sequence[Feedback]: ...
    async def counts(
        self, campaign_ids: Sequence[int], *, team_id: int | None = None
    ) -> dict[int, int]: ...
