"""«Инвентаризация»: the count sessions, and the window of one session where lines are marked
found or missing and unexpected items are added as surplus."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from imc_desktop import clock, config
from imc_desktop.services.common import reports
from imc_desktop.services.common.errors import ServiceError
from imc_desktop.services.equipment import inventory as inv
from imc_desktop.services.equipment.inventory import LineRow, SessionRow
from imc_desktop.services.organizations import records as organizations
from ui.equipment.action_dialogs import SessionDialog
from ui.widgets.messages import Ask
from ui.widgets.record_list import Column, RecordList
from ui.widgets.report_preview import preview_report

TABLES = set(inv.TABLES) | {"organizations"}


COUNT_LIST, DISCREPANCIES = "inventory-count-list", "inventory-discrepancies"


def show_document(parent: QWidget, name: str, session_id: str,
                  settings: config.Settings) -> None:
    """The опись or the ведомость расхождений of a count, in the print preview."""
    try:
        report = reports.build(name, {"session": session_id}, settings)
    except ServiceError as exc:
        Ask.error(parent, QCoreApplication.translate("CountingPage", "Inventory count"),
                  str(exc))
        return
    preview_report(parent, report, settings)


def button_row(buttons: list[QPushButton]) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setContentsMargins(4, 4, 4, 0)
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


class SessionWindow(QDialog):
    """One count: type or scan a number to mark it found; unknown numbers become surplus."""

    def __init__(self, session_id: str, settings: config.Settings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session_id, self.settings = session_id, settings
        self.setWindowTitle(self.tr("Inventory count"))
        self.heading, self.message = QLabel(), QLabel()
        self.number = QLineEdit()
        self.number.setPlaceholderText(self.tr("Inventory or serial number, Enter"))
        self.number.returnPressed.connect(self.check_in)
        self.lines = RecordList("inventory_lines", self.tr("Inventory lines"), self._columns(),
                                self._load, TABLES, settings.raw(), self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.number)
        layout.addWidget(self.message)
        layout.addLayout(button_row(self._buttons()))
        layout.addWidget(self.lines, 1)
        self.lines.reload()
        self.resize(1000, 700)

    def _columns(self) -> list[Column]:
        return [
            Column("position", self.tr("No."), lambda x: x.position, kind="int", width=50),
            Column("inventory_number", self.tr("Inventory number"),
                   lambda x: x.inventory_number, width=150),
            Column("name", self.tr("Name"), lambda x: x.name, width=300),
            Column("serial_number", self.tr("Serial number"), lambda x: x.serial_number,
                   width=150),
            Column("state", self.tr("Mark"), lambda x: x.state, width=120),
            Column("cost", self.tr("Cost"), lambda x: x.cost, kind="money", width=110),
            Column("note", self.tr("Note"), lambda x: x.note, width=200),
        ]

    def _buttons(self) -> list[QPushButton]:
        def button(text: str, slot: Callable[[], None]) -> QPushButton:
            b = QPushButton(text)
            b.clicked.connect(slot)
            return b

        self.found_button = button(self.tr("Found"), lambda: self.mark(inv.LINE_FOUND))
        self.missing_button = button(self.tr("Missing"), lambda: self.mark(inv.LINE_MISSING))
        self.clear_button = button(self.tr("Clear the mark"),
                                   lambda: self.mark(inv.LINE_EXPECTED))
        self.remove_button = button(self.tr("Remove surplus"), self.remove_surplus)
        self.close_button = button(self.tr("Finish the count…"), self.finish)
        self.list_button = button(self.tr("Inventory list"), lambda: show_document(
            self, COUNT_LIST, self.session_id, self.settings))
        self.odd_button = button(self.tr("Discrepancy list"), lambda: show_document(
            self, DISCREPANCIES, self.session_id, self.settings))
        return [self.found_button, self.missing_button, self.clear_button, self.remove_button,
                self.close_button, self.list_button, self.odd_button]

    def _load(self) -> list[LineRow]:
        try:
            detail = inv.session_detail(self.session_id)
        except ServiceError as exc:  # deleted meanwhile (here or by a synchronisation)
            self.heading.setText(str(exc))
            self.number.setEnabled(False)
            return []
        row = detail.row
        state = self.tr("open") if row.is_open else self.tr("closed %1").replace(
            "%1", f"{row.closed_on:%d.%m.%Y}" if row.closed_on else "")
        self.heading.setText(self.tr(
            "%1, No. %2 of %3 (%4): expected %5, found %6, missing %7, surplus %8").replace(
            "%1", row.organization).replace("%2", row.number or "—").replace(
            "%3", f"{row.started_on:%d.%m.%Y}").replace("%4", state).replace(
            "%5", str(row.expected)).replace("%6", str(row.found)).replace(
            "%7", str(row.missing)).replace("%8", str(row.surplus)))
        for widget in (self.number, self.found_button, self.missing_button,
                       self.clear_button, self.remove_button, self.close_button):
            widget.setEnabled(row.is_open)
        return list(detail.lines)

    def _run(self, action: Callable[[], object]) -> object | None:
        try:
            return action()
        except ServiceError as exc:
            Ask.error(self, self.tr("Inventory count"), str(exc))
            return None

    def check_in(self) -> None:
        text = self.number.text()
        result = self._run(lambda: inv.check_in(self.session_id, text))
        if isinstance(result, inv.CheckResult):
            self.message.setText(result.message)
            self.number.clear()
            self.lines.select_row_where(lambda x: x.id == result.line_id)

    def mark(self, state: str) -> None:
        ids = [x.id for x in self.lines.selected_rows()]
        if ids:
            self._run(lambda: inv.mark(ids, state))

    def remove_surplus(self) -> None:
        """Delete the selected surplus lines once the user confirms, naming their numbers."""
        rows = [row for row in self.lines.selected_rows() if not row.expected]
        if not rows:
            return
        numbers = ", ".join(row.inventory_number or "—" for row in rows)
        if not Ask.confirm(self, self.tr("Remove surplus"), self.tr(
                "Remove the surplus %1 from the count?").replace("%1", numbers)):
            return
        for row in rows:
            self._run(partial(inv.remove_surplus, row.id))

    def finish(self) -> None:
        if Ask.confirm(self, self.tr("Inventory count"), self.tr(
                "Finish the count? Lines not marked become missing; the list can no longer "
                "be changed.")):
            self._run(lambda: inv.close_session(self.session_id, clock.today()))

    @staticmethod
    def show_modal(session_id: str, settings: config.Settings,
                   parent: QWidget | None = None) -> None:
        window = SessionWindow(session_id, settings, parent)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.exec()


class CountingPage(QWidget):
    """The list of counts with their totals, and what to do with them."""

    def __init__(self, settings: config.Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.record_list = RecordList("inventory_sessions", self.tr("Inventory counts"),
                                      self._columns(), inv.list_sessions, TABLES,
                                      settings.raw(), self)
        self.record_list.openRequested.connect(self.open_session)
        self.record_list.addRequested.connect(self.start)
        self.record_list.deleteRequested.connect(self.delete)
        self.record_list.command_tips["add"] = self.tr("Start a count…")  # the toolbar's
        count_list, odd = (QPushButton(self.tr("Inventory list")),
                           QPushButton(self.tr("Discrepancy list")))
        count_list.clicked.connect(lambda: self.document(COUNT_LIST))
        odd.clicked.connect(lambda: self.document(DISCREPANCIES))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(button_row([count_list, odd]))
        layout.addWidget(self.record_list, 1)
        self.record_list.reload()

    def _columns(self) -> list[Column]:
        return [
            Column("organization", self.tr("Organization"), lambda x: x.organization,
                   width=220),
            Column("number", self.tr("No."), lambda x: x.number, width=80),
            Column("started_on", self.tr("Started"), lambda x: x.started_on, kind="date",
                   width=100),
            Column("closed_on", self.tr("Finished"), lambda x: x.closed_on, kind="date",
                   width=100),
            Column("expected", self.tr("Expected"), lambda x: x.expected, kind="int",
                   width=90),
            Column("found", self.tr("Found"), lambda x: x.found, kind="int", width=90),
            Column("missing", self.tr("Missing"), lambda x: x.missing, kind="int", width=90),
            Column("surplus", self.tr("Surplus"), lambda x: x.surplus, kind="int", width=90),
        ]

    def start(self) -> None:
        data = SessionDialog.ask(organizations.active_organization_choices(), self)
        if data is None:
            return
        try:
            session_id = inv.start_session(data)
        except ServiceError as exc:
            Ask.error(self, self.tr("Inventory count"), str(exc))
            return
        SessionWindow.show_modal(session_id, self.settings, self)

    def open_session(self, row: SessionRow | None = None) -> None:
        row = row or self.record_list.current_row()
        if row is not None:
            SessionWindow.show_modal(row.id, self.settings, self)

    def document(self, name: str) -> None:
        row = self.record_list.current_row()
        if row is None:
            Ask.error(self, self.tr("Inventory count"), self.tr("Choose a count in the list."))
            return
        show_document(self, name, row.id, self.settings)

    def delete(self, rows: list[SessionRow]) -> None:
        if Ask.confirm(self, self.tr("Inventory count"), self.tr(
                "Delete %n count(s) with their lines?", "", len(rows))):
            for row in rows:
                inv.delete_session(row.id)
