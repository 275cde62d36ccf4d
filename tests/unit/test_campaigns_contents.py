"""A campaign's key messages, materials, audience and options, edited from its card."""

from __future__ import annotations

import pytest

from domain.campaigns import access, audience, contents
from domain.campaigns.drafting import Asked
from domain.campaigns.flows import Drafting, EditingKeyMessage, Step
from domain.campaigns.model import Audience, Campaign, Status
from domain.campaigns.queries import CampaignCard
from domain.campaigns.schedule import REMINDER_PRESETS
from domain.errors import InvalidInput, NotFound
from domain.people.model import Role
from tests.support.builders.campaigns import MARKETER, a_campaign, a_material, an_org
from tests.support.builders.people import NOW
from tests.support.fakes import FakeUnitOfWork
from tests.support.fakes.campaigns import campaigns_uow


def org_uow(*campaigns: Campaign) -> FakeUnitOfWork:
    people, teams = an_org()
    return campaigns_uow(*people, teams=teams, campaigns=campaigns)


async def stored(uow: FakeUnitOfWork, campaign_id: int = 1) -> Campaign:
    campaign = await uow.campaigns.get(campaign_id)
    assert campaign is not None
    return campaign


# --- key messages and materials --------------------------------------------------------------


async def test_opening_the_key_messages_leaves_the_step() -> None:
    uow = org_uow(a_campaign(1))
    uow.flows.states[MARKETER] = Drafting(1, Step.GOAL)
    marketer = await uow.people.get(MARKETER)
    async with uow:
        campaign = await contents.open_list(uow, actor=marketer, campaign_id=1)
    assert len(campaign.key_messages) == 2 and uow.flows.states == {}


async def test_a_key_message_is_edited_by_typing_its_new_text() -> None:
    uow = org_uow(a_campaign(1))
    marketer = await uow.people.get(MARKETER)
    async with uow:
        prompt = await contents.edit_key_message(
            uow, actor=marketer, campaign_id=1, index=1, now=NOW
        )
    assert prompt.state == EditingKeyMessage(1, 1) == uow.flows.states[MARKETER]
    async with uow:
        campaign = await contents.replace_key_message(
            uow, actor=marketer, state=prompt.state, text="15% off", now=NOW
        )
    assert campaign.key_messages == ("Take it daily", "15% off")
    assert uow.flows.states == {} and uow.audit.actions() == ["campaign.edit_message"]


async def test_a_stale_key_message_button_has_expired() -> None:
    uow = org_uow(a_campaign(1))
    marketer = await uow.people.get(MARKETER)
    with pytest.raises(NotFound) as refused:
        async with uow:
            await contents.edit_key_message(uow, actor=marketer, campaign_id=1, index=2, now=NOW)
    assert refused.value.key == "button-expired"


async def test_an_empty_key_message_is_refused_and_the_step_stays() -> None:
    uow = org_uow(a_campaign(1))
    state = EditingKeyMessage(1, 0)
    uow.flows.states[MARKETER] = state
    marketer = await uow.people.get(MARKETER)
    with pytest.raises(InvalidInput) as refused:
        async with uow:
            await contents.replace_key_message(uow, actor=marketer, state=state, text=" ", now=NOW)
    assert refused.value.key == "error-text-expected"
    assert uow.flows.states[MARKETER] == state


async def test_removing_a_key_message() -> None:
    uow = org_uow(a_campaign(1))
    marketer = await uow.people.get(MARKETER)
    async with uow:
        campaign = await contents.remove_key_message(
            uow, actor=marketer, campaign_id=1, index=0, now=NOW
        )
    assert campaign.key_messages == ("10% off until the new year",)
    with pytest.raises(NotFound):
        async with uow:
            await contents.remove_key_message(uow, actor=marketer, campaign_id=1, index=5, now=NOW)


async def test_removing_a_material() -> None:
    uow = org_uow(a_campaign(1, materials=(a_material(1), a_material(2, None))))
    uow.flows.states[MARKETER] = Drafting(1, Step.MATERIALS)
    marketer = await uow.people.get(MARKETER)
    async with uow:
        listed = await contents.open_list(uow, actor=marketer, campaign_id=1)
        campaign = await contents.remove_material(
            uow, actor=marketer, campaign_id=1, material_id=1, now=NOW
        )
    assert len(listed.materials) == 2 and uow.flows.states == {}
    assert [m.id for m in campaign.materials] == [2]
    with pytest.raises(NotFound):
        async with uow:
            await contents.remove_material(
                uow, actor=marketer, campaign_id=1, material_id=1, now=NOW
            )


