"""The column chooser: show or hide columns and put them in order."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)


class ColumnChooserDialog(QDialog):
    """Lists the columns in their current order with a check box each; drag to reorder."""

    def __init__(self, header: QHeaderView, titles: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Columns"))
        self._header = header
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Tick the columns to show; drag them to change "
                                        "their order.")))
        self.list = QListWidget()
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        for visual in range(header.count()):
            logical = header.logicalIndex(visual)
            item = QListWidgetItem(titles[logical])
            item.setData(Qt.ItemDataRole.UserRole, logical)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            hidden = header.isSectionHidden(logical)
            item.setCheckState(Qt.CheckState.Unchecked if hidden else Qt.CheckState.Checked)
            self.list.addItem(item)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(360, 420)

    def choice(self) -> list[tuple[int, bool]]:
        """(logical column, shown) in the chosen order."""
        result = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            shown = item.checkState() == Qt.CheckState.Checked
            result.append((int(item.data(Qt.ItemDataRole.UserRole)), shown))
        return result

    def apply(self) -> None:
        apply_columns(self._header, self.choice())

    @staticmethod
    def ask(header: QHeaderView, titles: list[str], parent: QWidget | None = None) -> bool:
        dialog = ColumnChooserDialog(header, titles, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        dialog.apply()
        return True


def apply_columns(header: QHeaderView, choice: list[tuple[int, bool]]) -> None:
    """Order and show columns as chosen; at least one column always stays visible."""
    if not any(shown for _, shown in choice):
        choice = [(choice[0][0], True), *choice[1:]]
    for visual, (logical, shown) in enumerate(choice):
        header.moveSection(header.visualIndex(logical), visual)
        header.setSectionHidden(logical, not shown)
