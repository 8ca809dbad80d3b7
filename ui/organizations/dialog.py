"""The ОО card: every field of the directory, validated as the user saves."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, fields
from typing import Any

from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from imc_desktop.services.organizations import records as orgs
from imc_desktop.services.organizations.records import OrganizationData
from ui.widgets.record_form import RecordForm

_NAMES = {f.name for f in fields(OrganizationData)}

GradesEditor = Callable[[str, str, QWidget], None]
"""Edits the pupils by grade of an ОО (id, short name, parent); lent by another module."""


def to_data(values: dict[str, Any], org_id: str | None) -> OrganizationData:
    known = {k: v for k, v in values.items() if k in _NAMES}
    return OrganizationData(id=org_id, **known)


class OrganizationDialog(RecordForm):
    def __init__(self, data: OrganizationData, parent: QWidget | None = None,
                 edit_grades: GradesEditor | None = None) -> None:
        title = self.tr("New organization") if data.id is None else data.short_name
        super().__init__(title, self._validate, parent)
        self._id, self._edit_grades_of = data.id, edit_grades
        self.add_text("full_name", self.tr("Full name"))
        self.add_line("short_name", self.tr("Short name"), 200)
        self.add_choice("kind", self.tr("Type"), orgs.KINDS)
        self.add_choice("legal_form", self.tr("Legal form"), ("", *orgs.FORMS), editable=True)
        self.add_line("inn", self.tr("INN"), 12)
        self.add_line("kpp", self.tr("KPP"), 9)
        self.add_line("ogrn", self.tr("OGRN"), 15)
        self.add_line("okpo", self.tr("OKPO"), 10)
        self.add_text("legal_address", self.tr("Legal address"))
        self.add_text("actual_address", self.tr("Actual address"))
        self.add_check("is_rural", self.tr("Rural"))
        self.add_line("head_name", self.tr("Head (full name)"), 200)
        self.add_line("head_phone", self.tr("Head's phone"), 40)
        self.add_line("head_email", self.tr("E-mail"), 120)
        self.add_line("website", self.tr("Website"), 200)
        self.add_int("pupils", self.tr("Pupils"), 10000)
        self.grades_button = QPushButton(self.tr("Pupils by grade…"))
        self.grades_button.setEnabled(data.id is not None and edit_grades is not None)
        self.grades_button.setVisible(edit_grades is not None)
        self.grades_button.clicked.connect(self._edit_grades)
        self.form.addRow("", self.grades_button)
        self.add_check("is_active", self.tr("Active"))
        self.add_date("reorganized_on", self.tr("Reorganized on"))
        self.set_values(asdict(data))
        self.resize(640, 720)

    def _validate(self, values: dict[str, Any]) -> dict[str, str]:
        return orgs.validate_organization(to_data(values, self._id))

    def _edit_grades(self) -> None:
        if self._id is not None and self._edit_grades_of is not None:
            self._edit_grades_of(self._id, self.values()["short_name"], self)

    def result_data(self) -> OrganizationData:
        return to_data(self.values(), self._id)

    @staticmethod
    def ask(data: OrganizationData, parent: QWidget | None = None,
            edit_grades: GradesEditor | None = None) -> OrganizationData | None:
        """The edited record, or None when the user cancelled. Tests replace this."""
        dialog = OrganizationDialog(data, parent, edit_grades)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.result_data()
