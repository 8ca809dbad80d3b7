"""What a running sync tells the user: a Russian line, and how far the step has gone when
its items can be counted (a first sync of a new workstation takes a while)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class SyncProgress:
    """One step: its text, and `done` of `total` items (`total` 0: not known beforehand)."""

    text: str
    done: int = 0
    total: int = 0


TextProgress = Callable[[str], None]
StepProgress = Callable[[SyncProgress], None]


class Reporter:
    """Hands every step to the text-only callback and to the one that takes the numbers."""

    def __init__(self, text: TextProgress | None = None,
                 steps: StepProgress | None = None) -> None:
        self._text, self._steps = text, steps

    def say(self, text: str, done: int = 0, total: int = 0) -> None:
        if self._text is not None:
            self._text(text)
        if self._steps is not None:
            self._steps(SyncProgress(text, done, total))

    def counter(self, label: str, total: int, every: int = 1) -> Counter:
        return Counter(self, label, total, every)


class Counter:
    """Counts the items of one step; says «label: done из total» after every `every` items
    and when the last one is done."""

    def __init__(self, reporter: Reporter, label: str, total: int, every: int) -> None:
        self.reporter, self.label, self.total, self.every = reporter, label, total, every
        self.done = 0
        self._next = every

    def add(self, count: int = 1, note: str = "") -> None:
        self.done += count
        if self.done >= self._next or self.done >= self.total:
            self._next = (self.done // self.every + 1) * self.every
            text = f"{self.label}: {self.done} из {self.total}" + (f" ({note})" if note else "")
            self.reporter.say(text, self.done, self.total)

    def reach(self, done: int, total: int) -> None:
        """For work that learns its total as it starts: `done` of `total` now."""
        self.total = total
        self.add(done - self.done)
