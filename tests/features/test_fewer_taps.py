"""Issue 12, fewer taps and fewer messages: each job people met on a phone, with the taps it
takes and the bot messages it leaves in the chat (``tests/support/jobs.py``)."""

from __future__ import annotations

from datetime import timedelta
from itertools import pairwise

from tests.features.test_briefings import send_briefing
from tests.support.clock import FakeClock
from tests.support.fake_telegram import FakeMessage
from tests.support.harness import Player, Tandem, deliver
from tests.support.jobs import count_job
from tests.support.org import Org, build_org, draft_campaign
from tests.support.people import LINK, create_invite, create_team, join
from tests.support.people import admin as an_admin

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


# --- inviting a team: one link for several people, a composer that remembers --------------------


async def test_one_link_onboards_five_reps_and_the_composer_remembers(
    tandem: Tandem, clock: FakeClock
) -> None:
    admin = await an_admin(tandem)
    await create_team(admin, "Север", "Мурманск", "Europe/Moscow")

    async with count_job(admin) as job:
        [composer] = await admin.send("/invite")
        assert "Ссылка для: 1 человека" in composer.text
        await admin.press("👥 5")
        await admin.press("Команда: Без команды")
        await admin.press("Север")
        assert "Роли: Торговый представитель" in composer.text
        assert "Ссылка для: 5 человек" in composer.text and "✅ 👥 5" in composer.labels()
        await admin.press("🔗 Создать ссылку")
    # Was 15 taps, 5 commands and 5 links for five people: now 4 taps, 1 command, 1 link.
    assert job.taps == 4 and job.typed == 1 and job.messages_left == 1
    link = composer.text
    assert "Ссылка на 5 чел.: осталось мест 5 из 5" in link
    token = LINK.search(link)
    assert token is not None

    reps = [tandem.player(5000 + n, f"Рep{n}") for n in range(6)]
    for rep in reps[:5]:
        [welcome] = await rep.send(f"/start {token[2]}")
        assert welcome.text.startswith("Добро пожаловать в Tandem") and "(Север)" in welcome.text
    [refused] = await reps[5].send(f"/start {token[2]}")
    assert refused.text.startswith("Извините, Tandem доступен только по приглашению")
    await admin.send("/people")
    assert admin.last.text.startswith("Людей: 6")

    # One more link like the last: one tap, a new message with its own link.
    async with count_job(admin) as job:
        [again] = await admin.press("🔁 Ещё одна такая ссылка", message=composer)
    assert job.taps == 1 and job.messages_left == 1
    assert "Торговый представитель (Север)" in again.text and "осталось мест 5 из 5" in again.text
    second = LINK.search(again.text)
    assert second is not None and second[2] != token[2]

    # /invite starts as the last invite was; the open list shows the places left.
    [composer] = await admin.send("/invite")
    assert "Команда: Север" in composer.text and "✅ 👥 5" in composer.labels()
    await admin.press("Действующие приглашения", message=composer)
    assert "Действующие приглашения: 1" in composer.text
    assert "осталось 5 из 5" in composer.text
    # Still expiring and revocable: the second link is revoked; a third expires unused.
    await admin.press(next(x for x in composer.labels() if x.startswith("Отозвать")))
    [refused] = await reps[5].send(f"/start {second[2]}")
    assert refused.text.startswith("Извините")
    third = await create_invite(admin, ["rep"], "Север", uses=5)
    clock.advance(timedelta(days=7, minutes=1))
    [refused] = await reps[5].send(f"/start {third}")
    assert refused.text.startswith("Извините")


# --- the audience picker: teams and regions, all reps, other roles under "more" ------------------


