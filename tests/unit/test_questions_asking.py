"""The recipients' use cases: asking, the FAQ and open questions, "me too", a question's file."""

from __future__ import annotations

from datetime import timedelta

import pytest

from domain.campaigns.model import Status
from domain.errors import Forbidden, InvalidInput, NotFound
from domain.questions import asking, outbox
from domain.questions.flows import AnsweringQuestion, AskingQuestion
from domain.questions.model import QuestionKind, QuestionStatus
from domain.timezones import QuietHours
from tests.support.builders.people import NOW
from tests.support.builders.questions import a_question, an_answered_question
from tests.support.fakes.questions import Scene, a_scene


async def ask_text(scene: Scene, who: int, text: str = "Можно детям?") -> int:
    person = await scene.uow.people.get(who)
    assert person is not None
    async with scene.uow as uow:
        question = await asking.ask(
            uow,
            actor=person,
            campaign_id=scene.campaign.id,
            kind=QuestionKind.TEXT,
            text=text,
            file_id=None,
            message_id=77,
            now=NOW,
        )
    return question.id


# --- beginning to ask ----------------------------------------------------------------------------


async def test_a_recipient_begins_asking_and_the_flow_waits_for_that_campaigns_question() -> None:
    scene = await a_scene()
    rep = scene.reps[0]
    async with scene.uow as uow:
        prompt = await asking.begin_asking(uow, actor=rep, campaign_id=1, now=NOW)
    assert prompt.campaign == scene.campaign
    assert prompt.state == AskingQuestion(1) and prompt.replaced is None
    assert await scene.uow.flows.get(rep.id) == AskingQuestion(1)


async def test_beginning_to_ask_replaces_the_open_flow_and_says_which() -> None:
    scene = await a_scene()
    rep = scene.reps[0]
    await scene.uow.flows.save(rep.id, AnsweringQuestion(5), now=NOW)
    async with scene.uow as uow:
        prompt = await asking.begin_asking(uow, actor=rep, campaign_id=1, now=NOW)
    assert prompt.replaced == AnsweringQuestion(5)


async def test_only_the_campaigns_recipients_may_ask() -> None:
    scene = await a_scene()
    for someone in (scene.marketer, scene.admin, scene.outsider):
        with pytest.raises(Forbidden):
            await asking.begin_asking(scene.uow, actor=someone, campaign_id=1, now=NOW)
    with pytest.raises(NotFound):
        await asking.begin_asking(scene.uow, actor=scene.reps[0], campaign_id=99, now=NOW)
    assert scene.uow.flows.states == {}


async def test_nobody_asks_about_a_cancelled_campaign() -> None:
    scene = await a_scene(status=Status.CANCELLED)
    with pytest.raises(InvalidInput) as refused:
        await asking.begin_asking(scene.uow, actor=scene.reps[0], campaign_id=1, now=NOW)
    assert refused.value.key == "error-campaign-cancelled"
    with pytest.raises(InvalidInput):
        await ask_text(scene, scene.reps[0].id)


# --- asking --------------------------------------------------------------------------------------


async def test_a_question_is_stored_its_card_queued_for_the_marketers_and_the_flow_ended() -> None:
    scene = await a_scene()
    rep = scene.reps[0]
    await scene.uow.flows.save(rep.id, AskingQuestion(1), now=NOW)
    qid = await ask_text(scene, rep.id, "  Можно детям?  ")
    question = await scene.questions.get(qid)
    assert question is not None
    assert (question.text, question.asked_by, question.message_id) == ("Можно детям?", rep.id, 77)
    assert question.status is QuestionStatus.OPEN
    # The creator is a marketer: the admin is not told.
    assert scene.uow.outbox.recipients(outbox.ASKED, ref_id=qid, batch="new") == {1}
    assert scene.uow.audit.actions() == ["question.ask"]
    assert await scene.uow.flows.get(rep.id) is None


async def test_the_card_waits_for_the_end_of_the_marketers_quiet_hours() -> None:
    scene = await a_scene()
    await scene.uow.people.set_quiet_hours(1, QuietHours.parse("12:00-13:00"))  # NOW is 12:00
    qid = await ask_text(scene, 10)
    [row] = scene.uow.outbox.queued(outbox.ASKED, ref_id=qid)
    assert row.due_at == NOW + timedelta(hours=1)


async def test_a_photo_keeps_its_caption_and_a_voice_message_is_its_file() -> None:
    scene = await a_scene()
    async with scene.uow as uow:
        photo = await asking.ask(
            uow,
            actor=scene.reps[0],
            campaign_id=1,
            kind=QuestionKind.PHOTO,
            text=" ценник? ",
            file_id="AgAD",
            message_id=None,
            now=NOW,
        )
        voice = await asking.ask(
            uow,
            actor=scene.reps[1],
            campaign_id=1,
            kind=QuestionKind.VOICE,
            text="ignored",
            file_id="AwAC",
            message_id=None,
            now=NOW,
        )
    assert (photo.text, photo.file_id) == ("ценник?", "AgAD")
    assert (voice.text, voice.file_id) == (None, "AwAC")