# --- audience and options --------------------------------------------------------------------


async def test_the_audience_is_ticked_and_its_reach_counted() -> None:
    uow = org_uow(a_campaign(1, audience=Audience()))
    marketer = await uow.people.get(MARKETER)
    async with uow:
        team = await audience.toggle_audience(
            uow, actor=marketer, campaign_id=1, team_id=2, now=NOW
        )
        leads = await audience.toggle_audience(
            uow, actor=marketer, campaign_id=1, role=Role.TEAM_LEAD, now=NOW
        )
        reps = await audience.toggle_audience(
            uow, actor=marketer, campaign_id=1, all_reps=True, now=NOW
        )
    assert (team.reach, leads.reach, reps.reach) == (2, 2, 4)
    assert (await stored(uow)).audience == Audience(
        True, frozenset({2}), frozenset({Role.TEAM_LEAD})
    )
    assert team.position is None


async def test_an_unknown_team_is_not_ticked() -> None:
    uow = org_uow(a_campaign(1))
    marketer = await uow.people.get(MARKETER)
    with pytest.raises(NotFound):
        async with uow:
            await audience.toggle_audience(uow, actor=marketer, campaign_id=1, team_id=9, now=NOW)


@pytest.mark.parametrize(
    ("status", "key"),
    [(Status.SCHEDULED, "error-audience-locked"), (Status.ANNOUNCED, "error-audience-sent")],
)
async def test_the_audience_is_fixed_once_scheduled_and_for_good_once_sent(
    status: Status, key: str
) -> None:
    uow = org_uow(a_campaign(1, status=status))
    marketer = await uow.people.get(MARKETER)
    for attempt in (
        audience.open_audience(uow, actor=marketer, campaign_id=1),
        audience.toggle_audience(uow, actor=marketer, campaign_id=1, all_reps=True, now=NOW),
    ):
        with pytest.raises(InvalidInput) as refused:
            async with uow:
                await attempt
        assert refused.value.key == key


async def test_in_the_wizard_the_picker_keeps_its_step_number_and_done_moves_on() -> None:
    uow = org_uow(a_campaign(1))
    uow.flows.states[MARKETER] = Drafting(1, Step.AUDIENCE, wizard=True)
    marketer = await uow.people.get(MARKETER)
    async with uow:
        choice = await audience.toggle_audience(
            uow, actor=marketer, campaign_id=1, all_reps=True, now=NOW
        )
        result = await audience.finish_audience(uow, actor=marketer, campaign_id=1, now=NOW)
    assert choice.position == 6
    assert isinstance(result, Asked)
    assert result.prompt.state == Drafting(1, Step.MATERIALS, wizard=True)


async def test_done_under_the_picker_from_the_card_shows_the_card() -> None:
    uow = org_uow(a_campaign(1))
    marketer = await uow.people.get(MARKETER)
    async with uow:
        opened = await audience.open_audience(uow, actor=marketer, campaign_id=1)
        result = await audience.finish_audience(uow, actor=marketer, campaign_id=1, now=NOW)
    assert opened.reach == 3 and opened.position is None
    assert isinstance(result, CampaignCard)


async def test_protection_toggles_and_reminders_change_only_in_a_draft() -> None:
    uow = org_uow(a_campaign(1), a_campaign(2, status=Status.SCHEDULED))
    marketer = await uow.people.get(MARKETER)
    async with uow:
        unprotected = await audience.toggle_protect(uow, actor=marketer, campaign_id=1, now=NOW)
        intense = await audience.set_reminders(
            uow, actor=marketer, campaign_id=1, preset="intense", now=NOW
        )
    assert not unprotected.protect_content
    assert intense.reminders == REMINDER_PRESETS["intense"]
    assert intense.reminder_preset == "intense" and intense.reminders_editable
    with pytest.raises(InvalidInput) as locked:
        async with uow:
            await audience.set_reminders(uow, actor=marketer, campaign_id=2, preset="off", now=NOW)
    assert locked.value.key == "error-reminders-locked"
    with pytest.raises(InvalidInput):
        async with uow:
            await audience.set_reminders(uow, actor=marketer, campaign_id=1, preset="x", now=NOW)
    async with uow:
        scheduled = await access.managed(uow, actor=marketer, campaign_id=2)
    assert not scheduled.reminders_editable
