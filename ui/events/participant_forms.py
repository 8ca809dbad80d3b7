"""Small forms of the participants dialog: one participant, a pick from the register, the
bulk choice by ОО, position and subject."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from imc_desktop.services.events import participants as ep
from imc_desktop.services.events.participants import ParticipantData
from ui.widgets.people import PeopleList, PersonChoice
from ui.widgets.record_form import RecordForm

ATTENDANCE = ("", "присутствовал", "отсутствовал")


@dataclass(frozen=True)
class PeopleContext:
    """The register («ФИО — ОО») and the choices of the bulk form."""

    people: tuple[PersonChoice, ...] = ()
    organizations: tuple[tuple[str, str], ...] = ()
    positions: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()


class ParticipantForm(RecordForm):
    def __init__(self, data: ParticipantData, parent: QWidget | None = None) -> None:
        title = data.full_name or self.tr("External participant")
        super().__init__(title, lambda _v: ep.validate_participant(self.data()), parent)
        self._data = data
        name = self.add_line("full_name", self.tr("Full name"), 300)
        name.setEnabled(data.person_id is None)
        self.add_line("organization_text", self.tr("Organization"), 300).setEnabled(
            data.person_id is None)
        self.add_line("position", self.tr("Position"), 120)
        self.add_choice("role", self.tr("Role"), ep.ROLES)
        self.add_date("registered_on", self.tr("Registered on"))
        self.add_choice("attended", self.tr("Attendance"), ATTENDANCE)
        self.add_choice("result", self.tr("Result"), ep.RESULTS)
        self.add_line("nomination", self.tr("Nomination"), 300)
        self.add_int("place", self.tr("Place"), 1000)
        self.add_line("score", self.tr("Score"), 12).setMaximumWidth(100)
        attended = {None: "", True: ATTENDANCE[1], False: ATTENDANCE[2]}[data.attended]
        score = "" if data.score is None else f"{data.score:g}".replace(".", ",")
        self.set_values({**{n: getattr(data, n) for n in (
            "full_name", "organization_text", "position", "role", "registered_on", "result",
            "nomination", "place")}, "attended": attended, "score": score})
        self.resize(520, 0)

    def data(self) -> ParticipantData:
        v: dict[str, Any] = self.values()
        score_text = str(v["score"]).replace(",", ".").strip()
        try:
            score = float(score_text) if score_text else None
        except ValueError:
            score = -1.0
        attended = {"": None, ATTENDANCE[1]: True, ATTENDANCE[2]: False}[v["attended"]]
        registered = v["registered_on"] if not isinstance(v["registered_on"], str) else None
        return replace(self._data, full_name=v["full_name"],
                       organization_text=v["organization_text"], position=v["position"],
                       role=v["role"], registered_on=registered, attended=attended,
                       result=v["result"], nomination=v["nomination"], place=v["place"],
                       score=score)

    @staticmethod
    def ask(data: ParticipantData, parent: QWidget | None = None) -> ParticipantData | None:
        form = ParticipantForm(data, parent)
        return form.data() if form.exec() == QDialog.DialogCode.Accepted else None


class PeoplePicker(QDialog):
    """Search the register and tick several pedagogues."""

    def __init__(self, people: Sequence[PersonChoice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add from the staff register"))
        self.people = PeopleList(people, self)
        self.role = QComboBox()
        self.role.addItems(list(ep.ROLES))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Role"), self.role)
        layout = QVBoxLayout(self)
        layout.addWidget(self.people)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(520, 520)

    @staticmethod
    def ask(people: Sequence[PersonChoice], parent: QWidget | None = None
            ) -> tuple[list[str], str] | None:
        """(person ids, role) or None. Tests replace it."""
        dialog = PeoplePicker(people, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.people.chosen(), dialog.role.currentText()


@dataclass(frozen=True)
class BulkChoice:
    organization_id: str = ""
    position: str = ""
    subject: str = ""
    role: str = ep.ROLES[0]


class BulkForm(QDialog):
    def __init__(self, context: PeopleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add in bulk"))
        self.organization = QComboBox()
        self.organization.addItem(self.tr("any organization"), "")
        for org_id, name in context.organizations:
            self.organization.addItem(name, org_id)
        self.position, self.subject, self.role = QComboBox(), QComboBox(), QComboBox()
        self.position.addItems(["", *context.positions])
        self.subject.addItems(["", *context.subjects])
        self.role.addItems(list(ep.ROLES))
        form = QFormLayout(self)
        form.addRow(self.tr("Organization"), self.organization)
        form.addRow(self.tr("Position"), self.position)
        form.addRow(self.tr("Subject"), self.subject)
        form.addRow(self.tr("Role"), self.role)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def choice(self) -> BulkChoice:
        return BulkChoice(self.organization.currentData() or "", self.position.currentText(),
                          self.subject.currentText(), self.role.currentText())

    @staticmethod
    def ask(context: PeopleContext, parent: QWidget | None = None) -> BulkChoice | None:
        dialog = BulkForm(context, parent)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
