"""The «Аттестация» tab: «Сроки», «Заявления» and «История» of the district's records."""

from __future__ import annotations

from dataclasses import replace
from operator import attrgetter
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from imc_desktop import clock, config
from imc_desktop.services.attestation import records as attestation
from imc_desktop.services.attestation import rules as r
from imc_desktop.services.attestation.records import (
    ApplicationRow,
    AttestationData,
    DueRow,
    HistoryRow,
)
from imc_desktop.services.common.errors import ServiceError
from imc_desktop.services.common.rules import Rules
from imc_desktop.services.organizations import records as organizations
from imc_desktop.services.staff import records as staff
from ui.attestation.deadlines import TABLES, DeadlinesPage
from ui.attestation.record_dialog import PersonChoice, RecordContext, edit_record
from ui.attestation.urgency import UNTIL_KIND, UntilText, UrgencyDelegate
from ui.widgets.messages import Ask
from ui.widgets.module_tab import ModuleTab
from ui.widgets.record_list import Column, RecordList

FILED, DECIDED = attestation.STAGES[0], attestation.STAGES[2]
HISTORY_DATE_COLUMN = 6  # «Дата решения»
NAMES_IN_QUESTION = 10


def valid_until_text(row: HistoryRow) -> UntilText | None:
    """The date, «бессрочно» for a category established without a term, else empty."""
    if row.valid_until is not None:
        return UntilText(row.valid_until)
    if row.decision == r.ESTABLISHED and row.decided_on is not None:
        return UntilText(None)
    return None


