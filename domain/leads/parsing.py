"""Reading what marketing hands over: phone numbers, e-mails, and CSV or XLSX files.

Phones are parsed and normalised to E.164 by ``phonenumbers`` (a number without a country
code is read in the default region: the team's country, else RU). Files have Russian or
English headers, ``;`` or ``,`` between cells, UTF-8 (with or without a BOM) or
Windows-1251. Reading a file is plain CPU work on bytes: the caller runs it off the event loop.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import phonenumbers

from domain.errors import InvalidInput

MAX_FILE_BYTES = 20 * 1024 * 1024  # what a bot may download from Telegram
MAX_ROWS = 50_000
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

FIELDS = ("name", "phone", "email", "company", "region", "source", "campaign", "comment")
# Header cell (lower case, spaces folded) -> field.
HEADERS: Mapping[str, str] = {
    **dict.fromkeys(("name", "full name", "contact", "client", "имя", "фио", "контакт", "клиент",
                     "контактное лицо"), "name"),
    **dict.fromkeys(("phone", "phone number", "tel", "mobile", "телефон", "тел", "тел.",
                     "мобильный", "номер телефона"), "phone"),
    **dict.fromkeys(("email", "e-mail", "mail", "почта", "эл. почта", "электронная почта"),
                    "email"),
    **dict.fromkeys(("company", "organization", "organisation", "компания", "организация",
                     "аптека", "клиника"), "company"),
    **dict.fromkeys(("region", "city", "регион", "город", "область"), "region"),
    **dict.fromkeys(("source", "channel", "utm_source", "источник", "канал"), "source"),
    **dict.fromkeys(("campaign", "кампания", "акция"), "campaign"),
    **dict.fromkeys(("comment", "note", "notes", "комментарий", "примечание"), "comment"),
}  # fmt: skip


def normalize_phone(raw: str, region: str = "RU") -> str:
    """E.164 (``+79161234567``) or InvalidInput("error-lead-phone")."""
    text = raw.strip()
    if not text or len(text) > 40:
        raise InvalidInput("error-lead-phone", value=text[:40])
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        raise InvalidInput("error-lead-phone", value=text) from None
    if not phonenumbers.is_valid_number(number):
        raise InvalidInput("error-lead-phone", value=text)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def phone_or_none(raw: str, region: str = "RU") -> str | None:
    """A search box: the typed text as a phone, if it is one."""
    if sum(c.isdigit() for c in raw) < 7:
        return None
    try:
        return normalize_phone(raw, region)
    except InvalidInput:
        return None


def normalize_email(raw: str) -> str:
    text = raw.strip().lower()
    if not EMAIL.match(text) or len(text) > 200:
        raise InvalidInput("error-lead-email", value=text[:60])
    return text


@dataclass(frozen=True, slots=True)
class Table:
    """A file's rows as dicts of the known fields, with each row's cells as they were."""

    header: tuple[str, ...]
    columns: Mapping[int, str]  # column index -> field
    rows: tuple[tuple[str, ...], ...] = field(default_factory=tuple)

    def record(self, row: Sequence[str]) -> dict[str, str]:
        return {
            name: row[index].strip()
            for index, name in self.columns.items()
            if index < len(row) and row[index].strip()
        }


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a phone typed as a number: 79161234567.0
    return str(value)


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1251")


def _csv_rows(data: bytes) -> list[list[str]]:
    text = _decode(data)
    if "\x00" in text:
        raise InvalidInput("error-import-format")
    sample = text[:8192]
    first = sample.splitlines()[0] if sample else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    if "\t" in first and first.count("\t") > max(first.count(";"), first.count(",")):
        delimiter = "\t"
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def _xlsx_rows(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise InvalidInput("error-import-format") from exc
    sheet = book.worksheets[0] if book.worksheets else None
    if sheet is None:
        return []
    rows = [[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    book.close()
    return rows


def kind_of(file_name: str | None, data: bytes) -> str:
    """``xlsx`` or ``csv`` by name and content; InvalidInput for anything else."""
    if data[:4] == b"PK\x03\x04":
        return "xlsx"
    if (file_name or "").lower().endswith((".csv", ".txt")):
        return "csv"
    raise InvalidInput("error-import-format")


def read_table(file_name: str | None, data: bytes) -> Table:
    """The file as a table of known columns, or InvalidInput saying what is wrong with it."""
    if not data.strip():
        raise InvalidInput("error-import-empty")
    if len(data) > MAX_FILE_BYTES:
        raise InvalidInput("error-import-too-big", megabytes=MAX_FILE_BYTES // (1024 * 1024))
    rows = _xlsx_rows(data) if kind_of(file_name, data) == "xlsx" else _csv_rows(data)
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        raise InvalidInput("error-import-empty")
    header = tuple(cell.strip() for cell in rows[0])
    columns: dict[int, str] = {}
    for index, cell in enumerate(header):
        name = HEADERS.get(" ".join(cell.lower().replace("\ufeff", "").split()))
        if name is not None and name not in columns.values():
            columns[index] = name
    if not columns:
        raise InvalidInput("error-import-no-columns", known=", ".join(FIELDS))
    if len(rows) - 1 > MAX_ROWS:
        raise InvalidInput("error-import-too-many", limit=MAX_ROWS)
    if len(rows) == 1:
        raise InvalidInput("error-import-empty")
    return Table(header, columns, tuple(tuple(row) for row in rows[1:]))
