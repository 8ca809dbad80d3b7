"""Сервис → Настройки: every declared setting, grouped by section, one editor per type."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from imc_desktop import config


def _tr(text: str) -> str:
    return QCoreApplication.translate("Settings", text)


#: sections only an administrator changes (152-ФЗ: where the data travel)
ADMIN_SECTIONS = frozenset({config.S_SYNC})


class SettingsDialog(QDialog):
    def __init__(self, settings: config.Settings, parent: QWidget | None = None,
                 admin: bool = True) -> None:
        """Without `admin`, the synchronisation settings are shown but cannot be changed."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self._settings = settings
        self._editors: dict[str, QWidget] = {}
        layout = QVBoxLayout(self)
        sections: dict[str, QFormLayout] = {}
        for setting in config.ALL:
            if setting.section not in sections:
                box = QGroupBox(_tr(setting.section))
                sections[setting.section] = QFormLayout(box)
                layout.addWidget(box)
                if not admin and setting.section in ADMIN_SECTIONS:
                    box.setEnabled(False)
                    box.setTitle(_tr(setting.section) + " — " + self.tr(
                        "changed by an administrator only"))
            editor = self._editor(setting)
            sections[setting.section].addRow(_tr(setting.title), editor)
            self._editors[setting.key] = editor
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 0)

    def _editor(self, setting: config.Setting[str] | config.Setting[int] | config.Setting[bool]
                ) -> QWidget:
        if setting.type is bool:
            box = QCheckBox()
            box.setChecked(self._settings.get(cast(config.Setting[bool], setting)))
            return box
        if setting.type is int:
            spin = QSpinBox()
            spin.setRange(setting.minimum, setting.maximum)
            spin.setValue(self._settings.get(cast(config.Setting[int], setting)))
            return spin
        line = QLineEdit(self._settings.get(cast(config.Setting[str], setting)))
        line.setMinimumWidth(420)
        return line

    def save(self) -> None:
        for setting in config.ALL:
            editor = self._editors[setting.key]
            if isinstance(editor, QCheckBox):
                self._settings.set(cast(config.Setting[bool], setting), editor.isChecked())
            elif isinstance(editor, QSpinBox):
                self._settings.set(cast(config.Setting[int], setting), editor.value())
            elif isinstance(editor, QLineEdit):
                self._settings.set(cast(config.Setting[str], setting), editor.text().strip())
        self._settings.sync()

    @staticmethod
    def ask(settings: config.Settings, parent: QWidget | None = None) -> bool:
        """The synchronisation settings are an administrator's (152-ФЗ)."""
        from imc_desktop.services.common import access

        dialog = SettingsDialog(settings, parent, access.current().is_admin)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        dialog.save()
        return True
