"""Leads end to end, as the issue tells it: regulation v1 → a CSV import with good, duplicate
and bad rows (the rejected-rows file read back) → round-robin across a team with one rep
away → a rep disputes with a clause and a photo in three taps → the analyst overturns → the
lead is back in work with another rep, who is told why → a second dispute upheld → the
marketer is told → the regulation is republished as v2 and acknowledged; the old verdicts
still show v1's clause texts."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from tests.support.fake_telegram import FakeMessage
from tests.support.harness import Player, Tandem, deliver
from tests.support.people import admin as an_admin
from tests.support.people import create_team, join

FORBIDDEN = "У вас нет доступа к этому."


@dataclass
class Company:
    admin: Player
    marketer: Player
    analyst: Player
    lead: Player  # team lead of «Сибирь»
    gleb: Player
    dana: Player
    efim: Player  # away


async def company(tandem: Tandem) -> Company:
    admin = await an_admin(tandem)
    await create_team(admin, "Сибирь", "Новосибирск", "Asia/Novosibirsk")
    marketer = await join(tandem, admin, 2000, "Марина", ["marketer"])
    analyst = await join(tandem, admin, 2500, "Алла", ["analyst"])
    lead = await join(tandem, admin, 2100, "Лев", ["team_lead"], team="Сибирь")
    gleb = await join(tandem, admin, 3004, "Глеб", ["rep"], team="Сибирь")
    dana = await join(tandem, admin, 3005, "Dana", ["rep"], team="Сибирь", language_code="en")
    efim = await join(tandem, admin, 3006, "Ефим", ["rep"], team="Сибирь")
    return Company(admin, marketer, analyst, lead, gleb, dana, efim)


def cards(player: Player) -> list[FakeMessage]:
    return [m for m in player.messages if m.text.startswith(("🆕", "↩️ Снова", "↩️ Back"))]


def rows_of(tandem: Tandem, message: FakeMessage) -> list[list[str]]:
    assert message.document_file_id is not None
    data = tandem.fake.file_bytes(message.document_file_id).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(data)))


CSV_FILE = (
    "Имя;Телефон;E-mail;Компания;Регион;Источник\n"
    "Иван Петров;+7 916 123-45-67;;Аптека 1;Новосибирск;Сайт\n"
    "Пётр Сидоров;8 (913) 555-11-22;p@clinic.ru;Клиника;Новосибирск;Выставка\n"
    "Иван Петров (повтор);+79161234567;;Аптека 1;Новосибирск;Сайт\n"
    "Без телефона;;;Аптека 2;Новосибирск;Сайт\n"
    "Плохой телефон;12345;;Аптека 3;Новосибирск;Сайт\n"
).encode("cp1251")


async def import_and_spread(tandem: Tandem, org: Company) -> list[FakeMessage]:
    await org.marketer.send("/leads")
    [prompt] = await org.marketer.press("📥 Загрузить файл")
    assert prompt.text.startswith("📥 Пришлите файл CSV или XLSX")
    replies = await org.marketer.send_document("leads.csv", CSV_FILE, "text/csv")
    return replies


async def test_the_whole_story_of_a_disputed_lead(tandem: Tandem) -> None:
    org = await company(tandem)

    # Regulation v1 is there from the start, for everyone.
    [reg] = await org.gleb.send("/regulation")
    assert reg.text.startswith("📘 Регламент квалификации лидов, версия 1")
    assert "1.1 Неверный или недоступный контакт" in reg.text
    assert "3.1 Не ответил на первый звонок" in reg.text
    assert "Срок оспаривания: 72 ч после назначения" in reg.text

    # Ефим is away for three days.
    await org.efim.send("/away")
    await org.efim.press("3 дня")
    assert "В отсутствии с" in org.efim.last.text

    summary, rejected = await import_and_spread(tandem, org)
    assert "Загружено: 3 (из них возможных дублей: 1)" in summary.text
    assert "Отклонено: 2" in summary.text
    rows = rows_of(tandem, rejected)
    assert rows[0] == ["Имя", "Телефон", "E-mail", "Компания", "Регион", "Источник", "Причина"]
    assert [row[0] for row in rows[1:]] == ["Без телефона", "Плохой телефон"]
    assert rows[1][-1] == "У лида должен быть телефон или e-mail."
    assert rows[2][-1].startswith("«12345» не похоже на номер телефона")

    await org.marketer.press("🔄 По очереди: Сибирь", message=summary)
    assert summary.text == "✅ Роздано лидов: 3; не назначено: 0."
    await deliver(tandem)
    # Round-robin skips Ефим, who is away.
    assert len(cards(org.gleb)) == 2 and len(cards(org.dana)) == 1 and cards(org.efim) == []
    first, second = cards(org.gleb)
    assert "Лид #1: Иван Петров" in first.text
    assert "📞 +79161234567" in first.text
    assert "⏰ Первое действие до" in first.text
    assert first.labels() == ["✅ Беру", "⚠️ Оспорить", "↩️ Вернуть", "📜 История"]

    # Глеб disputes lead #1 with a clause and a photo: three taps.
    assert await org.gleb.press("⚠️ Оспорить", message=first) == []  # 1: edited in place
    grounds = first
    assert grounds.text.startswith("⚠️ Оспорить лид #1")
    assert grounds.labels()[-1] == "« Назад"  # back to the card, nothing changed
    assert "3.1 Не ответил на первый звонок" not in grounds.labels()
    await org.gleb.press("1.1 Неверный или недоступный контакт", message=grounds)  # 2
    assert grounds.text.startswith("⚠️ Лид #1 оспорен по пункту 1.1")
    [kept] = await org.gleb.send_photo(b"\x89PNG screenshot of the call log")  # 3
    assert kept.text == "📎 Сохранено вместе со спором. Аналитики это увидят."

    # The analyst hears of it, sees it with the evidence one tap away, and overturns it.
    await deliver(tandem)
    [news] = org.analyst.messages[-1:]
    assert news.text.startswith("⚖️ Новый спор #1: лид Иван Петров от Глеб, по пункту")
    assert news.labels() == ["⚖️ Открыть спор"]
    [queue] = await org.analyst.send("/disputes")
    assert "#1 · Иван Петров · 1.1 · Глеб" in queue.text
    await org.analyst.press("⚖️ #1 · 1.1", message=queue)
    assert "Неверный или недоступный контакт" in queue.text
    assert "оспорил(а) по пункту 1.1 (v1)" in queue.text
    [photo] = await org.analyst.press("📷 Фото", message=queue)
    assert photo.photo_file_id is not None
    [ruling] = await org.analyst.press("↩️ Отклонить", message=queue)
    assert ruling.text.startswith("↩️ Отклонить спор #1")
    await org.analyst.press("🔄 По очереди в команде", message=ruling)
    assert "уйдёт по очереди другому представителю" in ruling.text
    [done] = await org.analyst.send("Дозвонился со второго раза: номер рабочий.")
    assert done.text.startswith("↩️ Спор #1 отклонён: лид #1 снова в работе у: Dana")
    await deliver(tandem)
    # Dana gets the lead back in work, told why, in her language; Глеб gets the verdict.
    back = cards(org.dana)[-1]
    assert back.text.startswith("↩️ Back in work: Алла overturned the dispute, citing")
    assert "1.1 Неверный или недоступный контакт" in back.text
    assert "Дозвонился со второго раза" in back.text
    verdict = org.gleb.messages[-1]
    assert verdict.text.startswith("↩️ Ваш спор по лиду #1 (Иван Петров) отклонён (Алла)")

    # A second dispute, over Глеб's cap (20 % of two leads): his team lead approves it first;
    # then it is upheld, and the marketer who brought the lead is told why.
    await org.gleb.press("⚠️ Оспорить", message=second)
    grounds = second
    assert "Вы превысили лимит споров (20% ваших лидов за 30 дней)" in grounds.text
    await org.gleb.press("1.2 Дубликат", message=grounds)
    assert "Сначала его согласует руководитель группы" in grounds.text
    await org.gleb.press("✅ Готово", message=grounds)
    # The message is the lead's card again, disputed, with nothing left to press but history.
    assert second.text.startswith("✅ Спор ждёт согласования руководителя группы")
    assert "Лид #3: Иван Петров (повтор)" in second.text
    assert "⚠️ Оспорить" not in second.labels() and "✅ Беру" not in second.labels()
    [empty] = await org.analyst.send("/disputes")
    assert empty.text == "✅ Споров, ждущих решения, нет."
    await deliver(tandem)
    approval = org.lead.messages[-1]
    assert approval.text.startswith("⚠️ Глеб превысил(а) лимит споров")
    await org.lead.press("✅ Согласовать", message=approval)
    assert approval.text == "✅ Спор #2 передан аналитикам."
    [queue] = await org.analyst.send("/disputes")
    await org.analyst.press(queue.labels()[0], message=queue)
    [ruling] = await org.analyst.press("✅ Удовлетворить", message=queue)
    [done] = await org.analyst.press("✅ Подтвердить", message=ruling)
    assert "удовлетворён" in done.text
    await deliver(tandem)
    told = org.marketer.messages[-1]
    assert "дисквалифицирован" in told.text and "1.2 Дубликат" in told.text

    # v2: clause 1.1 is rewritten and the regulation republished and acknowledged.
    await org.analyst.send("/regulation")
    [draft] = await org.analyst.press("✏️ Редактировать следующую версию")
    assert draft.text.startswith("✏️ Черновик версии 2")
    await org.analyst.press("✏️ 1.1", message=draft)
    await org.analyst.send("Неверный контакт")
    [saved, draft] = await org.analyst.send("Номер не существует или принадлежит другому.")
    assert saved.text == "✅ Пункт 1.1 сохранён в черновике."
    await org.analyst.press("🚀 Опубликовать", message=draft)
    [published] = await org.analyst.send("Пункт 1.1 стал короче.")
    assert published.text.startswith("🚀 Версия 2 опубликована")
    await deliver(tandem)
    news = org.gleb.messages[-1]
    assert news.text.startswith("📘 Новая версия 2 регламента")
    await org.gleb.press("✅ Ознакомлен(а)", message=news)
    assert org.gleb.last_answer["text"] == "Отмечено"
    [reg] = await org.analyst.send("/regulation")
    await org.analyst.press("📊 Кто ознакомился", message=reg)
    assert "ознакомились 1" in reg.text

    # The old verdict still shows the clause as v1 had it.
    await org.marketer.send("/leads")
    await org.marketer.press("🔎 Поиск по имени или телефону")
    [results] = await org.marketer.send("Иван")
    assert results.labels() == ["🚫 #3 Иван Петров (повтор)", "🆕 #1 Иван Петров"]
    [card] = await org.marketer.press("🆕 #1 Иван Петров", message=results) or [results]
    assert "⚖️ Спор #1: Спор отклонён" in card.text
    assert "1.1 Неверный или недоступный контакт (v1)" in card.text
    assert "1.1 Неверный контакт" not in card.text


async def test_strangers_and_forged_buttons_get_refusals_and_no_data(tandem: Tandem) -> None:
    org = await company(tandem)
    await import_and_spread(tandem, org)
    await org.marketer.press("🔄 По очереди: Сибирь")
    await deliver(tandem)
    # Dana holds lead #2; Глеб may not take it, open it, dispute it or return it.
    for data in ("1:lead:take:2", "1:lead:card:2", "1:lead:disp:2", "1:lead:rr:2:territory"):
        await org.gleb.press_data(data)
        assert org.gleb.last_answer["text"] == FORBIDDEN, data
    # Forged shapes are refused as expired buttons.
    await org.gleb.press_data("1:lead:take:abc")
    assert org.gleb.last_answer["text"].startswith("Эта кнопка устарела")
    # Reps cannot rule on disputes, assign, import or open the sources.
    [refused] = await org.gleb.send("/disputes")
    assert refused.text == FORBIDDEN
    for data in ("1:dsp:q:0", "1:lead:asg:1", "1:lead:imp", "1:lead:srcs", "1:reg:draft"):
        await org.gleb.press_data(data)
        assert org.gleb.last_answer["text"] == FORBIDDEN, data
    # A stranger gets the one polite refusal.
    stranger = tandem.player(9999, "Кто-то")
    [refusal] = await stranger.send("/leads")
    assert "только по приглашению" in refusal.text
