"""Settings, durable flows, escaping and robustness."""

from __future__ import annotations

import logging

import pytest

from tests.support.harness import Tandem
from tests.support.people import admin as an_admin
from tests.support.people import create_team, join


async def test_language_change_applies_at_once(tandem: Tandem) -> None:
    admin = await an_admin(tandem)
    rep = await join(tandem, admin, 2001, "Ivan", ["rep"])
    await rep.send("/settings")
    assert "Ваши настройки" in rep.last.text
    await rep.press("🌐 Язык")
    await rep.press("English")
    assert rep.last.text.startswith("Your settings")
    assert rep.last_answer["text"] == "Saved"
    [help_] = await rep.send("/help")
    assert "here is what you can do" in help_.text
    menu = dict(tandem.fake.commands("chat", chat_id=2001))
    assert menu["settings"] == "Language, time zone, quiet hours"


async def test_time_zone_from_buttons_typed_and_invalid(tandem: Tandem) -> None:
    admin = await an_admin(tandem)
    rep = await join(tandem, admin, 2001, "Иван", ["rep"])
    await rep.send("/settings")
    assert "Europe/Moscow (UTC+3" in rep.last.text
    await rep.press("🕒 Часовой пояс")
    await rep.press("Asia/Vladivostok")
    assert "Asia/Vladivostok (UTC+10" in rep.last.text
    await rep.press("🕒 Часовой пояс")
    [error] = await rep.send("Марс/Олимп")
    assert "незнакомый мне часовой пояс" in error.text and "Марс/Олимп" in error.text
    [overview] = await rep.send("asia/kamchatka")  # still on the same step after the error
    assert "Asia/Kamchatka (UTC+12" in overview.text
    [nothing] = await rep.send("asia/omsk")  # the flow has ended
    assert "ничего от вас не жду" in nothing.text


async def test_quiet_hours(tandem: Tandem) -> None:
    admin = await an_admin(tandem)
    rep = await join(tandem, admin, 2001, "Иван", ["rep"])
    await rep.send("/settings")
    assert "Тихие часы: выключены" in rep.last.text
    await rep.press("🌙 Тихие часы")
    await rep.press("22:00–08:00")
    assert "Тихие часы: 22:00–08:00" in rep.last.text
    await rep.press("🌙 Тихие часы")
    [error] = await rep.send("вечером")
    assert "не интервал времени" in error.text
    [overview] = await rep.send("23:30-6:45")
    assert "Тихие часы: 23:30–06:45" in overview.text
    await rep.press("🌙 Тихие часы")
    await rep.press("Без тихих часов")
    assert "Тихие часы: выключены" in rep.last.text


async def test_a_flow_survives_a_restart(tandem: Tandem) -> None:
    admin = await an_admin(tandem)
    await admin.send("/teams")
    await admin.press("➕ Новая команда")
    await admin.send("Урал")
    assert "Какой регион" in admin.last.text
    await tandem.restart()
    [question] = await admin.send("Екатеринбург")
    assert "Часовой пояс команды" in question.text
    await admin.press("Asia/Yekaterinburg")
    assert "Команда <b>Урал</b> создана." not in admin.last.text
    cards = [m.text for m in admin.messages[-2:]]
    assert cards[0] == "Команда Урал создана."
    assert "Регион: Екатеринбург" in cards[1] and "Asia/Yekaterinburg" in cards[1]


async def test_buttons_drawn_before_a_restart_still_work(tandem: Tandem) -> None:
    admin = await an_admin(tandem)
    await admin.send("/invite")
    composer = admin.last
    await tandem.restart()
    await admin.press("▫️ Маркетолог", message=composer)
    assert "Маркетолог" in admin.last.text.split("\n")[1]


async def test_cancel_leaves_a_flow_and_nothing_is_created(tandem: Tandem) -> None:
    admin = await an_admin(tandem)
    await admin.send("/teams")
    await admin.press("➕ Новая команда")
    await admin.send("Юг")
    [cancelled] = await admin.send("/cancel")
    assert cancelled.text == (
        "Остановлено.\n⚠️ Создание новой команды не завершено; начните заново в /teams,"
        " когда будет удобно."
    )
    [nothing] = await admin.send("Краснодар")
    assert "ничего от вас не жду" in nothing.text
    [again] = await admin.send("/cancel")
    assert again.text == "Отменять нечего."
    [teams] = await admin.send("/teams")
    assert teams.text.startswith("Команды: 0")


async def test_bad_team_input_keeps_the_step(tandem: Tandem) -> None:
    admin = await an_admin(tandem)
    await create_team(admin, "Север", "Мурманск", "Europe/Moscow")
    await admin.send("/teams")
    await admin.press("➕ Новая команда")
    [taken] = await admin.send("север")
    assert "уже есть" in taken.text
    [too_long] = await admin.send("x" * 65)
    assert "от 1 до 64 символов" in too_long.text
    [ok] = await admin.send("Север-2")
    assert "Какой регион" in ok.text


