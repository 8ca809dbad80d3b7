"""Small pieces of the import wizard's pages: layout helpers and the list of what changed."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.table_model import RecordTableModel

ERROR_STYLE = "color: #b00020;"


def fill(text: str, *args: object) -> str:
    """Qt's %1, %2… placeholders of a translated string."""
    for number, arg in enumerate(args, 1):
        text = text.replace(f"%{number}", str(arg))
    return text


def stack(owner: QWidget, *items: QWidget | QLayout | None, grow: object = None) -> QVBoxLayout:
    """A vertical layout of widgets and layouts; ``grow`` takes the spare height,
    None stands for a stretch."""
    layout = QVBoxLayout(owner)
    for item in items:
        if item is None:
            layout.addStretch(1)
        elif isinstance(item, QLayout):
            layout.addLayout(item)
        else:
            layout.addWidget(item, 1 if item is grow else 0)
    return layout


def plain_label(text: str) -> QLabel:
    """A label for text from the file: never read as HTML."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def table_view(model: RecordTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class ImportDetails(QWidget):
    """What the import changed, line by line (``ImportSummary.details``): read-only text
    that scrolls and wraps, and a button that copies it all. Hidden while there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel(self.tr("What changed:"))
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy these lines to the clipboard"))
        self.copy_button.clicked.connect(self.copy)
        top = QHBoxLayout()
        top.addWidget(self.caption, 1)
        top.addWidget(self.copy_button)
        layout = stack(self, top, self.text, grow=self.text)
        layout.setContentsMargins(0, 0, 0, 0)
        self.set_lines(())

    def set_lines(self, lines: Sequence[str], caption: str | None = None) -> None:
        self.text.setPlainText("\n".join(lines))
        if caption is not None:
            self.caption.setText(caption)
        self.setVisible(bool(lines))

    def lines(self) -> list[str]:
        text = self.text.toPlainText()
        return text.split("\n") if text else []

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())
