"""What the outbox sends about briefing requests: for each kind, whether and what goes out.

The broadcast engine asks at the moment a row is due; the answer is a typed value (or a
``Skip`` saying why nothing is worth sending any more), and ``handlers/briefings/notices.py``
renders it in the recipient's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain.briefings import reports
from domain.briefings.kinds import ASK, ASK_BATCH
from domain.briefings.model import Answer, AnswerKind, Briefing
from domain.campaigns.model import Campaign
from domain.errors import Forbidden, NotFound
from domain.people import away
from domain.people.model import Person
from domain.ports import INACTIVE, DueDelivery, Skip, UnitOfWork, active_recipient

# Why a queued briefing message is not sent (recorded with the row).
GONE = Skip("gone")  # the briefing or its campaign was deleted
CLOSED = Skip("deadline-passed")  # answers are closed: asking or reminding is too late
ANSWERED = Skip("answered")  # every question has the person's answer
NOT_RECEIVED = Skip("not-received")  # the request to redraw never went out
OPEN = Skip("still-open")  # the deadline moved on? never closed early


@dataclass(frozen=True, slots=True)
class Request:
    """The request itself: the campaign it is about, the questions and the deadline — and,
    redrawn later, the recipient's answers so far (✅ and their first words), or that answers
    are closed."""

    recipient: Person
    briefing: Briefing
    campaign: Campaign
    answers: tuple[Answer, ...] = ()
    closed: bool = False

    def answer_to(self, question_id: int) -> Answer | None:
        return next((a for a in self.answers if a.question_id == question_id), None)

    @property
    def all_answered(self) -> bool:
        return not self.briefing.unanswered(self.answers)


@dataclass(frozen=True, slots=True)
class SentRequest:
    """The request as it went to the recipient (message ``message_id``), to redraw."""

    request: Request
    message_id: int

    @property
    def recipient(self) -> Person:
        return self.request.recipient


@dataclass(frozen=True, slots=True)
class BriefingReminder:
    """A reminder to someone who has ``left`` questions still open."""

    recipient: Person
    briefing: Briefing
    campaign: Campaign
    left: int


async def _open(
    uow: UnitOfWork, due: DueDelivery, now: datetime
) -> tuple[Person, Briefing, Campaign] | Skip:
    briefing = await uow.briefings.get(due.ref_id)
    campaign = await uow.campaigns.get(briefing.campaign_id) if briefing else None
    if briefing is None or campaign is None:
        return GONE
    person = await active_recipient(uow, due)
    if isinstance(person, Skip):
        return person
    if not briefing.open_for_answers(now):
        return CLOSED
    return person, briefing, campaign


async def request(uow: UnitOfWork, due: DueDelivery, now: datetime) -> Request | Skip:
    """Sent while the person is active and the briefing still takes answers: never after
    the deadline, however late it came due."""
    found = await _open(uow, due, now)
    return found if isinstance(found, Skip) else Request(*found)


async def sent_request(
    uow: UnitOfWork, person: Person, briefing: Briefing, campaign: Campaign, *, closed: bool
) -> SentRequest | None:
    """The request message the person got, with their answers now (None: it never went)."""
    message_id = await uow.outbox.message_id(ASK, briefing.id, ASK_BATCH, person.id)
    if message_id is None:
        return None
    answers = tuple(await uow.briefings.answers(briefing.id, person_id=person.id))
    return SentRequest(Request(person, briefing, campaign, answers, closed), message_id)


async def closing(uow: UnitOfWork, due: DueDelivery, now: datetime) -> SentRequest | Skip:
    """At the deadline, the request's buttons go: answers are closed. Only for someone it
    reached (the edit needs its message), and not before the deadline."""
    briefing = await uow.briefings.get(due.ref_id)
    campaign = await uow.campaigns.get(briefing.campaign_id) if briefing else None
    if briefing is None or campaign is None:
        return GONE
    person = await uow.people.get(due.person_id)
    if person is None:
        return INACTIVE
    if briefing.open_for_answers(now):
        return OPEN
    shown = await sent_request(uow, person, briefing, campaign, closed=True)
    return shown if shown is not None else NOT_RECEIVED


async def reminder(uow: UnitOfWork, due: DueDelivery, now: datetime) -> BriefingReminder | Skip:
    """Only to someone who has not answered every question, and never after the deadline."""
    found = await _open(uow, due, now)
    if isinstance(found, Skip):
        return found
    person, briefing, campaign = found
    mine = await uow.briefings.answers(briefing.id, person_id=person.id)
    left = len(briefing.unanswered(mine))
    if not left:
        return ANSWERED
    if await away.away_now(uow, person, now):
        return away.AWAY
    return BriefingReminder(person, briefing, campaign, left)


@dataclass(frozen=True, slots=True)
class AnswerFile:
    """A voice message (or other file) given as an answer, to the marketer who opened them."""

    recipient: Person
    kind: AnswerKind
    file_id: str
    name: str  # who gave it
    text: str | None  # what they wrote with it


async def answer_file(uow: UnitOfWork, due: DueDelivery, now: datetime) -> AnswerFile | Skip:
    """Sent while the person who asked may still read the briefing's answers, and the
    answer is still that file."""
    key = reports.answer_of(due.batch)
    if key is None:
        return GONE
    viewer = await active_recipient(uow, due)
    if isinstance(viewer, Skip):
        return viewer
    question_id, person_id = key
    try:
        given = await reports.files(
            uow,
            actor=viewer,
            briefing_id=due.ref_id,
            question_id=question_id,
            kind=AnswerKind.VOICE,
        )
    except (Forbidden, NotFound):
        return Skip("not-allowed")
    found = next((g for g in given if g.answer.person_id == person_id), None)
    if found is None or found.answer.file_id is None:
        return GONE
    name = found.person.full_name if found.person else "?"
    return AnswerFile(viewer, found.answer.kind, found.answer.file_id, name, found.answer.text)
