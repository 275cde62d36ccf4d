"""Questions and answers end to end: reps ask from the announcement (text, photo, voice), the
marketer answers from the card or the /questions queue, answers reach the asker and those who
said "me too", published answers fill the campaign FAQ and can go to everyone, duplicates get
the earlier answer, and a question left waiting is reminded once."""

from __future__ import annotations

from datetime import timedelta

from tests.support.clock import FakeClock
from tests.support.fake_telegram import FakeMessage
from tests.support.harness import Player, Tandem, deliver, sweep_and_deliver
from tests.support.org import Org, build_org, draft_campaign
from tests.support.people import join

ASK_RU, ASK_EN = "❓ Задать вопрос", "❓ Ask a question"
FAQ_RU, FAQ_EN = "📖 Вопросы и ответы", "📖 FAQ"
FORBIDDEN = "У вас нет доступа к этому."


async def send_now(
    tandem: Tandem, org: Org, *, name: str = "Зимний иммунитет", files: bool = True
) -> None:
    await draft_campaign(org.marketer, name=name, files=files)
    await org.marketer.press("🚀 Отправить сейчас")
    await org.marketer.press("✅ Подтвердить")
    await deliver(tandem)


async def act(player: Player, update_id: int) -> list[FakeMessage]:
    await player.tandem.processed(update_id)
    return player.user.new_messages()


async def ask(player: Player, text: str, *, label: str = ASK_RU) -> None:
    await player.press(label)
    [confirmation] = await player.send(text)
    assert confirmation.text.startswith(("✅ Ваш вопрос отправлен", "✅ Your question has gone"))


async def press_faq(player: Player, label: str) -> list[FakeMessage]:
    """The FAQ button under the announcement, whatever count of open questions it shows."""
    found = [x for m in player.messages for x in m.labels() if x.startswith(label)]
    return await player.press(found[-1])


def cards(player: Player) -> list[FakeMessage]:
    return [m for m in player.messages if m.text.startswith("❓ Вопрос #")]


def answers(player: Player) -> list[FakeMessage]:
    return [m for m in player.messages if m.text.startswith("💬")]


async def test_a_question_is_answered_and_the_answer_reaches_the_asker(tandem: Tandem) -> None:
    org = await build_org(tandem)
    await send_now(tandem, org)
    anton = org.reps[0]

    [prompt] = await anton.press(ASK_RU)
    assert prompt.text.startswith("❓ Ваш вопрос о «Зимний иммунитет»")
    assert "без вашего имени" in prompt.text
    [sent] = await anton.send("Можно ли <b>детям</b> & подросткам?")
    assert sent.text == "✅ Ваш вопрос отправлен маркетингу. Ответ придёт в этот чат."
    await deliver(tandem)

    # The marketer who created the campaign gets the card; an admin who is no marketer not.
    [card] = cards(org.marketer)
    assert card.text.startswith("❓ Вопрос #1 · «Зимний иммунитет»")
    assert "От: Антон (Москва), задан только что · 👍 0" in card.text
    assert "Можно ли <b>детям</b> & подросткам?" in card.text  # literally, not as markup
    assert card.labels() == [
        "✍️ Ответить",
        "📌 Ответить и опубликовать в FAQ",
        "🔁 Повтор вопроса…",
    ]
    assert cards(org.admin) == []

    [prompt] = await org.marketer.press("✍️ Ответить", message=card)
    assert prompt.text.startswith("✍️ Напишите ответ на вопрос #1 («Зимний иммунитет»)")
    [done] = await org.marketer.send("Да, с трёх лет. <i>Дозировка</i> — в инструкции.")
    assert done.text == "✅ Ответ на вопрос #1 отправляется 1 человеку."
    assert done.labels() == ["📌 Опубликовать в FAQ"]
    await deliver(tandem)

    [answer] = answers(anton)
    assert answer.text.startswith("💬 Ответ на ваш вопрос о «Зимний иммунитет»")
    # It arrives as a reply to the very message in which Антон asked.
    [question] = [
        m
        for m in tandem.fake._chat_messages(anton.id)
        if not m.from_bot and m.text.startswith("Можно ли")
    ]
    assert answer.reply_to_message_id == question.message_id
    assert "Можно ли <b>детям</b> & подросткам?" in answer.text
    assert answer.text.endswith("Да, с трёх лет. <i>Дозировка</i> — в инструкции.")
    assert answer.labels() == [FAQ_RU]
    assert all(answers(rep) == [] for rep in org.reps[1:])
    # The marketer's card now says it is answered, without buttons.
    assert card.text.startswith("✅ На вопрос #1 («Зимний иммунитет») ответил(а) Марина.")
    assert card.labels() == []
    # Answering again is refused.
    await org.admin.press_data("1:qst:ans:1")
    assert org.admin.last_answer["text"] == "На этот вопрос уже ответили."
    [queue] = await org.marketer.send("/questions")
    assert queue.text == "✅ Вопросов без ответа нет. Отлично!"


