"""A read-only table of plain rows: the cards' tables, the participants, the reminders."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.widgets.table_model import Column, RecordTableModel


def make_table(columns: Sequence[Column], parent: QWidget) -> tuple[QTableView, RecordTableModel]:
    """A read-only table of plain rows, in their own order (the card's row numbers)."""
    model = RecordTableModel(columns, parent)
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    for i, column in enumerate(columns):
        header.resizeSection(i, column.width)
    return view, model
