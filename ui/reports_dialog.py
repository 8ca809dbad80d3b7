"""Файл → Отчёты…: the registered reports, their parameters, preview and save."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from imc_desktop import config
from imc_desktop.services.common import reports
from imc_desktop.services.common.reports import ReportDefinition, ReportParam
from ui.widgets.messages import Ask
from ui.widgets.record_form import DateEdit
from ui.widgets.report_preview import preview_report, save_report
from ui.widgets.tasks import run_with_progress


class ReportsDialog(QDialog):
    def __init__(self, definitions: list[ReportDefinition], settings: config.Settings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reports"))
        self.settings = settings
        self.definitions = definitions
        self.list = QListWidget()
        for definition in definitions:
            item = QListWidgetItem(definition.title)
            item.setData(Qt.ItemDataRole.UserRole, definition.name)
            self.list.addItem(item)
        self.params_box = QWidget()
        self.params_form = QFormLayout(self.params_box)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold;")
        self.editors: dict[str, QWidget] = {}
        preview = QPushButton(self.tr("Preview…"))
        save = QPushButton(self.tr("Save as…"))
        close = QPushButton(self.tr("Close"))
        preview.clicked.connect(self.preview)
        save.clicked.connect(self.save)
        close.clicked.connect(self.reject)
        right = QVBoxLayout()
        right.addWidget(self.title)
        right.addWidget(QLabel(self.tr("Parameters:")))
        right.addWidget(self.params_box)
        right.addStretch(1)
        buttons = QHBoxLayout()
        for button in (preview, save, close):
            buttons.addWidget(button)
        right.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(right, 1)
        self.list.currentRowChanged.connect(self._show_params)
        self.list.itemDoubleClicked.connect(lambda _i: self.preview())
        self.list.setCurrentRow(0)
        self.resize(820, 420)

    def current(self) -> ReportDefinition:
        return self.definitions[max(self.list.currentRow(), 0)]

    def _show_params(self, _row: int) -> None:
        while self.params_form.rowCount():
            self.params_form.removeRow(0)
        self.editors.clear()
        definition = self.current()
        self.title.setText(definition.title)
        for param in definition.params:
            editor = _editor(param)
            self.params_form.addRow(param.title, editor)
            self.editors[param.name] = editor

    def values(self) -> dict[str, str]:
        return {name: _value(editor) for name, editor in self.editors.items()}

    def build(self) -> Any:
        name, values = self.current().name, self.values()
        ctx = reports.context(self.settings)  # the settings are read here, not in the worker
        result = run_with_progress(self, self.tr("Gathering the data…"),
                                   lambda _p, _c: reports.build_in(name, values, ctx))
        if result.error is not None:
            Ask.error(self, self.tr("Reports"), str(result.error))
            return None
        return result.value

    def preview(self) -> None:
        report = self.build()
        if report is not None:
            preview_report(self, report, self.settings)

    def save(self) -> None:
        report = self.build()
        if report is not None:
            save_report(self, report, self.settings)

    @staticmethod
    def ask(settings: config.Settings, parent: QWidget | None = None) -> None:
        ReportsDialog(reports.definitions(), settings, parent).exec()


def _editor(param: ReportParam) -> QWidget:
    default = param.default()
    if param.kind == "bool":
        box = QCheckBox()
        box.setChecked(default.lower() in ("1", "да", "true", "yes"))
        return box
    if param.kind == "date":
        edit = DateEdit()
        edit.setText(default)
        return edit
    if param.kind == "str":
        line = QLineEdit(default)
        line.setMinimumWidth(240)
        return line
    if param.kind == "int":
        spin = QSpinBox()
        spin.setRange(-1_000_000, 1_000_000)
        spin.setValue(int(default or 0))
        return spin
    combo = QComboBox()
    for value, label in (param.choices() if param.choices else []):
        combo.addItem(label, value)
    combo.setCurrentIndex(max(combo.findData(default), 0))
    return combo


def _value(editor: QWidget) -> str:
    if isinstance(editor, QLineEdit):
        return editor.text().strip()
    if isinstance(editor, QCheckBox):
        return "да" if editor.isChecked() else "нет"
    if isinstance(editor, QSpinBox):
        return str(editor.value())
    if isinstance(editor, QComboBox):
        return str(editor.currentData())
    return ""
