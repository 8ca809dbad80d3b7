"""The item model behind every record list: plain rows in, filtered and sorted in memory."""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from imc_desktop.folding import fold

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Column:
    """One column of a list: what it shows, how, and whether it is shown by default."""

    key: str
    title: str
    value: Callable[[Any], object]
    kind: str = "text"  # text, int, number, money, date, bool
    width: int = 140
    hidden: bool = False


def display_text(kind: str, value: object) -> str:
    if value is None or value == "":
        return ""
    if kind == "text" and type(value) is str:
        return value
    if kind == "date" and isinstance(value, date | datetime):
        return f"{value.day:02d}.{value.month:02d}.{value.year:04d}"
    if kind == "money" and isinstance(value, int | float | Decimal):
        return f"{value:,.2f}".replace(",", " ").replace(".", ",")
    if kind == "bool":
        return "да" if value else "нет"
    if kind == "number" and isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return str(value)


def _sort_key(kind: str, value: object) -> Any:
    """A comparable key; None for an empty value (empty values go last either way)."""
    if value is None or value == "":
        return None
    if kind == "text":
        return normalise(str(value))
    if isinstance(value, datetime):
        return value.date()
    return value


def normalise(text: str) -> str:
    return fold(text)


_ALIGN = {
    "int": Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
    "number": Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
    "money": Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
    "date": Qt.AlignmentFlag.AlignCenter,
    "bool": Qt.AlignmentFlag.AlignCenter,
}


class RecordTableModel(QAbstractTableModel):
    """Rows of one kind; search over the searchable columns, sort by any column."""

    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[Any] = []
        self._cells: dict[int, list[str]] = {}
        self._haystack: list[str] | None = None
        self._searchable = [i for i, c in enumerate(self.columns) if not c.hidden]
        self._order: list[int] = []
        self._visible: list[int] = []
        self._terms: list[str] = []
        self._predicate: Callable[[Any], bool] | None = None

    # ---------------------------------------------------------------- Qt interface
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = self._visible[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            cells = self._cells.get(col)
            if cells is not None:
                return cells[row]
            spec = self.columns[col]
            return display_text(spec.kind, spec.value(self._rows[row]))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN.get(self.columns[col].kind)
        if role == ROW_ROLE:
            return self._rows[row]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort; the selection and the current record stay on the same records."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        records = [self._visible[i.row()] for i in persistent]
        if 0 <= column < len(self.columns):
            spec = self.columns[column]
            keys = [_sort_key(spec.kind, spec.value(r)) for r in self._rows]
            filled = [i for i, k in enumerate(keys) if k is not None]
            empty = [i for i, k in enumerate(keys) if k is None]
            filled.sort(key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)
            self._order = filled + empty
        else:
            self._order = list(range(len(self._rows)))
        self._visible = self._filtered(self._order)
        position = {record: row for row, record in enumerate(self._visible)}
        self.changePersistentIndexList(persistent, [
            self.index(position[r], i.column()) if r in position else QModelIndex()
            for r, i in zip(records, persistent, strict=True)])
        self.layoutChanged.emit()

    # ---------------------------------------------------------------- our interface
    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._cells.clear()
        self._haystack = None
        self._order = list(range(len(self._rows)))
        self._visible = self._filtered(self._order)
        self.endResetModel()

    def set_searchable(self, columns: Sequence[int]) -> None:
        """Search looks at these columns (the ones the user sees)."""
        if list(columns) != self._searchable:
            self._searchable = list(columns)
            self._haystack = None
            self._refilter(list(self._order))

    def set_search(self, text: str) -> None:
        terms = normalise(text).split()
        if terms == self._terms:
            return
        narrower = bool(self._terms) and _narrows(self._terms, terms)
        self._terms = terms
        self._refilter(self._visible if narrower else self._order)

    def prepare_search(self) -> None:
        """Build the search index ahead of the first keystroke (called when the GUI is idle)."""
        gc_was_on = gc.isenabled()
        gc.disable()  # the index is a big list of strings: no cycles to look for
        try:
            self._haystacks()
        finally:
            if gc_was_on:
                gc.enable()

    def set_predicate(self, predicate: Callable[[Any], bool] | None) -> None:
        """An extra filter (a module's filter widgets), combined with the search."""
        self._predicate = predicate
        self._refilter(self._order)

    def row_at(self, row: int) -> Any:
        return self._rows[self._visible[row]]

    def visible_rows(self) -> list[Any]:
        return [self._rows[i] for i in self._visible]

    def total_count(self) -> int:
        return len(self._rows)

    # ---------------------------------------------------------------- internals
    def _refilter(self, base: list[int]) -> None:
        self.beginResetModel()
        self._visible = self._filtered(base)
        self.endResetModel()

    def _filtered(self, base: list[int]) -> list[int]:
        result = base
        if self._predicate is not None:
            predicate, rows = self._predicate, self._rows
            result = [i for i in result if predicate(rows[i])]
        if self._terms:
            hay = self._haystacks()
            for term in self._terms:
                result = [i for i in result if term in hay[i]]
        return result if result is not base else list(base)

    def _haystacks(self) -> list[str]:
        if self._haystack is None:
            cells = [self._column_cells(c) for c in self._searchable]
            self._haystack = [normalise("\n".join(parts)) for parts in zip(*cells, strict=True)]
            if not cells:
                self._haystack = [""] * len(self._rows)
        return self._haystack

    def _column_cells(self, col: int) -> list[str]:
        cells = self._cells.get(col)
        if cells is None:
            spec = self.columns[col]
            value, kind = spec.value, spec.kind
            cells = [display_text(kind, value(r)) for r in self._rows]
            self._cells[col] = cells
        return cells


def _narrows(old: list[str], new: list[str]) -> bool:
    """True when every row matching `new` also matches `old` (typing more, not less)."""
    return len(new) >= len(old) and all(n.startswith(o) or o in n for o, n in zip(old, new,
                                                                                  strict=False))
