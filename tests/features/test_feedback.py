"""Field feedback end to end: prompts after launch in each rep's local time and outside quiet
hours, stars, comments with photos and voice messages, reactions to the key messages, the
summary for marketers and team leads, exports, anonymity, refusals and restarts."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from openpyxl import load_workbook

from tests.support.clock import FakeClock
from tests.support.fake_telegram import FakeMessage
from tests.support.harness import Player, Tandem, deliver, sweep_and_deliver
from tests.support.org import Org, build_org, draft_campaign

FEEDBACK_RU = "💬 Обратная связь"
FEEDBACK_EN = "💬 Feedback"
FORBIDDEN = "У вас нет доступа к этому."


async def announce(tandem: Tandem, org: Org) -> None:
    """Launch 15.12.2026; sent now (24.11, 12:00 in Moscow) to all five reps."""
    await draft_campaign(org.marketer)
    await org.marketer.press("🚀 Отправить сейчас")
    await org.marketer.press("✅ Подтвердить")
    await deliver(tandem)


async def open_card(marketer: Player, name: str = "Зимний иммунитет") -> None:
    await marketer.send("/campaigns")
    await marketer.press(next(label for label in marketer.labels() if name in label))


async def open_summary(marketer: Player) -> FakeMessage:
    await open_card(marketer)
    await marketer.press("💬 Отзывы поля")
    return marketer.last


def prompts(player: Player) -> list[FakeMessage]:
    """The scheduled prompts (the button's own prompt does not count the days)."""
    return [
        m
        for m in player.messages
        if m.text.startswith("💬") and ("С запуска" in m.text or "It launched" in m.text)
    ]


async def give(
    rep: Player,
    stars: int,
    *,
    comment: str | None = None,
    photo: bytes | None = None,
    voice: bytes | None = None,
    reactions: tuple[str, ...] = (),
    english: bool = False,
) -> None:
    """Press Feedback under the announcement and go through the whole flow. Since issue 12
    the key messages are on the one screen after the stars: a reaction per message, by its
    number ("⏭ …" leaves one out), then Done."""
    await rep.press(FEEDBACK_EN if english else FEEDBACK_RU)
    await rep.press(f"{stars} ⭐")
    if comment is not None:
        await rep.send(comment)
    if photo is not None:
        await rep.send_photo(photo)
    if voice is not None:
        await rep.send_voice(voice)
    for number, reaction in enumerate(reactions, 1):
        if not reaction.startswith("⏭"):
            await rep.press(f"{number}. {reaction}")
    await rep.press("✅ Done" if english else "✅ Готово")


def export_rows(tandem: Tandem, message: FakeMessage) -> list[list[str]]:
    assert message.document_file_id is not None
    content = tandem.fake.file_bytes(message.document_file_id).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content)))


