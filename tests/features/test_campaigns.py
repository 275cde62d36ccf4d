"""Campaigns end to end: a marketer drafts, previews and schedules; reps in two teams and
time zones get the announcement, acknowledge it, are reminded; the team lead sees their team
and is alerted; updates and cancellation reach everyone."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from tests.support.clock import FakeClock
from tests.support.harness import Player, Tandem, deliver
from tests.support.org import Org, build_org, draft_campaign

ANNOUNCE_RU = "📣 Зимний иммунитет"
ANNOUNCE_EN = ANNOUNCE_RU  # the name is the marketer's text; the frame is in each language


def announcements(player: Player, name: str = "Зимний иммунитет") -> list[str]:
    return [m.text for m in player.messages if m.text.startswith(f"📣 {name}")]


async def open_card(marketer: Player, name: str = "Зимний иммунитет") -> None:
    await marketer.send("/campaigns")
    label = next(label for label in marketer.labels() if name in label)
    await marketer.press(label)


async def test_draft_preview_and_the_card(tandem: Tandem) -> None:
    org = await build_org(tandem)
    await draft_campaign(org.marketer)
    card = org.marketer.last.text
    assert card.startswith("📝 Зимний иммунитет\nЧерновик")
    assert "Ключевых сообщений: 2" in card and "Материалов: 2" in card
    assert "Все торговые представители — охват 5 человек" in card
    assert "Запуск: 15 дек. 2026" in card
    await org.marketer.press("👁 Предпросмотр")
    preview = org.marketer.last
    assert preview.text.startswith(ANNOUNCE_RU)
    assert "1. Принимать ежедневно" in preview.text and "brief.pdf" in preview.text
    assert preview.labels()[:3] == ["✅ Ознакомлен", "❓ Задать вопрос", "💬 Обратная связь"]
    await org.marketer.press("✅ Ознакомлен", message=preview)
    assert org.marketer.last_answer["text"] == "Предпросмотр: у получателей эта кнопка работает"
    # Nobody received anything yet.
    assert all(announcements(rep) == [] for rep in org.reps)


async def test_a_draft_survives_a_restart_and_cancel(tandem: Tandem) -> None:
    org = await build_org(tandem)
    marketer = org.marketer
    await marketer.send("/newcampaign")
    await marketer.send("Весна")
    await marketer.send("/cancel")
    await tandem.restart()
    await open_card(marketer, "Весна")
    assert "Ещё не заполнено: продукт" in marketer.last.text
    await marketer.press("▶️ Продолжить заполнение")
    assert "О каком продукте речь?" in marketer.last.text
    await tandem.restart()
    [question] = await marketer.send("Омега-3")
    assert "Какова цель?" in question.text


async def test_scheduled_announcement_in_each_local_time_with_quiet_hours(
    tandem: Tandem, clock: FakeClock
) -> None:
    org = await build_org(tandem)
    marketer = org.marketer
    await draft_campaign(marketer)
    await marketer.press("🗓 Запланировать")
    await marketer.press("📅 Ввести дату и время")
    await marketer.send("25.11 10:00")
    await marketer.press("В 10:00 по местному времени каждого")
    assert "для 5 человек" in marketer.last.text
    await marketer.press("✅ Подтвердить")
    assert "Запланировано" in marketer.last.text
    await deliver(tandem)
    assert all(announcements(rep) == [] for rep in org.reps)

    # 10:00 in Novosibirsk is 03:00 UTC: the Siberian reps get it, Moscow is still asleep.
    clock.set(datetime(2026, 11, 25, 3, 0, tzinfo=UTC))
    await deliver(tandem)
    moscow, siberia = org.reps[:3], org.reps[3:]
    assert [len(announcements(r)) for r in siberia] == [1, 1]
    assert [len(announcements(r)) for r in moscow] == [0, 0, 0]
    # Dana reads English, with the launch date in her own zone.
    dana = org.reps[4].last
    assert "Launch: 15 Dec 2026 (in 20 days)" in dana.text
    assert dana.labels()[0] == "✅ Got it"
    assert dana.protect_content is True

    # 10:00 in Moscow: Антон and Bella; Вера's quiet hours (09-11) hold hers until 11:00.
    clock.set(datetime(2026, 11, 25, 7, 0, tzinfo=UTC))
    await deliver(tandem)
    assert [len(announcements(r)) for r in moscow] == [1, 1, 0]
    clock.set(datetime(2026, 11, 25, 8, 0, tzinfo=UTC))
    await deliver(tandem)
    assert [len(announcements(r)) for r in org.reps] == [1, 1, 1, 1, 1]
    # The marketer got the delivery report once everybody had it.
    assert any("доставлено 5 из 5" in m.text for m in marketer.messages)


async def _send_now(tandem: Tandem, org: Org) -> None:
    await draft_campaign(org.marketer)
    await org.marketer.press("🚀 Отправить сейчас")
    assert "Анонсировать «Зимний иммунитет» для 5 человек сейчас?" in org.marketer.last.text
    await org.marketer.press("✅ Подтвердить")
    await deliver(tandem)


async def test_acknowledge_figures_reminders_escalation(tandem: Tandem, clock: FakeClock) -> None:
    org = await build_org(tandem)
    await _send_now(tandem, org)
    anton, bella, _vera, gleb, dana = org.reps
    # It is 12:00 in Moscow, after Вера's quiet hours (09-11): everyone has it at once.
    assert [len(announcements(r)) for r in org.reps] == [1, 1, 1, 1, 1]

    await anton.press("✅ Ознакомлен")
    assert anton.last_answer["text"] == "Спасибо! Отмечено как прочитанное."
    assert "✅ Вы ознакомились" in anton.last.text
    assert anton.last.labels()[0] == "✅ Ознакомлен(а)"
    await anton.press("✅ Ознакомлен(а)")
    assert anton.last_answer["text"] == "Уже отмечено. Спасибо!"
    await dana.press("✅ Got it")
    assert dana.last_answer["text"] == "Thank you! Marked as read."

    # The marketer sees everyone; the team lead sees only Сибирь.
    await open_card(org.marketer)
    await org.marketer.press("📊 Цифры")
    figures = org.marketer.last.text
    assert "Ознакомились: 2 (40%) · ещё нет: 3" in figures
    assert "Ещё не ознакомились (3):\nBella, Вера, Глеб" in figures
    assert "• Москва: ознакомились 1 из 3" in figures and "• Сибирь: ознакомились 1 из 2" in figures
    await org.lead.send("/campaigns")
    await org.lead.press(next(label for label in org.lead.labels() if "Зимний" in label))
    lead_view = org.lead.last.text
    assert "Получателей: 2" in lead_view and "Глеб" in lead_view
    assert "Bella" not in lead_view and "Антон" not in lead_view

    # 24 hours later: reminders only to those who have not acknowledged.
    clock.advance(timedelta(hours=24))
    await deliver(tandem)
    reminded = [any(m.text.startswith("⏰") for m in r.messages) for r in org.reps]
    assert reminded == [False, True, True, True, False]
    assert any(m.text.startswith("⏰ Reminder: please read") for m in bella.messages)
    # Глеб acknowledges from the reminder itself.
    await gleb.press("✅ Ознакомлен")
    assert gleb.last.text.startswith("✅ «Зимний иммунитет»: ознакомление отмечено")

    # The day before launch, the last rung; two hours later the lead hears who is left.
    clock.set(datetime(2026, 12, 14, 12, 0, tzinfo=UTC))
    await deliver(tandem)
    rungs = [sum(m.text.startswith(("⏰", "⏰ Reminder")) for m in r.messages) for r in org.reps]
    # Глеб's reminder now says he acknowledged; Bella and Вера got both rungs.
    assert rungs == [0, 2, 2, 0, 0]
    assert not any(m.text.startswith("⚠️") for m in org.lead.messages)  # Глеб acknowledged


async def test_escalation_names_who_is_left(tandem: Tandem, clock: FakeClock) -> None:
    org = await build_org(tandem)
    await _send_now(tandem, org)
    clock.set(datetime(2026, 12, 14, 12, 0, tzinfo=UTC))
    await deliver(tandem)
    [alert] = [m.text for m in org.lead.messages if m.text.startswith("⚠️")]
    assert "не подтвердили 2 человека из вашей команды: Dana, Глеб" in alert


async def test_update_and_cancellation_reach_everyone(tandem: Tandem) -> None:
    org = await build_org(tandem)
    await _send_now(tandem, org)
    await open_card(org.marketer)
    await org.marketer.press("📅 Дата запуска")
    await org.marketer.send("20.12")
    await org.marketer.press("📣 Отправить обновление")
    await org.marketer.send("Запуск переносится на 20 декабря")
    assert "отправляется 5 людям" in org.marketer.messages[-2].text
    await deliver(tandem)
    for rep in org.reps:
        update = next(m for m in rep.messages if "Запуск переносится на 20 декабря" in m.text)
        assert update.text.startswith(("🔄 Обновление", "🔄 Update"))
        original = next(m for m in rep.messages if "Зимний иммунитет" in m.text and m.labels())
        assert "20" in original.text and (
            "Обновлено (1)" in original.text or "Updated (1)" in original.text
        )

    # The card is no longer the marketer's last message: the update's delivery report
    # follows it (issue 12).
    await org.marketer.press("❌ Отменить кампанию")
    await org.marketer.send("Поставка задерживается")
    await deliver(tandem)
    for rep in org.reps:
        assert any("Поставка задерживается" in m.text for m in rep.messages)
        first = next(
            m for m in rep.messages if "Зимний иммунитет" in m.text and m.text.startswith("❌")
        )
        assert first is not None
    await org.reps[1].press_data("1:cmp:ack:1")
    assert org.reps[1].last_answer["show_alert"] is True


async def test_a_rep_who_blocked_the_bot_is_reported_unreachable(tandem: Tandem) -> None:
    org = await build_org(tandem)
    org.reps[2].user.block()
    await _send_now(tandem, org)
    assert [len(announcements(r)) for r in org.reps] == [1, 1, 0, 1, 1]
    report = next(m for m in org.marketer.messages if m.text.startswith("📬"))
    assert "доставлено 4 из 5" in report.text and "Недоступны: Вера" in report.text


async def test_a_send_that_came_due_while_the_bot_was_down(
    tandem: Tandem, clock: FakeClock
) -> None:
    org = await build_org(tandem)
    await draft_campaign(org.marketer)
    await org.marketer.press("🗓 Запланировать")
    await org.marketer.press("📅 Ввести дату и время")
    await org.marketer.send("26.11 12:00")
    await org.marketer.press("В этот момент всем (Europe/Moscow)")
    await org.marketer.press("✅ Подтвердить")
    await tandem.stop()
    clock.set(datetime(2026, 11, 27, 9, 0, tzinfo=UTC))
    await tandem.start()
    await deliver(tandem)
    await tandem.restart()
    await deliver(tandem)
    assert [len(announcements(r)) for r in org.reps] == [1, 1, 1, 1, 1]


async def test_injected_429_and_5xx_still_deliver_once(tandem: Tandem) -> None:
    org = await build_org(tandem)
    tandem.fake.inject("sendMessage", 429, retry_after=1, times=2)
    tandem.fake.inject("sendMessage", 502, times=2)
    await _send_now(tandem, org)
    assert [len(announcements(r)) for r in org.reps] == [1, 1, 1, 1, 1]


async def test_refusals(tandem: Tandem) -> None:
    org = await build_org(tandem)
    outsider = org.lead  # a team lead is not in an all-reps audience
    await _send_now(tandem, org)
    await outsider.press_data("1:cmp:ack:1")
    assert outsider.last_answer["text"] == "У вас нет доступа к этому."
    await outsider.press_data("1:cmp:files:1")
    assert outsider.last_answer["show_alert"] is True
    rep = org.reps[0]
    [denied] = await rep.send("/newcampaign")
    assert denied.text == "У вас нет доступа к этому."
    for data in ("1:cmp:card:1", "1:cmp:fig:1", "1:cmp:upd:1", "1:cmp:kill:1", "1:cmp:ack:999"):
        await rep.press_data(data)
        assert rep.last_answer["show_alert"] is True, data
    stranger = tandem.player(9999, "Stranger", language_code="en")
    await stranger.press_data("1:cmp:ack:1")
    assert stranger.last_answer["text"].startswith("Sorry, Tandem is available by invitation only")
    [refusal] = await stranger.send("/campaigns")
    assert refusal.text.startswith("Sorry")


async def test_long_and_html_like_text_renders_literally(tandem: Tandem) -> None:
    org = await build_org(tandem)
    long_message = ("<b>Важно</b> & «очень» длинное сообщение " * 35).strip()
    await draft_campaign(
        org.marketer,
        name="<i>Осень</i> & Co",
        product="<script>x</script>",
        messages=tuple(long_message for _ in range(4)),
        files=False,
    )
    await org.marketer.press("🚀 Отправить сейчас")
    await org.marketer.press("✅ Подтвердить")
    await deliver(tandem)
    rep = org.reps[0]
    parts = [m for m in rep.messages if "<b>Важно</b>" in m.text or "<i>Осень</i> & Co" in m.text]
    assert len(parts) >= 2  # split, not rejected
    assert parts[0].text.startswith("📣 <i>Осень</i> & Co")
    assert "Продукт: <script>x</script>" in parts[0].text
    assert all(len(m.text) <= 4096 for m in parts)
    assert parts[-1].labels()[0] == "✅ Ознакомлен"
    await rep.press("✅ Ознакомлен")
    assert rep.last_answer["text"] == "Спасибо! Отмечено как прочитанное."


@pytest.mark.real_pace  # stopped between two deliveries, paced in real time
async def test_the_bot_stopped_mid_broadcast_sends_each_rep_one_announcement(
    tandem: Tandem,
) -> None:
    org = await build_org(tandem)
    await draft_campaign(org.marketer)
    # Restart with a slow pace, so that the bot can be stopped between two deliveries.
    tandem.settings_overrides["broadcast_rate"] = 1  # a second apart: room to stop under load
    await tandem.restart()
    await org.marketer.press("🚀 Отправить сейчас")
    for rep in org.reps:
        rep.user.mark()
    await org.marketer.press("✅ Подтвердить")
    # Stop as soon as two reps have theirs.
    waiting = {asyncio.create_task(rep.user.wait_message(timeout=10)) for rep in org.reps}
    arrived = 0
    while arrived < 2:
        done, waiting = await asyncio.wait(waiting, return_when=asyncio.FIRST_COMPLETED)
        arrived += len(done)
    for task in waiting:
        task.cancel()
    await tandem.stop()
    got = [len(announcements(r)) for r in org.reps]
    assert 2 <= sum(got) < 5, got
    await tandem.start()
    await deliver(tandem)
    assert [len(announcements(r)) for r in org.reps] == [1, 1, 1, 1, 1]


async def test_stale_card_buttons_and_a_date_after_launch_are_refused(tandem: Tandem) -> None:
    org = await build_org(tandem)
    marketer = org.marketer
    await draft_campaign(marketer, launch="15.12")
    draft_card = marketer.last
    stale = {
        label: draft_card.button(label).callback_data
        for label in (
            "🗑 Удалить черновик",
            "🗓 Запланировать",
            "🚀 Отправить сейчас",
            "👥 Аудитория",
        )
    }
    await marketer.press("🗓 Запланировать", message=draft_card)
    await marketer.press("📅 Ввести дату и время")
    await marketer.send("20.12 10:00")
    await marketer.press("В этот момент всем (Europe/Moscow)")
    assert marketer.last_answer["text"].startswith("Это позже даты запуска.")
    await marketer.press("🚀 Сейчас", message=draft_card)  # the card became the "when" screen
    await marketer.press("✅ Подтвердить")
    await deliver(tandem)
    # Buttons of the draft card, pressed after the campaign went out.
    for label, reason in (
        ("🗑 Удалить черновик", "Удалить можно только черновик."),
        ("🗓 Запланировать", "Кампания уже анонсирована. Отправьте обновление."),
        ("🚀 Отправить сейчас", "Кампания уже анонсирована. Отправьте обновление."),
        ("👥 Аудитория", "Кампания уже анонсирована своей аудитории"),
    ):
        data = stale[label]
        assert data is not None
        await marketer.press_data(data)
        assert marketer.last_answer["text"].startswith(reason), label


async def test_leaving_a_half_done_step_is_announced(tandem: Tandem) -> None:
    org = await build_org(tandem)
    admin = org.admin
    await admin.send("/teams")
    await admin.press("➕ Новая команда")
    await admin.send("Юг")
    [notice, *_] = await admin.send("/newcampaign")
    assert notice.text.startswith("⚠️ Создание новой команды не завершено")
