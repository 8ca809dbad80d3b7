"""The card's tabs that hold tables: rows edited through small forms, messages beside them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from imc_desktop import clock
from imc_desktop.services.staff.card import experience_on_date
from imc_desktop.services.staff.records import EmploymentData
from imc_desktop.services.staff.rules import format_experience
from imc_desktop.services.staff.write import ChangeEntry
from ui.staff.subforms import ChildForm, SubformContext
from ui.widgets.plain_table import make_table
from ui.widgets.record_form import ERROR_STYLE, DateEdit
from ui.widgets.table_model import Column


class ChildTablePage(QWidget):
    """One of the card's tables (jobs, education, стаж, courses, awards)."""

    changed = Signal()

    def __init__(self, attr: str, columns: Sequence[Column], form: type[ChildForm],
                 new_row: Callable[[], Any], context: Callable[[], SubformContext],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.attr, self._form, self._new_row, self._context = attr, form, new_row, context
        self.view, self.model = make_table(columns, self)
        self.view.doubleClicked.connect(lambda _i: self.edit_current())
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.add_button.clicked.connect(self.add_row)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.body = QVBoxLayout(self)
        self.body.addLayout(buttons)
        self.body.addWidget(self.view, 1)
        self.body.addWidget(self.message)

    # ---------------------------------------------------------------- rows
    def rows(self) -> tuple[Any, ...]:
        return tuple(self.model.visible_rows())

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.model.set_rows(list(rows))
        self.changed.emit()

    def current_index(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def add_row(self) -> None:
        row = self._form.ask(self._new_row(), self._context(), self)
        if row is not None:
            self._replace(len(self.rows()), row)

    def edit_current(self) -> None:
        index = self.current_index()
        if index < 0:
            return
        row = self._form.ask(self.rows()[index], self._context(), self)
        if row is not None:
            self._replace(index, row)

    def delete_current(self) -> None:
        index = self.current_index()
        if index >= 0:
            rows = list(self.rows())
            del rows[index]
            self.set_rows(rows)
            self.show_problems({})

    def _replace(self, index: int, row: Any) -> None:
        rows = list(self.rows())
        rows[index:index + 1] = [row]
        self.set_rows(rows)
        self.view.selectRow(index)
        self.show_problems({})

    # ---------------------------------------------------------------- messages
    def show_problems(self, problems: dict[str, str]) -> None:
        """Messages about this table: keys "" (the table) or "2.hours" (row 3's hours)."""
        lines, first = [], None
        for key, message in problems.items():
            number = key.split(".", 1)[0]
            if number.isdigit():
                first = int(number) if first is None else min(first, int(number))
                lines.append(self.tr("Row %1: %2").replace("%1", str(int(number) + 1)).replace(
                    "%2", message))
            else:
                lines.append(message)
        self.message.setText("\n".join(lines))
        self.message.setVisible(bool(lines))
        if first is not None and first < self.model.rowCount():
            self.view.selectRow(first)


class ExperiencePage(ChildTablePage):
    """Стаж records, and every kind of стаж computed on a date the user picks."""

    def __init__(self, columns: Sequence[Column], form: type[ChildForm],
                 new_row: Callable[[], Any], context: Callable[[], SubformContext],
                 parent: QWidget | None = None) -> None:
        super().__init__("experiences", columns, form, new_row, context, parent)
        self._jobs: tuple[EmploymentData, ...] = ()
        self.on_date = DateEdit()
        self.on_date.set_date_value(clock.today())
        self.results = {name: QLabel() for name in ("total", "ped", "position", "organization")}
        box = QGroupBox(self.tr("Length of service on a date"))
        grid = QFormLayout(box)
        grid.addRow(self.tr("On"), self.on_date)
        grid.addRow(self.tr("Total"), self.results["total"])
        grid.addRow(self.tr("Teaching"), self.results["ped"])
        grid.addRow(self.tr("In the position"), self.results["position"])
        grid.addRow(self.tr("In the organization"), self.results["organization"])
        self.body.addWidget(box)
        self.on_date.editingFinished.connect(self.recompute)
        self.changed.connect(self.recompute)

    def set_jobs(self, jobs: Sequence[EmploymentData]) -> None:
        self._jobs = tuple(jobs)
        self.recompute()

    def recompute(self, *_args: object) -> None:
        on = self.on_date.date_value()
        if not isinstance(on, date):  # not typed yet, or typed wrong
            for label in self.results.values():
                label.setText("—")
            return
        found = experience_on_date(self.rows(), self._jobs, on)
        for name, value in (("total", found.total), ("ped", found.teaching),
                            ("position", found.in_position),
                            ("organization", found.in_organization)):
            self.results[name].setText(self._format(value))

    def _format(self, years_months: tuple[int, int] | None) -> str:
        return self.tr("not known") if years_months is None else format_experience(*years_months)


class ChangeLogPage(QWidget):
    """Who changed what on the card, newest first; read-only."""

    def __init__(self, entries: Sequence[ChangeEntry], titles: dict[str, str],
                 names: dict[str, str], parent: QWidget | None = None) -> None:
        """`titles` name the fields and tables; `names` replace ids (of ОО) in the values."""
        super().__init__(parent)
        self._titles, self._names = titles, names
        columns = [
            Column("when", self.tr("When"), lambda e: local_time(e.changed_at), width=125),
            Column("who", self.tr("Who"), lambda e: e.user_name, width=110),
            Column("workstation", self.tr("Workstation"), lambda e: e.workstation, width=120),
            Column("what", self.tr("What"), self._what, width=170),
            Column("field", self.tr("Field"), lambda e: titles.get(e.field, e.field), width=150),
            Column("change", self.tr("Old → new"), self._change, width=300),
        ]
        self.view, self.model = make_table(columns, self)
        self.model.set_rows(list(entries))
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        if not entries:
            layout.addWidget(QLabel(self.tr("No changes recorded yet.")))

    def _what(self, entry: ChangeEntry) -> str:
        return f"{self._titles.get(entry.table, entry.table)}: {entry.action}"

    def _change(self, entry: ChangeEntry) -> str:
        old = self._names.get(entry.old_value, entry.old_value)
        new = self._names.get(entry.new_value, entry.new_value)
        return f"{old} → {new}" if old and new else new or old


def local_time(moment: datetime) -> str:
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone().strftime("%d.%m.%Y %H:%M")

