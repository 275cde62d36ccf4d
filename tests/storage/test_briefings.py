"""Briefing requests on a real SQLite file — and the in-memory fake held to the same
contract, so unit tests built on the fake mean what they say."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from domain.briefings.flows import (
    Answering,
    AnswerMode,
    TypingDeadline,
    WritingOptions,
    WritingQuestion,
)
from domain.briefings.model import Answer, AnswerKind, BriefingStatus
from domain.campaigns.model import Audience
from domain.people.model import NewPerson, Role
from storage.db import Database, to_db
from storage.flows import FlowCodec
from storage.uow import unit_of_work
from tests.support.fakes.briefings import FakeBriefingRepo

T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


@pytest.fixture(params=["sql", "fake"])
async def repo(request: pytest.FixtureRequest, db: Database) -> AsyncIterator[Any]:
    """The briefings repository over campaigns 1 and 2 and people 1-3."""
    if request.param == "fake":
        yield FakeBriefingRepo()
        return
    async with unit_of_work(db) as uow:
        for telegram_id in (101, 102, 103):
            await uow.people.add(
                NewPerson(telegram_id, "P", None, None, "ru", "UTC", None, frozenset({Role.REP})),
                joined_at=T0,
            )
        for _ in range(2):
            await db.raw.execute(
                "INSERT INTO campaigns (created_by, created_at, updated_at) VALUES (1, ?, ?)",
                (to_db(T0), to_db(T0)),
            )
        yield uow.briefings


def answer(question: int, person: int, text: str = "a", at: datetime = T0) -> Answer:
    return Answer(question, person, AnswerKind.TEXT, text, None, None, at)


async def test_a_new_briefing_is_an_empty_draft_and_lists_come_newest_first(repo: Any) -> None:
    first = await repo.add(1, created_by=1, now=T0)
    assert (first.campaign_id, first.created_by, first.created_at) == (1, 1, T0)
    assert (first.status, first.deadline, first.questions, first.audience) == (
        BriefingStatus.DRAFT,
        None,
        (),
        None,
    )
    second = await repo.add(1, created_by=1, now=T0)
    await repo.add(2, created_by=1, now=T0)
    assert [b.id for b in await repo.for_campaign(1)] == [second.id, first.id]
    assert await repo.get(999) is None


async def test_questions_are_numbered_in_order_and_renumbered_when_one_is_removed(
    repo: Any,
) -> None:
    briefing = await repo.add(1, created_by=1, now=T0)
    for text in ("One?", "Two?", "Three?"):
        await repo.add_question(briefing.id, text, ())
    one, two, _ = (await repo.get(briefing.id)).questions
    await repo.set_options(two.id, ("Да", "Нет"))
    await repo.remove_question(one.id)
    await repo.add_question(briefing.id, "Four?", ("A", "B"))
    found = (await repo.get(briefing.id)).questions
    assert [(q.position, q.text, q.options) for q in found] == [
        (1, "Two?", ("Да", "Нет")),
        (2, "Three?", ()),
        (3, "Four?", ("A", "B")),
    ]


async def test_saving_keeps_the_deadline_status_and_audience(repo: Any) -> None:
    briefing = await repo.add(1, created_by=1, now=T0)
    await repo.add_question(briefing.id, "One?", ())
    audience = Audience(team_ids=frozenset({1}), roles=frozenset({Role.TEAM_LEAD}))
    deadline = T0 + timedelta(days=3)
    await repo.save(
        briefing.with_(deadline=deadline, status=BriefingStatus.SENT, sent_at=T0, audience=audience)
    )
    found = await repo.get(briefing.id)
    assert (found.deadline, found.status, found.sent_at, found.audience) == (
        deadline,
        BriefingStatus.SENT,
        T0,
        audience,
    )
    assert len(found.questions) == 1  # saving a briefing does not touch its questions
    await repo.save(found.with_(audience=None))
    assert (await repo.get(briefing.id)).audience is None


async def test_only_a_draft_is_deleted_and_its_questions_and_answers_go_with_it(
    repo: Any,
) -> None:
    draft = await repo.add(1, created_by=1, now=T0)
    sent = await repo.add(1, created_by=1, now=T0)
    await repo.add_question(draft.id, "One?", ())
    await repo.add_question(sent.id, "One?", ())
    await repo.save(sent.with_(status=BriefingStatus.SENT, sent_at=T0))
    [question] = (await repo.get(draft.id)).questions
    await repo.save_answer(answer(question.id, 1))
    await repo.delete_draft(draft.id)
    await repo.delete_draft(sent.id)
    assert await repo.get(draft.id) is None
    assert await repo.answers(draft.id) == []
    assert await repo.get(sent.id) is not None


async def test_an_answer_given_again_replaces_the_first_and_is_marked_changed(repo: Any) -> None:
    briefing = await repo.add(1, created_by=1, now=T0)
    await repo.add_question(briefing.id, "One?", ())
    [question] = (await repo.get(briefing.id)).questions
    assert await repo.save_answer(answer(question.id, 1, "first")) is False
    assert await repo.save_answer(answer(question.id, 1, "second", T0 + timedelta(hours=1)))
    [kept] = await repo.answers(briefing.id)
    assert (kept.text, kept.changed, kept.answered_at) == ("second", True, T0 + timedelta(hours=1))


async def test_answers_come_by_question_then_time_and_can_be_one_persons(repo: Any) -> None:
    briefing = await repo.add(1, created_by=1, now=T0)
    other = await repo.add(2, created_by=1, now=T0)
    for text in ("One?", "Two?"):
        await repo.add_question(briefing.id, text, ())
    await repo.add_question(other.id, "Elsewhere?", ())
    one, two = (await repo.get(briefing.id)).questions
    [elsewhere] = (await repo.get(other.id)).questions
    await repo.save_answer(answer(two.id, 1, "1 on two", T0))
    await repo.save_answer(answer(one.id, 2, "2 on one", T0 + timedelta(minutes=2)))
    await repo.save_answer(answer(one.id, 1, "1 on one", T0 + timedelta(minutes=1)))
    await repo.save_answer(answer(elsewhere.id, 1, "not this briefing"))
    assert [a.text for a in await repo.answers(briefing.id)] == [
        "1 on one",
        "2 on one",
        "1 on two",
    ]
    assert [a.text for a in await repo.answers(briefing.id, person_id=1)] == [
        "1 on one",
        "1 on two",
    ]
    await repo.remove_question(one.id)
    assert [a.text for a in await repo.answers(briefing.id)] == ["1 on two"]


@pytest.mark.parametrize(
    "state",
    [
        WritingQuestion(3),
        WritingOptions(3, 7),
        TypingDeadline(3),
        Answering(3, 7, AnswerMode.ALL),
        Answering(3, 8),
    ],
)
async def test_every_briefing_step_survives_storage_as_it_was(db: Database, state: Any) -> None:
    codec = FlowCodec([WritingQuestion, WritingOptions, TypingDeadline, Answering])
    async with unit_of_work(db, codec) as uow:
        person = await uow.people.add(
            NewPerson(101, "P", None, None, "ru", "UTC", None, frozenset({Role.REP})),
            joined_at=T0,
        )
        await uow.flows.save(person.id, state, now=T0)
    async with unit_of_work(db, codec) as uow:
        assert await uow.flows.get(person.id) == state
