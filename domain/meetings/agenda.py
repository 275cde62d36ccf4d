"""A meeting's agenda: topics in order, each the organiser's, a participant's (typed, or a
voice note kept by its Telegram file id), or, on a campaign's presentation, one of the
campaign's open questions or low-rated feedback comments. A dropped topic is gone from the
agenda; the agenda holds a bounded number of topics of bounded length."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

TOPIC_MAX = 500
MAX_TOPICS = 30


class TopicSource(StrEnum):
    ORGANISER = "organiser"
    PARTICIPANT = "participant"
    QUESTION = "question"  # a campaign's open question (presentations)
    FEEDBACK = "feedback"  # a campaign's low-rated feedback comment (presentations)


@dataclass(frozen=True, slots=True)
class Topic:
    id: int
    meeting_id: int
    position: int
    text: str
    source: TopicSource
    added_by: int | None
    added_at: datetime
    voice_file_id: str | None = None
