"""Shared KPIs end to end, through the fake Bot API on the fake clock: a company of two teams
with three campaigns, 200 leads with disputes and verdicts and field feedback; /kpi per role
and period, charts as photos that decode, exports that read back as the figures shown, the
Monday digest once per person in three zones across a restart, and a draft agenda the day
before a weekly meeting, edited and sent."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from openpyxl import load_workbook
from PIL import Image

from domain.kpis.periods import Period, window_of
from storage.db import to_db
from tests.support.clock import FakeClock
from tests.support.fake_telegram import FakeMessage
from tests.support.harness import Player, Tandem, deliver, sweep_and_deliver
from tests.support.org import Org, build_org

TUESDAY = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)  # 12:00 in Moscow


@dataclass(frozen=True)
class Lead:
    team: int
    rep: int
    at: datetime
    status: str
    disputed: bool
    overturned: bool


async def ids(tandem: Tandem, *players: Player) -> list[int]:
    found = []
    async with tandem.services.services.uow() as uow:
        for player in players:
            person = await uow.people.by_telegram_id(player.id)
            assert person is not None
            found.append(person.id)
    return found


def two_hundred(reps: dict[int, list[int]]) -> list[Lead]:
    """Every seventh hour back from Tuesday noon; each tenth lead disqualified (disputed and
    upheld), each tenth overturned, won, lost, or still disputed; the rest taken."""
    leads = []
    for n in range(200):
        team = 1 + n % 2
        rep = reps[team][n // 2 % len(reps[team])]
        status, disputed, overturned = {
            0: ("disqualified", True, False),
            1: ("new", True, True),
            2: ("won", False, False),
            3: ("lost", False, False),
            4: ("disputed", True, False),
        }.get(n % 10, ("taken", False, False))
        leads.append(
            Lead(team, rep, TUESDAY - timedelta(hours=7 * n), status, disputed, overturned)
        )
    return leads


async def seed(tandem: Tandem, org: Org) -> list[Lead]:
    """Campaigns, leads, disputes and feedback, written as the features would have."""
    marketer, *reps = await ids(tandem, org.marketer, *org.reps)
    by_team = {1: reps[:3], 2: reps[3:]}
    leads = two_hundred(by_team)
    db = tandem.services.db
    async with db.transaction() as conn:
        async with conn.execute("SELECT number FROM regulation_clauses LIMIT 1") as cur:
            row = await cur.fetchone()
        assert row is not None
        clause = row[0]
        for number, (name, launch) in enumerate(
            (("Зима", "2026-11-25"), ("Весна", "2026-11-26"), ("Лето", "2027-02-01")), 1
        ):
            stamp = to_db(TUESDAY - timedelta(days=10))
            await conn.execute(
                "INSERT INTO campaigns (id, name, launch_date, status, created_by, created_at,"
                " updated_at, key_messages) VALUES (?, ?, ?, 'announced', ?, ?, ?, '[\"A\"]')",
                (number, name, launch, marketer, stamp, stamp),
            )
            for rep in reps:
                await conn.execute(
                    "INSERT INTO deliveries (kind, ref_id, batch, person_id, chat_id, due_at,"
                    " status, next_attempt_at, sent_at) VALUES ('campaign.announce', ?,"
                    " 'announce', ?, 0, ?, 'sent', ?, ?)",
                    (number, rep, stamp, stamp, stamp),
                )
                if rep != reps[0] or number == 2:
                    await conn.execute(
                        "INSERT INTO campaign_acks VALUES (?, ?, ?)",
                        (number, rep, to_db(TUESDAY - timedelta(days=9))),
                    )
        for n, lead in enumerate(leads, 1):
            stamp = to_db(lead.at)
            taken = lead.status in ("won", "lost", "taken")
            await conn.execute(
                "INSERT INTO leads (id, name, status, team_id, assignee_id, source, campaign_id,"
                " created_at, updated_at, delivered_at, delivered_to, taken, disputed,"
                " overturned, sla_due, sla_met) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                " ?, 1, ?)",
                (n, f"Клиент {n}", lead.status, lead.team, lead.rep, ("Сайт", "Выставка")[n % 2],
                 1 + n % 3, stamp, stamp, stamp, lead.rep, taken, lead.disputed, lead.overturned,
                 int(n % 7 != 0)),
            )  # fmt: skip
            if lead.disputed:
                verdict = {"disqualified": "upheld", "disputed": "open"}.get(
                    lead.status, "overturned"
                )
                decided = to_db(lead.at + timedelta(hours=3)) if verdict != "open" else None
                await conn.execute(
                    "INSERT INTO disputes (lead_id, rep_id, team_id, version, clause, status,"
                    " opened_at, decided_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?)",
                    (n, lead.rep, lead.team, clause, verdict, stamp, decided),
                )
        for n, rep in enumerate(reps):
            at = to_db(TUESDAY - timedelta(hours=n + 1))
            await conn.execute(
                "INSERT INTO feedback (campaign_id, person_id, team_id, anonymous, source, rating,"
                " comment, created_at, updated_at) VALUES (1, ?, ?, 0, 'any', ?, ?, ?, ?)",
                (rep, 1 if n < 3 else 2, 1 + n % 3, f"Отзыв {n}", at, at),
            )
    return leads


def delivered(leads: list[Lead], zone: str, period: Period, team: int | None = None) -> int:
    window = window_of(period, TUESDAY, zone)
    return sum(
        1
        for lead in leads
        if window.start <= lead.at < window.end and (team is None or lead.team == team)
    )


def number_after(text: str, label: str) -> int:
    match = re.search(re.escape(label) + r"\s*([\d\s\u00a0]+)", text)
    assert match, (label, text)
    return int(re.sub(r"\D", "", match[1]))


def downloaded(tandem: Tandem, message: FakeMessage) -> bytes:
    assert message.file_id is not None, message
    return tandem.fake.file_bytes(message.file_id)


def csv_rows(tandem: Tandem, message: FakeMessage) -> list[list[str]]:
    return list(csv.reader(io.StringIO(downloaded(tandem, message).decode("utf-8-sig"))))


# --- the scorecard by role and period ------------------------------------------------------


async def test_kpi_per_role_and_period_with_charts_and_exports(
    tandem: Tandem, clock: FakeClock
) -> None:
    clock.set(TUESDAY)
    org = await build_org(tandem)
    leads = await seed(tandem, org)
    marketer, lead = org.marketer, org.lead
    # The marketer: everyone, by team; this week in Moscow.
    [card] = await marketer.send("/kpi")
    this_week = delivered(leads, "Europe/Moscow", Period.THIS_WEEK)
    assert card.text.startswith("📊 KPI · Эта неделя · Все")
    assert number_after(card.text, "Передано") == this_week
    assert "Москва" in card.text and "Сибирь" in card.text
    assert "🎯 Качество лидов:" in card.text
    await marketer.press("Квартал")
    quarter = marketer.last
    assert quarter.text.startswith("📊 KPI · Квартал · Все")
    assert number_after(quarter.text, "Передано") == delivered(
        leads, "Europe/Moscow", Period.QUARTER
    )
    await marketer.press("Сибирь")
    assert marketer.last.text.startswith("📊 KPI · Квартал · Сибирь")
    assert number_after(marketer.last.text, "Передано") == delivered(
        leads, "Europe/Moscow", Period.QUARTER, team=2
    )

    # The scorecard's export reads back as the figures shown.
    [export] = await marketer.press("📤 CSV")
    rows = csv_rows(tandem, export)
    shown = next(r for r in rows if r[0] == "Передано" and r[1] == "Сибирь")
    assert int(shown[2]) == number_after(quarter_card(marketer).text, "Передано")
    [workbook_message] = await marketer.press("📤 Excel", message=quarter_card(marketer))
    sheet = load_workbook(io.BytesIO(downloaded(tandem, workbook_message))).active
    assert sheet is not None
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == rows[0]
    assert [str(v) for v in values[1]] == rows[1]

    # The charts arrive as photos that decode, each with a one-line caption and its export.
    for label, name in (
        ("📈 Динамика", "trend"),
        ("📊 Исходы", "sources"),
        ("✅ Ознакомление", "acks"),
    ):
        [photo] = await marketer.press(label, message=quarter_card(marketer))
        assert photo.kind == "photo", name
        assert photo.caption and "\n" not in photo.caption
        image = Image.open(io.BytesIO(downloaded(tandem, photo)))
        assert image.format == "PNG" and image.size == (960, 960)
        [table] = await marketer.press("📤 CSV", message=photo)
        assert len(csv_rows(tandem, table)) > 1

    # The team lead: their team only; a forged press for another team is refused.
    [mine] = await lead.send("/kpi")
    assert mine.text.startswith("📊 KPI · Эта неделя · Сибирь")
    assert "Все" not in mine.labels() and "Москва" not in mine.labels()
    assert number_after(mine.text, "Передано") == delivered(
        leads, "Asia/Novosibirsk", Period.THIS_WEEK, team=2
    )
    await lead.press_data("1:kpi:show:q:t1", message=mine)
    assert lead.last_answer["show_alert"] is True
    assert lead.last_answer["text"] == "У вас нет доступа к этому."
    await lead.press_data("1:kpi:x:card:csv:q:all", message=mine)
    assert lead.last_answer["text"] == "У вас нет доступа к этому."
    await lead.press_data("1:kpi:ch:src:q:t1", message=mine)
    assert lead.last_answer["text"] == "У вас нет доступа к этому."
    assert lead.last.message_id == mine.message_id  # nothing was sent

    # A rep: their own figures beside their team's, never another rep's.
    anton = org.reps[0]
    [own] = await anton.send("/kpi")
    assert own.text.startswith("📊 KPI · Эта неделя · Я")
    assert "Ваша команда «Москва»" in own.text
    await anton.press_data("1:kpi:show:tw:t1", message=own)
    assert anton.last_answer["text"] == "У вас нет доступа к этому."


def quarter_card(player: Player) -> FakeMessage:
    """The newest scorecard message in the chat (text with the period buttons)."""
    return next(m for m in reversed(player.messages) if m.text.startswith("📊 KPI"))


# --- the weekly digest ------------------------------------------------------------------------


def digests(player: Player) -> list[FakeMessage]:
    return [m for m in player.messages if m.text.startswith("📬")]


async def test_the_monday_digest_reaches_each_person_once_in_their_zone_across_a_restart(
    tandem: Tandem, clock: FakeClock
) -> None:
    clock.set(TUESDAY)
    org = await build_org(tandem)
    await seed(tandem, org)
    dana = org.reps[4]
    await dana.send("/settings")
    await dana.press("🕒 Time zone")
    await dana.send("Asia/Vladivostok")
    vera = org.reps[2]  # quiet hours 09:00-11:00 in Moscow
    monday = datetime(2026, 11, 30, tzinfo=UTC)
    clock.set(monday - timedelta(hours=1, minutes=1))  # 08:59 on Monday in Vladivostok
    await sweep_and_deliver(tandem)
    assert all(not digests(p) for p in org.everyone)

    clock.set(monday - timedelta(hours=1))  # 09:00 in Vladivostok
    await sweep_and_deliver(tandem)
    assert [len(digests(p)) for p in org.everyone] == [0, 0, 0, 0, 0, 0, 0, 1]
    [english] = digests(dana)
    assert english.text.startswith("📬 Your weekly KPI digest")
    photos = [m for m in dana.messages if m.kind == "photo"]
    assert len(photos) == 2
    for photo in photos:
        assert Image.open(io.BytesIO(downloaded(tandem, photo))).format == "PNG"
    assert "Biggest changes" in english.text

    clock.set(monday + timedelta(hours=2))  # 09:00 in Novosibirsk
    await sweep_and_deliver(tandem)
    assert len(digests(org.lead)) == 1 and len(digests(org.reps[3])) == 1
    assert "Сибирь" in digests(org.lead)[0].text

    clock.set(monday + timedelta(hours=6))  # 09:00 in Moscow: Вера is in her quiet hours
    await sweep_and_deliver(tandem)
    assert not digests(vera)
    await tandem.restart()
    clock.set(monday + timedelta(hours=8))  # 11:00 in Moscow
    await sweep_and_deliver(tandem)
    await sweep_and_deliver(tandem)
    assert [len(digests(p)) for p in org.everyone] == [1] * 8
    assert "Все" in digests(org.marketer)[0].text

    clock.set(monday + timedelta(days=7, hours=8))  # a week later: the next one
    await sweep_and_deliver(tandem)
    assert [len(digests(p)) for p in org.everyone] == [2] * 8
    # No lead came in that week: the chart of outcomes by source would be empty and is left
    # out; the trend stays, and it ends with the week the digest reports.
    for player in org.everyone:
        second = digests(player)[1]
        photos = [
            m for m in player.messages if m.kind == "photo" and m.message_id > second.message_id
        ]
        assert len(photos) == 1, player.user.first_name
        assert photos[0].caption is not None
        assert "на прошлой неделе" in photos[0].caption or "last week" in photos[0].caption


# --- the agenda that writes itself --------------------------------------------------------------


async def test_a_draft_agenda_the_day_before_the_weekly_meeting_edited_and_sent(
    tandem: Tandem, clock: FakeClock
) -> None:
    clock.set(TUESDAY)
    org = await build_org(tandem)
    await seed(tandem, org)
    lead = org.lead  # Сибирь, Novosibirsk (UTC+7)
    await lead.send("/newmeeting")
    await lead.send("Совместная планёрка")
    await lead.press("Еженедельная совместная встреча")
    await lead.press("🕒 Ввести время")
    await lead.send("27.11 15:00")  # Friday 08:00 UTC
    await lead.press("60 мин")
    await lead.send("Переговорная 2")
    await lead.press("Каждую неделю")
    await lead.send("3")
    await lead.press("▫️ Сибирь")
    await lead.press("✅ Готово")
    await lead.send("Итоги недели")
    await lead.press("✅ Готово")
    await lead.press("📤 Отправить")
    await deliver(tandem)
    start = datetime(2026, 11, 27, 8, 0, tzinfo=UTC)

    clock.set(start - timedelta(hours=25))
    await sweep_and_deliver(tandem)
    assert not [m for m in lead.messages if m.text.startswith("📝 Черновик повестки")]
    clock.set(start - timedelta(hours=24))
    await sweep_and_deliver(tandem)
    await sweep_and_deliver(tandem)
    [draft] = [m for m in lead.messages if m.text.startswith("📝 Черновик повестки")]
    assert "Качество лидов" in draft.text and "Отработка лидов" in draft.text
    assert "Спор отклонён на этой неделе" in draft.text
    assert "Отзыв 3" in draft.text  # the lowest-rated feedback of Сибирь
    first = draft.text.split("\n")[3]
    await lead.press("✖️ Убрать 1", message=draft)
    assert "✖️ 1." in draft.text
    await lead.press("⬆️ 3", message=draft)
    await lead.press("📤 Отправить повестку", message=draft)
    assert "Отправлено:" in draft.text
    assert draft.buttons == []

    # A rep of Сибирь gets the kept items with the hour-before reminder; the dropped one not.
    gleb = org.reps[3]
    clock.set(start - timedelta(hours=1))
    await sweep_and_deliver(tandem)
    reminder = next(m for m in reversed(gleb.messages) if "Совместная планёрка" in m.text)
    assert "Отработка лидов" in reminder.text
    dropped = first.split(". ", 1)[1][:20]
    assert dropped not in reminder.text
    # Someone else's press on the draft is refused.
    await gleb.press_data("1:kpi:ak:1:0", message=reminder)
    assert gleb.last_answer["show_alert"] is True


async def test_admins_set_the_digests_day_and_time_and_nobody_else_can(
    tandem: Tandem, clock: FakeClock
) -> None:
    clock.set(TUESDAY)
    org = await build_org(tandem)
    [card] = await org.admin.send("/kpi")
    assert "⚙️ Еженедельный дайджест" in card.labels()
    await org.admin.press("⚙️ Еженедельный дайджест")
    settings = card  # the screen is redrawn in place
    assert "Каждую неделю: понедельник, 09:00" in settings.text
    await org.admin.press("Ср", message=settings)
    await org.admin.press("17:00", message=settings)
    assert "Каждую неделю: среда, 17:00" in settings.text
    await org.admin.press("🔕 Выключить", message=settings)
    assert "выключен" in settings.text
    [marketers] = await org.marketer.send("/kpi")
    assert "⚙️ Еженедельный дайджест" not in marketers.labels()
    await org.marketer.press_data("1:kpi:dd:1", message=marketers)
    assert org.marketer.last_answer["text"] == "У вас нет доступа к этому."
