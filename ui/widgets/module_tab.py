"""What the main window asks of a module's tab: every ui/<domain>/tab.py satisfies it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from ui.widgets.record_list import RecordList


@runtime_checkable
class ModuleTab(Protocol):
    """A module's tab in the main window.

    The window's Add, Open, Delete, Find, Columns, Export and Print list act on `record_list`,
    the list in front of the user (it follows the tab's own sub-tabs); every list of `lists()`
    gets the window's Excel export.
    """

    @property
    def title(self) -> str:
        """The tab's text."""
        ...

    @property
    def record_list(self) -> RecordList:
        """The list in front of the user."""
        ...

    def lists(self) -> Sequence[RecordList]:
        """Every list the tab shows."""
        ...
