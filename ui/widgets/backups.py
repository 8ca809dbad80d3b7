"""The recovery dialog: the backups of a damaged database, each with its date and what it
holds, to choose the one to restore (the newest that holds data is offered)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from imc_desktop.services.common.maintenance import BackupInfo
from ui.widgets.plain_table import make_table
from ui.widgets.table_model import Column


class RecoveryDialog(QDialog):
    """What went wrong, the backups newest first, «Восстановить выбранную» / «Отмена»."""

    def __init__(self, problem: str, backups: Sequence[BackupInfo],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.backups = list(backups)
        layout = QVBoxLayout(self)
        text = QLabel(problem + "\n\n" + self.tr(
            "Choose the backup to restore. The damaged file will be kept beside the "
            "backups."), self)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(text)
        columns = (
            Column("made", self.tr("Made"), lambda b: b.made.strftime("%d.%m.%Y %H:%M"),
                   width=130),
            Column("organizations", self.tr("Organizations"),
                   lambda b: b.organizations, "int", 60),
            Column("persons", self.tr("Pedagogues"), lambda b: b.persons, "int", 90),
            Column("state", self.tr("State"), self._state, width=300),
            Column("file", self.tr("File"), lambda b: b.path.name, width=260),
        )
        self.table, self.model = make_table(columns, self)
        self.model.set_rows(self.backups)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(self)
        self.restore_button = buttons.addButton(self.tr("Restore the chosen one"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.selectionModel().selectionChanged.connect(self._update)
        self.table.doubleClicked.connect(self._double_clicked)
        offered = next((i for i, b in enumerate(self.backups) if b.holds_data),
                       next((i for i, b in enumerate(self.backups) if not b.problem), 0))
        if self.backups:
            self.table.selectRow(offered)
        self._update()
        self.resize(900, 420)

    def _state(self, backup: BackupInfo) -> str:
        if backup.problem:
            return self.tr("cannot be restored: %1").replace("%1", backup.problem)
        if backup.needs_key:
            return self.tr("encrypted with the district sync key: its words will be asked")
        return self.tr("holds data") if backup.holds_data else self.tr("empty")

    def chosen(self) -> Path | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        backup: BackupInfo = self.model.row_at(rows[0].row())
        return None if backup.problem else backup.path

    def _double_clicked(self) -> None:
        if self.restore_button.isEnabled():
            self.accept()

    def _update(self) -> None:
        self.restore_button.setEnabled(self.chosen() is not None)
