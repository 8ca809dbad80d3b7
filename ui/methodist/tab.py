"""The «Журнал методиста» tab: consultations, visits to ОО, the month plan, the methodists."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from imc_desktop import config
from imc_desktop.services.common import reports
from imc_desktop.services.common.errors import ServiceError
from ui.methodist.consultations_page import ConsultationsPage
from ui.methodist.methodists_page import MethodistsPage
from ui.methodist.plan_page import PlanPage
from ui.methodist.visits_page import VisitsPage
from ui.widgets.messages import Ask
from ui.widgets.module_tab import ModuleTab
from ui.widgets.record_list import RecordList

VISIT_REPORT = "methodist-visit"


class MethodistTab(QWidget):
    def __init__(self, settings: config.Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.title = self.tr("Methodist's journal")
        store = settings.raw()
        self.consultations = ConsultationsPage(store, self)
        self.visits = VisitsPage(settings, self)
        self.plan = PlanPage(store, self)
        self.methodists = MethodistsPage(store, self)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.consultations, self.tr("Consultations"))
        self.tabs.addTab(self.visits, self.tr("Visits"))
        self.tabs.addTab(self.plan, self.tr("Plan"))
        self.tabs.addTab(self.methodists, self.tr("Methodists"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.visits.reportRequested.connect(self.visit_report)

    @property
    def record_list(self) -> RecordList:
        return self.lists()[max(self.tabs.currentIndex(), 0)]

    def lists(self) -> list[RecordList]:
        return [self.consultations.record_list, self.visits.record_list,
                self.plan.record_list, self.methodists.record_list]

    def visit_report(self, visit_id: str) -> None:
        """The «справка по итогам посещения» of a visit, as a Word draft to edit."""
        from ui.widgets.report_preview import save_report

        try:
            report = reports.build(VISIT_REPORT, {"visit": visit_id}, self.settings)
        except ServiceError as exc:
            Ask.error(self, self.tr("Visit report"), str(exc))
            return
        save_report(self, report, self.settings, "docx")


if TYPE_CHECKING:  # the main window takes the tab as a ModuleTab
    _module_tab: type[ModuleTab] = MethodistTab
