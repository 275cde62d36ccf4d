"""Leads coming in: the /newlead form (a malformed phone gets a clear answer), files that are
not what they should be, an XLSX import, the exports, and the HTTP intake endpoint (a valid
lead, a replayed one, a bad token, invalid JSON)."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from openpyxl import Workbook, load_workbook

from tests.conftest import ADMIN_ID
from tests.support.clock import FakeClock
from tests.support.fake_telegram import FakeMessage, FakeTelegram
from tests.support.harness import Player, Tandem, deliver
from tests.support.people import admin as an_admin
from tests.support.people import create_team, join


async def marketer_of(tandem: Tandem) -> tuple[Player, Player]:
    admin = await an_admin(tandem)
    await create_team(admin, "Москва", "Центр", "Europe/Moscow")
    marketer = await join(tandem, admin, 2000, "Марина", ["marketer"])
    return admin, marketer


async def test_the_form_refuses_a_malformed_phone_and_keeps_the_step(tandem: Tandem) -> None:
    admin, marketer = await marketer_of(tandem)
    await join(tandem, admin, 3001, "Антон", ["rep"], team="Москва")
    await marketer.send("/newlead")
    [ask_phone] = await marketer.send("Иван Петров")
    assert ask_phone.text.startswith("Телефон")
    [refused] = await marketer.send("позвоните мне")
    assert refused.text.startswith("«позвоните мне» не похоже на номер телефона")
    [ask_email] = await marketer.send("8 916 123 45 67")
    assert ask_email.text == "E-mail?"
    [refused] = await marketer.send("not-an-email")
    assert refused.text == "«not-an-email» — не адрес электронной почты."
    await marketer.send("ivan@example.com")
    for _ in range(5):
        await marketer.press("⏭ Пропустить")
    await marketer.press("🔄 По очереди: Москва")
    done = marketer.last
    assert done.text.startswith("✅ Лид #1 (Иван Петров) сохранён.")
    assert "Передан: Антон." in done.text

    # The same phone again within 30 days: a possible duplicate, flagged, not dropped.
    await marketer.send("/newlead")
    await marketer.send("Иван П.")
    await marketer.send("+79161234567")
    for _ in range(6):
        await marketer.press("⏭ Пропустить")
    await marketer.press("⏸ Пока не назначать")
    done = marketer.last
    assert "⚠️ Возможный дубль лида #1" in done.text
    assert "Пока не назначен." in done.text


async def test_cancel_in_the_form_says_the_lead_was_not_added(tandem: Tandem) -> None:
    _, marketer = await marketer_of(tandem)
    await marketer.send("/newlead")
    await marketer.send("Иван Петров")
    [cancelled] = await marketer.send("/cancel")
    assert cancelled.text == (
        "Остановлено.\n⚠️ Новый лид остался недозаполненным; начните заново с /newlead."
    )
    [listing] = await marketer.send("/leads")
    assert "Лидов пока нет." in listing.text
    [nothing] = await marketer.send("/cancel")
    assert nothing.text == "Отменять нечего."


async def start_import(marketer: Player) -> None:
    await marketer.send("/leads")
    await marketer.press("📥 Загрузить файл")


@pytest.mark.parametrize(
    ("name", "content", "answer"),
    [
        ("brief.pdf", b"%PDF-1.4 not a table", "Это не файл CSV или XLSX."),
        ("leads.csv", b"  \n", "В файле нет ни одного лида."),
        ("leads.csv", "Имя;Телефон\n".encode(), "В файле нет ни одного лида."),
        ("leads.xlsx", b"PK\x03\x04 broken zip", "Это не файл CSV или XLSX."),
        ("leads.csv", b"foo;bar\n1;2\n", "Не нашёл ни одного знакомого заголовка столбца."),
    ],
)
async def test_files_that_are_not_lead_tables_get_a_clear_answer(
    tandem: Tandem, name: str, content: bytes, answer: str
) -> None:
    _, marketer = await marketer_of(tandem)
    await start_import(marketer)
    [reply] = await marketer.send_document(name, content, "application/octet-stream")
    assert reply.text.startswith(answer), reply.text
    # Nothing was imported: the marketer may send another file right away.
    [overview] = await marketer.send("/leads")
    assert "Лидов пока нет." in overview.text


async def test_a_25_mb_file_is_refused_before_it_is_downloaded(tandem: Tandem) -> None:
    _, marketer = await marketer_of(tandem)
    await start_import(marketer)
    [reply] = await marketer.send_document("big.csv", b"x" * (25 * 1024 * 1024), "text/csv")
    assert reply.text == "Файл слишком большой: не больше 20 МБ."
    assert not [r for r in tandem.fake.requests if r.method == "getFile"]


def xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    for cells in sheet.iter_rows():
        for cell in cells:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # typed text that looks like a formula, as Excel keeps it
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def document(player: Player, name: str) -> FakeMessage:
    return next(m for m in reversed(player.messages) if m.document_file_name == name)


async def test_an_xlsx_import_with_english_headers_and_the_exports(tandem: Tandem) -> None:
    admin, marketer = await marketer_of(tandem)
    await join(tandem, admin, 3001, "Антон", ["rep"], team="Москва")
    await start_import(marketer)
    content = xlsx(
        [
            ["Full name", "Phone", "Email", "Company", "Region", "Comment"],
            ['=HYPERLINK("x")', 79161234567, None, "Chain", "Центр", "@call me"],
            ["Anna Smith", None, "anna@example.com", None, "Центр", None],
        ]
    )
    replies = await marketer.send_document(
        "leads.xlsx", content, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    [summary] = replies
    assert "Загружено: 2 (из них возможных дублей: 0)" in summary.text
    await marketer.press("🗺 По региону каждого лида", message=summary)
    assert summary.text == "✅ Роздано лидов: 2; не назначено: 0."
    await deliver(tandem)

    await marketer.send("/leads")
    await marketer.press("📤 CSV")
    leads_csv = document(marketer, "leads.csv")
    assert leads_csv.document_file_id is not None
    text = tandem.fake.file_bytes(leads_csv.document_file_id).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["Лид", "Имя", "Телефон"]
    # Formula-safe: a cell that would run as a formula is written as text.
    assert rows[1][1] == '\'=HYPERLINK("x")'
    assert rows[1][2] == "'+79161234567"
    assert "назначил(а): Антон" in rows[1][-1]
    disputes_csv = document(marketer, "disputes.csv")
    assert disputes_csv.document_file_id is not None

    await marketer.press("📤 Excel")
    leads_xlsx = document(marketer, "leads.xlsx")
    assert leads_xlsx.document_file_id is not None
    book = load_workbook(io.BytesIO(tandem.fake.file_bytes(leads_xlsx.document_file_id)))
    sheet = book.active
    assert sheet is not None
    assert sheet.cell(row=2, column=2).value == '=HYPERLINK("x")'
    assert sheet.cell(row=2, column=2).data_type == "s"


@pytest.fixture
async def api_tandem(fake: FakeTelegram, tmp_path: Path, clock: FakeClock) -> AsyncIterator[Tandem]:
    """The bot with its intake endpoint on a free local port."""
    bot = Tandem(
        fake, tmp_path / "tandem.sqlite3", clock, admin_ids=str(ADMIN_ID), leads_api_port=0
    )
    await bot.start()
    try:
        yield bot
    finally:
        await bot.stop()
    assert fake.client_errors() == [], fake.client_errors()


async def test_the_intake_endpoint(api_tandem: Tandem) -> None:
    tandem = api_tandem
    admin, _marketer = await marketer_of(tandem)
    rep = await join(tandem, admin, 3001, "Антон", ["rep"], team="Москва")
    await admin.send("/leads")
    await admin.press("🔌 Источники (HTTP)")
    await admin.press("➕ Новый источник")
    [made] = await admin.send("Форма на сайте")
    token = made.text.split("\n")[-1].strip()
    assert token.startswith("tdm_")
    server = tandem.services.intake
    assert server is not None
    headers = {"Authorization": f"Bearer {token}"}
    lead = {"external_id": "site-17", "name": "Иван", "phone": "+7 916 123-45-67",
            "region": "Центр", "comment": "Перезвонить после обеда"}  # fmt: skip
    async with httpx.AsyncClient(base_url=server.url) as http:
        health = await http.get("/health")
        assert health.status_code == 200 and health.json() == {"status": "ok"}

        created = await http.post("/api/leads", json=lead, headers=headers)
        assert created.status_code == 201, created.text
        body = created.json()
        assert body["status"] == "new" and body["created"] is True
        replay = await http.post("/api/leads", json=lead, headers=headers)
        assert replay.status_code == 200
        assert replay.json()["id"] == body["id"] and replay.json()["created"] is False

        bad_token = await http.post("/api/leads", json=lead, headers={"Authorization": "Bearer x"})
        assert bad_token.status_code == 401 and bad_token.json()["error"] == "unauthorized"
        no_token = await http.post("/api/leads", json=lead)
        assert no_token.status_code == 401
        invalid = await http.post(
            "/api/leads",
            content=b"{not json",
            headers={**headers, "Content-Type": "application/json"},
        )
        assert invalid.status_code == 400 and invalid.json()["error"] == "invalid_json"
        not_json = await http.post("/api/leads", content=b"name=x", headers=headers)
        assert not_json.status_code == 415
        missing = await http.post("/api/leads", json={"phone": "+79161234567"}, headers=headers)
        assert missing.status_code == 422
        assert missing.json()["fields"][0]["field"] == "name"
        bad_phone = await http.post("/api/leads", json={"name": "X", "phone": "123"},
                                    headers=headers)  # fmt: skip
        assert bad_phone.status_code == 422 and bad_phone.json()["message"] == "error-lead-phone"
        huge = await http.post(
            "/api/leads", json={"name": "X" * 70000, "phone": "+79161234567"}, headers=headers
        )
        assert huge.status_code == 413

    # The lead went round-robin to the region's team, with one card.
    await deliver(tandem)
    cards = [m for m in rep.messages if m.text.startswith("🆕")]
    assert len(cards) == 1 and "🔗 Источник: Форма на сайте" in cards[0].text

    # A revoked token no longer works.
    await admin.send("/leads")
    await admin.press("🔌 Источники (HTTP)")
    await admin.press("🚫 Отозвать Форма на сайте")
    async with httpx.AsyncClient(base_url=server.url) as http:
        gone = await http.post("/api/leads", json={**lead, "external_id": "2"}, headers=headers)
        assert gone.status_code == 401
