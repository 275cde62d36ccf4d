"""Drafting a meeting on the in-memory fakes: the wizard saves every step, bad input keeps
the step, presentations are pre-filled from their campaign, and only organisers draft."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from domain.errors import Forbidden, InvalidInput
from domain.feedback.model import NewFeedback
from domain.meetings import audience, drafting, presentations, scheduling, sending
from domain.meetings.agenda import TopicSource
from domain.meetings.audience import PeopleFound
from domain.meetings.drafting import TopicAdded
from domain.meetings.flows import Drafting, Step
from domain.meetings.model import Kind, Recurrence, Status
from domain.meetings.queries import DraftCard
from domain.meetings.scheduling import SlotAdded
from domain.meetings.wizard import Asked
from tests.support.builders.meetings import Scene, a_scene
from tests.support.builders.people import NOW
from tests.support.builders.questions import a_question, an_announced_campaign
from tests.support.fakes.feedback import FakeFeedbackRepo
from tests.support.fakes.meetings import FakeMeetingRepo
from tests.support.fakes.questions import CampaignsById, FakeQuestionRepo


async def typed(scene: Scene, text: str) -> object:
    state = await scene.uow.flows.get(scene.lead.id)
    assert isinstance(state, Drafting)
    async with scene.uow as uow:
        return await drafting.answer(uow, actor=scene.lead, state=state, text=text, now=NOW)


async def step(scene: Scene) -> Step:
    state = await scene.uow.flows.get(scene.lead.id)
    assert isinstance(state, Drafting)
    return state.step


async def test_the_wizard_walks_every_step_and_saves_each() -> None:
    scene = a_scene()
    async with scene.uow as uow:
        asked = await drafting.start(uow, actor=scene.lead, now=NOW)
    assert asked.prompt.state == Drafting(1, Step.TITLE, wizard=True)
    await typed(scene, "Weekly sync")
    assert await step(scene) is Step.KIND
    async with scene.uow as uow:
        await presentations.choose_kind(
            uow, actor=scene.lead, meeting_id=1, kind=Kind.WEEKLY, now=NOW
        )
        await scheduling.choose_when(uow, actor=scene.lead, meeting_id=1, poll=False, now=NOW)
    assert await step(scene) is Step.TIME
    await typed(scene, "завтра 15:00")  # Moscow: 12:00 UTC
    assert await step(scene) is Step.DURATION
    async with scene.uow as uow:
        await drafting.choose_duration(uow, actor=scene.lead, meeting_id=1, minutes=45, now=NOW)
    await typed(scene, "https://meet.example.com/sync")
    async with scene.uow as uow:
        await scheduling.choose_repeat(
            uow, actor=scene.lead, meeting_id=1, recurrence=Recurrence.WEEKLY, now=NOW
        )
    assert await step(scene) is Step.REPEAT_END
    await typed(scene, "3")
    async with scene.uow as uow:
        choice = await audience.toggle_participants(
            uow, actor=scene.lead, meeting_id=1, team_id=1, now=NOW
        )
    assert choice.reach == 5  # four reps and the organiser
    found = await _find(scene, "Olg")
    assert [p.id for p in found.found] == [scene.outsider.id]
    async with scene.uow as uow:
        choice = await audience.toggle_participants(
            uow, actor=scene.lead, meeting_id=1, person_id=scene.outsider.id, now=NOW
        )
        await audience.finish_participants(uow, actor=scene.lead, meeting_id=1, now=NOW)
    assert choice.reach == 6
    assert await step(scene) is Step.AGENDA
    added = await typed(scene, "Plan for December")
    assert isinstance(added, TopicAdded) and added.count == 1
    async with scene.uow as uow:
        card = await drafting.finish_agenda(uow, actor=scene.lead, meeting_id=1, now=NOW)
    meeting = card.meeting
    assert (meeting.title, meeting.kind, meeting.duration) == ("Weekly sync", Kind.WEEKLY, 45)
    assert meeting.starts_at == datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    assert (meeting.recurrence, meeting.repeat_count) == (Recurrence.WEEKLY, 3)
    assert meeting.place == "https://meet.example.com/sync"
    assert meeting.people == {scene.outsider.id} and meeting.audience.team_ids == {1}
    assert [t.text for t in card.agenda.topics] == ["Plan for December"]
    assert await scene.uow.flows.get(scene.lead.id) is None
    assert meeting.missing() == []


async def _find(scene: Scene, name: str) -> PeopleFound:
    async with scene.uow as uow:
        await audience.find_people(uow, actor=scene.lead, meeting_id=1, now=NOW)
    found = await typed(scene, name)
    assert isinstance(found, PeopleFound)
    return found


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("31.02 10:00", "error-date-format"),
        ("завтра 25:00", "error-time-format"),
        ("tomorrow", "error-time-missing"),
        ("вчера 10:00", "error-date-past"),
    ],
)
async def test_a_bad_time_is_refused_and_the_step_stays(text: str, error: str) -> None:
    scene = a_scene()
    async with scene.uow as uow:
        await drafting.start(uow, actor=scene.lead, now=NOW)
        await scheduling.choose_when(uow, actor=scene.lead, meeting_id=1, poll=False, now=NOW)
    with pytest.raises(InvalidInput) as caught:
        await typed(scene, text)
    assert caught.value.key == error
    assert await step(scene) is Step.TIME
    assert scene.meetings.by_id[1].starts_at is None


async def test_a_poll_takes_two_to_five_slots_and_a_deadline_before_the_first() -> None:
    scene = a_scene()
    async with scene.uow as uow:
        await drafting.start(uow, actor=scene.lead, now=NOW)
        await scheduling.choose_when(uow, actor=scene.lead, meeting_id=1, poll=True, now=NOW)
    added = await typed(scene, "пт 10:00")
    assert isinstance(added, SlotAdded) and len(added.slots) == 1
    with pytest.raises(InvalidInput) as caught:
        async with scene.uow as uow:
            await scheduling.finish_slots(uow, actor=scene.lead, meeting_id=1, now=NOW)
    assert caught.value.key == "error-poll-too-few"
    await typed(scene, "пт 15:00")
    with pytest.raises(InvalidInput) as caught:
        await typed(scene, "пт 15:00")
    assert caught.value.key == "error-poll-slot-twice"
    for text in ("30.11 10:00", "01.12 10:00", "02.12 10:00"):
        await typed(scene, text)
    with pytest.raises(InvalidInput) as caught:
        await typed(scene, "03.12 10:00")
    assert caught.value.key == "error-poll-too-many"
    async with scene.uow as uow:
        asked = await scheduling.finish_slots(uow, actor=scene.lead, meeting_id=1, now=NOW)
    assert asked.prompt.state.step is Step.DEADLINE and len(asked.prompt.slots) == 5
    with pytest.raises(InvalidInput) as caught:
        await typed(scene, "пт 12:00")  # after the first slot (Friday 10:00)
    assert caught.value.key == "error-poll-deadline-late"
    assert await step(scene) is Step.DEADLINE
    await typed(scene, "чт 18:00")
    assert scene.meetings.by_id[1].poll_deadline == datetime(2026, 11, 26, 15, 0, tzinfo=UTC)


async def test_a_series_without_an_end_or_beyond_a_year_is_refused() -> None:
    scene = a_scene()
    async with scene.uow as uow:
        await drafting.start(uow, actor=scene.lead, now=NOW)
        await scheduling.choose_when(uow, actor=scene.lead, meeting_id=1, poll=False, now=NOW)
    await typed(scene, "завтра 15:00")
    async with scene.uow as uow:
        await scheduling.choose_repeat(
            uow, actor=scene.lead, meeting_id=1, recurrence=Recurrence.WEEKLY, now=NOW
        )
    for text, error in (("60", "error-series-too-long"), ("01.01.2028", "error-series-too-long")):
        with pytest.raises(InvalidInput) as caught:
            await typed(scene, text)
        assert caught.value.key == error
        assert await step(scene) is Step.REPEAT_END
    meeting = scene.meetings.by_id[1].with_(repeat_count=None, repeat_until=None)
    scene.meetings.put(
        meeting.with_(title="Sync", audience=meeting.audience.__class__(team_ids=frozenset({1})))
    )
    with pytest.raises(InvalidInput) as caught:
        async with scene.uow as uow:
            await sending.send(uow, actor=scene.lead, meeting_id=1, now=NOW)
    assert caught.value.key == "error-series-endless"


async def test_only_team_leads_marketers_and_admins_draft_and_only_their_own() -> None:
    scene = a_scene()
    with pytest.raises(Forbidden):
        async with scene.uow as uow:
            await drafting.start(uow, actor=scene.reps[0], now=NOW)
    async with scene.uow as uow:
        await drafting.start(uow, actor=scene.lead, now=NOW)
    with pytest.raises(Forbidden):
        async with scene.uow as uow:
            await drafting.card(uow, actor=scene.reps[0], meeting_id=1)
    async with scene.uow as uow:
        card = await drafting.card(uow, actor=scene.admin, meeting_id=1)
    assert isinstance(card, DraftCard)


async def test_a_presentation_takes_the_campaigns_audience_and_its_open_questions() -> None:
    scene = a_scene()
    campaign = an_announced_campaign(5, name="Winter")
    questions = FakeQuestionRepo(
        [
            a_question(1, campaign=5, text="Is it for kids?"),
            a_question(2, campaign=5, text="What about chains?", asked_at=NOW + timedelta(hours=1)),
        ]
    )
    await questions.vote(2, 11, at=NOW)
    await questions.vote(2, 12, at=NOW)
    feedback = FakeFeedbackRepo()
    for person, rating, comment in ((10, 5, "Great"), (11, 1, "Too pricey"), (12, 3, "Slow")):
        given = await feedback.add(NewFeedback(5, person, 1, False, "any", None, rating, NOW))
        await feedback.set_comment(given.id, comment, now=NOW)
    uow = scene.uow.__class__(
        people=scene.uow.people,
        teams=scene.uow.teams,
        meetings=FakeMeetingRepo(),
        campaigns=CampaignsById(campaign),
        questions=questions,
        feedback=feedback,
    )
    async with uow:
        asked = await presentations.start_presentation(
            uow, actor=scene.lead, campaign_id=5, now=NOW
        )
    assert isinstance(asked, Asked) and asked.prompt.state.step is Step.WHEN
    meeting = asked.prompt.meeting
    assert (meeting.kind, meeting.campaign_id, meeting.title) == (Kind.PRESENTATION, 5, "Winter")
    assert meeting.audience.all_reps
    topics = await uow.meetings.topics(meeting.id)
    assert [(t.text, t.source) for t in topics] == [
        ("What about chains?", TopicSource.QUESTION),  # most "me too" first
        ("Is it for kids?", TopicSource.QUESTION),
        ("Too pricey", TopicSource.FEEDBACK),  # the lowest-rated comments, lowest first
        ("Slow", TopicSource.FEEDBACK),
    ]
    assert meeting.status is Status.DRAFT


async def test_a_time_typed_on_the_when_step_is_taken_without_its_button() -> None:
    scene = a_scene()
    async with scene.uow as uow:
        await drafting.start(uow, actor=scene.lead, now=NOW)
    await typed(scene, "Weekly sync")
    async with scene.uow as uow:
        await presentations.choose_kind(
            uow, actor=scene.lead, meeting_id=1, kind=Kind.WEEKLY, now=NOW
        )
    assert await step(scene) is Step.WHEN
    with pytest.raises(InvalidInput):
        await typed(scene, "some day")
    assert await step(scene) is Step.WHEN
    await typed(scene, "завтра 15:00")  # Moscow: 12:00 UTC
    assert await step(scene) is Step.DURATION
    meeting = await scene.uow.meetings.get(1)
    assert meeting is not None
    assert meeting.starts_at == (NOW + timedelta(days=1)).replace(hour=12, minute=0)
