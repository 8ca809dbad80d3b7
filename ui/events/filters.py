"""The filter bar of the events tab: kind, organiser, ОО, audience, status and search."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from imc_desktop.folding import fold
from imc_desktop.services.events import records as events
from imc_desktop.services.events.records import EventRow


def _fold(text: str) -> str:
    return fold(text)


@dataclass(frozen=True)
class EventFilter:
    kind: str = ""
    organizer_id: str = ""
    organization_id: str = ""
    audience: str = ""
    status: str = ""
    search: str = ""

    def accepts(self, row: EventRow) -> bool:
        if self.kind and row.kind != self.kind:
            return False
        if self.organizer_id and row.organizer_id != self.organizer_id:
            return False
        if self.organization_id and self.organization_id not in row.organization_ids:
            return False
        if self.audience and _fold(self.audience) not in _fold(row.audience):
            return False
        if self.status and row.status != self.status:
            return False
        haystack = _fold(" ".join((row.title, row.kind, row.place, row.organizer,
                                   row.audience, row.level)))
        return all(word in haystack for word in _fold(self.search).split())


class FilterBar(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = self._combo(self.tr("all kinds"), [(k, k) for k in events.KINDS])
        self.organizer = self._combo(self.tr("all organizers"), [])
        self.organization = self._combo(self.tr("all organizations"), [])
        self.audience = self._combo(self.tr("any audience"), [])
        self.audience.setEditable(True)
        self.status = self._combo(self.tr("all statuses"), [(s, s) for s in events.STATUSES])
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.kind, self.organizer, self.organization, self.audience,
                       self.status):
            layout.addWidget(widget, 1)
        layout.addWidget(self.search, 2)
        self.search.textChanged.connect(lambda _t: self.changed.emit())
        self.audience.editTextChanged.connect(lambda _t: self.changed.emit())

    def _combo(self, everything: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setMinimumContentsLength(9)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.addItem(everything, "")
        for value, text in items:
            combo.addItem(text, value)
        combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        return combo

    def set_choices(self, organizers: list[tuple[str, str]],
                    organizations: list[tuple[str, str]], audience: list[str]) -> None:
        for combo, items in ((self.organizer, organizers), (self.organization, organizations),
                             (self.audience, [(a, a) for a in audience])):
            chosen = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for value, text in items:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(combo.findData(chosen), 0))
            combo.blockSignals(False)

    def value(self) -> EventFilter:
        audience = self.audience.currentText() if self.audience.currentIndex() != 0 or \
            self.audience.currentText() != self.audience.itemText(0) else ""
        return EventFilter(self.kind.currentData() or "", self.organizer.currentData() or "",
                           self.organization.currentData() or "", audience.strip(),
                           self.status.currentData() or "", self.search.text())
