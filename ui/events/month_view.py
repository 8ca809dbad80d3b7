"""The month grid: each day's events coloured by kind, «ещё N» when more than fit; drag an
event to another day to move it, double-click to open."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QApplication, QSizePolicy, QWidget

from imc_desktop import clock
from imc_desktop.services.events.calendar import DayCell, day_cells, month_weeks
from imc_desktop.services.events.records import EventRow
from ui.events.colors import TODAY_SHADE, kind_color

if TYPE_CHECKING:
    from ui.events.week_view import WeekView

HEADER = 24
DAY_LABEL = 20
LINE = 20


def weekday_names() -> list[str]:
    """Пн … Вс in the user's language (Monday first)."""
    locale = QLocale(QLocale.Language.Russian)
    return [locale.dayName(i, QLocale.FormatType.ShortFormat).capitalize()
            for i in range(1, 8)]


def selected_event_keys(view: MonthView | WeekView, event: QKeyEvent) -> bool:
    """Enter opens the selected event, Delete deletes it; False for any other key."""
    if view.selected_id and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        view.openRequested.emit(view.selected_id)
    elif view.selected_id and event.key() == Qt.Key.Key_Delete:
        view.deleteRequested.emit(view.selected_id)
    else:
        return False
    return True


class MonthView(QWidget):
    """`openRequested(event_id)` (double-click, Enter), `deleteRequested(event_id)` (Delete),
    `moveRequested(event_id, date)`, `dayActivated(date)` (double-click on a free place),
    `dayRequested(date)` («ещё N» clicked)."""

    openRequested = Signal(str)
    deleteRequested = Signal(str)
    moveRequested = Signal(str, object)
    dayActivated = Signal(object)
    dayRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.year, self.month = clock.today().year, clock.today().month
        self.today = clock.today()
        self.weeks = month_weeks(self.year, self.month)
        self.rows: list[EventRow] = []
        self.cells: dict[date, DayCell[EventRow]] = {}
        self._press: tuple[QPoint, str] | None = None
        self.selected_id: str | None = None
        self._drag_target: date | None = None

    def sizeHint(self) -> QSize:
        return QSize(900, 600)

    # ---------------------------------------------------------------- data
    def set_month(self, year: int, month: int, today: date | None = None) -> None:
        self.year, self.month, self.today = year, month, today or clock.today()
        self.weeks = month_weeks(year, month)
        self._layout()

    def set_events(self, rows: Sequence[EventRow]) -> None:
        self.rows = list(rows)
        self._layout()

    def lines(self) -> int:
        """How many event lines fit in a day's cell now."""
        return max(1, (self._cell_height() - DAY_LABEL - 2) // LINE)

    def _layout(self) -> None:
        days = [d for week in self.weeks for d in week]
        self.cells = day_cells(days, self.rows, self.lines())
        self.update()

    def resizeEvent(self, event: object) -> None:
        self._layout()

    # ---------------------------------------------------------------- geometry
    def _cell_width(self) -> int:
        return max(self.width() // 7, 1)

    def _cell_height(self) -> int:
        return max((self.height() - HEADER) // max(len(self.weeks), 1), 1)

    def day_rect(self, day: date) -> QRect:
        for r, week in enumerate(self.weeks):
            if day in week:
                c = week.index(day)
                return QRect(c * self._cell_width(), HEADER + r * self._cell_height(),
                             self._cell_width(), self._cell_height())
        return QRect()

    def line_rect(self, day: date, line: int) -> QRect:
        cell = self.day_rect(day)
        return QRect(cell.left() + 2, cell.top() + DAY_LABEL + line * LINE, cell.width() - 4,
                     LINE - 2)

    def day_at(self, pos: QPoint) -> date | None:
        if pos.y() < HEADER:
            return None
        r = (pos.y() - HEADER) // self._cell_height()
        c = pos.x() // self._cell_width()
        if 0 <= r < len(self.weeks) and 0 <= c < 7:
            return self.weeks[r][c]
        return None

    def hit(self, pos: QPoint) -> tuple[date | None, EventRow | None, bool]:
        """(day, event under the point, whether it is the day's «ещё N»)."""
        day = self.day_at(pos)
        if day is None:
            return None, None, False
        cell = self.cells.get(day)
        if cell is None:
            return day, None, False
        for i, row in enumerate(cell.shown):
            if self.line_rect(day, i).contains(pos):
                return day, row, False
        more = cell.more and self.line_rect(day, len(cell.shown)).contains(pos)
        return day, None, bool(more)

    # ---------------------------------------------------------------- painting
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
        grid = QPen(QColor("#c8c8c8"))
        for c, name in enumerate(weekday_names()):
            rect = QRect(c * self._cell_width(), 0, self._cell_width(), HEADER)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, name)
        for week in self.weeks:
            for day in week:
                self._paint_day(painter, day, grid)
        painter.end()

    def _paint_day(self, painter: QPainter, day: date, grid: QPen) -> None:
        rect = self.day_rect(day)
        if day.month != self.month:
            painter.fillRect(rect, QColor("#f2f2f2"))
        if day == self.today:  # today is a day, not a red digit
            painter.fillRect(rect, TODAY_SHADE)
        if day == self._drag_target:
            painter.fillRect(rect, QColor("#dceeff"))
        painter.setPen(grid)
        painter.drawRect(rect.adjusted(0, 0, -1, -1))
        label = QRect(rect.left() + 4, rect.top() + 2, rect.width() - 8, DAY_LABEL - 2)
        font = painter.font()
        font.setBold(day == self.today)
        painter.setFont(font)
        painter.setPen(QColor("#888888") if day.month != self.month else QColor("#202020"))
        painter.drawText(label, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         str(day.day))
        font.setBold(False)
        painter.setFont(font)
        cell = self.cells.get(day)
        if cell is None:
            return
        for i, row in enumerate(cell.shown):
            self._paint_event(painter, self.line_rect(day, i), row)
        if cell.more:
            painter.setPen(QColor("#1f4e79"))
            painter.drawText(self.line_rect(day, len(cell.shown)).adjusted(4, 0, 0, 0),
                             Qt.AlignmentFlag.AlignVCenter, cell.more_text)

    def _paint_event(self, painter: QPainter, rect: QRect, row: EventRow) -> None:
        color = kind_color(row.kind, row.status)
        painter.fillRect(rect, color)
        if row.id == self.selected_id:
            painter.setPen(QPen(QColor("#000000"), 2))
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        painter.setPen(QColor("#ffffff"))
        text = row.title if row.all_day else f"{row.starts_at:%H:%M} {row.title}"
        if row.status == "отменено":
            text = "✕ " + text
        elided = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight,
                                                  rect.width() - 6)
        painter.drawText(rect.adjusted(3, 0, -3, 0), Qt.AlignmentFlag.AlignVCenter, elided)

    # ---------------------------------------------------------------- mouse
    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        day, row, more = self.hit(pos)
        if more and day is not None:
            self.dayRequested.emit(day)
            return
        self._press = (pos, row.id) if row is not None else None
        self.selected_id = row.id if row is not None else None
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None:
            day, row, _more = self.hit(event.position().toPoint())
            self.setToolTip(_tooltip(row) if row else "")
            return
        pos = event.position().toPoint()
        if (pos - self._press[0]).manhattanLength() >= QApplication.startDragDistance():
            self._drag_target = self.day_at(pos)
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, target = self._press, self._drag_target
        self._press, self._drag_target = None, None
        self.unsetCursor()
        self.update()
        if press is None or target is None:
            return
        row = next((r for r in self.rows if r.id == press[1]), None)
        if row is not None and target != row.start_date:
            self.moveRequested.emit(row.id, target)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not selected_event_keys(self, event):
            super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        day, row, more = self.hit(event.position().toPoint())
        if row is not None:
            self.openRequested.emit(row.id)
        elif day is not None and not more:
            self.dayActivated.emit(day)


def _tooltip(row: EventRow) -> str:
    parts = [row.title, f"{row.kind}; {row.time_text}; {row.status}"]
    if row.place:
        parts.append(row.place)
    return "\n".join(parts)
