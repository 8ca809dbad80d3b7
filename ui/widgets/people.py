"""Choosing pedagogues from the register: the choice, its list model and a searchable list."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QRegularExpression,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QListView, QVBoxLayout, QWidget

from imc_desktop.folding import fold
from ui.widgets.table_model import Index

SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1  # the label as the search compares it


@dataclass(frozen=True)
class PersonChoice:
    """A pedagogue to choose, with the main job's ОО and position."""

    id: str
    label: str
    organization_id: str = ""
    position: str = ""


def search_text(text: str) -> str:
    """What a search compares: no case, ё as е."""
    return fold(text)


class PeopleListModel(QAbstractListModel):
    """The pedagogues as their labels; the id under UserRole."""

    def __init__(self, people: Sequence[PersonChoice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._people = list(people)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._people)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._people):
            return None
        person = self._people[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return person.label
        if role == Qt.ItemDataRole.UserRole:
            return person.id
        if role == SEARCH_ROLE:
            return search_text(person.label)
        return None

    def person_at(self, row: int) -> PersonChoice:
        return self._people[row]


class PeopleFilter(QSortFilterProxyModel):
    """Keeps the pedagogues whose label has every word typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFilterRole(SEARCH_ROLE)

    def set_search(self, text: str) -> None:
        words = (QRegularExpression.escape(word) for word in search_text(text).split())
        every_word = "".join(f"(?=.*{word})" for word in words)
        self.setFilterRegularExpression(QRegularExpression(f"^{every_word}"))


class PeopleList(QWidget):
    """A search line over the register; several pedagogues can be selected."""

    def __init__(self, people: Sequence[PersonChoice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name or organization"))
        self.model = PeopleListModel(people, self)
        self.filter = PeopleFilter(self)
        self.filter.setSourceModel(self.model)
        self.view = QListView()
        self.view.setModel(self.filter)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.view)
        self.search.textChanged.connect(self.filter.set_search)

    def chosen(self) -> list[str]:
        """The ids of the selected pedagogues the search shows, in the register's order."""
        rows = sorted(self.filter.mapToSource(i).row()
                      for i in self.view.selectionModel().selectedRows())
        return [self.model.person_at(row).id for row in rows]
