"""«Главная»: today's work across the modules; each count opens its list filtered to it.

The page itself needs no database layer: it shows a `StartPage` (figures and ОО), computed by
the services on `reload()` or kept from the last close (`snapshot`), so that the program's
start can show it first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from imc_desktop import config
from imc_desktop.config import QT_TRANSLATE_NOOP
from imc_desktop.services.common import maintenance
from imc_desktop.services.home import figures as home
from imc_desktop.services.home.snapshot import StartPage
from ui.widgets.changes import change_bridge

if TYPE_CHECKING:
    from ui.widgets.record_list import RecordList

RELOAD_DELAY_MS = 300  # after a change, once the writes in a row are done
LINK_STYLE = ("QPushButton { border: none; padding: 2px 8px; }"
              "QPushButton:enabled { color: #0b57a4; text-decoration: underline; }"
              "QPushButton:disabled { color: #999; text-decoration: none; }")


@dataclass(frozen=True)
class Line:
    key: str
    text: str
    list_id: str


def groups() -> list[tuple[str, list[Line]]]:
    """The page's groups and lines (translated), each line opening the list of `list_id`."""
    return [(_translated(title), [replace(x, text=_translated(x.text)) for x in lines])
            for title, lines in _GROUPS]


def _translated(text: str) -> str:
    return QCoreApplication.translate("HomePage", text)


def _groups() -> list[tuple[str, list[Line]]]:
    deadlines, applications = "attestation_deadlines", "attestation_applications"
    return [
        (QT_TRANSLATE_NOOP("HomePage", "Staff"), [
            Line(home.KPK_OVERDUE,
                 QT_TRANSLATE_NOOP("HomePage", "Courses (KPK) overdue"), "staff"),
            Line(home.KPK_SOON,
                 QT_TRANSLATE_NOOP("HomePage", "Courses (KPK) due within 90 days"), "staff")]),
        (QT_TRANSLATE_NOOP("HomePage", "Attestation"), [
            Line(home.ATTESTATION_OVERDUE,
                 QT_TRANSLATE_NOOP("HomePage", "Category or SZD overdue"), deadlines),
            Line(home.CATEGORY_NEAR,
                 QT_TRANSLATE_NOOP("HomePage", "Categories expire within 30 days"), deadlines),
            Line(home.CATEGORY_FAR,
                 QT_TRANSLATE_NOOP("HomePage", "Categories expire within 90 days"), deadlines),
            Line(home.SZD_NEAR,
                 QT_TRANSLATE_NOOP("HomePage", "SZD due within 30 days"), deadlines),
            Line(home.SZD_FAR,
                 QT_TRANSLATE_NOOP("HomePage", "SZD due within 90 days"), deadlines),
            Line(home.APPLICATIONS_ENDING,
                 QT_TRANSLATE_NOOP("HomePage", "Applications whose 30/60 days end this week"),
                 applications),
            Line(home.APPLICATIONS_OVERDUE,
                 QT_TRANSLATE_NOOP("HomePage", "Applications past their 30/60 days"),
                 applications)]),
        (QT_TRANSLATE_NOOP("HomePage", "Events"), [
            Line(home.EVENTS_SOON,
                 QT_TRANSLATE_NOOP("HomePage", "Events of the next days"), "events"),
            Line(home.EVENTS_NO_RESULTS,
                 QT_TRANSLATE_NOOP("HomePage", "Past events without results"), "events")]),
        (QT_TRANSLATE_NOOP("HomePage", "Literature"), [
            Line(home.TRANSFERS_OVERDUE,
                 QT_TRANSLATE_NOOP("HomePage", "Temporary transfers not returned in time"),
                 "literature_documents")]),
        (QT_TRANSLATE_NOOP("HomePage", "Equipment"), [
            Line(home.WRITE_OFFS_PENDING,
                 QT_TRANSLATE_NOOP("HomePage", "Write-off acts awaiting confirmation"),
                 "equipment_acts"),
            Line(home.LONG_REPAIRS,
                 QT_TRANSLATE_NOOP("HomePage", "Items in repair over 30 days"), "equipment")]),
        (QT_TRANSLATE_NOOP("HomePage", "Methodological network"), [
            Line(home.DECISIONS_OVERDUE,
                 QT_TRANSLATE_NOOP("HomePage", "Decisions of meetings past their deadline"),
                 "network_decisions"),
            Line(home.MEETINGS_NO_PROTOCOL,
                 QT_TRANSLATE_NOOP("HomePage", "Meetings held without a protocol"),
                 "network_meetings")]),
        (QT_TRANSLATE_NOOP("HomePage", "Requests and monitorings"), [
            Line(home.REQUESTS_OVERDUE,
                 QT_TRANSLATE_NOOP("HomePage", "Requests overdue"), "requests"),
            Line(home.REQUESTS_SOON,
                 QT_TRANSLATE_NOOP("HomePage", "Requests due within 3 days"), "requests"),
            Line(home.COLLECTIONS_OVERDUE,
                 QT_TRANSLATE_NOOP("HomePage", "Data collections overdue"), "collections"),
            Line(home.COLLECTIONS_SOON,
                 QT_TRANSLATE_NOOP("HomePage", "Data collections due within 3 days"),
                 "collections")]),
    ]


