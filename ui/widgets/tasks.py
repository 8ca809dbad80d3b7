"""Long operations off the GUI thread, with a progress dialog that can cancel them."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QProgressDialog, QWidget

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
Work = Callable[[Progress, Cancelled], Any]


class _Worker(QThread):
    progressed = Signal(int, int)

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self.cancel_event = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self._work(self.progressed.emit, self.cancel_event.is_set)
        except BaseException as exc:  # reported on the GUI thread
            self.error = exc


class _ProgressDialog(QProgressDialog):
    """Esc and the close box cannot dismiss it while work that cannot stop is running."""

    def __init__(self, label: str, cancel: str, parent: QWidget | None,
                 cancellable: bool) -> None:
        super().__init__(label, cancel, 0, 0, parent)
        self.cancellable, self.running = cancellable, True
        if not cancellable:
            self.setCancelButton(None)

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
    alive and offers Cancel (unless the work cannot stop halfway). Returns when the work has
    finished."""
    cancel = QCoreApplication.translate("QProgressDialog", "Cancel")
    dialog = _ProgressDialog(label, cancel, parent, cancellable)
    dialog.setWindowTitle(QCoreApplication.translate("App", "IMC Desktop"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    worker = _Worker(work)

    def on_progress(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)

    def on_finished() -> None:
        dialog.canceled.disconnect(worker.cancel_event.set)  # closing emits canceled
        dialog.running = False
        dialog.close()

    worker.progressed.connect(on_progress)
    dialog.canceled.connect(worker.cancel_event.set)
    worker.finished.connect(on_finished)
    worker.start()
    dialog.exec() if not worker.isFinished() else None
    worker.wait()
    dialog.deleteLater()
    worker.deleteLater()
    return TaskResult(worker.result, worker.error, worker.cancel_event.is_set())
