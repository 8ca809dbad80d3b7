"""Text of a form's cells and rows, shared by the pdf, docx and xlsx renderers."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from exports.forms.model import FormCell, FormColumn, FormTable
from exports.model import format_date, format_money, format_number


def cell_text(value: FormCell, column: FormColumn) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        if column.kind == "money":
            return format_money(value)
        return format_number(value, 0 if column.kind == "int" else None, group_min_digits=4)
    return str(value)


def label_span(table: FormTable) -> int:
    """How many leading columns the «Итого» label takes: those before the first summed one."""
    first = next((i for i, c in enumerate(table.columns) if c.total), len(table.columns))
    return max(first, 1)


def totals_cells(table: FormTable, label: str, rows: object = None) -> list[FormCell]:
    """A totals row: the label in the first cell, sums under the ``total`` columns."""
    sums: list[FormCell] = list(table.sums(rows))  # type: ignore[arg-type]
    span = label_span(table)
    return [label, *([None] * (span - 1)), *sums[span:]]


def is_number(column: FormColumn) -> bool:
    return column.kind in ("int", "money")
