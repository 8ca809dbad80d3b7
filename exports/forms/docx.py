"""A form → .docx: the title, the head with the codes block at the right, the numbered table
(headings repeated on each page), «Итого», the texts and the signature lines with their
captions. The last rows of the table are kept with what follows (keep-with-next); a draft
carries «ПРОЕКТ» in the top margin of every page (the page header)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table, _Cell

from exports._io import atomic_target
from exports.forms.cells import cell_text, is_number, label_span, totals_cells
from exports.forms.model import (
    SIGN_CAPTIONS,
    FormCell,
    FormDocument,
    FormTable,
    SignGroup,
    header_cells,
    header_depth,
)
from exports.model import ReportStyle

TEXT, TABLE, SMALL = 10, 8, 6.5
KEEP_ROWS = 2
DRAFT_TEXT = "ПРОЕКТ"


def write_form_docx(form: FormDocument, path: str | os.PathLike[str],
                    style: ReportStyle) -> None:
    document = docx.Document()
    _page(document, form, style)
    body = _Body(document, form, style)
    body.write()
    with atomic_target(path) as tmp:
        document.save(str(tmp))


def _page(document: Any, form: FormDocument, style: ReportStyle) -> None:
    section = document.sections[0]
    long, short = Mm(297), Mm(210)
    section.orientation = WD_ORIENT.LANDSCAPE if form.landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (long, short) if form.landscape else (short, long)
    m = style.margins
    section.left_margin, section.right_margin = Mm(m.left), Mm(m.right)
    section.top_margin, section.bottom_margin = Mm(m.top), Mm(m.bottom)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = style.font_name, Pt(TEXT)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), style.font_name)
    normal.paragraph_format.space_after = Pt(0)
    if form.draft:
        header = section.header.paragraphs[0]
        run = header.add_run(" ".join(DRAFT_TEXT))
        run.bold, run.font.size = True, Pt(20)
        run.font.color.rgb = RGBColor(0x8C, 0x8C, 0x8C)


class _Body:
    def __init__(self, document: Any, form: FormDocument, style: ReportStyle) -> None:
        self.doc, self.form = document, form
        section = document.sections[0]
        self.width = section.page_width - section.left_margin - section.right_margin

    def write(self) -> None:
        self._approvals()
        self._title()
        self._header()
        blocks = self.form.blocks
        last = max((i for i, b in enumerate(blocks) if isinstance(b, FormTable)), default=-1)
        for i, block in enumerate(blocks):
            if isinstance(block, str):
                self._para(block, keep=i > last >= 0 and i < len(blocks) - 1,
                           align=WD_ALIGN_PARAGRAPH.JUSTIFY)
            elif isinstance(block, SignGroup):
                self._signatures(block, keep=i > last >= 0 and i < len(blocks) - 1)
            else:
                self._table(block, keep_tail=i == last)

    # ------------------------------------------------------------------ texts

    def _para(self, text: str, size: float = TEXT, bold: bool = False, keep: bool = False,
              align: Any = None, container: Any = None) -> Any:
        p = (container or self.doc).add_paragraph()
        run = p.add_run(text)
        run.font.size, run.bold = Pt(size), bold
        if align is not None:
            p.alignment = align
        p.paragraph_format.keep_with_next = keep
        return p

    def _approvals(self) -> None:
        approvals = self.form.approvals
        if not approvals:
            return
        table = self.doc.add_table(rows=1, cols=3)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        cells = [table.cell(0, 2)] if len(approvals) == 1 else [table.cell(0, 0),
                                                                 table.cell(0, 2)]
        for cell, a in zip(cells, approvals, strict=True):
            cell.paragraphs[0].add_run(a.heading).bold = True
            self._para(a.title, container=cell)
            self._sign_rows(cell, [("", a.position, a.name)], roles=False)
            self._para(a.date_text, container=cell)
        self._para("")

    def _title(self) -> None:
        self._para(self.form.title, TEXT + 1, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        for row in self.form.header:
            if row.title and row.value not in self.form.title:
                self._para(row.value, TEXT + 1, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)

    def _header(self) -> None:
        rows = [r for r in self.form.header if not r.title or r.code is not None]
        table = self.doc.add_table(rows=len(rows) + 1, cols=3)
        _widths(table, [self.width * 0.66, self.width * 0.18, self.width * 0.16])
        top = table.cell(0, 2)
        _text(top, "КОДЫ", SMALL + 1, center=True)
        _box(top)
        for i, r in enumerate(rows, 1):
            left = table.cell(i, 0)
            if not r.title and (r.label or r.value):
                p = left.paragraphs[0]
                p.add_run(f"{r.label} ").font.size = Pt(TEXT)
                value = p.add_run(r.value)
                value.font.size, value.underline = Pt(TEXT), bool(r.value)
            _text(table.cell(i, 1), r.code_label, SMALL + 1, right=True)
            if r.code is not None:
                _text(table.cell(i, 2), r.code, TABLE, center=True)
                _box(table.cell(i, 2))
        self._para("")

    # ------------------------------------------------------------------ tables

    def _table(self, t: FormTable, keep_tail: bool) -> None:
        if t.title:
            self._para(t.title, TEXT, bold=True, keep=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        depth = header_depth(t.columns)
        body: list[tuple[Sequence[FormCell], bool]] = [(r, False) for r in t.rows]
        if t.totals and any(c.total for c in t.columns):
            body.append((totals_cells(t, t.totals_label), True))
        table = self.doc.add_table(rows=depth + 1 + len(body), cols=len(t.columns))
        table.style = "Table Grid"
        table._tbl.tblPr.append(parse_xml(
            f'<w:tblCellMar {nsdecls("w")}><w:left w:w="28" w:type="dxa"/>'
            '<w:right w:w="28" w:type="dxa"/></w:tblCellMar>'))
        weight = sum(c.width for c in t.columns) or 1.0
        _widths(table, [self.width * c.width / weight for c in t.columns])
        for row, col, rspan, cspan, text in header_cells(t.columns):
            cell = table.cell(row, col)
            if rspan > 1 or cspan > 1:
                cell = cell.merge(table.cell(row + rspan - 1, col + cspan - 1))
            _text(cell, text, SMALL + 0.5, center=True)
        for i in range(len(t.columns)):
            _text(table.cell(depth, i), str(i + 1), SMALL + 0.5, center=True)
        for k in range(depth + 1):
            _repeat_header(table.rows[k])
        for n, (values, total) in enumerate(body):
            r = depth + 1 + n
            keep = keep_tail and n >= len(body) - KEEP_ROWS - (1 if total or body[-1][1]
                                                               else 0)
            self._row(table, t, r, values, total, keep)
        self._para("", keep=keep_tail)

    def _row(self, table: Table, t: FormTable, r: int, values: Sequence[FormCell],
             total: bool, keep: bool) -> None:
        span = label_span(t) if total else 1
        row_cells = table.rows[r].cells  # once per row: table.cell() is slow on long tables
        if span > 1:
            row_cells[0].merge(row_cells[span - 1])
        for i, (v, c) in enumerate(zip(values, t.columns, strict=False)):
            if total and 0 < i < span:
                continue
            cell = row_cells[i]
            _text(cell, cell_text(v, c), TABLE, right=is_number(c) or total and i == 0,
                  center=c.kind == "date", bold=total)
            for p in cell.paragraphs:
                p.paragraph_format.keep_with_next = keep
        _cant_split(table.rows[r])

    # ------------------------------------------------------------------ signatures

    def _signatures(self, group: SignGroup, keep: bool) -> None:
        if group.heading:
            self._para(group.heading, keep=True)
        table = self.doc.add_table(rows=0, cols=6)
        self._sign_rows(table, [(s.role, s.position, s.name) for s in group.lines], keep=keep)
        if group.dated:
            self._para("«____» ____________ 20___ г.", keep=keep)

    def _sign_rows(self, container: Any, lines: list[tuple[str, str, str]],
                   roles: bool = True, keep: bool = True) -> None:
        table = container if isinstance(container, Table) else container.add_table(0, 6)
        full = self.width if roles else self.width * 0.42
        role_w = full * 0.24 if roles else 0
        rest = full - role_w
        widths = [role_w, rest * 0.36, rest * 0.03, rest * 0.24, rest * 0.03, rest * 0.34]
        for role, position, name in lines:
            cells = table.add_row().cells
            _text(cells[0], role, TEXT)
            for i, text in ((1, position), (3, ""), (5, name)):
                _text(cells[i], text, TABLE, center=True)
                _bottom_line(cells[i])
            captions = table.add_row().cells
            for i, text in zip((1, 3, 5), SIGN_CAPTIONS, strict=True):
                _text(captions[i], text, SMALL, center=True)
            for row in (cells, captions):
                for cell in row:
                    for p in cell.paragraphs:
                        p.paragraph_format.keep_with_next = keep
        _widths(table, widths)


def _text(cell: _Cell, text: str, size: float, center: bool = False, right: bool = False,
          bold: bool = False) -> None:
    p = cell.paragraphs[0]
    run = p.add_run(text)
    run.font.size, run.bold = Pt(size), bold
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif right:
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _widths(table: Table, widths: Sequence[int | float]) -> None:
    """Column widths that Word and LibreOffice both keep: the grid, a fixed layout, each
    cell."""
    table.autofit = False
    grid = table._tbl.tblGrid
    for col, w in zip(grid.findall(qn("w:gridCol")), widths, strict=False):
        col.set(qn("w:w"), str(int(w) // 635))
    tbl_pr = table._tbl.tblPr
    tbl_pr.append(parse_xml(f'<w:tblLayout {nsdecls("w")} w:type="fixed"/>'))
    for row in table.rows:
        for cell, w in zip(row.cells, widths, strict=False):
            cell.width = int(w)


def _borders(cell: _Cell, sides: Sequence[str]) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    xml = "".join(f'<w:{s} w:val="single" w:sz="6" w:space="0" w:color="000000"/>'
                  for s in sides)
    tc_pr.append(parse_xml(f"<w:tcBorders {nsdecls('w')}>{xml}</w:tcBorders>"))


def _box(cell: _Cell) -> None:
    _borders(cell, ("top", "left", "bottom", "right"))


def _bottom_line(cell: _Cell) -> None:
    _borders(cell, ("bottom",))


def _repeat_header(row: Any) -> None:
    row._tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))


def _cant_split(row: Any) -> None:
    row._tr.get_or_add_trPr().append(parse_xml(f'<w:cantSplit {nsdecls("w")}/>'))
