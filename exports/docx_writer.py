"""Report → .docx (python-docx; big tables are built as XML text, see :mod:`docx_xml`)."""

from __future__ import annotations

import os
from typing import Any

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm, Pt, Twips
from docx.text.paragraph import Paragraph

from exports import docx_headers
from exports._io import CancelledFn, ProgressFn, Ticker, atomic_target
from exports.docx_xml import CellFormat, row_xml, table_xml, twips_from_mm
from exports.errors import ExportError
from exports.layout import (
    DataChunk,
    GroupHeading,
    TotalsRow,
    format_cell,
    iter_blocks,
    merge_sections,
    table_size,
)
from exports.model import DEFAULT_STYLE, Report, ReportColumn, ReportStyle, ReportTable, format_date
from exports.safe_text import clean_report
from exports.typography import NBSP
from exports.widths import Measure, content_widths

_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "both": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
APPROVAL_WIDTH_MM = 80.0
FIRST_LINE_INDENT_MM = 12.5
SMALL_SIZE = 10.0
CELL_PADDING_PT = 8.0
#: Rows of the last table that never part from the signatures after it.
KEEP_LAST_ROWS = 2
_KEEP_NEXT = "<w:keepNext/>"


def write_docx(
    report: Report,
    path: str | os.PathLike[str],
    style: ReportStyle = DEFAULT_STYLE,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> None:
    """Write ``report`` as a Word document (A4, ГОСТ Р 7.0.97-2025 layout) to ``path``."""
    report = merge_sections(clean_report(report, tied=True))
    ticker = Ticker(report.total_rows, progress, cancelled)
    ticker.start()
    doc = _DocxBuilder(report, style, ticker).build()
    ticker.finish()
    with atomic_target(path) as tmp:
        doc.save(str(tmp))


def _open_base(style: ReportStyle) -> Document:
    if style.letterhead_docx is None:
        return docx.Document()
    try:
        return docx.Document(str(style.letterhead_docx))
    except Exception as exc:  # noqa: BLE001 - missing, locked or not a .docx
        raise ExportError(
            f"Не удалось открыть бланк «{style.letterhead_docx}»: "
            "файл не найден или не является документом Word (.docx)."
        ) from exc


def _ensure_style(doc: Document, name: str, font: str, size: float) -> Any:
    styles = doc.styles
    try:
        st = styles[name]
    except KeyError:
        st = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    st.font.name = font
    st.font.size = Pt(size)
    rfonts = st.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), font)
    pf = st.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.line_spacing = 1.0
    return st


