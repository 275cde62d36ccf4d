"""Leads' pure rules: the state machine, the regulation's settings and numbering, reading
phones, e-mails and files, and working time."""

from __future__ import annotations

import io
from datetime import UTC, datetime, time

import pytest
from openpyxl import Workbook

from domain.errors import InvalidInput
from domain.leads.model import TRANSITIONS, Event, InvalidTransition, LeadStatus, transition
from domain.leads.parsing import normalize_email, normalize_phone, phone_or_none, read_table
from domain.leads.regulation import ClauseKind, Setting, Settings, next_number
from domain.leads.sla import WorkCalendar, add_working
from domain.people.model import AwayPeriod, is_away

S = LeadStatus


# --- the state machine ---------------------------------------------------------------------------


def test_a_lead_moves_only_along_the_table() -> None:
    assert transition(S.UNASSIGNED, Event.ASSIGN) is S.NEW
    assert transition(S.NEW, Event.TAKE) is S.TAKEN
    assert transition(S.TAKEN, Event.DISPUTE) is S.DISPUTED
    assert transition(S.DISPUTED, Event.UPHOLD) is S.DISQUALIFIED
    assert transition(S.DISPUTED, Event.OVERTURN) is S.NEW
    assert transition(S.CONTACTED, Event.WIN) is S.WON


@pytest.mark.parametrize(
    ("status", "event"),
    [
        (S.UNASSIGNED, Event.TAKE),
        (S.DISQUALIFIED, Event.ASSIGN),
        (S.WON, Event.LOSE),
        (S.DISPUTED, Event.ASSIGN),
        (S.NEW, Event.UPHOLD),
        (S.MEETING, Event.CONTACT),
    ],
)
def test_anything_else_is_an_invalid_transition(status: LeadStatus, event: Event) -> None:
    with pytest.raises(InvalidTransition) as refused:
        transition(status, event)
    assert refused.value.key == "error-lead-state"


def test_closed_states_lead_nowhere() -> None:
    for status in (S.DISQUALIFIED, S.WON, S.LOST):
        assert not [key for key in TRANSITIONS if key[0] is status]


# --- the regulation ------------------------------------------------------------------------------


def test_settings_are_typed_in_hours_or_percent_and_checked() -> None:
    settings = Settings()
    assert settings.value(Setting.FIRST_ACTION) == 2 and settings.value(Setting.DECISION) == 9
    assert settings.changed(Setting.FIRST_ACTION, "4").first_action_minutes == 240
    assert settings.changed(Setting.CAP, "25%").dispute_cap_percent == 25
    with pytest.raises(InvalidInput, match="error-regulation-number"):
        settings.changed(Setting.WINDOW, "three")
    with pytest.raises(InvalidInput, match="error-regulation-range"):
        settings.changed(Setting.CAP, "150")


def test_a_new_clause_takes_the_next_number_of_its_section_never_a_retired_one() -> None:
    used = ["1.1", "1.2", "1.5", "2.1", "3.1"]
    assert next_number(ClauseKind.DISPUTE, used) == "1.6"
    assert next_number(ClauseKind.RETURN, used) == "2.2"
    assert next_number(ClauseKind.NONE, []) == "3.1"


# --- phones, e-mails, files ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw", ["+7 916 123-45-67", "8 (916) 123-45-67", "79161234567", "+7(916)1234567"]
)
def test_russian_phones_are_normalised_to_e164(raw: str) -> None:
    assert normalize_phone(raw) == "+79161234567"


def test_a_phone_without_a_country_code_is_read_in_the_default_region() -> None:
    assert normalize_phone("020 7946 0018", "GB") == "+442079460018"


@pytest.mark.parametrize("raw", ["12345", "call me", "", "+7 916 123"])
def test_a_malformed_phone_is_refused(raw: str) -> None:
    with pytest.raises(InvalidInput, match="error-lead-phone"):
        normalize_phone(raw)


def test_e_mails_are_lower_cased_and_checked() -> None:
    assert normalize_email(" Anna@Example.COM ") == "anna@example.com"
    with pytest.raises(InvalidInput, match="error-lead-email"):
        normalize_email("anna@")


def test_a_search_box_reads_a_phone_only_when_it_is_one() -> None:
    assert phone_or_none("916 123 45 67") == "+79161234567"
    assert phone_or_none("Иван") is None


