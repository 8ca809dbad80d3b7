"""A form → .xlsx: one sheet laid out as the form (title, head with the codes at the right,
numbered table with merged headings, «Итого» as SUM formulas, texts, signature lines);
printed to one page wide, headings repeated; a draft has «ПРОЕКТ» in the page header."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from datetime import date

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from exports._io import atomic_target
from exports.forms.cells import label_span
from exports.forms.model import (
    SIGN_CAPTIONS,
    FormDocument,
    FormTable,
    SignGroup,
    header_cells,
    header_depth,
)

THIN = Side(style="thin")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
LINE = Border(bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
FORMATS = {"int": "#,##0", "money": "#,##0.00", "date": "DD.MM.YYYY"}
#: Characters a date needs in its cell (a number does not overflow: «####» instead).
DATE_WIDTH = 11.5
_DATE = re.compile(r"(\d{2})\.(\d{2})\.(\d{4})")


def _as_date(text: str) -> date | None:
    m = _DATE.fullmatch(text.strip())
    if m is None:
        return None
    try:
        return date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        return None


def write_form_xlsx(form: FormDocument, path: str | os.PathLike[str]) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = f"Форма {form.okud}"[:31]
    _Sheet(ws, form).write()
    with atomic_target(path) as tmp:
        wb.save(str(tmp))


class _Sheet:
    def __init__(self, ws: Worksheet, form: FormDocument) -> None:
        self.ws, self.form, self.row = ws, form, 1
        widest = max((len(t.columns) for t in form.tables), default=6)
        self.ncols = max(widest, 6)

    def write(self) -> None:
        ws, form = self.ws, self.form
        table = max(form.tables, key=lambda t: len(t.columns), default=None)
        weight = sum(c.width for c in table.columns) if table else 1.0
        for i in range(self.ncols):
            w = table.columns[i].width / weight * 150 if table and i < len(table.columns) else 14
            ws.column_dimensions[get_column_letter(i + 1)].width = max(w, 6)
        ws.page_setup.orientation = "landscape" if form.landscape else "portrait"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        if form.draft:
            ws.oddHeader.left.text = "ПРОЕКТ"
            ws.oddHeader.left.size = 20
        for a in form.approvals:
            self._line(f"{a.heading}. {a.title}: {a.position} ____________ {a.name}, "
                       f"{a.date_text}", right=True)
        self._line(form.title, bold=True, center=True)
        for r in form.header:
            if r.title and r.value not in form.title:
                self._line(r.value, bold=True, center=True)
        self._codes()
        for block in form.blocks:
            if isinstance(block, str):
                self._line(block, height=max(15, 15 * (len(block) // 160 + 1)))
            elif isinstance(block, SignGroup):
                self._signatures(block)
            else:
                self._table(block)

    def _line(self, text: str, bold: bool = False, center: bool = False, right: bool = False,
              height: float | None = None) -> None:
        ws = self.ws
        ws.merge_cells(start_row=self.row, start_column=1, end_row=self.row,
                       end_column=self.ncols)
        cell = ws.cell(self.row, 1, text)
        cell.font = Font(bold=bold)
        cell.alignment = Alignment(horizontal="center" if center else "right" if right
                                   else "left", vertical="top", wrap_text=True)
        if height:
            ws.row_dimensions[self.row].height = height
        self.row += 1

    def _codes(self) -> None:
        ws, last = self.ws, self.ncols
        ws.cell(self.row, last, "КОДЫ").alignment = CENTER
        ws.cell(self.row, last).border = GRID
        self.row += 1
        for r in self.form.header:
            if not r.title:
                ws.merge_cells(start_row=self.row, start_column=1, end_row=self.row,
                               end_column=last - 3)
                ws.cell(self.row, 1, f"{r.label} {r.value}".strip()).alignment = WRAP
            if r.code is not None or r.code_label:
                ws.merge_cells(start_row=self.row, start_column=last - 2, end_row=self.row,
                               end_column=last - 1)
                ws.cell(self.row, last - 2, r.code_label).alignment = Alignment(
                    horizontal="right")
            if r.code is not None:
                self._code(ws.cell(self.row, last), r.code)
            self.row += 1
        self.row += 1

    def _code(self, cell: Cell, code: str) -> None:
        """A code in its box; a date («Дата» of the form) as a date, to sort and compute."""
        day = _as_date(code)
        cell.value = code if day is None else day
        cell.alignment, cell.border = CENTER, GRID
        if day is not None:
            cell.number_format = FORMATS["date"]
            width = self.ws.column_dimensions[cell.column_letter].width or 0
            self.ws.column_dimensions[cell.column_letter].width = max(width, DATE_WIDTH)

    def _table(self, t: FormTable) -> None:
        ws = self.ws
        if t.title:
            self._line(t.title, bold=True, center=True)
        top, depth = self.row, header_depth(t.columns)
        for row, col, rspan, cspan, text in header_cells(t.columns):
            r, c = top + row, col + 1
            if rspan > 1 or cspan > 1:
                ws.merge_cells(start_row=r, start_column=c, end_row=r + rspan - 1,
                               end_column=c + cspan - 1)
            ws.cell(r, c, text)
        for i in range(len(t.columns)):
            ws.cell(top + depth, i + 1, i + 1)
        for r in range(top, top + depth + 1):
            for c in range(1, len(t.columns) + 1):
                ws.cell(r, c).border, ws.cell(r, c).alignment = GRID, CENTER
                ws.cell(r, c).font = Font(size=9)
        ws.print_title_rows = f"{top}:{top + depth}"
        first = top + depth + 1
        for n, values in enumerate(t.rows):
            self._data(first + n, t, values)
        self.row = first + len(t.rows)
        if t.totals and any(c.total for c in t.columns):
            self._totals(t, first, self.row - 1)
        self.row += 1

    def _data(self, r: int, t: FormTable, values: Sequence[object]) -> None:
        for i, (v, c) in enumerate(zip(values, t.columns, strict=False)):
            cell = self.ws.cell(r, i + 1, v)
            cell.border, cell.alignment = GRID, WRAP
            if c.kind in FORMATS:
                cell.number_format = FORMATS[c.kind]

    def _totals(self, t: FormTable, first: int, last: int) -> None:
        ws, r, span = self.ws, self.row, label_span(t)
        if span > 1:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=span)
        ws.cell(r, 1, t.totals_label).alignment = Alignment(horizontal="right")
        for i, c in enumerate(t.columns):
            cell = ws.cell(r, i + 1)
            cell.border, cell.font = GRID, Font(bold=True)
            if c.total:
                letter = get_column_letter(i + 1)
                cell.value = f"=SUM({letter}{first}:{letter}{max(last, first)})"
                cell.number_format = FORMATS.get(c.kind, "General")
        self.row += 1

    def _signatures(self, group: SignGroup) -> None:
        if group.heading:
            self._line(group.heading)
        spans = _sign_spans(self.ncols)
        for s in group.lines:
            self._span(self.row, (1, 2), s.role, WRAP)
            for span, text in zip(spans, (s.position, "", s.name), strict=True):
                self._span(self.row, span, text, CENTER, LINE)
            for span, text in zip(spans, SIGN_CAPTIONS, strict=True):
                self._span(self.row + 1, span, text, CENTER).font = Font(size=7)
            self.row += 2
        if group.dated:
            self._line("«____» ____________ 20___ г.")

    def _span(self, row: int, span: tuple[int, int], text: str, align: Alignment,
              border: Border | None = None) -> Cell:
        """``text`` in the columns ``span`` merged; ``border`` under each of them."""
        first, last = span
        if last > first:
            self.ws.merge_cells(start_row=row, start_column=first, end_row=row,
                                end_column=last)
        cell = self.ws.cell(row, first, text)
        cell.alignment = align
        if border is not None:
            for col in range(first, last + 1):
                self.ws.cell(row, col).border = border
        return cell


def _sign_spans(columns: int) -> tuple[tuple[int, int], ...]:
    """The columns of (должность) (подпись) (расшифровка подписи) right of the role, which
    takes the first two: the first alone (№ п/п) is too narrow and would cut it."""
    rest = max(columns - 2, 3)
    position = max(1, round(rest * 0.4))
    signature = max(1, round(rest * 0.2))
    first = 3
    return ((first, first + position - 1),
            (first + position, first + position + signature - 1),
            (first + position + signature, max(first + position + signature, columns)))
