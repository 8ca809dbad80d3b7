"""Fonts, alignments, number formats and print setup for the .xlsx renderer."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties

from exports.model import NUMERIC_KINDS, ReportColumn, ReportStyle
from exports.safe_text import is_formula_text
from exports.xlsx_rows import ColumnCell

DATE_FORMAT = "DD.MM.YYYY"
MM_PER_INCH = 25.4
PAPER_A4 = 9


def number_format(column: ReportColumn, values: Iterable[object] = ()) -> str | None:
    """Excel number format of a column: dates as dates, money with two decimals, counts as
    integers («1 456» when summed), other numbers with as many decimals as the column needs
    (one format for the whole column: «90,0» beside «91,8»). ``None``: text."""
    if column.kind == "date":
        return DATE_FORMAT
    if column.kind == "text":  # a date among the texts is still a date
        return DATE_FORMAT if any(isinstance(v, date) for v in values) else None
    decimals = column.effective_decimals
    if decimals is None:
        decimals = _decimals_needed(values)
    fraction = "." + "0" * decimals if decimals > 0 else ""
    if column.kind == "money" or (column.kind == "int" and column.total):
        return "#,##0" + fraction  # the thousands separator of the user's locale: «1 456»
    return "0" + fraction


def _decimals_needed(values: Iterable[object], cap: int = 3) -> int:
    """The most decimals any number of the column has (at most ``cap``)."""
    most = 0
    for v in values:
        if isinstance(v, float | Decimal) and not isinstance(v, bool):
            text = f"{Decimal(str(v)).normalize():f}"
            if "." in text:
                most = max(most, min(cap, len(text.split(".", 1)[1])))
                if most == cap:
                    break
    return most


def use_default_font(wb: Workbook, style: ReportStyle) -> None:
    """Make the report font the workbook's Normal font (plain data cells use it)."""
    font = Font(name=style.font_name, sz=style.table_size, family=1)
    try:
        wb._fonts = IndexedList([font])
        wb._named_styles[0].font = font
    except (AttributeError, IndexError):  # pragma: no cover - openpyxl internals changed
        pass


def setup_print(ws: WriteOnlyWorksheet, style: ReportStyle, landscape: bool) -> None:
    """A4, fit to page width, margins from the style, page numbers from page 2."""
    ps = ws.page_setup
    ps.paperSize = PAPER_A4
    ps.orientation = "landscape" if landscape else "portrait"
    ps.fitToWidth = 1
    ps.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    m = style.margins
    ws.page_margins = PageMargins(
        left=m.left / MM_PER_INCH,
        right=m.right / MM_PER_INCH,
        top=m.top / MM_PER_INCH,
        bottom=m.bottom / MM_PER_INCH,
        header=min(10.0, m.top / 2) / MM_PER_INCH,
        footer=min(10.0, m.bottom / 2) / MM_PER_INCH,
    )
    ws.HeaderFooter.differentFirst = True
    ws.oddHeader.center.text = "&P"


class XlsxStyles:
    """Style objects built once per workbook and shared by all styled cells."""

    def __init__(self, style: ReportStyle) -> None:
        name, size = style.font_name, style.table_size
        self.style = style
        self.font = Font(name=name, sz=size)
        self.bold = Font(name=name, sz=size, b=True)
        self.title = Font(name=name, sz=style.text_size, b=True)
        self.small = Font(name=name, sz=10)
        thin = Side(style="thin", color="000000")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.left = Alignment(horizontal="left", vertical="top")
        self.right = Alignment(horizontal="right", vertical="top")
        self.left_wrap = Alignment(horizontal="left", vertical="top", wrap_text=True)
        self.center = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.header = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.justify = Alignment(horizontal="justify", vertical="top", wrap_text=True)
        self.line_height = round(size * 1.3, 1)
        self._aligns: dict[tuple[str, bool], Alignment] = {}

    def cell(
        self,
        ws: WriteOnlyWorksheet,
        value: Any,
        font: Font | None,
        align: Alignment | None,
        *,
        border: bool = False,
        fmt: str | None = None,
    ) -> WriteOnlyCell:
        cell = WriteOnlyCell(ws, value)
        if isinstance(value, str) and is_formula_text(value):
            cell.data_type = "s"  # «=…» from the data is text, never a live formula
        if font is not None:
            cell.font = font
        if align is not None:
            cell.alignment = align
        if border:
            cell.border = self.border
        if fmt is not None:
            cell.number_format = fmt
        return cell

    def data_cell(self, ws: WriteOnlyWorksheet, column: ReportColumn,
                  fmt: str | None) -> ColumnCell:
        """A reusable data cell of ``column``: the grid, its alignment (text wraps at the
        column's width, numbers at the right, dates centred) and its number format."""
        cell = ColumnCell(ws)
        cell.border = self.border
        cell.alignment = self._data_alignment(column)
        if fmt is not None:
            cell.number_format = fmt
        return cell.freeze()

    def _data_alignment(self, column: ReportColumn) -> Alignment:
        align = column.effective_align
        key = (align, column.kind in NUMERIC_KINDS or column.kind == "date")
        if key not in self._aligns:
            self._aligns[key] = Alignment(horizontal=align, vertical="top",
                                          wrap_text=not key[1])
        return self._aligns[key]
