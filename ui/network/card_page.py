"""The pedagogue card's «Объединения» tab: the associations she is a member of, with her
role and dates (members are added on the «Методическая сеть» tab)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from imc_desktop.services.network.records import PersonAssociation
from ui.widgets.plain_table import make_table
from ui.widgets.table_model import Column


class AssociationsPage(QWidget):
    def __init__(self, rows: Sequence[PersonAssociation], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        columns = [
            Column("year", self.tr("Academic year"), lambda r: r.year_text, width=90),
            Column("kind", self.tr("Kind"), lambda r: r.kind, width=150),
            Column("name", self.tr("Association"), lambda r: r.name, width=280),
            Column("role", self.tr("Role"), lambda r: r.role, width=110),
            Column("joined", self.tr("Joined"), lambda r: r.joined_on, "date", 90),
            Column("left", self.tr("Left"), lambda r: r.left_on, "date", 90)]
        self.view, self.model = make_table(columns, self)
        self.model.set_rows(list(rows))
        note = QLabel(self.tr("Members are added on the «Methodological network» tab."))
        note.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.view, 1)
