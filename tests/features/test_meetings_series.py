"""A weekly series of three occurrences with minutes and an action item carried over to the
next agenda, the owner's reminder at 10:00 their time and the organiser's overdue notice;
and a campaign presentation scheduled from the campaign card with its pre-filled agenda."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.features.test_feedback import give
from tests.features.test_meetings import (
    build_team,
    calendar_of,
    document_after,
    received,
)
from tests.features.test_questions import ask, send_now
from tests.support.clock import FakeClock
from tests.support.harness import Tandem, deliver, sweep_and_deliver
from tests.support.org import build_org

FIRST = datetime(2027, 3, 10, 8, 0, tzinfo=UTC)  # Wednesday 11:00 in Moscow


async def test_a_weekly_series_with_minutes_and_an_action_item_carried_over(
    tandem: Tandem, clock: FakeClock
) -> None:
    team = await build_team(tandem, clock)
    lead, kira = team.lead, team.kira
    await lead.send("/newmeeting")
    await lead.send("Еженедельная планёрка")
    await lead.press("Еженедельная совместная встреча")
    await lead.press("🕒 Ввести время")
    await lead.send("10.03 11:00")
    await lead.press("60 мин")
    await lead.send("Переговорная 4")
    await lead.press("Каждую неделю")
    [error] = await lead.send("100")
    assert error.text.startswith("Серия может длиться не больше года")
    await lead.send("3")
    await lead.press("▫️ Москва")
    await lead.press("✅ Готово")
    await lead.send("Итоги недели")
    [card] = await lead.press("✅ Готово")
    assert "🔁 Каждую неделю, 3 раза" in card.text
    await lead.press("📤 Отправить")
    await deliver(tandem)
    [first_invitation] = received(team.nora, "📅")
    [master] = calendar_of(tandem, document_after(team.nora, first_invitation)).walk("VEVENT")
    assert master["rrule"]["COUNT"] == [3] and master["dtstart"].params["TZID"] == "Europe/Moscow"
    await kira.press("✅ Приду")

    # The first occurrence starts: the second is created, with its own invitation.
    clock.set(FIRST)
    await sweep_and_deliver(tandem)
    invitations = received(team.nora, "📅")
    assert len(invitations) == 2
    [override] = calendar_of(tandem, document_after(team.nora, invitations[1])).walk("VEVENT")
    assert str(override["uid"]) == str(master["uid"])
    assert override.decoded("recurrence-id") == FIRST + timedelta(weeks=1)

    # Minutes of the first: attendance prefilled from the yes answers, a decision, an item.
    clock.set(FIRST + timedelta(hours=1))
    [listing] = await lead.send("/meetings")
    past = next(label for label in listing.labels() if label.startswith("▫️"))
    await lead.press(past)
    [minutes] = await lead.press("📝 Протокол")
    assert "Присутствовали: 2 из 5" in minutes.text
    assert "✅ Кира" in minutes.labels() and "▫️ Миша" in minutes.labels()
    await lead.press("▫️ Миша")
    await lead.press("➕ Решение")
    await lead.send("Запускаем акцию в апреле")
    await lead.press("➕ Поручение")
    await lead.send("Обзвонить пять аптек")
    await lead.press("Кира")
    [error] = await lead.send("31.02")
    assert "как дату" in error.text
    [after] = await lead.send("12.03")
    assert "Обзвонить пять аптек — срок 12 мар. 2027 — Кира" in after.text
    await lead.press("📤 Разослать протокол")
    await deliver(tandem)
    for player in team.participants:
        [sent] = received(player, "📝 Minutes:" if player is team.nora else "📝 Протокол:")
        assert "Запускаем акцию в апреле" in sent.text
        assert "Обзвонить пять аптек" in sent.text
    [item] = received(kira, "📌")
    assert "Обзвонить пять аптек" in item.text and item.labels() == ["✅ Сделано"]

    # The past meeting shows its minutes to participants.
    [listing] = await team.vlad.send("/meetings")
    past = next(label for label in listing.labels() if label.startswith("📄"))
    [past_view] = await team.vlad.press(past)
    assert "Решения\n1. Запускаем акцию в апреле" in past_view.text
    assert "▫️ Обзвонить пять аптек — срок 12 мар. 2027 — Кира" in past_view.text

    # The open item is on the next occurrence's agenda.
    [listing] = await kira.send("/meetings")
    await kira.press(listing.labels()[0])
    await kira.press("📋 Повестка")
    assert "↪️ Обзвонить пять аптек (Кира, не закрыто с прошлого раза)" in kira.last.text

    # 10:00 in Kaliningrad on the due date (08:00 UTC), not before; then the organiser hears
    # when the day is over there.
    clock.set(datetime(2027, 3, 12, 7, 59, tzinfo=UTC))
    await sweep_and_deliver(tandem)
    assert received(kira, "⏰") == []
    clock.set(datetime(2027, 3, 12, 8, 0, tzinfo=UTC))
    await sweep_and_deliver(tandem)
    await sweep_and_deliver(tandem)
    [due] = received(kira, "⏰")
    assert "Срок сегодня" in due.text
    clock.set(datetime(2027, 3, 12, 22, 0, tzinfo=UTC))  # midnight in Kaliningrad
    await sweep_and_deliver(tandem)
    [overdue] = received(lead, "⚠️ Просрочено")
    assert "Обзвонить пять аптек" in overdue.text
    await kira.press("✅ Сделано", message=item)
    assert kira.last_answer["text"] == "Отмечено как сделанное"
    [actions] = await kira.send("/actions")
    assert "Открытых поручений нет." in actions.text

    # The third occurrence comes, and no fourth.
    clock.set(FIRST + timedelta(weeks=1))
    await sweep_and_deliver(tandem)
    clock.set(FIRST + timedelta(weeks=2))
    await sweep_and_deliver(tandem)
    clock.set(FIRST + timedelta(weeks=3))
    await sweep_and_deliver(tandem)
    assert len(received(team.nora, "📅")) == 3


async def test_a_campaign_presentation_has_the_campaigns_audience_and_open_questions(
    tandem: Tandem,
) -> None:
    org = await build_org(tandem)
    await send_now(tandem, org)
    await ask(org.reps[0], "Можно ли детям?")
    await give(org.reps[3], 2, comment="Аптеки не верят в скидку")
    await deliver(tandem)
    marketer = org.marketer
    await marketer.send("/campaigns")
    await marketer.press(next(label for label in marketer.labels() if "Зимний" in label))
    [ask_when] = await marketer.press("🗓 Назначить презентацию")
    assert "Когда?" in ask_when.text
    await marketer.press("🕒 Ввести время")
    await marketer.send("завтра 15:00")
    await marketer.press("90 мин")
    await marketer.press("Без места")
    await marketer.press("Не повторяется")
    assert "✅ Все торговые представители" in marketer.last.labels()
    await marketer.press("✅ Готово")
    [card] = await marketer.press("✅ Готово")
    assert "Презентация кампании" in card.text
    assert "❓ Можно ли детям?" in card.text
    assert "💬 Аптеки не верят в скидку" in card.text
    [done, _] = await marketer.press("📤 Отправить")
    assert done.text.startswith("📨 Приглашения уходят 6 участникам")
    await deliver(tandem)
    for rep in org.reps:
        assert received(rep, "📅"), [m.text[:40] for m in rep.messages]
        [invitation] = received(rep, "📅")
        assert "Можно ли детям?" in invitation.text or "Can children" in invitation.text
        [event] = calendar_of(tandem, document_after(rep, invitation)).walk("VEVENT")
        assert event.decoded("dtstart") == datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    # The campaign card shows the presentation.
    await marketer.send("/campaigns")
    await marketer.press(next(label for label in marketer.labels() if "Зимний" in label))
    card = marketer.last
    assert "🗓 Презентация для продаж: 25 нояб. 2026, 15:00" in card.text
    assert "🗓 Презентация для продаж" in card.labels()
