"""Building a briefing request: who may, the questions, answer buttons, the deadline, the
audience, and what a sent briefing refuses."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from domain.briefings import drafting
from domain.briefings.drafting import Draft
from domain.briefings.flows import TypingDeadline, WritingOptions, WritingQuestion
from domain.briefings.model import MAX_QUESTIONS, BriefingStatus
from domain.briefings.reports import Report
from domain.campaigns.model import Audience, Status
from domain.errors import DomainError, Forbidden, InvalidInput, NotFound
from domain.people.model import Role, Team
from tests.support.builders.briefings import (
    a_briefing,
    a_campaign_to_brief,
    a_question,
    a_sent_briefing,
)
from tests.support.builders.people import NOW, a_lead, a_marketer, a_rep, an_admin
from tests.support.fakes import FakeUnitOfWork
from tests.support.fakes.briefings import briefing_uow

MARKETER = a_marketer(1, tz="Asia/Novosibirsk")
REPS = [a_rep(4, team=1), a_rep(5, team=1), a_rep(6, team=2), a_rep(7, team=2, active=False)]
LEAD = a_lead(3, team=2)
TEAMS = [
    Team(1, "Moscow", "Centre", "Europe/Moscow"),
    Team(2, "Siberia", "NSK", "Asia/Novosibirsk"),
]


class OtherFlow:
    """Another feature's step, to see that the builder leaves it alone."""

    kind = "other.step"


def world(*briefings: object, campaign_status: Status = Status.DRAFT) -> FakeUnitOfWork:
    return briefing_uow(
        campaigns=[a_campaign_to_brief(1, status=campaign_status)],
        briefings=briefings,  # type: ignore[arg-type]
        people=[MARKETER, an_admin(2), LEAD, *REPS],
        teams=TEAMS,
    )


async def test_a_new_briefing_is_a_draft_waiting_for_its_first_question() -> None:
    uow = world()
    async with uow:
        prompt = await drafting.create(uow, actor=MARKETER, campaign_id=1, now=NOW)
    assert (prompt.state, prompt.number, prompt.replaced) == (WritingQuestion(1), 1, None)
    assert uow.flows.states[MARKETER.id] == WritingQuestion(1)
    briefing = await uow.briefings.get(1)
    assert briefing is not None and briefing.status is BriefingStatus.DRAFT
    assert briefing.created_by == MARKETER.id
    assert uow.audit.actions() == ["briefing.create"]


async def test_a_new_briefing_takes_over_from_the_flow_the_marketer_was_in() -> None:
    uow = world()
    uow.flows.states[MARKETER.id] = OtherFlow()  # type: ignore[assignment]
    async with uow:
        prompt = await drafting.create(uow, actor=MARKETER, campaign_id=1, now=NOW)
    assert isinstance(prompt.replaced, OtherFlow)


@pytest.mark.parametrize("who", [REPS[0], LEAD])
async def test_only_marketers_and_admins_run_briefings(who: object) -> None:
    uow = world(a_briefing())
    for attempt in (
        drafting.create(uow, actor=who, campaign_id=1, now=NOW),  # type: ignore[arg-type]
        drafting.listing(uow, actor=who, campaign_id=1, now=NOW),  # type: ignore[arg-type]
        drafting.open_briefing(uow, actor=who, briefing_id=1),  # type: ignore[arg-type]
    ):
        with pytest.raises(Forbidden):
            await attempt
    async with uow:
        assert (await drafting.create(uow, actor=an_admin(2), campaign_id=1, now=NOW)).number == 1


async def test_a_cancelled_or_unknown_campaign_gets_no_briefing() -> None:
    uow = world(campaign_status=Status.CANCELLED)
    with pytest.raises(InvalidInput) as cancelled:
        await drafting.create(uow, actor=MARKETER, campaign_id=1, now=NOW)
    assert cancelled.value.key == "error-campaign-cancelled"
    with pytest.raises(NotFound):
        await drafting.create(uow, actor=MARKETER, campaign_id=9, now=NOW)


