"""Deadlines in working time, end to end: the first-action SLA counts Mon–Fri 09:00–18:00 in
the rep's zone and skips Russian public holidays, the rep is reminded and the team lead
alerted once at the deadline (across a restart); a returned lead goes to the next rep, who
is told why, and the rep who returned it no longer sees its contacts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from tests.support.clock import FakeClock
from tests.support.fake_telegram import FakeMessage
from tests.support.harness import Player, Tandem, deliver, sweep_and_deliver
from tests.support.people import admin as an_admin
from tests.support.people import create_team, join

# Tuesday 3 November 2026, 17:00 in Moscow; 4 November is Unity Day, a public holiday.
EVE_OF_HOLIDAY = datetime(2026, 11, 3, 14, 0, tzinfo=UTC)


@dataclass
class Team:
    admin: Player
    marketer: Player
    lead: Player
    anton: Player
    vera: Player


async def moscow(tandem: Tandem) -> Team:
    admin = await an_admin(tandem)
    await create_team(admin, "Москва", "Центр", "Europe/Moscow")
    marketer = await join(tandem, admin, 2000, "Марина", ["marketer"])
    lead = await join(tandem, admin, 2100, "Лиза", ["team_lead"], team="Москва")
    anton = await join(tandem, admin, 3001, "Антон", ["rep"], team="Москва")
    vera = await join(tandem, admin, 3002, "Вера", ["rep"], team="Москва")
    return Team(admin, marketer, lead, anton, vera)


async def new_lead(marketer: Player, name: str, phone: str, *, team: str = "Москва") -> None:
    await marketer.send("/newlead")
    await marketer.send(name)
    await marketer.send(phone)
    for _ in range(6):  # e-mail, company, region, source, campaign, comment
        await marketer.press("⏭ Пропустить")
    await marketer.press(f"🔄 По очереди: {team}")


def late(player: Player) -> list[FakeMessage]:
    return [m for m in player.messages if m.text.startswith("⏰")]


async def test_the_first_action_deadline_skips_a_holiday_and_a_weekend(
    tandem: Tandem, clock: FakeClock
) -> None:
    clock.set(EVE_OF_HOLIDAY)
    org = await moscow(tandem)
    await new_lead(org.marketer, "Иван Петров", "+7 916 123-45-67")
    await deliver(tandem)
    [card] = [m for m in org.anton.messages if m.text.startswith("🆕")]
    # One working hour is left on Tuesday; Wednesday is a holiday: due Thursday 10:00.
    assert "Первое действие до 5 нояб. 2026, 10:00" in card.text

    clock.set(datetime(2026, 11, 4, 12, 0, tzinfo=UTC))  # the holiday, midday
    await sweep_and_deliver(tandem)
    clock.set(datetime(2026, 11, 5, 6, 59, tzinfo=UTC))  # Thursday 09:59 in Moscow
    await sweep_and_deliver(tandem)
    assert late(org.anton) == [] and late(org.lead) == []

    clock.set(datetime(2026, 11, 5, 7, 0, tzinfo=UTC))  # 10:00: the deadline
    await tandem.restart()  # what is due lives in the database
    await sweep_and_deliver(tandem)
    await sweep_and_deliver(tandem)
    [reminder] = late(org.anton)
    assert reminder.text.startswith("⏰ Лид #1 (Иван Петров) ждёт.")
    [alert] = late(org.lead)
    assert alert.text.startswith("⏰ Антон пропустил(а) срок первого действия по лиду #1")
    assert late(org.vera) == []

    # Friday 17:00: one hour on Friday, the weekend off, due Monday 10:00.
    clock.set(datetime(2026, 11, 6, 14, 0, tzinfo=UTC))
    await new_lead(org.marketer, "Пётр Сидоров", "+7 913 555-11-22")
    await deliver(tandem)
    [card] = [m for m in org.vera.messages if m.text.startswith("🆕")]
    assert "Первое действие до 9 нояб. 2026, 10:00" in card.text
    clock.set(datetime(2026, 11, 8, 12, 0, tzinfo=UTC))  # Sunday
    await sweep_and_deliver(tandem)
    assert late(org.vera) == []
    clock.set(datetime(2026, 11, 9, 7, 0, tzinfo=UTC))
    await sweep_and_deliver(tandem)
    assert len(late(org.vera)) == 1 and len(late(org.lead)) == 2


async def test_a_taken_lead_is_not_reminded(tandem: Tandem, clock: FakeClock) -> None:
    clock.set(EVE_OF_HOLIDAY)
    org = await moscow(tandem)
    await new_lead(org.marketer, "Иван Петров", "+7 916 123-45-67")
    await deliver(tandem)
    await org.anton.press("✅ Беру")
    assert org.anton.last_answer["text"] == "Лид ваш"
    assert org.anton.last.labels()[:6] == [
        "⚠️ Оспорить",
        "↩️ Вернуть",
        "📞 Связались",
        "🤝 Встреча",
        "🏆 Сделка",
        "✖️ Проигран",
    ]
    card = org.anton.last
    clock.set(datetime(2026, 11, 10, 12, 0, tzinfo=UTC))
    await sweep_and_deliver(tandem)  # (Monday's KPI digest arrives meanwhile)
    assert late(org.anton) == [] and late(org.lead) == []
    # Outcomes: contacted, then lost with a reason.
    await org.anton.press("📞 Связались", message=card)
    assert "Состояние: 📞 Связались" in card.text
    await org.anton.press("✖️ Проигран", message=card)
    reasons = card  # the reasons are drawn over the card
    await org.anton.press("Выбрали конкурента", message=reasons)
    assert "Проигран: Выбрали конкурента" in reasons.text


async def test_a_returned_lead_goes_to_the_next_rep_who_is_told_why(tandem: Tandem) -> None:
    org = await moscow(tandem)
    await new_lead(org.marketer, "Иван Петров", "+7 916 123-45-67")
    await deliver(tandem)
    [card] = [m for m in org.anton.messages if m.text.startswith("🆕")]
    await org.anton.press("↩️ Вернуть", message=card)
    reasons = card  # the reasons are drawn over the card
    await org.anton.press("Не моя территория", message=reasons)
    assert reasons.text == "↩️ Лид #1 возвращён и передан: Вера."
    assert "+7916" not in card.text  # the card with the contacts is gone from his chat
    await deliver(tandem)
    [passed] = [m for m in org.vera.messages if m.text.startswith("↩️ Передан вам")]
    assert passed.text.startswith("↩️ Передан вам: Антон вернул(а) его (Не моя территория).")
    assert "📞 +79161234567" in passed.text
    # Антон no longer sees the contacts, nor the history.
    await org.anton.press_data("1:lead:card:1")
    shown = org.anton.last
    assert "🔒 Контакты видит только представитель" in shown.text
    assert "+7916" not in shown.text
    # The team lead sees the whole history.
    await org.lead.send("/leads")
    await org.lead.press_data("1:lead:hist:1")
    history = org.lead.last.text
    assert "Антон вернул(а): Не моя территория" in history
    assert "передал(а): Вера" in history

    # Вера returns it for another reason, with a comment; nobody is left in the team.
    await org.vera.press("↩️ Вернуть", message=passed)
    reasons = passed
    await org.vera.press("Другое (с комментарием)", message=reasons)
    await org.vera.send("Клиент просил другого менеджера")
    assert org.vera.last.text.startswith("↩️ Лид #1 возвращён. В команде его некому взять")
    await deliver(tandem)
    assert org.marketer.messages[-1].text.startswith("⏸ Лид #1 (Иван Петров) без представителя")
