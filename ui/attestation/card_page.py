"""The card's «Аттестация» tab: status, the records and the leave periods, saved at once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from imc_desktop import clock
from imc_desktop.services.attestation import records as attestation
from imc_desktop.services.attestation.records import AttestationData, LeaveData, PersonAttestation
from imc_desktop.services.common.errors import ServiceError
from imc_desktop.services.common.rules import Rules
from imc_desktop.validation import format_date
from ui.attestation.record_dialog import LeaveForm, PersonChoice, RecordContext, edit_record
from ui.attestation.urgency import UNTIL_KIND, UntilText, until_text
from ui.widgets.messages import Ask
from ui.widgets.plain_table import make_table
from ui.widgets.table_model import Column, RecordTableModel

NOTE_STYLE = "color: #555;"


@dataclass(frozen=True)
class AttestationPageContext:
    """Who the card is about, their ОО to choose from, the rules and today."""

    person: PersonChoice | None
    status: PersonAttestation | None
    rules: Rules
    organizations: tuple[tuple[str, str], ...] = ()
    today: date | None = None


class AttestationPage(QWidget):
    """`statusChanged(PersonAttestation)` after a record or a period was saved."""

    statusChanged = Signal(object)

    def __init__(self, context: AttestationPageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        layout = QVBoxLayout(self)
        if context.person is None or context.status is None:
            layout.addWidget(QLabel(self.tr(
                "Save the card to keep the pedagogue's attestation.")))
            layout.addStretch(1)
            return
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        note = QLabel(self.tr("Attestation records and leave periods are saved at once, "
                              "not with the card's «Save»."))
        note.setStyleSheet(NOTE_STYLE)
        layout.addWidget(self.status_label)
        layout.addWidget(note)
        self.records_view, self.records = make_table(self._record_columns(), self)
        self.leaves_view, self.leaves = make_table(self._leave_columns(), self)
        layout.addWidget(self._group(self.tr("Attestation records"), self.records_view, (
            self.add_record, self.edit_record, self.delete_record)), 2)
        layout.addWidget(self._group(self.tr("Leave periods that postpone the SZD"),
                                     self.leaves_view,
                                     (self.add_leave, self.edit_leave, self.delete_leave)), 1)
        self.records_view.doubleClicked.connect(lambda _i: self.edit_record())
        self.leaves_view.doubleClicked.connect(lambda _i: self.edit_leave())
        self.show_status(context.status)

    def _group(self, title: str, view: QTableView,
               slots: tuple[Callable[[], None], ...]) -> QGroupBox:
        box = QGroupBox(title)
        buttons = QHBoxLayout()
        for text, slot in zip((self.tr("Add…"), self.tr("Edit…"), self.tr("Delete")), slots,
                              strict=True):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        inner = QVBoxLayout(box)
        inner.addLayout(buttons)
        inner.addWidget(view, 1)
        return box

    def _record_columns(self) -> list[Column]:
        return [
            Column("kind", self.tr("Kind"), lambda x: x.kind, width=240),
            Column("stage", self.tr("Stage"), lambda x: x.stage, width=120),
            Column("applied_on", self.tr("Application date"), lambda x: x.applied_on,
                   kind="date", width=120),
            Column("decision", self.tr("Decision"), lambda x: x.decision, width=130),
            Column("decided_on", self.tr("Decision date"), lambda x: x.decided_on,
                   kind="date", width=110),
            Column("order", self.tr("Order No."), lambda x: x.order_number, width=90),
            Column("valid_until", self.tr("Valid until"), self._until,
                   kind=UNTIL_KIND, width=100),
        ]

    def _until(self, x: AttestationData) -> UntilText | None:
        return until_text(x.kind, x.decision, x.decided_on, x.valid_until,
                          self._context.rules.attestation)

    def _leave_columns(self) -> list[Column]:
        return [
            Column("kind", self.tr("Kind"), lambda x: x.kind, width=280),
            Column("start", self.tr("Start"), lambda x: x.start, kind="date", width=110),
            Column("end", self.tr("End"), lambda x: x.end, kind="date", width=110),
        ]

    # ---------------------------------------------------------------- status
    def show_status(self, status: PersonAttestation) -> None:
        self.status = status
        self.records.set_rows(list(status.records))
        self.leaves.set_rows(list(status.leaves))
        self.status_label.setText(self.status_text(status))

    def status_text(self, status: PersonAttestation) -> str:
        if not status.category:
            category = self.tr("Category: none")
        else:
            category = (self.tr("Category: %1, valid until %2").replace(
                "%2", format_date(status.category_until)) if status.category_until
                else self.tr("Category: %1, without a term")).replace("%1", status.category)
        following = (self.tr("Next date: %1 (%2)").replace(
            "%1", format_date(status.next_date)) if status.next_date
            else self.tr("Next date: none (%2)")).replace("%2", status.next_reason)
        return f"<b>{category}</b><br>{following}"

    def refresh(self) -> None:
        person = self._context.person
        assert person is not None
        self.show_status(attestation.person_attestation(
            person.id, self._context.rules, self._context.today))
        self.statusChanged.emit(self.status)

    # ---------------------------------------------------------------- records
    def _record_context(self) -> RecordContext:
        person = self._context.person
        return RecordContext(self._context.rules, (person,) if person else (),
                             self._context.organizations, self._context.today)

    @staticmethod
    def _current(view: QTableView, model: RecordTableModel) -> object | None:
        index = view.currentIndex()
        return model.row_at(index.row()) if index.isValid() else None

    def add_record(self) -> None:
        person = self._context.person
        assert person is not None
        data = AttestationData(person_id=person.id,
                               organization_id=person.organization_id or None,
                               position=person.position, stage=attestation.STAGES[0],
                               applied_on=self._context.today or clock.today())
        if edit_record(data, self._record_context(), self):
            self.refresh()

    def edit_record(self) -> None:
        data = self._current(self.records_view, self.records)
        if isinstance(data, AttestationData) and edit_record(data, self._record_context(),
                                                             self, data):
            self.refresh()

    def delete_record(self) -> None:
        data = self._current(self.records_view, self.records)
        if not isinstance(data, AttestationData) or data.id is None:
            return
        if not Ask.confirm(self, self.tr("Delete attestation record"), self.tr(
                "Delete the record «%1»? It is deleted at once.").replace("%1", data.kind)):
            return
        try:
            attestation.delete_record(data.id)
        except ServiceError as exc:
            Ask.error(self, self.tr("Attestation record not deleted"), str(exc))
        self.refresh()

    # ---------------------------------------------------------------- leave periods
    def _save_leaves(self, leaves: list[LeaveData]) -> None:
        person = self._context.person
        assert person is not None
        try:
            attestation.save_leaves(person.id, leaves)
        except ServiceError as exc:
            Ask.error(self, self.tr("Leave periods not saved"), str(exc))
        self.refresh()

    def add_leave(self) -> None:
        leave = LeaveForm.ask(LeaveData(), self)
        if leave is not None:
            self._save_leaves([*self.status.leaves, leave])

    def edit_leave(self) -> None:
        current = self._current(self.leaves_view, self.leaves)
        if not isinstance(current, LeaveData):
            return
        leave = LeaveForm.ask(current, self)
        if leave is not None:
            self._save_leaves([leave if x is current else x for x in self.status.leaves])

    def delete_leave(self) -> None:
        current = self._current(self.leaves_view, self.leaves)
        if isinstance(current, LeaveData) and Ask.confirm(
                self, self.tr("Delete leave period"), self.tr("Delete the period «%1»?")
                .replace("%1", current.kind)):
            self._save_leaves([x for x in self.status.leaves if x is not current])
