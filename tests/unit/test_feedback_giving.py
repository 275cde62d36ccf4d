"""Giving feedback: who may, what each step records, and where the flow goes next."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from domain.campaigns.model import Status
from domain.errors import Forbidden, InvalidInput, NotFound
from domain.feedback import giving
from domain.feedback.flows import AddingExtras, Reacting, TypingDays
from domain.feedback.giving import Rated
from domain.feedback.model import FeedbackSettings, KeyReaction, MediaKind, Reaction
from domain.feedback.settings import toggle_anonymous
from domain.people.model import Person
from domain.questions.flows import AskingQuestion
from tests.support.builders.feedback import an_announced_campaign, announced_to, feedback_uow
from tests.support.builders.people import NOW, a_lead, a_marketer, a_rep
from tests.support.fakes import FakeUnitOfWork

LATER = NOW + timedelta(hours=1)


async def given(
    *, status: Status = Status.ANNOUNCED, messages: tuple[str, ...] = ("Daily", "Discount")
) -> tuple[FakeUnitOfWork, Person]:
    """A campaign whose announcement reached rep 1 of team 7."""
    campaign = an_announced_campaign(messages=messages)
    uow = feedback_uow(campaign)
    rep = a_rep(1, team=7)
    await announced_to(uow, campaign, rep)
    uow.campaigns.put(campaign.with_(status=status))
    return uow, rep


async def rated(
    uow: FakeUnitOfWork,
    actor: Person,
    rating: int = 4,
    *,
    origin: int | None = 50,
    now: datetime = NOW,
) -> Rated:
    async with uow:
        return await giving.rate(
            uow, actor=actor, campaign_id=1, rating=rating, origin=origin, now=now
        )


async def switch_anonymous(uow: FakeUnitOfWork, on: bool, at: datetime) -> None:
    """A marketer switches anonymity, as the settings use case records it."""
    marketer = a_marketer(9)
    uow.people.put(marketer)
    current = await uow.feedback.settings(1)
    if current.anonymous != on:
        await toggle_anonymous(uow, actor=marketer, campaign_id=1, now=at)


async def test_the_button_under_the_announcement_asks_any_time_and_says_if_it_is_anonymous() -> (
    None
):
    uow, rep = await given()
    prompt = await giving.open_prompt(uow, actor=rep, campaign_id=1)
    assert (prompt.campaign.id, prompt.day, prompt.anonymous) == (1, 0, False)
    await uow.feedback.save_settings(FeedbackSettings(1, anonymous=True), by=9, now=NOW)
    assert (await giving.open_prompt(uow, actor=rep, campaign_id=1)).anonymous


async def test_only_people_the_announcement_reached_may_give_feedback() -> None:
    uow, _ = await given()
    with pytest.raises(Forbidden):
        await giving.open_prompt(uow, actor=a_lead(2, team=7), campaign_id=1)
    with pytest.raises(NotFound):
        await giving.open_prompt(uow, actor=a_lead(2, team=7), campaign_id=99)


async def test_a_cancelled_campaign_says_so_and_one_not_announced_refuses() -> None:
    uow, rep = await given(status=Status.CANCELLED)
    with pytest.raises(InvalidInput) as cancelled:
        await giving.open_prompt(uow, actor=rep, campaign_id=1)
    assert cancelled.value.key == "error-campaign-cancelled"
    uow.campaigns.put(an_announced_campaign(status=Status.SCHEDULED))
    with pytest.raises(Forbidden):
        await giving.open_prompt(uow, actor=rep, campaign_id=1)


async def test_a_star_saves_the_rating_and_opens_the_step_for_a_comment() -> None:
    uow, rep = await given()
    uow.flows.states[rep.id] = AskingQuestion(campaign_id=5)
    uow.feedback.prompted(1, rep.id, 50, day=3, at=NOW)
    result = await rated(uow, rep, 4, origin=50)
    item = result.feedback
    assert (item.rating, item.source, item.team_id, item.anonymous) == (4, "day:3", 7, False)
    assert result.prompt.day == 3 and not result.prompt.anonymous
    assert result.flow == AddingExtras(item.id, 1)
    assert uow.flows.states[rep.id] == result.flow
    assert result.left == AskingQuestion(campaign_id=5)
    assert uow.audit.actions() == ["feedback.give"]


async def test_another_star_on_the_same_prompt_changes_its_rating() -> None:
    uow, rep = await given()
    first = await rated(uow, rep, 4, origin=50)
    again = await rated(uow, rep, 2, origin=50)
    other = await rated(uow, rep, 5, origin=51)
    assert again.feedback.id == first.feedback.id and again.feedback.rating == 2
    assert other.feedback.id != first.feedback.id
    assert len(uow.feedback.by_id) == 2
    assert uow.audit.actions() == ["feedback.give", "feedback.give"]


async def test_a_submission_is_anonymous_if_promised_or_if_the_campaign_is_now() -> None:
    uow, rep = await given()
    # A prompt that went out while the campaign was anonymous keeps its promise after
    # anonymity is switched off; one sent after that is named.
    await switch_anonymous(uow, True, NOW - timedelta(days=2))
    uow.feedback.prompted(1, rep.id, 61, day=3, at=NOW - timedelta(days=1))
    await switch_anonymous(uow, False, NOW - timedelta(hours=2))
    uow.feedback.prompted(1, rep.id, 62, day=14, at=NOW - timedelta(hours=1))
    promised = await rated(uow, rep, origin=61)
    assert promised.feedback.anonymous and promised.prompt.anonymous
    assert promised.feedback.source == "day:3"
    assert not (await rated(uow, rep, origin=62)).feedback.anonymous
    # The button's own prompt says what the campaign is now.
    assert not (await rated(uow, rep, origin=2)).feedback.anonymous
    await switch_anonymous(uow, True, NOW)
    result = await rated(uow, rep, origin=3)
    assert result.feedback.anonymous and result.prompt.anonymous


async def test_a_prompts_day_and_anonymity_come_from_the_server_not_the_button() -> None:
    """Nothing the person sends decides them: a message that is none of their scheduled
    prompts (the button's own, or any other) is day 0 of a named campaign."""
    uow, rep = await given()
    uow.feedback.prompted(1, 2, 70, day=14, at=NOW)  # someone else's prompt message
    for origin in (70, 71, None):
        result = await rated(uow, rep, origin=origin)
        assert (result.feedback.source, result.feedback.anonymous) == ("any", False)
        assert (result.prompt.day, result.prompt.anonymous) == (0, False)


@pytest.mark.parametrize("rating", [0, 6, -1])
async def test_a_forged_rating_records_nothing(rating: int) -> None:
    uow, rep = await given()
    with pytest.raises(InvalidInput):
        await rated(uow, rep, rating)
    assert uow.feedback.by_id == {} and uow.flows.states == {}


async def test_text_and_captions_add_up_to_one_comment() -> None:
    uow, rep = await given()
    fid = (await rated(uow, rep)).feedback.id
    await giving.add_comment(uow, actor=rep, feedback_id=fid, text="  one  ", now=NOW)
    item = await giving.add_attachment(
        uow,
        actor=rep,
        feedback_id=fid,
        kind=MediaKind.PHOTO,
        file_id="p1",
        caption="two",
        now=LATER,
    )
    assert item.comment == "one\ntwo"
    assert [(a.kind, a.file_id) for a in item.attachments] == [(MediaKind.PHOTO, "p1")]
    assert item.updated_at == LATER
    voice = await giving.add_attachment(
        uow, actor=rep, feedback_id=fid, kind=MediaKind.VOICE, file_id="v1", now=LATER
    )
    assert voice.comment == "one\ntwo" and voice.count(MediaKind.VOICE) == 1


async def test_a_comment_has_a_limit_and_must_have_text() -> None:
    uow, rep = await given()
    fid = (await rated(uow, rep)).feedback.id
    await giving.add_comment(uow, actor=rep, feedback_id=fid, text="x" * 1990, now=NOW)
    with pytest.raises(InvalidInput) as full:
        await giving.add_comment(uow, actor=rep, feedback_id=fid, text="y" * 10, now=NOW)
    assert full.value.key == "error-feedback-comment-full"
    with pytest.raises(InvalidInput) as blank:
        await giving.add_comment(uow, actor=rep, feedback_id=fid, text="   ", now=NOW)
    assert blank.value.key == "error-text-expected"


async def test_at_most_ten_photos_and_voice_messages_per_submission() -> None:
    uow, rep = await given()
    fid = (await rated(uow, rep)).feedback.id
    for n in range(10):
        await giving.add_attachment(
            uow, actor=rep, feedback_id=fid, kind=MediaKind.PHOTO, file_id=f"p{n}", now=NOW
        )
    with pytest.raises(InvalidInput) as many:
        await giving.add_attachment(
            uow, actor=rep, feedback_id=fid, kind=MediaKind.VOICE, file_id="v", now=NOW
        )
    assert many.value.key == "error-feedback-too-many-files"


async def test_nobody_adds_to_or_reacts_on_someone_elses_submission() -> None:
    uow, rep = await given()
    other = a_rep(2, team=7)
    await announced_to(uow, an_announced_campaign(), other)
    fid = (await rated(uow, rep)).feedback.id
    with pytest.raises(Forbidden):
        await giving.add_comment(uow, actor=other, feedback_id=fid, text="mine?", now=NOW)
    with pytest.raises(Forbidden):
        await giving.stop_adding(uow, actor=other, feedback_id=fid, now=NOW)
    with pytest.raises(Forbidden):
        await giving.react(
            uow, actor=other, feedback_id=fid, index=0, reaction=Reaction.POSITIVE, now=NOW
        )
    with pytest.raises(Forbidden):
        await giving.finish(uow, actor=other, feedback_id=999)


async def test_done_leads_to_the_key_messages_one_by_one_then_finishes() -> None:
    uow, rep = await given()
    fid = (await rated(uow, rep)).feedback.id
    first = await giving.stop_adding(uow, actor=rep, feedback_id=fid, now=NOW)
    assert first.flow == Reacting(fid, 1, 0) and uow.flows.states[rep.id] == first.flow
    assert first.left == AddingExtras(fid, 1)
    second = await giving.react(
        uow, actor=rep, feedback_id=fid, index=0, reaction=Reaction.POSITIVE, now=NOW
    )
    assert second.flow == Reacting(fid, 1, 1)
    assert second.feedback.reactions == (KeyReaction(0, "Daily", Reaction.POSITIVE),)
    done = await giving.skip_reaction(uow, actor=rep, feedback_id=fid, index=1, now=NOW)
    assert done.flow is None and rep.id not in uow.flows.states
    assert done.feedback.reactions == (KeyReaction(0, "Daily", Reaction.POSITIVE),)


async def test_a_campaign_without_key_messages_finishes_after_the_comment() -> None:
    uow, rep = await given(messages=())
    fid = (await rated(uow, rep)).feedback.id
    progress = await giving.stop_adding(uow, actor=rep, feedback_id=fid, now=NOW)
    assert progress.flow is None and uow.flows.states == {}


async def test_a_reaction_is_to_the_wording_of_now_and_changes_on_a_second_press() -> None:
    uow, rep = await given()
    fid = (await rated(uow, rep)).feedback.id
    await giving.react(
        uow, actor=rep, feedback_id=fid, index=1, reaction=Reaction.NEGATIVE, now=NOW
    )
    uow.campaigns.put(an_announced_campaign(messages=("Daily", "Discount 15%")))
    last = await giving.react(
        uow, actor=rep, feedback_id=fid, index=1, reaction=Reaction.NEUTRAL, now=NOW
    )
    assert last.feedback.reactions == (KeyReaction(1, "Discount 15%", Reaction.NEUTRAL),)
    assert last.flow is None
    with pytest.raises(NotFound):
        await giving.react(
            uow, actor=rep, feedback_id=fid, index=2, reaction=Reaction.POSITIVE, now=NOW
        )


async def test_finish_closes_only_the_flow_of_that_submission() -> None:
    uow, rep = await given()
    fid = (await rated(uow, rep)).feedback.id
    await giving.finish(uow, actor=rep, feedback_id=fid)
    assert uow.flows.states == {}
    uow.flows.states[rep.id] = TypingDays(1)
    await giving.finish(uow, actor=rep, feedback_id=fid)
    assert uow.flows.states[rep.id] == TypingDays(1)


async def test_once_cancelled_a_campaign_takes_no_more_of_a_submission() -> None:
    uow, rep = await given()
    fid = (await rated(uow, rep)).feedback.id
    uow.campaigns.put(an_announced_campaign(status=Status.CANCELLED))
    with pytest.raises(InvalidInput) as cancelled:
        await giving.add_comment(uow, actor=rep, feedback_id=fid, text="more", now=NOW)
    assert cancelled.value.key == "error-campaign-cancelled"


async def test_on_the_one_screen_reactions_and_extras_are_saved_and_the_step_stays() -> None:
    uow, rep = await given()
    item = (await rated(uow, rep)).feedback
    async with uow:
        first = await giving.react_here(
            uow, actor=rep, feedback_id=item.id, index=1, reaction=Reaction.NEGATIVE, now=LATER
        )
        again = await giving.react_here(
            uow, actor=rep, feedback_id=item.id, index=1, reaction=Reaction.NEUTRAL, now=LATER
        )
        commented = await giving.comment(
            uow, actor=rep, feedback_id=item.id, text="Doctors ask", now=LATER
        )
        attached = await giving.attach(
            uow, actor=rep, feedback_id=item.id, kind=MediaKind.VOICE, file_id="v", now=LATER
        )
    assert first.feedback.reactions == (KeyReaction(1, "Discount", Reaction.NEGATIVE),)
    assert again.feedback.reaction_to("Discount") is Reaction.NEUTRAL
    assert again.campaign.key_messages == ("Daily", "Discount")
    assert (
        commented.feedback.comment == "Doctors ask"
        and attached.feedback.count(MediaKind.VOICE) == 1
    )
    assert await uow.flows.get(rep.id) == AddingExtras(item.id, 1)  # still on the screen
    with pytest.raises(NotFound):
        await giving.react_here(
            uow, actor=rep, feedback_id=item.id, index=2, reaction=Reaction.POSITIVE, now=LATER
        )
    with pytest.raises(Forbidden):
        await giving.react_here(
            uow, actor=a_rep(2), feedback_id=item.id, index=0, reaction=Reaction.POSITIVE, now=LATER
        )
