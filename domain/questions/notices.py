"""What the outbox sends about questions: for each kind, whether and what goes out.

The broadcast engine asks at the moment a row is due; the answer is a typed value (or None:
nothing to send any more), and ``handlers/questions/notices.py`` renders it in the
recipient's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain.campaigns.model import Campaign
from domain.people.model import Person
from domain.ports import DueDelivery, UnitOfWork
from domain.questions.model import Question


@dataclass(frozen=True, slots=True)
class PublishedAnswer:
    """A published answer, sent to a recipient of its campaign who had not got it yet."""

    recipient: Person
    question: Question
    campaign: Campaign


async def published_answer(
    uow: UnitOfWork, due: DueDelivery, now: datetime
) -> PublishedAnswer | None:
    """Sent while the recipient is active and the answer is still in the FAQ."""
    question = await uow.questions.get(due.ref_id)
    person = await uow.people.get(due.person_id)
    campaign = await uow.campaigns.get(question.campaign_id) if question else None
    if question is None or person is None or campaign is None or not person.active:
        return None
    if not question.in_faq or question.answer is None:
        return None
    return PublishedAnswer(person, question, campaign)
