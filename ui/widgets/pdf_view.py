"""The pages of a PDF in a scrolled column, drawn as they come into sight, at a zoom the user
sets («−», «+», «По ширине»): a report of hundreds of pages opens at once."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from ui.widgets.pdf_pages import PdfFile

SCREEN_DPI = 96.0  # zoom 1.0 (100 %): a page as large as on paper
ZOOMS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.83, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0)
SPACING = 16
MARGIN = 12


class PdfPagesView(QScrollArea):
    """`zoomChanged(float)` when the zoom changes (by the buttons or «по ширине»)."""

    zoomChanged = Signal(float)

    def __init__(self, pdf: PdfFile, zoom: float, drawn: Sequence[QImage] = (),
                 parent: QWidget | None = None) -> None:
        """`drawn`: pages already drawn at `zoom` (the first ones), used as they are."""
        super().__init__(parent)
        self.pdf, self.zoom, self.fitting = pdf, zoom, False
        column = QWidget()
        column.setStyleSheet("background: #7a7f87;")
        layout = QVBoxLayout(column)
        layout.setSpacing(SPACING)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.page_labels: list[QLabel] = []
        self._drawn_at: dict[int, float] = {}  # page → the zoom it is drawn at
        for _page in pdf.sizes:
            label = QLabel()
            label.setStyleSheet("background: #ffffff;")
            label.setScaledContents(True)  # a page drawn at the former zoom, until redrawn
            layout.addWidget(label)
            self.page_labels.append(label)
        for index, image in enumerate(drawn[:len(self.page_labels)]):
            self.page_labels[index].setPixmap(QPixmap.fromImage(image))
            self._drawn_at[index] = zoom
        self._size_pages()
        self.setWidget(column)
        self.setWidgetResizable(True)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.draw_visible)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self._timer.start())

    # ---------------------------------------------------------------- zoom
    def page_size(self, index: int, zoom: float | None = None) -> QSize:
        width, height = self.pdf.sizes[index]
        scale = (zoom or self.zoom) * SCREEN_DPI / 72.0
        return QSize(round(width * scale), round(height * scale))

    def _size_pages(self) -> None:
        for index, label in enumerate(self.page_labels):
            label.setFixedSize(self.page_size(index))

    def set_zoom(self, zoom: float, fitting: bool = False) -> None:
        """Pages drawn anew at `zoom` as they come into sight."""
        self.fitting = fitting
        zoom = min(max(zoom, ZOOMS[0]), ZOOMS[-1])
        if abs(zoom - self.zoom) < 1e-6:
            return
        self.zoom = zoom
        self._size_pages()
        self.zoomChanged.emit(zoom)
        self._timer.start()

    def zoom_in(self) -> None:
        self.set_zoom(next((z for z in ZOOMS if z > self.zoom + 1e-6), ZOOMS[-1]))

    def zoom_out(self) -> None:
        self.set_zoom(next((z for z in reversed(ZOOMS) if z < self.zoom - 1e-6), ZOOMS[0]))

    def fit_width(self) -> None:
        """The widest page as wide as the window («по ширине»); kept while it is resized."""
        if not self.pdf.sizes:
            return
        widest = max(w for w, _h in self.pdf.sizes) * SCREEN_DPI / 72.0
        room = self.viewport().width() - 2 * MARGIN - self.verticalScrollBar().sizeHint().width()
        self.set_zoom(max(room, 50) / widest, fitting=True)

    # ---------------------------------------------------------------- drawing
    def visible_pages(self) -> list[int]:
        """The pages at least partly in sight now."""
        widget = self.widget()
        if widget is None:
            return []
        top = self.verticalScrollBar().value()
        sight = QRect(0, top, widget.width(), self.viewport().height())
        return [i for i, label in enumerate(self.page_labels)
                if label.geometry().intersects(sight)]

    def drawn_pages(self) -> list[int]:
        """The pages drawn at the present zoom."""
        return sorted(i for i, z in self._drawn_at.items() if abs(z - self.zoom) < 1e-6)

    def draw_visible(self) -> None:
        if self.pdf.closed:  # the preview is closing
            return
        dpi = self.zoom * SCREEN_DPI
        for index in self.visible_pages():
            if abs(self._drawn_at.get(index, -1) - self.zoom) < 1e-6:
                continue
            self.page_labels[index].setPixmap(QPixmap.fromImage(self.pdf.render(index, dpi)))
            self._drawn_at[index] = self.zoom

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._timer.start()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fitting:
            self.fit_width()
        self._timer.start()
