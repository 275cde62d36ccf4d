"""The prompts after launch: the sweep that queues them, and whether a queued one still goes
out when its moment comes."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest

from domain.campaigns.model import Status
from domain.feedback import prompts
from domain.feedback.model import FeedbackSettings
from domain.feedback.notices import prompt
from domain.ports import Skip
from tests.support.builders.feedback import an_announced_campaign, announced_to, feedback_uow
from tests.support.builders.people import a_rep
from tests.support.fakes import FakeUnitOfWork

DAY3_MOSCOW = datetime(2026, 12, 18, 7, 0, tzinfo=UTC)  # 10:00 in Moscow, 3 days after launch
DAY3_OMSK = datetime(2026, 12, 18, 4, 0, tzinfo=UTC)
MOSCOW, OMSK = a_rep(1), a_rep(2, tz="Asia/Omsk")


@dataclass(frozen=True)
class Due:
    kind: str
    ref_id: int
    batch: str
    person_id: int


async def given() -> FakeUnitOfWork:
    campaign = an_announced_campaign()
    uow = feedback_uow(campaign)
    await announced_to(uow, campaign, MOSCOW, OMSK)
    return uow


async def test_each_prompt_is_queued_once_at_ten_in_the_recipients_zone() -> None:
    uow = await given()
    assert await prompts.queue_due_prompts(uow, DAY3_OMSK.replace(minute=0, hour=3)) == 0
    assert await prompts.queue_due_prompts(uow, DAY3_OMSK) == 1
    assert await prompts.queue_due_prompts(uow, DAY3_MOSCOW) == 1
    assert await prompts.queue_due_prompts(uow, DAY3_MOSCOW) == 0
    rows = uow.outbox.queued(prompts.PROMPT, ref_id=1, batch="day:3")
    assert [(r.person_id, r.chat_id, r.due_at) for r in rows] == [
        (OMSK.id, OMSK.telegram_id, DAY3_OMSK),
        (MOSCOW.id, MOSCOW.telegram_id, DAY3_MOSCOW),
    ]


async def test_no_prompts_for_a_cancelled_campaign_or_one_with_prompts_off() -> None:
    uow = await given()
    await uow.feedback.save_settings(FeedbackSettings(1, prompt_days=()), by=9, now=DAY3_OMSK)
    assert await prompts.queue_due_prompts(uow, DAY3_MOSCOW) == 0
    await uow.feedback.save_settings(FeedbackSettings(1), by=9, now=DAY3_OMSK)
    uow.campaigns.put(an_announced_campaign(status=Status.CANCELLED))
    assert await prompts.queue_due_prompts(uow, DAY3_MOSCOW) == 0
    assert uow.outbox.queued(prompts.PROMPT) == []


async def test_a_due_prompt_goes_out_with_what_it_promises_about_anonymity() -> None:
    uow = await given()
    await uow.feedback.save_settings(FeedbackSettings(1, anonymous=True), by=9, now=DAY3_OMSK)
    found = await prompt(uow, Due(prompts.PROMPT, 1, "day:3", MOSCOW.id), DAY3_MOSCOW)
    assert found is not None and found.recipient == MOSCOW
    assert (found.prompt.campaign.id, found.prompt.day, found.prompt.anonymous) == (1, 3, True)


async def test_a_queued_prompt_is_dropped_once_it_no_longer_applies() -> None:
    uow = await given()

    async def composed(batch: str = "day:3", person: int = MOSCOW.id, ref: int = 1) -> object:
        """True when it goes out, else the reason it is skipped."""
        found = await prompt(uow, Due(prompts.PROMPT, ref, batch, person), DAY3_MOSCOW)
        return found.reason if isinstance(found, Skip) else True

    assert await composed() is True
    assert await composed(batch="any") == "gone"
    assert await composed(ref=99) == "gone"
    assert await composed(person=99) == "recipient-inactive"
    await uow.feedback.save_settings(FeedbackSettings(1, prompt_days=(7,)), by=9, now=DAY3_OMSK)
    assert await composed() == "day-unscheduled"  # day 3 was taken off the schedule
    await uow.feedback.save_settings(FeedbackSettings(1), by=9, now=DAY3_OMSK)
    uow.people.put(a_rep(1, active=False))
    assert await composed() == "recipient-inactive"
    assert await composed(person=OMSK.id) is True
    uow.campaigns.put(an_announced_campaign(status=Status.CANCELLED))
    assert await composed(person=OMSK.id) == "campaign-cancelled"


async def test_one_campaign_that_cannot_be_swept_does_not_stop_the_others(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A launch in 9999 (stored before dates were bounded) overflows the prompt arithmetic:
    that campaign is logged and skipped, and every other campaign's prompts still go out."""
    uow = await given()
    broken = an_announced_campaign(2, launch=date(9999, 12, 31), name="Broken")
    uow.campaigns.put(broken)
    await announced_to(uow, broken, MOSCOW)
    with caplog.at_level(logging.ERROR):
        assert await prompts.queue_due_prompts(uow, DAY3_MOSCOW) == 2
    assert uow.outbox.recipients(prompts.PROMPT, ref_id=1) == {MOSCOW.id, OMSK.id}
    assert uow.outbox.queued(prompts.PROMPT, ref_id=2) == []
    [record] = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert "feedback.prompts" in record.getMessage() and "campaign 2" in record.getMessage()
    assert record.exc_info is not None and record.exc_info[0] is OverflowError
