"""Column widths: content size estimates and fitting relative weights to a page width."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import cast

from exports.layout import Number, format_cell, relative_widths
from exports.model import NUMERIC_KINDS, CellValue, ReportColumn, ReportTable

_NUMBER_SET: set[type] = {int, float, Decimal}
#: Average digit width in em (Times New Roman digits are 0.5 em; a little slack for bold).
DIGIT_EM = 0.56
#: Average width of a bold Cyrillic letter in em (header words).
LETTER_EM = 0.62
#: Header words longer than this may break inside a narrow column.
HEADER_WORD_CAP = 10


def column_values(rows: Sequence[Sequence[CellValue]], i: int) -> list[CellValue]:
    try:
        return [r[i] for r in rows]
    except IndexError:
        return [r[i] if i < len(r) else None for r in rows]


def _longest_line(strings: list[str]) -> int:
    best = 0
    for s in strings:
        if len(s) > best:
            best = max(map(len, s.split("\n"))) if "\n" in s else len(s)
    return best


def _numeric_chars(nums: list[Number], col: ReportColumn, summed: bool) -> int:
    if not nums:
        return 0
    magnitudes = [abs(float(v)) for v in nums]
    biggest = math.fsum(magnitudes) if summed else max(magnitudes)
    negative = any(v < 0 for v in nums)
    return len(format_cell(biggest, col, nbsp=False)) + int(negative)


def _date_chars(values: list[CellValue], types: set[type], col: ReportColumn) -> int:
    if datetime in types and col.kind != "date":
        stamps = [v for v in values if type(v) is datetime]
        return max(len(format_cell(v, col)) for v in stamps)
    return 10 if date in types or datetime in types else 0


def _column_chars(values: list[CellValue], col: ReportColumn, summed: bool) -> int:
    types = set(map(type, values))
    chars = _date_chars(values, types, col)
    if types & _NUMBER_SET:
        nums = cast(list[Number], [v for v in values if type(v) in _NUMBER_SET])
        chars = max(chars, _numeric_chars(nums, col, summed and col.kind in NUMERIC_KINDS))
    if str in types:
        chars = max(chars, _longest_line([v for v in values if type(v) is str]))
    return chars


def content_chars(table: ReportTable, *, include_text: bool = True) -> list[int]:
    """Length in characters of the widest content of each column (totals included).

    Text columns are measured only when ``include_text`` is true (they wrap in docx/pdf,
    so only numbers and dates need a minimum width there).
    """
    summed = table.totals or table.group_by is not None
    out: list[int] = []
    for i, col in enumerate(table.columns):
        if col.kind == "text" and not include_text:
            out.append(0)
            continue
        out.append(_column_chars(column_values(table.rows, i), col, summed and col.total))
    return out


def header_word_chars(column: ReportColumn) -> int:
    """Length of the longest word of a column title (titles wrap between words only)."""
    return min(max((len(w) for w in column.title.split()), default=0), HEADER_WORD_CAP)


def fit_widths(
    columns: Sequence[ReportColumn], total: float, minimums: Sequence[float]
) -> list[float]:
    """Widths by weight, raised to ``minimums`` where needed, always summing to ``total``."""
    mins = list(minimums)
    if sum(mins) >= total:
        scale = total / sum(mins) if sum(mins) else 0.0
        return [m * scale for m in mins]
    fixed: dict[int, float] = {}
    widths = relative_widths(columns, total)
    for _ in range(len(columns)):
        short = [i for i, w in enumerate(widths) if i not in fixed and w < mins[i]]
        if not short:
            break
        fixed.update({i: mins[i] for i in short})
        free = [c for i, c in enumerate(columns) if i not in fixed]
        spread = iter(relative_widths(free, total - sum(fixed.values())))
        widths = [fixed[i] if i in fixed else next(spread) for i in range(len(columns))]
    return widths


def minimum_widths(table: ReportTable, size_pt: float, padding_pt: float) -> list[float]:
    """Minimal column widths in points for a table font of ``size_pt``."""
    chars = content_chars(table, include_text=False)
    return [
        max(c * DIGIT_EM * size_pt, header_word_chars(col) * LETTER_EM * size_pt) + padding_pt
        for c, col in zip(chars, table.columns, strict=True)
    ]
