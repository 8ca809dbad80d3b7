"""PDF pages as images: the preview shows, and the printer prints, the very file we write."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter


def _to_qimage(page: pdfium.PdfPage, scale: float) -> QImage:
    pil = page.render(scale=scale).to_pil().convert("RGBA")
    data = pil.tobytes("raw", "RGBA")
    image = QImage(data, pil.width, pil.height, pil.width * 4, QImage.Format.Format_RGBA8888)
    return image.copy()  # own the pixels: `data` goes away


class PdfFile:
    """An open PDF whose pages are drawn one by one when asked: the preview draws only the
    pages in sight, at the zoom chosen. Close it before its file is deleted."""

    def __init__(self, pdf: Path) -> None:
        self._document = pdfium.PdfDocument(str(pdf))
        self.sizes = [self._document[i].get_size() for i in range(len(self._document))]
        """Each page's (width, height) in points."""
        self.closed = False

    def render(self, index: int, dpi: float) -> QImage:
        return _to_qimage(self._document[index], dpi / 72.0)

    def close(self) -> None:
        self.closed = True
        self._document.close()


def page_count(pdf: Path) -> int:
    document = pdfium.PdfDocument(str(pdf))
    try:
        return len(document)
    finally:
        document.close()


def render_pages(pdf: Path, dpi: float = 96.0,
                 progress: Callable[[int, int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None,
                 first: int | None = None) -> list[QImage]:
    """Every page as an image at `dpi` (only the `first` ones when given)."""
    document = pdfium.PdfDocument(str(pdf))
    try:
        images = []
        total = len(document) if first is None else min(first, len(document))
        for index in range(total):
            if cancelled is not None and cancelled():
                break
            images.append(_to_qimage(document[index], dpi / 72.0))
            if progress is not None:
                progress(index + 1, total)
        return images
    finally:
        document.close()


def print_pdf(pdf: Path, printer: QPrinter,
              progress: Callable[[int, int], None] | None = None) -> int:
    """Paint every page of the PDF on the whole sheet (the PDF has its own margins)."""
    printer.setFullPage(True)
    document = pdfium.PdfDocument(str(pdf))
    painter = QPainter()
    if not painter.begin(printer):
        document.close()
        raise OSError("printer could not be started")
    try:
        dpi = min(printer.resolution(), 300)
        total = len(document)
        for index in range(total):
            if index:
                printer.newPage()
            image = _to_qimage(document[index], dpi / 72.0)
            target = _fit(image, printer.pageLayout().fullRectPixels(printer.resolution()))
            painter.drawImage(target, image)
            if progress is not None:
                progress(index + 1, total)
        return total
    finally:
        painter.end()
        document.close()


def _fit(image: QImage, area: QRect) -> QRectF:
    """The image scaled into the sheet, keeping its proportions."""
    scale = min(area.width() / image.width(), area.height() / image.height())
    return QRectF(0, 0, image.width() * scale, image.height() * scale)
