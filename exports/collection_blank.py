"""The blank of a data collection an ОО fills: one .xlsx with a protected header, data
validation for choices, yes/no, numbers and dates, and a hidden sheet naming the collection,
the ОО and the template's version (so a returned file is recognised). Data in, file out."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from exports.errors import FileWriteError

DATA_SHEET = "Данные"
META_SHEET = "imc_blank"
META_KEYS = ("program", "collection", "organization", "version", "mode")
PROGRAM_MARK = "IMC Desktop: бланк сбора данных"
HEADER_ROW = 5
FREE_ROWS = 100
"""Empty rows a table per ОО offers below its pre-filled ones."""

_THIN = Side(style="thin", color="808080")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="DDE5F0")
_LOCKED_FILL = PatternFill("solid", fgColor="F2F2F2")
_UNLOCKED = Protection(locked=False)


@dataclass(frozen=True)
class BlankColumn:
    title: str
    kind: str = "text"  # text, number, date, choice, bool
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class BlankSpec:
    """One ОО's blank. A row per ОО has ``organization_column`` (the ОО's name, locked) and
    one row; a table per ОО has ``rows`` pre-filled and ``FREE_ROWS`` empty ones below."""

    title: str
    organization: str
    organization_id: str
    collection_id: str
    version: int
    mode: str
    columns: tuple[BlankColumn, ...]
    deadline_text: str = ""
    organization_column: str = ""
    rows: tuple[tuple[Any, ...], ...] = ()


def write_blank(spec: BlankSpec, path: str | os.PathLike[str]) -> Path:
    """Write the blank to ``path`` atomically (a temporary file renamed at the end)."""
    target = Path(path)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = DATA_SHEET
    _heading(sheet, spec)
    columns = _all_columns(spec)
    _header(sheet, columns, _widths(spec, columns))
    last = _body(sheet, spec, columns)
    _validations(sheet, columns, last)
    _protect(sheet)
    _page(sheet)
    _meta(book, spec)
    temporary = target.with_name(f".{target.name}.tmp")
    try:
        book.save(temporary)
        os.replace(temporary, target)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise FileWriteError(target, exc) from exc
    return target


def _all_columns(spec: BlankSpec) -> tuple[BlankColumn, ...]:
    lead = (BlankColumn(spec.organization_column),) if spec.organization_column else ()
    return (*lead, *spec.columns)


def _heading(sheet: Worksheet, spec: BlankSpec) -> None:
    sheet["A1"] = spec.title
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"] = f"Образовательная организация: {spec.organization}"
    sheet["A3"] = f"Срок представления: {spec.deadline_text}" if spec.deadline_text else ""
    sheet["A4"] = ("Заполните таблицу ниже; заголовок защищён от изменения."
                   if spec.mode == "row" else
                   "Заполните таблицу ниже, добавляя строки под заполненными; "
                   "заголовок защищён от изменения.")
    sheet["A4"].font = Font(italic=True, size=9, color="606060")


def _widths(spec: BlankSpec, columns: Sequence[BlankColumn]) -> list[int]:
    """Each column as wide as its heading or its longest pre-filled value (12 to 45 signs)."""
    rows = [(spec.organization,)] if spec.organization_column else list(spec.rows)
    widths = []
    for n, column in enumerate(columns):
        longest = max((len(str(r[n])) for r in rows if n < len(r) and r[n] is not None),
                      default=0)
        widths.append(max(12, min(45, max(len(column.title) + 4, longest + 2))))
    return widths


def _header(sheet: Worksheet, columns: Sequence[BlankColumn], widths: Sequence[int]) -> None:
    for n, column in enumerate(columns, 1):
        cell = sheet.cell(HEADER_ROW, n, column.title)
        cell.font = Font(bold=True)
        cell.fill = _HEAD_FILL
        cell.border = _BOX
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        sheet.column_dimensions[get_column_letter(n)].width = widths[n - 1]
    sheet.row_dimensions[HEADER_ROW].height = 32
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 1)


def _body(sheet: Worksheet, spec: BlankSpec, columns: Sequence[BlankColumn]) -> int:
    """Write the data rows; the last row of the data area."""
    first = HEADER_ROW + 1
    if spec.mode == "row":
        rows: list[tuple[Any, ...]] = [(spec.organization,)]
        last = first
    else:
        rows = [tuple(r) for r in spec.rows]
        last = first + len(rows) + FREE_ROWS - 1
    for r in range(first, last + 1):
        values = rows[r - first] if r - first < len(rows) else ()
        for n, column in enumerate(columns, 1):
            cell = sheet.cell(r, n, values[n - 1] if n - 1 < len(values) else None)
            cell.border = _BOX
            if column.kind == "date":
                cell.number_format = "DD.MM.YYYY"
            if spec.organization_column and n == 1:
                cell.fill = _LOCKED_FILL  # the ОО's name: locked with the header
            else:
                cell.protection = _UNLOCKED
    return last


def _validations(sheet: Worksheet, columns: Sequence[BlankColumn], last: int) -> None:
    for n, column in enumerate(columns, 1):
        rule = _rule(column)
        if rule is None:
            continue
        letter = get_column_letter(n)
        rule.add(f"{letter}{HEADER_ROW + 1}:{letter}{last}")
        sheet.add_data_validation(rule)


def _rule(column: BlankColumn) -> DataValidation | None:
    title = column.title[:32]
    if column.kind in ("choice", "bool"):
        values = column.choices if column.kind == "choice" else ("да", "нет")
        rule = DataValidation(type="list", formula1='"' + ",".join(values) + '"',
                              allow_blank=True)
        rule.error = "Выберите значение из списка."
    elif column.kind == "number":
        rule = DataValidation(type="decimal", operator="between", formula1="-1000000000",
                              formula2="1000000000", allow_blank=True)
        rule.error = "Введите число (цифрами)."
    elif column.kind == "date":
        rule = DataValidation(type="date", operator="between", formula1="DATE(1920,1,1)",
                              formula2="DATE(2099,12,31)", allow_blank=True)
        rule.error = "Введите дату в виде ДД.ММ.ГГГГ."
    else:
        return None
    rule.errorTitle = title
    rule.showErrorMessage = True
    return rule


def _page(sheet: Worksheet) -> None:
    """Printed landscape, the table's width on one page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0


def _protect(sheet: Worksheet) -> None:
    """The sheet protected without a password: the header and the ОО's name cannot be
    changed by accident; the data cells are unlocked."""
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    sheet.protection.insertRows = False  # (False: allowed) rows may be added to a table
    sheet.protection.deleteRows = False


def _meta(book: Workbook, spec: BlankSpec) -> None:
    meta = book.create_sheet(META_SHEET)
    values = (PROGRAM_MARK, spec.collection_id, spec.organization_id, spec.version, spec.mode)
    for n, (key, value) in enumerate(zip(META_KEYS, values, strict=True), 1):
        meta.cell(n, 1, key)
        meta.cell(n, 2, value)
    meta.sheet_state = "veryHidden"
    meta.protection.sheet = True


def read_meta(sheet: Any) -> dict[str, str]:
    """{key: value} of a blank's hidden sheet (an openpyxl worksheet, read-only or not)."""
    found: dict[str, str] = {}
    for row in sheet.iter_rows(min_row=1, max_row=len(META_KEYS) + 2, max_col=2,
                               values_only=True):
        if row and row[0] is not None:
            found[str(row[0])] = "" if len(row) < 2 or row[1] is None else str(row[1])
    return found
