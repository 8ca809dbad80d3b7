"""Сервис → Настройки: every declared setting, one page per section chosen from a list
beside it, each page scrolled where long, so the dialog fits a 1366×768 screen."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from imc_desktop import config


def _tr(text: str) -> str:
    return QCoreApplication.translate("Settings", text)


#: sections only an administrator changes (152-ФЗ: where the data travel)
ADMIN_SECTIONS = frozenset({config.S_SYNC})


class SettingsDialog(QDialog):
    PREFERRED = QSize(920, 600)

    def __init__(self, settings: config.Settings, parent: QWidget | None = None,
                 admin: bool = True) -> None:
        """Without `admin`, the synchronisation settings are shown but cannot be changed."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self._settings = settings
        self._editors: dict[str, QWidget] = {}
        self.sections = QListWidget()
        self.sections.setSpacing(3)
        self.pages = QStackedWidget()
        forms: dict[str, QFormLayout] = {}
        for setting in config.ALL:
            if setting.section not in forms:
                locked = not admin and setting.section in ADMIN_SECTIONS
                forms[setting.section] = self._page(_tr(setting.section) + (
                    " — " + self.tr("changed by an administrator only") if locked else ""))
                form_widget = forms[setting.section].parentWidget()
                if locked and form_widget is not None:
                    form_widget.setEnabled(False)
            editor = self._editor(setting)
            label = QLabel(_tr(setting.title))
            label.setBuddy(editor)
            forms[setting.section].addRow(label, editor)
            self._editors[setting.key] = editor
        self.sections.setFixedWidth(self.sections.sizeHintForColumn(0) + 32)
        self.sections.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.sections.setCurrentRow(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addWidget(self.sections)
        body.addWidget(self.pages, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self.resize(self.fitting_size())

    def _page(self, title: str) -> QFormLayout:
        """A section's page: its settings in a form, scrolled when they do not fit."""
        self.sections.addItem(title)
        inner = QWidget()
        form = QFormLayout(inner)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a long title: its
        # editor goes below it instead of off the page
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        self.pages.addWidget(scroll)
        return form

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.fitting_size()

    def fitting_size(self, available: QSize | None = None) -> QSize:
        """The preferred size, or less on a small screen (the pages scroll)."""
        if available is None:
            parent = self.parentWidget()
            screen = parent.screen() if parent is not None else self.screen()
            if screen is None:
                return self.PREFERRED
            available = screen.availableGeometry().size()
        room = available - QSize(40, 80)  # the window's frame and title bar
        return self.PREFERRED.boundedTo(room).expandedTo(self.minimumSizeHint())

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
        line.setMinimumWidth(280)
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
