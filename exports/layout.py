"""Renderer-independent table layout: grouping, totals, cell text and column widths."""

from __future__ import annotations

import itertools
import math
import operator
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from exports.model import (
    CellValue,
    Report,
    ReportColumn,
    ReportTable,
    format_date,
    format_datetime,
    format_number,
)

SUBTOTAL_LABEL = "Итого по группе"
TOTAL_LABEL = "Всего"
EMPTY_GROUP_LABEL = "(не указано)"
NBSP = "\u00a0"
#: Data rows are handed to renderers in chunks of this size (progress/cancel granularity).
CHUNK_ROWS = 250
#: Tables longer than this many rows are lists: smaller type and tighter cells.
LIST_ROWS = 30
LIST_SIZE = 10.0
#: Lists longer than this many rows get the smallest type still easy to read.
LONG_LIST_ROWS = 400
LONG_LIST_SIZE = 9.0

Row = Sequence[CellValue]
Number = int | float | Decimal


@dataclass(frozen=True, slots=True)
class DataChunk:
    """Consecutive data rows."""

    rows: Sequence[Row]


@dataclass(frozen=True, slots=True)
class GroupHeading:
    """The heading before a group: the formatted value of the grouping column."""

    text: str


@dataclass(frozen=True, slots=True)
class TotalsRow:
    """«Итого по группе» or «Всего»: ``values`` hold the label and sums (``None`` elsewhere)."""

    kind: Literal["subtotal", "total"]
    values: tuple[CellValue, ...]
    label_span: int


Block = DataChunk | GroupHeading | TotalsRow


def is_list(table: ReportTable) -> bool:
    """A table long enough to be set as a list (smaller type, tighter cells)."""
    return len(table.rows) > LIST_ROWS


def table_size(table: ReportTable, size: float) -> float:
    """The type size of a table whose style asks for ``size``: lists are smaller (the same
    in Word and PDF, so both print on about as many pages)."""
    if len(table.rows) > LONG_LIST_ROWS:
        return min(LONG_LIST_SIZE, size)
    if is_list(table):
        return min(LIST_SIZE, size)
    return size


def label_span(table: ReportTable) -> int:
    """How many leading columns the totals label may occupy (up to the first summed column)."""
    for i, col in enumerate(table.columns):
        if col.total:
            return i
    return len(table.columns)


def column_sum(values: Iterable[CellValue]) -> Number:
    """Sum of the numeric values (strings, dates and ``None`` are ignored)."""
    plain: list[int | float] = []
    decimals: list[Decimal] = []
    for v in values:
        if isinstance(v, bool):
            continue
        if isinstance(v, int | float):
            plain.append(v)
        elif isinstance(v, Decimal):
            decimals.append(v)
    if decimals:
        return sum(decimals, Decimal(0)) + sum((Decimal(str(v)) for v in plain), Decimal(0))
    if any(isinstance(v, float) for v in plain):
        return math.fsum(plain)
    return sum(plain)


def totals_row(
    table: ReportTable, rows: Sequence[Row], kind: Literal["subtotal", "total"]
) -> TotalsRow:
    """Sums of the ``total=True`` columns over ``rows`` with the Russian label."""
    span = label_span(table)
    values: list[CellValue] = [None] * len(table.columns)
    for i, col in enumerate(table.columns):
        if col.total:
            values[i] = column_sum(r[i] if i < len(r) else None for r in rows)
    if span > 0:
        values[0] = SUBTOTAL_LABEL if kind == "subtotal" else TOTAL_LABEL
    return TotalsRow(kind, tuple(values), span)


def _chunks(rows: Sequence[Row]) -> Iterator[DataChunk]:
    for start in range(0, len(rows), CHUNK_ROWS):
        yield DataChunk(rows[start : start + CHUNK_ROWS])


def merge_sections(report: Report) -> Report:
    """Consecutive titled tables with the same columns (one per ОО) become one table whose
    group headings are their titles: one sheet, one set of column widths, no page left
    with a title and no rows."""
    out: list[ReportTable] = []
    run: list[ReportTable] = []

    def flush() -> None:
        if len(run) > 1:
            rows = [r for t in run for r in t.rows]
            out.append(ReportTable(run[0].columns, rows, totals=any(t.totals for t in run),
                                   parts=tuple(run)))
        else:
            out.extend(run)
        run.clear()

    for table in report.tables:
        mergeable = bool(table.title) and table.group_by is None and table.chart is None
        if not (mergeable and run and table.columns == run[0].columns):
            flush()
        if mergeable:
            run.append(table)
        else:
            out.append(table)
    flush()
    if len(out) == len(report.tables):
        return report
    return replace(report, tables=tuple(out))


def iter_blocks(table: ReportTable) -> Iterator[Block]:
    """The table body in order: group headings, data chunks, subtotals, the final total."""
    g = table.group_by
    if table.parts:
        for part in table.parts:
            yield GroupHeading(part.title)
            yield from _chunks(part.rows)
            if part.totals and part.has_totals_columns:
                yield totals_row(part, part.rows, "subtotal")
    elif g is None or not 0 <= g < len(table.columns):
        yield from _chunks(table.rows)
    else:
        column = table.columns[g]
        subtotals = table.has_totals_columns
        for key, grouped in itertools.groupby(table.rows, key=operator.itemgetter(g)):
            rows = list(grouped)
            text = format_cell(key, column, nbsp=False)
            yield GroupHeading(text or EMPTY_GROUP_LABEL)
            yield from _chunks(rows)
            if subtotals:
                yield totals_row(table, rows, "subtotal")
    if table.totals and table.has_totals_columns:
        yield totals_row(table, table.rows, "total")


def format_cell(value: CellValue, column: ReportColumn, *, nbsp: bool = True) -> str:
    """Text of a cell by the column kind (Russian number and date formats)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "да" if value else "нет"
    if isinstance(value, datetime):
        return format_date(value) if column.kind == "date" else format_datetime(value)
    if isinstance(value, date):
        return format_date(value)
    text = _format_numeric(value, column)
    return text.replace(" ", NBSP) if nbsp else text


def _format_numeric(value: Number, column: ReportColumn) -> str:
    kind = column.kind
    if kind == "money":
        return format_number(value, column.effective_decimals, group_min_digits=4)
    if kind in ("int", "number", "percent"):
        return format_number(value, column.effective_decimals)
    return format_number(value, column.decimals)


def relative_widths(columns: Sequence[ReportColumn], total: float) -> list[float]:
    """Split ``total`` between the columns in proportion to their width weights."""
    weights = [max(c.width, 0.1) for c in columns]
    scale = total / sum(weights) if weights else 0.0
    return [w * scale for w in weights]