async def test_prompts_arrive_at_ten_local_outside_quiet_hours_once_each(
    tandem: Tandem, clock: FakeClock
) -> None:
    org = await build_org(tandem)
    await announce(tandem, org)
    anton, bella, vera, gleb, dana = org.reps
    assert "feedback.prompts" in tandem.services.sweeps.names
    await sweep_and_deliver(tandem)
    assert all(prompts(rep) == [] for rep in org.reps)

    # Three days after launch, 10:00 in Novosibirsk (03:00 UTC): the Siberian reps.
    clock.set(datetime(2026, 12, 18, 3, 0, tzinfo=UTC))
    await sweep_and_deliver(tandem)
    await sweep_and_deliver(tandem)
    assert [len(prompts(rep)) for rep in org.reps] == [0, 0, 0, 1, 1]
    assert prompts(gleb)[0].text.startswith(
        "💬 Как «Зимний иммунитет» работает «в поле»? С запуска прошло 3 дня."
    )
    assert "не анонимный" in prompts(gleb)[0].text
    assert prompts(dana)[0].text.startswith(
        "💬 How is “Зимний иммунитет” going in the field? It launched 3 days ago."
    )
    assert prompts(dana)[0].labels() == ["1 ⭐", "2 ⭐", "3 ⭐", "4 ⭐", "5 ⭐"]

    # 10:00 in Moscow: Антон and Bella; Вера's quiet hours (09-11) hold hers until 11:00.
    clock.set(datetime(2026, 12, 18, 7, 0, tzinfo=UTC))
    await sweep_and_deliver(tandem)
    assert [len(prompts(rep)) for rep in org.reps] == [1, 1, 0, 1, 1]
    clock.set(datetime(2026, 12, 18, 8, 0, tzinfo=UTC))
    await sweep_and_deliver(tandem)
    await sweep_and_deliver(tandem)
    assert [len(prompts(rep)) for rep in org.reps] == [1, 1, 1, 1, 1]
    await tandem.restart()
    await sweep_and_deliver(tandem)
    assert [len(prompts(rep)) for rep in org.reps] == [1, 1, 1, 1, 1]

    # A rep answers the prompt itself.
    await vera.press("4 ⭐", message=prompts(vera)[0])
    assert "Ваша оценка: ⭐⭐⭐⭐" in prompts(vera)[0].text
    assert prompts(vera)[0].labels() == []

    # Fourteen days after launch, everyone once more; nobody else gets any.
    clock.set(datetime(2026, 12, 29, 8, 0, tzinfo=UTC))
    await sweep_and_deliver(tandem)
    await sweep_and_deliver(tandem)
    assert [len(prompts(rep)) for rep in org.reps] == [2, 2, 2, 2, 2]
    assert "С запуска прошло 14 дней." in prompts(anton)[1].text
    assert "It launched 14 days ago." in prompts(bella)[1].text
    for outsider in (org.marketer, org.lead, org.admin):
        assert prompts(outsider) == []

    summary = await open_summary(org.marketer)
    assert "1 отзыв от 1 человека · в среднем 4,0 ⭐" in summary.text


async def test_the_prompt_schedule_is_set_per_campaign(tandem: Tandem, clock: FakeClock) -> None:
    org = await build_org(tandem)
    await announce(tandem, org)
    marketer = org.marketer
    await open_card(marketer)
    await marketer.press("⚙️ Настройки отзывов")
    assert "Опросы: через 3, 14 дней после запуска" in marketer.last.text
    assert "✅ Опросы через 3 и 14 дней" in marketer.labels()
    await marketer.press("✏️ Другие дни")
    [not_text] = await marketer.send_photo(b"\x89PNG")
    assert not_text.text == "Пожалуйста, отправьте это текстом."
    [error] = await marketer.send("скоро")
    assert error.text.startswith("Не понял «скоро» как дни после запуска")
    [screen] = await marketer.send("2 и 5")
    assert "Опросы: через 2, 5 дней после запуска" in screen.text

    clock.set(datetime(2026, 12, 17, 8, 0, tzinfo=UTC))  # day 2, after 10:00 everywhere
    await sweep_and_deliver(tandem)
    assert [len(prompts(rep)) for rep in org.reps] == [1, 1, 1, 1, 1]
    clock.set(datetime(2026, 12, 18, 8, 0, tzinfo=UTC))  # day 3 is no longer on the schedule
    await sweep_and_deliver(tandem)
    assert [len(prompts(rep)) for rep in org.reps] == [1, 1, 1, 1, 1]

    await marketer.press("Без опросов (только кнопка)")
    assert "Опросы: нет" in marketer.last.text
    clock.set(datetime(2026, 12, 20, 8, 0, tzinfo=UTC))  # day 5: switched off
    await sweep_and_deliver(tandem)
    assert [len(prompts(rep)) for rep in org.reps] == [1, 1, 1, 1, 1]


