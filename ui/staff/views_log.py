"""Сервис → Журнал просмотра персональных данных: when unmasked СНИЛС/ИНН were shown."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from imc_desktop.services.staff import write as staff_write
from ui.widgets.record_list import Column, RecordList


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime("%d.%m.%Y %H:%M")


class PersonalDataViewsDialog(QDialog):
    """The log the personal-data rules ask for, searchable and exportable like any list."""

    def __init__(self, store: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Views of personal data"))
        columns = [
            Column("when", self.tr("When"), lambda e: _local(e.changed_at), width=140),
            Column("who", self.tr("Who"), lambda e: e.user_name, width=140),
            Column("where", self.tr("Workstation"), lambda e: e.workstation, width=160),
            Column("what", self.tr("What was shown"), lambda e: e.new_value, width=360),
        ]
        self.record_list = RecordList("personal_data_views", self.tr("Views of personal data"),
                                      columns, staff_write.personal_data_views,
                                      {"change_log"}, store, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.record_list)
        layout.addWidget(buttons)
        self.record_list.reload()
        self.resize(900, 520)

    @staticmethod
    def ask(store: QSettings, parent: QWidget | None = None) -> None:
        PersonalDataViewsDialog(store, parent).exec()

