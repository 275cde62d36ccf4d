"""Briefing requests: before a campaign is built, marketing asks the field what it sees.

A briefing belongs to a campaign (draft or sent), has one or more questions — free answers
(text, photo, document or voice) or answer buttons — a deadline, and the campaign's audience.
It goes out through the outbox like an announcement; reps answer on their phones, one
question at a time or all in one go, and may change an answer until the deadline. Those who
have not answered everything are reminded on the same ladder rules as announcements.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum

from domain.campaigns.model import DEFAULT_LOCAL_TIME, Audience, Campaign, clean_text
from domain.errors import InvalidInput
from domain.people.model import Person
from domain.timezones import to_local

QUESTION_MAX = 500
OPTION_MAX = 40
MAX_OPTIONS = 6
MAX_QUESTIONS = 10
ANSWER_MAX = 3000


class BriefingStatus(StrEnum):
    DRAFT = "draft"
    SENT = "sent"
    CLOSED = "closed"


class AnswerKind(StrEnum):
    TEXT = "text"
    CHOICE = "choice"
    PHOTO = "photo"
    DOCUMENT = "document"
    VOICE = "voice"


@dataclass(frozen=True, slots=True)
class Question:
    id: int
    position: int
    text: str
    options: tuple[str, ...] = ()

    @property
    def has_buttons(self) -> bool:
        return bool(self.options)


@dataclass(frozen=True, slots=True)
class Briefing:
    id: int
    campaign_id: int
    created_by: int
    created_at: datetime
    deadline: datetime | None
    status: BriefingStatus
    sent_at: datetime | None = None
    questions: tuple[Question, ...] = field(default_factory=tuple)
    # None: the campaign's audience (the default); else its own selection.
    audience: Audience | None = None

    def open_for_answers(self, now: datetime) -> bool:
        return self.status is BriefingStatus.SENT and (self.deadline is None or now < self.deadline)

    def question(self, question_id: int) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    def with_(self, **changes: object) -> Briefing:
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Answer:
    question_id: int
    person_id: int
    kind: AnswerKind
    text: str | None
    file_id: str | None
    file_name: str | None
    answered_at: datetime
    changed: bool = False


def parse_options(raw: str) -> tuple[str, ...]:
    """Answer buttons typed one per line, or separated by ``;``."""
    parts = [" ".join(p.split()) for p in raw.replace(";", "\n").splitlines()]
    options = tuple(p for p in parts if p)
    if len(options) < 2:
        raise InvalidInput("error-options-too-few")
    if len(options) > MAX_OPTIONS:
        raise InvalidInput("error-options-too-many", limit=MAX_OPTIONS)
    if any(len(o) > OPTION_MAX for o in options):
        raise InvalidInput("error-option-too-long", limit=OPTION_MAX)
    if len({o.casefold() for o in options}) != len(options):
        raise InvalidInput("error-options-repeat")
    return options


def clean_question(raw: str) -> str:
    return clean_text(raw, limit=QUESTION_MAX)


def clean_answer(raw: str) -> str:
    return clean_text(raw, limit=ANSWER_MAX)


def audience_for(briefing: Briefing, campaign: Campaign) -> Audience:
    """The briefing's own audience if it has one, else the campaign's."""
    audience = briefing.audience if briefing.audience is not None else campaign.audience
    if audience.is_empty:
        raise InvalidInput("error-briefing-no-audience")
    return audience


def reminder_moments(briefing: Briefing, person: Person, *, sent: datetime) -> list[datetime]:
    """24 h after it was sent, and 10:00 local the day before the deadline — each outside
    quiet hours, before the deadline and at least an hour after the request itself."""
    candidates = [sent + timedelta(hours=24)]
    if briefing.deadline is not None:
        local_deadline = to_local(briefing.deadline, person.timezone)
        eve = (local_deadline - timedelta(days=1)).replace(
            hour=DEFAULT_LOCAL_TIME.hour, minute=DEFAULT_LOCAL_TIME.minute, second=0, microsecond=0
        )
        candidates.append(eve.astimezone(sent.tzinfo))
    moments: list[datetime] = []
    for moment in sorted(candidates):
        if person.quiet_hours is not None:
            moment = person.quiet_hours.next_allowed(moment, person.timezone)
        if moment < sent + timedelta(hours=1):
            continue
        if briefing.deadline is not None and moment >= briefing.deadline:
            continue
        if moments and moment <= moments[-1] + timedelta(hours=1):
            continue
        moments.append(moment)
    return moments


@dataclass(frozen=True, slots=True)
class TeamProgress:
    team_id: int | None
    recipients: int
    answered: int  # answered every question
    partly: int


@dataclass(frozen=True, slots=True)
class Progress:
    recipients: int
    answered: int
    partly: int
    not_answered: tuple[Person, ...]
    teams: tuple[TeamProgress, ...]


def progress(briefing: Briefing, people: Sequence[Person], answers: Sequence[Answer]) -> Progress:
    """Who has answered everything, who some, who nothing — per team too."""
    questions = {q.id for q in briefing.questions}
    by_person: dict[int, set[int]] = {}
    for answer in answers:
        if answer.question_id in questions:
            by_person.setdefault(answer.person_id, set()).add(answer.question_id)

    def state(person: Person) -> str:
        done = by_person.get(person.id, set())
        if questions and done >= questions:
            return "all"
        return "some" if done else "none"

    teams: dict[int | None, list[str]] = {}
    for person in people:
        teams.setdefault(person.team_id, []).append(state(person))
    states = [state(p) for p in people]
    return Progress(
        recipients=len(people),
        answered=states.count("all"),
        partly=states.count("some"),
        not_answered=tuple(
            sorted((p for p in people if state(p) != "all"), key=lambda p: p.full_name.lower())
        ),
        teams=tuple(
            TeamProgress(team_id, len(group), group.count("all"), group.count("some"))
            for team_id, group in sorted(
                teams.items(), key=lambda item: (item[0] is None, item[0] or 0)
            )
        ),
    )
