"""«Информатизация» on screen: simple bar charts drawn with QPainter (no QtCharts needed)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QRectF, QSettings, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from imc_desktop import clock
from imc_desktop.services.equipment import stats
from ui.widgets.changes import change_bridge
from ui.widgets.record_form import DateEdit
from ui.widgets.record_list import Column, RecordList

COLORS = (QColor("#3b6ea5"), QColor("#d98c2b"), QColor("#5a9e5a"))
TABLES = frozenset({"equipment_items", "organizations"})


@dataclass(frozen=True)
class Series:
    title: str
    values: tuple[float, ...]


class BarChart(QWidget):
    """Clustered bars with a title, value labels, category labels and a legend: vertical
    for a few categories (years), horizontal for many long names (ОО)."""

    def __init__(self, title: str, horizontal: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title, self.horizontal = title, horizontal
        self.categories: tuple[str, ...] = ()
        self.series: tuple[Series, ...] = ()
        self.setMinimumHeight(260)

    def set_data(self, categories: Sequence[str], series: Sequence[Series]) -> None:
        self.categories, self.series = tuple(categories), tuple(series)
        if self.horizontal:
            self.setMinimumHeight(self._header() + 8 + len(self.categories) * self._row())
        else:
            self.setMinimumWidth(max(360, 40 + len(self.categories) * 26 * max(1, len(series))))
        self.update()

    def _line(self) -> int:
        return self.fontMetrics().height()

    def _row(self) -> int:
        return int(self._line() * (0.6 + 0.9 * max(1, len(self.series))))

    def _header(self) -> int:
        return 12 + 2 * self._line()

    def sizeHint(self) -> QSize:
        return QSize(self.minimumWidth(), max(300, self.minimumHeight()))

    def maximum(self) -> float:
        return max((v for s in self.series for v in s.values), default=0.0) or 1.0

    def label_width(self) -> int:
        widest = max((self.fontMetrics().horizontalAdvance(c) for c in self.categories),
                     default=0)
        return min(widest + 8, self.width() * 2 // 5)

    def plot_area(self) -> QRectF:
        line = self._line()
        if self.horizontal:
            left = self.label_width() + 4
            return QRectF(left, self._header(), self.width() - left - 50,
                          len(self.categories) * self._row())
        return QRectF(30, self._header(), self.width() - 40, self.height() - 24 - 4 * line)

    def bar_rects(self, plot: QRectF) -> list[tuple[int, int, QRectF]]:
        """(series, category, rectangle) of every bar inside the plot area."""
        count, top = max(1, len(self.categories)), self.maximum()
        along = (plot.height() if self.horizontal else plot.width()) / count
        thick = along * 0.8 / max(1, len(self.series))
        rects = []
        for s, series in enumerate(self.series):
            for c, value in enumerate(series.values):
                start = c * along + along * 0.1 + s * thick
                if self.horizontal:
                    length = plot.width() * value / top
                    rects.append((s, c, QRectF(plot.left(), plot.top() + start, length,
                                               thick)))
                else:
                    length = plot.height() * value / top
                    rects.append((s, c, QRectF(plot.left() + start, plot.bottom() - length,
                                               thick, length)))
        return rects

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        line = self._line()
        painter.setPen(QPen(self.palette().text().color()))
        painter.drawText(QRectF(0, 4, self.width(), line), Qt.AlignmentFlag.AlignHCenter,
                         self.title)
        plot = self.plot_area()
        painter.drawLine(plot.topLeft() if self.horizontal else plot.bottomLeft(),
                         plot.bottomLeft() if self.horizontal else plot.bottomRight())
        for s, c, rect in self.bar_rects(plot):
            painter.fillRect(rect, COLORS[s % len(COLORS)])
            text = f"{self.series[s].values[c]:g}".replace(".", ",")
            if self.horizontal:
                painter.drawText(QRectF(rect.right() + 4, rect.top(), 60, rect.height()),
                                 Qt.AlignmentFlag.AlignVCenter, text)
            else:
                painter.drawText(QRectF(rect.left() - 10, rect.top() - line,
                                        rect.width() + 20, line),
                                 Qt.AlignmentFlag.AlignHCenter, text)
        self._draw_categories(painter, plot)
        self._draw_legend(painter, line)
        painter.end()

    def _draw_categories(self, painter: QPainter, plot: QRectF) -> None:
        count, line = max(1, len(self.categories)), self._line()
        metrics = painter.fontMetrics()
        for c, name in enumerate(self.categories):
            if self.horizontal:
                along = plot.height() / count
                text = metrics.elidedText(name, Qt.TextElideMode.ElideRight,
                                          int(plot.left()) - 8)
                painter.drawText(QRectF(0, plot.top() + c * along, plot.left() - 4, along),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                                 text)
                continue
            along = plot.width() / count
            painter.drawText(QRectF(plot.left() + c * along - along / 2, plot.bottom() + 2,
                                    along * 2, line), Qt.AlignmentFlag.AlignHCenter, name)

    def _draw_legend(self, painter: QPainter, line: int) -> None:
        if len(self.series) < 2:
            return
        x = 30.0
        for s, series in enumerate(self.series):
            painter.fillRect(QRectF(x, 8 + line, 12, 12), COLORS[s % len(COLORS)])
            painter.drawText(QRectF(x + 16, 6 + line, 200, line), series.title)
            x += 24 + painter.fontMetrics().horizontalAdvance(series.title)


@dataclass(frozen=True)
class ChartRow:
    """One ОО of the charts' table (what «Экспорт в Excel» writes from this page)."""

    organization: str
    pupils: int
    computers: int
    per_100: float | None
    items: int
    out_of_order: int
    share: float


