"""Long operations off the GUI thread, with a progress dialog that can cancel them."""

from __future__ import annotations

import atexit
import threading
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QProgressDialog, QWidget


class Progress(Protocol):
    """`progress(done, total)`: the bar (total 0: busy); with `text`, the label says it."""

    def __call__(self, done: int, total: int, text: str | None = None) -> None: ...


Cancelled = Callable[[], bool]
LABEL_CHARS = 75  # in average characters: Cyrillic letters are wider than the average
Work = Callable[[Progress, Cancelled], Any]


class _Worker(QThread):
    progressed = Signal(int, int, str)  # done, total, the label's new text ("": unchanged)

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self.cancel_event = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self._work(self.report, self.cancel_event.is_set)
        except BaseException as exc:  # reported on the GUI thread
            self.error = exc

    def report(self, done: int, total: int, text: str | None = None) -> None:
        self.progressed.emit(done, total, text or "")


class _ProgressDialog(QProgressDialog):
    """Esc and the close box cannot dismiss it while work that cannot stop is running."""

    def __init__(self, label: str, parent: QWidget | None, cancellable: bool) -> None:
        cancel = QCoreApplication.translate("QProgressDialog", "Cancel")
        super().__init__(label, cancel, 0, 0, parent)
        self.cancellable, self.running = cancellable, True
        self.setWindowTitle(QCoreApplication.translate("App", "IMC Desktop"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(400)
        self.setAutoClose(False)
        self.setAutoReset(False)
        # room for a step's text («Применение изменений: 12000 из 32454 (файл 1 из 3)»), so
        # that the dialog does not grow and jump as the text changes
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * LABEL_CHARS)
        if not cancellable:
            self.setCancelButton(None)

    def show_progress(self, done: int, total: int, text: str) -> None:
        if text:
            self.setLabelText(text)
        self.setMaximum(max(total, 0))
        self.setValue(min(done, total) if total else 0)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not self.cancellable and self.running:
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.cancellable and self.running:
            event.ignore()
            return
        super().closeEvent(event)


class TaskResult:
    def __init__(self, value: Any, error: BaseException | None, cancelled: bool) -> None:
        self.value, self.error, self.cancelled = value, error, cancelled


def run_with_progress(parent: QWidget | None, label: str, work: Work,
                      cancellable: bool = True) -> TaskResult:
    """Run `work(progress, cancelled)` in a thread; a modal progress dialog keeps the window
    alive and offers Cancel (unless the work cannot stop halfway). `progress(done, total)`
    moves the bar, `progress(done, total, text)` also puts `text` in place of `label`.
    Returns when the work has finished."""
    dialog = _ProgressDialog(label, parent, cancellable)
    worker = _Worker(work)

    def on_finished() -> None:
        dialog.canceled.disconnect(worker.cancel_event.set)  # closing emits canceled
        dialog.running = False
        dialog.close()

    worker.progressed.connect(dialog.show_progress)
    dialog.canceled.connect(worker.cancel_event.set)
    worker.finished.connect(on_finished)
    worker.start()
    dialog.exec() if not worker.isFinished() else None
    worker.wait()
    dialog.deleteLater()
    worker.deleteLater()
    return TaskResult(worker.result, worker.error, worker.cancel_event.is_set())


_BACKGROUND: set[QThread] = set()


@atexit.register
def _wait_for_background() -> None:
    """A program that ends while a background job runs waits for it (Qt aborts the process
    when a running thread is destroyed, and a backup must not be cut halfway)."""
    for worker in list(_BACKGROUND):
        worker.wait()


def run_in_background(parent: QObject, work: Callable[[], Any],
                      done: Callable[[TaskResult], None]) -> QThread:
    """Run `work()` in a thread without any dialog; `done(result)` on the GUI thread when it
    has finished. The window stays usable meanwhile."""
    return run_stoppable_in_background(parent, lambda _cancelled: work(), done)


def run_stoppable_in_background(parent: QObject, work: Callable[[Callable[[], bool]], Any],
                                done: Callable[[TaskResult], None]) -> QThread:
    """As run_in_background(), `work(cancelled)` asking `cancelled()` as it goes: True once
    stop_background(worker) has been called (the program is closing)."""
    worker = _Worker(lambda _progress, cancelled: work(cancelled))
    _BACKGROUND.add(worker)

    def on_finished() -> None:
        _BACKGROUND.discard(worker)
        done(TaskResult(worker.result, worker.error, False))
        worker.deleteLater()

    worker.finished.connect(on_finished)
    worker.start()
    return worker


def stop_background(worker: QThread) -> None:
    """Ask a stoppable background task to stop and wait for its thread to end."""
    if isinstance(worker, _Worker):
        worker.cancel_event.set()
    worker.wait()