async def test_bad_input_changes_nothing_and_keeps_the_person_on_the_step() -> None:
    scene = await a_scene()
    rep = scene.reps[0]
    await scene.uow.flows.save(rep.id, AskingQuestion(1), now=NOW)
    with pytest.raises(InvalidInput) as empty:
        await ask_text(scene, rep.id, "   ")
    assert empty.value.key == "error-text-expected"
    with pytest.raises(InvalidInput) as no_file:
        async with scene.uow as uow:
            await asking.ask(
                uow,
                actor=rep,
                campaign_id=1,
                kind=QuestionKind.PHOTO,
                text="caption",
                file_id=None,
                message_id=None,
                now=NOW,
            )
    assert no_file.value.key == "error-question-kind"
    assert scene.questions.by_id == {} and scene.uow.outbox.queued(outbox.ASKED) == []
    assert await scene.uow.flows.get(rep.id) == AskingQuestion(1)


async def test_asking_leaves_a_flow_of_another_kind_alone() -> None:
    scene = await a_scene()
    rep = scene.reps[0]
    await scene.uow.flows.save(rep.id, AnsweringQuestion(3), now=NOW)
    await ask_text(scene, rep.id)
    assert await scene.uow.flows.get(rep.id) == AnsweringQuestion(3)


async def test_an_outsider_cannot_ask() -> None:
    scene = await a_scene()
    with pytest.raises(Forbidden):
        await ask_text(scene, scene.outsider.id)


# --- the FAQ and the open questions --------------------------------------------------------------


async def test_the_faq_is_newest_first_and_the_open_questions_most_voted_first() -> None:
    scene = await a_scene()
    scene.questions.put(
        an_answered_question(1, published_at=NOW),
        an_answered_question(2, published_at=NOW + timedelta(hours=1)),
        an_answered_question(3),  # answered, not published
        a_question(4, by=11, asked_at=NOW - timedelta(hours=2)),
        a_question(5, by=12, asked_at=NOW),
        a_question(6, campaign=2),
    )
    await scene.questions.vote(5, 10, at=NOW)
    view = await asking.campaign_questions(scene.uow, actor=scene.reps[0], campaign_id=1)
    assert [q.id for q in view.faq] == [2, 1]
    assert [q.id for q in view.open] == [5, 4]
    assert view.voted == frozenset({5}) and view.can_ask


async def test_a_recipient_votes_on_others_open_questions_but_not_on_their_own() -> None:
    scene = await a_scene()
    scene.questions.put(a_question(1, by=10), a_question(2, by=11))
    view = await asking.campaign_questions(scene.uow, actor=scene.reps[0], campaign_id=1)
    mine, theirs = sorted(view.open, key=lambda q: q.id)
    assert view.is_mine(mine) and not view.may_vote(mine)
    assert not view.is_mine(theirs) and view.may_vote(theirs)


async def test_staff_read_any_faq_but_do_not_ask_or_vote() -> None:
    scene = await a_scene()
    scene.questions.put(a_question(1))
    view = await asking.campaign_questions(scene.uow, actor=scene.marketer, campaign_id=1)
    assert not view.can_ask and not view.may_vote(view.open[0])


async def test_after_a_cancellation_recipients_still_read_but_no_longer_ask() -> None:
    scene = await a_scene(status=Status.CANCELLED)
    view = await asking.campaign_questions(scene.uow, actor=scene.reps[0], campaign_id=1)
    assert not view.can_ask


async def test_an_outsider_sees_no_faq() -> None:
    scene = await a_scene()
    with pytest.raises(Forbidden):
        await asking.campaign_questions(scene.uow, actor=scene.outsider, campaign_id=1)
    with pytest.raises(NotFound):
        await asking.campaign_questions(scene.uow, actor=scene.reps[0], campaign_id=9)


# --- "me too" ------------------------------------------------------------------------------------


async def test_me_too_counts_once_and_returns_the_open_questions_with_the_vote() -> None:
    scene = await a_scene()
    scene.questions.put(a_question(1, by=10))
    bella = scene.reps[1]
    first = await asking.upvote(scene.uow, actor=bella, question_id=1, now=NOW)
    assert first.counted
    assert first.view.voted == frozenset({1}) and first.view.open[0].votes == 1
    again = await asking.upvote(scene.uow, actor=bella, question_id=1, now=NOW)
    assert not again.counted and again.view.open[0].votes == 1


