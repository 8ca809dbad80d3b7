"""Report → .pdf (reportlab platypus, embedded TrueType font with Cyrillic)."""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import LayoutError
from reportlab.platypus.flowables import TopPadder

from exports._io import CancelledFn, ProgressFn, Ticker, atomic_target
from exports.errors import ExportError
from exports.fonts import RegisteredFont, find_cyrillic_font, register_font
from exports.layout import (
    DataChunk,
    GroupHeading,
    TotalsRow,
    format_cell,
    is_list,
    iter_blocks,
    merge_sections,
    table_size,
)
from exports.model import DEFAULT_STYLE, Report, ReportStyle, ReportTable, format_date
from exports.pdf_table import (
    PADDING,
    CellStyles,
    PagedTable,
    PreparedRows,
    markup,
    row_commands,
)
from exports.safe_text import clean_report
from exports.typography import NBSP
from exports.widths import content_widths

APPROVAL_WIDTH = 80 * mm
FIRST_LINE_INDENT = 12.5 * mm
SMALL_SIZE = 10.0
LIST_PADDING = (2.0, 1.0)
#: Rows of a table that never part from the signatures after it.
KEEP_LAST_ROWS = 2
_A85_LOCK = threading.Lock()
_PLAIN_ALIGN = {"left": "LEFT", "center": "CENTER", "right": "RIGHT"}


