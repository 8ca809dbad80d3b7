"""A form → .pdf: the head with the codes block at the right, the numbered table paged by
hand so that each page ends with «Итого по странице» and the last page carries at least two
rows of the table with «Итого» and the signatures; «ПРОЕКТ» in the margin of a draft."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from exports._io import atomic_target
from exports.fonts import RegisteredFont, find_cyrillic_font, register_font
from exports.forms.cells import cell_text, is_number, label_span, totals_cells
from exports.forms.model import (
    SIGN_CAPTIONS,
    Approval,
    FormCell,
    FormDocument,
    FormTable,
    HeaderRow,
    SignGroup,
    header_cells,
    header_depth,
)
from exports.model import ReportStyle
from exports.pdf_table import markup

TEXT, TABLE, SMALL = 9.5, 8.0, 6.5
PAD = 2.0
CODE_W, CODE_LABEL_W = 26 * mm, 34 * mm
DRAFT_TEXT = "ПРОЕКТ"
KEEP_ROWS = 2


def write_form_pdf(form: FormDocument, path: str | os.PathLike[str], style: ReportStyle) -> None:
    font = register_font(find_cyrillic_font(style.pdf_font_path, family=style.font_name))
    builder = _Builder(form, style, font)
    with atomic_target(path) as tmp:
        builder.build(str(tmp))


class _Builder:
    def __init__(self, form: FormDocument, style: ReportStyle, font: RegisteredFont) -> None:
        self.form, self.font = form, font
        self.pagesize = landscape(A4) if form.landscape else A4
        self.margins = style.margins
        m = self.margins
        self.width = self.pagesize[0] - (m.left + m.right) * mm
        self.height = self.pagesize[1] - (m.top + m.bottom) * mm
        self.text = self._style("t", TEXT, TA_LEFT)
        self.body = self._style("b", TEXT, TA_JUSTIFY)
        self.title = self._style("h", TEXT + 1, TA_CENTER, bold=True)
        self.cell = self._style("c", TABLE, TA_LEFT)
        self.cell_r = self._style("cr", TABLE, TA_RIGHT)
        self.cell_c = self._style("cc", TABLE, TA_CENTER)
        self.cell_h = self._style("ch", TABLE - 1, TA_CENTER)
        self.cell_b = self._style("cb", TABLE, TA_LEFT, bold=True)
        self.caption = self._style("s", SMALL, TA_CENTER)

    def _style(self, name: str, size: float, align: int, bold: bool = False) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=self.font.bold if bold else self.font.regular,
                              fontSize=size, leading=round(size * 1.18, 2), alignment=align)

    def p(self, text: str, style: ParagraphStyle) -> Paragraph:
        return Paragraph(markup(text), style)

    # ------------------------------------------------------------------ document

    def build(self, path: str) -> None:
        m = self.margins
        doc = BaseDocTemplate(path, pagesize=self.pagesize, leftMargin=m.left * mm,
                              rightMargin=m.right * mm, topMargin=m.top * mm,
                              bottomMargin=m.bottom * mm, title=self.form.title,
                              creator="IMC Desktop")
        frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        doc.addPageTemplates([PageTemplate("form", [frame], onPage=self._on_page)])
        doc.build(self.story())

    def _on_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        if doc.page > 1:
            canvas.setFont(self.font.regular, SMALL + 1)
            y = self.pagesize[1] - self.margins.top * mm / 2
            canvas.drawRightString(self.pagesize[0] - self.margins.right * mm, y,
                                   f"Форма {self.form.okud} с. {doc.page}")
        if self.form.draft:
            canvas.setFont(self.font.bold, 30)
            canvas.setFillColor(colors.Color(0.55, 0.55, 0.55))
            canvas.translate(self.margins.left * mm * 0.55, self.pagesize[1] / 2)
            canvas.rotate(90)
            canvas.drawCentredString(0, 0, " ".join(DRAFT_TEXT))
        canvas.restoreState()

    def story(self) -> list[Flowable]:
        head: list[Flowable] = [*self._approvals(), self._header(), Spacer(1, 6)]
        used = sum(_height(f, self.width) for f in head)
        out = list(head)
        blocks = self.form.blocks
        last_table = max((i for i, b in enumerate(blocks) if isinstance(b, FormTable)),
                         default=-1)
        for i, block in enumerate(blocks):
            if i == last_table and isinstance(block, FormTable):
                tail = [f for b in blocks[i + 1:] for f in self._block(b)]
                out += self._last_table(block, tail, used)
                break
            made = self._block(block)
            out += made
            used += sum(_height(f, self.width) for f in made)
        return out

    def _block(self, block: str | FormTable | SignGroup) -> list[Flowable]:
        if isinstance(block, str):
            return [self.p(block, self.body), Spacer(1, 3)]
        if isinstance(block, SignGroup):
            return [Spacer(1, 4), self._signatures(block)]
        return self._table_flowables(block)

    # ------------------------------------------------------------------ head

    def _approvals(self) -> list[Flowable]:
        if not self.form.approvals:
            return []
        cell_w = 85 * mm
        cells = [self._approval(a, cell_w) for a in self.form.approvals]
        widths = [cell_w] * len(cells)
        gap = self.width - sum(widths)
        if len(cells) == 1:
            table = _layout([["", cells[0]]], [gap, cell_w])
        else:
            table = _layout([[cells[0], "", cells[1]]], [cell_w, gap, cell_w])
        return [table, Spacer(1, 6)]

    def _approval(self, a: Approval, width: float) -> Table:
        rows = [[self.p(a.heading, self.title)], [self.p(a.title, self.text)],
                [self._signature_table([("", a.position, a.name)], width, roles=False)],
                [self.p(a.date_text, self.text)]]
        return _layout(rows, [width])

    def _header(self) -> Table:
        left_w = self.width - CODE_LABEL_W - CODE_W
        rows: list[list[Any]] = [["", "", self.p("КОДЫ", self.cell_c)]]
        cmds: list[tuple[Any, ...]] = [("BOX", (2, 0), (2, 0), 0.8, colors.black)]
        for i, r in enumerate(self.form.header, 1):
            rows.append([self._header_left(r, left_w), self.p(r.code_label, self.cell_r),
                         self.p(r.code or "", self.cell_c)])
            if r.code is not None:
                cmds.append(("BOX", (2, i), (2, i), 0.8, colors.black))
        table = _layout(rows, [left_w, CODE_LABEL_W, CODE_W])
        table.setStyle(TableStyle([*cmds, ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                                   ("RIGHTPADDING", (1, 0), (1, -1), 3),
                                   ("TOPPADDING", (0, 0), (-1, -1), 1.5)]))
        return table

    def _header_left(self, r: HeaderRow, width: float) -> Any:
        if r.title:
            return self.p(r.value or r.label, self.title)
        if not r.value and not r.label:
            return ""
        if not r.value:
            return self.p(r.label, self.text)
        label_w = min(stringWidth(r.label, self.font.regular, TEXT) + 6, width * 0.45)
        if not r.label:
            label_w = 0
        table = _layout([[self.p(r.label, self.text), self.p(r.value, self.text)]],
                        [label_w, width - label_w - 8])
        table.setStyle(TableStyle([("LINEBELOW", (1, 0), (1, 0), 0.5, colors.black),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        return table

    # ------------------------------------------------------------------ tables

    def _widths(self, table: FormTable) -> list[float]:
        weight = sum(c.width for c in table.columns) or 1.0
        return [self.width * c.width / weight for c in table.columns]

    def _head_rows(self, table: FormTable) -> tuple[list[list[Any]], list[tuple[Any, ...]]]:
        depth = header_depth(table.columns)
        n = len(table.columns)
        rows: list[list[Any]] = [[""] * n for _ in range(depth + 1)]
        cmds: list[tuple[Any, ...]] = []
        for row, col, rspan, cspan, text in header_cells(table.columns):
            rows[row][col] = self.p(text, self.cell_h)
            if rspan > 1 or cspan > 1:
                cmds.append(("SPAN", (col, row), (col + cspan - 1, row + rspan - 1)))
        rows[depth] = [self.p(str(i), self.cell_h) for i in range(1, n + 1)]
        cmds += [("VALIGN", (0, 0), (-1, depth - 1), "MIDDLE")]
        return rows, cmds

    def _data_row(self, table: FormTable, values: Sequence[FormCell],
                  bold: bool = False) -> list[Any]:
        out: list[Any] = []
        for v, c in zip(values, table.columns, strict=False):
            style = self.cell_r if is_number(c) else self.cell
            if c.kind == "date":
                style = self.cell_c
            if bold and not is_number(c):
                style = self.cell_b
            out.append(self.p(cell_text(v, c), style))
        return out

    def _grid(self, table: FormTable, body: list[list[Any]], head: bool,
              totals: int = 0) -> Table:
        widths = self._widths(table)
        rows: list[list[Any]] = []
        cmds: list[tuple[Any, ...]] = []
        head_n = 0
        if head:
            rows, cmds = self._head_rows(table)
            head_n = len(rows)
        rows += body
        grid = Table(rows, colWidths=widths, repeatRows=head_n, hAlign="LEFT")
        style: list[tuple[Any, ...]] = [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
            *((f"{s}PADDING", (0, 0), (-1, -1), PAD) for s in ("LEFT", "RIGHT", "TOP", "BOTTOM")),
            *cmds]
        span = label_span(table) - 1
        for k in range(totals):
            r = len(rows) - 1 - k
            if span > 0:
                style.append(("SPAN", (0, r), (span, r)))
        grid.setStyle(TableStyle(style))
        return grid

    def _totals_row(self, table: FormTable, label: str, rows: object = None) -> list[Any]:
        return self._data_row(table, totals_cells(table, label, rows), bold=True)

    def _table_flowables(self, table: FormTable) -> list[Flowable]:
        out: list[Flowable] = []
        if table.title:
            out.append(self.p(table.title, self.title))
            out.append(Spacer(1, 3))
        body = [self._data_row(table, r) for r in table.rows]
        totals = 0
        if table.totals and any(c.total for c in table.columns):
            body.append(self._totals_row(table, table.totals_label))
            totals = 1
        if not body:
            body = [[""] * len(table.columns)]
        out += [self._grid(table, body, head=True, totals=totals), Spacer(1, 6)]
        return out

    def _last_table(self, table: FormTable, tail: list[Flowable], used: float) -> list[Flowable]:
        """The last table, paged by hand when it has page totals; its last rows kept with
        everything after it (the totals in words, the conclusion, the signatures)."""
        title = [self.p(table.title, self.title), Spacer(1, 3)] if table.title else []
        used += sum(_height(f, self.width) for f in title)
        if not table.page_totals:
            return self._kept_tail(table, tail, title)
        pages = self._pages(table, tail, used)
        out: list[Flowable] = list(title) if len(pages) > 1 else []
        has_totals = table.totals and any(c.total for c in table.columns)
        for k, rows in enumerate(pages):
            last = k == len(pages) - 1
            body = [self._data_row(table, r) for r in rows]
            body.append(self._totals_row(table, "Итого по странице", rows))
            n_tot = 1
            if last and has_totals:
                body.append(self._totals_row(table, table.totals_label))
                n_tot = 2
            grid = self._grid(table, body, head=True, totals=n_tot)
            if last:
                out.append(KeepTogether([*([] if out or k else title), grid, Spacer(1, 6),
                                         *tail]))
            else:
                out += [grid, PageBreak()]
        return out

    def _kept_tail(self, table: FormTable, tail: list[Flowable],
                   title: list[Flowable]) -> list[Flowable]:
        rows = [self._data_row(table, r) for r in table.rows]
        totals = 1 if table.totals and any(c.total for c in table.columns) else 0
        if totals:
            rows.append(self._totals_row(table, table.totals_label))
        keep = min(len(rows), KEEP_ROWS + totals)
        if len(rows) - keep <= 0:
            grid = self._grid(table, rows or [[""] * len(table.columns)], head=True,
                              totals=totals)
            return [KeepTogether([*title, grid, Spacer(1, 6), *tail])]
        first = self._grid(table, rows[:-keep], head=True)
        rest = self._grid(table, rows[-keep:], head=False, totals=totals)
        return [*title, first, KeepTogether([rest, Spacer(1, 6), *tail])]

    def _pages(self, table: FormTable, tail: list[Flowable],
               used: float) -> list[list[Sequence[FormCell]]]:
        """The rows of each page: as many as fit above a page-totals row; the last page gets
        at least two rows when the totals and the tail would not fit beside its rows."""
        head_h = _height(self._grid(table, [], head=True), self.width)
        total_h = _height(self._grid(table, [self._totals_row(table, "Итого по странице")],
                                     head=False, totals=1), self.width) + 2
        tail_h = sum(_height(f, self.width) for f in tail) + 6 + total_h
        whole = self._grid(table, [self._data_row(table, r) for r in table.rows], head=True)
        whole.wrap(self.width, 10_000_000)
        heights = list(whole._rowHeights[header_depth(table.columns) + 1:])
        pages: list[list[Sequence[FormCell]]] = [[]]
        free = self.height - used - head_h - total_h - 4
        for row, h in zip(table.rows, heights, strict=True):
            if h > free and pages[-1]:
                pages.append([])
                free = self.height - head_h - total_h - 4
            pages[-1].append(row)
            free -= h
        if free < tail_h and len(pages[-1]) > KEEP_ROWS:
            last = pages[-1]
            pages[-1], moved = last[:-KEEP_ROWS], last[-KEEP_ROWS:]
            pages.append(moved)
        return [p for p in pages if p] or [[]]

    # ------------------------------------------------------------------ signatures

    def _signatures(self, group: SignGroup) -> Table:
        rows: list[list[Any]] = []
        if group.heading:
            rows.append([self.p(group.heading, self.text)])
        lines = [(s.role, s.position, s.name) for s in group.lines]
        rows.append([self._signature_table(lines, self.width)])
        if group.dated:
            rows.append([self.p("«____» ____________ 20___ г.", self.text)])
        return _layout(rows, [self.width])

    def _signature_table(self, lines: list[tuple[str, str, str]], width: float,
                         roles: bool = True) -> Table:
        role_w = min(60 * mm, width * 0.28) if roles else 0
        rest = width - role_w
        widths = [role_w, rest * 0.36, 4 * mm, rest * 0.22, 4 * mm, rest * 0.42 - 8 * mm]
        rows: list[list[Any]] = []
        cmds: list[tuple[Any, ...]] = []
        for role, position, name in lines:
            r = len(rows)
            rows.append([self.p(role, self.text), self.p(position, self.cell_c), "", "", "",
                         self.p(name, self.cell_c)])
            rows.append(["", *(self.p(c, self.caption) for c in SIGN_CAPTIONS[:1]), "",
                         self.p(SIGN_CAPTIONS[1], self.caption), "",
                         self.p(SIGN_CAPTIONS[2], self.caption)])
            cmds += [("LINEBELOW", (c, r), (c, r), 0.5, colors.black) for c in (1, 3, 5)]
            cmds.append(("BOTTOMPADDING", (0, r + 1), (-1, r + 1), 4))
        table = _layout(rows, widths)
        table.setStyle(TableStyle(cmds))
        return table


def _layout(rows: list[list[Any]], widths: list[float]) -> Table:
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        *((f"{s}PADDING", (0, 0), (-1, -1), 0) for s in ("LEFT", "RIGHT", "TOP", "BOTTOM"))]))
    return table


def _height(flowable: Flowable, width: float) -> float:
    _w, h = flowable.wrap(width, 10_000)
    return float(h)