async def test_publish_to_the_faq_and_to_everyone(tandem: Tandem) -> None:
    org = await build_org(tandem)
    await send_now(tandem, org)
    anton, bella, vera, gleb, dana = org.reps
    await ask(bella, "Is there an extra discount for pharmacy chains?", label=ASK_EN)
    await deliver(tandem)

    await org.marketer.press("📌 Ответить и опубликовать в FAQ")
    [done] = await org.marketer.send("Yes: 5% on top for chains of ten or more.")
    assert "Теперь он в FAQ «Зимний иммунитет»" in done.text
    assert done.labels() == ["📣 Отправить всем получателям"]
    await deliver(tandem)
    [answer] = answers(bella)
    assert answer.text.startswith("💬 The answer to your question about “Зимний иммунитет”")
    assert answer.text.endswith("Yes: 5% on top for chains of ten or more.")

    # Every recipient sees it in the FAQ, in their own language.
    [faq] = await vera.press(FAQ_RU)
    assert faq.text.startswith("📖 Вопросы и ответы: «Зимний иммунитет»\n1 ответ, сначала новые")
    assert "❓ Is there an extra discount for pharmacy chains?\n💬 Yes: 5%" in faq.text
    assert faq.labels() == ["❓ Открытые вопросы: 0", ASK_RU]
    [faq_en] = await dana.press(FAQ_EN)
    assert faq_en.text.startswith("📖 Questions and answers: “Зимний иммунитет”\n1 answer,")

    # And, when the marketer chooses, in their chat: everyone but the asker, once.
    await org.marketer.press("📣 Отправить всем получателям")
    assert org.marketer.last.text == "📣 Ответ на вопрос #1 отправляется 4 людям."
    await deliver(tandem)
    for rep in (anton, vera, gleb, dana):
        [news] = [m for m in rep.messages if m.text.startswith(("📌 Новое в FAQ", "📌 New in"))]
        assert "Yes: 5% on top" in news.text
    assert not any(m.text.startswith("📌") for m in bella.messages)
    await org.marketer.press_data("1:qst:bcast:1")
    assert org.marketer.last_answer["text"] == "Этот ответ уже отправлен всем."


async def test_a_published_faq_is_newest_first_and_paged(tandem: Tandem) -> None:
    org = await build_org(tandem)
    await send_now(tandem, org)
    anton = org.reps[0]
    for number in range(1, 8):
        await ask(anton, f"Вопрос номер {number}?")
    for number in range(1, 8):
        await org.marketer.press_data(f"1:qst:anspub:{number}")
        await org.marketer.send(f"Ответ номер {number}.")
    [faq] = await org.reps[1].press(FAQ_EN)
    assert "7 answers, newest first · page 1 of 2" in faq.text
    assert faq.text.index("Вопрос номер 7?") < faq.text.index("Вопрос номер 3?")
    assert "Вопрос номер 2?" not in faq.text
    await org.reps[1].press("Next ▶️", message=faq)
    assert "page 2 of 2" in faq.text and "Вопрос номер 1?" in faq.text
    assert "Вопрос номер 7?" not in faq.text


