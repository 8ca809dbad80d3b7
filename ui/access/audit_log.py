"""Сервис → Журнал аудита: changes of personal data, views of СНИЛС/ИНН, of the journal and
the conflicts, exports, restores and roles — from every workstation, newest first."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from imc_desktop.services.common import audit
from ui.widgets.record_list import Column, RecordList


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime("%d.%m.%Y %H:%M")


class AuditLogDialog(QDialog):
    """The trail the personal-data rules ask for, searchable and exportable like any list."""

    def __init__(self, store: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Audit trail"))
        columns = [
            Column("when", self.tr("When"), lambda e: _local(e.at), width=125),
            Column("who", self.tr("Who"), lambda e: e.user_name, width=130),
            Column("where", self.tr("Workstation"), lambda e: e.workstation, width=120),
            Column("action", self.tr("Action"), lambda e: e.action, width=130),
            Column("subject", self.tr("What"), lambda e: e.subject, width=230),
            Column("persons", self.tr("Persons"), lambda e: e.persons or None, kind="int",
                   width=70),
            Column("detail", self.tr("Details"), lambda e: e.detail, width=380),
        ]
        self.record_list = RecordList("audit_log", self.tr("Audit trail"), columns,
                                      audit.entries, {"audit_log"}, store, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.record_list)
        layout.addWidget(buttons)
        self.record_list.reload()
        self.resize(1280, 560)

    @staticmethod
    def ask(store: QSettings, parent: QWidget | None = None) -> None:
        AuditLogDialog(store, parent).exec()