def write_pdf(
    report: Report,
    path: str | os.PathLike[str],
    style: ReportStyle = DEFAULT_STYLE,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> None:
    """Write ``report`` as a PDF (A4, page numbers from page 2) to ``path``.

    Raises :class:`FontNotFoundError` when no TrueType font with Cyrillic is available.
    """
    report = merge_sections(clean_report(report, tied=True))
    font = register_font(find_cyrillic_font(style.pdf_font_path, family=style.font_name))
    ticker = Ticker(report.total_rows * 2, progress, cancelled)
    ticker.start()
    builder = _PdfBuilder(report, style, font, ticker)
    story = builder.story()
    with atomic_target(path) as tmp, _binary_streams():
        try:
            builder.build(tmp, story)
        except LayoutError as exc:
            raise ExportError(
                "Не удалось разместить содержимое отчёта на странице PDF: "
                "слишком длинный текст в ячейке таблицы."
            ) from exc
        ticker.finish()


class _PdfBuilder:
    def __init__(
        self, report: Report, style: ReportStyle, font: RegisteredFont, ticker: Ticker
    ) -> None:
        self.report = report
        self.style = style
        self.font = font
        self.ticker = ticker
        self.pagesize = landscape(A4) if report.is_landscape else A4
        m = style.margins
        self.width = self.pagesize[0] - (m.left + m.right) * mm
        self.frame_height = self.pagesize[1] - (m.top + m.bottom) * mm
        self.cells = CellStyles(font, style.table_size)
        size = style.text_size
        self.text = self._pstyle("text", size, TA_LEFT)
        self.center = self._pstyle("center", size, TA_CENTER)
        self.center_bold = self._pstyle("center-bold", size, TA_CENTER, bold=True)
        self.body = self._pstyle("body", size, TA_JUSTIFY, firstLineIndent=FIRST_LINE_INDENT)
        self.right = self._pstyle("right", size, TA_RIGHT)
        self.small = self._pstyle("small", SMALL_SIZE, TA_LEFT)

    def _pstyle(
        self, name: str, size: float, align: int, bold: bool = False, **kw: Any
    ) -> ParagraphStyle:
        font = self.font.bold if bold else self.font.regular
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=round(size * 1.15, 2),
                              alignment=align, **kw)

    # ------------------------------------------------------------------ document

    def build(self, path: Path, story: list[Flowable]) -> None:
        m = self.style.margins
        doc = BaseDocTemplate(
            str(path), pagesize=self.pagesize, leftMargin=m.left * mm, rightMargin=m.right * mm,
            topMargin=m.top * mm, bottomMargin=m.bottom * mm, title=self.report.title,
            author=self.report.executor_name, creator="IMC Desktop",
            initialFontName=self.font.regular, initialFontSize=self.style.text_size,
        )

        def frame() -> Frame:
            return Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height,
                         leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

        doc.addPageTemplates([
            PageTemplate("first", [frame()], onPage=self._first_page, autoNextPageTemplate="later"),
            PageTemplate("later", [frame()], onPage=self._later_page),
        ])
        doc.build(story)

    def _first_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        self.ticker.check()

    def _later_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        self.ticker.check()
        size = self.style.table_size
        top = self.style.margins.top * mm
        canvas.saveState()
        canvas.setFont(self.font.regular, size)
        y = self.pagesize[1] - top / 2 - size / 3
        canvas.drawCentredString(self.pagesize[0] / 2, y, str(doc.page))
        canvas.restoreState()

    # ------------------------------------------------------------------ story

    def _p(self, text: str, style: ParagraphStyle) -> Paragraph:
        return Paragraph(markup(text), style)

    def story(self) -> list[Flowable]:
        r = self.report
        out: list[Flowable] = [*self._approval(), *self._header_block(), *self._titles()]
        out += [self._p(t, self.body) for t in r.paragraphs]
        for table in r.tables:
            out += self._table(table)
        closing: list[Flowable] = [self._p(t, self.body) for t in r.closing_paragraphs]
        if closing:
            closing.insert(0, Spacer(1, self.style.text_size / 2))
        trailer = closing + self._signatures()
        bottom = self._executor()
        if not (trailer or bottom):
            return out
        last = next((f for f in reversed(out) if isinstance(f, PagedTable)), None)
        if last is not None and out[-2] is last and self._fits_with(last, trailer, bottom):
            out.pop()  # the spacer after the table
            last.trailer, last.bottom, last.keep_last = trailer, bottom, KEEP_LAST_ROWS
            return out
        # no table to lean on: the last paragraphs go with the signatures
        keep = 0 if r.tables else min(KEEP_LAST_ROWS, len(r.paragraphs))
        tail = out[len(out) - keep:] if keep else []
        out = out[:len(out) - keep] + [KeepTogether([*tail, *trailer])]
        if bottom is not None:
            out += [Spacer(1, 2 * SMALL_SIZE), TopPadder(bottom)]
        return out

    def _fits_with(self, table: PagedTable, trailer: list[Flowable],
                   bottom: Flowable | None) -> bool:
        """Whether the last rows, the trailer and the executor fit on one page at all."""
        flowables = [*trailer, *([bottom] if bottom else [])]
        height = sum(float(f.wrap(self.width, 1e6)[1]) for f in flowables)
        body = table.body
        last = 0.0
        if body.cells:
            last = body.ends[-1] - body.height_before(max(len(body.cells) - KEEP_LAST_ROWS, 0))
        return bool(table.header_height + last + height < self.frame_height * 0.9)

    def _approval(self) -> list[Flowable]:
        a = self.report.approval
        if a is None:
            return []
        indent = max(self.width - APPROVAL_WIDTH, 0)
        st = ParagraphStyle("approval", parent=self.text, leftIndent=indent)
        lines = ("УТВЕРЖДАЮ", a.position, f"_______________ {a.name}", a.date_text)
        return [*(self._p(t, st) for t in lines if t), Spacer(1, self.style.text_size)]

    def _header_block(self) -> list[Flowable]:
        lines = [t for t in (self.report.department, self.report.organization) if t]
        out: list[Flowable] = [self._p(t, self.center_bold) for t in lines]
        return [*out, Spacer(1, self.style.text_size)] if out else []

    def _titles(self) -> list[Flowable]:
        r = self.report
        out: list[Flowable] = [self._p(t, self.center_bold) for t in (r.title, r.heading) if t]
        if r.date or r.number:
            number = f"№{NBSP}{r.number}" if r.number else ""
            cells = [[self._p(format_date(r.date), self.text), self._p(number, self.right)]]
            out.append(_plain_table(cells, [self.width / 2] * 2, self.font.regular))
        if r.params_line:
            out.append(self._p(r.params_line, self.center))
        return [*out, Spacer(1, self.style.text_size)]

    def _signatures(self) -> list[Flowable]:
        rows: list[list[Any]] = []
        for sig in self.report.signatures:
            rows += [["", ""], [self._p(sig.position, self.text), self._p(sig.name, self.right)]]
        if not rows:
            return []
        left = self.width * 0.6
        table = _plain_table(rows, [left, self.width - left], self.font.regular)
        return [Spacer(1, self.style.text_size), table]

    def _executor(self) -> Flowable | None:
        r = self.report
        lines = []
        if r.executor_name:
            lines.append(f"Исполнитель: {r.executor_name}")
        if r.executor_phone:
            lines.append(f"тел. {r.executor_phone}")
        if not lines:
            return None
        rows = [[self._p(t, self.small)] for t in lines]
        table = _plain_table(rows, [self.width], self.font.regular)
        table.spaceBefore = 2 * SMALL_SIZE
        return table

    # ------------------------------------------------------------------ tables

    def _table(self, table: ReportTable) -> list[Flowable]:
        out: list[Flowable] = []
        if not table.columns:
            if table.title:
                out += [Spacer(1, 6), self._p(table.title, self.center_bold), Spacer(1, 4)]
            return out
        long_list = is_list(table)
        size = table_size(table, self.style.table_size)
        pad_x, pad_y = LIST_PADDING if long_list else (PADDING, PADDING)
        self.cells = CellStyles(self.font, size, pad_x, 1.1 if long_list else 1.2)
        widths = content_widths(table, self.width, self.cells.measure(),
                                self.cells.measure(bold=True), 2 * pad_x + 1)
        header, header_h = self._header(table, widths, pad_y)
        body = self._body(table, widths, pad_y)
        if table.title:
            title = self._p(table.title, self.center_bold)
            title_h = title.wrap(self.width, 1e6)[1]
            first_rows = body.ends[min(2, len(body.ends) - 1)] if body.ends else 0.0
            out += [CondPageBreak(title_h + 10 + header_h + first_rows),
                    Spacer(1, 6), title, Spacer(1, 4)]
        paged = PagedTable(header, header_h, body, widths,
                           self._base_style(table, pad_x, pad_y), on_rows=self.ticker.step)
        return [*out, paged, Spacer(1, self.style.text_size)]

    def _header(self, table: ReportTable, widths: list[float], pad_y: float
                ) -> tuple[list[str], float]:
        made = [self.cells.cell(c.title, w, bold=True)
                for c, w in zip(table.columns, widths, strict=True)]
        return [text for text, _h in made], max(h for _t, h in made) + 2 * pad_y

    def _base_style(self, table: ReportTable, pad_x: float, pad_y: float
                    ) -> list[tuple[Any, ...]]:
        f, size, lead = self.font, self.cells.size, self.cells.leading
        style: list[tuple[Any, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), f.regular),
            ("FONTSIZE", (0, 0), (-1, -1), size),
            ("LEADING", (0, 0), (-1, -1), lead),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
            ("FONTNAME", (0, 0), (-1, 0), f.bold),
            ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ]
        for side, pad in (("LEFT", pad_x), ("RIGHT", pad_x), ("TOP", pad_y), ("BOTTOM", pad_y)):
            style.append((f"{side}PADDING", (0, 0), (-1, -1), pad))
        for i, col in enumerate(table.columns):
            style.append(("ALIGN", (i, 1), (i, -1), _PLAIN_ALIGN[col.effective_align]))
        return style

    def _body(self, table: ReportTable, widths: list[float], pad_y: float) -> PreparedRows:
        cols = table.columns
        n = len(cols)
        cell = self.cells.cell
        body = PreparedRows(padding=pad_y)
        for block in iter_blocks(table):
            if isinstance(block, DataChunk):
                for row in block.rows:
                    made = [cell(format_cell(v, c), w)
                            for v, c, w in zip(row, cols, widths, strict=False)]
                    cells = [c for c, _h in made] + [""] * (n - len(made))
                    body.add(cells, max((h for _c, h in made), default=self.cells.leading))
                self.ticker.step(len(block.rows))
            elif isinstance(block, GroupHeading):
                c, h = cell(block.text, sum(widths), bold=True)
                body.add([c] + [""] * (n - 1), h, row_commands(self.font.bold, n, n),
                         keep_with_next=True)
            else:
                self._totals(body, block, table, widths)
        return body

    def _totals(
        self, body: PreparedRows, block: TotalsRow, table: ReportTable, widths: list[float]
    ) -> None:
        cols = table.columns
        span = max(block.label_span, 1)
        spans = [sum(widths[:span]), *widths[span:]]
        texts = [format_cell(block.values[0], cols[0])]
        texts += [format_cell(v, c) for v, c in zip(block.values[span:], cols[span:], strict=True)]
        made = [self.cells.cell(t, w, bold=True) for t, w in zip(texts, spans, strict=True)]
        cells = [made[0][0]] + [""] * (span - 1) + [c for c, _h in made[1:]]
        commands = row_commands(self.font.bold, len(cols), block.label_span)
        body.add(cells, max(h for _c, h in made), commands)


@contextlib.contextmanager
def _binary_streams() -> Iterator[None]:
    """Skip ASCII85 encoding of page streams (faster, smaller files); restored afterwards.

    ``useA85`` is a global reportlab setting, so PDF builds are serialised by a lock.
    """
    with _A85_LOCK:
        saved = rl_config.useA85
        rl_config.useA85 = 0
        try:
            yield
        finally:
            rl_config.useA85 = saved


def _plain_table(rows: list[list[Any]], widths: list[float], font: str) -> Table:
    """A borderless layout table without padding (date line, signatures, executor)."""
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))
    return table
