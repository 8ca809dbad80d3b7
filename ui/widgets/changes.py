"""Bridges the services' change notifier to a Qt signal that open views listen to."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from imc_desktop.services import notifier


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
