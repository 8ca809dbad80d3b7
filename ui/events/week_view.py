"""The week: seven day columns with time slots; all-day events in a strip on top;
overlapping events side by side, each at least MIN_LANE wide: those that do not fit are one
«+N» box whose tooltip names them. Today's column is shaded. Double-click opens an event or
makes one at that hour."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import partial

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QMenu, QSizePolicy, QWidget

from imc_desktop import clock
from imc_desktop.services.events.calendar import Placed, days_of, week_of, week_slots
from imc_desktop.services.events.records import EventRow
from ui.events.colors import TODAY_SHADE, kind_color
from ui.events.month_view import selected_event_keys, weekday_names

FIRST_HOUR, LAST_HOUR = 8, 20
TIME_COLUMN = 48
HEADER = 24
ALL_DAY_LINE = 18
MIN_LANE = 64  # the narrowest an event is drawn; more overlapping ones go into «+N»


@dataclass(frozen=True)
class Overflow:
    """Overlapping events of one day that do not fit side by side: shown as «+N»."""

    column: int
    lane: int  # the lane the «+N» box takes
    lanes: int  # the lanes drawn in the column for this group
    top: int
    bottom: int
    items: tuple[EventRow, ...]


def crowd(placed: Sequence[Placed[EventRow]], fit: int
          ) -> tuple[list[Placed[EventRow]], list[Overflow]]:
    """The events drawn and the «+N» boxes when at most `fit` lanes fit in a day column:
    of a group with more lanes, the first fit-1 lanes are drawn, the rest are counted."""
    fit = max(fit, 2)
    shown = [p for p in placed if p.lanes <= fit or p.lane < fit - 1]
    hidden = sorted((p for p in placed if p.lanes > fit and p.lane >= fit - 1),
                    key=lambda p: (p.column, p.top))
    boxes: list[Overflow] = []
    for p in hidden:
        last = boxes[-1] if boxes else None
        if last is not None and last.column == p.column and p.top < last.bottom:
            boxes[-1] = Overflow(last.column, last.lane, last.lanes, last.top,
                                 max(last.bottom, p.bottom), (*last.items, p.item))
        else:
            boxes.append(Overflow(p.column, fit - 1, fit, p.top, p.bottom, (p.item,)))
    return shown, boxes


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

    def arranged(self) -> tuple[list[Placed[EventRow]], list[Overflow]]:
        """What is drawn at the present width: the events and the «+N» boxes."""
        return crowd(self.placed, self._column_width() // MIN_LANE)

    def _lane_rect(self, column: int, lane: int, lanes: int, top: int, bottom: int) -> QRect:
        width = self._column_width() / lanes
        left = TIME_COLUMN + column * self._column_width() + round(lane * width)
        y0, y1 = self._y(top), self._y(bottom)
        return QRect(left + 1, y0 + 1, max(round(width) - 2, 2), max(y1 - y0 - 2, 8))

    def overflow_rect(self, box: Overflow) -> QRect:
        return self._lane_rect(box.column, box.lane, box.lanes, box.top, box.bottom)

    def _minute_height(self) -> float:
        return max(self.height() - self._top() - 10, 1) / ((LAST_HOUR - FIRST_HOUR) * 60)

    def _y(self, minutes: int) -> int:
        shown = min(max(minutes, FIRST_HOUR * 60), LAST_HOUR * 60) - FIRST_HOUR * 60
        return self._top() + round(shown * self._minute_height())

    def event_rect(self, p: Placed[EventRow]) -> QRect:
        fit = max(self._column_width() // MIN_LANE, 2)
        return self._lane_rect(p.column, p.lane, min(p.lanes, fit), p.top, p.bottom)

    def all_day_rect(self, column: int, line: int) -> QRect:
        return QRect(TIME_COLUMN + column * self._column_width() + 1,
                     HEADER + 2 + line * ALL_DAY_LINE, self._column_width() - 2,
                     ALL_DAY_LINE - 2)

    def overflow_at(self, pos: QPoint) -> Overflow | None:
        return next((b for b in self.arranged()[1] if self.overflow_rect(b).contains(pos)),
                    None)

    def event_at(self, pos: QPoint) -> EventRow | None:
        for p in reversed(self.arranged()[0]):
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
        shown, boxes = self.arranged()
        for p in shown:
            row = p.item
            self._paint_event(painter, self.event_rect(p), row,
                              f"{row.starts_at:%H:%M} {row.title}\n{row.place}")
        for box in boxes:
            rect = self.overflow_rect(box)
            painter.fillRect(rect, QColor("#e6ecf3"))
            painter.setPen(QColor("#1f4e79"))
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, f"+{len(box.items)}")
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
            if day == self.today:  # today is a day, not a red digit
                painter.fillRect(QRect(x, 0, self._column_width(), self.height()), TODAY_SHADE)
            painter.setPen(QColor("#c8c8c8"))
            painter.drawLine(x, 0, x, self.height())
            painter.setPen(QColor("#202020"))
            font = painter.font()
            font.setBold(day == self.today)
            painter.setFont(font)
            painter.drawText(QRect(x, 0, self._column_width(), HEADER),
                             Qt.AlignmentFlag.AlignCenter,
                             f"{names[c]} {day.day:02d}.{day.month:02d}")
            font.setBold(False)
            painter.setFont(font)

    def _paint_event(self, painter: QPainter, rect: QRect, row: EventRow, text: str) -> None:
        painter.fillRect(rect, kind_color(row.kind, row.status))
        if row.id == self.selected_id:
            painter.setPen(QColor("#000000"))
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.setPen(QColor("#ffffff"))
        painter.drawText(rect.adjusted(3, 1, -2, -1),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                         | Qt.TextFlag.TextWordWrap, text)

    def overflow_menu(self, box: Overflow) -> QMenu:
        """The events hidden in a «+N»: choosing one opens it."""
        menu = QMenu(self)
        for row in box.items:
            act = menu.addAction(f"{row.time_text} {row.title}")
            act.triggered.connect(partial(self.openRequested.emit, row.id))
        return menu

    def mousePressEvent(self, event: QMouseEvent) -> None:
        box = self.overflow_at(event.position().toPoint())
        if box is not None:
            self.overflow_menu(box).popup(event.globalPosition().toPoint())
            return
        row = self.event_at(event.position().toPoint())
        self.selected_id = row.id if row is not None else None
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self.setToolTip(self.tooltip_at(event.position().toPoint()))

    def tooltip_at(self, pos: QPoint) -> str:
        """The full title (and time, place) of the event there, or the titles in a «+N»."""
        row = self.event_at(pos)
        if row is not None:
            return f"{row.title}\n{row.time_text}; {row.place}"
        box = self.overflow_at(pos)
        if box is None:
            return ""
        return "\n".join(f"{x.time_text} {x.title}" for x in box.items)

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