async def test_the_audience_picker_puts_teams_and_regions_first_and_folds_other_roles(
    tandem: Tandem,
) -> None:
    org = await build_org(tandem)  # Москва (Центр, 3 reps), Сибирь (Новосибирск, 2 reps + lead)
    await create_team(org.admin, "Подмосковье", "Центр", "Europe/Moscow")
    await join(tandem, org.admin, 3006, "Жанна", ["rep"], team="Подмосковье")
    marketer = org.marketer
    await marketer.send("/newcampaign")
    for text in ("Весна", "Омега-3", "Продажи"):
        await marketer.send(text)
    await marketer.send("Ключевое")
    await marketer.press("✅ Готово")
    [picker] = await marketer.send("15.12")
    assert "Сейчас это 0 человек" in picker.text
    assert picker.labels() == [
        "▫️ Москва",
        "▫️ Подмосковье",
        "▫️ Сибирь",
        "▫️ 📍 Центр: все команды (2)",
        "▫️ Все торговые представители",
        "➕ Другие роли…",
        "✅ Готово",
    ]
    async with count_job(marketer) as job:
        await marketer.press("▫️ 📍 Центр: все команды (2)", message=picker)
        assert "Сейчас это 4 человека" in picker.text  # the live count
        assert picker.labels()[:4] == [
            "✅ Москва",
            "✅ Подмосковье",
            "▫️ Сибирь",
            "✅ 📍 Центр: все команды (2)",
        ]
        await marketer.press("➕ Другие роли…", message=picker)
        roles = picker.labels()[5:-1]
        assert roles == ["▫️ Администратор", "▫️ Маркетолог", "▫️ Руководитель группы", "▫️ Аналитик"]
        await marketer.press("▫️ Руководитель группы", message=picker)
        assert "Сейчас это 5 человек" in picker.text
        await marketer.press("✅ Готово", message=picker)
    assert job.taps == 4 and job.messages_left == 1  # the picker is the wizard's next step
    card = await finish_wizard(marketer)
    assert "команды: Москва, Подмосковье; роли: Руководитель группы — охват 5 человек" in card

    # Briefings and meetings use the same picker.
    await marketer.press("📝 Брифинг поля")
    await marketer.press("➕ Новый брифинг")
    await marketer.send("Вопрос?")
    await marketer.press("👥 Аудитория")
    assert "➕ Другие роли…" not in marketer.last.labels()  # a role is ticked: unfolded
    assert "▫️ Торговый представитель" not in marketer.last.labels()
    assert "✅ 📍 Центр: все команды (2)" in marketer.last.labels()


async def finish_wizard(marketer: Player) -> str:
    """The materials step: done without files; returns the card."""
    await marketer.press("✅ Готово")
    return marketer.last.text


# --- "me too": the open questions first when a rep asks; the FAQ button counts them -------------


async def test_asking_shows_the_open_questions_first_with_me_too_one_tap_away(
    tandem: Tandem, clock: FakeClock
) -> None:
    org = await build_org(tandem)
    await announce(tandem, org)
    anton, bella, _vera, gleb, _dana = org.reps
    await anton.press("❓ Задать вопрос")
    await anton.send("Где взять промо-материалы?")
    # The announcements are redrawn at the end of a ten-minute window: the FAQ button counts.
    clock.advance(timedelta(minutes=10))
    await deliver(tandem)
    announcement = gleb.last
    assert "📖 Вопросы и ответы · ❓ 1" in announcement.labels()
    assert "📖 FAQ · ❓ 1" in bella.last.labels()

    async with count_job(gleb) as job:
        [screen] = await gleb.press("❓ Задать вопрос", message=announcement)
        assert screen.text.startswith("❓ Ваш вопрос о «Зимний иммунитет»\nВозможно, его уже")
        assert "1. Где взять промо-материалы? · 👍 0" in screen.text and "Антон" not in screen.text
        assert screen.labels() == ["👍 1: у меня тоже", "✍️ У меня другой вопрос"]
        await gleb.press("👍 1: у меня тоже", message=screen)
    # Was 3 taps (📖 FAQ → ❓ Open questions → 👍 me too): now 2, and one message.
    assert job.taps == 2 and job.messages_left == 1
    assert gleb.last_answer["text"] == "Учтено: ответ придёт и вам."
    assert screen.text.startswith("👍 Учтено: ответ придёт и вам.")
    assert "· 👍 1" in screen.text and "✅ 1: учтено" in screen.labels()
    # Nothing more is waited for: a stray text is no question.
    [idle] = await gleb.send("спасибо")
    assert idle.text.startswith("Сейчас я ничего от вас не жду")

    # "My question is different": the prompt, in place; the question goes to marketing.
    async with count_job(bella) as job:
        [screen] = await bella.press("❓ Ask a question")
        assert screen.labels() == ["👍 1: me too", "✍️ My question is different"]
        await bella.press("✍️ My question is different", message=screen)
        assert screen.text.startswith("❓ Your question about “Зимний иммунитет”\nSend it")
        [sent] = await bella.send("Are there samples?")
    assert sent.text.startswith("✅ Your question has gone to marketing")
    assert job.taps == 2 and job.typed == 1 and job.messages_left == 2
    await deliver(tandem)
    # Or simply typed below the open questions: it is asked all the same.
    await org.reps[2].press("❓ Задать вопрос")
    [sent] = await org.reps[2].send("Будет ли реклама на ТВ?")
    assert sent.text.startswith("✅ Ваш вопрос отправлен")

    # Answered questions leave the count at the next window.
    await org.marketer.send("/questions")
    await org.marketer.press(next(x for x in org.marketer.labels() if x.startswith("#1")))
    await org.marketer.press("✍️ Ответить")
    await org.marketer.send("У вашего руководителя.")
    clock.advance(timedelta(minutes=10))
    await deliver(tandem)
    assert "📖 Вопросы и ответы · ❓ 2" in announcement.labels()
    assert any(m.text.startswith("💬 Ответ на вопрос, который был и у вас") for m in gleb.messages)