async def test_a_cancelled_campaign_gets_no_prompts_and_no_feedback(
    tandem: Tandem, clock: FakeClock
) -> None:
    org = await build_org(tandem)
    await announce(tandem, org)
    rep = org.reps[0]
    await rep.press(FEEDBACK_RU)
    await rep.press("5 ⭐")
    await open_card(org.marketer)
    await org.marketer.press("❌ Отменить кампанию")
    await org.marketer.send("Поставка задерживается")
    await deliver(tandem)
    [refused] = await rep.send("ещё комментарий")
    assert refused.text == "Эта кампания отменена."
    await rep.press_data("1:cmp:fb:1")
    assert rep.last_answer["text"] == "Эта кампания отменена."
    clock.set(datetime(2026, 12, 18, 8, 0, tzinfo=UTC))
    await sweep_and_deliver(tandem)
    assert all(prompts(r) == [] for r in org.reps)
    # The card of a cancelled campaign still leads to what was said.
    await open_card(org.marketer)
    await org.marketer.press("💬 Отзывы поля")
    assert "1 отзыв от 1 человека" in org.marketer.last.text
    assert "⚙️ Настройки отзывов" not in org.marketer.labels()


async def test_ratings_comments_media_reactions_summary_and_export(tandem: Tandem) -> None:
    org = await build_org(tandem)
    await announce(tandem, org)
    anton, bella, _vera, gleb, _dana = org.reps

    # Антон, step by step.
    await anton.press(FEEDBACK_RU)
    prompt = anton.last
    assert prompt.text.startswith("💬 Как «Зимний иммунитет» работает «в поле»?")
    assert "Ваш отзыв не анонимный: маркетинг и ваш руководитель группы увидят ваше имя." in (
        prompt.text
    )
    await anton.press("4 ⭐")
    assert anton.last_answer["text"] == "Спасибо! Оценка сохранена."
    assert prompt.text.endswith("Ваша оценка: ⭐⭐⭐⭐") and prompt.labels() == []
    assert anton.last.text.startswith("Хотите что-то добавить?")
    [added] = await anton.send("Врачи спрашивают про <b>дозировку</b> & цену")
    assert added.text.startswith("Добавлено к отзыву. Сейчас в нём: ваш комментарий.")
    [added] = await anton.send_photo(b"\x89PNG shelf")
    assert "1 фото" in added.text
    # The key messages are on the same screen (issue 12): a tap each, then Done.
    first = added
    assert "\n1. Принимать ежедневно\n2. Скидка 10% до конца года" in first.text
    assert first.protect_content is True
    await anton.press("1. 👍", message=first)
    assert "1. Принимать ежедневно — 👍\n2. Скидка 10% до конца года" in first.text
    await anton.press("2. 👎", message=first)
    assert "2. Скидка 10% до конца года — 👎" in first.text
    await anton.press("✅ Готово", message=first)
    assert first.text.startswith("🙏 Спасибо! Маркетинг увидит ваш отзыв.")
    # Bella in English, with a voice message; Глеб rates one message and finishes.
    await give(bella, 5, voice=b"OggS voice", reactions=("👍", "⏭ Skip"), english=True)
    assert bella.last.text.startswith("🙏 Thank you!")
    await give(gleb, 2, reactions=("😐",))
    # Антон again: feedback can be given any number of times.
    await give(anton, 5)

    marketer = org.marketer
    summary = await open_summary(marketer)
    text = summary.text
    assert text.startswith("💬 Отзывы поля: «Зимний иммунитет»")
    assert "4 отзыва от 3 человек · в среднем 4,0 ⭐" in text
    assert "5 ⭐ ▇▇▇▇▇▇▇▇ 2" in text and "4 ⭐ ▇▇▇▇ 1" in text and "2 ⭐ ▇▇▇▇ 1" in text
    assert "1. Принимать ежедневно — 👍 2 · 😐 1 · 👎 0" in text
    assert "2. Скидка 10% до конца года — 👍 0 · 😐 0 · 👎 1" in text
    assert "1 комментарий · 1 фото · 1 голосовое" in text
    await marketer.press("💬 Комментарии (1)")
    comments = summary.text  # edited in place
    assert "Антон (Москва) · ⭐⭐⭐⭐ · " in comments
    assert "Врачи спрашивают про <b>дозировку</b> & цену" in comments
    await marketer.press("« Назад")
    await marketer.press("📷 Фото (1)")
    photo = marketer.last
    assert photo.photo_file_id is not None and photo.text == "Антон (Москва) · ⭐⭐⭐⭐"
    await marketer.press("🎙 Голосовые (1)")
    voice = marketer.last
    assert voice.voice_file_id is not None and voice.text == "Bella (Москва) · ⭐⭐⭐⭐⭐"

    await marketer.press("⬇️ CSV")
    document = marketer.last
    assert document.file_name == "feedback-1.csv"
    assert document.text == "Отзывы поля о «Зимний иммунитет»: 4 отзыва"
    rows = export_rows(tandem, document)
    assert rows[0] == [
        "Дата (Europe/Moscow)",
        "Источник",
        "Сотрудник",
        "Команда",
        "Оценка",
        "Комментарий",
        "Фото",
        "Голосовые",
        "Ключевое сообщение 1: Принимать ежедневно",
        "Ключевое сообщение 2: Скидка 10% до конца года",
    ]
    body = sorted(row[2:] for row in rows[1:])
    assert body == sorted(
        [
            ["Антон", "Москва", "5", "", "0", "0", "", ""],
            ["Bella", "Москва", "5", "", "0", "1", "положительно", ""],
            ["Глеб", "Сибирь", "2", "", "0", "0", "нейтрально", ""],
            [
                "Антон",
                "Москва",
                "4",
                "Врачи спрашивают про <b>дозировку</b> & цену",
                "1",
                "0",
                "положительно",
                "отрицательно",
            ],
        ]
    )
    assert {row[1] for row in rows[1:]} == {"по кнопке"}
    await marketer.press("⬇️ Excel")
    assert marketer.last.file_name == "feedback-1.xlsx"
    workbook = load_workbook(io.BytesIO(tandem.fake.file_bytes(marketer.last.file_id or "")))
    sheet = workbook.active
    assert sheet is not None
    assert sheet.max_row == 5
    assert sorted(str(sheet.cell(row, 5).value) for row in range(2, 6)) == ["2", "4", "5", "5"]

    # The team lead of Сибирь sees only his team, from /feedback.
    lead = org.lead
    [listing] = await lead.send("/feedback")
    assert listing.labels() == ["📣 Зимний иммунитет · 1"]
    await lead.press("📣 Зимний иммунитет · 1")
    own_team = lead.last.text
    assert "Только ваша команда: Сибирь" in own_team
    assert "1 отзыв от 1 человека · в среднем 2,0 ⭐" in own_team
    assert "1. Принимать ежедневно — 👍 0 · 😐 1 · 👎 0" in own_team
    assert "Антон" not in own_team and "Bella" not in own_team
    assert "⚙️ Настройки отзывов" not in lead.labels()
    await lead.press("⬇️ CSV")
    lead_rows = export_rows(tandem, lead.last)
    assert [row[2] for row in lead_rows[1:]] == ["Глеб"]


