"""The card's «Аттестация» tab: status, the records and the leave periods; what is changed
here is saved with the card's «Сохранить», together with its other tabs."""

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
from imc_desktop.services.attestation.card import AttestationChanges, preview
from imc_desktop.services.attestation.records import AttestationData, LeaveData, PersonAttestation
from imc_desktop.services.common.errors import ServiceError
from imc_desktop.services.common.rules import Rules
from imc_desktop.validation import format_date
from ui.attestation.record_dialog import (
    AttestationDialog,
    LeaveForm,
    PersonChoice,
    RecordContext,
)
from ui.attestation.urgency import UNTIL_KIND, UntilText, until_text
from ui.widgets.messages import Ask
from ui.widgets.plain_table import make_table
from ui.widgets.table_model import Column


@dataclass(frozen=True)
class AttestationPageContext:
    """Who the card is about, their ОО to choose from, the rules and today."""

    person: PersonChoice | None
    status: PersonAttestation | None
    rules: Rules
    organizations: tuple[tuple[str, str], ...] = ()
    today: date | None = None


class AttestationPage(QWidget):
    """`statusChanged(PersonAttestation)`: the status the card will have once it is saved,
    after a record or a period was changed on the tab."""

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
        layout.addWidget(self.status_label)
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
        """The records and periods as stored: nothing changed on the tab yet."""
        self.status = status
        self._stored = {x.id: x for x in status.records if x.id}
        self._records: list[AttestationData] = list(status.records)
        self._leaves: list[LeaveData] = list(status.leaves)
        self._leaves_changed = False
        self._show(status)

    def _show(self, status: PersonAttestation) -> None:
        self.status = status
        self.records.set_rows(list(self._records))
        self.leaves.set_rows(list(self._leaves))
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
        """Read the tab again as stored (what was changed on it is dropped)."""
        person = self._context.person
        assert person is not None
        self.show_status(attestation.person_attestation(
            person.id, self._context.rules, self._context.today))
        self.statusChanged.emit(self.status)

    def _changed(self) -> None:
        """The status as the card will have it once saved; the card's category follows."""
        person = self._context.person
        assert person is not None
        try:
            status = preview(person.id, self._records, self._leaves, self._context.rules,
                             self._context.today or clock.today())
        except ServiceError as exc:
            Ask.error(self, self.tr("Attestation"), str(exc))
            return
        self._show(status)
        self.statusChanged.emit(status)

    def changes(self) -> AttestationChanges:
        """What was changed on the tab, for the card's «Save» to write."""
        saved = tuple((x, self._stored.get(x.id) if x.id else None) for x in self._records
                      if x.id is None or x != self._stored.get(x.id))
        deleted = tuple(i for i in self._stored if i not in {x.id for x in self._records})
        return AttestationChanges(saved, deleted,
                                  tuple(self._leaves) if self._leaves_changed else None)

    def pending(self) -> AttestationChanges | None:
        """The card asks its pages for what they keep to be saved with it."""
        if self._context.person is None:
            return None
        changes = self.changes()
        return changes if changes else None

    # ---------------------------------------------------------------- records
    def _record_context(self) -> RecordContext:
        person = self._context.person
        return RecordContext(self._context.rules, (person,) if person else (),
                             self._context.organizations, self._context.today)

    @staticmethod
    def _current_row(view: QTableView) -> int:
        index = view.currentIndex()
        return index.row() if index.isValid() else -1

    def add_record(self) -> None:
        person = self._context.person
        assert person is not None
        data = AttestationData(person_id=person.id,
                               organization_id=person.organization_id or None,
                               position=person.position, stage=attestation.STAGES[0],
                               applied_on=self._context.today or clock.today())
        edited = AttestationDialog.ask(data, self._record_context(), self)
        if edited is not None:
            self._records.append(edited)
            self._changed()
            self.records_view.selectRow(len(self._records) - 1)

    def edit_record(self) -> None:
        row = self._current_row(self.records_view)
        if row < 0:
            return
        edited = AttestationDialog.ask(self._records[row], self._record_context(), self)
        if edited is not None:
            self._records[row] = edited
            self._changed()
            self.records_view.selectRow(row)

    def delete_record(self) -> None:
        row = self._current_row(self.records_view)
        if row < 0:
            return
        if not Ask.confirm(self, self.tr("Delete attestation record"), self.tr(
                "Delete the record «%1»? It is deleted when the card is saved.").replace(
                "%1", self._records[row].kind)):
            return
        del self._records[row]
        self._changed()

    # ---------------------------------------------------------------- leave periods
    def _set_leaves(self, leaves: list[LeaveData]) -> None:
        self._leaves, self._leaves_changed = leaves, True
        self._changed()

    def add_leave(self) -> None:
        leave = LeaveForm.ask(LeaveData(), self)
        if leave is not None:
            self._set_leaves([*self._leaves, leave])

    def edit_leave(self) -> None:
        row = self._current_row(self.leaves_view)
        if row < 0:
            return
        leave = LeaveForm.ask(self._leaves[row], self)
        if leave is not None:
            self._set_leaves([leave if i == row else x for i, x in enumerate(self._leaves)])

    def delete_leave(self) -> None:
        row = self._current_row(self.leaves_view)
        if row >= 0 and Ask.confirm(
                self, self.tr("Delete leave period"), self.tr("Delete the period «%1»?")
                .replace("%1", self._leaves[row].kind)):
            self._set_leaves([x for i, x in enumerate(self._leaves) if i != row])