_GROUPS = _groups()


def row_key(list_id: str) -> Callable[[Any], str]:
    """How a row of that list is matched with the keys the page counted."""
    if list_id == "attestation_deadlines":
        return home.due_key
    return lambda row: str(getattr(row, "id", ""))


@dataclass(frozen=True)
class HomeLink:
    """«Show these records in that list»: what a count asks of the main window."""

    list_id: str
    label: str
    keys: frozenset[str]

    def predicate(self) -> Callable[[Any], bool]:
        key, keys = row_key(self.list_id), self.keys
        return lambda row: key(row) in keys


def show_link(lists: list[RecordList], link: HomeLink) -> RecordList | None:
    """Bring the list of the link to the front (its tab, sub-tab, view) and filter it."""
    records = next((x for x in lists if x.list_id == link.list_id), None)
    if records is None:
        return None
    reveal(records)
    records.show_only(link.label, link.predicate())
    return records


def reveal(widget: QWidget) -> None:
    """Make every tab and stacked page that holds `widget` the current one."""
    from PySide6.QtWidgets import QStackedWidget, QTabWidget

    child, parent = widget, widget.parentWidget()
    while parent is not None:
        holder = parent.parentWidget()
        if isinstance(parent, QStackedWidget) and isinstance(holder, QTabWidget):
            holder.setCurrentWidget(child)
        elif isinstance(parent, QStackedWidget):
            parent.setCurrentWidget(child)
        child, parent = parent, holder


