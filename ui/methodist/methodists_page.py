"""«Методисты»: the ИМЦ's methodists (pedagogues of the register) and the subjects, ОО and
associations each one curates."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel, QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from imc_desktop.services.common.errors import ServiceError
from imc_desktop.services.methodist import records as journal
from imc_desktop.services.methodist import write
from imc_desktop.services.methodist.records import MethodistRow
from ui.methodist.choices import Choices
from ui.methodist.quick import LookupEdit
from ui.widgets.messages import Ask
from ui.widgets.people import PeopleList, PersonChoice
from ui.widgets.record_form import ERROR_STYLE
from ui.widgets.record_list import Column, RecordList

TABLES = {journal.PROFILES, "persons", "organizations"}


class MethodistDialog(QDialog):
    """A methodist's card: who, and what he curates. Given its choices; asks nothing."""

    def __init__(self, row: MethodistRow, people: list[PersonChoice],
                 organizations: list[PersonChoice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Methodist of the centre"))
        self.row = row
        self.person = LookupEdit(self.tr("Pedagogue's name"))
        self.person.set_choices(people)
        self.person.pick(row.person_id)
        self.person.line.returnPressed.connect(self.person.accept_current)
        self.subjects = QLineEdit(row.subjects)
        self.subjects.setPlaceholderText(self.tr("Subjects separated by «;»"))
        self.organizations = PeopleList(organizations, self)
        selection = self.organizations.view.selectionModel()
        for i in range(self.organizations.filter.rowCount()):
            index = self.organizations.filter.index(i, 0)
            if self.organizations.model.person_at(
                    self.organizations.filter.mapToSource(index).row()).id \
                    in row.organization_ids:
                selection.select(index, QItemSelectionModel.SelectionFlag.Select)
        self.associations = QLineEdit(row.associations)
        self.active = QCheckBox(self.tr("Works in the centre"))
        self.active.setChecked(row.is_active)
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("Pedagogue"), self.person)
        form.addRow(self.tr("Curates subjects"), self.subjects)
        form.addRow(self.tr("Curates organizations"), self.organizations)
        form.addRow(self.tr("Curates associations"), self.associations)
        form.addRow("", self.active)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(640, 560)

    def edited(self) -> MethodistRow:
        return replace(self.row, person_id=self.person.chosen_id or None,
                       subjects=self.subjects.text(),
                       organization_ids=tuple(self.organizations.chosen()),
                       associations=self.associations.text(),
                       is_active=self.active.isChecked())

    def _save(self) -> None:
        try:
            write.save_methodist(self.edited())
        except ServiceError as exc:
            self.message.setText(str(exc))
            return
        self.accept()

    @staticmethod
    def ask(row: MethodistRow, people: list[PersonChoice], organizations: list[PersonChoice],
            parent: QWidget | None = None) -> bool:
        """Edit and save; True when saved."""
        return MethodistDialog(row, people, organizations, parent).exec() \
            == QDialog.DialogCode.Accepted


class MethodistsPage(QWidget):
    def __init__(self, store: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record_list = RecordList("methodist_profiles", self.tr("Methodists"),
                                      self._columns(), journal.methodists, TABLES, store, self)
        self.record_list.openRequested.connect(self.open_record)
        self.record_list.addRequested.connect(lambda: self._edit(MethodistRow()))
        self.record_list.deleteRequested.connect(self.delete_records)
        self.choices = Choices(self, lambda _c: None)
        hint = QLabel(self.tr(
            "The methodists of the centre are pedagogues of the register. Until one is added "
            "here, the journal offers everyone whose position is «методист»."))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addWidget(hint)
        layout.addWidget(self.record_list, 1)

    def _columns(self) -> list[Column]:
        return [
            Column("name", self.tr("Methodist"), lambda r: r.name, width=240),
            Column("subjects", self.tr("Subjects"), lambda r: r.subjects, width=220),
            Column("organizations", self.tr("Organizations"), lambda r: r.organizations,
                   width=360),
            Column("associations", self.tr("Associations"), lambda r: r.associations,
                   width=240),
            Column("is_active", self.tr("Works"), lambda r: r.is_active, kind="bool",
                   width=80),
        ]

    def open_record(self, row: MethodistRow | None = None) -> None:
        row = row or self.record_list.current_row()
        if row is not None:
            self._edit(row)

    def _edit(self, row: MethodistRow) -> None:
        self.choices.read()
        MethodistDialog.ask(row, self.choices.people, self.choices.organizations, self)

    def delete_records(self, rows: list[MethodistRow]) -> None:
        if Ask.confirm(self, self.tr("Remove methodists"), self.tr(
                "Remove %n methodist(s) from the centre's list? Their journal stays.", "",
                len(rows))):
            write.delete_methodists([r.id for r in rows if r.id])