async def test_the_anonymous_option_hides_names_from_everyone(tandem: Tandem) -> None:
    org = await build_org(tandem)
    await announce(tandem, org)
    anton, bella, _vera, gleb, _dana = org.reps
    marketer = org.marketer
    await open_card(marketer)
    await marketer.press("⚙️ Настройки отзывов")
    await marketer.press("👤 Анонимно: выкл. — включить")
    assert "Анонимно: вкл." in marketer.last.text

    await anton.press(FEEDBACK_RU)
    assert "Ваш отзыв анонимный: маркетинг и руководители групп увидят его без вашего имени." in (
        anton.last.text
    )
    await bella.press(FEEDBACK_EN)
    assert "Your feedback is anonymous" in bella.last.text
    await anton.press("3 ⭐")
    await anton.send("Секретное мнение")
    await anton.send_photo(b"\x89PNG anonymous shelf")
    await anton.press("✅ Готово")  # the key messages were on the same screen (issue 12)
    await give(gleb, 1, comment="Не берут")

    async def check_no_names(viewer: Player, team: str, hidden: list[str], photo: bool) -> None:
        """The summary on screen, its comments, photos and export show no names."""
        summary = viewer.last
        assert "🕶 Анонимно: имена скрыты." in summary.text
        await viewer.press(next(label for label in viewer.labels() if "Комментарии" in label))
        assert f"Аноним ({team})" in summary.text
        assert all(name not in summary.text for name in hidden)
        await viewer.press("« Назад")
        if photo:
            await viewer.press("📷 Фото (1)")
            assert viewer.last.text == "Аноним (Москва) · ⭐⭐⭐"
        await viewer.press("⬇️ CSV", message=summary)
        content = tandem.fake.file_bytes(viewer.last.document_file_id or "").decode("utf-8-sig")
        assert "аноним" in content
        assert all(name not in content for name in hidden)
        # No quasi-identifiers either: the date without the time, and no team.
        rows = export_rows(tandem, viewer.last)[1:]
        assert rows and all(row[0] == "2026-11-24" and row[3] == "" for row in rows)

    await open_summary(marketer)
    await check_no_names(marketer, "Москва", ["Антон", "Глеб"], photo=True)
    await open_summary(org.admin)
    await check_no_names(org.admin, "Москва", ["Антон", "Глеб"], photo=True)
    await org.lead.send("/feedback")
    await org.lead.press(next(label for label in org.lead.labels() if "Зимний" in label))
    await check_no_names(org.lead, "Сибирь", ["Глеб"], photo=False)

    # Switched off later: what was given anonymously stays anonymous; new feedback is named.
    await open_card(marketer)
    await marketer.press("⚙️ Настройки отзывов")
    await marketer.press("🕶 Анонимно: вкл. — выключить")
    await anton.press(FEEDBACK_RU)
    assert "Ваш отзыв не анонимный" in anton.last.text
    await give(anton, 5, comment="Теперь с именем")
    await open_card(marketer)
    await marketer.press("💬 Отзывы поля")
    await marketer.press("💬 Комментарии (3)")
    comments = marketer.last.text
    assert "Антон (Москва) · ⭐⭐⭐⭐⭐" in comments and "Теперь с именем" in comments
    assert comments.count("Аноним") == 2 and "Глеб" not in comments


