"""The PDF of a sheet of equipment labels: each label's QR code drawn as vector squares
(segno encodes it), its number, name and ОО beside it."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import segno
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from exports._io import atomic_target
from exports.fonts import find_cyrillic_font, register_font
from exports.labels import Label, LabelBox, LabelSheet, layout

QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks
#: Nothing is printed nearer than this to the sheet's edge (printers leave it blank).
SAFE_MM = 5.0
#: Blank inside every label around its content.
PAD_MM = 2.0
#: The smallest type of the ОО's name (still readable on a label).
MIN_SIZE = 6.0
QR_MASK = 0
DARK_RUN = re.compile(b"\x01+")


def _fit(text: str, font: str, size: float, width: float) -> str:
    """`text` cut with «…» to fit `width` points."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def qr_matrix(text: str) -> tuple[bytearray, ...]:
    """The modules of `text`'s QR code (error correction M at least), rows from the top,
    1 dark; without the quiet zone.

    The mask is fixed (QR_MASK) instead of tried in all eight ways: the search is most of
    the encoder's time, and any mask reads back (a test decodes the printed sheet).
    """
    return tuple(segno.make_qr(text, error="m", mask=QR_MASK).matrix)


def _draw_qr(canvas: Canvas, text: str, x: float, y: float, size: float) -> None:
    """The code in the square of `size` points whose bottom-left corner is (x, y), quiet
    zone included: one filled path of the dark runs of every row, in module units."""
    rows = qr_matrix(text)
    count = len(rows)
    unit = size / (count + 2 * QUIET_ZONE)
    squares = " ".join(f"{QUIET_ZONE + start} {count - 1 - r + QUIET_ZONE} {end - start} 1 re"
                       for r, row in enumerate(rows) for start, end in _dark_runs(row))
    canvas.addLiteral(f"q 0 g {unit:.4f} 0 0 {unit:.4f} {x:.3f} {y:.3f} cm {squares} f Q")


def _dark_runs(row: bytearray) -> list[tuple[int, int]]:
    """(first, after last) of each run of dark modules in a row."""
    return [match.span() for match in DARK_RUN.finditer(row)]


@dataclass(frozen=True, slots=True)
class _Insets:
    """Millimetres kept blank inside a label on each side: its own padding, and on a side
    near the sheet's edge as much as keeps the print SAFE_MM from that edge."""

    left: float
    right: float
    top: float
    bottom: float

    @classmethod
    def of(cls, sheet: LabelSheet, box: LabelBox) -> _Insets:
        right_gap = sheet.page_width - box.x - box.width
        bottom_gap = sheet.page_height - box.y - box.height
        return cls(max(PAD_MM, SAFE_MM - box.x), max(PAD_MM, SAFE_MM - right_gap),
                   max(PAD_MM, SAFE_MM - box.y), max(PAD_MM, SAFE_MM - bottom_gap))


def _draw_label(canvas: Canvas, sheet: LabelSheet, box: LabelBox, label: Label,
                fonts: tuple[str, str]) -> None:
    inset = _Insets.of(sheet, box)
    left = box.x * mm
    top = (sheet.page_height - box.y - inset.top) * mm
    height = box.height - inset.top - inset.bottom
    qr = max(min(height, box.width / 2.2), 0.0) * mm
    _draw_qr(canvas, label.qr_text(), left + inset.left * mm, top - qr, qr)
    text_x = left + inset.left * mm + qr + PAD_MM * mm
    width = (box.x + box.width - inset.right) * mm - text_x
    size = max(6.0, min(11.0, box.height / 4.0))
    lines = [(fonts[1], size + 1, label.inventory_number),
             *((fonts[0], size, x) for x in _wrap(label.name, fonts[0], size, width, 2))]
    used = sum(s * 1.35 for _f, s, _t in lines)
    room = (box.height - inset.top - inset.bottom) * mm - used
    lines += _organization_lines(label.organization, fonts[0], size - 1, width, room)
    y = top - size
    for font, font_size, text in lines:
        canvas.setFont(font, font_size)
        canvas.drawString(text_x, y, _fit(text, font, font_size, width))
        y -= font_size * 1.35


def _organization_lines(name: str, font: str, size: float, width: float, room: float
                        ) -> list[tuple[str, float, str]]:
    """The ОО's name whole: on one line, else in smaller type (down to MIN_SIZE), else on
    as many lines of the smallest type as the label's height leaves (cut with «…» only
    when even they are too few)."""
    for s in (size, size - 1, MIN_SIZE):
        if stringWidth(name, font, s) <= width:
            return [(font, s, name)]
    small = min(size, MIN_SIZE)
    most = max(1, int(room // (small * 1.35)))
    return [(font, small, line) for line in _wrap(name, font, small, width, most)]


def _wrap(text: str, font: str, size: float, width: float, most: int) -> list[str]:
    """Words in at most `most` lines; the last one takes the rest (cut later)."""
    lines: list[str] = []
    words = text.split(" ")
    while words and len(lines) < most - 1:
        line = words.pop(0)
        while words and stringWidth(f"{line} {words[0]}", font, size) <= width:
            line += " " + words.pop(0)
        lines.append(line)
    if words:
        lines.append(" ".join(words))
    return lines


def write_label_pdf(labels: Sequence[Label], sheet: LabelSheet,
                 path: str | os.PathLike[str], skip: int = 0,
                 progress: Callable[[int, int], None] | None = None) -> int:
    """Write the labels' PDF; the number of pages. `progress(done, total)` after each label
    (a QR code takes tens of milliseconds); an exception from it leaves no file."""
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


def _mm(value: float) -> str:
    """«0,5»: millimetres with the Russian decimal comma."""
    return f"{value:.1f}".replace(".", ",")


def write_test_pdf(sheet: LabelSheet, path: str | os.PathLike[str]) -> None:
    """A page with the outline of every label and its number: print on plain paper, lay it
    on a label sheet against the light and correct the offsets."""
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
                                     f"{_mm(box.x)} × {_mm(box.y)} мм")
        canvas.save()