async def test_a_duplicate_gets_the_earlier_answer(tandem: Tandem) -> None:
    org = await build_org(tandem)
    await send_now(tandem, org)
    anton, gleb = org.reps[0], org.reps[3]
    await ask(anton, "Сколько длится акция?")
    await deliver(tandem)
    # Nothing is answered yet: there is nothing to be a duplicate of.
    await org.marketer.press("🔁 Повтор вопроса…")
    assert org.marketer.last_answer["show_alert"] is True
    assert org.marketer.last_answer["text"].startswith("В этой кампании ещё нет отвеченных")
    await org.marketer.press("✍️ Ответить")
    await org.marketer.send("До 31 декабря.")

    await ask(gleb, "До какого числа действует скидка?")
    await deliver(tandem)
    second = cards(org.marketer)[-1]
    assert second.text.startswith("❓ Вопрос #2")
    [choose] = await org.marketer.press("🔁 Повтор вопроса…", message=second)
    assert choose.text.startswith("🔁 Вопрос #2 повторяет…")
    assert "#1 Сколько длится акция?\n💬 До 31 декабря." in choose.text
    await org.marketer.press("#1 Сколько длится акция?")
    assert choose.text == "🔁 Вопрос #2 отмечен как повтор #1; тот ответ отправляется 1 человеку."
    await deliver(tandem)
    [answer] = answers(gleb)
    assert "Этот вопрос уже задавали; вот ответ." in answer.text
    assert "До какого числа действует скидка?" in answer.text
    assert answer.text.endswith("До 31 декабря.")
    assert second.text.startswith("✅ Марина отметил(а) вопрос #2 («Зимний иммунитет») как повтор")
    # Forged: a question cannot be its own duplicate, nor one from nowhere.
    await ask(gleb, "А ещё вопрос?")
    await deliver(tandem)
    for data in ("1:qst:dupof:3:3", "1:qst:dupof:3:99", "1:qst:dupof:3:2"):
        await org.marketer.press_data(data)
        assert org.marketer.last_answer["show_alert"] is True, data


async def test_me_too_votes_raise_a_question_in_the_queue(tandem: Tandem, clock: FakeClock) -> None:
    org = await build_org(tandem)
    await send_now(tandem, org)
    anton, bella, vera, gleb, dana = org.reps
    await ask(anton, "Где взять промо-материалы?")
    clock.advance(timedelta(hours=3))
    await ask(vera, "Будут ли пробники?")
    await deliver(tandem)

    [queue] = await org.marketer.send("/questions")
    assert queue.text.index("#1") < queue.text.index("#2")
    assert "«Зимний иммунитет» · 3 часа назад · 👍 0\nАнтон: Где взять промо-материалы?" in (
        queue.text
    )

    # Глеб sees the open questions (no names) and says "me too" to Вера's. The announcements
    # were redrawn meanwhile: their FAQ button counts the open questions (issue 12).
    [faq] = await press_faq(gleb, FAQ_RU)
    await gleb.press("❓ Открытые вопросы: 2", message=faq)
    assert "Антон" not in faq.text and "Вера" not in faq.text
    assert faq.text.index("Где взять") < faq.text.index("Будут ли пробники")
    await gleb.press("👍 2: у меня тоже", message=faq)
    assert gleb.last_answer["text"] == "Учтено: ответ придёт и вам."
    assert "1. Будут ли пробники? · 👍 1" in faq.text
    assert "✅ 1: учтено" in faq.labels()
    await gleb.press("✅ 1: учтено", message=faq)
    assert gleb.last_answer["text"] == "Уже учтено. Ответ придёт вам."
    [faq_en] = await press_faq(dana, FAQ_EN)
    await dana.press("❓ Open questions: 2", message=faq_en)
    await dana.press("👍 1: me too", message=faq_en)
    # Вера's own question has no "me too" for her.
    [own] = await press_faq(vera, FAQ_RU)
    await vera.press("❓ Открытые вопросы: 2", message=own)
    assert "Будут ли пробники? · 👍 2 (ваш вопрос)" in own.text
    assert "👍 1: у меня тоже" not in own.labels()
    await vera.press_data("1:qst:me2:2:0")
    assert vera.last_answer["text"] == "Это ваш собственный вопрос: ответ и так придёт вам."

    [queue] = await org.marketer.send("/questions")
    assert queue.text.index("#2") < queue.text.index("#1")
    assert "👍 2\nВера: Будут ли пробники?" in queue.text
    await org.marketer.press("#2 Будут ли пробники?")
    await org.marketer.press("✍️ Ответить")
    [done] = await org.marketer.send("Да, с января.")
    assert done.text == "✅ Ответ на вопрос #2 отправляется 3 людям."
    await deliver(tandem)
    assert answers(vera)[0].text.startswith("💬 Ответ на ваш вопрос")
    assert answers(gleb)[0].text.startswith("💬 Ответ на вопрос, который был и у вас,")
    assert answers(dana)[0].text.startswith("💬 The answer to a question you had too")
    assert answers(anton) == [] and answers(bella) == []
    await gleb.press_data("1:qst:me2:2:0")
    assert gleb.last_answer["text"] == "На этот вопрос уже ответили."


