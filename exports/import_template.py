"""An import template: a workbook with the expected headings and one example row."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

REQUIRED_FILL = PatternFill("solid", fgColor="FFF2CC")


def write_import_template(path: Path, title: str, headings: Sequence[str],
                          required: Sequence[bool], example: Sequence[object]) -> Path:
    """Row 1: the headings (required ones bold on yellow); row 2: an example row."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title[:31]
    for column, (heading, needed, value) in enumerate(
            zip(headings, required, example, strict=True), start=1):
        cell = sheet.cell(row=1, column=column, value=heading)
        cell.font = Font(bold=needed)
        if needed:
            cell.fill = REQUIRED_FILL
        sample = sheet.cell(row=2, column=column, value=value)
        if isinstance(value, date):
            sample.number_format = "DD.MM.YYYY"
        elif isinstance(value, str) and value.isdigit():
            sample.number_format = "@"  # ИНН, СНИЛС digits stay text
        width = max(len(heading), len(str(value)) if value is not None else 0) + 2
        sheet.column_dimensions[get_column_letter(column)].width = min(max(width, 10), 60)
    sheet.freeze_panes = "A2"
    book.save(path)
    return path
