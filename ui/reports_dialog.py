"""Файл → Отчёты…: the registered reports grouped by module, each with a line on what it is
for; their parameters, preview and save."""

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
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from imc_desktop import config
from imc_desktop.services.common import reports
from imc_desktop.services.common.report_notes import MODULES, description, module_of
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
        self.tree = self._tree()
        self.params_box = QWidget()
        self.params_form = QFormLayout(self.params_box)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold;")
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setStyleSheet("color: #555;")
        self.editors: dict[str, QWidget] = {}
        preview = QPushButton(self.tr("Preview…"))
        save = QPushButton(self.tr("Save as…"))
        close = QPushButton(self.tr("Close"))
        preview.clicked.connect(self.preview)
        save.clicked.connect(self.save)
        close.clicked.connect(self.reject)
        right = QVBoxLayout()
        right.addWidget(self.title)
        right.addWidget(self.description)
        right.addWidget(QLabel(self.tr("Parameters:")))
        right.addWidget(self.params_box)
        right.addStretch(1)
        buttons = QHBoxLayout()
        for button in (preview, save, close):
            buttons.addWidget(button)
        right.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addLayout(right, 1)
        self.tree.currentItemChanged.connect(lambda *_a: self._show_params())
        self.tree.itemDoubleClicked.connect(self._double_clicked)
        if definitions:
            self.select(self._ordered()[0].name)
        self.resize(900, 520)

    def _module_titles(self) -> dict[str, str]:
        return {"organizations": self.tr("Organizations"), "staff": self.tr("Staff"),
                "events": self.tr("Events"), "attestation": self.tr("Attestation"),
                "literature": self.tr("Literature"), "equipment": self.tr("Equipment"),
                "network": self.tr("Methodological network"),
                "requests": self.tr("Requests and monitorings"),
                "methodist": self.tr("Methodist's journal"),
                "": self.tr("Other")}

    def _ordered(self) -> list[ReportDefinition]:
        order = {m: i for i, m in enumerate(MODULES)}
        return sorted(self.definitions, key=lambda d: order.get(module_of(d), len(order)))

    def _tree(self) -> QTreeWidget:
        """A group per module (in the order of the tabs), its reports under it."""
        tree = QTreeWidget()
        tree.setHeaderHidden(True)
        titles = self._module_titles()
        groups: dict[str, QTreeWidgetItem] = {}
        for definition in self._ordered():
            module = module_of(definition)
            if module not in groups:
                groups[module] = QTreeWidgetItem(tree, [titles.get(module, module)])
                groups[module].setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = groups[module].font(0)
                font.setBold(True)
                groups[module].setFont(0, font)
            item = QTreeWidgetItem(groups[module], [definition.title])
            item.setData(0, Qt.ItemDataRole.UserRole, definition.name)
            item.setToolTip(0, description(definition))
        tree.expandAll()
        return tree

    def select(self, name: str) -> None:
        """Make the report `name` the current one."""
        for item in self._report_items():
            if item.data(0, Qt.ItemDataRole.UserRole) == name:
                self.tree.setCurrentItem(item)
                return

    def _report_items(self) -> list[QTreeWidgetItem]:
        items = []
        for group in range(self.tree.topLevelItemCount()):
            parent = self.tree.topLevelItem(group)
            if parent is not None:
                items += [c for c in (parent.child(i) for i in range(parent.childCount()))
                          if c is not None]
        return items

    def _double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.data(0, Qt.ItemDataRole.UserRole):
            self.preview()

    def current(self) -> ReportDefinition:
        item = self.tree.currentItem()
        name = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        return next((d for d in self.definitions if d.name == name), self._ordered()[0])

    def _show_params(self) -> None:
        while self.params_form.rowCount():
            self.params_form.removeRow(0)
        self.editors.clear()
        definition = self.current()
        self.title.setText(definition.title)
        self.description.setText(description(definition))
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