async def test_a_typed_question_is_added_and_the_builder_shows_whom_it_asks() -> None:
    uow = world(a_briefing(questions=(a_question(1),)))
    uow.flows.states[MARKETER.id] = WritingQuestion(1)
    async with uow:
        draft = await drafting.add_question(uow, actor=MARKETER, briefing_id=1, text=" Why? ")
    assert [(q.position, q.text) for q in draft.briefing.questions] == [
        (1, "Question 1?"),
        (2, "Why?"),
    ]
    assert MARKETER.id not in uow.flows.states
    # The campaign's audience: every active rep.
    assert (draft.audience, draft.reach, draft.own_audience) == (Audience(all_reps=True), 3, False)
    assert set(draft.teams) == {1, 2}


async def test_the_next_question_prompt_counts_the_questions_so_far() -> None:
    uow = world(a_briefing(questions=(a_question(1), a_question(2))))
    async with uow:
        prompt = await drafting.ask_question(uow, actor=MARKETER, briefing_id=1, now=NOW)
    assert prompt.number == 3 and uow.flows.states[MARKETER.id] == WritingQuestion(1)


async def test_a_typed_step_remembers_its_builder_and_hands_it_back_once_done() -> None:
    uow = world(a_briefing(questions=(a_question(1),)))
    async with uow:
        prompt = await drafting.ask_question(uow, actor=MARKETER, briefing_id=1, now=NOW, screen=41)
    assert prompt.state == WritingQuestion(1, screen=41)
    uow.flows.states[MARKETER.id] = WritingQuestion(1, screen=41, prompt=42)  # sent as 42
    async with uow:
        draft = await drafting.add_question(uow, actor=MARKETER, briefing_id=1, text="Why?")
    assert draft.left == WritingQuestion(1, screen=41, prompt=42)  # redraw 41, remove 42
    async with uow:
        draft = await drafting.open_briefing(uow, actor=MARKETER, briefing_id=1)
    assert isinstance(draft, drafting.Draft) and draft.left is None


@pytest.mark.parametrize(("text", "key"), [("   ", "error-text-expected"), ("x" * 501, None)])
async def test_an_empty_or_overlong_question_is_refused_and_the_step_stays(
    text: str, key: str | None
) -> None:
    uow = world(a_briefing())
    uow.flows.states[MARKETER.id] = WritingQuestion(1)
    with pytest.raises(InvalidInput) as caught:
        async with uow:
            await drafting.add_question(uow, actor=MARKETER, briefing_id=1, text=text)
    assert caught.value.key == (key or "error-text-length")
    assert uow.flows.states[MARKETER.id] == WritingQuestion(1)
    assert not uow.briefings.questions


async def test_a_briefing_holds_at_most_ten_questions() -> None:
    questions = tuple(a_question(n) for n in range(1, MAX_QUESTIONS + 1))
    uow = world(a_briefing(questions=questions))
    with pytest.raises(InvalidInput) as caught:
        await drafting.add_question(uow, actor=MARKETER, briefing_id=1, text="One more?")
    assert caught.value.key == "error-too-many-questions"


async def test_answer_buttons_are_typed_one_per_line_and_can_be_taken_off_again() -> None:
    uow = world(a_briefing(questions=(a_question(1),)))
    async with uow:
        prompt = await drafting.ask_options(
            uow, actor=MARKETER, briefing_id=1, question_id=1, now=NOW
        )
    assert prompt.state == WritingOptions(1, 1) and prompt.question.position == 1
    async with uow:
        draft = await drafting.set_options(
            uow, actor=MARKETER, briefing_id=1, question_id=1, text="Yes\nNo"
        )
    assert draft.briefing.questions[0].options == ("Yes", "No")
    assert MARKETER.id not in uow.flows.states
    async with uow:
        draft = await drafting.free_answer(uow, actor=MARKETER, briefing_id=1, question_id=1)
    assert draft.briefing.questions[0].options == ()


async def test_bad_answer_buttons_or_an_unknown_question_are_refused() -> None:
    uow = world(a_briefing(questions=(a_question(1),)))
    with pytest.raises(InvalidInput) as few:
        await drafting.set_options(uow, actor=MARKETER, briefing_id=1, question_id=1, text="Yes")
    assert few.value.key == "error-options-too-few"
    with pytest.raises(NotFound):
        await drafting.ask_options(uow, actor=MARKETER, briefing_id=1, question_id=9, now=NOW)
    with pytest.raises(NotFound):
        await drafting.remove_question(uow, actor=MARKETER, briefing_id=1, question_id=9)
    with pytest.raises(NotFound):
        await drafting.add_question(uow, actor=MARKETER, briefing_id=9, text="Why?")


