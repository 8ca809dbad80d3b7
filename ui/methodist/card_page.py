"""The pedagogue's card's «Консультации и посещения» tab: the consultations he was given and
his lessons the methodists observed. Given its rows; entered on «Журнал методиста»."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from imc_desktop.services.methodist.records import ConsultationRow, VisitRow
from ui.widgets.plain_table import make_table
from ui.widgets.table_model import Column


class JournalPage(QWidget):
    def __init__(self, consultations: Sequence[ConsultationRow], visits: Sequence[VisitRow],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.consultations, self.consultations_model = make_table([
            Column("held_on", self.tr("Date"), lambda r: r.held_on, kind="date", width=80),
            Column("methodist", self.tr("Methodist"), lambda r: r.methodist, width=180),
            Column("category", self.tr("Question"), lambda r: r.category, width=120),
            Column("topic", self.tr("Topic"), lambda r: r.topic, width=260),
            Column("result", self.tr("Result"), lambda r: r.result, width=200)], self)
        self.consultations_model.set_rows(list(consultations))
        self.visits, self.visits_model = make_table([
            Column("visited_on", self.tr("Date"), lambda r: r.visited_on, kind="date",
                   width=80),
            Column("methodist", self.tr("Methodist"), lambda r: r.methodist, width=180),
            Column("class_name", self.tr("Class"), lambda r: r.class_name, width=50),
            Column("subject", self.tr("Subject"), lambda r: r.subject, width=120),
            Column("lesson_topic", self.tr("Lesson topic"), lambda r: r.lesson_topic,
                   width=200),
            Column("percent", self.tr("Marks, %"), lambda r: r.percent, kind="number",
                   width=70),
            Column("level", self.tr("Level"), lambda r: r.level, width=100)], self)
        self.visits_model.set_rows(list(visits))
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("Consultations and lesson observations are entered on the "
                              "«Methodist's journal» tab."))
        note.setStyleSheet("color: #555;")
        layout.addWidget(note)
        layout.addWidget(QLabel(self.tr("Consultations given: %1").replace(
            "%1", str(len(consultations)))))
        layout.addWidget(self.consultations, 1)
        layout.addWidget(QLabel(self.tr("Lessons observed: %1").replace(
            "%1", str(len(visits)))))
        layout.addWidget(self.visits, 1)
