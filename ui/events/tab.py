"""The «Мероприятия» tab: month, week and list views of the calendar with «Сегодня»,
back and forward, filters and search; new, open, move, participants and documents."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from imc_desktop import clock, config
from imc_desktop.services.common.errors import ServiceError
from imc_desktop.services.common.rules import Rules
from imc_desktop.services.events import records as events
from imc_desktop.services.events.calendar import month_weeks, week_of
from imc_desktop.services.events.records import EventData, EventRow
from imc_desktop.services.events.rules import add_months
from imc_desktop.services.staff import records as staff
from ui.events.colors import legend_html
from ui.events.documents import DocumentsMenu
from ui.events.event_dialog import EventContext, clash_text, edit_event
from ui.events.filters import EventFilter, FilterBar
from ui.events.month_view import MonthView
from ui.events.participant_forms import PeopleContext
from ui.events.participants_dialog import ParticipantsDialog
from ui.events.week_view import WeekView
from ui.widgets.changes import change_bridge
from ui.widgets.lazy import is_pending, put_off
from ui.widgets.messages import Ask
from ui.widgets.module_tab import ModuleTab
from ui.widgets.people import PersonChoice
from ui.widgets.record_list import Column, RecordList

MONTH, WEEK, LIST = range(3)
POSITIONS: tuple[str, ...] = tuple(staff.CHOICES["position"])


class EventsTab(QWidget):
    def __init__(self, settings: config.Settings, parent: QWidget | None = None,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.title = self.tr("Events")
        self.today = today or clock.today()
        self.anchor = self.today
        self.rows: list[EventRow] = []
        self.month = MonthView(self)
        self.week = WeekView(self)
        self.record_list = self._list()
        self.filters = FilterBar(self)
        self.stack = QStackedWidget()
        for widget in (self.month, self.week, self.record_list):
            self.stack.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self._navigation())
        layout.addWidget(self.filters)
        self.legend = QLabel(legend_html(self.tr("cancelled or moved")))
        self.legend.setToolTip(self.tr("The colours of the kinds of events"))
        self.legend.setWordWrap(True)  # a narrow window wraps it, the window stays narrow
        layout.addWidget(self.legend)
        layout.addWidget(self.stack, 1)
        self._connect()
        self.refresh_choices()
        self.reload()

    # ---------------------------------------------------------------- building
    def lists(self) -> list[RecordList]:
        return [self.record_list]

    def _list(self) -> RecordList:
        columns = [
            Column("date", self.tr("Date"), lambda r: r.starts_at, kind="date", width=95),
            Column("time", self.tr("Time"), lambda r: r.time_text, width=95),
            Column("kind", self.tr("Kind"), lambda r: r.kind, width=140),
            Column("title", self.tr("Title"), lambda r: r.title, width=290),
            Column("place", self.tr("Place"), lambda r: r.place, width=180),
            Column("organizer", self.tr("Organizer"), lambda r: r.organizer, width=165),
            Column("audience", self.tr("Audience"), lambda r: r.audience, width=160),
            Column("level", self.tr("Level"), lambda r: r.level, width=120, hidden=True),
            Column("status", self.tr("Status"), lambda r: r.status, width=100),
            Column("participants", self.tr("Participants"), lambda r: r.participants,
                   kind="int", width=90),
            Column("capacity", self.tr("Places"), lambda r: r.capacity, kind="int",
                   width=70, hidden=True),
            Column("missing", self.tr("Results missing"), lambda r: r.missing, width=170),
        ]
        records = RecordList("events", self.tr("Events"), columns,
                             lambda: events.list_events(today=self.today), set(events.TABLES),
                             self.settings.raw(), self)
        records.search.hide()  # the tab's search box filters every view
        records.focus_search = self.focus_search  # type: ignore[method-assign]
        list_open, list_delete = records.open_current, records.delete_selected
        records.open_current = lambda: self._in_calendar(  # type: ignore[method-assign]
            list_open, self.open_event)
        records.delete_selected = lambda: self._in_calendar(  # type: ignore[method-assign]
            list_delete, self._delete_by_id)
        records.openRequested.connect(lambda row: self.open_event(row.id))
        records.addRequested.connect(lambda: self.new_event())
        records.command_tips["add"] = self.tr("A new event in the calendar…")  # the toolbar
        records.deleteRequested.connect(self.delete_events)
        return records

    def _navigation(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.views = QButtonGroup(self)
        for i, text in enumerate((self.tr("Month"), self.tr("Week"), self.tr("List"))):
            button = QToolButton()
            button.setText(text)
            button.setCheckable(True)
            self.views.addButton(button, i)
            row.addWidget(button)
        self.views.button(MONTH).setChecked(True)
        self.today_button = QPushButton(self.tr("Today"))
        self.back_button, self.forward_button = QToolButton(), QToolButton()
        self.back_button.setText("◀")
        self.forward_button.setText("▶")
        self.period = QLabel()
        font = self.period.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.period.setFont(font)
        self.participants_button = QPushButton(self.tr("Participants…"))
        self.documents = DocumentsMenu(self)
        for widget in (self.today_button, self.back_button, self.forward_button, self.period):
            row.addWidget(widget)
        row.addStretch(1)
        for widget in (self.participants_button, self.documents.button):
            row.addWidget(widget)
        return row

    def _connect(self) -> None:
        self.views.idClicked.connect(self.set_view)
        self.stack.currentChanged.connect(self._view_shown)
        self.today_button.clicked.connect(self.go_today)
        self.back_button.clicked.connect(lambda: self.step(-1))
        self.forward_button.clicked.connect(lambda: self.step(1))
        self.participants_button.clicked.connect(self.edit_participants)
        self.filters.changed.connect(self.apply_filter)
        self.month.openRequested.connect(self.open_event)
        self.month.moveRequested.connect(self.move_event)
        self.month.dayActivated.connect(lambda d: self.new_event(datetime.combine(d, time(10))))
        self.month.dayRequested.connect(self.show_week_of)
        self.week.openRequested.connect(self.open_event)
        for view in (self.month, self.week):
            view.deleteRequested.connect(self._delete_by_id)
        self.week.slotActivated.connect(self.new_event)
        change_bridge().changed.connect(self._changed)

    # ---------------------------------------------------------------- navigation
    def view(self) -> int:
        return self.stack.currentIndex()

    def set_view(self, index: int) -> None:
        if self.stack.currentIndex() != index:
            self.stack.setCurrentIndex(index)  # _view_shown() follows
        else:
            self._view_shown(index)

    def _view_shown(self, index: int) -> None:
        """The view on screen, however it came there (a button, or a link to the list)."""
        self.views.button(index).setChecked(True)
        self.legend.setVisible(index != LIST)
        for button in (self.today_button, self.back_button, self.forward_button):
            button.setEnabled(index != LIST)
        self.reload()

    def go_today(self) -> None:
        self.anchor = self.today
        self.reload()

    def step(self, direction: int) -> None:
        if self.view() == WEEK:
            self.anchor += timedelta(weeks=direction)
        else:
            self.anchor = add_months(self.anchor.replace(day=1), direction)
        self.reload()

    def show_week_of(self, day: date) -> None:
        self.anchor = day
        self.set_view(WEEK)

    def shown_period(self) -> tuple[date, date]:
        if self.view() == WEEK:
            days = week_of(self.anchor)
        else:
            weeks = month_weeks(self.anchor.year, self.anchor.month)
            days = [weeks[0][0], weeks[-1][-1]]
        return days[0], days[-1]

    def _period_text(self) -> str:
        locale = QLocale(QLocale.Language.Russian)
        if self.view() == WEEK:
            first, last = self.shown_period()
            return f"{first:%d.%m.%Y} – {last:%d.%m.%Y}"
        if self.view() == LIST:
            return self.tr("All events")
        name = locale.standaloneMonthName(self.anchor.month).capitalize()
        return f"{name} {self.anchor.year}"

    # ---------------------------------------------------------------- data
    def reload(self) -> None:
        if put_off(self, self.reload):
            return  # built hidden: read when the tab is first shown
        self.period.setText(self._period_text())
        if self.view() == LIST:
            self.record_list.reload()
            self.apply_filter()
            return
        first, last = self.shown_period()
        self.rows = events.list_events(first, last, self.today)
        self.month.set_month(self.anchor.year, self.anchor.month, self.today)
        self.week.set_week(self.anchor, self.today)
        self.apply_filter()

    def refresh_choices(self) -> None:
        from imc_desktop.services.organizations.records import active_organization_choices

        self.organizers = events.organizer_choices()
        self.organizations = active_organization_choices()
        self.filters.set_choices(self.organizers, self.organizations, list(POSITIONS))

    def current_filter(self) -> EventFilter:
        return self.filters.value()

    def apply_filter(self) -> None:
        wanted = self.current_filter()
        shown = [r for r in self.rows if wanted.accepts(r)]
        self.month.set_events(shown)
        self.week.set_events(shown)
        self.record_list.set_predicate(wanted.accepts)

    def visible_rows(self) -> list[EventRow]:
        """What the user sees now: the filtered period, or the filtered list."""
        if self.view() == LIST:
            return list(self.record_list.model.visible_rows())
        return list(self.month.rows)

    def _changed(self, tables: frozenset[str]) -> None:
        if "*" in tables or tables & events.TABLES:
            if self.view() != LIST and not is_pending(self):
                self.reload()
        if "*" in tables or tables & {"persons", "employments", "organizations"}:
            self.refresh_choices()

    def current_event(self) -> EventRow | None:
        if self.view() == LIST:
            row = self.record_list.current_row()
            return row if isinstance(row, EventRow) else None
        chosen = self.month.selected_id if self.view() == MONTH else self.week.selected_id
        return next((r for r in self.rows if r.id == chosen), None)

    def focus_search(self) -> None:
        self.filters.search.setFocus()
        self.filters.search.selectAll()

    def reminders(self) -> events.Reminders:
        return events.reminders(self.today, self.settings.get(config.EVENTS_REMIND_DAYS))

    # ---------------------------------------------------------------- commands
    def context(self) -> EventContext:
        return EventContext(tuple(self.organizations), tuple(self.organizers),
                            self.edit_participants, self.documents.menu)

    def new_event(self, start: datetime | None = None) -> str | None:
        start = start or datetime.combine(self.anchor, time(10))
        data = EventData(starts_at=start, ends_at=start + timedelta(hours=2))
        return edit_event(data, self.context(), self)

    def open_event(self, event_id: str) -> str | None:
        try:
            data = events.get_event(event_id)
        except ServiceError as exc:
            Ask.error(self, self.tr("Event"), str(exc))
            return None
        return edit_event(data, self.context(), self)

    def move_event(self, event_id: str, day: date) -> bool:
        """Move by dragging: warn of a clash of place and time; a series' occurrence moves
        alone."""
        try:
            loaded = events.get_event(event_id)
            data = events.moved(loaded, day)
            found = events.clashes_of(data)
            if found and not Ask.confirm(self, self.tr("Place is taken"), self.tr(
                    "At this place and time there is already:") + "\n" + clash_text(found)
                    + "\n\n" + self.tr("Move anyway?")):
                return False
            events.save_event(data, loaded=loaded, overwrite=True)
        except ServiceError as exc:
            Ask.error(self, self.tr("Event not moved"), str(exc))
            return False
        return True

    def delete_events(self, rows: list[EventRow]) -> None:
        if not rows or not Ask.confirm(self, self.tr("Delete events"), self.tr(
                "Delete %n event(s) with their participants?", "", len(rows))):
            return
        whole = any(r.series_id for r in rows) and Ask.confirm(
            self, self.tr("Delete events"), self.tr(
                "Some of them repeat. Delete the whole series too?"))
        events.delete_events([r.id for r in rows], whole)

    def _in_calendar(self, in_list: Callable[[], None], act: Callable[[str], object]) -> None:
        """The main window's «Открыть» and «Удалить» act on the chosen event of any view."""
        if self.view() == LIST:
            in_list()
            return
        row = self.current_event()
        if row is not None:
            act(row.id)

    def _delete_by_id(self, event_id: str) -> None:
        self.delete_events([r for r in self.rows if r.id == event_id])

    def people_context(self) -> PeopleContext:
        people = staff.list_staff(Rules.from_settings(self.settings), self.today)
        subjects = sorted({s for p in people for s in p.subjects})
        return PeopleContext(
            tuple(PersonChoice(p.id, f"{p.full_name} — {p.organization}".rstrip(" —"),
                               p.organization_id, p.position) for p in people),
            tuple(self.organizations), POSITIONS, tuple(subjects))

    def edit_participants(self) -> None:
        from imc_desktop.services.common import importing

        row = self.current_event()
        if row is None:
            Ask.info(self, self.tr("Participants"), self.tr("Choose an event first."))
            return
        ParticipantsDialog.ask(row, self.people_context(),
                               importing.mapping_store(self.settings.data_dir()), self)


if TYPE_CHECKING:  # the main window takes the tab as a ModuleTab
    _module_tab: type[ModuleTab] = EventsTab