async def test_refusals_for_non_recipients_forged_data_and_strangers(tandem: Tandem) -> None:
    org = await build_org(tandem)
    await announce(tandem, org)
    rep, lead = org.reps[0], org.lead
    await rep.press(FEEDBACK_RU)
    await rep.press("4 ⭐")
    # The team lead is not in an all-reps audience: he cannot give feedback.
    for data in ("1:cmp:fb:1", "1:fdb:rate:1:5:0:0", "1:fdb:next:1", "1:fdb:re:1:0:p"):
        await lead.press_data(data)
        assert lead.last_answer["text"] == FORBIDDEN, data
    # Forged or outdated data from a recipient.
    forged = {
        "1:fdb:rate:1:9:0:0": "Похоже, здесь ошибка. Попробуйте ещё раз.",
        "1:fdb:rate:1:9": "Похоже, здесь ошибка. Попробуйте ещё раз.",
        "1:fdb:rate:1": "Эта кнопка устарела. Откройте меню заново.",
        "1:fdb:rate:999:5:0:0": "Не найдено: возможно, это удалили.",
        "1:fdb:re:1:5:p": "Не найдено: возможно, это удалили.",
        "1:fdb:re:1:0:x": "Эта кнопка устарела. Откройте меню заново.",
        "1:fdb:media:1:video:0": "Эта кнопка устарела. Откройте меню заново.",
        "1:fdb:days:1:2-3": "Эта кнопка устарела. Откройте меню заново.",
    }
    for data, answer in forged.items():
        await rep.press_data(data)
        assert rep.last_answer == {**rep.last_answer, "text": answer, "show_alert": True}, data
    # Someone else's submission.
    vera = org.reps[2]
    for data in ("1:fdb:re:1:0:p", "1:fdb:next:1", "1:fdb:fin:1"):
        await vera.press_data(data)
        assert vera.last_answer["text"] == FORBIDDEN, data
    # Reps see no summaries, exports or settings; the lead changes no settings.
    for data in ("1:fdb:sum:1", "1:fdb:com:1:0", "1:fdb:csv:1", "1:fdb:set:1", "1:fdb:anon:1"):
        await rep.press_data(data)
        assert rep.last_answer["text"] == FORBIDDEN, data
    [denied] = await rep.send("/feedback")
    assert denied.text == FORBIDDEN
    for data in ("1:fdb:set:1", "1:fdb:anon:1", "1:fdb:days:1:off"):
        await lead.press_data(data)
        assert lead.last_answer["text"] == FORBIDDEN, data
    # A team lead whose team the campaign did not reach sees nothing of it.
    from tests.support.people import join

    other_lead = await join(tandem, org.admin, 2200, "Оскар", ["team_lead"])
    await other_lead.press_data("1:fdb:sum:1")
    assert other_lead.last_answer["text"] == FORBIDDEN
    [empty] = await other_lead.send("/feedback")
    assert empty.text.startswith("Пока нет анонсированных кампаний")
    # Strangers get the one polite refusal.
    stranger = tandem.player(9999, "Stranger", language_code="en")
    await stranger.press_data("1:fdb:sum:1")
    assert stranger.last_answer["text"].startswith("Sorry, Tandem is available by invitation only")
    [refusal] = await stranger.send("/feedback")
    assert refusal.text.startswith("Sorry")
    # Nothing of the refused presses reached the summary.
    summary = await open_summary(org.marketer)
    assert "1 отзыв от 1 человека · в среднем 4,0 ⭐" in summary.text


