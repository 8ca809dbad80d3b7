"""One change notifier: after every write, services announce the tables they changed."""

from __future__ import annotations

from collections.abc import Callable, Iterable

Listener = Callable[[frozenset[str]], None]
_listeners: list[Listener] = []


def subscribe(listener: Listener) -> None:
    _listeners.append(listener)


def unsubscribe(listener: Listener) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


def notify(tables: Iterable[str]) -> None:
    changed = frozenset(tables)
    for listener in list(_listeners):
        listener(changed)
