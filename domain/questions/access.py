"""Who may do what with a question, checked once for every use case.

- **Asking** and **"me too"**: a campaign's recipients (their announcement was delivered),
  while the campaign is not cancelled.
- **Answering**: anyone allowed ``Action.ANSWER_QUESTIONS`` (marketers and admins), on any
  campaign: every marketer may manage every campaign. Only they see who asked.
- **Seeing** a question (its photo or voice message): those who answer see every question with
  its asker's name; a recipient sees the open and published questions of the campaign, and
  their own, without names.
"""

from __future__ import annotations

from domain.campaigns import access as campaigns
from domain.campaigns.model import Campaign, Status
from domain.errors import Forbidden, InvalidInput, NotFound
from domain.people.model import Person
from domain.permissions import Action, can, require
from domain.ports import UnitOfWork
from domain.questions.model import Question


async def load(uow: UnitOfWork, question_id: int) -> Question:
    question = await uow.questions.get(question_id)
    if question is None:
        raise NotFound()
    return question


async def askable(uow: UnitOfWork, actor: Person, campaign_id: int) -> Campaign:
    """The campaign, for one of its recipients, while questions about it are taken."""
    campaign = await campaigns.load(uow, campaign_id)
    if not await campaigns.is_recipient(uow, actor, campaign_id):
        raise Forbidden()
    if campaign.status is Status.CANCELLED:
        raise InvalidInput("error-campaign-cancelled")
    return campaign


async def for_answerer(uow: UnitOfWork, actor: Person, question_id: int) -> Question:
    require(actor, Action.ANSWER_QUESTIONS)
    return await load(uow, question_id)


async def open_for_answer(uow: UnitOfWork, actor: Person, question_id: int) -> Question:
    """The question, for those who answer, while nobody has answered it yet."""
    question = await for_answerer(uow, actor, question_id)
    if not question.is_open:
        raise InvalidInput("error-question-closed")
    return question


async def viewable(uow: UnitOfWork, actor: Person, question_id: int) -> tuple[Question, bool]:
    """The question, and whether the viewer may see who asked it."""
    question = await load(uow, question_id)
    if can(actor, Action.ANSWER_QUESTIONS):
        return question, True
    await campaigns.as_recipient(uow, actor=actor, campaign_id=question.campaign_id)
    if not (question.is_open or question.in_faq or question.asked_by == actor.id):
        raise Forbidden()
    return question, False