async def test_a_long_announcement_keeps_its_text_when_its_faq_count_changes(
    tandem: Tandem, clock: FakeClock
) -> None:
    org = await build_org(tandem)
    long_message = ("Очень длинное ключевое сообщение & подробности " * 30).strip()
    await draft_campaign(org.marketer, messages=(long_message,) * 4, files=False)
    await org.marketer.press("🚀 Отправить сейчас")
    await org.marketer.press("✅ Подтвердить")
    await deliver(tandem)
    rep = org.reps[0]
    parts = [m for m in rep.messages if "Очень длинное" in m.text]
    assert len(parts) >= 2
    texts = [m.text for m in parts]
    await org.reps[2].press("❓ Задать вопрос")
    await org.reps[2].send("Вопрос?")
    clock.advance(timedelta(minutes=10))
    await deliver(tandem)
    assert [m.text for m in parts] == texts
    assert "📖 Вопросы и ответы · ❓ 1" in parts[-1].labels()


# --- building a briefing: one builder message, edited in place ---------------------------------


async def test_a_two_question_briefing_is_built_in_one_message(tandem: Tandem) -> None:
    org = await build_org(tandem)
    marketer = org.marketer
    await draft_campaign(marketer)
    async with count_job(marketer) as job:
        await open_from_list(marketer)
        builder = marketer.last
        await marketer.press("📝 Брифинг поля", message=builder)
        [prompt] = await marketer.press("➕ Новый брифинг", message=builder)
        assert prompt.text.startswith("Отправьте вопрос 1")
        await marketer.send("Что говорят врачи?")
        assert prompt.deleted and builder.text.startswith("📝 Брифинг: «Зимний иммунитет»")
        assert "1. Что говорят врачи?" in builder.text
        [prompt] = await marketer.press("➕ Добавить вопрос", message=builder)
        await tandem.restart()  # a prompt waiting over a restart is still removed once answered
        await marketer.send("Нужны ли пробники?")
        assert prompt.deleted and "2. Нужны ли пробники?" in builder.text
        await marketer.press("🔘 Варианты для 2", message=builder)
        [error] = await marketer.send("Да")
        assert error.text.startswith("Нужно хотя бы два варианта")
        await marketer.send("Да\nНет")
        assert "Варианты: Да / Нет" in builder.text
        await marketer.press("📅 Срок", message=builder)
        await marketer.press("Через 3 дня, 18:00")
        assert builder.text.split("\n")[1].startswith("Ответы до: ")
        assert builder.text.split("\n")[1] != "Ответы до: —"
        await marketer.press("🚀 Отправить", message=builder)
    # Was 8 messages (a fresh builder after every step, a prompt for each): now the one
    # message /campaigns sent, and the refused options' error.
    assert job.taps == 8 and job.typed == 5 and job.messages_left == 2
    assert job.left[0] is builder and job.left[1].text.startswith("Нужно хотя бы два")
    assert "Ответили на всё: 0 из 5" in builder.text  # the builder became its progress


