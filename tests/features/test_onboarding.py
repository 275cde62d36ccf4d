"""Joining Tandem: admin bootstrap, invites, refusals, deactivation."""

from __future__ import annotations

from datetime import timedelta

from tests.conftest import ADMIN_ID
from tests.support.clock import FakeClock
from tests.support.harness import Player, Tandem
from tests.support.people import admin as an_admin
from tests.support.people import create_invite, create_team, join

REFUSAL_RU = "Извините, Tandem доступен только по приглашению."
REFUSAL_EN = "Sorry, Tandem is available by invitation only."


async def test_configured_admin_is_registered_on_first_start(tandem: Tandem) -> None:
    admin = tandem.player(ADMIN_ID, "Ольга")
    [greeting] = await admin.send("/start")
    assert greeting.text.startswith("Добро пожаловать в Tandem, Ольга! Вы — его администратор.")
    assert "/teams" in greeting.text and "/invite" in greeting.text
    [again] = await admin.send("/start")
    assert again.text.startswith("Здравствуйте, Ольга! Вы в Tandem: Администратор")
    [help_] = await admin.send("/help")
    for command in ("/invite", "/people", "/teams", "/settings", "/cancel"):
        assert command in help_.text
    menu = [name for name, _ in tandem.fake.commands("chat", chat_id=ADMIN_ID)]
    assert {"invite", "people", "teams", "settings", "help", "cancel"} <= set(menu)
    # Before registering, people see only /start in the menu, in both languages.
    assert [n for n, _ in tandem.fake.commands("default", language_code="en")] == ["start"]
    assert [n for n, _ in tandem.fake.commands("default", language_code="ru")] == ["start"]


async def test_invited_person_joins_with_roles_and_team_in_their_language(tandem: Tandem) -> None:
    admin = await an_admin(tandem)
    await create_team(admin, "Сибирь", "Новосибирск", "Asia/Novosibirsk")
    anna = await join(
        tandem, admin, 2001, "Anna", ["rep", "team_lead"], team="Сибирь", language_code="en"
    )
    greeting = anna.last.text
    assert greeting.startswith("Welcome to Tandem, Anna!")
    assert "Team lead" in greeting and "Field rep" in greeting and "Сибирь" in greeting
    [help_] = await anna.send("/help")
    assert "/settings" in help_.text
    assert "/invite" not in help_.text and "/people" not in help_.text
    menu = [name for name, _ in tandem.fake.commands("chat", chat_id=2001)]
    assert menu == [
        "help",
        "campaigns",
        "feedback",
        "meetings",
        "newmeeting",
        "actions",
        "leads",
        "regulation",
        "kpi",
        "settings",
        "away",
        "cancel",
    ]
    [settings] = await anna.send("/settings")
    assert "Asia/Novosibirsk" in settings.text  # the team's zone
    # The admin sees her in /people with her roles.
    await admin.send("/people")
    assert any("Anna" in label for label in admin.labels())


async def test_an_invite_works_only_once(tandem: Tandem) -> None:
    admin = await an_admin(tandem)
    token = await create_invite(admin, ["rep"])
    first = tandem.player(2001, "Первый")
    await first.send(f"/start {token}")
    assert first.last.text.startswith("Добро пожаловать")
    second = tandem.player(2002, "Второй", language_code="en")
    [refusal] = await second.send(f"/start {token}")
    assert refusal.text.startswith(REFUSAL_EN)


async def test_an_expired_invite_is_refused(tandem: Tandem, clock: FakeClock) -> None:
    admin = await an_admin(tandem)
    token = await create_invite(admin, ["rep"])
    clock.advance(timedelta(days=7, seconds=1))
    late = tandem.player(2001, "Поздний")
    [refusal] = await late.send(f"/start {token}")
    assert refusal.text.startswith(REFUSAL_RU)
    [again] = await late.send("/help")
    assert again.text.startswith(REFUSAL_RU)


async def test_a_revoked_invite_is_refused(tandem: Tandem) -> None:
    admin = await an_admin(tandem)
    token = await create_invite(admin, ["marketer"])
    await admin.press("Действующие приглашения")
    assert "Действующие приглашения: 1" in admin.last.text
    revoke = next(label for label in admin.labels() if label.startswith("Отозвать"))
    await admin.press(revoke)
    assert admin.last_answer["text"].startswith("Приглашение №")
    assert "Действующих приглашений нет" in admin.last.text
    person = tandem.player(2001, "Мария")
    [refusal] = await person.send(f"/start {token}")
    assert refusal.text.startswith(REFUSAL_RU)
    await admin.send("/people")
    assert not any("Мария" in label for label in admin.labels())


