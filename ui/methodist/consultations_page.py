"""«Консультации»: the quick entry of a consultation above the journal of consultations."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from imc_desktop import clock
from imc_desktop.services.methodist import records as journal
from imc_desktop.services.methodist import write
from imc_desktop.services.methodist.records import ConsultationData, ConsultationRow
from ui.methodist.choices import Choices, fill_combo
from ui.methodist.quick import LookupEdit, QuickForm, form_above_list, labelled_row
from ui.widgets.messages import Ask
from ui.widgets.record_form import DateEdit
from ui.widgets.record_list import Column, RecordList

TABLES = {journal.CONSULTATIONS, "persons", "organizations"}


class ConsultationForm(QuickForm):
    def __init__(self, store: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(store, "consultation", parent)
        self.held_on = DateEdit()
        self.methodist = QComboBox()
        self.whom = LookupEdit(self.tr("Pedagogue's name, or whom in words"))
        self.organization = LookupEdit(self.tr("Organization"))
        self.form = QComboBox()
        self.form.addItems(list(journal.FORMS))
        self.mode = QComboBox()
        self.mode.addItems(list(journal.MODES))
        self.category = QComboBox()
        self.category.addItems(list(journal.CATEGORIES))
        self.participants = QSpinBox()
        self.participants.setRange(1, write.MAX_PARTICIPANTS)
        self.topic = QLineEdit()
        self.minutes = QSpinBox()
        self.minutes.setRange(0, write.MAX_MINUTES)
        self.minutes.setSpecialValueText("—")
        self.result = QLineEdit()
        fields = (
            ("held_on", self.tr("Date"), self.held_on, False, 0),
            ("methodist_id", self.tr("Methodist"), self.methodist, True, 3),
            ("form", self.tr("Form"), self.form, True, 1),
            ("mode", self.tr("Way"), self.mode, True, 1),
            ("category", self.tr("Question"), self.category, True, 2),
            ("whom_text", self.tr("Whom"), self.whom, False, 3),
            ("organization_id", self.tr("Organization"), self.organization, True, 3),
            ("participants", self.tr("People"), self.participants, False, 0),
            ("topic", self.tr("Topic"), self.topic, False, 4),
            ("minutes", self.tr("Minutes"), self.minutes, False, 0),
            ("result", self.tr("Result"), self.result, False, 3),
        )
        for name, _label, widget, remember, _stretch in fields:
            self.field(name, widget, remember)
        rows = [labelled_row([(label, widget, stretch)
                              for _n, label, widget, _r, stretch in part])
                for part in (fields[:5], fields[5:])]
        self.whom.picked.connect(self._person_picked)
        self.form.currentIndexChanged.connect(self._form_changed)
        self.save_button = QPushButton(self.tr("Save (Ctrl+Enter)"))
        self.save_button.clicked.connect(self.submit)
        self.new_button = QPushButton(self.tr("New (Esc)"))
        self.new_button.clicked.connect(self.start_new)
        self.state = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.state, 1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for line in rows:
            layout.addLayout(line)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.held_on.set_date_value(clock.today())
        self._form_changed()

    def refill(self, choices: Choices) -> None:
        fill_combo(self.methodist, choices.methodists)
        self.whom.set_choices(choices.people)
        self.organization.set_choices(choices.organizations)
        self.restore_remembered()

    def _person_picked(self, person_id: str) -> None:
        person = self.whom.choice(person_id)
        if person is not None and person.organization_id:
            self.organization.pick(person.organization_id)

    def _form_changed(self) -> None:
        group = self.form.currentText() != journal.FORMS[0]
        self.participants.setEnabled(group)
        if not group:
            self.participants.setValue(1)

    def data(self) -> ConsultationData:
        held = self.held_on.date_value()
        return ConsultationData(
            id=self.editing.id if self.editing is not None else None,
            held_on=held if isinstance(held, date) else None,
            methodist_id=self.value("methodist_id") or None,
            person_id=self.whom.chosen_id or None,
            organization_id=self.organization.chosen_id or None,
            whom_text="" if self.whom.chosen_id else self.whom.text(),
            form=self.form.currentText(), mode=self.mode.currentText(),
            category=self.category.currentText(), topic=self.topic.text(),
            participants=self.participants.value(),
            minutes=self.minutes.value() or None, result=self.result.text())

    def save(self) -> str:
        if isinstance(self.held_on.date_value(), str):
            from imc_desktop.services.common.errors import ValidationFailed

            raise ValidationFailed({"held_on": self.tr("Date: type it as dd.mm.yyyy.")})
        loaded = self.editing
        return write.save_consultation(self.data(), loaded)

    def clear(self) -> None:
        self.whom.set_text("")
        for line in (self.topic, self.result):
            line.clear()
        self.participants.setValue(1)
        self.minutes.setValue(0)
        self.state.setText(self.tr("New consultation"))

    def first_of_record(self) -> str | None:
        return "whom_text"

    def load(self, row: ConsultationRow) -> None:
        """Bring a consultation of the list into the fields to change it."""
        self.editing = replace(row) if row.id else None
        self.held_on.set_date_value(row.held_on)
        self.set_value("methodist_id", row.methodist_id or "")
        for name in ("form", "mode", "category"):
            self.set_value(name, getattr(row, name))
        if row.person_id:
            self.whom.pick(row.person_id)
        else:
            self.whom.set_text(row.whom_text)
        self.organization.pick(row.organization_id)
        self.participants.setValue(row.participants)
        self.topic.setText(row.topic)
        self.minutes.setValue(row.minutes or 0)
        self.result.setText(row.result)
        self.state.setText(self.tr("Changing the consultation of %1 (Esc: a new one)").replace(
            "%1", row.held_on.strftime("%d.%m.%Y") if row.held_on else ""))
        self.focus_first("topic")


class ConsultationsPage(QWidget):
    def __init__(self, store: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = ConsultationForm(store, self)
        box = QGroupBox(self.tr("Consultation"))
        QVBoxLayout(box).addWidget(self.form)
        self.record_list = RecordList("methodist_consultations", self.tr("Consultations"),
                                      self._columns(), journal.consultations, TABLES, store,
                                      self)
        self.record_list.openRequested.connect(self.open_record)
        self.record_list.addRequested.connect(self.form.start_new)
        self.record_list.deleteRequested.connect(self.delete_records)
        self.form.saved.connect(self.record_list.select_id)
        self.choices = Choices(self, self.form.refill)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        form_above_list(self, box, self.record_list)

    def _columns(self) -> list[Column]:
        return [
            Column("held_on", self.tr("Date"), lambda r: r.held_on, kind="date", width=95),
            Column("methodist", self.tr("Methodist"), lambda r: r.methodist, width=200),
            Column("whom", self.tr("Whom"), lambda r: r.whom, width=220),
            Column("organization", self.tr("Organization"), lambda r: r.organization,
                   width=220),
            Column("form", self.tr("Form"), lambda r: r.form, width=120),
            Column("mode", self.tr("Way"), lambda r: r.mode, width=110),
            Column("category", self.tr("Question"), lambda r: r.category, width=140),
            Column("topic", self.tr("Topic"), lambda r: r.topic, width=300),
            Column("participants", self.tr("People"), lambda r: r.participants, kind="int",
                   width=70),
            Column("minutes", self.tr("Minutes"), lambda r: r.minutes, kind="int", width=70),
            Column("result", self.tr("Result"), lambda r: r.result, width=250, hidden=True),
        ]

    def open_record(self, row: ConsultationRow | None = None) -> None:
        row = row or self.record_list.current_row()
        if row is not None:
            self.form.load(row)

    def delete_records(self, rows: list[ConsultationRow]) -> None:
        if Ask.confirm(self, self.tr("Delete consultations"),
                       self.tr("Delete %n consultation(s)?", "", len(rows))):
            write.delete_consultations([r.id for r in rows if r.id])