# --- a briefing request shows what is answered, and "change my answers" until the deadline -----


async def test_the_request_shows_each_answer_and_changing_one_is_a_tap_from_the_last_message(
    tandem: Tandem, clock: FakeClock
) -> None:
    org = await build_org(tandem)
    await send_briefing(tandem, org)
    anton = org.reps[0]
    request = anton.last
    assert request.labels()[0] == "✍️ Ответить" and "✅" not in request.text
    await anton.press("✍️ Ответить", message=request)
    await anton.send("Спрашивают про дозировку")
    assert "✅ 1. Что говорят врачи о витамине D?\nВаш ответ: Спрашивают про дозировку" in (
        request.text
    )
    assert "✅ 2." not in request.text and request.labels()[0] == "✍️ Ответить"
    await anton.press("Да")
    assert "✅ 2. Нужны ли пробники?" in request.text and "Ваш ответ: Да" in request.text
    assert request.labels() == ["✏️ Изменить ответы", "✍️ 1", "✍️ 2"]
    thanks = anton.last
    assert thanks.text.startswith("Спасибо! Все ответы получены.")
    assert thanks.labels() == ["✏️ 1", "✏️ 2"]

    async with count_job(anton) as job:
        await anton.press("✏️ 1", message=thanks)
        assert thanks.text.startswith("Вопрос 1 из 2")  # in place, with the answer given
        assert "Ваш ответ сейчас: Спрашивают про дозировку" in thanks.text
        [saved] = await anton.send("Спрашивают про дозировку и цену")
    # Was: scroll back to the request, ✍️ 1, then two new messages. Now one tap, one message.
    assert job.taps == 1 and job.messages_left == 1
    assert saved.text.startswith("Спасибо! Все ответы получены.")
    assert saved.labels() == ["✏️ 1", "✏️ 2"]
    assert "Ваш ответ: Спрашивают про дозировку и цену" in request.text

    # At the deadline the request loses its buttons.
    clock.advance(timedelta(days=4))
    await deliver(tandem)
    assert request.labels() == [] and request.text.endswith("🔒 Приём ответов закрыт. Спасибо!")
    assert "✅ 1." in request.text


# --- feedback: stars save at once; key messages and extras on one screen ------------------------


async def test_full_feedback_is_stars_then_one_screen(tandem: Tandem) -> None:
    org = await build_org(tandem)
    await announce(tandem, org)
    anton, bella = org.reps[0], org.reps[1]

    # Stars and one key message: was 5 taps (skip the extras, a screen for message 1, Finish).
    async with count_job(anton) as job:
        await anton.press("💬 Обратная связь")
        await anton.press("4 ⭐")
        assert anton.last_answer["text"] == "Спасибо! Оценка сохранена."
        await anton.press("1. 👍")
        await anton.press("✅ Готово")
    assert job.taps == 4 and job.messages_left == 2

    # Everything: stars, a reaction to each key message, a comment, a photo, a voice message.
    async with count_job(bella) as job:
        [prompt] = await bella.press("💬 Feedback")
        [screen] = await bella.press("5 ⭐", message=prompt)
        assert screen.text.startswith("Anything to add? All of it is optional")
        assert "1. Принимать ежедневно\n2. Скидка 10% до конца года" in screen.text
        assert screen.labels() == ["1. 👍", "1. 😐", "1. 👎", "2. 👍", "2. 😐", "2. 👎", "✅ Done"]
        assert screen.protect_content is True
        await bella.press("1. 👍", message=screen)
        await bella.press("2. 😐", message=screen)
        assert "1. 👍 ✔️" in screen.labels() and "2. 😐 ✔️" in screen.labels()
        await bella.send("Doctors ask about the dose")
        await bella.send_photo(b"\x89PNG shelf")
        [screen] = await bella.send_voice(b"OggS voice")
        assert screen.text.startswith(
            "Added to your feedback. So far: your comment, 1 photo, 1 voice message."
        )
        assert "1. Принимать ежедневно — 👍\n2. Скидка 10% до конца года — 😐" in screen.text
    # Was 5 taps and 6 messages (the prompt, "anything to add?", a note per item added, Done,
    # then a screen per key message): now 4 taps — everything is saved as it comes — and two
    # messages, the prompt and the screen.
    assert job.taps == 4 and job.typed == 3 and job.messages_left == 2
    await bella.press("✅ Done", message=screen)  # closes it: what she types later is not in it
    assert screen.text.startswith("🙏 Thank you!")
    summary = await open_summary_of(org.marketer)
    assert "2 отзыва от 2 человек" in summary.text
    assert "1. Принимать ежедневно — 👍 2 · 😐 0 · 👎 0" in summary.text
    assert "2. Скидка 10% до конца года — 👍 0 · 😐 1 · 👎 0" in summary.text
    assert "1 комментарий · 1 фото · 1 голосовое" in summary.text