async def test_an_unanswered_question_is_reminded_once(tandem: Tandem, clock: FakeClock) -> None:
    org = await build_org(tandem)
    await send_now(tandem, org)
    await ask(org.reps[0], "Что говорить про конкурентов?")
    await deliver(tandem)

    def reminders() -> list[FakeMessage]:
        return [m for m in org.marketer.messages if m.text.startswith("⏰")]

    clock.advance(timedelta(hours=23))
    await sweep_and_deliver(tandem)
    assert reminders() == []
    clock.advance(timedelta(hours=1))
    await sweep_and_deliver(tandem)
    [reminder] = reminders()
    assert reminder.text.startswith("⏰ Всё ещё без ответа\n❓ Вопрос #1 · «Зимний иммунитет»")
    assert "задан 24 часа назад" in reminder.text
    clock.advance(timedelta(hours=30))
    await tandem.restart()
    await sweep_and_deliver(tandem)
    assert len(reminders()) == 1
    assert cards(org.admin) == [] and not any(m.text.startswith("⏰") for m in org.admin.messages)

    # Answered from the reminder: both cards say so.
    await org.marketer.press("✍️ Ответить", message=reminder)
    await org.marketer.send("Только факты из исследований.")
    await deliver(tandem)
    assert reminder.text.startswith("✅ На вопрос #1") and reminder.labels() == []
    assert cards(org.marketer) == []


async def test_photo_and_voice_questions(tandem: Tandem) -> None:
    org = await build_org(tandem)
    await send_now(tandem, org)
    anton, bella, gleb = org.reps[0], org.reps[1], org.reps[3]

    await anton.press(ASK_RU)
    [refused] = await anton.send_document("price.pdf", b"%PDF-1.4 price")
    assert refused.text.startswith("Пришлите вопрос текстом, фотографией")
    anton.user.mark()
    [sent] = await act(anton, anton.user.send_photo(b"\x89PNG shelf", caption="Такой ценник?"))
    assert sent.text.startswith("✅ Ваш вопрос отправлен")
    await bella.press(ASK_EN)
    bella.user.mark()
    [sent] = await act(bella, bella.user.send_voice(b"OggS question", duration=4))
    assert sent.text.startswith("✅ Your question has gone to marketing")
    await deliver(tandem)

    photo_card, voice_card = cards(org.marketer)
    assert "📷 Фото Такой ценник?" in photo_card.text
    assert "📷 Фото #1" in photo_card.labels()
    assert "🎤 Голосовое сообщение" in voice_card.text
    [photo] = await org.marketer.press("📷 Фото #1", message=photo_card)
    assert "photo" in photo.raw and photo.caption == "Вопрос #1 от Антон"
    # From the queue, the voice message comes with its card.
    await org.marketer.send("/questions")
    voice, card = await org.marketer.press("#2 🎤 Голосовое сообщение")
    assert "voice" in voice.raw and voice.caption == "Вопрос #2 от Bella"
    assert card.text.startswith("❓ Вопрос #2") and "От: Bella (Москва)" in card.text
    assert card.labels()[-1] == "« Все вопросы без ответа"

    # Other recipients may listen to it, without a name; a document is no answer.
    [faq] = await gleb.press(FAQ_RU)
    await gleb.press("❓ Открытые вопросы: 2", message=faq)
    [heard] = await gleb.press("🎤 Голосовое #2", message=faq)
    assert "voice" in heard.raw and heard.caption == "Вопрос #2"
    await org.marketer.press("✍️ Ответить", message=card)
    [hint] = await org.marketer.send_photo(b"\x89PNG answer")
    assert hint.text == "Напишите ответ текстовым сообщением."
    await org.marketer.send("Поставки в январе.")
    await deliver(tandem)
    [answer] = answers(bella)
    assert "🎤 Voice message" in answer.text and answer.text.endswith("Поставки в январе.")


