"""Atomic file output and progress/cancellation bookkeeping shared by the renderers."""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path

from exports.errors import FileWriteError, ReportCancelled

ProgressFn = Callable[[int, int], None]
CancelledFn = Callable[[], bool]


@contextlib.contextmanager
def atomic_target(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; move it over ``path`` only on success.

    Any exception (including :class:`ReportCancelled`) removes the temporary file, so a
    failed or cancelled export never leaves a half-written file. ``OSError`` becomes
    :class:`FileWriteError` with a Russian message.
    """
    target = Path(path)
    tmp = target.with_name(f".~{target.stem}.{secrets.token_hex(4)}{target.suffix}")
    try:
        yield tmp
        os.replace(tmp, target)
    except OSError as exc:
        _remove_quietly(tmp)
        raise FileWriteError(target, exc) from exc
    except BaseException:
        _remove_quietly(tmp)
        raise


def _remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


class Ticker:
    """Counts rendered rows, reports progress and checks cancellation every ``every`` rows."""

    __slots__ = ("total", "done", "_every", "_next", "_progress", "_cancelled")

    def __init__(
        self,
        total: int,
        progress: ProgressFn | None,
        cancelled: CancelledFn | None,
        every: int = 250,
    ) -> None:
        self.total = max(total, 0)
        self.done = 0
        self._every = max(every, 1)
        self._next = self._every
        self._progress = progress
        self._cancelled = cancelled

    def check(self) -> None:
        """Raise :class:`ReportCancelled` if the user asked to stop."""
        if self._cancelled is not None and self._cancelled():
            raise ReportCancelled()

    def step(self, n: int = 1) -> None:
        """Count ``n`` more rows; report and check when a block of rows is complete."""
        self.done += n
        if self.done >= self._next:
            self._next = self.done + self._every
            self._report()
            self.check()

    def start(self) -> None:
        self.check()
        if self._progress is not None:
            self._progress(0, self.total)

    def finish(self) -> None:
        """Final cancellation check and a 100 % progress report."""
        self.check()
        self.done = self.total
        self._report()

    def _report(self) -> None:
        if self._progress is not None:
            self._progress(min(self.done, self.total), self.total)