async def test_html_like_names_render_literally(tandem: Tandem) -> None:
    admin = await an_admin(tandem)
    await create_team(admin, "<b>&Co</b>", "<i>Region</i> & more", "Europe/Moscow")
    card = admin.last.text
    assert "<b>&Co</b>" in card and "<i>Region</i> & more" in card
    eve = await join(tandem, admin, 2001, "<i>Eve</i> & Co", ["rep"], team="<b>&Co</b>")
    assert "<i>Eve</i> & Co" in eve.last.text and "<b>&Co</b>" in eve.last.text
    await admin.send("/people")
    label = next(label for label in admin.labels() if "<i>Eve</i>" in label)
    await admin.press(label)
    assert admin.last.text.startswith("<i>Eve</i> & Co")
    await admin.send("/teams")
    assert "<b>&Co</b> — <i>Region</i> & more" in admin.last.text


async def test_people_list_is_paged(tandem: Tandem) -> None:
    admin = await an_admin(tandem)
    for index in range(9):
        await join(tandem, admin, 3000 + index, f"Rep{index:02d}", ["rep"])
    await admin.send("/people")
    assert "Людей: 10" in admin.last.text and "страница 1 из 2" in admin.last.text
    await admin.press("▶️")
    assert "страница 2 из 2" in admin.last.text
    assert any("Rep08" in label for label in admin.labels())
    await admin.press("◀️")
    assert "страница 1 из 2" in admin.last.text


async def test_unknown_command_and_stray_input(tandem: Tandem) -> None:
    admin = await an_admin(tandem)
    [unknown] = await admin.send("/frobnicate")
    assert "Такой команды нет" in unknown.text
    [stray] = await admin.send("просто текст")
    assert "ничего от вас не жду" in stray.text


async def test_replies_survive_a_429(tandem: Tandem) -> None:
    admin = await an_admin(tandem)
    tandem.fake.inject("sendMessage", 429, retry_after=1)
    [help_] = await admin.send("/help")
    assert "/invite" in help_.text


async def test_a_failing_handler_apologises_and_the_bot_keeps_running(
    tandem: Tandem, caplog: pytest.LogCaptureFixture
) -> None:
    admin = await an_admin(tandem)
    tandem.fake.inject(
        "sendMessage", 400, description="Bad Request: something unexpected", chat_id=admin.id
    )
    with caplog.at_level(logging.ERROR):
        [apology] = await admin.send("/help")
    assert apology.text.startswith("Извините, у нас что-то пошло не так.")
    assert any("Error while handling update" in r.getMessage() for r in caplog.records)
    [help_] = await admin.send("/help")
    assert "/invite" in help_.text


async def test_editing_a_team(tandem: Tandem) -> None:
    admin = await an_admin(tandem)
    await create_team(admin, "Север", "Мурманск", "Europe/Moscow")
    await admin.send("/teams")
    assert "• Север — Мурманск, Europe/Moscow, 0 участников" in admin.last.text
    await admin.press("Север")
    await admin.press("✏️ Переименовать")
    await admin.send("Северо-Запад")
    await admin.press("📍 Регион")
    await admin.send("Санкт-Петербург")
    await admin.press("🕒 Часовой пояс")
    await admin.press("Europe/Kaliningrad")
    card = admin.last.text
    assert card.startswith(
        "Северо-Запад\nРегион: Санкт-Петербург\nЧасовой пояс: Europe/Kaliningrad"
    )
    await join(tandem, admin, 2001, "Иван", ["rep"], team="Северо-Запад")
    await admin.send("/teams")
    assert "1 участник" in admin.last.text


async def test_replies_survive_a_server_error(tandem: Tandem) -> None:
    admin = await an_admin(tandem)
    tandem.fake.inject("sendMessage", 502, chat_id=admin.id)
    [help_] = await admin.send("/help")
    assert "/invite" in help_.text


EDIT_NOTICE_RU = (
    "Исправления уже отправленных сообщений я не учитываю: отправьте исправленный текст "
    "новым сообщением."
)


async def test_an_edited_message_is_not_taken_as_new_input(tandem: Tandem) -> None:
    """Telegram's Edit sends a message again as ``edited_message``: it is not a new key
    message, a new command or the answer to the next step, and the person is told so."""
    admin = await an_admin(tandem)
    marketer = await join(tandem, admin, 2000, "Марина", ["marketer"])
    await marketer.send("/newcampaign")
    command_id = marketer.user.last_sent_id
    for answer in ("Зима", "Витамин D3", "Пять аптек"):
        await marketer.send(answer)
    [added] = await marketer.send("Принимать ежедневно")
    assert added.text.startswith("Ключевое сообщение 1 добавлено")
    [notice] = await marketer.edit("Принимать ежедневно!")
    assert notice.text == EDIT_NOTICE_RU
    [added] = await marketer.send("Скидка 10%")
    assert added.text.startswith("Ключевое сообщение 2 добавлено")
    # Editing the old /newcampaign does not start another draft.
    [notice] = await marketer.edit("/newcampaign", message_id=command_id)
    assert notice.text == EDIT_NOTICE_RU
    [listing] = await marketer.send("/campaigns")
    assert listing.text.startswith("Кампании: 1")
    # A typed setting edited afterwards is not applied either.
    await marketer.send("/settings")
    await marketer.press("🕒 Часовой пояс")
    [overview] = await marketer.send("asia/omsk")
    assert "Asia/Omsk" in overview.text
    [notice] = await marketer.edit("asia/tokyo")
    assert notice.text == EDIT_NOTICE_RU
    [overview] = await marketer.send("/settings")
    assert "Asia/Omsk" in overview.text


