"""Questions on a real SQLite file: the repository round trips, and the use cases' rules over
it (who may ask, vote and answer; what the outbox gets)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from domain.campaigns.kinds import ANNOUNCE
from domain.campaigns.model import Audience, Status
from domain.errors import Forbidden, InvalidInput, NotFound
from domain.people.model import NewPerson, Person, Role
from domain.ports import Outgoing
from domain.questions import answering, asking, outbox, reminders
from domain.questions.model import NewQuestion, QuestionKind, QuestionStatus
from domain.questions.ports import QuestionRepo
from domain.timezones import QuietHours
from storage.db import Database
from storage.deliveries.repo import SqlDeliveryRepo
from storage.uow import SqlUnitOfWork, unit_of_work
from tests.support.fakes.questions import FakeQuestionRepo

T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


@dataclass
class World:
    db: Database
    marketer: Person
    admin: Person
    reps: list[Person]  # the first three got campaign 1; the last did not
    campaign_id: int
    other_campaign_id: int

    @asynccontextmanager
    async def uow(self) -> AsyncIterator[SqlUnitOfWork]:
        async with unit_of_work(self.db) as uow:
            yield uow


async def _person(uow: SqlUnitOfWork, telegram_id: int, name: str, *roles: Role) -> Person:
    person = await uow.people.add(
        NewPerson(telegram_id, name, None, None, "ru", "Europe/Moscow", None, frozenset(roles)),
        joined_at=T0,
    )
    found = await uow.people.get(person.id)
    assert found is not None
    return found


@pytest.fixture
async def world(db: Database) -> World:
    async with unit_of_work(db) as uow:
        marketer = await _person(uow, 2000, "Марина", Role.MARKETER)
        admin = await _person(uow, 1000, "Ольга", Role.ADMIN)
        reps = [await _person(uow, 3000 + n, f"Rep{n}", Role.REP) for n in range(4)]
        ids = []
        for name in ("Winter", "Spring"):
            campaign = await uow.campaigns.add_draft(created_by=marketer.id, now=T0)
            await uow.campaigns.save(
                campaign.with_(
                    name=name, audience=Audience(all_reps=True), status=Status.ANNOUNCED
                ),
                now=T0,
            )
            ids.append(campaign.id)
        # Campaign 1 reached the first three reps; campaign 2 only the last one.
        await announcing_sent(uow, ids[0], reps[:3])
        await announcing_sent(uow, ids[1], reps[3:])
        await _send_all(db)
    return World(db, marketer, admin, reps, ids[0], ids[1])


async def announcing_sent(uow: SqlUnitOfWork, campaign_id: int, people: list[Person]) -> None:
    await uow.outbox.enqueue(
        ANNOUNCE,
        campaign_id,
        "announce",
        [Outgoing(p.id, p.telegram_id, T0) for p in people],
    )


async def _send_all(db: Database) -> None:
    """As if the engine had sent every queued row (inside the caller's transaction)."""
    repo = SqlDeliveryRepo(db.raw)
    for row in await repo.claim_due(T0 + timedelta(days=365), limit=1000):
        await repo.mark_sent(row.id, 1, T0)


async def pending(uow: SqlUnitOfWork, kind: str, ref_id: int, batch: str) -> dict[int, str]:
    return await uow.outbox.statuses(kind, ref_id, batch)


async def test_a_question_round_trips(world: World) -> None:
    rep = world.reps[0]
    async with world.uow() as uow:
        added = await uow.questions.add(
            NewQuestion(world.campaign_id, rep.id, QuestionKind.PHOTO, "ценник?", "AgAD", 77, T0)
        )
        assert (added.kind, added.text, added.file_id, added.message_id) == (
            QuestionKind.PHOTO,
            "ценник?",
            "AgAD",
            77,
        )
        assert (added.status, added.votes, added.asked_at) == (QuestionStatus.OPEN, 0, T0)
        later = T0 + timedelta(hours=2)
        changed = added.with_(
            status=QuestionStatus.ANSWERED,
            answer="Да",
            answered_by=world.marketer.id,
            answered_at=later,
            published_at=later,
            broadcast_at=later,
            reminded_at=T0 + timedelta(hours=1),
        )
        await uow.questions.save(changed)
        assert await uow.questions.get(added.id) == changed
        assert await uow.questions.get(999) is None
        assert await uow.questions.open_questions() == []
        assert [q.id for q in await uow.questions.faq(world.campaign_id)] == [added.id]
        assert [q.id for q in await uow.questions.answered(world.campaign_id)] == [added.id]
        assert await uow.questions.faq(world.other_campaign_id) == []


async def test_votes_count_once_and_lists_are_ordered(world: World) -> None:
    a, b, c = world.reps[:3]
    async with world.uow() as uow:
        ids = []
        for n, who in enumerate((a, b, a)):
            q = await uow.questions.add(
                NewQuestion(
                    world.campaign_id,
                    who.id,
                    QuestionKind.TEXT,
                    f"Q{n}",
                    None,
                    None,
                    T0 + timedelta(minutes=n),
                )
            )
            ids.append(q.id)
        assert await uow.questions.vote(ids[0], c.id, at=T0)
        assert not await uow.questions.vote(ids[0], c.id, at=T0)
        assert await uow.questions.vote(ids[0], b.id, at=T0 + timedelta(seconds=1))
        assert await uow.questions.voters(ids[0]) == [c.id, b.id]
        assert await uow.questions.voted_by(c.id, ids) == {ids[0]}
        assert await uow.questions.voted_by(c.id, []) == set()
        found = await uow.questions.get(ids[0])
        assert found is not None and found.votes == 2
        assert [q.id for q in await uow.questions.open_questions(world.campaign_id)] == ids
        assert await uow.questions.open_questions(world.other_campaign_id) == []
        due = await uow.questions.awaiting_reminder(asked_before=T0 + timedelta(minutes=1))
        assert [q.id for q in due] == ids[:2]


async def test_only_recipients_ask_and_the_marketers_are_told(world: World) -> None:
    rep, outsider = world.reps[0], world.reps[3]
    async with world.uow() as uow:
        with pytest.raises(Forbidden):
            await asking.ask(
                uow,
                actor=outsider,
                campaign_id=world.campaign_id,
                kind=QuestionKind.TEXT,
                text="?",
                file_id=None,
                message_id=None,
                now=T0,
            )
        with pytest.raises(Forbidden):  # a marketer is no recipient of this campaign
            await asking.begin_asking(
                uow, actor=world.marketer, campaign_id=world.campaign_id, now=T0
            )
        q = await asking.ask(
            uow,
            actor=rep,
            campaign_id=world.campaign_id,
            kind=QuestionKind.TEXT,
            text=" Можно? ",
            file_id=None,
            message_id=5,
            now=T0,
        )
        assert (q.text, q.message_id, q.asked_by) == ("Можно?", 5, rep.id)
        # The creator is a marketer: the admin is not told.
        assert await pending(uow, outbox.ASKED, q.id, "new") == {world.marketer.id: "pending"}
        entries = await uow.audit.for_object("question", q.id)
        assert [e.action for e in entries] == ["question.ask"]


async def test_voting_rules(world: World) -> None:
    a, b, _, outsider = world.reps
    async with world.uow() as uow:
        q = await asking.ask(
            uow,
            actor=a,
            campaign_id=world.campaign_id,
            kind=QuestionKind.TEXT,
            text="Q",
            file_id=None,
            message_id=None,
            now=T0,
        )
        assert (await asking.upvote(uow, actor=b, question_id=q.id, now=T0)).counted
        assert not (await asking.upvote(uow, actor=b, question_id=q.id, now=T0)).counted
        with pytest.raises(InvalidInput) as own:
            await asking.upvote(uow, actor=a, question_id=q.id, now=T0)
        assert own.value.key == "error-own-question"
        with pytest.raises(Forbidden):
            await asking.upvote(uow, actor=outsider, question_id=q.id, now=T0)
        with pytest.raises(NotFound):
            await asking.upvote(uow, actor=b, question_id=999, now=T0)


async def test_answering_reaches_asker_and_voters_and_closes_the_cards(world: World) -> None:
    a, b, c, _ = world.reps
    async with world.uow() as uow:
        q = await asking.ask(
            uow,
            actor=a,
            campaign_id=world.campaign_id,
            kind=QuestionKind.TEXT,
            text="Q",
            file_id=None,
            message_id=None,
            now=T0,
        )
        await asking.upvote(uow, actor=b, question_id=q.id, now=T0)
        await _send_all(world.db)  # the marketer's card went out
        with pytest.raises(Forbidden):
            await answering.answer(uow, actor=c, question_id=q.id, text="A", publish=False, now=T0)
        answered = (
            await answering.answer(
                uow, actor=world.admin, question_id=q.id, text=" A ", publish=True, now=T0
            )
        ).question
        assert (answered.status, answered.answer, answered.answered_by) == (
            QuestionStatus.ANSWERED,
            "A",
            world.admin.id,
        )
        assert answered.published_at == T0
        assert await pending(uow, outbox.ANSWER, q.id, "answer") == {
            a.id: "pending",
            b.id: "pending",
        }
        assert await pending(uow, outbox.CLOSED, q.id, "new") == {world.marketer.id: "pending"}
        with pytest.raises(InvalidInput) as again:
            await answering.answer(
                uow, actor=world.marketer, question_id=q.id, text="B", publish=False, now=T0
            )
        assert again.value.key == "error-question-closed"


async def test_publish_and_broadcast_once_to_those_who_did_not_have_it(world: World) -> None:
    a, b, c, _ = world.reps
    async with world.uow() as uow:
        q = await asking.ask(
            uow,
            actor=a,
            campaign_id=world.campaign_id,
            kind=QuestionKind.TEXT,
            text="Q",
            file_id=None,
            message_id=None,
            now=T0,
        )
        with pytest.raises(InvalidInput):
            await answering.publish(uow, actor=world.marketer, question_id=q.id, now=T0)
        await asking.upvote(uow, actor=b, question_id=q.id, now=T0)
        await answering.answer(
            uow, actor=world.marketer, question_id=q.id, text="A", publish=False, now=T0
        )
        with pytest.raises(InvalidInput) as unpublished:
            await answering.broadcast(uow, actor=world.marketer, question_id=q.id, now=T0)
        assert unpublished.value.key == "error-question-not-published"
        with pytest.raises(Forbidden):
            await answering.publish(uow, actor=c, question_id=q.id, now=T0)
        published = await answering.publish(uow, actor=world.marketer, question_id=q.id, now=T0)
        assert published.question.in_faq
        assert (
            await answering.publish(uow, actor=world.marketer, question_id=q.id, now=T0)
            == published
        )
        count = (
            await answering.broadcast(uow, actor=world.marketer, question_id=q.id, now=T0)
        ).count
        assert count == 1
        assert await pending(uow, outbox.FAQ, q.id, "faq") == {c.id: "pending"}
        with pytest.raises(InvalidInput) as twice:
            await answering.broadcast(uow, actor=world.marketer, question_id=q.id, now=T0)
        assert twice.value.key == "error-question-broadcast"
        view = await asking.campaign_questions(uow, actor=c, campaign_id=world.campaign_id)
        assert [x.id for x in view.faq] == [q.id] and view.open == [] and view.can_ask
        staff = await asking.campaign_questions(
            uow, actor=world.marketer, campaign_id=world.campaign_id
        )
        assert not staff.can_ask
        with pytest.raises(Forbidden):
            await asking.campaign_questions(uow, actor=world.reps[3], campaign_id=world.campaign_id)


async def test_duplicates(world: World) -> None:
    a, b, _, outsider = world.reps
    async with world.uow() as uow:
        first = await asking.ask(
            uow,
            actor=a,
            campaign_id=world.campaign_id,
            kind=QuestionKind.TEXT,
            text="Q1",
            file_id=None,
            message_id=None,
            now=T0,
        )
        second = await asking.ask(
            uow,
            actor=b,
            campaign_id=world.campaign_id,
            kind=QuestionKind.VOICE,
            text=None,
            file_id="AwAC",
            message_id=None,
            now=T0,
        )
        elsewhere = await asking.ask(
            uow,
            actor=outsider,
            campaign_id=world.other_campaign_id,
            kind=QuestionKind.TEXT,
            text="Q3",
            file_id=None,
            message_id=None,
            now=T0,
        )
        none_yet = (
            await answering.duplicate_candidates(uow, actor=world.marketer, question_id=second.id)
        ).candidates
        assert none_yet == []
        await answering.answer(
            uow, actor=world.marketer, question_id=first.id, text="A1", publish=False, now=T0
        )
        candidates = (
            await answering.duplicate_candidates(uow, actor=world.marketer, question_id=second.id)
        ).candidates
        assert [q.id for q in candidates] == [first.id]
        with pytest.raises(NotFound):
            await answering.mark_duplicate(
                uow, actor=world.marketer, question_id=elsewhere.id, original_id=first.id, now=T0
            )
        closed = (
            await answering.mark_duplicate(
                uow, actor=world.marketer, question_id=second.id, original_id=first.id, now=T0
            )
        ).question
        assert (closed.status, closed.answer, closed.duplicate_of) == (
            QuestionStatus.DUPLICATE,
            "A1",
            first.id,
        )
        assert await pending(uow, outbox.ANSWER, second.id, "answer") == {b.id: "pending"}
        # A duplicate is not itself offered as an original.
        candidates = (
            await answering.duplicate_candidates(
                uow, actor=world.marketer, question_id=elsewhere.id
            )
        ).candidates
        assert candidates == []


async def test_reminders_are_enqueued_once_outside_quiet_hours(world: World) -> None:
    rep = world.reps[0]
    async with world.uow() as uow:
        await uow.people.set_quiet_hours(world.marketer.id, QuietHours.parse("12:00-13:00"))
        q = await asking.ask(
            uow,
            actor=rep,
            campaign_id=world.campaign_id,
            kind=QuestionKind.TEXT,
            text="Q",
            file_id=None,
            message_id=None,
            now=T0,
        )
        assert await reminders.remind_unanswered(uow, now=T0 + timedelta(hours=23)) == 0
        # 24 h later it is 12:00 in Moscow: the marketer's quiet hour holds it until 13:00.
        assert await reminders.remind_unanswered(uow, now=T0 + timedelta(hours=24)) == 1
        assert await reminders.remind_unanswered(uow, now=T0 + timedelta(hours=30)) == 0
        row = await SqlDeliveryRepo(world.db.raw).get(
            outbox.REMIND, q.id, "remind", world.marketer.id
        )
        assert row is not None and row.due_at == T0 + timedelta(hours=25)
        reminded = await uow.questions.get(q.id)
        assert reminded is not None and reminded.reminded_at == T0 + timedelta(hours=24)


async def test_who_may_see_a_question_and_its_file(world: World) -> None:
    a, b, _, outsider = world.reps
    async with world.uow() as uow:
        q = await asking.ask(
            uow,
            actor=a,
            campaign_id=world.campaign_id,
            kind=QuestionKind.PHOTO,
            text=None,
            file_id="AgAD",
            message_id=None,
            now=T0,
        )
        assert (
            await asking.question_file(uow, actor=world.marketer, question_id=q.id)
        ).named is True
        assert (await asking.question_file(uow, actor=b, question_id=q.id)).named is False
        with pytest.raises(Forbidden):
            await asking.question_file(uow, actor=outsider, question_id=q.id)
        await answering.answer(
            uow, actor=world.marketer, question_id=q.id, text="A", publish=False, now=T0
        )
        # Answered but not published: only the asker (and staff) still see it.
        assert (await asking.question_file(uow, actor=a, question_id=q.id)).named is False
        with pytest.raises(Forbidden):
            await asking.question_file(uow, actor=b, question_id=q.id)
        with pytest.raises(Forbidden):
            await answering.queue(uow, actor=b)
        assert await answering.queue(uow, actor=world.admin) == []


async def test_the_in_memory_repository_answers_like_the_sql_one(world: World) -> None:
    """The unit tests' FakeQuestionRepo is only worth what it shares with SQL: same script,
    same answers."""
    a, b, c, _ = world.reps

    async def script(repo: QuestionRepo) -> list[object]:
        ids = []
        for n, (who, kind) in enumerate(
            ((a, QuestionKind.TEXT), (b, QuestionKind.PHOTO), (a, QuestionKind.TEXT))
        ):
            q = await repo.add(
                NewQuestion(
                    world.campaign_id,
                    who.id,
                    kind,
                    f"Q{n}",
                    "F" if n == 1 else None,
                    n,
                    T0 + timedelta(minutes=n),
                )
            )
            ids.append(q.id)
        seen: list[object] = [await repo.vote(ids[0], c.id, at=T0)]
        seen.append(await repo.vote(ids[0], c.id, at=T0))
        seen.append(await repo.vote(ids[0], b.id, at=T0 - timedelta(seconds=1)))
        first = await repo.get(ids[0])
        assert first is not None
        later = T0 + timedelta(hours=1)
        await repo.save(
            first.with_(
                status=QuestionStatus.ANSWERED,
                answer="A",
                answered_by=world.marketer.id,
                answered_at=later,
                published_at=later,
                votes=99,
                text="changed",
            )
        )
        second = await repo.get(ids[1])
        assert second is not None
        await repo.save(
            second.with_(
                status=QuestionStatus.ANSWERED, answer="B", answered_at=later, reminded_at=T0
            )
        )
        seen += [
            await repo.get(ids[0]),
            await repo.get(12345),
            await repo.open_questions(),
            await repo.open_questions(world.campaign_id),
            await repo.open_questions(world.other_campaign_id),
            await repo.answered(world.campaign_id),
            await repo.faq(world.campaign_id),
            await repo.awaiting_reminder(asked_before=T0 + timedelta(minutes=2)),
            await repo.voters(ids[0]),
            await repo.voted_by(c.id, ids),
            await repo.voted_by(c.id, []),
        ]
        return seen

    async with world.uow() as uow:
        in_sql = await script(uow.questions)
    assert await script(FakeQuestionRepo()) == in_sql
