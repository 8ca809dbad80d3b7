"""A tab's data is read when the tab is first shown, not when the window starts.

The main window builds its module tabs inside `deferred_loading()`: a list or a view built
there puts its first load off (`put_off`) instead of asking its service. When a tab becomes
current the window calls `load_pending(tab)`, which runs the loads put off inside it — only
those a user can see: the pages of a tab's own sub-tabs load when their sub-tab is chosen.
From its first load on a list follows the change notifications as any other; before it, a
change does not load it (it reads the newest data when it is shown anyway).

A tab built outside `deferred_loading()` (or a list built anywhere else) loads at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtWidgets import QStackedWidget, QTabWidget, QWidget
from shiboken6 import isValid

Load = Callable[[], None]

_deferring = 0
_pending: list[tuple[QWidget, Load]] = []


@contextmanager
def deferred_loading() -> Iterator[None]:
    """The lists and views built inside put their first load off until load_pending()."""
    global _deferring
    _deferring += 1
    try:
        yield
    finally:
        _deferring -= 1


def is_pending(owner: QWidget) -> bool:
    """Whether `owner` has a load put off (it has not read its data yet)."""
    return any(widget is owner for widget, _load in _pending)


def put_off(owner: QWidget, load: Load) -> bool:
    """Put `owner`'s first load off while loading is deferred (or it is still put off);
    False when it should load now."""
    if is_pending(owner):
        return True
    if _deferring:
        _pending.append((owner, load))
        return True
    return False


def load_pending(root: QWidget) -> int:
    """Run the loads put off inside `root` that are on its shown pages; how many ran.

    The stacks inside `root` (sub-tabs) load the pages they show later when they switch.
    """
    _forget_deleted()
    due = [(owner, load) for owner, load in _pending
           if owner is root or (root.isAncestorOf(owner) and owner.isVisibleTo(root))]
    for entry in due:
        _pending.remove(entry)
    for stack in _stacks_with_pending(root):
        _watch(stack)
    for _owner, load in due:
        load()
    return len(due)


def _forget_deleted() -> None:
    _pending[:] = [(owner, load) for owner, load in _pending if isValid(owner)]


def _stacks_with_pending(root: QWidget) -> list[QWidget]:
    stacks: list[QWidget] = [*root.findChildren(QTabWidget), *root.findChildren(QStackedWidget)]
    return [stack for stack in stacks
            if any(stack.isAncestorOf(owner) for owner, _load in _pending)]


def _watch(stack: QWidget) -> None:
    """Load a stack's page when it is switched to (once per stack)."""
    if stack.property("imc_loads_pages"):
        return
    stack.setProperty("imc_loads_pages", True)
    if isinstance(stack, QTabWidget | QStackedWidget):
        stack.currentChanged.connect(lambda _index: _load_current(stack))


def _load_current(stack: QTabWidget | QStackedWidget) -> None:
    page = stack.currentWidget()
    if page is not None and _pending:
        load_pending(page)
