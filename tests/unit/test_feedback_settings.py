"""A campaign's feedback settings: who sees and changes them, and the typed days step."""

from __future__ import annotations

import pytest

from domain.campaigns.model import Status
from domain.errors import Forbidden, InvalidInput, NotFound
from domain.feedback import settings
from domain.feedback.flows import AddingExtras, TypingDays
from domain.feedback.model import FeedbackSettings
from tests.support.builders.feedback import an_announced_campaign, feedback_uow
from tests.support.builders.people import NOW, a_lead, a_marketer, a_rep, an_admin
from tests.support.fakes import FakeUnitOfWork

MARKETER = a_marketer(1)


def given(status: Status = Status.ANNOUNCED) -> FakeUnitOfWork:
    return feedback_uow(an_announced_campaign(status=status))


async def test_marketers_and_admins_see_the_settings_with_their_defaults() -> None:
    uow = given()
    for viewer in (MARKETER, an_admin(2)):
        found = await settings.settings_of(uow, actor=viewer, campaign_id=1)
        assert found.campaign.id == 1
        assert found.settings == FeedbackSettings(1, anonymous=False, prompt_days=(3, 14))


async def test_reps_and_team_leads_neither_see_nor_change_the_settings() -> None:
    uow = given()
    for viewer in (a_rep(3), a_lead(4, team=7)):
        with pytest.raises(Forbidden):
            await settings.settings_of(uow, actor=viewer, campaign_id=1)
        with pytest.raises(Forbidden):
            await settings.toggle_anonymous(uow, actor=viewer, campaign_id=1, now=NOW)
        with pytest.raises(Forbidden):
            await settings.ask_for_days(uow, actor=viewer, campaign_id=1, now=NOW)
    assert uow.flows.states == {} and uow.feedback.saved_settings == {}
    with pytest.raises(NotFound):
        await settings.settings_of(uow, actor=MARKETER, campaign_id=99)


async def test_anonymity_switches_on_and_off_and_each_change_is_audited() -> None:
    uow = given()
    on = await settings.toggle_anonymous(uow, actor=MARKETER, campaign_id=1, now=NOW)
    assert on.settings.anonymous and (await uow.feedback.settings(1)).anonymous
    off = await settings.toggle_anonymous(uow, actor=MARKETER, campaign_id=1, now=NOW)
    assert not off.settings.anonymous and off.settings.prompt_days == (3, 14)
    assert uow.audit.actions() == ["feedback.settings", "feedback.settings"]
    assert uow.audit.entries[0].details == {"anonymous": True, "prompt_days": [3, 14]}


async def test_prompt_days_are_kept_sorted_and_distinct_or_switched_off() -> None:
    uow = given()
    found = await settings.set_prompt_days(
        uow, actor=MARKETER, campaign_id=1, days=[14, 3, 3], now=NOW
    )
    assert found.settings.prompt_days == (3, 14)
    off = await settings.set_prompt_days(uow, actor=MARKETER, campaign_id=1, days=(), now=NOW)
    assert off.settings.prompt_days == ()
    with pytest.raises(InvalidInput) as bad:
        await settings.set_prompt_days(uow, actor=MARKETER, campaign_id=1, days=[0, 3], now=NOW)
    assert bad.value.key == "error-feedback-days-range"


async def test_a_cancelled_campaigns_settings_no_longer_change() -> None:
    uow = given(Status.CANCELLED)
    with pytest.raises(InvalidInput) as cancelled:
        await settings.toggle_anonymous(uow, actor=MARKETER, campaign_id=1, now=NOW)
    assert cancelled.value.key == "error-campaign-cancelled"
    assert uow.feedback.saved_settings == {} and uow.audit.entries == []


async def test_other_days_wait_for_text_and_the_typed_days_end_the_step() -> None:
    uow = given()
    uow.flows.states[MARKETER.id] = AddingExtras(5, 1)
    asked = await settings.ask_for_days(uow, actor=MARKETER, campaign_id=1, now=NOW)
    assert asked.flow == TypingDays(1) and asked.left == AddingExtras(5, 1)
    assert uow.flows.states[MARKETER.id] == TypingDays(1)
    found = await settings.type_days(uow, actor=MARKETER, campaign_id=1, text="2 и 5", now=NOW)
    assert found.settings.prompt_days == (2, 5)
    assert uow.flows.states == {}


async def test_unreadable_days_keep_the_step_open_for_another_try() -> None:
    uow = given()
    await settings.ask_for_days(uow, actor=MARKETER, campaign_id=1, now=NOW)
    with pytest.raises(InvalidInput) as bad:
        async with uow:
            await settings.type_days(uow, actor=MARKETER, campaign_id=1, text="soon", now=NOW)
    assert bad.value.key == "error-feedback-days-format"
    assert uow.flows.states[MARKETER.id] == TypingDays(1)
    assert uow.feedback.saved_settings == {}
