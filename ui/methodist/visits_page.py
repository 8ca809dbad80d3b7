"""«Посещения»: the quick entry of a visit to an ОО or a lesson observation with the marks of
the checklist (the criteria are a setting), above the list of visits."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from imc_desktop import clock, config
from imc_desktop.services.common.errors import ValidationFailed
from imc_desktop.services.methodist import records as journal
from imc_desktop.services.methodist import rules, write
from imc_desktop.services.methodist.records import VisitData, VisitRow
from ui.methodist.choices import Choices, fill_combo
from ui.methodist.quick import LookupEdit, QuickForm, form_above_list, labelled_row
from ui.widgets.messages import Ask
from ui.widgets.record_form import DateEdit
from ui.widgets.record_list import Column, RecordList

TABLES = {journal.VISITS, "persons", "organizations"}
MARK_COLUMNS = 2


class VisitForm(QuickForm):
    def __init__(self, settings: config.Settings, parent: QWidget | None = None) -> None:
        super().__init__(settings.raw(), "visit", parent)
        self.criteria = rules.criteria(settings.get(config.LESSON_CRITERIA))
        self.extra: tuple[rules.Mark, ...] = ()  # marks of criteria no longer in the setting
        self.visited_on = DateEdit()
        self.methodist = QComboBox()
        self.kind = QComboBox()
        self.kind.addItems(list(journal.KINDS))
        self.organization = LookupEdit(self.tr("Organization"))
        self.purpose = QLineEdit()
        self.person = LookupEdit(self.tr("Teacher's name"))
        self.class_name = QLineEdit()
        self.class_name.setMaxLength(20)
        self.subject = QLineEdit()
        self.lesson_topic = QLineEdit()
        fields = (
            ("visited_on", self.tr("Date"), self.visited_on, False, 0),
            ("methodist_id", self.tr("Methodist"), self.methodist, True, 3),
            ("kind", self.tr("Visit"), self.kind, True, 1),
            ("organization_id", self.tr("Organization"), self.organization, True, 3),
            ("purpose", self.tr("Purpose"), self.purpose, True, 4),
            ("person_id", self.tr("Teacher"), self.person, False, 3),
            ("class_name", self.tr("Class"), self.class_name, False, 0),
            ("subject", self.tr("Subject"), self.subject, False, 2),
            ("lesson_topic", self.tr("Lesson topic"), self.lesson_topic, False, 5),
        )
        for name, _label, widget, remember, _stretch in fields:
            self.field(name, widget, remember)
        rows = [labelled_row([(label, widget, stretch)
                              for _n, label, widget, _r, stretch in part])
                for part in (fields[:5], fields[5:])]
        self.class_name.setMaximumWidth(70)
        self.marks_box = QGroupBox(self.tr("Checklist: 0 — not shown, 1 — partly, 2 — fully"))
        marks_grid = QGridLayout(self.marks_box)
        self.mark_spins: list[QSpinBox] = []
        for i, criterion in enumerate(self.criteria):
            spin = QSpinBox()
            spin.setRange(-1, rules.MARK_MAX)
            spin.setSpecialValueText("—")
            spin.setValue(-1)
            self.field(f"mark{i}", spin)
            self.mark_spins.append(spin)
            row, column = i // MARK_COLUMNS, (i % MARK_COLUMNS) * 2
            caption = QLabel(criterion)
            caption.setWordWrap(True)
            marks_grid.addWidget(spin, row, column)
            marks_grid.addWidget(caption, row, column + 1)
        marks_grid.setColumnStretch(1, 1)
        marks_grid.setColumnStretch(3, 1)
        self.recommendations = QPlainTextEdit()
        self.recommendations.setPlaceholderText(self.tr("Recommendations (Shift+Enter: new line)"))
        self.recommendations.setMaximumHeight(60)
        self.field("recommendations", self.recommendations)
        self.person.picked.connect(self._person_picked)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.state = QLabel()
        self.save_button = QPushButton(self.tr("Save (Ctrl+Enter)"))
        self.save_button.clicked.connect(self.submit)
        self.new_button = QPushButton(self.tr("New (Esc)"))
        self.new_button.clicked.connect(self.start_new)
        buttons = QHBoxLayout()
        buttons.addWidget(self.state, 1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for line in rows:
            layout.addLayout(line)
        layout.addWidget(self.marks_box)
        layout.addWidget(self.recommendations)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.visited_on.set_date_value(clock.today())
        self._kind_changed()

    def refill(self, choices: Choices) -> None:
        fill_combo(self.methodist, choices.methodists)
        self.person.set_choices(choices.people)
        self.organization.set_choices(choices.organizations)
        self.restore_remembered()
        self._kind_changed()

    def _person_picked(self, person_id: str) -> None:
        person = self.person.choice(person_id)
        if person is not None and person.organization_id:
            self.organization.pick(person.organization_id)

    def _kind_changed(self) -> None:
        lesson = self.kind.currentText() == journal.KINDS[0]
        for widget in (self.person, self.class_name, self.subject, self.lesson_topic,
                       self.marks_box):
            widget.setEnabled(lesson)

    def marks(self) -> tuple[rules.Mark, ...]:
        given = tuple(rules.Mark(c, s.value()) for c, s in zip(self.criteria, self.mark_spins,
                                                               strict=True) if s.value() >= 0)
        return given + self.extra

    def data(self) -> VisitData:
        day = self.visited_on.date_value()
        lesson = self.kind.currentText() == journal.KINDS[0]
        return VisitData(
            id=self.editing.id if self.editing is not None else None,
            visited_on=day if isinstance(day, date) else None,
            methodist_id=self.value("methodist_id") or None,
            organization_id=self.organization.chosen_id or None,
            kind=self.kind.currentText(), purpose=self.purpose.text(),
            person_id=(self.person.chosen_id or None) if lesson else None,
            class_name=self.class_name.text() if lesson else "",
            subject=self.subject.text() if lesson else "",
            lesson_topic=self.lesson_topic.text() if lesson else "",
            marks=rules.format_marks(self.marks()) if lesson else "",
            recommendations=self.recommendations.toPlainText())

    def save(self) -> str:
        if isinstance(self.visited_on.date_value(), str):
            raise ValidationFailed({"visited_on": self.tr("Date: type it as dd.mm.yyyy.")})
        if self.organization.text() and not self.organization.chosen_id:
            raise ValidationFailed({"organization_id": self.tr(
                "Organization: pick one from the list under the field.")})
        return write.save_visit(self.data(), self.editing)

    def clear(self) -> None:
        self.person.set_text("")
        for line in (self.class_name, self.lesson_topic):
            line.clear()
        for spin in self.mark_spins:
            spin.setValue(-1)
        self.extra = ()
        self.recommendations.clear()
        self.state.setText(self.tr("New visit"))

    def first_of_record(self) -> str | None:
        return "person_id" if self.kind.currentText() == journal.KINDS[0] else "purpose"

    def load(self, row: VisitRow) -> None:
        self.editing = replace(row)
        self.visited_on.set_date_value(row.visited_on)
        self.set_value("methodist_id", row.methodist_id or "")
        self.set_value("kind", row.kind)
        self.organization.pick(row.organization_id)
        self.purpose.setText(row.purpose)
        self.person.pick(row.person_id)
        self.class_name.setText(row.class_name)
        self.subject.setText(row.subject)
        self.lesson_topic.setText(row.lesson_topic)
        marks = {m.criterion: m.mark for m in rules.parse_marks(row.marks)}
        for criterion, spin in zip(self.criteria, self.mark_spins, strict=True):
            spin.setValue(marks.pop(criterion, -1))
        self.extra = tuple(rules.Mark(c, m) for c, m in marks.items())
        self.recommendations.setPlainText(row.recommendations)
        self.state.setText(self.tr("Changing the visit of %1 (Esc: a new one)").replace(
            "%1", row.visited_on.strftime("%d.%m.%Y") if row.visited_on else ""))
        self.focus_first("purpose")


class VisitsPage(QWidget):
    reportRequested = Signal(str)  # the visit's id: its «справка по итогам посещения»

    def __init__(self, settings: config.Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        store = settings.raw()
        self.form = VisitForm(settings, self)
        box = QGroupBox(self.tr("Visit"))
        QVBoxLayout(box).addWidget(self.form)
        self.record_list = RecordList("methodist_visits", self.tr("Visits"), self._columns(),
                                      journal.visits, TABLES, store, self)
        self.record_list.openRequested.connect(self.open_record)
        self.record_list.addRequested.connect(self.form.start_new)
        self.record_list.deleteRequested.connect(self.delete_records)
        self.form.saved.connect(self.record_list.select_id)
        self.report_button = QPushButton(self.tr("Visit report (Word)…"))
        self.report_button.clicked.connect(self._report)
        self.record_list.filters.addWidget(self.report_button)
        self.choices = Choices(self, self.form.refill)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        form_above_list(self, box, self.record_list)

    def _columns(self) -> list[Column]:
        return [
            Column("visited_on", self.tr("Date"), lambda r: r.visited_on, kind="date", width=95),
            Column("methodist", self.tr("Methodist"), lambda r: r.methodist, width=200),
            Column("organization", self.tr("Organization"), lambda r: r.organization,
                   width=220),
            Column("kind", self.tr("Visit"), lambda r: r.kind, width=130),
            Column("person", self.tr("Teacher"), lambda r: r.person, width=220),
            Column("class_name", self.tr("Class"), lambda r: r.class_name, width=60),
            Column("subject", self.tr("Subject"), lambda r: r.subject, width=140),
            Column("percent", self.tr("Marks, %"), lambda r: r.percent, kind="number",
                   width=80),
            Column("level", self.tr("Level"), lambda r: r.level, width=110),
            Column("purpose", self.tr("Purpose"), lambda r: r.purpose, width=250),
            Column("lesson_topic", self.tr("Lesson topic"), lambda r: r.lesson_topic,
                   width=250, hidden=True),
        ]

    def open_record(self, row: VisitRow | None = None) -> None:
        row = row or self.record_list.current_row()
        if row is not None:
            self.form.load(row)

    def _report(self) -> None:
        row = self.record_list.current_row()
        if row is None:
            Ask.info(self, self.tr("Visit report"), self.tr("Choose a visit in the list."))
            return
        self.reportRequested.emit(row.id)

    def delete_records(self, rows: list[VisitRow]) -> None:
        if Ask.confirm(self, self.tr("Delete visits"),
                       self.tr("Delete %n visit(s)?", "", len(rows))):
            write.delete_visits([r.id for r in rows if r.id])
