"""Exports: what people typed stays what they typed, and never runs as a formula."""

import csv
import io

from openpyxl import load_workbook

from handlers.kit.exports import Format, render

ROWS = [["Name", "Phone", "Comment"], ["Анна", "+7 916 123-45-67", '=HYPERLINK("x")']]


def test_xlsx_cells_are_text_without_a_visible_apostrophe() -> None:
    sheet = load_workbook(io.BytesIO(render(ROWS, Format.XLSX, sheet_title="t"))).active
    assert sheet is not None
    cells = [list(row) for row in sheet.iter_rows()]
    assert [[c.value for c in row] for row in cells] == ROWS
    assert all(c.data_type == "s" for row in cells for c in row)


def test_csv_cells_that_would_run_as_formulas_are_neutralised() -> None:
    text = render(ROWS, Format.CSV, sheet_title="t").decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(text)))[1] == [
        "Анна",
        "'+7 916 123-45-67",
        '\'=HYPERLINK("x")',
    ]
