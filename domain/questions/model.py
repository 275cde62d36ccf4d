"""Questions about a campaign: what a question is, and the pure rules about it (see
:mod:`domain.questions.access` for who may do what, :mod:`domain.questions.outbox` for who is
told what)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Literal

from domain.campaigns.model import Campaign, clean_text
from domain.errors import InvalidInput, NotFound
from domain.people.model import Person, Role
from domain.permissions import Action, can

QUESTION_MAX = 1000  # characters of a question or a photo's caption (Telegram allows 1024)
ANSWER_MAX = 2000
REMIND_AFTER = timedelta(hours=24)


class QuestionKind(StrEnum):
    TEXT = "text"
    PHOTO = "photo"
    VOICE = "voice"


class QuestionStatus(StrEnum):
    OPEN = "open"
    ANSWERED = "answered"
    DUPLICATE = "duplicate"


@dataclass(frozen=True, slots=True)
class NewQuestion:
    campaign_id: int
    asked_by: int
    kind: QuestionKind
    text: str | None
    file_id: str | None
    message_id: int | None
    asked_at: datetime


@dataclass(frozen=True, slots=True)
class Question:
    id: int
    campaign_id: int
    asked_by: int
    kind: QuestionKind
    text: str | None
    file_id: str | None
    message_id: int | None
    asked_at: datetime
    status: QuestionStatus = QuestionStatus.OPEN
    answer: str | None = None
    answered_by: int | None = None
    answered_at: datetime | None = None
    duplicate_of: int | None = None
    published_at: datetime | None = None
    broadcast_at: datetime | None = None
    reminded_at: datetime | None = None
    votes: int = 0

    @property
    def is_open(self) -> bool:
        return self.status is QuestionStatus.OPEN

    @property
    def in_faq(self) -> bool:
        return self.published_at is not None

    @property
    def can_be_published(self) -> bool:
        """Answered directly (a duplicate's answer is the original's) and not in the FAQ yet."""
        return self.status is QuestionStatus.ANSWERED and not self.in_faq

    @property
    def can_be_broadcast(self) -> bool:
        """In the FAQ and not yet sent to every recipient (that happens once)."""
        return self.in_faq and self.broadcast_at is None

    def with_(self, **changes: object) -> Question:
        return replace(self, **changes)  # type: ignore[arg-type]


# --- pure rules ----------------------------------------------------------------------------------


def clean_question(
    kind: QuestionKind, text: str | None, file_id: str | None
) -> tuple[str | None, str | None]:
    """The (text, file id) to store: a text question needs text; a photo may have a caption;
    a voice message is only its file."""
    if kind is QuestionKind.TEXT:
        return clean_text(text or "", limit=QUESTION_MAX), None
    if not file_id:
        raise InvalidInput("error-question-kind")
    if kind is QuestionKind.VOICE:
        return None, file_id
    caption = (text or "").strip()
    if len(caption) > QUESTION_MAX:
        raise InvalidInput("error-text-length", limit=QUESTION_MAX, length=len(caption))
    return caption or None, file_id


def clean_answer(raw: str) -> str:
    return clean_text(raw, limit=ANSWER_MAX)


def queue_order(questions: Iterable[Question]) -> list[Question]:
    """Most "me too" votes first, then the longest waiting."""
    return sorted(questions, key=lambda q: (-q.votes, q.asked_at, q.id))


def reminder_due(question: Question, now: datetime, *, after: timedelta = REMIND_AFTER) -> bool:
    return question.is_open and question.reminded_at is None and now - question.asked_at >= after


AgeUnit = Literal["minutes", "hours", "days"]


def age(since: datetime, now: datetime) -> tuple[AgeUnit, int]:
    """How long ago, in the largest unit that fits: under an hour in minutes, under two days in
    hours, then in days (whole units, rounded down)."""
    seconds = max(0, int((now - since).total_seconds()))
    if seconds < 3600:
        return "minutes", seconds // 60
    if seconds < 48 * 3600:
        return "hours", seconds // 3600
    return "days", seconds // 86400


def answerers(campaign: Campaign, people: Iterable[Person]) -> list[Person]:
    """Who is told about the campaign's questions: its creator if they may still answer, plus
    every active marketer; when there is nobody of the kind (the creator left and there are no
    marketers), every active admin, so no question goes unseen."""
    active = [p for p in people if p.active]
    chosen = [
        p
        for p in active
        if (p.id == campaign.created_by and can(p, Action.ANSWER_QUESTIONS))
        or Role.MARKETER in p.roles
    ]
    if not chosen:
        chosen = [p for p in active if Role.ADMIN in p.roles]
    return sorted(chosen, key=lambda p: p.id)


def check_duplicate(question: Question, original: Question) -> None:
    """``question`` may be closed with ``original``'s answer."""
    if original.id == question.id or original.campaign_id != question.campaign_id:
        raise NotFound()
    if original.status is not QuestionStatus.ANSWERED or not original.answer:
        raise InvalidInput("error-question-not-answered")
