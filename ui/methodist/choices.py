"""What the journal's forms pick from: the methodists, the pedagogues, the ОО. Read when the
page is first shown and again when those lists change."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QWidget

from imc_desktop.services.methodist import records as journal
from imc_desktop.services.organizations import records as orgs
from ui.widgets.changes import change_bridge
from ui.widgets.lazy import put_off
from ui.widgets.people import PersonChoice

WATCHED = frozenset({"persons", "employments", "organizations", "methodist_profiles"})


class Choices(QObject):
    """The lists of choices of one page, with a `refill` callback run after each read."""

    def __init__(self, owner: QWidget, refill: Callable[[Choices], None]) -> None:
        super().__init__(owner)
        self.owner, self.refill = owner, refill
        self.methodists: list[tuple[str, str]] = []
        self.people: list[PersonChoice] = []
        self.organizations: list[PersonChoice] = []
        if not put_off(owner, self.read):
            self.read()
        change_bridge().changed.connect(self._changed)

    def _changed(self, tables: frozenset[str]) -> None:
        if "*" in tables or tables & WATCHED:
            self.read()

    def read(self) -> None:
        self.methodists = journal.methodist_choices()
        self.people = [PersonChoice(p.id, p.label, p.organization_id)
                       for p in journal.person_picks()]
        self.organizations = [PersonChoice(i, name)
                              for i, name in orgs.active_organization_choices()]
        self.refill(self)


def fill_combo(combo: QComboBox, items: list[tuple[str, str]]) -> None:
    """Refill keeping the current choice when it is still there."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for value, label in items:
        combo.addItem(label, value)
    index = combo.findData(current)
    combo.setCurrentIndex(index if index >= 0 else (0 if items else -1))
    combo.blockSignals(False)
