"""The card's «Участие в мероприятиях» tab: every event the pedagogue took part in, with
the role, attendance, result, nomination, place, score and the issued document."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from imc_desktop.services.events.participants import ParticipantRow
from ui.events.participants_dialog import attendance_text
from ui.widgets.plain_table import make_table
from ui.widgets.table_model import Column


class ParticipationPage(QWidget):
    def __init__(self, rows: Sequence[ParticipantRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        columns = [
            Column("date", self.tr("Date"), lambda r: r.event_start, kind="date", width=80),
            Column("kind", self.tr("Kind"), lambda r: r.event_kind, width=120),
            Column("event", self.tr("Event"), lambda r: r.event_title, width=225),
            Column("role", self.tr("Role"), lambda r: r.data.role, width=90),
            Column("attended", self.tr("Attended"), attendance_text, width=55),
            Column("result", self.tr("Result"), lambda r: r.data.result, width=85),
            Column("nomination", self.tr("Nomination"), lambda r: r.data.nomination,
                   width=110),
            Column("place", self.tr("Place"), lambda r: r.data.place, kind="int", width=50),
            Column("score", self.tr("Score"), lambda r: r.data.score, kind="number",
                   width=50),
            Column("document", self.tr("Document"), lambda r: r.document, width=120),
        ]
        self.view, self.model = make_table(columns, self)
        self.model.set_rows(list(rows))
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("Participants are added and results are entered on the "
                              "«Events» tab."))
        note.setStyleSheet("color: #555;")
        layout.addWidget(note)
        layout.addWidget(self.view, 1)
