"""The lines of a literature document being edited: title, quantity, price, sum."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from imc_desktop.services.literature.documents import LineData
from ui.widgets.table_model import display_text

Index = QModelIndex | QPersistentModelIndex
TITLE, QUANTITY, PRICE, AMOUNT = range(4)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def parse_price(text: str) -> Decimal | None:
    try:
        value = Decimal(text.replace(",", ".").replace(" ", "").replace("\u00a0", ""))
    except InvalidOperation:
        return None
    return value.quantize(Decimal("0.01")) if value >= 0 else None


class LinesTableModel(QAbstractTableModel):
    def __init__(self, lines: tuple[LineData, ...], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lines = list(lines)
        self.read_only = False
        self.headers = [self.tr("Title"), self.tr("Quantity"), self.tr("Price"),
                        self.tr("Sum")]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.headers[section] if orientation == Qt.Orientation.Horizontal else section + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line, col = self.lines[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            values = (line.label, line.quantity, line.price, line.amount)
            if role == Qt.ItemDataRole.EditRole and col == PRICE:
                return f"{line.price:.2f}".replace(".", ",")
            if role == Qt.ItemDataRole.EditRole or col == QUANTITY:
                return values[col]
            return display_text("money" if col in (PRICE, AMOUNT) else "text", values[col])
        if role == Qt.ItemDataRole.TextAlignmentRole and col != TITLE:
            return _RIGHT
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if not self.read_only and index.column() in (QUANTITY, PRICE):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        line = self.lines[index.row()]
        if index.column() == QUANTITY:
            try:
                line = replace(line, quantity=int(value))
            except (TypeError, ValueError):
                return False
        elif index.column() == PRICE:
            price = parse_price(str(value))
            if price is None:
                return False
            line = replace(line, price=price)
        else:
            return False
        self.lines[index.row()] = line
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), AMOUNT))
        return True

    def set_lines(self, lines: tuple[LineData, ...]) -> None:
        self.beginResetModel()
        self.lines = list(lines)
        self.endResetModel()

    def add(self, line: LineData) -> int:
        """Append a line, or add to the quantity of the title's line. Its row."""
        for row, existing in enumerate(self.lines):
            if existing.title_id == line.title_id:
                self.setData(self.index(row, QUANTITY), existing.quantity + line.quantity)
                return row
        self.beginInsertRows(QModelIndex(), len(self.lines), len(self.lines))
        self.lines.append(line)
        self.endInsertRows()
        return len(self.lines) - 1

    def remove(self, row: int) -> None:
        if 0 <= row < len(self.lines):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.lines[row]
            self.endRemoveRows()
