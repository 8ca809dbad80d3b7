"""Сервис → Допуск рабочих мест: this PC's verification code and whether it is admitted; the
workstations waiting, each admitted once the methodist types the code shown on it (the same
code must be on both screens), or refused after a confirmation."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from imc_desktop.services.common.errors import ServiceError
from ui.widgets.messages import Ask

if TYPE_CHECKING:
    from imc_desktop.services.sync.runner import AdmissionState, Waiting

# decide(name, code, admit) → the state after the decision (ServiceError when refused)
Decide = Callable[[str, str, bool], "AdmissionState"]
Index = QModelIndex | QPersistentModelIndex


class WaitingTableModel(QAbstractTableModel):
    """The workstations waiting for admission: name and verification code."""

    def __init__(self, rows: tuple[Waiting, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = rows

    def set_rows(self, rows: tuple[Waiting, ...]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 2

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self.rows[index.row()]
        return row.workstation if index.column() == 0 else row.code

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Workstation"), self.tr("Verification code"))[section]


class AdmissionDialog(QDialog):
    def __init__(self, state: AdmissionState, decide: Decide,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.decide = decide
        self.setWindowTitle(self.tr("Workstation admission"))
        self.own = QLabel()
        self.own.setWordWrap(True)
        self.own.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = WaitingTableModel(state.waiting, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()  # the name takes the width; the code its own
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.admit_button = QPushButton(self.tr("Admit"))
        self.admit_button.clicked.connect(lambda: self._decide(True))
        self.refuse_button = QPushButton(self.tr("Refuse"))
        self.refuse_button.clicked.connect(lambda: self._decide(False))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.admit_button)
        row.addWidget(self.refuse_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.own)
        self.list_label = QLabel(self.tr("Workstations waiting for admission:"))
        layout.addWidget(self.list_label)
        layout.addWidget(self.table)
        layout.addLayout(row)
        self.resize(560, 360)
        self.show_state(state)

    def show_state(self, state: AdmissionState) -> None:
        if state.admitted:
            text = self.tr("This computer is admitted to the synchronisation (its code: %1). "
                           "Admit a new workstation only when the code shown on it is the "
                           "code in this list.")
        else:
            text = self.tr("This computer is waiting for admission. Its verification code: "
                           "%1. On a computer already admitted, a methodist compares this "
                           "code with the one listed there and admits this one.")
        self.own.setText(text.replace("%1", state.code))
        self.model.set_rows(state.waiting)
        self.admit_button.setEnabled(state.admitted and bool(state.waiting))
        self.refuse_button.setEnabled(state.admitted and bool(state.waiting))
        for part in (self.list_label, self.table, self.admit_button, self.refuse_button):
            part.setVisible(state.admitted)  # only an admitted PC admits others
        if not state.admitted and (layout := self.layout()) is not None:
            self.resize(self.width(), max(layout.heightForWidth(self.width()), 120))
        if state.waiting:
            self.table.selectRow(0)

    def chosen(self) -> Waiting | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _decide(self, admit: bool) -> None:
        waiting = self.chosen()
        if waiting is None:
            return
        if admit:
            code = self.ask_code(waiting.workstation, self)
        else:
            code = waiting.code if Ask.confirm(self, self.tr("Workstation admission"), self.tr(
                "Refuse the workstation «%1»? Its changes will not be applied on any "
                "computer.").replace("%1", waiting.workstation)) else None
        if code is None:
            return
        try:
            self.show_state(self.decide(waiting.workstation, code, admit))
        except ServiceError as exc:
            Ask.error(self, self.tr("Workstation admission"), str(exc))

    @staticmethod
    def ask_code(name: str, parent: QWidget | None) -> str | None:
        """The code the methodist reads on the new workstation's screen; None: cancelled."""
        text, ok = QInputDialog.getText(
            parent, QCoreApplication.translate("AdmissionDialog", "Workstation admission"),
            QCoreApplication.translate(
                "AdmissionDialog", "Type the verification code shown on the workstation «%1» "
                "(it must be the code in the list):").replace("%1", name))
        return text if ok and text.strip() else None

    @staticmethod
    def ask(state: AdmissionState, decide: Decide, parent: QWidget | None = None) -> None:
        AdmissionDialog(state, decide, parent).exec()