class HomePage(QWidget):
    """The start page. `linkActivated(HomeLink)` asks the window to open a filtered list;
    `syncRequested`, `conflictsRequested` and `remindersRequested` its commands."""

    linkActivated = Signal(object)
    syncRequested = Signal()
    conflictsRequested = Signal()
    remindersRequested = Signal()

    def __init__(self, settings: config.Settings, sync_path: Callable[[], Path | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings, self._sync_path = settings, sync_path
        self.title = self.tr("Home")
        self.data: home.HomeData | None = None
        #: runs a command that needs the module tabs (the window delays it until they are
        #: built when the page was shown first); at once by default
        self.when_ready: Callable[[Callable[[], None]], None] = lambda command: command()
        self.buttons: dict[str, QPushButton] = {}
        self.district_labels: dict[str, QLabel] = {}
        self._build()
        self._timer = QTimer(self, singleShot=True, interval=RELOAD_DELAY_MS)
        self._timer.timeout.connect(self.reload)
        change_bridge().changed.connect(self._changed)  # a method: gone with the page

    # ---------------------------------------------------------------- building
    def _build(self) -> None:
        self.organization = QComboBox()
        self.organization.setMinimumContentsLength(30)
        self.organization.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.organization.currentIndexChanged.connect(lambda _i: self.show_counts())
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(lambda: self.when_ready(self.reload))
        reminders = QPushButton(self.tr("Events reminder…"))
        reminders.clicked.connect(self.remindersRequested)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Organization:")))
        top.addWidget(self.organization)
        top.addWidget(refresh)
        top.addWidget(reminders)
        columns = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        made = [self._group(title, lines) for title, lines in groups()]
        made.append(self._sync_group())
        for box, column in zip(made, (left, right, left, left, left, right, right, right),
                               strict=True):
            column.addWidget(box)
        for column in (left, right):
            column.addStretch(1)
            columns.addLayout(column, 1)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addLayout(top)
        body_layout.addLayout(columns, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def _group(self, title: str, lines: list[Line]) -> QGroupBox:
        box = QGroupBox(title)
        grid = QGridLayout(box)
        grid.setColumnStretch(0, 1)
        for row, line in enumerate(lines):
            text = QLabel(line.text)
            text.setWordWrap(True)
            button = QPushButton()
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setMinimumWidth(70)
            button.setStyleSheet(LINK_STYLE)
            button.setToolTip(self.tr("Open the list of these records"))
            button.clicked.connect(lambda _c=False, line=line: self.open_line(line))
            district = QLabel()
            district.setStyleSheet("color: #666;")
            grid.addWidget(text, row, 0)
            grid.addWidget(button, row, 1)
            grid.addWidget(district, row, 2)
            self.buttons[line.key] = button
            self.district_labels[line.key] = district
        return box

    def _sync_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Synchronisation"))
        grid = QGridLayout(box)
        grid.setColumnStretch(0, 1)
        self.sync_state = QLabel()
        self.sync_state.setWordWrap(True)
        self.sync_button = QPushButton(self.tr("Synchronise"))
        self.sync_button.clicked.connect(self.syncRequested)
        self.conflicts_button = QPushButton()
        self.conflicts_button.setFlat(True)
        self.conflicts_button.setStyleSheet(LINK_STYLE)
        self.conflicts_button.clicked.connect(self.conflictsRequested)
        grid.addWidget(self.sync_state, 0, 0)
        grid.addWidget(self.sync_button, 0, 1)
        grid.addWidget(QLabel(self.tr("Open conflicts")), 1, 0)
        grid.addWidget(self.conflicts_button, 1, 1)
        return box

    # ---------------------------------------------------------------- data
    def _changed(self, _tables: frozenset[str]) -> None:
        self._timer.start()

    def reload(self) -> None:
        """Read the counts again (the ОО chosen stays); nothing once the database is closed."""
        if maintenance.is_open():
            self.show_page(self.compute())

    def compute(self) -> StartPage:
        """The page's figures now, as the services compute them (the database is open)."""
        from imc_desktop.services.common.rules import Rules
        from imc_desktop.services.home import records

        return records.start_page(Rules.from_settings(self.settings),
                                  sync_path=self._sync_path(),
                                  remind_days=self.settings.get(config.EVENTS_REMIND_DAYS))

    def compute_next_working_day(self, page: StartPage) -> home.HomeData:
        """The figures of the working day after `page`'s, as they will be at its start with the
        data as they are now (its synchronisation state is `page`'s)."""
        from imc_desktop.services.common.rules import Rules
        from imc_desktop.services.home import records
        from imc_desktop.services.home.snapshot import next_working_day

        start = datetime.combine(next_working_day(page.data.today), time.min)
        return replace(records.home_data(
            Rules.from_settings(self.settings), now=start,
            remind_days=self.settings.get(config.EVENTS_REMIND_DAYS)), sync=page.data.sync)

    def show_page(self, page: StartPage) -> None:
        """Show these figures and ОО (the ОО chosen stays when it is still there)."""
        self._fill_organizations(page.organizations)
        self.data = page.data
        self.show_counts()

    def _fill_organizations(self, choices: tuple[tuple[str, str], ...]) -> None:
        chosen = self.organization.currentData()
        self.organization.blockSignals(True)
        self.organization.clear()
        self.organization.addItem(self.tr("Whole district"), None)
        for org_id, name in choices:
            self.organization.addItem(name, org_id)
        found = self.organization.findData(chosen) if chosen is not None else 0
        self.organization.setCurrentIndex(max(found, 0))
        self.organization.blockSignals(False)

    def chosen_organization(self) -> str | None:
        data = self.organization.currentData()
        return data if isinstance(data, str) else None

    def show_counts(self) -> None:
        if self.data is None:
            return
        data, org = self.data, self.chosen_organization()
        self.heading.setText(self.tr("Today, %1").replace(
            "%1", data.today.strftime("%d.%m.%Y")))
        for key, button in self.buttons.items():
            count = data.count(key, org)
            button.setText(str(count))
            button.setEnabled(count > 0)
            font = button.font()
            font.setBold(count > 0)
            button.setFont(font)
            self.district_labels[key].setText(
                self.tr("district: %1").replace("%1", str(data.count(key)))
                if org is not None else "")
        self._show_sync()

    def _show_sync(self) -> None:
        state = self.data.sync if self.data is not None else None
        self.sync_button.setEnabled(state is not None)
        self.conflicts_button.setText(str(state.conflicts) if state else "—")
        self.conflicts_button.setEnabled(bool(state and state.conflicts))
        if state is None:
            self.sync_state.setText(self.tr(
                "Synchronisation is not set up (Service → Settings → Synchronisation)."))
            return
        last = (self.tr("never") if state.last_sync is None else state.last_sync.astimezone(
            ).strftime("%d.%m.%Y %H:%M"))
        self.sync_state.setText(self.tr("Last synchronisation: %1. Changes not sent: %2.")
                                .replace("%1", last).replace("%2", str(state.unsent)))

    # ---------------------------------------------------------------- links
    def link(self, key: str) -> HomeLink:
        line = next(x for _t, lines in groups() for x in lines if x.key == key)
        org = self.chosen_organization()
        assert self.data is not None
        label = line.text + ("" if org is None else f" — {self.organization.currentText()}")
        return HomeLink(line.list_id, label, self.data.measures[key].keys(org))

    def open_line(self, line: Line) -> None:
        self.linkActivated.emit(self.link(line.key))
