"""The «Методическая сеть» tab: the associations (each opens its card with members, plan,
protocols and decisions), all meetings, all decisions, the sites and mentoring."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from imc_desktop import clock, config
from imc_desktop.services.common.errors import ServiceError, ValidationFailed
from imc_desktop.services.network import card as network_card
from imc_desktop.services.network import decisions as nd
from imc_desktop.services.network import meetings as nm
from imc_desktop.services.network import records as net
from imc_desktop.services.network import sites as ns
from imc_desktop.services.network.rules import academic_year_of
from imc_desktop.services.organizations.records import organization_choices
from ui.network.card import AssociationCardDialog
from ui.network.dialogs import AssociationDialog, DecisionDialog, Lookups, SiteDialog
from ui.network.mentoring_page import STAFF_TABLES, MentoringPage
from ui.widgets.messages import Ask, save_over_changes
from ui.widgets.module_tab import ModuleTab
from ui.widgets.record_list import Column, RecordList

TABLES = set(net.TABLES) | STAFF_TABLES | {"events", "event_participants"}


class NetworkTab(QWidget):
    def __init__(self, settings: config.Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        store = settings.raw()
        self.title = self.tr("Methodological network")
        self.associations = RecordList(
            "network_associations", self.tr("Associations"), self._association_columns(),
            net.list_associations, TABLES, store, self)
        self.year_filter = QComboBox()
        self.year_filter.addItem(self.tr("All years"), None)
        this = academic_year_of(clock.today())
        for year in range(this + 1, this - 5, -1):
            self.year_filter.addItem(f"{year}–{year + 1}", year)
        self.year_filter.setCurrentIndex(2)
        self.year_filter.currentIndexChanged.connect(self._filter_years)
        self.associations.filters.addWidget(self.year_filter)
        for text, kind in ((self.tr("Members from Excel…"), "network-members"),
                           (self.tr("Plans from Excel…"), "network-plan")):
            button = QPushButton(text)
            button.clicked.connect(partial(self.import_from_excel, kind))
            self.associations.filters.addWidget(button)
        self.associations.addRequested.connect(self.add_association)
        self.associations.openRequested.connect(self.open_association)
        self.associations.deleteRequested.connect(self.delete_associations)
        self.meetings = RecordList("network_meetings", self.tr("Meetings"),
                                   self._meeting_columns(), nm.list_all_meetings, TABLES,
                                   store, self)
        self.meetings.openRequested.connect(
            lambda row: self.open_association_id(row.data.association_id))
        self.meetings.not_here["add"] = self.tr("Plan a meeting on the association's card.")
        self.meetings.not_here["delete"] = self.tr(
            "Delete a meeting on the association's card.")
        self.decisions = RecordList("network_decisions", self.tr("Decisions"),
                                    self._decision_columns(), nd.list_decisions, TABLES,
                                    store, self)
        self.open_only = QCheckBox(self.tr("Not done only"))
        self.open_only.toggled.connect(lambda on: self.decisions.set_predicate(
            (lambda r: not r.done) if on else None))
        self.decisions.filters.addWidget(self.open_only)
        self.decisions.openRequested.connect(self.open_decision)
        self.decisions.deleteRequested.connect(
            lambda rows: nd.delete_decisions([r.id for r in rows]) if Ask.confirm(
                self, self.tr("Delete decisions"),
                self.tr("Delete %n decision(s)?", "", len(rows))) else None)
        self.decisions.not_here["add"] = self.tr("Add a decision on the association's card.")
        self.sites = RecordList("network_sites", self.tr("Sites"), self._site_columns(),
                                ns.list_sites, TABLES, store, self)
        self.sites.addRequested.connect(lambda: self.edit_site(ns.SiteData()))
        self.sites.openRequested.connect(lambda row: self.edit_site(row.data))
        self.sites.deleteRequested.connect(self.delete_sites)
        self.mentoring = MentoringPage(settings, self.lookups, self)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for page, text in ((self.associations, self.tr("Associations")),
                           (self.meetings, self.tr("Meetings")),
                           (self.decisions, self.tr("Decisions")),
                           (self.sites, self.tr("Sites")),
                           (self.mentoring, self.tr("Mentoring"))):
            self.tabs.addTab(page, text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self._filter_years()

    # ---------------------------------------------------------------- lists
    @property
    def record_list(self) -> RecordList:
        """The list on screen (the main window's commands act on it)."""
        if self.tabs.currentWidget() is self.mentoring:
            young = self.mentoring.young
            return young if young.hasFocus() or young.view.hasFocus() else \
                self.mentoring.record_list
        current = self.tabs.currentWidget()
        return current if isinstance(current, RecordList) else self.associations

    def lists(self) -> list[RecordList]:
        return [self.associations, self.meetings, self.decisions, self.sites,
                *self.mentoring.lists()]

    def _association_columns(self) -> list[Column]:
        return [
            Column("name", self.tr("Name"), lambda r: r.data.name, width=300),
            Column("kind", self.tr("Kind"), lambda r: r.data.kind, width=150),
            Column("subject", self.tr("Subject or direction"), lambda r: r.data.subject,
                   width=170),
            Column("year", self.tr("Academic year"), lambda r: r.year_text, width=100),
            Column("head", self.tr("Head"), lambda r: r.head, width=220),
            Column("curator", self.tr("Curator"), lambda r: r.curator, width=200),
            Column("members", self.tr("Members"), lambda r: r.members, "int", 80),
            Column("planned", self.tr("Meetings planned"), lambda r: r.planned, "int", 170),
            Column("held", self.tr("Held"), lambda r: r.held, "int", 90),
            Column("no_protocol", self.tr("Without protocol"), lambda r: r.without_protocol,
                   "int", 110),
            Column("theme", self.tr("Theme of the year"), lambda r: r.data.theme, width=300,
                   hidden=True),
            Column("status", self.tr("Status"), lambda r: r.data.status, width=110,
                   hidden=True)]

    def _meeting_columns(self) -> list[Column]:
        return [
            Column("day", self.tr("Date"), lambda r: r.day, "date", 90),
            Column("association", self.tr("Association"), lambda r: r.association, width=260),
            Column("theme", self.tr("Theme"), lambda r: r.data.theme, width=300),
            Column("status", self.tr("Event status"), lambda r: r.status, width=110),
            Column("attended", self.tr("Attended"), lambda r: r.attended, "int", 90),
            Column("protocol", self.tr("Protocol No."), lambda r: r.data.protocol_number,
                   width=100),
            Column("held", self.tr("Held"), lambda r: r.held, "bool", 70),
            Column("place", self.tr("Place"), lambda r: r.place, width=180)]

    def _decision_columns(self) -> list[Column]:
        return [
            Column("association", self.tr("Association"), lambda r: r.association, width=240),
            Column("day", self.tr("Meeting"), lambda r: r.meeting_day, "date", 90),
            Column("text", self.tr("Decision"), lambda r: r.data.text, width=340),
            Column("who", self.tr("Responsible"), lambda r: r.responsible, width=200),
            Column("deadline", self.tr("Deadline"), lambda r: r.data.deadline, "date", 90),
            Column("done", self.tr("Done on"), lambda r: r.data.done_on, "date", 90),
            Column("late", self.tr("Overdue"), lambda r: r.overdue, "bool", 80)]

    def _site_columns(self) -> list[Column]:
        return [
            Column("org", self.tr("Organization"), lambda r: r.organization, width=200),
            Column("kind", self.tr("Kind"), lambda r: r.data.kind, width=260),
            Column("theme", self.tr("Theme"), lambda r: r.data.theme, width=300),
            Column("order", self.tr("Order"), lambda r: r.data.order_number, width=90),
            Column("order_date", self.tr("Order date"), lambda r: r.data.order_date, "date",
                   90),
            Column("from", self.tr("From"), lambda r: r.data.starts_on, "date", 90),
            Column("to", self.tr("To"), lambda r: r.data.ends_on, "date", 90),
            Column("who", self.tr("Responsible"), lambda r: r.responsible, width=200),
            Column("report", self.tr("Report received"), lambda r: r.data.report_received,
                   "bool", 110),
            Column("report_on", self.tr("Report date"), lambda r: r.data.report_received_on,
                   "date", 100)]

    def _filter_years(self) -> None:
        year = self.year_filter.currentData()

        def keep(row: Any) -> bool:
            return year is None or row.data.year == year

        self.associations.set_predicate(keep)

    # ---------------------------------------------------------------- actions
    def import_from_excel(self, kind: str, _checked: bool = False) -> None:
        """Members or plans of the associations from a workbook (the shared import wizard)."""
        from imc_desktop.services.common import importing
        from ui.widgets.import_wizard import ImportWizard

        ImportWizard.ask(kind, importing.mapping_store(self.settings.data_dir()), self)

    def lookups(self) -> Lookups:
        return Lookups.of(net.person_options(), organization_choices())

    def add_association(self) -> None:
        year = self.year_filter.currentData() or academic_year_of(clock.today())
        self._edit_association(net.AssociationData(year=year))

    def _edit_association(self, data: net.AssociationData) -> None:
        lookups = self.lookups()
        while True:
            edited = AssociationDialog.ask(data, lookups, self)
            if edited is None:
                return
            try:
                new_id = save_over_changes(self, self.tr("Association not saved"), partial(
                    net.save_association, edited, data if data.id else None))
            except ValidationFailed as exc:
                Ask.error(self, self.tr("Association not saved"), str(exc))
                data = edited
                continue
            except ServiceError as exc:
                Ask.error(self, self.tr("Association not saved"), str(exc))
                return
            if new_id is not None:
                self.associations.select_id(new_id)
                if data.id is None:
                    self.open_association_id(new_id)
            return

    def open_association(self, row: net.AssociationRow) -> None:
        self.open_association_id(row.id)

    def open_association_id(self, association_id: str) -> None:
        try:
            card = network_card.association_card(association_id)
        except ServiceError as exc:
            Ask.error(self, self.tr("Association"), str(exc))
            return
        people = net.person_options()
        dialog = AssociationCardDialog(card, network_card.association_card,
                                       Lookups.of(people, organization_choices()), people,
                                       net.POSITIONS, self, self.print_report)
        dialog.exec()

    def print_report(self, parent: QWidget, name: str, params: dict[str, str]) -> None:
        """A network document of one association or meeting, saved where the user says."""
        from imc_desktop.services.common import reports
        from ui.widgets.report_preview import save_report

        try:
            report = reports.build(name, params, self.settings)
        except ServiceError as exc:
            Ask.error(parent, self.tr("Documents"), str(exc))
            return
        save_report(parent, report, self.settings, "docx")

    def delete_associations(self, rows: list[net.AssociationRow]) -> None:
        names = "\n".join(r.data.name for r in rows[:10])
        if Ask.confirm(self, self.tr("Delete associations"), self.tr(
                "Delete %n association(s) with their members, plans and protocols? The "
                "events stay in the calendar.", "", len(rows)) + "\n\n" + names):
            for row in rows:
                net.delete_association(row.id)

    def open_decision(self, row: nd.DecisionRow) -> None:
        card = network_card.association_card(row.association_id)
        edited = DecisionDialog.ask(row.data, card.meeting_choices(), self.lookups(), self)
        if edited is not None:
            try:
                nd.save_decision(edited)
            except ServiceError as exc:
                Ask.error(self, self.tr("Decision not saved"), str(exc))

    def edit_site(self, data: ns.SiteData) -> None:
        lookups = self.lookups()
        while True:
            edited = SiteDialog.ask(data, lookups, self)
            if edited is None:
                return
            try:
                self.sites.select_id(ns.save_site(edited))
                return
            except ServiceError as exc:
                Ask.error(self, self.tr("Site not saved"), str(exc))
                data = edited

    def delete_sites(self, rows: list[ns.SiteRow]) -> None:
        if Ask.confirm(self, self.tr("Delete sites"),
                       self.tr("Delete %n site(s)?", "", len(rows))):
            ns.delete_sites([r.id for r in rows])


if TYPE_CHECKING:  # the main window takes the tab as a ModuleTab
    _module_tab: type[ModuleTab] = NetworkTab
