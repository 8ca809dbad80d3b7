"""Сервис → Конфликты синхронизации (keep / restore) and Журнал изменений (overall or of one
record): lists like every other, searchable and exportable."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from imc_desktop import config
from imc_desktop.services.common.errors import ServiceError
from imc_desktop.services.sync import views as sync_views
from imc_desktop.services.sync.views import ConflictRow
from ui.widgets.messages import Ask
from ui.widgets.record_list import Column, RecordList


def _local(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%d.%m.%Y %H:%M") if moment else ""


def _fill(text: str, *values: str) -> str:
    """%1, %2… of a translated text replaced at once (a value may contain a % itself)."""
    return re.sub(r"%(\d)", lambda m: values[int(m[1]) - 1], text)


class ConflictsDialog(QDialog):
    def __init__(self, path: Path, settings: config.Settings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.setWindowTitle(self.tr("Sync conflicts"))
        columns = self._columns()
        self.record_list = RecordList("sync_conflicts", self.tr("Sync conflicts"), columns,
                                      lambda: sync_views.conflicts(path), {"sync_conflicts"},
                                      settings.raw(), self)
        self.keep_button = QPushButton(self.tr("Keep"))
        self.keep_button.clicked.connect(lambda: self._resolve(sync_views.keep))
        self.restore_button = QPushButton(self.tr("Restore the other value"))
        self.restore_button.clicked.connect(
            lambda: self._resolve(sync_views.restore, self._restore_confirmed))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.keep_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.record_list)
        layout.addLayout(row)
        self.record_list.reload()
        self.resize(1500, 560)

    def _columns(self) -> list[Column]:
        return [
            Column("table", self.tr("List"), lambda c: c.table, width=140),
            Column("record", self.tr("Record"), lambda c: c.record, width=180),
            Column("field", self.tr("Field"), lambda c: c.field, width=160),
            Column("kind", self.tr("What happened"), lambda c: c.kind, width=180),
            Column("kept", self.tr("Kept value"), lambda c: c.kept_value, width=165),
            Column("other", self.tr("Other value"), lambda c: c.other_value, width=140),
            Column("kept_by", self.tr("Kept from"), lambda c: c.kept_by, width=130),
            Column("kept_at", self.tr("Kept, when"), lambda c: _local(c.kept_at), width=120),
            Column("other_by", self.tr("Other from"), lambda c: c.other_by, width=115),
            Column("other_at", self.tr("Other, when"), lambda c: _local(c.other_at),
                   width=120),
        ]

    def _resolve(self, action: object,
                 confirmed: Callable[[list[ConflictRow]], bool] | None = None) -> None:
        chosen = self.record_list.selected_rows()
        if not chosen:
            Ask.info(self, self.tr("Sync conflicts"), self.tr("Select a conflict first."))
            return
        if confirmed is not None and not confirmed(chosen):
            return
        try:
            for conflict in chosen:
                action(self.path, conflict.id)  # type: ignore[operator]
        except ServiceError as exc:
            Ask.error(self, self.tr("Sync conflicts"), str(exc))
        self.record_list.reload()

    def _restore_confirmed(self, chosen: list[ConflictRow]) -> bool:
        """Asked first: the kept value is replaced on every workstation."""
        if len(chosen) == 1:
            c = chosen[0]
            text = _fill(self.tr("Restore the other value of the field «%1» of the record «%2» "
                                 "(%3)?"), c.field, c.record, c.table)
        else:
            text = _fill(self.tr("Restore the other value in the selected conflicts (%1)?"),
                         str(len(chosen)))
        text += "\n\n" + self.tr("The kept value is replaced on every workstation after "
                                 "the next sync. A deleted record comes back together with "
                                 "its deleted linked records.")
        return Ask.confirm(self, self.tr("Restore the other value"), text)

    @staticmethod
    def ask(path: Path, settings: config.Settings, parent: QWidget | None = None) -> None:
        sync_views.log_opened("Конфликты синхронизации")
        ConflictsDialog(path, settings, parent).exec()


class JournalDialog(QDialog):
    def __init__(self, path: Path, record: str | None, settings: config.Settings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change journal") if record is None
                            else self.tr("Change journal of the record"))
        columns = [
            Column("when", self.tr("When"), lambda e: _local(e.changed_at), width=125),
            Column("where", self.tr("Workstation"), lambda e: e.workstation, width=110),
            Column("who", self.tr("User"), lambda e: e.user_name, width=100),
            Column("table", self.tr("List"), lambda e: e.table, width=190),
            Column("record", self.tr("Record"), lambda e: e.record, width=210),
            Column("action", self.tr("Action"), lambda e: e.action, width=90),
            Column("field", self.tr("Field"), lambda e: e.field, width=170),
            Column("value", self.tr("New value"), lambda e: e.value, width=220),
        ]
        self.record_list = RecordList("sync_journal", self.windowTitle(), columns,
                                      lambda: sync_views.journal(path, record),
                                      {"sync_changes"}, settings.raw(), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.record_list)
        layout.addWidget(buttons)
        self.record_list.reload()
        self.resize(1400, 560)

    @staticmethod
    def ask(path: Path, record: str | None, settings: config.Settings,
            parent: QWidget | None = None) -> None:
        sync_views.log_opened("Журнал изменений", record)
        JournalDialog(path, record, settings, parent).exec()
