"""The weekly check of the database in the background: a full integrity check and the
comparison of synchronised records with their history (`imc-desktop check` does the same).
The window stays usable; a problem is a warning in the window and the status bar."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QThread
from PySide6.QtWidgets import QMainWindow, QMessageBox

from imc_desktop import clock
from imc_desktop.services.common import maintenance
from ui.widgets.tasks import (
    TaskResult,
    run_in_background,
    run_stoppable_in_background,
    stop_background,
)

EVERY = timedelta(days=7)


def _key(path: str) -> str:
    return "maintenance/checked_" + hashlib.sha1(path.encode("utf-8")).hexdigest()[:12]


class WeeklyCheck(QObject):
    """`start()` after the modules have loaded: runs the check when the last one is older
    than a week (per database file). Closing the program stops a check that is running (on
    a large file it takes many seconds): the program ends at once, and the next start checks
    again."""

    def __init__(self, store: QSettings, window: QMainWindow,
                 check: Callable[[Callable[[], bool]], list[str]] = maintenance.check
                 ) -> None:
        super().__init__(window)
        self.store, self.window, self.check = store, window, check
        self.worker: QThread | None = None
        self.box: QMessageBox | None = None
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    def stop(self) -> None:
        """Stop a running check and wait for it (nothing is recorded: it proved nothing)."""
        if self.worker is not None:
            stop_background(self.worker)

    def last_checked(self) -> date | None:
        text = str(self.store.value(_key(str(maintenance.info().path)), "") or "")
        try:
            return date.fromisoformat(text)
        except ValueError:
            return None

    def due(self) -> bool:
        last = self.last_checked()
        return last is None or clock.today() - last >= EVERY

    def start(self) -> bool:
        if not self.due() or self.worker is not None:
            return False
        self.window.statusBar().showMessage(self.tr("Checking the database in the background…"))
        self.worker = run_stoppable_in_background(self, self.check, self._done)
        return True

    def _done(self, result: TaskResult) -> None:
        self.worker = None
        bar = self.window.statusBar()
        if isinstance(result.error, maintenance.CheckStopped):
            return
        if result.error is not None:
            bar.showMessage(self.tr("The weekly check of the database failed: %1").replace(
                "%1", str(result.error)))
            return
        self.store.setValue(_key(str(maintenance.info().path)), clock.today().isoformat())
        problems: list[str] = list(result.value or [])
        if not problems:
            bar.showMessage(self.tr("Weekly check: the database is sound."), 15_000)
            return
        bar.showMessage(self.tr("Weekly check: problems found in the database (%n)", "",
                                len(problems)))
        self.box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Check database"), self.tr(
            "The weekly check found problems in the database. Make a backup copy now "
            "(File → Backup) and tell the administrator.") + "\n\n" + "\n".join(
            problems[:20]), QMessageBox.StandardButton.Ok, self.window)
        self.box.setModal(False)
        self.box.show()


class DailyBackup(QObject):
    """Today's automatic backup in the background; a failure (a full disk, a folder that
    cannot be written) is a warning in the window and the status bar, the work goes on."""

    def __init__(self, window: QMainWindow, policy: maintenance.BackupPolicy,
                 make: Callable[[maintenance.BackupPolicy], object] = maintenance.daily_backup
                 ) -> None:
        super().__init__(window)
        self.window, self.policy, self.make = window, policy, make
        self.worker: QThread | None = None
        self.box: QMessageBox | None = None
        self.error = ""

    def start(self) -> None:
        self.worker = run_in_background(self, lambda: self.make(self.policy), self._done)

    def _done(self, result: TaskResult) -> None:
        self.worker = None
        if result.error is None:
            return
        folder = str(maintenance.info().backup_dir)
        self.error = self.tr("Today's backup copy was not made (%1). The data are not "
                             "affected. Check the free space and the rights of the folder "
                             "%2.").replace("%1", str(result.error)).replace("%2", folder)
        self.window.statusBar().showMessage(self.tr("No backup copy today: see the message"))
        self.box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Backup"), self.error,
                               QMessageBox.StandardButton.Ok, self.window)
        self.box.setModal(False)
        self.box.show()
