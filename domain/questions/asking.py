"""The recipients' side: asking about a campaign, its FAQ and open questions, "me too".

Only a campaign's recipients ask and say "me too" (see :mod:`domain.questions.access`);
marketers and admins may read any campaign's FAQ. Nobody's name is shown to recipients: they
see the open questions of others without knowing who asked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from domain import flows
from domain.campaigns import access as campaigns
from domain.campaigns import counts
from domain.campaigns.model import Campaign, Status
from domain.errors import InvalidInput
from domain.flows import FlowState
from domain.people.model import Person
from domain.ports import AuditEntry, UnitOfWork
from domain.questions import access, outbox
from domain.questions.flows import AskingQuestion, finish
from domain.questions.model import NewQuestion, Question, QuestionKind, clean_question, queue_order


@dataclass(frozen=True, slots=True)
class AskPrompt:
    """The ask flow has begun: the campaign asked about, the flow it replaced, and the open
    questions of the campaign — maybe someone already asked: "me too" is one tap away."""

    campaign: Campaign
    state: AskingQuestion
    replaced: FlowState | None
    view: CampaignQuestions

    @property
    def asked_before(self) -> list[Question]:
        """The open questions of other recipients, most "me too" first."""
        return [q for q in self.view.open if self.view.may_vote(q)]


async def begin_asking(
    uow: UnitOfWork, *, actor: Person, campaign_id: int, now: datetime
) -> AskPrompt:
    """ "Ask a question" under an announcement: wait for the question, and show the open
    questions others asked first."""
    campaign = await access.askable(uow, actor, campaign_id)
    state = AskingQuestion(campaign.id)
    replaced = await flows.begin(uow.flows, actor.id, state, now=now)
    view = await campaign_questions(uow, actor=actor, campaign_id=campaign.id)
    return AskPrompt(campaign, state, replaced, view)


async def ask(
    uow: UnitOfWork,
    *,
    actor: Person,
    campaign_id: int,
    kind: QuestionKind,
    text: str | None,
    file_id: str | None,
    message_id: int | None,
    now: datetime,
) -> Question:
    """Store the question, queue its card for those who answer, and end the ask flow.
    ``message_id`` is the asker's own message: the answer will reply to it."""
    campaign = await access.askable(uow, actor, campaign_id)
    clean, file = clean_question(kind, text, file_id)
    question = await uow.questions.add(
        NewQuestion(campaign.id, actor.id, kind, clean, file, message_id, now)
    )
    await outbox.tell_answerers(uow, campaign, question, reminder=False, now=now)
    await counts.questions_changed(uow, campaign.id, now)
    await uow.audit.record(
        AuditEntry(actor.id, "question.ask", "question", question.id, now, {"kind": kind.value})
    )
    await finish(uow.flows, actor.id, AskingQuestion)
    return question


@dataclass(frozen=True, slots=True)
class CampaignQuestions:
    """What the FAQ and the open questions of a campaign show one viewer."""

    campaign: Campaign
    faq: Sequence[Question]  # published, newest first
    open: Sequence[Question]  # queue order
    voted: frozenset[int]  # open questions the viewer said "me too" to
    can_ask: bool  # the viewer is a recipient and the campaign is not cancelled
    viewer_id: int

    def is_mine(self, question: Question) -> bool:
        return question.asked_by == self.viewer_id

    def may_vote(self, question: Question) -> bool:
        """ "Me too" is for the other recipients, on open questions."""
        return self.can_ask and question.is_open and not self.is_mine(question)


async def campaign_questions(
    uow: UnitOfWork, *, actor: Person, campaign_id: int
) -> CampaignQuestions:
    """The FAQ and the open questions: for recipients, marketers and admins only."""
    campaign = await campaigns.as_recipient(uow, actor=actor, campaign_id=campaign_id)
    faq = await uow.questions.faq(campaign.id)
    open_ = queue_order(await uow.questions.open_questions(campaign.id))
    voted = await uow.questions.voted_by(actor.id, [q.id for q in open_])
    can_ask = campaign.status is not Status.CANCELLED and await campaigns.is_recipient(
        uow, actor, campaign.id
    )
    return CampaignQuestions(campaign, faq, open_, frozenset(voted), can_ask, actor.id)


@dataclass(frozen=True, slots=True)
class MeToo:
    counted: bool  # False: this person had already said so
    view: CampaignQuestions  # the open questions, with the vote


async def upvote(
    uow: UnitOfWork,
    *,
    actor: Person,
    question_id: int,
    now: datetime,
    instead_of_asking: bool = False,
) -> MeToo:
    """ "Me too" on another recipient's open question: its answer will reach the voter too,
    and the marketers' queue puts it higher. ``instead_of_asking``: pressed where "Ask a
    question" showed the open questions first — the question is someone else's already,
    so the ask flow about that campaign ends."""
    question = await access.load(uow, question_id)
    await access.askable(uow, actor, question.campaign_id)
    if question.asked_by == actor.id:
        raise InvalidInput("error-own-question")
    if not question.is_open:
        raise InvalidInput("error-question-closed")
    counted = await uow.questions.vote(question.id, actor.id, at=now)
    asking = await flows.current(uow.flows, actor.id, AskingQuestion)
    if instead_of_asking and asking is not None and asking.campaign_id == question.campaign_id:
        await uow.flows.delete(actor.id)
    view = await campaign_questions(uow, actor=actor, campaign_id=question.campaign_id)
    return MeToo(counted, view)


@dataclass(frozen=True, slots=True)
class QuestionFile:
    """A question's photo or voice message, and its asker when the viewer may see names."""

    question: Question
    named: bool
    asker: Person | None


async def question_file(uow: UnitOfWork, *, actor: Person, question_id: int) -> QuestionFile:
    question, named = await access.viewable(uow, actor, question_id)
    asker = await uow.people.get(question.asked_by) if named else None
    return QuestionFile(question, named, asker)
