"""Bridges the services' change notifier to a Qt signal that open views listen to."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox

from imc_desktop.services.common import notifier


class ChangeBridge(QObject):
    changed = Signal(object)  # frozenset of table names; "*" means everything

    def __init__(self) -> None:
        super().__init__()
        notifier.subscribe(self._forward)

    def _forward(self, tables: frozenset[str]) -> None:
        self.changed.emit(tables)


_bridge: ChangeBridge | None = None


def change_bridge() -> ChangeBridge:
    global _bridge
    if _bridge is None:
        _bridge = ChangeBridge()
    return _bridge


class _ComboFiller(QObject):
    """Refills a combo box's entries when the tables they come from change."""

    def __init__(self, combo: QComboBox, fixed: int, tables: frozenset[str],
                 load: Callable[[], Iterable[tuple[str, str]]]) -> None:
        super().__init__(combo)  # dies with the combo, and with it the connection
        self.combo, self.fixed, self.tables, self.load = combo, fixed, tables, load
        change_bridge().changed.connect(self.changed)

    def changed(self, tables: frozenset[str]) -> None:
        if "*" in tables or tables & self.tables:
            self.fill()

    def fill(self) -> None:
        combo, current = self.combo, self.combo.currentData()
        combo.blockSignals(True)
        while combo.count() > self.fixed:
            combo.removeItem(self.fixed)
        for value, text in self.load():
            combo.addItem(text, value)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)
        if index < 0 and current is not None:
            combo.currentIndexChanged.emit(combo.currentIndex())


def keep_filled(combo: QComboBox, load: Callable[[], Iterable[tuple[str, str]]],
                tables: Iterable[str] = ("organizations",)) -> None:
    """Fill `combo` after its fixed entries with `load()`'s (value, text) pairs, and again
    whenever `tables` change; the chosen entry stays chosen while it exists."""
    _ComboFiller(combo, combo.count(), frozenset(tables), load).fill()
