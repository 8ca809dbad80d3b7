"""«Информатизация» on screen: simple bar charts drawn with QPainter (no QtCharts needed)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from imc_desktop.services import equipment_stats as stats
from ui.widgets.changes import change_bridge

COLORS = (QColor("#3b6ea5"), QColor("#d98c2b"), QColor("#5a9e5a"))
TABLES = frozenset({"equipment_items", "organizations"})


@dataclass(frozen=True)
class Series:
    title: str
    values: tuple[float, ...]


class BarChart(QWidget):
    """Clustered vertical bars with a title, value labels, category labels and a legend."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.categories: tuple[str, ...] = ()
        self.series: tuple[Series, ...] = ()
        self.setMinimumHeight(260)

    def set_data(self, categories: Sequence[str], series: Sequence[Series]) -> None:
        self.categories, self.series = tuple(categories), tuple(series)
        self.setMinimumWidth(max(360, 40 + len(self.categories) * 26 * max(1, len(series))))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(self.minimumWidth(), 300)

    def maximum(self) -> float:
        return max((v for s in self.series for v in s.values), default=0.0) or 1.0

    def bar_rects(self, plot: QRectF) -> list[tuple[int, int, QRectF]]:
        """(series, category, rectangle) of every bar inside the plot area."""
        count = max(1, len(self.categories))
        group = plot.width() / count
        width = group * 0.8 / max(1, len(self.series))
        top = self.maximum()
        rects = []
        for s, series in enumerate(self.series):
            for c, value in enumerate(series.values):
                height = plot.height() * value / top
                x = plot.left() + c * group + group * 0.1 + s * width
                rects.append((s, c, QRectF(x, plot.bottom() - height, width, height)))
        return rects

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        metrics = painter.fontMetrics()
        line = metrics.height()
        painter.drawText(QRectF(0, 4, self.width(), line), Qt.AlignmentFlag.AlignHCenter,
                         self.title)
        plot = QRectF(30, 12 + 2 * line, self.width() - 40,
                      self.height() - 24 - 4 * line)
        painter.setPen(QPen(self.palette().text().color()))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        for s, c, rect in self.bar_rects(plot):
            painter.fillRect(rect, COLORS[s % len(COLORS)])
            value = self.series[s].values[c]
            text = f"{value:g}".replace(".", ",")
            painter.drawText(QRectF(rect.left() - 10, rect.top() - line, rect.width() + 20,
                                    line), Qt.AlignmentFlag.AlignHCenter, text)
        self._draw_categories(painter, plot, line)
        self._draw_legend(painter, line)
        painter.end()

    def _draw_categories(self, painter: QPainter, plot: QRectF, line: int) -> None:
        group = plot.width() / max(1, len(self.categories))
        metrics = painter.fontMetrics()
        for c, name in enumerate(self.categories):
            text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(group * 2))
            rect = QRectF(plot.left() + c * group - group / 2, plot.bottom() + 2 + (
                c % 2) * line, group * 2, line)
            painter.drawText(rect, Qt.AlignmentFlag.AlignHCenter, text)

    def _draw_legend(self, painter: QPainter, line: int) -> None:
        if len(self.series) < 2:
            return
        x = 30.0
        for s, series in enumerate(self.series):
            painter.fillRect(QRectF(x, 8 + line, 12, 12), COLORS[s % len(COLORS)])
            painter.drawText(QRectF(x + 16, 6 + line, 200, line), series.title)
            x += 24 + painter.fontMetrics().horizontalAdvance(series.title)


class InformatisationPage(QWidget):
    """The three figures of statute 3.2.16 as charts, refreshed when equipment changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.pupils = BarChart(self.tr("Computers per 100 pupils"))
        self.age = BarChart(self.tr("Fleet by year of acceptance"))
        self.state = BarChart(self.tr("Out of order or awaiting write-off, %"))
        grid = QGridLayout()
        grid.addWidget(self.pupils, 0, 0, 1, 2)
        grid.addWidget(self.age, 1, 0)
        grid.addWidget(self.state, 1, 1)
        inner = QWidget()
        inner.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(scroll, 1)
        change_bridge().changed.connect(self._on_changed)
        self.reload()

    def _on_changed(self, tables: frozenset[str]) -> None:
        if "*" in tables or TABLES & tables:
            self.reload()

    def reload(self) -> None:
        today = date.today()
        pupils = [r for r in stats.computers_per_pupil() if r.organization != stats.TOTAL]
        self.pupils.set_data([r.organization for r in pupils],
                             [Series(self.tr("Computers per 100 pupils"),
                                     tuple(r.per_100 or 0.0 for r in pupils))])
        ages = stats.fleet_age(today)
        self.age.set_data([str(r.year) for r in ages], [
            Series(self.tr("Computers"), tuple(float(r.computers) for r in ages)),
            Series(self.tr("Other equipment"), tuple(float(r.other) for r in ages))])
        state = [r for r in stats.out_of_order() if r.organization != stats.TOTAL]
        self.state.set_data([r.organization for r in state], [
            Series(self.tr("Out of order, %"), tuple(r.share for r in state))])
        average = stats.average_age(today)
        self.summary.setText(self.tr("Average age of computers: %1 years").replace(
            "%1", "—" if average is None else f"{average:.1f}".replace(".", ",")))
