"""Briefing requests: before a campaign is built, marketing asks the field what it sees.

A briefing belongs to a campaign (draft or sent), has one or more questions — free answers
(text, photo, document or voice) or answer buttons — a deadline, and the campaign's audience.
It goes out through the outbox like an announcement; reps answer on their phones, one
question at a time or all in one go, and may change an answer until the deadline. Those who
have not answered everything are reminded on the same ladder rules as announcements.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, time, timedelta
from enum import StrEnum

from domain.campaigns.model import Audience, Campaign, clean_text
from domain.campaigns.schedule import DEFAULT_LOCAL_TIME
from domain.dates import parse_local_datetime
from domain.errors import InvalidInput
from domain.people.model import Person, Role
from domain.timezones import at_local, from_local, in_days_at, to_local

QUESTION_MAX = 500
OPTION_MAX = 40
MAX_OPTIONS = 6
MAX_QUESTIONS = 10
ANSWER_MAX = 3000
# The deadline buttons: "in 3 days, 18:00" and "in 7 days, 18:00", in the marketer's zone.
QUICK_DEADLINE_DAYS = (3, 7)
DEADLINE_LOCAL_TIME = time(18, 0)


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


# Answers that are files: the marketer opens them from the answers page, one kind at a time.
MEDIA_KINDS = (AnswerKind.PHOTO, AnswerKind.VOICE, AnswerKind.DOCUMENT)


@dataclass(frozen=True, slots=True)
class BriefingQuestion:
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
    questions: tuple[BriefingQuestion, ...] = field(default_factory=tuple)
    # None: the campaign's audience (the default); else its own selection.
    audience: Audience | None = None

    @property
    def is_draft(self) -> bool:
        return self.status is BriefingStatus.DRAFT

    def check_draft(self) -> None:
        """Only a draft is edited: the questions, deadline and audience are what people got."""
        if not self.is_draft:
            raise InvalidInput("error-briefing-sent")

    def open_for_answers(self, now: datetime) -> bool:
        return self.status is BriefingStatus.SENT and (self.deadline is None or now < self.deadline)

    def check_open(self, now: datetime) -> None:
        if not self.open_for_answers(now):
            raise InvalidInput("error-briefing-closed")

    def status_at(self, now: datetime) -> BriefingStatus:
        """What the briefing reads as at ``now``: a sent one past its deadline is closed."""
        if self.status is BriefingStatus.SENT and not self.open_for_answers(now):
            return BriefingStatus.CLOSED
        return self.status

    def audience_in(self, campaign: Campaign) -> Audience:
        """Whom it goes to: its own audience if the marketer chose one, else the campaign's."""
        return self.audience if self.audience is not None else campaign.audience

    def question(self, question_id: int) -> BriefingQuestion | None:
        return next((q for q in self.questions if q.id == question_id), None)

    def question_at(self, index: int) -> BriefingQuestion:
        """The question at ``index`` (from 0), the nearest one for an index out of range."""
        if not self.questions:
            raise InvalidInput("error-briefing-no-questions")
        return self.questions[min(max(index, 0), len(self.questions) - 1)]

    def question_after(self, question_id: int) -> BriefingQuestion | None:
        """The next question in order, None after the last one."""
        ids = [q.id for q in self.questions]
        index = ids.index(question_id) + 1 if question_id in ids else len(ids)
        return self.questions[index] if index < len(ids) else None

    def unanswered(self, answers: Iterable[Answer]) -> tuple[BriefingQuestion, ...]:
        """The questions without an answer among ``answers`` (one person's)."""
        done = {a.question_id for a in answers}
        return tuple(q for q in self.questions if q.id not in done)

    def first_to_answer(self, answers: Iterable[Answer]) -> BriefingQuestion:
        """Where "answer all" starts: the first open question, else (all answered) the first."""
        if not self.questions:
            raise InvalidInput("error-briefing-no-questions")
        open_ = self.unanswered(answers)
        return open_[0] if open_ else self.questions[0]

    def check_sendable(self, now: datetime) -> None:
        """A draft with questions and a deadline still ahead."""
        self.check_draft()
        if not self.questions:
            raise InvalidInput("error-briefing-no-questions")
        if self.deadline is None:
            raise InvalidInput("error-briefing-no-deadline")
        if self.deadline <= now:
            raise InvalidInput("error-deadline-past")

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