class AttestationTab(QWidget):
    def __init__(self, settings: config.Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.title = self.tr("Attestation")
        self.deadlines = DeadlinesPage(settings, self)
        self.applications = self._applications_list()
        self.history = self._history_list()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.deadlines, self.tr("Deadlines"))
        self.tabs.addTab(self.applications, self.tr("Applications"))
        self.tabs.addTab(self.history, self.tr("History"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.deadlines.openRequested.connect(self.record_due)
        self.applications.reload()
        self.history.reload()

    @property
    def record_list(self) -> RecordList:
        """The list on screen (the main window's export and search act on it)."""
        return self.lists()[self.tabs.currentIndex()]

    def lists(self) -> list[RecordList]:
        return [self.deadlines.record_list, self.applications, self.history]

    # ---------------------------------------------------------------- building
    def _applications_list(self) -> RecordList:
        columns = [
            Column("person", self.tr("Full name"), lambda x: x.person_name, width=250),
            Column("organization", self.tr("Organization"), lambda x: x.organization,
                   width=210),
            Column("kind", self.tr("Kind"), lambda x: x.kind, width=250),
            Column("applied_on", self.tr("Application date"), lambda x: x.applied_on,
                   kind="date", width=120),
            Column("stage", self.tr("Stage"), lambda x: x.stage, width=130),
            Column("started_on", self.tr("Attestation start"), lambda x: x.started_on,
                   kind="date", width=120),
            Column("consider_by", self.tr("Consider by"), lambda x: x.consider_by,
                   kind="date", width=120),
            Column("finish_by", self.tr("Attestation by"), lambda x: x.finish_by,
                   kind="date", width=120),
            Column("overdue", self.tr("Overdue"), lambda x: x.overdue, kind="bool", width=90),
        ]
        records = RecordList("attestation_applications", self.tr("Applications"), columns,
                             self._load_applications, TABLES, self.settings.raw(), self)
        records.view.setItemDelegate(UrgencyDelegate(records.view))
        records.openRequested.connect(self.decide)
        records.addRequested.connect(self.new_application)
        records.command_tips.update({  # the toolbar's commands on this list: no own buttons
            "add": self.tr("New application…"), "open": self.tr("Record the decision…")})
        records.deleteRequested.connect(self.delete_records)
        return records

    def _history_list(self) -> RecordList:
        text = attrgetter
        columns = [
            Column("person", self.tr("Full name"), text("person_name"), width=250),
            Column("organization", self.tr("Organization"), text("organization"), width=210),
            Column("position", self.tr("Position"), text("position"), width=190),
            Column("kind", self.tr("Kind"), text("kind"), width=250),
            Column("stage", self.tr("Stage"), text("stage"), width=130),
            Column("decision", self.tr("Decision"), text("decision"), width=125),
            Column("decided_on", self.tr("Decision date"), text("decided_on"), kind="date",
                   width=110),
            Column("order_number", self.tr("Order No."), text("order_number"), width=85),
            Column("order_date", self.tr("Order date"), text("order_date"), kind="date",
                   width=100),
            Column("valid_until", self.tr("Valid until"), valid_until_text,
                   kind=UNTIL_KIND, width=110),
            Column("simplified", self.tr("Simplified"), text("simplified"), kind="bool",
                   width=100),
        ]
        records = RecordList("attestation_history", self.tr("Attestation history"), columns,
                             lambda: attestation.history(self.rules()), TABLES,
                             self.settings.raw(), self)
        header = records.view.horizontalHeader()
        if header.sortIndicatorSection() < 0:  # newest decisions first, until the user sorts
            header.setSortIndicator(HISTORY_DATE_COLUMN, Qt.SortOrder.DescendingOrder)
        records.openRequested.connect(self.open_record)
        records.addRequested.connect(lambda: self._edit(AttestationData(stage=DECIDED)))
        records.deleteRequested.connect(self.delete_records)
        return records

    def _load_applications(self) -> list[ApplicationRow]:
        return attestation.applications(self.rules())

    def rules(self) -> Rules:
        """The rules as the settings are now (they may change while the tab is open)."""
        return Rules.from_settings(self.settings)

    # ---------------------------------------------------------------- commands
    def context(self, person_id: str | None = None) -> RecordContext:
        rows = staff.list_staff(self.rules())
        people = tuple(PersonChoice(x.id, f"{x.full_name} — {x.organization}".rstrip(" —"),
                                    x.organization_id, x.position)
                       for x in rows if person_id is None or x.id == person_id)
        return RecordContext(self.rules(), people,
                             tuple(organizations.active_organization_choices()), clock.today())

    def _edit(self, data: AttestationData, fixed: bool = False,
              loaded: AttestationData | None = None) -> None:
        edit_record(data, self.context(data.person_id if fixed else None), self, loaded)

    def record_due(self, row: DueRow) -> None:
        self._edit(AttestationData(person_id=row.person_id,
                                   organization_id=row.organization_id or None,
                                   position=row.position, kind=row.kind, stage=FILED,
                                   applied_on=clock.today()), fixed=True)

    def new_application(self) -> None:
        self._edit(AttestationData(stage=FILED, applied_on=clock.today()))

    def _stored(self, row: ApplicationRow | HistoryRow) -> AttestationData | None:
        found = next((x for x in attestation.person_records(row.person_id) if x.id == row.id),
                     None)
        if found is None:
            Ask.error(self, self.tr("Attestation"), self.tr(
                "The record is not found: perhaps it was deleted."))
        return found

    def decide(self, row: ApplicationRow | None = None) -> None:
        row = row or self.applications.current_row()
        data = self._stored(row) if row is not None else None
        if data is not None:
            self._edit(replace(data, stage=DECIDED), fixed=True, loaded=data)

    def open_record(self, row: HistoryRow) -> None:
        data = self._stored(row)
        if data is not None:
            self._edit(data, fixed=True, loaded=data)

    def delete_records(self, rows: list[HistoryRow | ApplicationRow]) -> None:
        names = "\n".join(f"{x.person_name}: {x.kind}" for x in rows[:NAMES_IN_QUESTION])
        more = "\n…" if len(rows) > NAMES_IN_QUESTION else ""
        if not Ask.confirm(self, self.tr("Delete attestation records"), self.tr(
                "Delete %n attestation record(s)?", "", len(rows)) + "\n\n" + names + more):
            return
        for row in rows:
            try:
                attestation.delete_record(row.id)
            except ServiceError as exc:
                Ask.error(self, self.tr("Attestation record not deleted"), str(exc))


if TYPE_CHECKING:  # the main window takes the tab as a ModuleTab
    _module_tab: type[ModuleTab] = AttestationTab
