"""Equipment labels: the geometry of a sheet of labels and a PDF of labels with QR codes.

Pure: plain data in, a file out. All measures are millimetres from the top-left corner of
the sheet; the PDF converts them to reportlab points (origin bottom-left).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from exports._io import atomic_target
from exports.errors import ExportError
from exports.fonts import find_cyrillic_font, register_font


@dataclass(frozen=True, slots=True)
class LabelSheet:
    """A sheet of `columns` × `rows` labels of `width` × `height` mm. The first label's top
    left corner is at (`left`, `top`); `gap_x`/`gap_y` separate labels; `offset_x`/`offset_y`
    shift everything (a printer's own drift, found with the test page)."""

    page_width: float = 210.0
    page_height: float = 297.0
    width: float = 70.0
    height: float = 37.0
    columns: int = 3
    rows: int = 8
    left: float = 0.0
    top: float = 0.5
    gap_x: float = 0.0
    gap_y: float = 0.0
    offset_x: float = 0.0
    offset_y: float = 0.0

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    def problems(self) -> list[str]:
        """Russian messages when the grid does not fit on the page."""
        p: list[str] = []
        if self.width <= 0 or self.height <= 0 or self.columns < 1 or self.rows < 1:
            p.append("Размер этикетки и число столбцов и строк должны быть больше нуля.")
            return p
        right = self.left + self.offset_x + self.columns * self.width + (
            self.columns - 1) * self.gap_x
        bottom = self.top + self.offset_y + self.rows * self.height + (
            self.rows - 1) * self.gap_y
        if right > self.page_width + 0.01 or self.left + self.offset_x < -0.01:
            p.append(f"Этикетки не помещаются по ширине листа: правый край {right:.1f} мм "
                     f"при ширине {self.page_width:.0f} мм.")
        if bottom > self.page_height + 0.01 or self.top + self.offset_y < -0.01:
            p.append(f"Этикетки не помещаются по высоте листа: нижний край {bottom:.1f} мм "
                     f"при высоте {self.page_height:.0f} мм.")
        return p


@dataclass(frozen=True, slots=True)
class LabelBox:
    """Where one label is: page (from 0) and its rectangle in mm from the top-left."""

    page: int
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True, slots=True)
class Label:
    inventory_number: str
    name: str
    organization: str

    def qr_text(self) -> str:
        """One line: a scanner that types it into the count window ends it with a single
        Enter, and the number comes first (the count takes the text before «;»)."""
        return "; ".join(x for x in (self.inventory_number, self.name, self.organization) if x)


def label_box(sheet: LabelSheet, index: int, skip: int = 0) -> LabelBox:
    """The place of the `index`-th label, after `skip` labels already used on the first
    sheet; filled row by row, left to right."""
    slot = index + skip
    page, within = divmod(slot, sheet.per_page)
    row, column = divmod(within, sheet.columns)
    x = sheet.left + sheet.offset_x + column * (sheet.width + sheet.gap_x)
    y = sheet.top + sheet.offset_y + row * (sheet.height + sheet.gap_y)
    return LabelBox(page, x, y, sheet.width, sheet.height)


def layout(sheet: LabelSheet, count: int, skip: int = 0) -> list[LabelBox]:
    return [label_box(sheet, i, skip) for i in range(count)]


def _check(sheet: LabelSheet) -> None:
    problems = sheet.problems()
    if problems:
        raise ExportError(" ".join(problems))


def _fit(text: str, font: str, size: float, width: float) -> str:
    """`text` cut with «…» to fit `width` points."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _draw_qr(canvas: Canvas, text: str, x: float, y: float, size: float) -> None:
    widget = QrCodeWidget(text, barLevel="M")
    left, bottom, right, top = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (right - left), 0, 0,
                                             size / (top - bottom), 0, 0])
    drawing.add(widget)
    renderPDF.draw(drawing, canvas, x, y)


def _draw_label(canvas: Canvas, sheet: LabelSheet, box: LabelBox, label: Label,
                fonts: tuple[str, str]) -> None:
    pad = 2.0
    left = box.x * mm
    top = (sheet.page_height - box.y) * mm
    qr = min(box.height - 2 * pad, box.width / 2.2) * mm
    _draw_qr(canvas, label.qr_text(), left + pad * mm, top - pad * mm - qr, qr)
    text_x = left + pad * mm * 2 + qr
    width = box.width * mm - (text_x - left) - pad * mm
    size = max(6.0, min(11.0, box.height / 4.0))
    lines = [(fonts[1], size + 1, label.inventory_number),
             *((fonts[0], size, x) for x in _wrap(label.name, fonts[0], size, width, 2)),
             (fonts[0], size - 1, label.organization)]
    y = top - pad * mm - size
    for font, font_size, text in lines:
        canvas.setFont(font, font_size)
        canvas.drawString(text_x, y, _fit(text, font, font_size, width))
        y -= font_size * 1.35


def _wrap(text: str, font: str, size: float, width: float, most: int) -> list[str]:
    """Words in at most `most` lines; the last one takes the rest (cut later)."""
    lines: list[str] = []
    words = text.split()
    while words and len(lines) < most - 1:
        line = words.pop(0)
        while words and stringWidth(f"{line} {words[0]}", font, size) <= width:
            line += " " + words.pop(0)
        lines.append(line)
    if words:
        lines.append(" ".join(words))
    return lines


def write_labels(labels: Sequence[Label], sheet: LabelSheet,
                 path: str | os.PathLike[str], skip: int = 0,
                 progress: Callable[[int, int], None] | None = None) -> int:
    """Write the labels' PDF; the number of pages. `progress(done, total)` after each label
    (a QR code takes tens of milliseconds); an exception from it leaves no file."""
    _check(sheet)
    fonts = register_font(find_cyrillic_font())
    pages = 0
    with atomic_target(path) as tmp:
        canvas = Canvas(str(tmp), pagesize=(sheet.page_width * mm, sheet.page_height * mm))
        canvas.setTitle("Этикетки оборудования")
        for done, (label, box) in enumerate(
                zip(labels, layout(sheet, len(labels), skip), strict=True), 1):
            if box.page > pages - 1:
                if pages:
                    canvas.showPage()
                pages += 1
            _draw_label(canvas, sheet, box, label, (fonts.regular, fonts.bold))
            if progress is not None:
                progress(done, len(labels))
        if not pages:
            pages = 1
        canvas.save()
    return pages


def write_test_page(sheet: LabelSheet, path: str | os.PathLike[str]) -> None:
    """A page with the outline of every label and its number: print on plain paper, lay it
    on a label sheet against the light and correct the offsets."""
    _check(sheet)
    fonts = register_font(find_cyrillic_font())
    with atomic_target(path) as tmp:
        canvas = Canvas(str(tmp), pagesize=(sheet.page_width * mm, sheet.page_height * mm))
        canvas.setTitle("Пробная страница этикеток")
        canvas.setLineWidth(0.3)
        for i, box in enumerate(layout(sheet, sheet.per_page), 1):
            x, y = box.x * mm, (sheet.page_height - box.y - box.height) * mm
            canvas.rect(x, y, box.width * mm, box.height * mm)
            canvas.line(x, y, x + box.width * mm, y + box.height * mm)
            canvas.setFont(fonts.regular, 9)
            canvas.drawCentredString(x + box.width * mm / 2, y + box.height * mm / 2 + 3,
                                     f"Этикетка {i}")
            canvas.drawCentredString(x + box.width * mm / 2, y + box.height * mm / 2 - 9,
                                     f"{box.x:.1f} × {box.y:.1f} мм")
        canvas.save()