async def test_me_too_is_refused_on_ones_own_or_an_answered_question() -> None:
    scene = await a_scene()
    scene.questions.put(a_question(1, by=10), an_answered_question(2, by=10))
    with pytest.raises(InvalidInput) as own:
        await asking.upvote(scene.uow, actor=scene.reps[0], question_id=1, now=NOW)
    assert own.value.key == "error-own-question"
    with pytest.raises(InvalidInput) as closed:
        await asking.upvote(scene.uow, actor=scene.reps[1], question_id=2, now=NOW)
    assert closed.value.key == "error-question-closed"
    assert scene.questions.votes == {}


async def test_me_too_is_for_recipients_only() -> None:
    scene = await a_scene()
    scene.questions.put(a_question(1, by=10))
    for someone in (scene.outsider, scene.marketer):
        with pytest.raises(Forbidden):
            await asking.upvote(scene.uow, actor=someone, question_id=1, now=NOW)
    with pytest.raises(NotFound):
        await asking.upvote(scene.uow, actor=scene.reps[1], question_id=99, now=NOW)


async def test_asking_shows_the_open_questions_of_others_first() -> None:
    scene = await a_scene()
    scene.questions.put(a_question(1, by=10), a_question(2, by=11), an_answered_question(3, by=12))
    async with scene.uow as uow:
        prompt = await asking.begin_asking(uow, actor=scene.reps[0], campaign_id=1, now=NOW)
    assert [q.id for q in prompt.view.open] == [1, 2]
    assert [q.id for q in prompt.asked_before] == [2]  # not one's own, not answered


async def test_me_too_instead_of_asking_ends_the_ask_flow_of_that_campaign_only() -> None:
    scene = await a_scene()
    scene.questions.put(a_question(1, by=10))
    bella = scene.reps[1]
    await asking.begin_asking(scene.uow, actor=bella, campaign_id=1, now=NOW)
    await asking.upvote(scene.uow, actor=bella, question_id=1, now=NOW)
    assert await scene.uow.flows.get(bella.id) == AskingQuestion(1)  # from the FAQ: it stays
    vote = await asking.upvote(
        scene.uow, actor=bella, question_id=1, now=NOW, instead_of_asking=True
    )
    assert not vote.counted and await scene.uow.flows.get(bella.id) is None
    await scene.uow.flows.save(bella.id, AskingQuestion(7), now=NOW)
    await asking.upvote(scene.uow, actor=bella, question_id=1, now=NOW, instead_of_asking=True)
    assert await scene.uow.flows.get(bella.id) == AskingQuestion(7)


async def test_asking_or_answering_redraws_every_announcements_faq_count_once_a_window() -> None:
    from domain.campaigns.counts import window_of
    from domain.campaigns.kinds import REFRESH

    scene = await a_scene()
    first = await ask_text(scene, 10)
    await ask_text(scene, 11, "Ещё вопрос?")
    batch, due = window_of(NOW)
    rows = [r for r in scene.uow.outbox.rows.values() if r.kind == REFRESH]
    assert {(r.batch, r.due_at) for r in rows} == {(batch, due)}
    assert sorted(r.person_id for r in rows) == [10, 11, 12]  # once each, for both questions
    assert NOW < due <= NOW + timedelta(minutes=10)
    assert await scene.uow.questions.count_open(1) == 2 and first == 1


# --- a question's photo or voice message ---------------------------------------------------------


async def test_those_who_answer_see_a_questions_file_with_the_askers_name() -> None:
    scene = await a_scene()
    scene.questions.put(a_question(1, by=10, kind=QuestionKind.PHOTO, file_id="AgAD"))
    found = await asking.question_file(scene.uow, actor=scene.admin, question_id=1)
    assert found.named and found.asker == scene.reps[0]


async def test_recipients_see_open_and_published_questions_without_a_name() -> None:
    scene = await a_scene()
    scene.questions.put(
        a_question(1, by=10, kind=QuestionKind.VOICE, file_id="AwAC"),
        an_answered_question(2, by=10, kind=QuestionKind.VOICE, file_id="AwAC"),
        an_answered_question(3, by=10, published_at=NOW),
    )
    bella = scene.reps[1]
    for qid in (1, 3):
        found = await asking.question_file(scene.uow, actor=bella, question_id=qid)
        assert not found.named and found.asker is None
    # Answered but not published: only its asker (and staff) still see it.
    with pytest.raises(Forbidden):
        await asking.question_file(scene.uow, actor=bella, question_id=2)
    own = await asking.question_file(scene.uow, actor=scene.reps[0], question_id=2)
    assert not own.named
    with pytest.raises(Forbidden):
        await asking.question_file(scene.uow, actor=scene.outsider, question_id=1)