async def test_a_forged_star_cannot_make_feedback_anonymous_or_change_its_prompt_day(
    tandem: Tandem, clock: FakeClock
) -> None:
    """Stars used to carry "anonymous" and the prompt's day; a rep could edit them. Both are
    the server's now: the campaign is named, the prompt is the one she pressed."""
    org = await build_org(tandem)
    await announce(tandem, org)
    anton = org.reps[0]
    await anton.press(FEEDBACK_RU)
    own_prompt = anton.last
    await anton.press_data("1:fdb:rate:1:2:1:0", message=own_prompt)
    assert anton.last_answer["text"] == "Спасибо! Оценка сохранена."
    assert "Ваш отзыв не анонимный" in own_prompt.text
    await anton.send("/cancel")
    clock.set(datetime(2026, 12, 18, 7, 0, tzinfo=UTC))  # 10:00 in Moscow, three days on
    await sweep_and_deliver(tandem)
    [scheduled] = prompts(anton)
    await anton.press_data("1:fdb:rate:1:4:1:30", message=scheduled)
    assert anton.last_answer["text"] == "Спасибо! Оценка сохранена."
    assert "С запуска прошло 3 дня." in scheduled.text

    summary = await open_summary(org.marketer)
    await org.marketer.press("⬇️ CSV", message=summary)
    rows = export_rows(tandem, org.marketer.last)
    assert sorted((row[1], row[2], row[4]) for row in rows[1:]) == [
        ("опрос через 3 дня", "Антон", "4"),
        ("по кнопке", "Антон", "2"),
    ]


async def test_a_restart_mid_flow_continues_and_cancel_keeps_what_was_given(
    tandem: Tandem,
) -> None:
    org = await build_org(tandem)
    await announce(tandem, org)
    rep = org.reps[3]
    await rep.press(FEEDBACK_RU)
    await rep.press("3 ⭐")
    await tandem.restart()
    [not_media] = await rep.send_document("plan.pdf", b"%PDF")
    assert not_media.text == "Отправьте комментарий текстом, фото или голосовое сообщение."
    [added] = await rep.send("Аптеки просят пробники")
    assert added.text.startswith("Добавлено к отзыву. Сейчас в нём: ваш комментарий")
    # The key messages are on the same screen (issue 12), across a restart too.
    await tandem.restart()
    await rep.press("1. 👍", message=added)
    assert "1. Принимать ежедневно — 👍" in added.text
    [noted] = await rep.send("и плакаты")
    assert noted.text.startswith("Добавлено к отзыву.") and added.deleted
    await rep.send("/cancel")
    [idle] = await rep.send("после отмены")
    assert "ничего от вас не жду" in idle.text
    await open_summary(org.marketer)
    await org.marketer.press("💬 Комментарии (1)")
    assert "Аптеки просят пробники\nи плакаты" in org.marketer.last.text
    assert "Глеб (Сибирь) · ⭐⭐⭐" in org.marketer.last.text
