"""Fakes for the questions feature: its repository, the campaigns it reads, and a scene.

``FakeQuestionRepo`` keeps what ``storage/questions.py`` keeps, with the same semantics: every
read counts the "me too" votes, ``save`` writes only what changes after asking, a vote counts
once per person, and the lists come in the SQL's order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from domain.campaigns.kinds import ANNOUNCE, ANNOUNCE_BATCH
from domain.campaigns.model import Campaign, Status
from domain.people.model import Person
from domain.ports import Outgoing
from domain.questions.model import NewQuestion, Question, QuestionStatus
from tests.support.builders.people import NOW, a_marketer, a_rep, a_team, an_admin
from tests.support.builders.questions import an_announced_campaign
from tests.support.fakes import FakeUnitOfWork
from tests.support.fakes.shared import FakeOutbox


class FakeQuestionRepo:
    def __init__(self, questions: Sequence[Question] = ()) -> None:
        self.by_id: dict[int, Question] = {}
        self.votes: dict[tuple[int, int], datetime] = {}  # (question, person) -> when
        self.put(*questions)

    def put(self, *questions: Question) -> None:
        """Arrange: store these questions as they are (their ``votes`` are counted, not kept)."""
        for question in questions:
            self.by_id[question.id] = replace(question, votes=0)

    def _read(self, question: Question) -> Question:
        votes = sum(1 for (qid, _) in self.votes if qid == question.id)
        return replace(question, votes=votes)

    def _all(self) -> list[Question]:
        return [self._read(q) for q in self.by_id.values()]

    async def add(self, new: NewQuestion) -> Question:
        question = Question(
            id=max(self.by_id, default=0) + 1,
            campaign_id=new.campaign_id,
            asked_by=new.asked_by,
            kind=new.kind,
            text=new.text,
            file_id=new.file_id,
            message_id=new.message_id,
            asked_at=new.asked_at,
        )
        self.by_id[question.id] = question
        return self._read(question)

    async def get(self, question_id: int) -> Question | None:
        question = self.by_id.get(question_id)
        return self._read(question) if question is not None else None

    async def save(self, question: Question) -> None:
        stored = self.by_id.get(question.id)
        if stored is None:  # an UPDATE of no row
            return
        self.by_id[question.id] = replace(
            stored,
            status=question.status,
            answer=question.answer,
            answered_by=question.answered_by,
            answered_at=question.answered_at,
            duplicate_of=question.duplicate_of,
            published_at=question.published_at,
            broadcast_at=question.broadcast_at,
            reminded_at=question.reminded_at,
        )

    async def open_questions(self, campaign_id: int | None = None) -> Sequence[Question]:
        found = [
            q
            for q in self._all()
            if q.status is QuestionStatus.OPEN and campaign_id in (None, q.campaign_id)
        ]
        return sorted(found, key=lambda q: (q.asked_at, q.id))

    async def count_open(self, campaign_id: int) -> int:
        return len(await self.open_questions(campaign_id))

    async def answered(self, campaign_id: int) -> Sequence[Question]:
        found = [
            q
            for q in self._all()
            if q.campaign_id == campaign_id and q.status is QuestionStatus.ANSWERED
        ]
        return sorted(found, key=lambda q: (q.answered_at, q.id), reverse=True)

    async def faq(self, campaign_id: int) -> Sequence[Question]:
        found = [
            q for q in self._all() if q.campaign_id == campaign_id and q.published_at is not None
        ]
        return sorted(found, key=lambda q: (q.published_at, q.id), reverse=True)

    async def awaiting_reminder(self, *, asked_before: datetime) -> Sequence[Question]:
        found = [
            q
            for q in self._all()
            if q.status is QuestionStatus.OPEN
            and q.reminded_at is None
            and q.asked_at <= asked_before
        ]
        return sorted(found, key=lambda q: (q.asked_at, q.id))

    async def vote(self, question_id: int, person_id: int, *, at: datetime) -> bool:
        if question_id not in self.by_id:
            raise ValueError("FOREIGN KEY constraint failed")
        if (question_id, person_id) in self.votes:
            return False
        self.votes[(question_id, person_id)] = at
        return True

    async def voters(self, question_id: int) -> Sequence[int]:
        mine = [(at, pid) for (qid, pid), at in self.votes.items() if qid == question_id]
        return [pid for _, pid in sorted(mine)]

    async def voted_by(self, person_id: int, question_ids: Sequence[int]) -> set[int]:
        return {qid for (qid, pid) in self.votes if pid == person_id and qid in question_ids}


class CampaignsById:
    """The campaigns repository as questions use it: they only read a campaign by its id."""

    def __init__(self, *campaigns: Campaign) -> None:
        self.by_id: dict[int, Campaign] = {c.id: c for c in campaigns}

    def put(self, *campaigns: Campaign) -> None:
        for campaign in campaigns:
            self.by_id[campaign.id] = campaign

    async def get(self, campaign_id: int) -> Campaign | None:
        return self.by_id.get(campaign_id)


async def announce_to(outbox: FakeOutbox, campaign_id: int, *people: Person, at: datetime) -> None:
    """Arrange: the campaign's announcement was delivered to these people, which makes them
    its recipients."""
    rows = [Outgoing(p.id, p.telegram_id, at) for p in people]
    await outbox.enqueue(ANNOUNCE, campaign_id, ANNOUNCE_BATCH, rows)
    for person in people:
        outbox.mark_sent(ANNOUNCE, campaign_id, ANNOUNCE_BATCH, person.id)


@dataclass
class Scene:
    """A campaign a marketer created and announced to three reps; an admin; and a rep the
    announcement did not reach. Every test arranges the rest."""

    uow: FakeUnitOfWork
    campaign: Campaign
    marketer: Person
    admin: Person
    reps: list[Person]
    outsider: Person

    @property
    def questions(self) -> FakeQuestionRepo:
        repo = self.uow.questions
        assert isinstance(repo, FakeQuestionRepo)
        return repo

    @property
    def campaigns(self) -> CampaignsById:
        repo = self.uow.campaigns
        assert isinstance(repo, CampaignsById)
        return repo


async def a_scene(*, status: Status = Status.ANNOUNCED) -> Scene:
    marketer, admin = a_marketer(1, team=1), an_admin(2)
    reps = [a_rep(10, team=1, name="Anton"), a_rep(11, team=1), a_rep(12, team=2)]
    outsider = a_rep(13, team=2)
    campaign = an_announced_campaign(1, created_by=marketer.id, status=status)
    uow = FakeUnitOfWork(questions=FakeQuestionRepo(), campaigns=CampaignsById(campaign))
    uow.people.put(marketer, admin, *reps, outsider)
    uow.teams.put(a_team(1, "Москва"), a_team(2, "Казань"))
    await announce_to(uow.outbox, campaign.id, *reps, at=NOW)
    return Scene(uow, campaign, marketer, admin, reps, outsider)