class _DocxBuilder:
    def __init__(self, report: Report, style: ReportStyle, ticker: Ticker) -> None:
        self.report = report
        self.style = style
        self.ticker = ticker
        self.doc = _open_base(style)
        self.letterhead = style.letterhead_docx is not None
        font = style.font_name
        self.text_style = _ensure_style(self.doc, "IMC Text", font, style.text_size)
        self.table_style = _ensure_style(self.doc, "IMC Table", font, style.table_size)
        self.small_style = _ensure_style(self.doc, "IMC Small", font, SMALL_SIZE)
        if not self.letterhead:
            _ensure_style(self.doc, "Normal", font, style.text_size)
        m = style.margins
        page_w = 297.0 if report.is_landscape else 210.0
        self.text_width_mm = page_w - m.left - m.right
        self.text_width = twips_from_mm(self.text_width_mm)

    def build(self) -> Document:
        self._setup_sections()
        self._add_approval()
        if not self.letterhead:
            self._add_header_block()
        self._add_titles()
        for text in self.report.paragraphs:
            self._body_paragraph(text)
        r = self.report
        self.keep_tail = bool(r.closing_paragraphs or r.signatures or r.executor_name
                              or r.executor_phone)
        for i, table in enumerate(r.tables):
            self._add_table(table, last=i == len(r.tables) - 1)
        for text in r.closing_paragraphs:
            self._body_paragraph(text)
            self._keep_last_paragraph()
        self._add_signatures()
        self._add_executor()
        props = self.doc.core_properties
        props.title = self.report.title
        props.author = self.report.executor_name
        return self.doc

    # ------------------------------------------------------------------ page setup

    def _setup_sections(self) -> None:
        m = self.style.margins
        landscape = self.report.is_landscape
        for section in self.doc.sections:
            section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
            section.page_width = Mm(297 if landscape else 210)
            section.page_height = Mm(210 if landscape else 297)
            section.left_margin = Mm(m.left)
            section.right_margin = Mm(m.right)
            section.top_margin = Mm(m.top)
            section.bottom_margin = Mm(m.bottom)
            section.header_distance = Mm(min(10.0, m.top / 2))
        docx_headers.add_page_numbers(
            self.doc.sections[-1], self.table_style.style_id, keep_first=self.letterhead
        )

    # ------------------------------------------------------------------ text blocks

    def _para(
        self, text: str, style: Any = None, align: str = "left", bold: bool = False
    ) -> Paragraph:
        p = self.doc.add_paragraph(style=style or self.text_style)
        p.alignment = _ALIGN[align]
        if text:
            p.add_run(text).bold = bold or None
        return p

    def _body_paragraph(self, text: str) -> None:
        p = self._para(text, align="both")
        p.paragraph_format.first_line_indent = Mm(FIRST_LINE_INDENT_MM)

    def _add_approval(self) -> None:
        a = self.report.approval
        if a is None:
            return
        indent = Mm(max(self.text_width_mm - APPROVAL_WIDTH_MM, 0))
        for line in ("УТВЕРЖДАЮ", a.position, f"_______________ {a.name}", a.date_text):
            if line:
                self._para(line).paragraph_format.left_indent = indent
        self._para("")

    def _add_header_block(self) -> None:
        lines = [t for t in (self.report.department, self.report.organization) if t]
        for line in lines:
            self._para(line, align="center", bold=True)
        if lines:
            self._para("")

    def _add_titles(self) -> None:
        r = self.report
        for line in (r.title, r.heading):
            if line:
                self._para(line, align="center", bold=True).paragraph_format.keep_with_next = True
        date_text = format_date(r.date)
        if date_text or r.number:
            number = f"№{NBSP}{r.number}" if r.number else ""
            p = self._para(f"{date_text}\t{number}" if date_text else number)
            p.paragraph_format.tab_stops.add_tab_stop(
                Twips(self.text_width), WD_TAB_ALIGNMENT.RIGHT
            )
        if r.params_line:
            self._para(r.params_line, align="center")
        self._para("")

    # ------------------------------------------------------------------ tables

    def _append_block(self, element: BaseOxmlElement) -> None:
        body = self.doc.element.body
        sect_pr = body.find(qn("w:sectPr"))
        if sect_pr is not None:
            sect_pr.addprevious(element)
        else:
            body.append(element)

    def _keep_last_paragraph(self) -> None:
        """The last paragraph so far stays on the page of what follows it."""
        if self.keep_tail:
            self.doc.paragraphs[-1].paragraph_format.keep_with_next = True

    def _add_table(self, table: ReportTable, last: bool = False) -> None:
        if table.title:
            p = self._para(table.title, align="center", bold=True)
            p.paragraph_format.keep_with_next = True
            p.paragraph_format.space_before = Pt(6)
        columns = table.columns
        if not columns:
            return
        size = table_size(table, self.style.table_size)
        self.table_style = _ensure_style(self.doc, _table_style_name(size, self.style),
                                         self.style.font_name, size)
        regular, bold = _measures(self.style, size)
        widths_pt = content_widths(table, self.text_width / 20, regular, bold, CELL_PADDING_PT)
        widths = [round(w * 20) for w in widths_pt]
        rows = [self._header_row(columns, widths)]
        rows += self._body_rows(table, widths)
        if last and self.keep_tail:
            tail = max(len(rows) - KEEP_LAST_ROWS, 1)
            rows[tail:] = [_keep_next(row) for row in rows[tail:]]
        self._append_block(table_xml(widths, rows))
        self._para("")
        if last:
            self._keep_last_paragraph()

    def _header_row(self, columns: tuple[ReportColumn, ...], widths: list[int]) -> str:
        sid = self.table_style.style_id
        prefixes = [
            CellFormat(w, sid, "center", bold=True, valign="center").prefix() for w in widths
        ]
        return row_xml(prefixes, [c.title for c in columns], header=True)

    def _body_rows(self, table: ReportTable, widths: list[int]) -> list[str]:
        sid = self.table_style.style_id
        columns = table.columns
        n = len(columns)
        plain = [
            CellFormat(w, sid, c.effective_align).prefix()
            for w, c in zip(widths, columns, strict=True)
        ]
        bold = [
            CellFormat(w, sid, c.effective_align, bold=True).prefix()
            for w, c in zip(widths, columns, strict=True)
        ]
        group_prefix = [
            CellFormat(sum(widths), sid, "left", bold=True, span=n, keep_next=True).prefix()
        ]
        out: list[str] = []
        for block in iter_blocks(table):
            if isinstance(block, DataChunk):
                for row in block.rows:
                    texts = [format_cell(v, c) for v, c in zip(row, columns, strict=False)]
                    texts += [""] * (n - len(texts))
                    out.append(row_xml(plain, texts))
                self.ticker.step(len(block.rows))
            elif isinstance(block, GroupHeading):
                out.append(row_xml(group_prefix, [block.text]))
            else:
                out.append(self._totals_row(block, columns, widths, bold))
        return out

    def _totals_row(
        self,
        block: TotalsRow,
        columns: tuple[ReportColumn, ...],
        widths: list[int],
        bold: list[str],
    ) -> str:
        texts = [format_cell(v, c) for v, c in zip(block.values, columns, strict=True)]
        span = block.label_span
        if span == 0:
            return row_xml(bold, texts)
        label = CellFormat(sum(widths[:span]), self.table_style.style_id, "left", bold=True,
                           span=span).prefix()
        return row_xml([label, *bold[span:]], [texts[0], *texts[span:]])

    # ------------------------------------------------------------------ signatures

    def _add_signatures(self) -> None:
        sigs = self.report.signatures
        if not sigs:
            return
        self._para("")
        self._keep_last_paragraph()
        sid = self.text_style.style_id
        left = round(self.text_width * 0.6)
        widths = [left, self.text_width - left]
        prefixes = [
            CellFormat(widths[0], sid, "left", valign="bottom").prefix(),
            CellFormat(widths[1], sid, "right", valign="bottom").prefix(),
        ]
        rows: list[str] = []
        for i, sig in enumerate(sigs):
            if i:
                rows.append(row_xml(prefixes, ["", ""]))
            rows.append(row_xml(prefixes, [sig.position, sig.name]))
        if self.report.executor_name or self.report.executor_phone:
            rows = [_keep_next(row) for row in rows]
        else:
            rows[:-1] = [_keep_next(row) for row in rows[:-1]]
        self._append_block(table_xml(widths, rows, borders=False))

    def _add_executor(self) -> None:
        r = self.report
        if not (r.executor_name or r.executor_phone):
            return
        lines = [f"Исполнитель: {r.executor_name}" if r.executor_name else "",
                 f"тел. {r.executor_phone}" if r.executor_phone else ""]
        for text in ["", "", *(t for t in lines if t)]:
            p = self._para(text, style=self.small_style if text else None)
            p.paragraph_format.keep_with_next = True
        p.paragraph_format.keep_with_next = None



def _keep_next(row: str) -> str:
    """A prepared ``w:tr`` whose paragraphs keep with the next one (cantSplit is set)."""
    if _KEEP_NEXT in row:
        return row
    return row.replace('"/><w:jc ', '"/>' + _KEEP_NEXT + "<w:jc ")


def _table_style_name(size: float, style: ReportStyle) -> str:
    """«IMC Table», or «IMC Table 9» for a list set smaller than the style's table size."""
    return "IMC Table" if size == style.table_size else f"IMC Table {size:g}"


def _measures(style: ReportStyle, size: float) -> tuple[Measure, Measure]:
    """Text widths in points at ``size``: the PDF font's metrics when there is one
    (the same family as Word's), else an average letter width."""
    try:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        from exports.fonts import find_cyrillic_font, register_font

        font = register_font(find_cyrillic_font(style.pdf_font_path, family=style.font_name))
    except ExportError:
        return (lambda t: len(t) * size * 0.5), (lambda t: len(t) * size * 0.56)

    def regular(text: str) -> float:
        return float(stringWidth(text, font.regular, size))

    def bold(text: str) -> float:
        return float(stringWidth(text, font.bold, size))

    return regular, bold
