"""Issue 12, fewer taps and fewer messages: each job people met on a phone, with the taps it
takes and the bot messages it leaves in the chat (``tests/support/jobs.py``)."""

from __future__ import annotations

from tests.support.harness import Player, Tandem, deliver
from tests.support.jobs import count_job
from tests.support.org import Org, build_org, draft_campaign

CAMPAIGN = "Зимний иммунитет"


async def announce(tandem: Tandem, org: Org) -> None:
    await draft_campaign(org.marketer)
    await org.marketer.press("🚀 Отправить сейчас")
    await org.marketer.press("✅ Подтвердить")
    await deliver(tandem)


async def open_from_list(player: Player, name: str = CAMPAIGN) -> None:
    await player.send("/campaigns")
    await player.press(next(label for label in player.labels() if name in label))


# --- figures: one behaviour for the marketer and the team lead -----------------------------------


async def test_figures_replace_the_screen_they_are_opened_from_for_lead_and_marketer(
    tandem: Tandem,
) -> None:
    org = await build_org(tandem)
    await announce(tandem, org)
    lead, marketer = org.lead, org.marketer

    async with count_job(lead) as job:
        await open_from_list(lead)
    assert job.taps == 1 and job.messages_left == 1  # was 2: the list, then the figures
    figures = lead.last
    assert figures.text.startswith(f"📊 {CAMPAIGN}") and "Получателей: 2" in figures.text
    assert figures.labels() == ["🔄 Обновить", "« Назад"]
    async with count_job(lead) as job:
        await lead.press("🔄 Обновить", message=figures)
        await lead.press("« Назад", message=figures)
    assert job.taps == 2 and job.messages_left == 0
    assert figures.text.startswith("Кампании: 1")

    async with count_job(marketer) as job:
        await open_from_list(marketer)
        card = marketer.last
        await marketer.press("📊 Цифры", message=card)
        assert card.text.startswith(f"📊 {CAMPAIGN}") and card.labels()[-1] == "« Назад"
        await marketer.press("« Назад", message=card)
    assert job.taps == 3 and job.messages_left == 1
    assert card.text.startswith(f"📣 {CAMPAIGN}")
