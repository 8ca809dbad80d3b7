"""Long work off the GUI thread: result, error and cancel reach the caller."""

from __future__ import annotations

import threading
import time
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from ui.widgets.tasks import run_with_progress


def test_result_comes_back_and_progress_is_shown(qtbot: Any) -> None:
    def work(progress: Any, cancelled: Any) -> int:
        for i in range(3):
            progress(i + 1, 3)
            time.sleep(0.01)
        return 42

    result = run_with_progress(None, "Работаю…", work)
    assert (result.value, result.error, result.cancelled) == (42, None, False)


def test_an_error_in_the_work_is_handed_back(qtbot: Any) -> None:
    def work(progress: Any, cancelled: Any) -> None:
        raise ValueError("файл занят")

    result = run_with_progress(None, "Работаю…", work)
    assert isinstance(result.error, ValueError) and str(result.error) == "файл занят"


def test_cancel_stops_the_work_and_the_gui_stays_responsive(qtbot: Any) -> None:
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)

    def press_cancel() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QProgressDialog) and w.isVisible()]
        assert len(dialogs) == 1
        dialogs[0].findChild(QPushButton).click()  # the user presses «Отмена»

    QTimer.singleShot(150, press_cancel)

    def work(progress: Any, cancelled: Any) -> str:
        deadline = time.monotonic() + 10
        while not cancelled() and time.monotonic() < deadline:
            time.sleep(0.01)
        return "stopped" if cancelled() else "ran out"

    result = run_with_progress(None, "Работаю…", work)
    timer.stop()
    assert result.cancelled and result.value == "stopped"
    assert len(ticks) >= 5, "the event loop kept running while the work ran"


def test_work_that_cannot_stop_is_not_dismissed_by_escape(qtbot: Any) -> None:
    from PySide6.QtCore import Qt

    seen: list[bool] = []

    def press_escape() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, QProgressDialog) and w.isVisible())
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        seen.append(dialog.isVisible())

    QTimer.singleShot(150, press_escape)

    def work(progress: Any, cancelled: Any) -> str:
        time.sleep(0.5)
        return "done"

    result = run_with_progress(None, "Заполнение…", work, cancellable=False)
    assert seen == [True] and result.value == "done" and not result.cancelled




class _Looker:
    """Looks at the visible progress dialog from the GUI thread each time the work asks:
    once it shows what is wanted, or after two seconds (then the test fails)."""

    def __init__(self) -> None:
        self.wanted: list[tuple[str, int, int]] = []
        self.seen: list[tuple[str, int, int]] = []
        self.looked = threading.Event()
        self.deadline = 0.0
        self.timer = QTimer()
        self.timer.timeout.connect(self.look)

    def ask(self, shown: tuple[str, int, int]) -> None:
        """From the work: wait until the dialog has been looked at."""
        self.looked.clear()
        self.deadline = time.monotonic() + 2
        self.wanted.append(shown)
        assert self.looked.wait(5)

    def look(self) -> None:
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, QProgressDialog) and w.isVisible()), None)
        if dialog is None or len(self.seen) == len(self.wanted):
            return
        state = (dialog.labelText(), dialog.maximum(), dialog.value())
        if state == self.wanted[-1] or time.monotonic() > self.deadline:
            self.seen.append(state)
            self.looked.set()


def test_progress_with_text_changes_the_label_and_without_keeps_it(qtbot: Any) -> None:
    looker = _Looker()

    def work(progress: Any, cancelled: Any) -> None:
        progress(1, 4, "Первый шаг")
        looker.ask(("Первый шаг", 4, 1))
        progress(2, 4)
        looker.ask(("Первый шаг", 4, 2))
        progress(0, 0, "Второй шаг")
        looker.ask(("Второй шаг", 0, 0))

    looker.timer.start(10)
    result = run_with_progress(None, "Работаю…", work)
    looker.timer.stop()
    assert result.error is None
    assert looker.seen == looker.wanted == [
        ("Первый шаг", 4, 1), ("Первый шаг", 4, 2), ("Второй шаг", 0, 0)]
