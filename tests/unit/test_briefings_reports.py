"""What the marketer reads of a sent briefing (progress, answers per question, files,
exports), and what the outbox sends reps (the request, the reminders) or holds back."""

from __future__ import annotations

from datetime import timedelta

import pytest

from domain.briefings import notices, reports
from domain.briefings.kinds import ASK, ASK_BATCH, REMIND, reminder_batch
from domain.briefings.model import AnswerKind
from domain.errors import Forbidden, InvalidInput
from domain.people.model import Team
from domain.ports import Outgoing, Skip
from tests.support.builders.briefings import (
    a_campaign_to_brief,
    a_question,
    a_sent_briefing,
    an_answer,
)
from tests.support.builders.people import NOW, a_marketer, a_rep
from tests.support.fakes import FakeUnitOfWork
from tests.support.fakes.briefings import briefing_uow
from tests.support.fakes.shared import Row

MARKETER = a_marketer(1)
ANTON, BELLA, VERA, GLEB = (
    a_rep(4, team=1, name="Anton"),
    a_rep(5, team=1, name="Bella"),
    a_rep(6, team=2, name="Vera"),
    a_rep(7, team=2, name="Gleb"),
)
TEAMS = [
    Team(1, "Moscow", "Centre", "Europe/Moscow"),
    Team(2, "Siberia", "NSK", "Asia/Novosibirsk"),
]
QUESTIONS = (a_question(1), a_question(2, 2, "Yes", "No", "Maybe"))


async def world() -> FakeUnitOfWork:
    """Sent to four reps: Anton answered both questions (a text, "Yes"), Bella the first
    with a photo, Vera the second ("Yes"); Gleb's request is still on its way."""
    uow = briefing_uow(
        campaigns=[a_campaign_to_brief(1)],
        briefings=[a_sent_briefing(1, questions=QUESTIONS)],
        people=[MARKETER, ANTON, BELLA, VERA, GLEB],
        teams=TEAMS,
    )
    rows = [Outgoing(p.id, p.telegram_id, NOW) for p in (ANTON, BELLA, VERA, GLEB)]
    await uow.outbox.enqueue(ASK, 1, ASK_BATCH, rows)
    for person in (ANTON, BELLA, VERA):
        uow.outbox.mark_sent(ASK, 1, ASK_BATCH, person.id)
    for answer in (
        an_answer(1, ANTON.id, "dose"),
        an_answer(2, ANTON.id, "Yes", kind=AnswerKind.CHOICE),
        an_answer(1, BELLA.id, "shelf", kind=AnswerKind.PHOTO, file_id="AgAD"),
        an_answer(2, VERA.id, "Yes", kind=AnswerKind.CHOICE),
    ):
        await uow.briefings.save_answer(answer)
    return uow


async def test_progress_counts_who_answered_everything_some_or_nothing_per_team() -> None:
    report = await reports.report(await world(), actor=MARKETER, briefing_id=1)
    progress = report.progress
    assert (progress.recipients, progress.answered, progress.partly) == (4, 1, 2)
    assert progress.percent == 25
    assert [p.full_name for p in progress.not_answered] == ["Bella", "Gleb", "Vera"]
    assert [(t.team_id, t.recipients, t.answered) for t in progress.teams] == [
        (1, 2, 1),
        (2, 2, 0),
    ]
    assert report.teams[2].name == "Siberia"


async def test_the_unreachable_are_not_counted_as_recipients() -> None:
    uow = await world()
    uow.outbox.mark(ASK, 1, ASK_BATCH, GLEB.id, "unreachable")
    report = await reports.report(uow, actor=MARKETER, briefing_id=1)
    assert report.progress.recipients == 3


async def test_a_question_page_tallies_the_buttons_and_counts_the_files() -> None:
    uow = await world()
    first = await reports.answers_page(uow, actor=MARKETER, briefing_id=1, index=0)
    assert [(g.person.full_name, g.team.name) for g in first.answers] == [  # type: ignore[union-attr]
        ("Anton", "Moscow"),
        ("Bella", "Moscow"),
    ]
    assert first.tallies == () and first.files == ((AnswerKind.PHOTO, 1),)
    second = await reports.answers_page(uow, actor=MARKETER, briefing_id=1, index=5)
    assert second.index == 1 and second.question.id == 2
    assert second.tallies == (("Yes", 2), ("No", 0), ("Maybe", 0))


async def test_the_files_of_one_kind_given_to_one_question() -> None:
    uow = await world()
    photos = await reports.files(
        uow, actor=MARKETER, briefing_id=1, question_id=1, kind=AnswerKind.PHOTO
    )
    assert [(g.person.full_name, g.answer.file_id) for g in photos] == [("Bella", "AgAD")]  # type: ignore[union-attr]
    voice = await reports.files(
        uow, actor=MARKETER, briefing_id=1, question_id=1, kind=AnswerKind.VOICE
    )
    assert voice == []
    with pytest.raises(InvalidInput):
        await reports.files(uow, actor=MARKETER, briefing_id=1, question_id=1, kind=AnswerKind.TEXT)


async def test_the_export_holds_every_answer_by_question() -> None:
    exported = await reports.export(await world(), actor=MARKETER, briefing_id=1)
    assert [(g.question.position, g.person.full_name, g.answer.text) for g in exported] == [  # type: ignore[union-attr]
        (1, "Anton", "dose"),
        (1, "Bella", "shelf"),
        (2, "Anton", "Yes"),
        (2, "Vera", "Yes"),
    ]


async def test_reps_read_no_reports() -> None:
    uow = await world()
    with pytest.raises(Forbidden):
        await reports.report(uow, actor=ANTON, briefing_id=1)
    with pytest.raises(Forbidden):
        await reports.export(uow, actor=ANTON, briefing_id=1)


def due(kind: str, person_id: int, batch: str = ASK_BATCH) -> Row:
    return Row(kind, 1, batch, person_id, 1000 + person_id, NOW)


async def test_the_request_goes_out_while_the_briefing_takes_answers() -> None:
    uow = await world()
    request = await notices.request(uow, due(ASK, GLEB.id), NOW)
    assert request is not None and request.recipient == GLEB
    assert request.campaign.name == "Winter immunity" and len(request.briefing.questions) == 2
    late = await notices.request(uow, due(ASK, GLEB.id), NOW + timedelta(days=3))
    assert late == Skip("deadline-passed")


async def test_no_request_to_someone_deactivated_or_for_a_briefing_that_is_gone() -> None:
    uow = await world()
    await uow.people.set_active(GLEB.id, False)
    assert await notices.request(uow, due(ASK, GLEB.id), NOW) == Skip("recipient-inactive")
    gone = await notices.request(uow, Row(ASK, 9, ASK_BATCH, ANTON.id, 1, NOW), NOW)
    assert gone == Skip("gone")


async def test_a_reminder_says_how_many_questions_are_left_and_skips_those_done() -> None:
    uow = await world()
    batch = reminder_batch(1)
    bella = await notices.reminder(uow, due(REMIND, BELLA.id, batch), NOW)
    assert bella is not None and bella.left == 1 and bella.recipient == BELLA
    gleb = await notices.reminder(uow, due(REMIND, GLEB.id, batch), NOW)
    assert gleb is not None and gleb.left == 2
    assert await notices.reminder(uow, due(REMIND, ANTON.id, batch), NOW) == Skip("answered")
    late = NOW + timedelta(days=3)
    assert await notices.reminder(uow, due(REMIND, GLEB.id, batch), late) == Skip("deadline-passed")
