"""Adding members to an association: pedagogues found by name, or chosen in bulk by
subject, position and ОО, with one role for all."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from imc_desktop.services.network import records as net
from ui.widgets.people import PeopleList, PersonChoice


@dataclass(frozen=True)
class NewMembers:
    person_ids: tuple[str, ...]
    role: str


class MembersDialog(QDialog):
    def __init__(self, people: Sequence[net.PersonOption], organizations: Sequence[tuple[str, str]],
                 positions: Sequence[str], subject: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add members"))
        self._people = list(people)
        self.list = PeopleList([PersonChoice(p.id, p.label, p.organization_id, p.position)
                                for p in people], self)
        self.subject = QLineEdit(subject)
        self.position = QComboBox()
        self.position.addItem(self.tr("Any position"), "")
        for position in positions:
            self.position.addItem(position, position)
        self.organization = QComboBox()
        self.organization.addItem(self.tr("Any organization"), "")
        for org_id, name in organizations:
            self.organization.addItem(name, org_id)
        self.select = QPushButton(self.tr("Select all that fit"))
        self.select.clicked.connect(self.select_matching)
        self.found = QLabel()
        self.role = QComboBox()
        self.role.addItems(list(net.ROLES))
        self.role.setCurrentText("член")
        bulk = QFormLayout()
        bulk.addRow(self.tr("Subject"), self.subject)
        bulk.addRow(self.tr("Position"), self.position)
        bulk.addRow(self.tr("Organization"), self.organization)
        row = QHBoxLayout()
        row.addWidget(self.select)
        row.addWidget(self.found, 1)
        bulk.addRow("", row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Find pedagogues by name, or select all who fit the "
                                        "conditions:")))
        layout.addLayout(bulk)
        layout.addWidget(self.list, 1)
        role_row = QFormLayout()
        role_row.addRow(self.tr("Role"), self.role)
        layout.addLayout(role_row)
        layout.addWidget(buttons)
        self.resize(640, 640)

    def select_matching(self) -> None:
        """Select in the list every pedagogue whose main job fits the conditions."""
        fit = {o.id for o in net.matching(self._people, self.subject.text(),
                                          str(self.position.currentData() or ""),
                                          str(self.organization.currentData() or ""))}
        self.list.search.clear()
        view, proxy, model = self.list.view, self.list.filter, self.list.model
        chosen = QItemSelection()
        for row in range(model.rowCount()):
            if model.person_at(row).id in fit:
                index = proxy.mapFromSource(model.index(row, 0))
                chosen.select(index, index)
        view.selectionModel().select(chosen, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.found.setText(self.tr("Selected: %n", "", len(fit)))

    def result_members(self) -> NewMembers:
        return NewMembers(tuple(self.list.chosen()), self.role.currentText())

    @staticmethod
    def ask(people: Sequence[net.PersonOption], organizations: Sequence[tuple[str, str]],
            positions: Sequence[str], subject: str = "", parent: QWidget | None = None
            ) -> NewMembers | None:
        """The pedagogues to add and their role, or None. Tests replace this."""
        dialog = MembersDialog(people, organizations, positions, subject, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        found = dialog.result_members()
        return found if found.person_ids else None
