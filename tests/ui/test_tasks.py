"""Long work off the GUI thread: result, error and cancel reach the caller."""

from __future__ import annotations

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