async def test_removing_a_question_renumbers_the_rest_and_the_next_prompt() -> None:
    uow = world(a_briefing())
    for text in ("One?", "Two?"):
        await drafting.add_question(uow, actor=MARKETER, briefing_id=1, text=text)
    first = (await drafting.audience(uow, actor=MARKETER, briefing_id=1)).briefing.questions[0]
    draft = await drafting.remove_question(uow, actor=MARKETER, briefing_id=1, question_id=first.id)
    assert [(q.position, q.text) for q in draft.briefing.questions] == [(1, "Two?")]
    prompt = await drafting.ask_question(uow, actor=MARKETER, briefing_id=1, now=NOW)
    draft = await drafting.add_question(uow, actor=MARKETER, briefing_id=1, text="Three?")
    assert prompt.number == 2
    assert [q.position for q in draft.briefing.questions] == [1, 2]


async def test_a_typed_deadline_is_read_in_the_marketers_own_zone() -> None:
    uow = world(a_briefing(deadline=None))
    async with uow:
        prompt = await drafting.ask_deadline(uow, actor=MARKETER, briefing_id=1, now=NOW)
    assert prompt.state == TypingDeadline(1) and prompt.days == (3, 7)
    async with uow:
        draft = await drafting.set_deadline(
            uow, actor=MARKETER, briefing_id=1, text="27.11 18:00", now=NOW
        )
    # 18:00 in Novosibirsk (UTC+7).
    assert draft.briefing.deadline == datetime(2026, 11, 27, 11, tzinfo=UTC)
    assert MARKETER.id not in uow.flows.states


async def test_a_quick_deadline_is_days_ahead_at_six_pm_and_other_days_are_refused() -> None:
    uow = world(a_briefing(deadline=None))
    draft = await drafting.set_quick_deadline(uow, actor=MARKETER, briefing_id=1, days=7, now=NOW)
    assert draft.briefing.deadline == datetime(2026, 12, 1, 11, tzinfo=UTC)
    with pytest.raises(InvalidInput):
        await drafting.set_quick_deadline(uow, actor=MARKETER, briefing_id=1, days=2, now=NOW)


async def test_a_deadline_more_than_five_years_ahead_is_refused() -> None:
    uow = world(a_briefing(deadline=None))
    with pytest.raises(InvalidInput) as caught:
        await drafting.set_deadline(
            uow, actor=MARKETER, briefing_id=1, text="31.12.9999 10:00", now=NOW
        )
    assert caught.value.key == "error-date-too-far"
    kept = await uow.briefings.get(1)
    assert kept is not None and kept.deadline is None


async def test_a_deadline_in_the_past_is_refused() -> None:
    uow = world(a_briefing(deadline=None))
    with pytest.raises(InvalidInput) as caught:
        await drafting.set_deadline(
            uow, actor=MARKETER, briefing_id=1, text="01.01.2020 10:00", now=NOW
        )
    assert caught.value.key == "error-date-past"
    kept = await uow.briefings.get(1)
    assert kept is not None and kept.deadline is None


async def test_the_audience_starts_from_the_campaigns_and_can_go_back_to_it() -> None:
    uow = world(a_briefing())
    draft = await drafting.audience(uow, actor=MARKETER, briefing_id=1)
    assert draft.audience == Audience(all_reps=True) and not draft.own_audience
    draft = await drafting.toggle_audience(uow, actor=MARKETER, briefing_id=1, all_reps=True)
    draft = await drafting.toggle_audience(uow, actor=MARKETER, briefing_id=1, team_id=2)
    assert draft.audience == Audience(team_ids=frozenset({2})) and draft.own_audience
    assert draft.reach == 2  # the lead and rep 6 (rep 7 is inactive)
    draft = await drafting.toggle_audience(uow, actor=MARKETER, briefing_id=1, role=Role.ADMIN)
    assert draft.reach == 3
    draft = await drafting.use_campaign_audience(uow, actor=MARKETER, briefing_id=1)
    assert draft.audience == Audience(all_reps=True) and not draft.own_audience
    with pytest.raises(NotFound):
        await drafting.toggle_audience(uow, actor=MARKETER, briefing_id=1, team_id=9)


