"""Drafting a campaign: the wizard, typed fields, key messages, materials, discarding."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from domain.campaigns import drafting, queries
from domain.campaigns.drafting import Asked, KeyMessageAdded
from domain.campaigns.flows import Drafting, Step
from domain.campaigns.model import MAX_KEY_MESSAGES, MAX_MATERIALS, Campaign, Status
from domain.campaigns.queries import CampaignCard
from domain.errors import DomainError, Forbidden, InvalidInput
from tests.support.builders.campaigns import (
    ANNA,
    MARKETER,
    a_campaign,
    a_draft,
    a_material,
    an_org,
)
from tests.support.builders.people import NOW, a_marketer
from tests.support.fakes import FakeUnitOfWork
from tests.support.fakes.campaigns import campaigns_uow


def org_uow(*campaigns: Campaign) -> FakeUnitOfWork:
    people, teams = an_org()
    return campaigns_uow(*people, teams=teams, campaigns=campaigns)


async def answered(uow: FakeUnitOfWork, state: Drafting, text: str) -> object:
    marketer = await uow.people.get(MARKETER)
    async with uow:
        return await drafting.answer(uow, actor=marketer, state=state, text=text, now=NOW)


def flow(uow: FakeUnitOfWork, person_id: int = MARKETER) -> object:
    return uow.flows.states.get(person_id)


async def test_a_new_campaign_is_an_empty_draft_and_the_wizard_starts_at_its_name() -> None:
    uow = org_uow()
    marketer = await uow.people.get(MARKETER)
    async with uow:
        asked = await drafting.start(uow, actor=marketer, now=NOW)
    assert asked.prompt.state == Drafting(1, Step.NAME, wizard=True)
    assert asked.prompt.state.position == 1 and asked.previous is None
    assert flow(uow) == asked.prompt.state
    campaign = await uow.campaigns.get(1)
    assert campaign is not None and campaign.status is Status.DRAFT and campaign.created_by == 1
    assert uow.audit.actions() == ["campaign.create"]


async def test_a_rep_cannot_start_a_campaign() -> None:
    uow = org_uow()
    rep = await uow.people.get(ANNA)
    with pytest.raises(Forbidden):
        async with uow:
            await drafting.start(uow, actor=rep, now=NOW)
    assert uow.campaigns.by_id == {}


async def test_starting_a_campaign_says_which_flow_it_replaced() -> None:
    uow = org_uow(a_draft(1))
    uow.flows.states[MARKETER] = Drafting(1, Step.GOAL)
    marketer = await uow.people.get(MARKETER)
    async with uow:
        asked = await drafting.start(uow, actor=marketer, now=NOW)
    assert asked.previous == Drafting(1, Step.GOAL)
    assert asked.prompt.state.campaign_id == 2


async def test_each_wizard_answer_is_saved_and_asks_the_next_step() -> None:
    uow = org_uow(a_draft(1))
    result = await answered(uow, Drafting(1, Step.NAME, wizard=True), "  Winter  ")
    assert isinstance(result, Asked)
    assert result.prompt.state == Drafting(1, Step.PRODUCT, wizard=True)
    assert result.prompt.state.position == 2
    assert flow(uow) == result.prompt.state
    campaign = await uow.campaigns.get(1)
    assert campaign is not None and campaign.name == "Winter"


async def test_an_answer_that_breaks_a_rule_keeps_the_step_and_changes_nothing() -> None:
    uow = org_uow(a_draft(1))
    state = Drafting(1, Step.NAME, wizard=True)
    uow.flows.states[MARKETER] = state
    with pytest.raises(InvalidInput) as refused:
        await answered(uow, state, "x" * 121)
    assert refused.value.key == "error-text-length"
    assert flow(uow) == state
    campaign = await uow.campaigns.get(1)
    assert campaign is not None and campaign.name == ""


async def test_key_messages_stay_on_their_step_until_done() -> None:
    uow = org_uow(a_draft(1))
    state = Drafting(1, Step.MESSAGES, wizard=True)
    uow.flows.states[MARKETER] = state
    first = await answered(uow, state, "Take it daily")
    second = await answered(uow, state, "10% off")
    assert first == KeyMessageAdded(1, 1) and second == KeyMessageAdded(1, 2)
    assert flow(uow) == state


async def test_a_campaign_has_at_most_ten_key_messages() -> None:
    uow = org_uow(a_campaign(1, key_messages=tuple(f"m{i}" for i in range(MAX_KEY_MESSAGES))))
    with pytest.raises(InvalidInput) as refused:
        await answered(uow, Drafting(1, Step.MESSAGES), "one more")
    assert refused.value.key == "error-too-many-messages"


async def test_the_launch_date_is_read_in_the_marketers_zone_and_must_not_be_past() -> None:
    uow = campaigns_uow(a_marketer(MARKETER, tz="Asia/Vladivostok"), campaigns=[a_draft(1)])
    late = datetime(2026, 11, 24, 15, 0, tzinfo=NOW.tzinfo)  # the 25th in Vladivostok
    marketer = await uow.people.get(MARKETER)
    state = Drafting(1, Step.LAUNCH)
    with pytest.raises(InvalidInput) as refused:
        async with uow:
            await drafting.answer(uow, actor=marketer, state=state, text="24.11.2026", now=late)
    assert refused.value.key == "error-date-past"
    async with uow:
        await drafting.answer(uow, actor=marketer, state=state, text="25.11", now=late)
    campaign = await uow.campaigns.get(1)
    assert campaign is not None and campaign.launch_date == date(2026, 11, 25)


@pytest.mark.parametrize("typed", ["31.12.9999", "25.11.2031", "1 января 2040"])
async def test_a_launch_date_more_than_five_years_ahead_is_refused(typed: str) -> None:
    """A launch in 9999 once stopped every campaign's feedback prompts (its arithmetic
    overflowed): no date typed anywhere is more than five years ahead."""
    uow = org_uow(a_draft(1))
    with pytest.raises(InvalidInput) as refused:
        await answered(uow, Drafting(1, Step.LAUNCH), typed)
    assert refused.value.key == "error-date-too-far"
    assert refused.value.args_ == {"years": 5}
    campaign = await uow.campaigns.get(1)
    assert campaign is not None and campaign.launch_date is None
    marketer = await uow.people.get(MARKETER)
    with pytest.raises(InvalidInput):
        await drafting.set_launch_date(
            uow, actor=marketer, campaign_id=1, launch=date(9999, 12, 31), now=NOW
        )
    await answered(uow, Drafting(1, Step.LAUNCH), "24.11.2031")  # five years to the day
    campaign = await uow.campaigns.get(1)
    assert campaign is not None and campaign.launch_date == date(2031, 11, 24)


async def test_after_the_launch_date_the_wizard_shows_the_audience_picker() -> None:
    uow = org_uow(a_draft(1))
    result = await answered(uow, Drafting(1, Step.LAUNCH, wizard=True), "15.12")
    assert isinstance(result, Asked)
    choice = result.prompt.audience
    assert choice is not None and choice.position == 6 and choice.reach == 0
    assert [team.name for team in choice.teams] == ["Moscow", "Siberia"]


@pytest.mark.parametrize(
    ("step", "key"), [(Step.AUDIENCE, "use-buttons"), (Step.MATERIALS, "error-file-expected")]
)
async def test_text_on_a_step_that_takes_buttons_or_files_is_refused(step: Step, key: str) -> None:
    uow = org_uow(a_draft(1))
    with pytest.raises(InvalidInput) as refused:
        await answered(uow, Drafting(1, step, wizard=True), "hello")
    assert refused.value.key == key


async def test_a_field_edited_from_the_card_goes_back_to_the_card() -> None:
    uow = org_uow(a_campaign(1))
    uow.flows.states[MARKETER] = Drafting(1, Step.GOAL)
    result = await answered(uow, Drafting(1, Step.GOAL), "Ten pharmacies")
    assert isinstance(result, CampaignCard)
    assert result.campaign.goal == "Ten pharmacies" and result.reach == 3
    assert flow(uow) is None


async def test_a_cancelled_campaign_cannot_be_edited() -> None:
    uow = org_uow(a_campaign(1, status=Status.CANCELLED))
    with pytest.raises(InvalidInput) as refused:
        await answered(uow, Drafting(1, Step.NAME), "New name")
    assert refused.value.key == "error-campaign-cancelled"


async def test_continuing_a_draft_picks_up_at_the_first_missing_step() -> None:
    uow = org_uow(a_draft(1).with_(name="Spring"), a_campaign(2))
    marketer = await uow.people.get(MARKETER)
    async with uow:
        spring = await drafting.resume(uow, actor=marketer, campaign_id=1, now=NOW)
        complete = await drafting.resume(uow, actor=marketer, campaign_id=2, now=NOW)
    assert spring.prompt.state == Drafting(1, Step.PRODUCT, wizard=True)
    assert complete.prompt.state == Drafting(2, Step.MATERIALS, wizard=True)


async def test_one_field_is_asked_outside_the_wizard_but_the_audience_has_its_picker() -> None:
    uow = org_uow(a_campaign(1))
    marketer = await uow.people.get(MARKETER)
    async with uow:
        asked = await drafting.ask(uow, actor=marketer, campaign_id=1, step=Step.LAUNCH, now=NOW)
    assert asked.prompt.state == Drafting(1, Step.LAUNCH) and asked.prompt.state.position is None
    with pytest.raises(InvalidInput):
        async with uow:
            await drafting.ask(uow, actor=marketer, campaign_id=1, step=Step.AUDIENCE, now=NOW)


async def test_done_under_key_messages_needs_one_and_moves_the_wizard_on() -> None:
    uow = org_uow(a_draft(1), a_campaign(2))
    marketer = await uow.people.get(MARKETER)
    uow.flows.states[MARKETER] = Drafting(1, Step.MESSAGES, wizard=True)
    with pytest.raises(InvalidInput) as refused:
        async with uow:
            await drafting.finish_key_messages(uow, actor=marketer, campaign_id=1, now=NOW)
    assert refused.value.key == "error-no-messages"
    uow.flows.states[MARKETER] = Drafting(2, Step.MESSAGES, wizard=True)
    async with uow:
        result = await drafting.finish_key_messages(uow, actor=marketer, campaign_id=2, now=NOW)
    assert isinstance(result, Asked) and result.prompt.state.step is Step.LAUNCH


async def test_done_under_key_messages_outside_the_wizard_shows_the_card() -> None:
    uow = org_uow(a_campaign(1))
    marketer = await uow.people.get(MARKETER)
    uow.flows.states[MARKETER] = Drafting(1, Step.MESSAGES)
    async with uow:
        result = await drafting.finish_key_messages(uow, actor=marketer, campaign_id=1, now=NOW)
    assert isinstance(result, CampaignCard) and flow(uow) is None


async def add(uow: FakeUnitOfWork, state: Drafting, kind: str, name: str | None) -> object:
    marketer = await uow.people.get(MARKETER)
    async with uow:
        return await drafting.add_material(
            uow, actor=marketer, state=state, kind=kind, file_id="f", file_name=name, now=NOW
        )


async def test_materials_are_documents_and_photos_sent_on_their_step() -> None:
    uow = org_uow(a_campaign(1))
    state = Drafting(1, Step.MATERIALS, wizard=True)
    await add(uow, state, "document", "brief.pdf")
    await add(uow, state, "photo", None)
    campaign = await uow.campaigns.get(1)
    assert campaign is not None
    assert [(m.kind, m.file_name) for m in campaign.materials] == [
        ("document", "brief.pdf"),
        ("photo", None),
    ]
    assert uow.audit.actions() == ["campaign.add_material"] * 2


@pytest.mark.parametrize(
    ("campaign", "state", "kind", "key"),
    [
        (a_campaign(1), Drafting(1, Step.MATERIALS), "voice", "error-material-kind"),
        (a_campaign(1), Drafting(1, Step.GOAL), "document", "text-expected-here"),
        (
            a_campaign(1, materials=tuple(a_material(i) for i in range(1, MAX_MATERIALS + 1))),
            Drafting(1, Step.MATERIALS),
            "document",
            "error-too-many-materials",
        ),
    ],
)
async def test_materials_that_are_refused(
    campaign: Campaign, state: Drafting, kind: str, key: str
) -> None:
    uow = org_uow(campaign)
    with pytest.raises(DomainError) as refused:
        await add(uow, state, kind, "x.pdf")
    assert refused.value.key == key


async def test_a_file_where_text_is_expected_asks_the_step_again_except_on_button_steps() -> None:
    assert Drafting(1, Step.GOAL).asked_again_after_a_file is Step.GOAL
    assert Drafting(1, Step.AUDIENCE).asked_again_after_a_file is None
    assert Drafting(1, Step.MATERIALS).takes_files


async def test_done_under_materials_ends_the_step_and_shows_the_card() -> None:
    uow = org_uow(a_campaign(1))
    uow.flows.states[MARKETER] = Drafting(1, Step.MATERIALS, wizard=True)
    marketer = await uow.people.get(MARKETER)
    async with uow:
        card = await drafting.finish_materials(uow, actor=marketer, campaign_id=1, now=NOW)
    assert card.campaign.id == 1 and flow(uow) is None


async def test_opening_the_card_leaves_the_step() -> None:
    uow = org_uow(a_campaign(1))
    uow.flows.states[MARKETER] = Drafting(1, Step.GOAL)
    marketer = await uow.people.get(MARKETER)
    async with uow:
        card = await queries.card(uow, actor=marketer, campaign_id=1)
    assert card.viewer == marketer and card.first_due is None
    assert set(card.teams) == {1, 2} and flow(uow) is None


async def test_only_a_draft_can_be_discarded() -> None:
    uow = org_uow(a_campaign(1), a_campaign(2, status=Status.SCHEDULED))
    marketer = await uow.people.get(MARKETER)
    uow.flows.states[MARKETER] = Drafting(1, Step.GOAL)
    async with uow:
        await drafting.discard(uow, actor=marketer, campaign_id=1, now=NOW)
    assert await uow.campaigns.get(1) is None and flow(uow) is None
    assert uow.audit.actions() == ["campaign.discard"]
    with pytest.raises(InvalidInput) as refused:
        async with uow:
            await drafting.ask_discard(uow, actor=marketer, campaign_id=2)
    assert refused.value.key == "error-not-a-draft"


async def test_fields_can_be_set_directly_as_the_benchmark_does() -> None:
    uow = org_uow(a_draft(1))
    marketer = await uow.people.get(MARKETER)
    async with uow:
        await drafting.set_field(
            uow, actor=marketer, campaign_id=1, step=Step.PRODUCT, text="D3", now=NOW
        )
        await drafting.add_key_message(uow, actor=marketer, campaign_id=1, text="Daily", now=NOW)
        campaign = await drafting.set_launch_date(
            uow, actor=marketer, campaign_id=1, launch=date(2026, 12, 15), now=NOW
        )
    assert (campaign.product, campaign.key_messages) == ("D3", ("Daily",))
    assert campaign.launch_date == date(2026, 12, 15)
    assert uow.audit.actions() == [
        "campaign.set_product",
        "campaign.add_message",
        "campaign.set_launch",
    ]
    with pytest.raises(InvalidInput):
        async with uow:
            await drafting.set_field(
                uow, actor=marketer, campaign_id=1, step=Step.MESSAGES, text="x", now=NOW
            )