async def open_summary_of(marketer: Player) -> FakeMessage:
    await open_from_list(marketer)
    await marketer.press("💬 Отзывы поля")
    return marketer.last


# --- a sent campaign changed: the card says so; updates say what changed and are reported ------


async def test_the_card_says_what_recipients_do_not_see_yet_and_updates_say_old_to_new(
    tandem: Tandem,
) -> None:
    org = await build_org(tandem)
    await announce(tandem, org)
    marketer = org.marketer
    await open_from_list(marketer)
    await marketer.press("📅 Дата запуска")
    [card] = await marketer.send("20.12")
    assert (
        "✏️ Изменено после отправки: дата запуска — получатели всё ещё видят 15 дек. 2026."
        in card.text
    )
    assert card.labels()[0] == "📣 Отправить обновление"  # right there, first

    async with count_job(marketer) as job:
        await marketer.press("📣 Отправить обновление", message=card)
        [sent, card] = await marketer.send("Поставка сдвигается")
    assert job.taps == 1 and job.typed == 1
    assert sent.text == "Обновление кампании «Зимний иммунитет» отправляется 5 людям."
    assert "Изменено после отправки" not in card.text
    assert card.labels()[0] == "📊 Цифры"
    await deliver(tandem)
    for rep in org.reps:
        update = next(
            m for m in rep.messages if m.text.startswith(("🔄 Обновление кампании", "🔄 Update to"))
        )
        assert "Поставка сдвигается" in update.text
    update = next(m for m in org.reps[0].messages if m.text.startswith("🔄 Обновление кампании"))
    assert update.text == (
        "🔄 Обновление кампании «Зимний иммунитет»\n\nЧто изменилось:\n"
        "• Дата запуска: 15 дек. 2026 → 20 дек. 2026\n\nОт маркетинга:\nПоставка сдвигается"
    )
    english = next(m for m in org.reps[1].messages if m.text.startswith("🔄 Update to"))
    assert "• Launch date: 15 Dec 2026 → 20 Dec 2026" in english.text
    # A short report follows the update, as it does the announcement.
    [report] = [m for m in marketer.messages if m.text.startswith("📬 Обновление 1")]
    assert report.text == "📬 Обновление 1 «Зимний иммунитет»: доставлено 5 из 5; получили все."


