"""Report → .xlsx (openpyxl write-only mode: one sheet per table, real dates and numbers).

Data rows are appended as plain values; only cells that need a number format (dates,
money, fixed decimals) go through one reusable styled cell per column, which keeps the
writer close to the speed of a bare write-only loop.
"""

from __future__ import annotations

import contextlib
import math
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, Reference
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from exports._io import CancelledFn, ProgressFn, Ticker, atomic_target
from exports.layout import DataChunk, GroupHeading, TotalsRow, iter_blocks, merge_sections
from exports.model import (
    DEFAULT_STYLE,
    CellValue,
    Report,
    ReportChart,
    ReportColumn,
    ReportStyle,
    ReportTable,
)
from exports.safe_text import clean_report
from exports.widths import column_values, content_chars, header_word_chars
from exports.xlsx_rows import CellRow, install
from exports.xlsx_styles import (
    DATE_FORMAT,
    XlsxStyles,
    number_format,
    setup_print,
    use_default_font,
)

SHEET_NAME_MAX = 31
WIDTH_CAP = 60.0
WIDTH_MIN = 6.0
#: Width of a date cell in characters (a date shows «####» where it does not fit).
DATE_CHARS = 12.0
_ILLEGAL_SHEET_CHARS = re.compile(r"[\\/?*\[\]:\x00-\x1f]")
_UNSAFE_TEXT = re.compile(r"(?m)^=|[\x00-\x08\x0b\x0c\x0e-\x1f]")
_ILLEGAL_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

Converter = Callable[[CellValue], Any]


