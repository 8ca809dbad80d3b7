"""The attestation record dialog, the leave period form, and the ask-and-save loop."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QDialog, QWidget

from imc_desktop.services.attestation import records as attestation
from imc_desktop.services.attestation import rules as r
from imc_desktop.services.attestation.records import AttestationData, LeaveData
from imc_desktop.services.common.errors import ServiceError, ValidationFailed
from imc_desktop.services.common.rules import Rules
from ui.widgets.messages import Ask, save_over_changes
from ui.widgets.people import PersonChoice
from ui.widgets.record_form import RecordForm

CATEGORY_DECISIONS = (r.ESTABLISHED, r.REFUSED)
SZD_DECISIONS = (r.CONFORMS, r.NOT_CONFORMS)
DATES = ("applied_on", "started_on", "decided_on", "order_date", "valid_until")
TEXTS = ("position", "kind", "channel", "stage", "decision", "order_number", "order_body",
         "simplified_basis")


@dataclass(frozen=True)
class RecordContext:
    """What the dialog offers: the rules, pedagogues (one when fixed), ОО (id, name)."""

    rules: Rules
    people: tuple[PersonChoice, ...] = ()
    organizations: tuple[tuple[str, str], ...] = ()
    today: date | None = None


def decisions_for(kind: str) -> tuple[str, ...]:
    return SZD_DECISIONS if kind == r.SZD else CATEGORY_DECISIONS


class AttestationDialog(RecordForm):
    def __init__(self, data: AttestationData, context: RecordContext,
                 parent: QWidget | None = None) -> None:
        title = self.tr("Attestation record") if data.id else self.tr("New attestation record")
        super().__init__(title, lambda _v: attestation.validate_record(self.data()), parent)
        self._data, self._context = data, context
        self._build()
        self._fill(data)
        self.resize(620, 0)

    def _build(self) -> None:
        self.person = self.add_lookup("person_id", self.tr("Pedagogue"),
                                      [(p.id, p.label) for p in self._context.people])
        self.person.setEditable(len(self._context.people) > 1)
        self.person.setEnabled(len(self._context.people) > 1)
        self.person.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.person.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.organization = self.add_lookup("organization_id", self.tr("Organization"),
                                            self._context.organizations)
        self.add_line("position", self.tr("Position"), 200)
        self.kind = self.add_choice("kind", self.tr("Kind"), r.KINDS)
        self.add_date("applied_on", self.tr("Application date"))
        start = self.add_date("started_on", self.tr("Attestation start"))
        start.setToolTip(self.tr("The date the commission set: the attestation lasts at most "
                                 "60 days from it"))
        self.add_choice("channel", self.tr("Submitted"), ("", *attestation.CHANNELS))
        self.add_choice("stage", self.tr("Stage"), attestation.STAGES)
        self.decision = self.add_choice("decision", self.tr("Decision"), ())
        self.add_date("decided_on", self.tr("Decision date"))
        self.add_line("order_number", self.tr("Order No."), 60).setMaximumWidth(160)
        self.add_date("order_date", self.tr("Order date"))
        self.add_line("order_body", self.tr("Issued by"), 200)
        until = self.add_date("valid_until", self.tr("Valid until"))
        until.setMaximumWidth(16777215)
        until.setPlaceholderText(self.tr("empty: by the rules"))
        self.add_check("simplified", self.tr("Simplified procedure"))
        self.add_line("simplified_basis", self.tr("Basis (award, title)"), 200)
        self.kind.currentTextChanged.connect(self._kind_changed)
        self.person.currentIndexChanged.connect(self._person_changed)

    def _kind_changed(self, kind: str) -> None:
        chosen = self.decision.currentText()
        self.decision.clear()
        self.decision.addItems(["", *decisions_for(kind)])
        self.decision.setCurrentIndex(max(self.decision.findText(chosen), 0))

    def _person_changed(self) -> None:
        person = next((p for p in self._context.people if p.id == self.person.currentData()),
                      None)
        if person is None:
            return
        self.organization.setCurrentIndex(max(self.organization.findData(
            person.organization_id), 0))
        self.set_field("position", person.position)

    def set_field(self, name: str, value: Any) -> None:
        initial = self._initial
        self.set_values({name: value})
        self._initial = initial

    def _fill(self, data: AttestationData) -> None:
        self._kind_changed(data.kind)
        self.person.setCurrentIndex(max(self.person.findData(data.person_id), 0))
        self.organization.setCurrentIndex(max(self.organization.findData(
            data.organization_id or ""), 0))
        self.set_values({name: getattr(data, name) for name in (*TEXTS, *DATES, "simplified")})

    def data(self) -> AttestationData:
        """The record as typed (dates typed wrong count as empty)."""
        values = self.values()
        dates: dict[str, Any] = {n: values[n] if isinstance(values[n], date) else None
                                 for n in DATES}
        return replace(self._data, person_id=self.person.currentData() or "",
                       organization_id=self.organization.currentData() or None,
                       simplified=bool(values["simplified"]),
                       **{n: values[n] for n in TEXTS}, **dates)

    def try_accept(self) -> None:
        problems = {**attestation.validate_record(self.data()), **self._date_problems()}
        self.show_problems(problems)
        if problems or not self._warnings_confirmed():
            return
        self._initial = self.values()
        self.accept()

    def _warnings_confirmed(self) -> bool:
        warnings = attestation.record_warnings(self.data(), self._context.rules,
                                              self._context.today)
        return not warnings or Ask.confirm(self, self.tr("Attestation record"), "\n".join(
            warnings) + "\n\n" + self.tr("Save the record anyway?"))

    @staticmethod
    def ask(data: AttestationData, context: RecordContext,
            parent: QWidget | None = None) -> AttestationData | None:
        """The edited record, or None when cancelled. Tests replace this."""
        dialog = AttestationDialog(data, context, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.data()


def edit_record(data: AttestationData, context: RecordContext, parent: QWidget,
                loaded: AttestationData | None = None) -> str | None:
    """Ask for the record and save it at once; ask again while the service refuses it.
    ``loaded`` is the record as read (the form may come prefilled with a change, as «Решение»
    does): only what differs from it is written."""
    title = QCoreApplication.translate("AttestationDialog", "Attestation record not saved")
    while True:
        edited = AttestationDialog.ask(data, context, parent)
        if edited is None:
            return None
        try:
            return save_over_changes(parent, title,
                                     partial(attestation.save_record, edited, loaded))
        except ValidationFailed as exc:
            Ask.error(parent, title, str(exc))
            data = edited
        except ServiceError as exc:
            Ask.error(parent, title, str(exc))
            return None


class LeaveForm(RecordForm):
    """A period that postpones the СЗД: pregnancy, maternity or parental leave, sickness."""

    def __init__(self, leave: LeaveData, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Leave period"),
                         lambda _v: attestation.validate_leave(self.leave()), parent)
        self._leave = leave
        self.add_choice("kind", self.tr("Kind"), attestation.LEAVE_KINDS)
        self.add_date("start", self.tr("Start"))
        self.add_date("end", self.tr("End")).setPlaceholderText(self.tr("still on leave"))
        self.set_values({"kind": leave.kind, "start": leave.start, "end": leave.end})
        self.resize(420, 0)

    def leave(self) -> LeaveData:
        values = self.values()
        start, end = values["start"], values["end"]
        return replace(self._leave, kind=values["kind"],
                       start=start if isinstance(start, date) else None,
                       end=end if isinstance(end, date) else None)

    @staticmethod
    def ask(leave: LeaveData, parent: QWidget | None = None) -> LeaveData | None:
        form = LeaveForm(leave, parent)
        return form.leave() if form.exec() == QDialog.DialogCode.Accepted else None