async def test_a_location_contact_or_sticker_mid_flow_says_what_the_step_expects(
    tandem: Tandem,
) -> None:
    """No step takes a location, a contact or a sticker: the person is told what the open
    step takes instead, and the step stays open."""
    admin = await an_admin(tandem)
    await admin.send("/teams")
    await admin.press("➕ Новая команда")
    [hint] = await admin.send_location(55.75, 37.62)
    assert hint.text == "Пожалуйста, отправьте это текстом."
    [hint] = await admin.send_contact("+70000000000", "Пётр")
    assert hint.text == "Пожалуйста, отправьте это текстом."
    [question] = await admin.send("Урал")  # still on the name step
    assert "Какой регион" in question.text

    marketer = await join(tandem, admin, 2000, "Марина", ["marketer"])
    await marketer.send("/newcampaign")
    hint, question = await marketer.send_sticker()
    assert hint.text == "На этом шаге нужен текст: отправьте его сообщением."
    assert question.text == "Как называется кампания?"
    for answer in ("Зима", "Витамин D3", "Пять аптек", "Принимать ежедневно"):
        await marketer.send(answer)
    await marketer.press("✅ Готово")
    await marketer.send("15.12")
    await marketer.press("▫️ Все торговые представители")
    await marketer.press("✅ Готово")
    [hint] = await marketer.send_location(55.75, 37.62)  # on the materials step
    assert hint.text.startswith("Отправляйте материалы документами")
    [added] = await marketer.send_document("brief.pdf", b"%PDF-1.4 brief")
    assert added.text.startswith("Добавлено «brief.pdf»")

    # Outside any flow, nothing is awaited.
    [idle] = await admin.send_sticker()
    assert "ничего от вас не жду" in idle.text


async def _open_flow(tandem: Tandem, telegram_id: int) -> str | None:
    async with tandem.services.db.raw.execute(
        "SELECT f.kind FROM flows f JOIN people p ON p.id = f.person_id WHERE p.telegram_id = ?",
        (telegram_id,),
    ) as cursor:
        row = await cursor.fetchone()
    return None if row is None else str(row[0])


async def test_a_refused_command_or_stale_button_keeps_the_open_flow(tandem: Tandem) -> None:
    """Whatever a person may not do, or can no longer do, leaves the step they are on."""
    admin = await an_admin(tandem)
    await create_team(admin, "Москва", "Центр", "Europe/Moscow")
    rep = await join(tandem, admin, 2001, "Иван", ["rep"], team="Москва")
    marketer = await join(tandem, admin, 2000, "Марина", ["marketer"])

    await rep.send("/settings")
    await rep.press("🕒 Часовой пояс")
    assert await _open_flow(tandem, rep.id) == "people.settings.timezone"
    for text in ("/teams", "/people", "/invite", "/newcampaign", "/questions", "/feedback"):
        [refusal] = await rep.send(text)
        assert refusal.text == "У вас нет доступа к этому.", text
        assert await _open_flow(tandem, rep.id) == "people.settings.timezone", text
    for data in ("1:team:open:1", "1:cmp:card:1", "1:cmp:msgs:1", "1:cmp:mats:1", "1:brf:open:1"):
        await rep.press_data(data)
        assert rep.last_answer["show_alert"] is True, data
        assert await _open_flow(tandem, rep.id) == "people.settings.timezone", data
    [overview] = await rep.send("asia/omsk")
    assert "Asia/Omsk" in overview.text

    # A marketer mid-draft presses buttons of a campaign and a briefing that are gone.
    await marketer.send("/newcampaign")
    await marketer.send("Зима")
    kind = await _open_flow(tandem, marketer.id)
    assert kind is not None
    for data in ("1:cmp:card:99", "1:cmp:msgs:99", "1:cmp:mats:99", "1:brf:open:99"):
        await marketer.press_data(data)
        assert marketer.last_answer["show_alert"] is True, data
        assert await _open_flow(tandem, marketer.id) == kind, data
    for text in ("/teams", "/people"):
        await marketer.send(text)
        assert await _open_flow(tandem, marketer.id) == kind, text
    # Old settings buttons in the chat are settings of their own, not a way out of the draft.
    for data in ("1:set:home", "1:set:setlang:ru", "1:set:quietoff"):
        await marketer.press_data(data)
        assert await _open_flow(tandem, marketer.id) == kind, data
    [question] = await marketer.send("Витамин D3")
    assert "цель" in question.text.lower()
