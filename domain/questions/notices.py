"""What the outbox sends about questions: for each kind, whether and what goes out.

The broadcast engine asks at the moment a row is due; the answer is a typed value (or a
``Skip`` saying why nothing is worth sending any more), and ``handlers/questions/notices.py``
renders it in the recipient's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain.campaigns.model import Campaign
from domain.people.model import Person
from domain.permissions import Action, can
from domain.ports import INACTIVE, DueDelivery, Skip, UnitOfWork, active_recipient
from domain.questions import outbox
from domain.questions.answering import QuestionCard, card_of
from domain.questions.model import Question, QuestionStatus

# Why a queued question message is not sent (recorded with the row).
GONE = Skip("gone")  # the question (or its campaign) is no longer there
CLOSED = Skip("question-closed")  # answered or marked a duplicate meanwhile
MAY_NOT_ANSWER = Skip("may-not-answer")  # no longer among those who answer questions
NOT_RECEIVED = Skip("not-received")  # the card to edit never went out
NO_ANSWER = Skip("no-answer")
NOT_IN_FAQ = Skip("not-in-faq")  # taken out of the FAQ meanwhile


@dataclass(frozen=True, slots=True)
class CardNotice:
    """A new question's card, or its reminder, for someone who answers questions."""

    recipient: Person
    card: QuestionCard
    reminder: bool


async def _card(uow: UnitOfWork, due: DueDelivery, *, reminder: bool) -> CardNotice | Skip:
    """Sent while the question is open and the recipient may still answer it."""
    question = await uow.questions.get(due.ref_id)
    if question is None:
        return GONE
    person = await uow.people.get(due.person_id)
    if person is None:
        return INACTIVE
    if not question.is_open:
        return CLOSED
    if not can(person, Action.ANSWER_QUESTIONS):
        return MAY_NOT_ANSWER
    return CardNotice(person, await card_of(uow, question), reminder)


async def new_question(uow: UnitOfWork, due: DueDelivery, now: datetime) -> CardNotice | Skip:
    return await _card(uow, due, reminder=False)


async def question_reminder(uow: UnitOfWork, due: DueDelivery, now: datetime) -> CardNotice | Skip:
    return await _card(uow, due, reminder=True)


@dataclass(frozen=True, slots=True)
class ClosedCard:
    """An earlier card, edited to say who answered the question (or marked it a duplicate)."""

    recipient: Person
    question: Question
    campaign: Campaign | None
    answerer: Person | None
    message_id: int  # the card to edit

    @property
    def as_duplicate(self) -> bool:
        return self.question.status is QuestionStatus.DUPLICATE


async def closed_card(uow: UnitOfWork, due: DueDelivery, now: datetime) -> ClosedCard | Skip:
    """Sent only where the card went out: the row's batch names the card it edits."""
    card_kind = outbox.CARDS.get(due.batch)
    question = await uow.questions.get(due.ref_id)
    if card_kind is None or question is None:
        return GONE
    person = await uow.people.get(due.person_id)
    if person is None:
        return INACTIVE
    message_id = await uow.outbox.message_id(card_kind, due.ref_id, due.batch, due.person_id)
    if message_id is None:
        return NOT_RECEIVED
    campaign = await uow.campaigns.get(question.campaign_id)
    answerer = (
        await uow.people.get(question.answered_by) if question.answered_by is not None else None
    )
    return ClosedCard(person, question, campaign, answerer, message_id)


@dataclass(frozen=True, slots=True)
class AnswerNotice:
    """The answer, to the asker or to someone who said "me too"."""

    recipient: Person
    question: Question
    campaign: Campaign
    to_asker: bool
    # The asker gets it as a reply to the message in which they asked.
    reply_to_message_id: int | None

    @property
    def asked_before(self) -> bool:
        """Closed as a duplicate: the answer is the earlier question's."""
        return self.question.status is QuestionStatus.DUPLICATE


async def _loaded(uow: UnitOfWork, due: DueDelivery) -> tuple[Question, Person, Campaign] | Skip:
    """The row's question, its (active) recipient and the campaign, or why not."""
    question = await uow.questions.get(due.ref_id)
    campaign = await uow.campaigns.get(question.campaign_id) if question else None
    if question is None or campaign is None:
        return GONE
    person = await active_recipient(uow, due)
    if isinstance(person, Skip):
        return person
    return question, person, campaign


async def answer(uow: UnitOfWork, due: DueDelivery, now: datetime) -> AnswerNotice | Skip:
    """Sent while the recipient is active and the question has its answer."""
    loaded = await _loaded(uow, due)
    if isinstance(loaded, Skip):
        return loaded
    question, person, campaign = loaded
    if question.answer is None:
        return NO_ANSWER
    to_asker = person.id == question.asked_by
    reply_to = question.message_id if to_asker else None
    return AnswerNotice(person, question, campaign, to_asker, reply_to)


@dataclass(frozen=True, slots=True)
class PublishedAnswer:
    """A published answer, sent to a recipient of its campaign who had not got it yet."""

    recipient: Person
    question: Question
    campaign: Campaign


async def published_answer(
    uow: UnitOfWork, due: DueDelivery, now: datetime
) -> PublishedAnswer | Skip:
    """Sent while the recipient is active and the answer is still in the FAQ."""
    loaded = await _loaded(uow, due)
    if isinstance(loaded, Skip):
        return loaded
    question, person, campaign = loaded
    if not question.in_faq or question.answer is None:
        return NOT_IN_FAQ
    return PublishedAnswer(person, question, campaign)
