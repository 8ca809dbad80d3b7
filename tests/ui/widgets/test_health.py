"""The weekly check and the daily backup run in the background: the window stays usable, a
problem is a warning in the window and the status bar, never only a line on stderr."""

from __future__ import annotations

import sqlite3
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QMessageBox

from imc_desktop import clock, config
from imc_desktop.services.common import maintenance
from imc_desktop.services.common.maintenance import DatabaseInfo
from ui.widgets.health import DailyBackup, WeeklyCheck


@pytest.fixture
def window(qtbot: Any, russian: Any) -> QMainWindow:
    widget = QMainWindow()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _wait(qtbot: Any, job: Any) -> None:
    qtbot.waitUntil(lambda: job.worker is None, timeout=30_000)


def test_the_check_runs_when_due_and_then_not_for_a_week(
        qtbot: Any, window: QMainWindow, database: DatabaseInfo,
        settings: config.Settings) -> None:
    with clock.fixed(date(2026, 12, 4)):
        check = WeeklyCheck(settings.raw(), window)
        assert check.due() and check.start()
        _wait(qtbot, check)
        assert check.last_checked() == date(2026, 12, 4)
        assert "в порядке" in window.statusBar().currentMessage()
        assert check.box is None
    with clock.fixed(date(2026, 12, 10)):
        assert not check.due() and not check.start()
    with clock.fixed(date(2026, 12, 11)):
        assert check.due()


def test_a_damaged_file_found_in_the_background_is_a_warning_in_the_window(
        qtbot: Any, window: QMainWindow, database: DatabaseInfo,
        settings: config.Settings) -> None:
    con = sqlite3.connect(database.path)
    con.execute("PRAGMA foreign_keys=OFF")
    con.execute("INSERT INTO employments (id, person_id, organization_id, position, job_type, "
                "subjects, created_at, updated_at) VALUES ('x', 'нет', 'нет', 'учитель', "
                "'основная', '', '2026-01-01', '2026-01-01')")
    con.commit()
    con.close()
    check = WeeklyCheck(settings.raw(), window)
    assert check.start()
    assert check.worker is not None  # the window is not held while it runs
    _wait(qtbot, check)
    assert check.box is not None and check.box.isVisible() and not check.box.isModal()
    assert "employments" in check.box.text()
    assert "проблем" in window.statusBar().currentMessage()


def test_a_failed_daily_backup_is_a_warning_not_a_crash(
        qtbot: Any, window: QMainWindow, tmp_path: Path) -> None:
    blocker = tmp_path / "backups-file"
    blocker.write_text("не папка", encoding="utf-8")
    maintenance.open_current(tmp_path / "imc.sqlite", blocker)  # backups go into a file
    try:
        job = DailyBackup(window, maintenance.BackupPolicy())
        job.start()
        _wait(qtbot, job)
        assert job.box is not None and job.box.isVisible() and not job.box.isModal()
        assert "не сделана" in job.error and str(blocker) in job.error
        assert "копии" in window.statusBar().currentMessage()
        assert job.box.icon() == QMessageBox.Icon.Warning
    finally:
        maintenance.close_current()


def test_a_daily_backup_is_made_in_the_background(qtbot: Any, window: QMainWindow,
                                                  database: DatabaseInfo) -> None:
    job = DailyBackup(window, maintenance.BackupPolicy())
    job.start()
    _wait(qtbot, job)
    assert job.error == "" and list(database.backup_dir.glob("*-auto-*.sqlite"))


def test_closing_the_program_stops_a_running_check_and_records_nothing(
        qtbot: Any, window: QMainWindow, database: DatabaseInfo,
        settings: config.Settings) -> None:
    asked: list[bool] = []

    def endless(cancelled: Any) -> list[str]:
        while not cancelled():
            asked.append(True)
            time.sleep(0.01)
        raise maintenance.CheckStopped(database.path)

    check = WeeklyCheck(settings.raw(), window, endless)
    assert check.start()
    qtbot.waitUntil(lambda: bool(asked), timeout=5_000)
    started = time.perf_counter()
    QCoreApplication.instance().aboutToQuit.emit()  # what quitting the program emits
    assert time.perf_counter() - started < 2, "the program is not held by the check"
    _wait(qtbot, check)
    assert check.last_checked() is None and check.due(), "checked again at the next start"
    assert check.box is None


def test_a_full_check_stops_when_asked(database: DatabaseInfo) -> None:
    with pytest.raises(maintenance.CheckStopped):
        maintenance.check(lambda: True)
    assert maintenance.check(lambda: False) == []