async def test_a_stranger_is_refused_everything_and_sees_no_data(tandem: Tandem) -> None:
    admin = await an_admin(tandem)
    await create_team(admin, "Секретная команда", "Москва", "Europe/Moscow")
    stranger = tandem.player(6666, "Stranger", language_code="en")
    for text in (
        "/start",
        "/help",
        "/settings",
        "/people",
        "/teams",
        "hello",
        "/start forged-token",
    ):
        replies = await stranger.send(text)
        assert [m.text for m in replies] == [
            "Sorry, Tandem is available by invitation only. If you should have access, ask "
            "your administrator for an invite link."
        ], text
    await stranger.press_data("1:ppl:open:1:0")
    assert stranger.last_answer["text"].startswith(REFUSAL_EN)
    assert stranger.last_answer["show_alert"] is True
    seen = " ".join(m.text for m in stranger.messages)
    assert "Секретная" not in seen and "Ольга" not in seen
    # A Russian-speaking stranger is refused in Russian.
    other = tandem.player(6667, "Незнакомец", language_code="ru")
    [refusal] = await other.send("привет")
    assert refusal.text.startswith(REFUSAL_RU)


async def test_a_command_addressed_to_another_bot_gets_the_one_refusal(tandem: Tandem) -> None:
    """``/start@other_bot x`` is not an invite for this bot: a stranger is refused like for
    anything else, for every command, while this bot's own suffix still works."""
    admin = await an_admin(tandem)
    stranger = tandem.player(6666, "Stranger", language_code="en")
    for text in ("/start@other_bot x", "/start@other_bot", "/help@other_bot", "/teams@Other_Bot 1"):
        [refusal] = await stranger.send(text)
        assert refusal.text.startswith(REFUSAL_EN), text
    token = await create_invite(admin, ["rep"])
    newcomer = tandem.player(6667, "Newcomer", language_code="en")
    [refusal] = await newcomer.send(f"/start@other_bot {token}")
    assert refusal.text.startswith(REFUSAL_EN)
    [welcome] = await newcomer.send(f"/start@{tandem.fake.bot_username} {token}")
    assert welcome.text.startswith("Welcome to Tandem")


async def _open_person(admin: Player, name: str) -> None:
    await admin.send("/people")
    label = next(label for label in admin.labels() if name in label)
    await admin.press(label)


async def test_a_deactivated_person_loses_access_and_can_be_restored(tandem: Tandem) -> None:
    admin = await an_admin(tandem)
    rep = await join(tandem, admin, 2001, "Иван", ["rep"])
    await _open_person(admin, "Иван")
    await admin.press("⛔ Отключить")
    assert "отключён" in admin.last.text
    turned_off = "Ваш доступ к Tandem отключён. Если это ошибка, обратитесь к администратору."
    for text in ("/help", "/settings", "любой текст"):
        [refusal] = await rep.send(text)
        assert refusal.text == turned_off
    await rep.press_data("1:set:lang")
    assert rep.last_answer["text"] == turned_off
    # A fresh invite does not bring a deactivated person back; only an admin does.
    token = await create_invite(admin, ["admin"])
    [refusal] = await rep.send(f"/start {token}")
    assert refusal.text == turned_off
    await _open_person(admin, "Иван")
    await admin.press("✅ Вернуть доступ")
    [help_] = await rep.send("/help")
    assert "/settings" in help_.text and "/invite" not in help_.text


async def test_roles_changed_by_an_admin_apply_at_once(tandem: Tandem) -> None:
    admin = await an_admin(tandem)
    rep = await join(tandem, admin, 2001, "Иван", ["rep"])
    [denied] = await rep.send("/teams")
    assert denied.text == "У вас нет доступа к этому."
    await _open_person(admin, "Иван")
    await admin.press("▫️ Администратор")
    assert "✅ Администратор" in admin.labels()
    [teams] = await rep.send("/teams")
    assert teams.text.startswith("Команды: 0")
    assert "teams" in [name for name, _ in tandem.fake.commands("chat", chat_id=2001)]


async def test_people_cannot_lock_the_admins_out(tandem: Tandem) -> None:
    admin = await an_admin(tandem)
    await _open_person(admin, "Ольга")
    await admin.press("⛔ Отключить")
    assert admin.last_answer["show_alert"] is True
    assert "ADMIN_IDS" in admin.last_answer["text"]
    [help_] = await admin.send("/help")
    assert "/people" in help_.text


async def test_a_rep_cannot_press_admin_buttons(tandem: Tandem) -> None:
    admin = await an_admin(tandem)
    rep = await join(tandem, admin, 2001, "Иван", ["rep"])
    for data in (
        "1:ppl:off:1:0",
        "1:ppl:role:2:admin:0",
        "1:team:new",
        "1:inv:create",
        "1:ppl:page:0",
    ):
        await rep.press_data(data)
        answer = rep.last_answer
        assert answer["show_alert"] is True, data
        assert answer["text"] in (
            "У вас нет доступа к этому.",
            "Эта кнопка устарела. Откройте меню заново.",
        ), data
    [help_] = await rep.send("/help")
    assert "/invite" not in help_.text
    await admin.send("/help")  # the admin kept everything
    assert "/people" in admin.last.text


async def test_garbage_button_data_is_refused_politely(tandem: Tandem) -> None:
    admin = await an_admin(tandem)
    for data in (
        "nonsense",
        "1:ppl:open:abc:0",
        "1:ppl:open:999999:0",
        "2:ppl:open:1:0",
        "1:zzz:x",
    ):
        await admin.press_data(data)
        assert admin.last_answer["show_alert"] is True, data
