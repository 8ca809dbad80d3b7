"""The week: seven day columns with time slots; all-day events in a strip on top;
overlapping events side by side. Double-click opens an event or makes one at that hour."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from imc_desktop import clock
from imc_desktop.services.events.calendar import Placed, days_of, week_of, week_slots
from imc_desktop.services.events.records import EventRow
from ui.events.colors import kind_color
from ui.events.month_view import selected_event_keys, weekday_names

FIRST_HOUR, LAST_HOUR = 8, 20
TIME_COLUMN = 48
HEADER = 24
ALL_DAY_LINE = 18


class WeekView(QWidget):
    """`openRequested(event_id)`, `slotActivated(datetime)` on a free slot."""

    openRequested = Signal(str)
    deleteRequested = Signal(str)
    slotActivated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.days = week_of(clock.today())
        self.today = clock.today()
        self.rows: list[EventRow] = []
        self.placed: list[Placed[EventRow]] = []
        self.all_day: list[list[EventRow]] = [[] for _ in range(7)]
        self.selected_id: str | None = None

    def sizeHint(self) -> QSize:
        return QSize(900, 600)

    def set_week(self, day: date, today: date | None = None) -> None:
        self.days, self.today = week_of(day), today or clock.today()
        self._layout()

    def set_events(self, rows: Sequence[EventRow]) -> None:
        self.rows = list(rows)
        self._layout()

    def _layout(self) -> None:
        self.placed = week_slots(self.days, self.rows)
        self.all_day = [[r for r in self.rows if r.all_day and d in days_of(r)]
                        for d in self.days]
        self.update()

    # ---------------------------------------------------------------- geometry
    def _strip(self) -> int:
        return ALL_DAY_LINE * max(1, max(len(x) for x in self.all_day)) + 4

    def _top(self) -> int:
        return HEADER + self._strip()

    def _column_width(self) -> int:
        return max((self.width() - TIME_COLUMN) // 7, 1)

    def _minute_height(self) -> float:
        return max(self.height() - self._top() - 10, 1) / ((LAST_HOUR - FIRST_HOUR) * 60)

    def _y(self, minutes: int) -> int:
        shown = min(max(minutes, FIRST_HOUR * 60), LAST_HOUR * 60) - FIRST_HOUR * 60
        return self._top() + round(shown * self._minute_height())

    def event_rect(self, p: Placed[EventRow]) -> QRect:
        width = self._column_width() / p.lanes
        left = TIME_COLUMN + p.column * self._column_width() + round(p.lane * width)
        top, bottom = self._y(p.top), self._y(p.bottom)
        return QRect(left + 1, top + 1, max(round(width) - 2, 2), max(bottom - top - 2, 8))

    def all_day_rect(self, column: int, line: int) -> QRect:
        return QRect(TIME_COLUMN + column * self._column_width() + 1,
                     HEADER + 2 + line * ALL_DAY_LINE, self._column_width() - 2,
                     ALL_DAY_LINE - 2)

    def event_at(self, pos: QPoint) -> EventRow | None:
        for p in reversed(self.placed):
            if self.event_rect(p).contains(pos):
                return p.item
        for column, rows in enumerate(self.all_day):
            for line, row in enumerate(rows):
                if self.all_day_rect(column, line).contains(pos):
                    return row
        return None

    def moment_at(self, pos: QPoint) -> datetime | None:
        column = (pos.x() - TIME_COLUMN) // self._column_width()
        if pos.x() < TIME_COLUMN or not 0 <= column < 7 or pos.y() < self._top():
            return None
        minutes = FIRST_HOUR * 60 + (pos.y() - self._top()) / self._minute_height()
        hour = min(int(minutes // 60), LAST_HOUR - 1)
        return datetime.combine(self.days[column], time(hour))

    # ---------------------------------------------------------------- painting
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
        self._paint_grid(painter)
        for column, rows in enumerate(self.all_day):
            for line, row in enumerate(rows):
                self._paint_event(painter, self.all_day_rect(column, line), row, row.title)
        for p in self.placed:
            row = p.item
            self._paint_event(painter, self.event_rect(p), row,
                              f"{row.starts_at:%H:%M} {row.title}\n{row.place}")
        painter.end()

    def _paint_grid(self, painter: QPainter) -> None:
        names = weekday_names()
        painter.setPen(QColor("#c8c8c8"))
        for hour in range(FIRST_HOUR, LAST_HOUR + 1):
            y = self._y(hour * 60)
            painter.drawLine(TIME_COLUMN, y, self.width(), y)
            painter.drawText(QRect(0, y - 8, TIME_COLUMN - 4, 16),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             f"{hour}:00")
        for c, day in enumerate(self.days):
            x = TIME_COLUMN + c * self._column_width()
            painter.setPen(QColor("#c8c8c8"))
            painter.drawLine(x, 0, x, self.height())
            painter.setPen(QColor("#c00000") if day == self.today else QColor("#202020"))
            painter.drawText(QRect(x, 0, self._column_width(), HEADER),
                             Qt.AlignmentFlag.AlignCenter,
                             f"{names[c]} {day.day:02d}.{day.month:02d}")

    def _paint_event(self, painter: QPainter, rect: QRect, row: EventRow, text: str) -> None:
        painter.fillRect(rect, kind_color(row.kind, row.status))
        if row.id == self.selected_id:
            painter.setPen(QColor("#000000"))
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.setPen(QColor("#ffffff"))
        painter.drawText(rect.adjusted(3, 1, -2, -1),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                         | Qt.TextFlag.TextWordWrap, text)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        row = self.event_at(event.position().toPoint())
        self.selected_id = row.id if row is not None else None
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        row = self.event_at(event.position().toPoint())
        self.setToolTip(f"{row.title}\n{row.time_text}; {row.place}" if row else "")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not selected_event_keys(self, event):
            super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        row = self.event_at(pos)
        if row is not None:
            self.openRequested.emit(row.id)
            return
        moment = self.moment_at(pos)
        if moment is not None:
            self.slotActivated.emit(moment)
