"""The «Литература» tab: «Каталог», «Документы», «Остатки»."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from imc_desktop import config
from imc_desktop.services.common import reports
from imc_desktop.services.common.errors import ServiceError
from ui.literature.balances import BalancesPage
from ui.literature.catalogue import CataloguePage
from ui.literature.documents import DocumentsPage
from ui.widgets.messages import Ask
from ui.widgets.module_tab import ModuleTab
from ui.widgets.record_list import RecordList
from ui.widgets.report_preview import preview_report

WAYBILL = "literature-waybill"


class LiteratureTab(QWidget):
    def __init__(self, settings: config.Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.title = self.tr("Literature")
        self.catalogue = CataloguePage(settings, self)
        self.documents = DocumentsPage(settings, self.print_document, self)
        self.balances = BalancesPage(settings, self)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.catalogue, self.tr("Catalogue"))
        self.tabs.addTab(self.documents, self.tr("Documents"))
        self.tabs.addTab(self.balances, self.tr("Balances"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    @property
    def record_list(self) -> RecordList:
        """The list on screen (the main window's export and search act on it)."""
        return self.lists()[self.tabs.currentIndex()]

    def lists(self) -> list[RecordList]:
        return [self.catalogue.record_list, self.documents.record_list,
                self.balances.record_list]

    def print_document(self, parent: QWidget, document_id: str) -> None:
        """The накладная / акт of the document in the print preview."""
        try:
            report = reports.build(WAYBILL, {"document": document_id}, self.settings)
        except ServiceError as exc:
            Ask.error(parent, self.tr("Print"), str(exc))
            return
        preview_report(parent, report, self.settings)


if TYPE_CHECKING:  # the main window takes the tab as a ModuleTab
    _module_tab: type[ModuleTab] = LiteratureTab
