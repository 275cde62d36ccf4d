"""Tables sent to a person as a CSV or Excel file in their chat."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from enum import StrEnum

from openpyxl import Workbook
from telegram import Bot, InputFile


class Format(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"


def safe_cell(value: str) -> str:
    """Spreadsheets run CSV cells that start with = + - @ as formulas; people's text must
    not. (An XLSX cell has a type of its own, so there it is simply written as text.)"""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def render(rows: Sequence[Sequence[str]], fmt: Format, *, sheet_title: str) -> bytes:
    if fmt is Format.CSV:
        buffer = io.StringIO()
        csv.writer(buffer).writerows([[safe_cell(cell) for cell in row] for row in rows])
        return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: Excel reads it as UTF-8
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = sheet_title[:31]  # Excel's limit for sheet names
    for row_number, row in enumerate(rows, 1):
        for column, value in enumerate(row, 1):
            cell = sheet.cell(row=row_number, column=column, value=value)
            # Text, never a formula: "+7 916…" stays a phone number, "=1+1" stays what was typed.
            cell.data_type = "s"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


async def send_table(
    bot: Bot,
    chat_id: int,
    rows: Sequence[Sequence[str]],
    fmt: Format,
    *,
    name: str,
    sheet_title: str,
    caption: str,
) -> None:
    """Send ``rows`` (the first is the header) as ``<name>.csv`` or ``<name>.xlsx``."""
    await bot.send_document(
        chat_id,
        InputFile(render(rows, fmt, sheet_title=sheet_title), filename=f"{name}.{fmt.value}"),
        caption=caption,
    )