def test_a_windows_1251_csv_with_semicolons_and_russian_headers_is_read() -> None:
    data = "ФИО;Телефон;Регион\nИван;+79161234567;Центр\n".encode("cp1251")
    table = read_table("leads.csv", data)
    assert table.columns == {0: "name", 1: "phone", 2: "region"}
    assert table.record(table.rows[0]) == {
        "name": "Иван",
        "phone": "+79161234567",
        "region": "Центр",
    }


def test_a_utf8_csv_with_a_bom_and_commas_and_english_headers_is_read() -> None:
    data = "\ufeffName,Phone,Unknown\nAnna,+79161234567,x\n".encode()
    table = read_table("leads.csv", data)
    assert table.columns == {0: "name", 1: "phone"}
    assert table.header == ("Name", "Phone", "Unknown")


def test_an_xlsx_file_is_read_with_numbers_as_text() -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Имя", "Телефон"])
    sheet.append(["Иван", 79161234567])
    out = io.BytesIO()
    book.save(out)
    table = read_table("leads.xlsx", out.getvalue())
    assert table.record(table.rows[0]) == {"name": "Иван", "phone": "79161234567"}


@pytest.mark.parametrize(
    ("name", "data", "key"),
    [
        ("a.pdf", b"%PDF", "error-import-format"),
        ("a.csv", b"", "error-import-empty"),
        ("a.csv", b"Name\n", "error-import-empty"),
        ("a.csv", b"foo,bar\n1,2\n", "error-import-no-columns"),
        ("a.xlsx", b"PK\x03\x04garbage", "error-import-format"),
        ("a.csv", b"Name\n" + b"x" * (21 * 1024 * 1024), "error-import-too-big"),
    ],
)
def test_files_that_are_not_lead_tables_are_refused(name: str, data: bytes, key: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        read_table(name, data)
    assert refused.value.key == key


# --- working time --------------------------------------------------------------------------------

MOSCOW = WorkCalendar("Europe/Moscow")


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_working_time_stops_at_the_end_of_the_day_and_skips_the_weekend() -> None:
    friday_5pm = utc(2026, 11, 6, 14, 0)  # 17:00 in Moscow
    assert add_working(friday_5pm, 120, MOSCOW) == utc(2026, 11, 9, 7, 0)  # Monday 10:00


def test_a_russian_public_holiday_is_not_working_time() -> None:
    tuesday_5pm = utc(2026, 11, 3, 14, 0)  # 4 November is Unity Day
    assert add_working(tuesday_5pm, 120, MOSCOW) == utc(2026, 11, 5, 7, 0)
    assert not MOSCOW.is_working_day(datetime(2026, 11, 4).date())


def test_before_hours_the_clock_starts_at_nine_in_the_persons_zone() -> None:
    novosibirsk = WorkCalendar("Asia/Novosibirsk")
    at_6am = utc(2026, 11, 24, 23, 0)  # 06:00 on the 25th in Novosibirsk
    assert add_working(at_6am, 60, novosibirsk) == utc(2026, 11, 25, 3, 0)  # 10:00 local


def test_time_away_pauses_the_clock() -> None:
    start = utc(2026, 11, 24, 6, 0)  # Tuesday 09:00 in Moscow
    away = ((utc(2026, 11, 24, 7, 0), utc(2026, 11, 26, 6, 0)),)  # 10:00 Tue – 09:00 Thu
    calendar = WorkCalendar("Europe/Moscow", away=away)
    assert add_working(start, 120, calendar) == utc(2026, 11, 26, 7, 0)  # Thursday 10:00


def test_team_hours_and_days_are_the_teams() -> None:
    six_days = WorkCalendar("Europe/Moscow", "123456", time(10, 0), time(14, 0))
    saturday_1pm = utc(2026, 11, 28, 10, 0)
    assert add_working(saturday_1pm, 120, six_days) == utc(2026, 11, 30, 8, 0)  # Mon 11:00


def test_a_calendar_without_working_days_has_no_deadline() -> None:
    assert add_working(utc(2026, 11, 24, 6, 0), 60, WorkCalendar("UTC", "")) is None


def test_is_away_is_the_predicate_other_features_use() -> None:
    period = AwayPeriod(1, 10, utc(2026, 11, 24, 0, 0), utc(2026, 11, 25, 0, 0))
    assert is_away([period], utc(2026, 11, 24, 12, 0))
    assert not is_away([period], utc(2026, 11, 25, 0, 0))
    assert not is_away([], utc(2026, 11, 24, 12, 0))
