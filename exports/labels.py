"""Equipment labels: the geometry of a sheet of labels and a PDF of labels with QR codes.

Pure: plain data in, a file out. All measures are millimetres from the top-left corner of
the sheet; the PDF (exports/label_pdf.py, imported when a sheet is written) converts them to
points (origin bottom-left).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from exports.errors import ExportError


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


def check_sheet(sheet: LabelSheet) -> None:
    problems = sheet.problems()
    if problems:
        raise ExportError(" ".join(problems))


def write_labels(labels: Sequence[Label], sheet: LabelSheet,
                 path: str | os.PathLike[str], skip: int = 0,
                 progress: Callable[[int, int], None] | None = None) -> int:
    """Write the labels' PDF; the number of pages. `progress(done, total)` after each label;
    an exception from it leaves no file."""
    from exports.label_pdf import write_label_pdf

    check_sheet(sheet)
    return write_label_pdf(labels, sheet, path, skip, progress)


def write_test_page(sheet: LabelSheet, path: str | os.PathLike[str]) -> None:
    """A page with the outline of every label and its number: print on plain paper, lay it
    on a label sheet against the light and correct the offsets."""
    from exports.label_pdf import write_test_pdf

    check_sheet(sheet)
    write_test_pdf(sheet, path)
