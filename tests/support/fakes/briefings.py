"""Fakes of the briefing requests' port, and just enough of the campaigns' port for briefing
tests (a campaign is looked up by id)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from domain.briefings.model import Answer, Briefing, BriefingQuestion, BriefingStatus
from domain.campaigns.model import Campaign
from domain.people.model import Person, Team
from tests.support.fakes import FakePeopleRepo, FakeTeamRepo, FakeUnitOfWork


class FakeBriefingRepo:
    """The briefings, briefing_questions and briefing_answers tables in memory, with the SQL
    semantics: questions are numbered 1..n per briefing (removing one renumbers the rest),
    deleting removes questions and their answers, and an answer given again replaces the
    earlier one and is marked changed."""

    def __init__(self) -> None:
        self.rows: dict[int, Briefing] = {}  # questions are kept in ``questions``
        self.questions: dict[
            int, tuple[int, BriefingQuestion]
        ] = {}  # id -> (briefing id, question)
        self.answers_given: dict[tuple[int, int], Answer] = {}  # (question, person) -> answer
        self._ids = 0
        self._question_ids = 0

    def put(self, *briefings: Briefing) -> None:
        """Arrange: store these briefings and their questions as they are."""
        for briefing in briefings:
            self.rows[briefing.id] = replace(briefing, questions=())
            for question in briefing.questions:
                self.questions[question.id] = (briefing.id, question)
            self._ids = max(self._ids, briefing.id)
            self._question_ids = max([self._question_ids, *(q.id for q in briefing.questions)])

    def _of(self, briefing_id: int) -> list[BriefingQuestion]:
        found = [q for bid, q in self.questions.values() if bid == briefing_id]
        return sorted(found, key=lambda q: q.position)

    async def get(self, briefing_id: int) -> Briefing | None:
        row = self.rows.get(briefing_id)
        return replace(row, questions=tuple(self._of(briefing_id))) if row else None

    async def add(self, campaign_id: int, *, created_by: int, now: datetime) -> Briefing:
        self._ids += 1
        self.rows[self._ids] = Briefing(
            self._ids, campaign_id, created_by, now, None, BriefingStatus.DRAFT
        )
        found = await self.get(self._ids)
        assert found is not None
        return found

    async def for_campaign(self, campaign_id: int) -> Sequence[Briefing]:
        ids = sorted(
            (b.id for b in self.rows.values() if b.campaign_id == campaign_id), reverse=True
        )
        return [b for i in ids if (b := await self.get(i)) is not None]

    async def save(self, briefing: Briefing) -> None:
        row = self.rows.get(briefing.id)
        if row is not None:
            self.rows[briefing.id] = replace(
                row,
                deadline=briefing.deadline,
                status=briefing.status,
                sent_at=briefing.sent_at,
                audience=briefing.audience,
            )

    async def delete_draft(self, briefing_id: int) -> None:
        row = self.rows.get(briefing_id)
        if row is None or row.status is not BriefingStatus.DRAFT:
            return
        del self.rows[briefing_id]
        for question in self._of(briefing_id):
            await self.remove_question(question.id)

    async def add_question(self, briefing_id: int, text: str, options: tuple[str, ...]) -> None:
        self._question_ids += 1
        position = max((q.position for q in self._of(briefing_id)), default=0) + 1
        self.questions[self._question_ids] = (
            briefing_id,
            BriefingQuestion(self._question_ids, position, text, options),
        )

    async def set_options(self, question_id: int, options: tuple[str, ...]) -> None:
        if question_id in self.questions:
            briefing_id, question = self.questions[question_id]
            self.questions[question_id] = (briefing_id, replace(question, options=options))

    async def remove_question(self, question_id: int) -> None:
        if question_id not in self.questions:
            return
        briefing_id, removed = self.questions.pop(question_id)
        for key in [k for k in self.answers_given if k[0] == question_id]:
            del self.answers_given[key]
        for question in self._of(briefing_id):
            if question.position > removed.position:
                moved = replace(question, position=question.position - 1)
                self.questions[question.id] = (briefing_id, moved)

    async def save_answer(self, answer: Answer) -> bool:
        key = (answer.question_id, answer.person_id)
        existed = key in self.answers_given
        self.answers_given[key] = replace(answer, changed=existed or answer.changed)
        return existed

    async def answers(self, briefing_id: int, *, person_id: int | None = None) -> Sequence[Answer]:
        positions = {q.id: q.position for q in self._of(briefing_id)}
        found = [
            a
            for a in self.answers_given.values()
            if a.question_id in positions and (person_id is None or a.person_id == person_id)
        ]
        return sorted(found, key=lambda a: (positions[a.question_id], a.answered_at))


class FakeCampaignLookup:
    """The one thing briefings ask of the campaigns' port: a campaign by id."""

    def __init__(self, *campaigns: Campaign) -> None:
        self.by_id: dict[int, Campaign] = {c.id: c for c in campaigns}

    def put(self, *campaigns: Campaign) -> None:
        for campaign in campaigns:
            self.by_id[campaign.id] = campaign

    async def get(self, campaign_id: int) -> Campaign | None:
        return self.by_id.get(campaign_id)


def briefing_uow(
    *,
    campaigns: Sequence[Campaign] = (),
    briefings: Sequence[Briefing] = (),
    people: Sequence[Person] = (),
    teams: Sequence[Team] = (),
) -> FakeUnitOfWork:
    """A unit of work holding what briefing use cases read: people, teams, campaigns and
    briefings, with an empty outbox, audit log and flows."""
    repo = FakeBriefingRepo()
    repo.put(*briefings)
    return FakeUnitOfWork(
        people=FakePeopleRepo(people),
        teams=FakeTeamRepo(teams),
        campaigns=FakeCampaignLookup(*campaigns),
        briefings=repo,
    )