def write_xlsx(
    report: Report,
    path: str | os.PathLike[str],
    style: ReportStyle = DEFAULT_STYLE,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> None:
    """Write ``report`` as an Excel workbook (one sheet per table; the tables of each ОО
    are one sheet with group headings) to ``path``."""
    report = merge_sections(clean_report(report))
    ticker = Ticker(report.total_rows, progress, cancelled)
    ticker.start()
    wb = Workbook(write_only=True)
    try:
        _fill(wb, report, style, ticker)
        ticker.finish()
        with atomic_target(path) as tmp:
            wb.save(str(tmp))
    except BaseException:
        _discard(wb)
        raise


def _fill(wb: Workbook, report: Report, style: ReportStyle, ticker: Ticker) -> None:
    use_default_font(wb, style)
    styles = XlsxStyles(style)
    tables: Sequence[ReportTable | None] = report.tables or (None,)
    for i, (name, table) in enumerate(zip(sheet_names(report), tables, strict=True)):
        ws = wb.create_sheet(name)
        sheet = _SheetWriter(ws, report, table, styles, ticker)
        sheet.write(first=i == 0, last=i == len(tables) - 1)


def _discard(wb: Workbook) -> None:
    """Close half-written streaming sheets and delete openpyxl's temporary files."""
    for ws in wb.worksheets:
        with contextlib.suppress(Exception):
            if not ws.closed:
                ws.close()
        writer = getattr(ws, "_writer", None)
        if writer is not None:
            with contextlib.suppress(Exception):
                writer.cleanup()


def sheet_names(report: Report) -> list[str]:
    """Unique valid sheet names: the table title or «ЛистN», at most 31 characters."""
    names: list[str] = []
    for i, table in enumerate(report.tables or (None,), start=1):
        base = _clean_sheet_name(table.title if table else "") or f"Лист{i}"
        name, k = base, 2
        while name.casefold() in (n.casefold() for n in names):
            suffix = f" ({k})"
            name, k = base[: SHEET_NAME_MAX - len(suffix)] + suffix, k + 1
        names.append(name)
    return names


def _clean_sheet_name(title: str) -> str:
    name = " ".join(_ILLEGAL_SHEET_CHARS.sub(" ", title).split()).strip("'")
    return name[:SHEET_NAME_MAX].strip()


@dataclass
class _Line:
    """A row above or below the table; ``merge_from`` merges that column to the last one."""

    cells: list[Any]
    height: float | None = None
    merge_from: int | None = None
    #: Columns (first, last) merged: room for a date (which would not overflow) or a label.
    span: tuple[int, int] | None = None


@dataclass
class _Plan:
    widths: list[float]
    converters: list[tuple[int, Converter]] = field(default_factory=list)
    #: The number format of each column (``None``: text).
    formats: list[str | None] = field(default_factory=list)
    #: Text columns whose cells may take more than one line: (index, characters a line).
    wrapping: list[tuple[int, float]] = field(default_factory=list)


class _SheetWriter:
    def __init__(
        self,
        ws: WriteOnlyWorksheet,
        report: Report,
        table: ReportTable | None,
        styles: XlsxStyles,
        ticker: Ticker,
    ) -> None:
        self.ws = ws
        self.report = report
        self.table = table
        self.st = styles
        self.ticker = ticker
        self.n = len(table.columns) if table and table.columns else 2
        self.row = 0
        install(ws)
        self.plan = self._plan()

    # ------------------------------------------------------------------ driver

    def write(self, *, first: bool, last: bool) -> None:
        pre = self._preamble(first)
        header_row = len(pre) + 1
        self._setup(header_row)
        for line in pre:
            self._emit(line)
        if self.table is not None and self.table.columns:
            self._write_table(self.table)
        if last:
            for line in self._closing():
                self._emit(line)

    def _setup(self, header_row: int) -> None:
        ws = self.ws
        for i, width in enumerate(self.plan.widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = width
        if self.table is not None and self.table.columns:
            ws.freeze_panes = f"A{header_row + 1}"
            ws.print_title_rows = f"{header_row}:{header_row}"
        setup_print(ws, self.st.style, self.report.is_landscape)

    def _emit(self, line: _Line) -> None:
        self.row += 1
        if line.height:
            self.ws.row_dimensions[self.row].height = line.height
        if line.merge_from is not None and line.merge_from < self.n:
            first = get_column_letter(line.merge_from)
            self.ws.merged_cells.add(f"{first}{self.row}:{get_column_letter(self.n)}{self.row}")
        if line.span is not None and line.span[1] > line.span[0]:
            first, last = map(get_column_letter, line.span)
            self.ws.merged_cells.add(f"{first}{self.row}:{last}{self.row}")
        self.ws.append(line.cells)

    # ------------------------------------------------------------------ text rows

    def _text(self, text: str, font: Any, align: Any, merge_from: int = 1) -> _Line:
        """A text row merged from ``merge_from`` to the last column, tall enough to wrap."""
        size = float(font.sz or self.st.style.table_size)
        chars = sum(self.plan.widths[merge_from - 1 :]) * 1.1 * self.st.style.table_size / size
        lines = sum(max(1, math.ceil(len(part) / max(chars, 5.0))) for part in text.split("\n"))
        height = round(lines * size * 1.3, 1) if lines > 1 or size > 13 else None
        cell = self.st.cell(self.ws, text, font, align)
        return _Line([*([None] * (merge_from - 1)), cell], height, merge_from)

    def _paragraph(self, text: str) -> _Line:
        return self._text(text, self.st.font, self.st.justify)

    def _preamble(self, first: bool) -> list[_Line]:
        r, st = self.report, self.st
        out: list[_Line] = self._approval() if first else []
        for text in (r.department, r.organization):
            if text:
                out.append(self._text(text, st.bold, st.center))
        if r.department or r.organization:
            out.append(_Line([]))
        for text in (r.title, r.heading):
            if text:
                out.append(self._text(text, st.title, st.center))
        out += self._date_line()
        if r.params_line:
            out.append(self._text(r.params_line, st.font, st.center))
        out.append(_Line([]))
        if first and r.paragraphs:
            out += [self._paragraph(p) for p in r.paragraphs]
            out.append(_Line([]))
        if self.table is not None and self.table.title:
            out.append(self._text(self.table.title, st.bold, st.center))
        return out

    def _approval(self) -> list[_Line]:
        a = self.report.approval
        if a is None:
            return []
        start = self.n // 2 + 1 if self.n > 1 else 1
        lines = ("УТВЕРЖДАЮ", a.position, f"_______________ {a.name}", a.date_text)
        out = [self._text(t, self.st.font, self.st.left_wrap, start) for t in lines if t]
        return [*out, _Line([])]

    def _date_line(self) -> list[_Line]:
        r = self.report
        if not (r.date or r.number):
            return []
        cells: list[Any] = [self.st.cell(self.ws, r.date, self.st.font, self.st.left,
                                         fmt=DATE_FORMAT)]
        span = None
        if r.number:
            number = self.st.cell(self.ws, f"№ {r.number}", self.st.font, self.st.right)
            cells = cells + [None] * (self.n - 2) + [number] if self.n > 1 else [number]
        if r.date is not None:
            span = (1, self._date_columns(last=self.n - 1 if r.number else self.n))
        return [_Line(cells, span=span)]

    def _date_columns(self, last: int) -> int:
        """How many first columns (at most ``last``) hold «05.12.2026» in the table font."""
        width, k = 0.0, 0
        while k < max(last, 1) and width < DATE_CHARS:
            width += self.plan.widths[k] if k < len(self.plan.widths) else WIDTH_MIN
            k += 1
        return max(k, 1)

    def _closing(self) -> list[_Line]:
        r, st, ws = self.report, self.st, self.ws
        out = [_Line([])]
        out += [self._paragraph(p) for p in r.closing_paragraphs]
        for sig in r.signatures:
            gap = [None] * (self.n - 2)
            out.append(_Line([]))
            out.append(_Line([st.cell(ws, sig.position, st.font, st.left), *gap,
                              st.cell(ws, sig.name, st.font, st.right)]))
        if r.executor_name or r.executor_phone:
            out += [_Line([]), _Line([])]
        if r.executor_name:
            out.append(_Line([st.cell(ws, f"Исполнитель: {r.executor_name}", st.small, None)]))
        if r.executor_phone:
            out.append(_Line([st.cell(ws, f"тел. {r.executor_phone}", st.small, None)]))
        return out

    # ------------------------------------------------------------------ the table

    def _plan(self) -> _Plan:
        table = self.table
        if table is None or not table.columns:
            return _Plan([60.0, 30.0])
        chars = content_chars(table)
        widths = [
            min(WIDTH_CAP, max(WIDTH_MIN, c * 1.05 + 2, header_word_chars(col) * 1.2 + 2))
            for c, col in zip(chars, table.columns, strict=True)
        ]
        wrapping = [(i, line_chars(w)) for i, (c, w, col) in
                    enumerate(zip(chars, widths, table.columns, strict=True))
                    if col.kind == "text" and (c > line_chars(w) or _has_breaks(table.rows, i))]
        formats = [number_format(col, column_values(table.rows, i))
                   for i, col in enumerate(table.columns)]
        return _Plan(widths, self._converters(table, formats), formats, wrapping)

    def _converters(self, table: ReportTable,
                    formats: list[str | None]) -> list[tuple[int, Converter]]:
        """Every column writes through one reusable cell with the table's grid, its
        alignment (text wraps) and its number format, so an empty cell is framed too."""
        out: list[tuple[int, Converter]] = []
        for i, col in enumerate(table.columns):
            conv = _styled(self.st.data_cell(self.ws, col, formats[i]))
            if _has_unsafe_text(table.rows, i):
                conv = _safe_text(conv)
            out.append((i, conv))
        return out

    def _write_table(self, table: ReportTable) -> None:
        header_row = self.row + 1
        self._emit(self._header_line(table.columns))
        last_data = header_row
        group_start = header_row + 1
        subtotals: list[int] = []
        for block in iter_blocks(table):
            if isinstance(block, DataChunk):
                self._data(block.rows)
                last_data = self.row
                self.ticker.step(len(block.rows))
            elif isinstance(block, GroupHeading):
                self._emit(self._group_line(block.text))
                group_start = self.row + 1
            else:
                rows = (f"{{c}}{group_start}:{{c}}{self.row}" if block.kind == "subtotal"
                        else _total_ranges(subtotals, header_row + 1, self.row))
                self._emit(self._totals_line(block, table.columns, rows))
                if block.kind == "subtotal":
                    last_data = self.row
                    subtotals.append(self.row)
        last_col = get_column_letter(len(table.columns))
        self.ws.auto_filter.ref = f"A{header_row}:{last_col}{max(last_data, header_row)}"
        if table.chart is not None and last_data > header_row and table.group_by is None:
            last_plotted = last_data - _trailing_totals(table)
            if last_plotted > header_row:
                self.ws.add_chart(_bar_chart(self.ws, table.chart, header_row, last_plotted),
                                  f"{get_column_letter(len(table.columns) + 2)}{header_row}")

    def _group_line(self, text: str) -> _Line:
        """A group heading across the table, framed like its rows."""
        st = self.st
        cells = [st.cell(self.ws, text, st.bold, st.left_wrap, border=True)]
        cells += [st.cell(self.ws, None, None, None, border=True) for _ in range(self.n - 1)]
        return _Line(cells, merge_from=1)

    def _header_line(self, columns: tuple[ReportColumn, ...]) -> _Line:
        st = self.st
        cells = [st.cell(self.ws, c.title, st.bold, st.header, border=True) for c in columns]
        widths = self.plan.widths
        lines = max(
            math.ceil(len(c.title) / max(w - 1.0, 1.0))
            for c, w in zip(columns, widths, strict=True)
        )
        return _Line(cells, max(lines, 1) * st.line_height)

    def _data(self, rows: Sequence[Sequence[CellValue]]) -> None:
        append = self.ws.append
        convs = [conv for _i, conv in self.plan.converters]
        n = len(convs)
        wrapping, heights = self.plan.wrapping, self.ws.row_dimensions
        line = self.st.line_height
        for k, r in enumerate(rows, start=self.row + 1):
            if len(r) < n:
                r = [*r, *([None] * (n - len(r)))]
            if wrapping:
                lines = _lines(r, wrapping)
                if lines > 1:  # set by hand: a spreadsheet need not fit rows when it opens
                    heights[k].height = round(lines * line + 2, 1)
            append(CellRow([conv(v) for conv, v in zip(convs, r, strict=False)]))
        self.row += len(rows)

    def _totals_line(self, block: TotalsRow, columns: tuple[ReportColumn, ...],
                     rows: str) -> _Line:
        """Labels as text; sums as ``SUM`` formulas over ``rows`` (``{c}`` is the column),
        so a quantity edited in the sheet updates them."""
        cells: list[Any] = []
        for i, (value, col) in enumerate(zip(block.values, columns, strict=True)):
            if col.total and not isinstance(value, str) and value is not None:
                value = "=SUM(" + rows.replace("{c}", get_column_letter(i + 1)) + ")"
            fmt = self.plan.formats[i] if not isinstance(block.values[i], str) else None
            align = self.st.left_wrap if isinstance(block.values[i], str) else None
            cell = self.st.cell(self.ws, value, self.st.bold, align, border=True, fmt=fmt)
            if isinstance(value, str) and value.startswith("=SUM("):
                cell.data_type = "f"
            cells.append(cell)
        label_end = block.label_span if not any(block.values[1:block.label_span]) else 1
        return _Line(cells, span=(1, label_end))


#: Labels of the rows a report adds itself at the end of its data (not plotted).
_TOTAL_LABELS = ("Всего", "Итого")


def _trailing_totals(table: ReportTable) -> int:
    """How many rows at the end of the data are totals given as data («Всего по району»)."""
    count = 0
    for row in reversed(table.rows):
        label = row[table.chart.category] if table.chart is not None and row else None
        if not (isinstance(label, str) and label.startswith(_TOTAL_LABELS)):
            break
        count += 1
    return count


def _total_ranges(subtotals: list[int], first: int, last: int) -> str:
    """The cells the grand total adds: the subtotals, or all data rows when there are none."""
    if not subtotals:
        return f"{{c}}{first}:{{c}}{last}"
    cells = [f"{{c}}{r}" for r in subtotals]
    if len(cells) <= 255:  # the most arguments SUM takes
        return ",".join(cells)
    return ",".join("SUM(" + ",".join(cells[i:i + 255]) + ")" for i in range(0, len(cells), 255))


def _bar_chart(ws: WriteOnlyWorksheet, spec: ReportChart, header_row: int,
               last_row: int) -> BarChart:
    """A clustered bar chart over the table's data rows (series titled by the header)."""
    chart = BarChart()
    chart.type, chart.grouping = "col", "clustered"
    chart.title, chart.y_axis.title = spec.title, spec.y_title or None
    chart.width, chart.height = 24.0, 12.0
    chart.x_axis.delete = chart.y_axis.delete = False
    for i in spec.values:
        chart.add_data(Reference(ws, min_col=i + 1, min_row=header_row, max_row=last_row),
                       titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=spec.category + 1, min_row=header_row + 1,
                                   max_row=last_row))
    return chart


def _styled(cell: WriteOnlyCell) -> Converter:
    """Reuse one styled cell per column: rows are written before the next one is built."""

    def convert(value: CellValue) -> Any:
        cell.value = value
        return cell

    return convert


def line_chars(width: float) -> float:
    """Characters a line of a column ``width`` wide holds (the inverse of the plan's width)."""
    return max((width - 2.0) / 1.05, 1.0)


def _has_breaks(rows: Sequence[Sequence[CellValue]], i: int) -> bool:
    return any(isinstance(v, str) and "\n" in v for v in column_values(rows, i))


def _lines(row: Sequence[CellValue], wrapping: list[tuple[int, float]]) -> int:
    """The lines the row's tallest wrapped cell takes (words are not split: a bit more)."""
    most = 1
    for i, chars in wrapping:
        v = row[i]
        if isinstance(v, str) and (len(v) > chars or "\n" in v):
            n = sum(1 if len(part) <= chars else math.ceil(len(part) * 1.1 / chars)
                    for part in v.split("\n"))
            most = max(most, n)
    return most


def _has_unsafe_text(rows: Sequence[Sequence[CellValue]], i: int) -> bool:
    strings = [v for v in column_values(rows, i) if isinstance(v, str)]
    return bool(strings) and _UNSAFE_TEXT.search("\n".join(strings)) is not None


def _safe_text(inner: Converter) -> Converter:
    """Strip characters Excel rejects and keep «=…» strings as text, not formulas."""

    def convert(value: CellValue) -> Any:
        if isinstance(value, str):
            value = _ILLEGAL_TEXT.sub("", value)
            cell = inner(value)
            if value.startswith("="):
                cell.data_type = "s"
            return cell
        return inner(value)

    return convert