async def test_refusals(tandem: Tandem) -> None:
    org = await build_org(tandem)
    await send_now(tandem, org)
    anton = org.reps[0]
    await ask(anton, "Вопрос по первой кампании?")
    await deliver(tandem)

    # The team lead is not in the all-reps audience: no asking, no FAQ, no "me too".
    lead = org.lead
    for data in ("1:cmp:ask:1", "1:cmp:faq:1", "1:qst:faq:1:0", "1:qst:open:1:0", "1:qst:me2:1:0"):
        await lead.press_data(data)
        assert lead.last_answer == {**lead.last_answer, "text": FORBIDDEN, "show_alert": True}
    # A rep cannot answer, see the queue, open a card or publish.
    [denied] = await anton.send("/questions")
    assert denied.text == FORBIDDEN
    for data in ("1:qst:ans:1", "1:qst:anspub:1", "1:qst:card:1", "1:qst:dup:1", "1:qst:pub:1"):
        await anton.press_data(data)
        assert anton.last_answer["text"] == FORBIDDEN, data
    for data in ("1:qst:me2:x:0", "1:qst:faq:1", "1:qst:me2:999:0"):
        await anton.press_data(data)
        assert anton.last_answer["show_alert"] is True, data
    # A marketer who did not get the announcement cannot "me too" either.
    await org.marketer.press_data("1:qst:me2:1:0")
    assert org.marketer.last_answer["text"] == FORBIDDEN

    # A second campaign reaches a rep who joined later: the first one's buttons refuse him.
    newcomer = await join(tandem, org.admin, 3006, "Егор", ["rep"], team="Москва")
    await send_now(tandem, org, name="Весна", files=False)
    await ask(newcomer, "Вопрос по второй кампании?")
    await deliver(tandem)
    for data in ("1:cmp:ask:1", "1:cmp:faq:1", "1:qst:me2:1:0", "1:qst:media:1"):
        await newcomer.press_data(data)
        assert newcomer.last_answer["text"] == FORBIDDEN, data
    [faq] = await newcomer.press(FAQ_RU)
    assert "«Весна»" in faq.text
    # Nor may a question be closed with another campaign's answer.
    await org.marketer.press_data("1:qst:ans:1")
    await org.marketer.send("Ответ по первой.")
    await org.marketer.press_data("1:qst:dupof:2:1")
    assert org.marketer.last_answer["text"] == "Не найдено: возможно, это удалили."

    stranger = tandem.player(9999, "Stranger", language_code="en")
    await stranger.press_data("1:qst:me2:1:0")
    assert stranger.last_answer["text"].startswith("Sorry, Tandem is available by invitation only")
    [refusal] = await stranger.send("/questions")
    assert refusal.text.startswith("Sorry")


async def test_cancel_mid_question_sends_nothing(tandem: Tandem) -> None:
    org = await build_org(tandem)
    await send_now(tandem, org)
    anton = org.reps[0]
    await anton.press(ASK_RU)
    [cancelled] = await anton.send("/cancel")
    assert cancelled.text == (
        "Остановлено.\n⚠️ Ваш вопрос не отправлен. Нажмите «Задать вопрос» ещё раз,"
        " когда будет удобно."
    )
    [hint] = await anton.send("Передумал спрашивать")
    assert hint.text.startswith("Сейчас я ничего от вас не жду")
    await deliver(tandem)
    assert cards(org.marketer) == []
    [queue] = await org.marketer.send("/questions")
    assert queue.text.startswith("✅ Вопросов без ответа нет")

    # A marketer leaving mid-answer leaves the question open and the asker waiting.
    await ask(anton, "А всё-таки?")
    await deliver(tandem)
    await org.marketer.press("✍️ Ответить")
    await org.marketer.send("/cancel")
    await deliver(tandem)
    assert answers(anton) == []
    [queue] = await org.marketer.send("/questions")
    assert queue.text.startswith("❓ Вопросы без ответа: 1 ")  # nothing of the cancelled one
    assert "Антон: А всё-таки?" in queue.text


async def test_a_restart_mid_flow_continues(tandem: Tandem) -> None:
    org = await build_org(tandem)
    await send_now(tandem, org)
    dana = org.reps[4]
    await dana.press(ASK_EN)
    await tandem.restart()
    [sent] = await dana.send("Can I share the brief with doctors?")
    assert sent.text.startswith("✅ Your question has gone to marketing")
    await deliver(tandem)
    await org.marketer.press("✍️ Ответить")
    await tandem.restart()
    await org.marketer.send("Нет, только для внутреннего пользования.")
    await deliver(tandem)
    [answer] = answers(dana)
    assert answer.text.endswith("Нет, только для внутреннего пользования.")
