"""What the marketer reads about a briefing: progress per team, the answers per question,
the files given as answers, and every answer for an export."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from domain.briefings import access
from domain.briefings.kinds import ASK, ASK_BATCH
from domain.briefings.model import (
    MEDIA_KINDS,
    Answer,
    AnswerKind,
    Briefing,
    BriefingProgress,
    BriefingQuestion,
    progress,
)
from domain.campaigns.model import Campaign
from domain.errors import InvalidInput
from domain.people.model import Person, Team
from domain.ports import Outgoing, UnitOfWork

# Delivery statuses of those the request is reaching or has reached (not the unreachable).
_REACHING = ("pending", "sending", "sent")


@dataclass(frozen=True, slots=True)
class Report:
    """A sent briefing's progress: who has answered everything, some or nothing, per team."""

    briefing: Briefing
    campaign: Campaign
    progress: BriefingProgress
    teams: Mapping[int, Team]


@dataclass(frozen=True, slots=True)
class GivenAnswer:
    """One person's answer to one question, with who they are and their team."""

    question: BriefingQuestion
    answer: Answer
    person: Person | None
    team: Team | None


@dataclass(frozen=True, slots=True)
class AnswersPage:
    """The answers to the question at ``index`` (from 0) of the briefing's questions."""

    briefing: Briefing
    index: int
    question: BriefingQuestion
    answers: tuple[GivenAnswer, ...]
    # For answer buttons: how many chose each option, in the options' order.
    tallies: tuple[tuple[str, int], ...]
    # How many answers are photos, voice messages, documents (only kinds there are).
    files: tuple[tuple[AnswerKind, int], ...]


@dataclass(frozen=True, slots=True)
class _Answers:
    briefing: Briefing
    campaign: Campaign
    reached: list[Person]
    given: tuple[GivenAnswer, ...]
    teams: Mapping[int, Team]


async def _answers(uow: UnitOfWork, actor: Person, briefing_id: int) -> _Answers:
    briefing, campaign = await access.managed(uow, actor=actor, briefing_id=briefing_id)
    statuses = await uow.outbox.statuses(ASK, briefing.id, ASK_BATCH)
    people = {p.id: p for p in await uow.people.many(list(statuses))}
    teams = {team.id: team for team in await uow.teams.all()}
    questions = {q.id: q for q in briefing.questions}
    given = []
    for answer in await uow.briefings.answers(briefing.id):
        person = people.get(answer.person_id)
        team = teams.get(person.team_id) if person and person.team_id is not None else None
        given.append(GivenAnswer(questions[answer.question_id], answer, person, team))
    # Everyone it is going to, not only those it has reached yet (right after sending, most
    # rows are still pending); the unreachable are left out.
    reached = [p for pid, p in people.items() if statuses.get(pid) in _REACHING]
    return _Answers(briefing, campaign, reached, tuple(given), teams)


def _report(found: _Answers) -> Report:
    answers = [g.answer for g in found.given]
    return Report(
        found.briefing,
        found.campaign,
        progress(found.briefing, found.reached, answers),
        found.teams,
    )


async def report(uow: UnitOfWork, *, actor: Person, briefing_id: int) -> Report:
    return _report(await _answers(uow, actor, briefing_id))


async def answers_page(
    uow: UnitOfWork, *, actor: Person, briefing_id: int, index: int
) -> AnswersPage:
    """The answers to one question (the nearest one for an index out of range)."""
    found = await _answers(uow, actor, briefing_id)
    question = found.briefing.question_at(index)
    given = tuple(g for g in found.given if g.question.id == question.id)
    tallies = tuple(
        (option, sum(1 for g in given if g.answer.text == option)) for option in question.options
    )
    files = tuple(
        (kind, count)
        for kind in MEDIA_KINDS
        if (count := sum(1 for g in given if g.answer.kind is kind))
    )
    index = found.briefing.questions.index(question)
    return AnswersPage(found.briefing, index, question, given, tallies, files)


async def files(
    uow: UnitOfWork, *, actor: Person, briefing_id: int, question_id: int, kind: AnswerKind
) -> Sequence[GivenAnswer]:
    """The photos, voice messages or documents given as answers to one question."""
    if kind not in MEDIA_KINDS:
        raise InvalidInput()
    found = await _answers(uow, actor, briefing_id)
    return [
        g
        for g in found.given
        if g.question.id == question_id and g.answer.kind is kind and g.answer.file_id
    ]


# Voice messages given as answers, opened by the marketer: up to this many are sent at once;
# more (Telegram cannot group voice messages in an album) go through the outbox, one a second
# to the chat. Rows of kind FILE: ref id the briefing, batch "<question>:<person>:<asked>".
DIRECT_MAX = 3
FILE = "briefing.file"


@dataclass(frozen=True, slots=True)
class Files:
    """The files given as answers to one question, and how many of them were queued to be
    sent one by one (0: sent at once). ``page``: the answers page they were opened from."""

    given: Sequence[GivenAnswer]
    queued: int
    page: AnswersPage


async def open_files(
    uow: UnitOfWork,
    *,
    actor: Person,
    briefing_id: int,
    question_id: int,
    kind: AnswerKind,
    now: datetime,
) -> Files:
    """The photos, voice messages or documents of one question's answers: voice messages
    beyond a few are queued to the actor, paced."""
    given = await files(
        uow, actor=actor, briefing_id=briefing_id, question_id=question_id, kind=kind
    )
    briefing = await access.load(uow, briefing_id)
    question = briefing.question(question_id)
    index = briefing.questions.index(question) if question is not None else 0
    page = await answers_page(uow, actor=actor, briefing_id=briefing_id, index=index)
    if kind is not AnswerKind.VOICE or len(given) <= DIRECT_MAX:
        return Files(given, 0, page)
    asked = now.strftime("%Y%m%dT%H%M%S%f")
    for one in given:
        batch = f"{question_id}:{one.answer.person_id}:{asked}"
        await uow.outbox.enqueue(
            FILE, briefing_id, batch, [Outgoing(actor.id, actor.telegram_id, now)]
        )
    return Files(given, len(given), page)


def answer_of(batch: str) -> tuple[int, int] | None:
    """(question id, person id) of a FILE row's batch."""
    parts = batch.split(":")
    if len(parts) != 3 or not (parts[0].isdigit() and parts[1].isdigit()):
        return None
    return int(parts[0]), int(parts[1])


async def export(uow: UnitOfWork, *, actor: Person, briefing_id: int) -> Sequence[GivenAnswer]:
    """Every answer, by question, for a CSV or Excel file."""
    return (await _answers(uow, actor, briefing_id)).given