async def test_updates_are_not_counted_for_the_unreachable_who_are_named(tandem: Tandem) -> None:
    org = await build_org(tandem)
    await announce(tandem, org)
    marketer, vera = org.marketer, org.reps[2]
    await tandem.processed(vera.user.block())  # Telegram tells the bot at once
    await open_from_list(marketer)
    await marketer.press("✏️ Название")
    await marketer.send("Зимний иммунитет+")
    await marketer.press("📣 Отправить обновление")
    [sent, _card] = await marketer.send("Новое название")
    # Known at once: she is neither counted nor tried, and she is named.
    assert sent.text == (
        "Обновление кампании «Зимний иммунитет+» отправляется 4 людям.\n"
        "Не получат (1) — бот им недоступен: Вера"
    )
    await deliver(tandem)
    [report] = [m for m in marketer.messages if m.text.startswith("📬 Обновление 1")]
    assert "доставлено 4 из 5; недоступно: 1." in report.text and "Недоступны: Вера" in report.text
    # And so for the next update.
    async with count_job(marketer) as job:
        [prompt] = await marketer.press("📣 Отправить обновление")
        [sent, _card] = await marketer.send("Ещё одно уточнение")
        await deliver(tandem)
    assert sent.text == (
        "Обновление кампании «Зимний иммунитет+» отправляется 4 людям.\n"
        "Не получат (1) — бот им недоступен: Вера"
    )
    # One tap; the prompt is removed once answered: what is left is the reply, the card, and
    # the report that now follows every update.
    assert job.taps == 1 and job.messages_left == 3 and prompt.deleted
    [report] = [m for m in marketer.messages if m.text.startswith("📬 Обновление 2")]
    assert "доставлено 4 из 5; недоступно: 1." in report.text and "Недоступны: Вера" in report.text
    await marketer.press("❌ Отменить кампанию")
    [sent, _card] = await marketer.send("Поставка отменена")
    assert "уведомление отправляется 4 людям" in sent.text and "Вера" in sent.text
    await deliver(tandem)
    [report] = [m for m in marketer.messages if m.text.startswith("📬 Отмена")]
    assert "доставлено 4 из 5; недоступно: 1." in report.text


# --- many voice messages to one chat: paced by the engine, the screen says how many -------------


async def test_six_voice_messages_reach_the_marketer_one_a_second_without_a_429(
    tandem: Tandem,
) -> None:
    org = await build_org(tandem)
    await announce(tandem, org)
    for rep, stars in ((org.reps[0], "4 ⭐"), (org.reps[3], "2 ⭐")):
        await rep.press("💬 Обратная связь")
        await rep.press(stars)
        for n in range(3):
            await rep.send_voice(f"OggS {rep.id} {n}".encode())
    marketer = org.marketer
    summary = await open_summary_of(marketer)
    assert "🎙 Голосовые (6)" in summary.labels()

    tandem.fake.per_chat_rate_per_sec = 1  # Telegram's rule for one chat, enforced
    started = len(tandem.fake.requests)
    async with count_job(marketer) as job:
        await marketer.press("🎙 Голосовые (6)", message=summary)
        assert summary.text.endswith("🎙 6 голосовых уже в пути — по одному в секунду.")
        assert marketer.last_answer["text"] == "Отправляю голосовые: 6"
        await deliver(tandem)
    assert job.taps == 1 and job.messages_left == 6
    voices = [m for m in job.left if m.voice_file_id is not None]
    assert len(voices) == 6
    assert {m.text for m in voices} == {"Антон (Москва) · ⭐⭐⭐⭐", "Глеб (Сибирь) · ⭐⭐"}
    requests = tandem.fake.requests[started:]
    assert not [r for r in requests if r.status == 429]
    sent_at = [r.at for r in requests if r.method == "sendVoice" and r.ok]
    assert len(sent_at) == 6
    assert all(later - earlier >= 0.999 for earlier, later in pairwise(sent_at))
    # (A few — up to three — still go at once, as test_feedback's one voice message does.)


async def test_voice_answers_to_a_briefing_are_paced_too(tandem: Tandem) -> None:
    org = await build_org(tandem)
    await send_briefing(tandem, org)
    for rep in org.reps[:4]:
        await rep.press("✍️ 1")
        await rep.send_voice(f"OggS {rep.id}".encode())
    marketer = org.marketer
    await open_from_list(marketer)
    await marketer.press("📝 Брифинг поля")
    await marketer.press(next(x for x in marketer.labels() if x.startswith("№")))
    await marketer.press("📋 Ответы")
    page = marketer.last
    tandem.fake.per_chat_rate_per_sec = 1
    started = len(tandem.fake.requests)
    async with count_job(marketer) as job:
        await marketer.press("🎙 Голосовые (4)", message=page)
        assert page.text.endswith("🎙 4 голосовых уже в пути — по одному в секунду.")
        await deliver(tandem)
    assert job.taps == 1 and job.messages_left == 4
    assert sorted(m.text for m in job.left) == ["Bella", "Антон", "Вера", "Глеб"]
    requests = tandem.fake.requests[started:]
    assert not [r for r in requests if r.status == 429]
    assert sum(1 for r in requests if r.method == "sendVoice" and r.ok) == 4