async def test_a_sent_briefing_can_no_longer_be_changed() -> None:
    uow = world(a_sent_briefing(questions=(a_question(1),)))
    attempts = [
        drafting.ask_question(uow, actor=MARKETER, briefing_id=1, now=NOW),
        drafting.add_question(uow, actor=MARKETER, briefing_id=1, text="Late?"),
        drafting.ask_options(uow, actor=MARKETER, briefing_id=1, question_id=1, now=NOW),
        drafting.set_options(uow, actor=MARKETER, briefing_id=1, question_id=1, text="A\nB"),
        drafting.free_answer(uow, actor=MARKETER, briefing_id=1, question_id=1),
        drafting.remove_question(uow, actor=MARKETER, briefing_id=1, question_id=1),
        drafting.ask_deadline(uow, actor=MARKETER, briefing_id=1, now=NOW),
        drafting.set_quick_deadline(uow, actor=MARKETER, briefing_id=1, days=3, now=NOW),
        drafting.audience(uow, actor=MARKETER, briefing_id=1),
        drafting.toggle_audience(uow, actor=MARKETER, briefing_id=1, all_reps=True),
        drafting.use_campaign_audience(uow, actor=MARKETER, briefing_id=1),
        drafting.discard(uow, actor=MARKETER, briefing_id=1, now=NOW),
    ]
    for attempt in attempts:
        with pytest.raises(DomainError) as caught:
            await attempt
        assert caught.value.key == "error-briefing-sent"
    assert uow.flows.states == {}


async def test_a_discarded_draft_is_gone_and_the_list_is_what_is_left() -> None:
    uow = world(a_briefing(1, questions=(a_question(1),)), a_sent_briefing(2))
    uow.flows.states[MARKETER.id] = TypingDeadline(1)
    async with uow:
        listing = await drafting.discard(uow, actor=MARKETER, briefing_id=1, now=NOW)
    assert [item.briefing.id for item in listing.briefings] == [2]
    assert await uow.briefings.get(1) is None and not uow.briefings.questions
    assert MARKETER.id not in uow.flows.states


async def test_the_list_is_newest_first_and_a_sent_one_past_its_deadline_reads_closed() -> None:
    uow = world(a_briefing(1), a_sent_briefing(2), a_briefing(3, campaign=2))
    listing = await drafting.listing(uow, actor=MARKETER, campaign_id=1, now=NOW)
    assert [(i.briefing.id, i.status) for i in listing.briefings] == [
        (2, BriefingStatus.SENT),
        (1, BriefingStatus.DRAFT),
    ]
    later = await drafting.listing(uow, actor=MARKETER, campaign_id=1, now=NOW + timedelta(days=3))
    assert later.briefings[0].status is BriefingStatus.CLOSED


async def test_opening_shows_a_drafts_builder_and_a_sent_ones_progress() -> None:
    uow = world(a_briefing(1), a_sent_briefing(2))
    uow.flows.states[MARKETER.id] = WritingQuestion(1)
    async with uow:
        assert isinstance(await drafting.open_briefing(uow, actor=MARKETER, briefing_id=1), Draft)
    assert MARKETER.id not in uow.flows.states  # the half-typed step is left
    uow.flows.states[MARKETER.id] = OtherFlow()  # type: ignore[assignment]
    async with uow:
        assert isinstance(await drafting.open_briefing(uow, actor=MARKETER, briefing_id=2), Report)
    assert isinstance(uow.flows.states[MARKETER.id], OtherFlow)  # another feature's step stays


async def test_the_preview_is_the_request_as_the_marketer_would_get_it() -> None:
    uow = world(a_briefing(questions=(a_question(1),)))
    request = await drafting.preview(uow, actor=MARKETER, briefing_id=1)
    assert request.recipient == MARKETER and request.campaign.name == "Winter immunity"
    assert [q.id for q in request.briefing.questions] == [1]