def chart_rows(pupils: Sequence[stats.PupilsRow], state: Sequence[stats.StateRow]
               ) -> list[ChartRow]:
    states = {r.organization: r for r in state}
    empty = stats.StateRow("", 0, 0, 0)
    return [ChartRow(r.organization, r.pupils, r.computers, r.per_100,
                     (s := states.get(r.organization, empty)).total,
                     s.in_repair + s.to_write_off, s.share) for r in pupils]


class InformatisationPage(QWidget):
    """The three figures of statute 3.2.16 as charts on a date (today by default, or the
    district as it stood on a past date), refreshed when equipment changes; below them the
    table of the ОО figures, which the window's export and print take."""

    def __init__(self, parent: QWidget | None = None, store: QSettings | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ChartRow] = []
        self.on_date = DateEdit()
        self.on_date.set_date_value(clock.today())
        self.on_date.editingFinished.connect(self._on_date_edited)
        self.shown_on: date | None = None
        self.summary = QLabel()
        self.pupils = BarChart(self.tr("Computers per 100 pupils"), horizontal=True)
        self.age = BarChart(self.tr("Fleet by year of acceptance"))
        self.state = BarChart(self.tr("Out of order or awaiting write-off, %"),
                              horizontal=True)
        grid = QGridLayout()
        grid.addWidget(self.age, 0, 0, 1, 2)
        grid.addWidget(self.pupils, 1, 0)
        grid.addWidget(self.state, 1, 1)
        self.record_list = self._table(store or QSettings())
        grid.addWidget(self.record_list, 2, 0, 1, 2)
        inner = QWidget()
        inner.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("On date")))
        top.addWidget(self.on_date)
        top.addSpacing(24)
        top.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        self.stale = True
        change_bridge().changed.connect(self._on_changed)

    def _table(self, store: QSettings) -> RecordList:
        columns = [
            Column("organization", self.tr("Organization"), lambda r: r.organization,
                   width=260),
            Column("pupils", self.tr("Pupils"), lambda r: r.pupils, kind="int", width=100),
            Column("computers", self.tr("Computers"), lambda r: r.computers, kind="int",
                   width=100),
            Column("per_100", self.tr("Computers per 100 pupils"), lambda r: r.per_100,
                   kind="number", width=190),
            Column("items", self.tr("Items"), lambda r: r.items, kind="int", width=90),
            Column("out_of_order", self.tr("In repair or awaiting write-off"),
                   lambda r: r.out_of_order, kind="int", width=220),
            Column("share", self.tr("Out of order, %"), lambda r: r.share, kind="number",
                   width=140)]
        records = RecordList("equipment_informatisation", self.tr("Informatisation of the ОО"),
                             columns, lambda: self.rows, set(), store, self)
        records.setMinimumHeight(320)
        why = self.tr("The figures are counted from the equipment list; change the items "
                      "there.")
        records.not_here = {"add": why, "delete": why, "open": why}
        return records

    def _on_changed(self, tables: frozenset[str]) -> None:
        if "*" in tables or TABLES & tables:
            self.stale = True
            if self.isVisible():
                self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        """The figures are read when the page is shown, not on every change behind it."""
        if self.stale:
            self.reload()
        super().showEvent(event)

    def day(self) -> date:
        """The date in the picker; today when it is empty or not a date."""
        value = self.on_date.date_value()
        return value if isinstance(value, date) else clock.today()

    def _on_date_edited(self) -> None:
        if not isinstance(self.on_date.date_value(), date):
            self.on_date.set_date_value(self.shown_on or clock.today())
        if self.day() != self.shown_on:
            self.stale = True
            if self.isVisible():
                self.reload()

    def reload(self) -> None:
        """The figures on the picked date, read as the report «Информатизация ОО» reads
        them (the fleet rebuilt on that date)."""
        on = self.day()
        data = stats.fleet(on)
        self.stale, self.shown_on = False, on
        pupils = [r for r in stats.computers_per_pupil(data)
                  if r.organization != stats.TOTAL]
        self.pupils.set_data([r.organization for r in pupils],
                             [Series(self.tr("Computers per 100 pupils"),
                                     tuple(r.per_100 or 0.0 for r in pupils))])
        ages = stats.fleet_age(on, data)
        self.age.set_data([str(r.year) for r in ages], [
            Series(self.tr("Computers"), tuple(float(r.computers) for r in ages)),
            Series(self.tr("Other equipment"), tuple(float(r.other) for r in ages))])
        state = [r for r in stats.out_of_order(data) if r.organization != stats.TOTAL]
        self.state.set_data([r.organization for r in state], [
            Series(self.tr("Out of order, %"), tuple(r.share for r in state))])
        self.rows = chart_rows(pupils, state)
        self.record_list.reload()
        average = stats.average_age(on, data)
        self.summary.setText(self.tr("Average age of computers: %1 years").replace(
            "%1", "—" if average is None else f"{average:.1f}".replace(".", ",")))
