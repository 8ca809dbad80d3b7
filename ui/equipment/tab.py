"""The «Оборудование» tab: the items, the acts, the inventory counts, the duplicates of
inventory numbers and the informatisation charts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from imc_desktop import config
from imc_desktop.services.equipment import records as eq
from imc_desktop.services.equipment.records import ItemRow
from ui.equipment.acts_page import ActsPage
from ui.equipment.charts import InformatisationPage
from ui.equipment.counting import CountingPage
from ui.equipment.items_page import TABLES, ItemsPage, columns
from ui.widgets.module_tab import ModuleTab
from ui.widgets.record_list import RecordList


def duplicate_rows() -> list[ItemRow]:
    return [row for d in eq.duplicates() for row in d.items]


class EquipmentTab(QWidget):
    def __init__(self, settings: config.Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.title = self.tr("Equipment")
        self.items = ItemsPage(settings, self)
        self.acts = ActsPage(settings, self)
        self.counting = CountingPage(settings, self)
        self.duplicates = RecordList("equipment_duplicates", self.tr("Duplicate numbers"),
                                     columns(), duplicate_rows, TABLES, settings.raw(),
                                     self)
        self.duplicates.openRequested.connect(self.items.open_item)
        self.duplicates.deleteRequested.connect(self.items.delete_items)
        self.duplicates.not_here["add"] = self.tr(
            "Duplicates are found among the items: add an item on «Items».")
        self.charts = InformatisationPage(self, settings.raw())
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.items, self.tr("Items"))
        self.tabs.addTab(self.acts, self.tr("Acts"))
        self.tabs.addTab(self.counting, self.tr("Inventory count"))
        self.tabs.addTab(self._duplicates_page(), self.tr("Duplicate numbers"))
        self.tabs.addTab(self.charts, self.tr("Informatisation"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.duplicates.countChanged.connect(self._duplicates_counted)
        self.duplicates.reload()

    def _duplicates_page(self) -> QWidget:
        page = QWidget(self)
        hint = QLabel(self.tr(
            "Items that share an inventory number (they came by import or synchronisation). "
            "Open one and give it its own number, or delete the one entered twice."))
        hint.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addWidget(hint)
        layout.addWidget(self.duplicates, 1)
        return page

    def _duplicates_counted(self, _shown: int, total: int) -> None:
        text = self.tr("Duplicate numbers")
        self.tabs.setTabText(3, f"{text} ({total})" if total else text)

    @property
    def record_list(self) -> RecordList:
        """The list on screen (the main window's export and search act on it)."""
        lists = {0: self.items.record_list, 1: self.acts.record_list,
                 2: self.counting.record_list, 3: self.duplicates,
                 4: self.charts.record_list}
        return lists.get(self.tabs.currentIndex(), self.items.record_list)

    def lists(self) -> list[RecordList]:
        return [self.items.record_list, self.acts.record_list, self.counting.record_list,
                self.duplicates, self.charts.record_list]


if TYPE_CHECKING:  # the main window takes the tab as a ModuleTab
    _module_tab: type[ModuleTab] = EquipmentTab