@dataclass(frozen=True, slots=True)
class Reply:
    """What a rep sent as an answer: typed text, a button's option, or a file with a caption."""

    kind: AnswerKind
    text: str | None = None
    file_id: str | None = None
    file_name: str | None = None

    def checked_for(self, question: BriefingQuestion) -> Reply:
        """The reply as it is kept, or InvalidInput if it does not answer ``question``."""
        if self.kind is AnswerKind.CHOICE:
            if self.text not in question.options:
                raise InvalidInput()
            return self
        if question.has_buttons:
            raise InvalidInput("error-use-answer-buttons")
        if self.kind is AnswerKind.TEXT:
            return replace(self, text=clean_answer(self.text or ""), file_id=None, file_name=None)
        if self.file_id is None:
            raise InvalidInput()
        return replace(self, text=clean_answer(self.text) if self.text else None)


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


def toggled(
    audience: Audience,
    *,
    all_reps: bool = False,
    team_id: int | None = None,
    role: Role | None = None,
    region: Collection[int] = (),
) -> Audience:
    """``audience`` with one tick flipped: all reps, a team, a role or a region's teams."""
    return audience.toggled(all_reps=all_reps, team_id=team_id, role=role, region=region)


def quick_deadline(now: datetime, timezone: str, days: int) -> datetime:
    """``days`` days from today in the marketer's zone, at 18:00 there."""
    if days not in QUICK_DEADLINE_DAYS:
        raise InvalidInput()
    return in_days_at(now, timezone, days, DEADLINE_LOCAL_TIME)


def typed_deadline(text: str, *, now: datetime, timezone: str) -> datetime:
    """A deadline typed as a date and time in the marketer's zone (``27.11 18:00``)."""
    return from_local(parse_local_datetime(text, now_local=to_local(now, timezone)), timezone)


def _outside_quiet_hours(person: Person, moment: datetime) -> datetime:
    if person.quiet_hours is None:
        return moment
    return person.quiet_hours.next_allowed(moment, person.timezone)


def request_moment(person: Person, *, now: datetime) -> datetime:
    """The request goes out at once, but not inside the person's quiet hours."""
    return _outside_quiet_hours(person, now)


def reminder_rungs(
    briefing: Briefing, person: Person, *, sent: datetime
) -> list[tuple[int, datetime]]:
    """Rung 1: 24 h after the request reached the person (at ``sent``); rung 2: 10:00 local
    the day before the deadline — each outside quiet hours, before the deadline, at least an
    hour after the request itself and more than an hour after the rung before. In order of
    their moments, each with its number."""
    candidates = [(1, sent + timedelta(hours=24))]
    if briefing.deadline is not None:
        eve = to_local(briefing.deadline, person.timezone).date() - timedelta(days=1)
        candidates.append((2, at_local(eve, DEFAULT_LOCAL_TIME, person.timezone)))
    rungs: list[tuple[int, datetime]] = []
    for number, moment in sorted(candidates, key=lambda rung: rung[1]):
        moment = _outside_quiet_hours(person, moment)
        if moment < sent + timedelta(hours=1):
            continue
        if briefing.deadline is not None and moment >= briefing.deadline:
            continue
        if rungs and moment <= rungs[-1][1] + timedelta(hours=1):
            continue
        rungs.append((number, moment))
    return rungs


def reminder_moments(briefing: Briefing, person: Person, *, sent: datetime) -> list[datetime]:
    """The moments of :func:`reminder_rungs`."""
    return [moment for _, moment in reminder_rungs(briefing, person, sent=sent)]


@dataclass(frozen=True, slots=True)
class TeamProgress:
    team_id: int | None
    recipients: int
    answered: int  # answered every question
    partly: int


@dataclass(frozen=True, slots=True)
class BriefingProgress:
    recipients: int
    answered: int
    partly: int
    not_answered: tuple[Person, ...]
    teams: tuple[TeamProgress, ...]

    @property
    def percent(self) -> int:
        """Who answered everything, as a share of the recipients."""
        return round(100 * self.answered / self.recipients) if self.recipients else 0


def progress(
    briefing: Briefing, people: Sequence[Person], answers: Sequence[Answer]
) -> BriefingProgress:
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
    return BriefingProgress(
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
