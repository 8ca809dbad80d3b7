"""The «Организации» tab: the directory of the district's ОО."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QCheckBox, QComboBox, QVBoxLayout, QWidget

from imc_desktop.services.common.errors import ServiceError, ValidationFailed
from imc_desktop.services.organizations import records as orgs
from imc_desktop.services.organizations.records import OrganizationData
from ui.organizations.dialog import GradesEditor, OrganizationDialog
from ui.widgets.messages import Ask, save_over_changes
from ui.widgets.module_tab import ModuleTab
from ui.widgets.record_list import Column, RecordList


class OrganizationsTab(QWidget):
    def __init__(self, store: QSettings, parent: QWidget | None = None,
                 edit_grades: GradesEditor | None = None) -> None:
        """`edit_grades`: the pupils-by-grade editor the ОО card offers, if any."""
        super().__init__(parent)
        self.edit_grades = edit_grades
        self.title = self.tr("Organizations")
        self.record_list = RecordList("organizations", self.tr("Educational organizations"),
                                      self._columns(), orgs.list_organizations,
                                      {orgs.TABLE}, store, self)
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(self.tr("All types"), None)
        for kind in orgs.KINDS:
            self.kind_filter.addItem(kind, kind)
        self.active_only = QCheckBox(self.tr("Active only"))
        self.active_only.setChecked(True)
        self.record_list.filters.addWidget(self.kind_filter)
        self.record_list.filters.addWidget(self.active_only)
        self.kind_filter.currentIndexChanged.connect(self._apply_filters)
        self.active_only.toggled.connect(self._apply_filters)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.record_list)
        self.record_list.openRequested.connect(self.open_record)
        self.record_list.addRequested.connect(self.add_record)
        self.record_list.deleteRequested.connect(self.delete_records)
        self._apply_filters()
        self.record_list.reload()

    def lists(self) -> list[RecordList]:
        return [self.record_list]

    def _columns(self) -> list[Column]:
        return [
            Column("short_name", self.tr("Short name"), lambda o: o.short_name, width=300),
            Column("kind", self.tr("Type"), lambda o: o.kind, width=150),
            Column("legal_form", self.tr("Legal form"), lambda o: o.legal_form, width=90),
            Column("head_name", self.tr("Head"), lambda o: o.head_name, width=230),
            Column("head_phone", self.tr("Phone"), lambda o: o.head_phone, width=150),
            Column("pupils", self.tr("Pupils"), lambda o: o.pupils, kind="int", width=90),
            Column("is_rural", self.tr("Rural"), lambda o: o.is_rural, kind="bool", width=70),
            Column("actual_address", self.tr("Actual address"), lambda o: o.actual_address,
                   width=320),
            Column("full_name", self.tr("Full name"), lambda o: o.full_name, width=400,
                   hidden=True),
            Column("inn", self.tr("INN"), lambda o: o.inn, width=110, hidden=True),
            Column("kpp", self.tr("KPP"), lambda o: o.kpp, width=100, hidden=True),
            Column("ogrn", self.tr("OGRN"), lambda o: o.ogrn, width=130, hidden=True),
            Column("okpo", self.tr("OKPO"), lambda o: o.okpo, width=100, hidden=True),
            Column("legal_address", self.tr("Legal address"), lambda o: o.legal_address, width=320,
                   hidden=True),
            Column("head_email", self.tr("E-mail"), lambda o: o.head_email, width=200, hidden=True),
            Column("website", self.tr("Website"), lambda o: o.website, width=200, hidden=True),
            Column("is_active", self.tr("Active"), lambda o: o.is_active, kind="bool", width=90,
                   hidden=True),
            Column("reorganized_on", self.tr("Reorganized on"), lambda o: o.reorganized_on,
                   kind="date", width=120, hidden=True),
        ]

    def _apply_filters(self) -> None:
        kind = self.kind_filter.currentData()
        active_only = self.active_only.isChecked()

        def keep(org: Any) -> bool:
            return (kind is None or org.kind == kind) and (org.is_active or not active_only)

        self.record_list.set_predicate(keep)

    def add_record(self) -> None:
        self._edit(OrganizationData())

    def open_record(self, row: OrganizationData | None = None) -> None:
        row = row or self.record_list.current_row()
        if row is not None:
            self._edit(row)

    def _edit(self, data: OrganizationData) -> None:
        loaded = data if data.id is not None else None
        while True:
            edited = OrganizationDialog.ask(data, self, self.edit_grades)
            if edited is None:
                return
            try:
                new_id = save_over_changes(self, self.tr("Organization not saved"),
                                           partial(orgs.save_organization, edited, loaded))
                if new_id is None:
                    return
            except ValidationFailed as exc:
                Ask.error(self, self.tr("Organization not saved"), str(exc))
                data = edited
                continue
            except ServiceError as exc:
                Ask.error(self, self.tr("Organization not saved"), str(exc))
                return
            self.record_list.select_id(new_id)
            return

    def delete_records(self, rows: list[OrganizationData]) -> None:
        names = "\n".join(r.short_name for r in rows[:10])
        more = "\n…" if len(rows) > 10 else ""
        if not Ask.confirm(self, self.tr("Delete organizations"),
                           self.tr("Delete %n organization(s)?", "", len(rows))
                           + "\n\n" + names + more):
            return
        for row in rows:
            try:
                orgs.delete_organization(row.id or "")
            except ServiceError as exc:
                Ask.error(self, self.tr("Organization not deleted"), str(exc))


if TYPE_CHECKING:  # the main window takes the tab as a ModuleTab
    _module_tab: type[ModuleTab] = OrganizationsTab
