"""Meetings end to end through the fake Bot API, on the fake clock: a slot poll seen by
participants in Kaliningrad, Moscow, Vladivostok and New York across the US switch to summer
time, votes and a changed vote, the close at the deadline, invitations whose calendar files
give everyone the same instant, RSVP figures, reminders once each (across a restart, not to
those who declined), and bad input refused with the flow kept on its step."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import icalendar

from tests.support.clock import FakeClock
from tests.support.fake_telegram import FakeMessage
from tests.support.harness import Player, Tandem, deliver, sweep_and_deliver
from tests.support.jobs import count_job
from tests.support.people import admin as an_admin
from tests.support.people import create_team, join

START = datetime(2027, 3, 8, 9, 0, tzinfo=UTC)  # Monday; the US moves its clocks on 14 March
SLOT_1 = datetime(2027, 3, 12, 12, 0, tzinfo=UTC)  # Fri 15:00 in Moscow
SLOT_2 = datetime(2027, 3, 16, 12, 0, tzinfo=UTC)  # Tue 15:00 in Moscow
FORBIDDEN = "У вас нет доступа к этому."


@dataclass
class Team:
    admin: Player
    lead: Player  # Лев, Moscow: organises
    kira: Player  # Kaliningrad
    misha: Player  # Moscow
    vlad: Player  # Vladivostok
    nora: Player  # New York, English
    stranger_rep: Player  # another team, not invited

    @property
    def participants(self) -> list[Player]:
        return [self.lead, self.kira, self.misha, self.vlad, self.nora]


async def set_zone(player: Player, zone: str, *, english: bool = False) -> None:
    await player.send("/settings")
    await player.press("🕒 Time zone" if english else "🕒 Часовой пояс")
    await player.send(zone)


async def build_team(tandem: Tandem, clock: FakeClock) -> Team:
    clock.set(START)
    admin = await an_admin(tandem)
    await create_team(admin, "Москва", "Центр", "Europe/Moscow")
    await create_team(admin, "Казань", "Поволжье", "Europe/Moscow")
    lead = await join(tandem, admin, 2100, "Лев", ["team_lead"], team="Москва")
    kira = await join(tandem, admin, 3001, "Кира", ["rep"], team="Москва")
    misha = await join(tandem, admin, 3002, "Миша", ["rep"], team="Москва")
    vlad = await join(tandem, admin, 3003, "Влад", ["rep"], team="Москва")
    nora = await join(tandem, admin, 3004, "Nora", ["rep"], team="Москва", language_code="en")
    other = await join(tandem, admin, 3005, "Олег", ["rep"], team="Казань")
    await set_zone(kira, "Europe/Kaliningrad")
    await set_zone(vlad, "Asia/Vladivostok")
    await set_zone(nora, "America/New_York", english=True)
    return Team(admin, lead, kira, misha, vlad, nora, other)


def received(player: Player, start: str) -> list[FakeMessage]:
    return [m for m in player.messages if m.text.startswith(start)]


def calendar_of(tandem: Tandem, message: FakeMessage) -> icalendar.Calendar:
    document = message.raw["document"]
    assert document["file_name"] == "meeting.ics"
    return icalendar.Calendar.from_ical(tandem.fake.file_bytes(document["file_id"]))


def document_after(player: Player, message: FakeMessage) -> FakeMessage:
    """The calendar file sent right after ``message``."""
    following = [m for m in player.messages if m.message_id > message.message_id]
    assert following and "document" in following[0].raw, following
    return following[0]


async def draft_poll(team: Team) -> None:
    """Лев drafts the poll, making every mistake the issue lists on the way."""
    lead = team.lead
    [ask] = await lead.send("/newmeeting")
    assert "Как называется встреча?" in ask.text
    await lead.send("Планёрка продаж и маркетинга")
    await lead.press("Еженедельная совместная встреча")
    await lead.press("🗳 Опрос: 2–5 вариантов")
    [error] = await lead.send("завтра 25:00")
    assert error.text == "«25:00» — не время. Попробуйте 9:00 или 14:30."
    [error] = await lead.send("31.02 10:00")
    assert "Не получилось прочитать «31.02 10:00» как дату" in error.text
    [error] = await lead.send("вчера 10:00")
    assert "уже прошло" in error.text or "в прошлом" in error.text
    [one] = await lead.send("12.03 15:00")
    assert one.text.startswith("Пока 1 вариант:")
    await lead.press("✅ Готово")
    assert "не меньше 2 вариантов" in lead.last_answer["text"]
    [two] = await lead.send("16.03 15:00")
    assert two.text.startswith("Пока 2 варианта:")
    await lead.press("✅ Готово", message=two)
    [error] = await lead.send("13.03 10:00")
    assert "раньше первого варианта" in error.text
    await lead.send("11.03 18:00")
    await lead.press("60 мин")
    [error] = await lead.send("ftp://files.example.com/meet")
    assert "неправильная ссылка" in error.text
    await lead.send("https://meet.example.com/plan")
    await lead.press("Не повторяется")
    await lead.press("▫️ Москва")
    assert "Сейчас 5 человек." in lead.last.text
    await lead.press("✅ Готово")
    await lead.send("План продаж на апрель")
    [card] = await lead.press("✅ Готово")
    assert "План продаж на апрель" in card.text
    assert "2 варианта времени" in card.text


async def test_a_poll_across_four_zones_finalises_and_invites_with_one_instant(
    tandem: Tandem, clock: FakeClock
) -> None:
    team = await build_team(tandem, clock)
    await draft_poll(team)
    [done, view] = await team.lead.press("📤 Отправить")
    assert done.text == "🗳 Опрос уходит 5 участникам."
    assert view.text.startswith("🗳 Планёрка продаж и маркетинга")
    await deliver(tandem)

    # Everyone sees each slot in their own zone, weekday and date as they are there.
    [nora_poll] = received(team.nora, "🗳")
    assert "Fri, 12 Mar 2027, 07:00 (UTC-5)" in nora_poll.text
    assert "Tue, 16 Mar 2027, 08:00 (UTC-4)" in nora_poll.text  # after the switch
    [vlad_poll] = received(team.vlad, "🗳")
    assert "пт, 12 мар. 2027, 22:00 (UTC+10)" in vlad_poll.text
    [kira_poll] = received(team.kira, "🗳")
    assert "пт, 12 мар. 2027, 14:00 (UTC+2)" in kira_poll.text
    assert received(team.stranger_rep, "🗳") == []

    await team.kira.press("1 ✅")
    await team.kira.press("2 🤔")
    assert team.kira.last_answer["text"] == "Сохранено"
    assert "• 2 🤔" in kira_poll.labels()
    await team.misha.press("2 ✅")
    await team.vlad.press("✅ Подходит всё")
    await team.nora.press("1 ✅")
    await team.nora.press("1 ❌")  # she changes her mind
    await team.nora.press("2 ✅")
    assert "• 1 ❌" in nora_poll.labels()

    # The organiser's live tally, with names.
    [listing] = await team.lead.send("/meetings")
    assert "время выбирается" in listing.text
    [tally] = await team.lead.press(listing.labels()[0])
    assert "1. пт 12 мар., 15:00: ✅ 2 · 🤔 0 · ❌ 1" in tally.text
    assert "2. вт 16 мар., 15:00: ✅ 3 · 🤔 1 · ❌ 0" in tally.text
    assert "✅ Nora, Влад, Миша" in tally.text

    # A stranger to the meeting cannot vote, even with forged data.
    await team.stranger_rep.press_data(nora_poll.buttons[0][0].callback_data or "")
    assert team.stranger_rep.last_answer["text"] == FORBIDDEN

    # The deadline (18:00 Moscow on the 11th) passes: slot 2 wins, invitations go out.
    clock.set(datetime(2027, 3, 11, 15, 0, tzinfo=UTC))
    await sweep_and_deliver(tandem)
    [report] = received(team.lead, "🏁")
    assert "Опрос по встрече «Планёрка продаж и маркетинга» закрыт" in report.text
    for player in team.participants:
        [invitation] = received(player, "📅")
        document = document_after(player, invitation)
        [event] = calendar_of(tandem, document).walk("VEVENT")
        assert event.decoded("dtstart") == SLOT_2  # the same instant for everyone
        assert event["sequence"] == 0
        assert str(event["summary"]) == "Планёрка продаж и маркетинга"
    [nora_invitation] = received(team.nora, "📅")
    assert "Tue, 16 Mar 2027, 08:00 (your time, UTC-4)" in nora_invitation.text
    assert "Organiser's time: Tue, 16 Mar 2027, 15:00 (Europe/Moscow)" in nora_invitation.text
    assert "https://meet.example.com/plan" in nora_invitation.text
    assert "План продаж на апрель" in nora_invitation.text
    assert nora_invitation.labels()[:3] == ["✅ I'll come", "🤔 Maybe", "❌ Can't"]

    # RSVP; the organiser's figures per team with names.
    [kira_invitation] = received(team.kira, "📅")
    await team.kira.press("✅ Приду")
    assert "• ✅ Приду •" in kira_invitation.labels()
    await team.misha.press("❌ Не смогу")
    await team.vlad.press("🤔 Возможно")
    [listing] = await team.lead.send("/meetings")
    [view] = await team.lead.press(listing.labels()[0])
    assert "Ответы: ✅ 2 · 🤔 1 · ❌ 1 · ▫️ 1 без ответа" in view.text
    assert "✅ Кира, Лев" in view.text and "❌ Миша" in view.text and "▫️ Nora" in view.text

    # Reminders 24 h and 1 h before, once each, across a restart, not to Миша.
    for player in team.participants:
        player.user.mark()
    clock.set(SLOT_2 - timedelta(hours=24))
    await sweep_and_deliver(tandem)
    await sweep_and_deliver(tandem)
    await tandem.restart()
    await sweep_and_deliver(tandem)
    clock.set(SLOT_2 - timedelta(hours=1))
    await sweep_and_deliver(tandem)
    await tandem.restart()
    await sweep_and_deliver(tandem)
    clock.set(SLOT_2 + timedelta(minutes=1))
    await sweep_and_deliver(tandem)
    for player in (team.lead, team.kira, team.vlad, team.nora):
        reminders = [m.text for m in player.user.new_messages() if m.text.startswith("🔔")]
        assert len(reminders) == 2, (player.user.first_name, reminders)
    assert [m for m in team.misha.user.new_messages() if m.text.startswith("🔔")] == []


async def test_reschedule_and_cancel_reach_everyone_with_updated_calendar_files(
    tandem: Tandem, clock: FakeClock
) -> None:
    team = await build_team(tandem, clock)
    lead = team.lead
    await lead.send("/newmeeting")
    await lead.send("Разбор лидов")
    await lead.press("Другая встреча")
    await lead.press("🕒 Ввести время")
    await lead.send("10.03 11:00")
    await lead.press("30 мин")
    await lead.send("Переговорная 4")
    await lead.press("Не повторяется")
    await lead.press("▫️ Москва")
    await lead.press("✅ Готово")
    await lead.press("✅ Готово")
    await lead.press("📤 Отправить")
    await deliver(tandem)
    [original] = received(team.nora, "📅")
    first = calendar_of(tandem, document_after(team.nora, original))

    [listing] = await lead.send("/meetings")
    await lead.press(listing.labels()[0])
    await lead.press("🕒 Перенести")
    [error] = await lead.send("завтра")
    assert "Добавьте время" in error.text
    [done, _] = await lead.send("11.03 12:00")
    assert done.text.startswith("🕒 Перенесено (встреч: 1). Сообщаем 5 участникам")
    await deliver(tandem)
    [notice] = received(team.nora, "🕒")
    assert "Thu, 11 Mar 2027, 04:00 (your time, UTC-5)" in notice.text
    [event] = calendar_of(tandem, document_after(team.nora, notice)).walk("VEVENT")
    [before] = first.walk("VEVENT")
    assert str(event["uid"]) == str(before["uid"])
    assert event["sequence"] == 1 and before["sequence"] == 0
    assert event.decoded("dtstart") == datetime(2027, 3, 11, 9, 0, tzinfo=UTC)
    # The original invitation shows the current time.
    assert "Thu, 11 Mar 2027, 04:00" in original.text

    [prompt] = await lead.press("❌ Отменить встречу")
    [summary, _] = await lead.press("❌ Да, отменить")
    assert prompt.text == "❌ Отменено."
    assert summary.text.startswith("❌ Отменено встреч: 1; сообщаем 5 участникам.")
    await deliver(tandem)
    [notice] = received(team.kira, "❌")
    assert "Встреча «Разбор лидов» отменена." in notice.text
    parsed = calendar_of(tandem, document_after(team.kira, notice))
    assert parsed["method"] == "CANCEL"
    [event] = parsed.walk("VEVENT")
    assert str(event["uid"]) == str(before["uid"]) and event["sequence"] == 2
    assert "Cancelled" in original.text and original.labels() == []


async def test_strangers_forged_data_and_non_organisers_get_refusals_and_no_data(
    tandem: Tandem, clock: FakeClock
) -> None:
    team = await build_team(tandem, clock)
    [refusal] = await team.kira.send("/newmeeting")
    assert refusal.text == FORBIDDEN
    lead = team.lead
    await lead.send("/newmeeting")
    await lead.send("Секретная встреча")
    # A rep presses the organiser's buttons with forged data: refused, nothing shown.
    for data in ("1:mtg:card:1", "1:mtg:send:1", "1:mtg:open:1", "1:mtg:rsvp:1:y", "1:mtg:min:1"):
        before = len(team.kira.messages)
        await team.kira.press_data(data)
        assert team.kira.last_answer["text"] == FORBIDDEN, data
        assert len(team.kira.messages) == before
    await team.kira.press_data("1:mtg:open:999")
    assert team.kira.last_answer["text"] == "Не найдено: возможно, это удалили."
    await team.kira.press_data("1:mtg:rsvp:1:z")
    assert team.kira.last_answer["text"].startswith("Эта кнопка устарела")
    stranger = tandem.player(9999, "Чужой")
    [refusal] = await stranger.send("/meetings")
    assert "только по приглашению" in refusal.text


async def test_a_draft_survives_cancel_and_restart_and_continues_where_it_stopped(
    tandem: Tandem, clock: FakeClock
) -> None:
    team = await build_team(tandem, clock)
    lead = team.lead
    await lead.send("/newmeeting")
    await lead.send("Разбор кампании")
    await tandem.restart()
    await lead.press("Другая встреча")  # the step's buttons still work after the restart
    await lead.send("/cancel")
    [listing] = await lead.send("/meetings")
    assert "📝 Разбор кампании" in listing.labels()
    await lead.press("📝 Разбор кампании")
    assert "Ещё не заполнено: время или опрос, участники" in listing.text  # edited in place
    [asked] = await lead.press("▶️ Продолжить заполнение")
    assert "Когда?" in asked.text
    await lead.press("🕒 Ввести время")
    [error] = await lead.send("завтра 99:99")
    assert "не время" in error.text
    [ok] = await lead.send("15:00")  # the next 15:00: today in Moscow (it is 12:00)
    assert "Сколько длится встреча?" in ok.text
    await lead.press("Позже: показать черновик")
    assert "пн, 8 мар. 2027, 15:00 (ваше время, UTC+3)" in lead.last.text


async def test_the_time_can_be_typed_on_the_when_step_without_its_button(
    tandem: Tandem, clock: FakeClock
) -> None:
    team = await build_team(tandem, clock)
    lead = team.lead
    await lead.send("/newmeeting")
    await lead.send("Разбор кампании")
    [when] = await lead.press("Другая встреча")
    assert "Когда? Напишите дату и время в вашем поясе (Europe/Moscow)" in when.text
    [refused] = await lead.send("когда-нибудь")  # not a time: the step stays
    assert "Не получилось прочитать «когда-нибудь» как дату и время" in refused.text
    async with count_job(lead) as job:
        [ok] = await lead.send("завтра 15:00")
    assert "Сколько длится встреча?" in ok.text
    assert (job.taps, job.typed) == (0, 1)
    await lead.press("Позже: показать черновик")
    assert "вт, 9 мар. 2027, 15:00 (ваше время, UTC+3)" in lead.last.text  # it is Mon 8 Mar
