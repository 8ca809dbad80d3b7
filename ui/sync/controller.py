"""«Синхронизировать»: by hand, on start, on exit and every N minutes while the sync folder
is reachable; off the GUI thread with progress; the status bar says how things stand."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from imc_desktop import config
from imc_desktop.services.common import maintenance
from imc_desktop.services.sync import runner as sync
from ui.widgets.changes import change_bridge
from ui.widgets.messages import Ask
from ui.widgets.tasks import Cancelled, Progress, run_with_progress

if TYPE_CHECKING:
    from imc_desktop.services.sync.runner import SyncProgress, SyncResult

MINUTE_MS = 60_000
REACH_SECONDS = 3.0  # an automatic sync does not wait longer for the share to answer
POSTPONE_MS = 60_000  # an automatic sync put off while a dialog is open


class SyncController(QObject):
    def __init__(self, settings: config.Settings, window: QWidget) -> None:
        super().__init__(window)
        self.settings, self.window = settings, window
        self.running = False
        self.read_only = False  # an archive opened for reading is never synchronised
        self.last_error = ""
        self.act_sync = QAction(self.tr("S&ynchronise"), window)
        self.act_sync.setShortcut(QKeySequence("F9"))
        self.act_sync.triggered.connect(lambda: self.sync_now(interactive=True))
        self.act_conflicts = QAction(self.tr("Sync &conflicts…"), window)
        self.act_conflicts.triggered.connect(self.show_conflicts)
        self.act_journal = QAction(self.tr("Change &journal…"), window)
        self.act_journal.triggered.connect(lambda: self.show_journal(None))
        self.act_admission = QAction(self.tr("Workstation &admission…"), window)
        self.act_admission.triggered.connect(self.show_admission)
        self.act_change_key = QAction(self.tr("Change sync &key…"), window)
        self.act_change_key.triggered.connect(self.change_key)
        self.awaiting = ""  # this PC's verification code while it waits for admission
        self.status_label = QLabel()
        self.timer = QTimer(self)
        self.timer.timeout.connect(lambda: self.sync_now(interactive=False))
        change_bridge().changed.connect(self._on_changed)

    # ---------------------------------------------------------------- settings
    def location(self) -> Path | None:
        text = self.settings.get(config.SYNC_LOCATION).strip()
        return Path(text) if text else None

    def workstation(self) -> str:
        return self.settings.get(config.SYNC_WORKSTATION).strip() or socket.gethostname()

    def automatic(self) -> bool:
        return (not self.read_only and self.location() is not None
                and self.settings.get(config.SYNC_AUTOMATIC))

    def configure(self) -> None:
        """Restart the timer after the settings changed."""
        minutes = self.settings.get(config.SYNC_INTERVAL_MINUTES)
        self.timer.stop()
        if self.automatic() and minutes > 0:
            self.timer.start(minutes * MINUTE_MS)
        self.refresh_status()

    def start(self) -> None:
        """Once the database is open: the status, the schedule, and a sync if reachable."""
        self.configure()
        if self.automatic():
            self.sync_now(interactive=False)

    def on_exit(self) -> None:
        self.timer.stop()
        if self.automatic():
            self.sync_now(interactive=False)

    # ---------------------------------------------------------------- syncing
    def sync_now(self, interactive: bool) -> SyncResult | None:
        location = self.location()
        if self.running or self.read_only or maintenance_path() is None:
            return None
        if location is None:
            if interactive:
                Ask.info(self.window, self.tr("Synchronisation"), self.tr(
                    "Choose the sync folder on the network share in Service → Settings."))
            return None
        if not interactive and QApplication.activeModalWidget() is not None:
            # A card may be open: its unchanged fields hold what the user saw, and a sync
            # now could bring newer values that its save would then overwrite.
            QTimer.singleShot(POSTPONE_MS, self._retry)
            return None
        if not interactive and not sync.reachable_within(location, REACH_SECONDS):
            self.last_error = self.tr("sync folder unreachable")
            self.refresh_status()
            return None
        self.running = True
        try:
            return self._run(location, interactive, accept_new_store=False)
        finally:
            self.running = False
            self.refresh_status()

    def _retry(self) -> None:
        if self.automatic():
            self.sync_now(interactive=False)

    def _run(self, location: Path, interactive: bool, accept_new_store: bool,
             passphrase: str | None = None, remember_key: bool = False) -> SyncResult | None:
        path, name = maintenance_path(), self.workstation()
        assert path is not None
        keeping = (self.settings.get(config.SYNC_SNAPSHOT_DAYS),
                   self.settings.get(config.SYNC_ARCHIVE_DAYS))

        def work(progress: Progress, _cancelled: Cancelled) -> SyncResult:
            def show(step: SyncProgress) -> None:  # the step's text over the bar
                progress(step.done, step.total, step.text)

            return sync.run(path, location, name, accept_new_store=accept_new_store,
                            steps=show, passphrase=passphrase, remember_key=remember_key,
                            keeping=keeping)

        maintenance.release_idle_connections()  # a new PC's data then written once
        task = run_with_progress(self.window, self.tr("Synchronising…"), work,
                                 cancellable=False)
        if isinstance(task.error, sync.SyncFailed) and task.error.question:
            if interactive and Ask.confirm(self.window, self.tr("Synchronisation"),
                                           str(task.error)):
                return self._run(location, interactive, accept_new_store=True,
                                 passphrase=passphrase, remember_key=remember_key)
        if isinstance(task.error, sync.SyncFailed) and task.error.key and interactive:
            key = self._ask_key(task.error)
            if key is None:  # cancelled: the status bar says the key is still needed
                self.last_error = str(task.error)
                return None
            return self._run(location, interactive, accept_new_store, *key)
        if task.error is not None:
            self.last_error = str(task.error)
            if interactive:
                Ask.error(self.window, self.tr("Synchronisation"), str(task.error))
            return None
        result: SyncResult = task.value
        self.last_error = ""
        self.awaiting = result.awaiting
        sync.announce(result)
        if interactive or result.bad_files or result.notes:
            self._report(result, interactive)
        return result

    def _ask_key(self, error: sync.SyncFailed) -> tuple[str, bool] | None:
        """The district key for a retry: a new folder's, shown once to be written down, or
        the folder's typed in; None when the user cancels."""
        from ui.sync.key_dialogs import EnterKeyDialog, NewKeyDialog

        if error.key == "new":
            return (error.passphrase, True) if NewKeyDialog.ask(error.passphrase,
                                                                self.window) else None
        reason = str(error) if error.key == "wrong" else self.tr(
            "The sync folder is encrypted with the district sync key, which this computer "
            "does not know yet.")
        return EnterKeyDialog.ask(reason, self.window)

    def _report(self, result: SyncResult, interactive: bool) -> None:
        lines = [result.summary(), *result.notes]
        lines += [self.tr("Bad file set aside: %1").replace("%1", bad)
                  for bad in result.bad_files]
        if result.duplicates:
            lines.append(self.tr("Records with the same natural key (check and merge them):"))
            lines += [f"  {d.column} = {d.value}: {d.count}" for d in result.duplicates]
        if result.conflicts:
            lines.append(self.tr("Open Service → Sync conflicts to review them."))
        if interactive:
            Ask.info(self.window, self.tr("Synchronisation"), "\n".join(lines))
        else:
            self.last_error = " ".join(lines[1:2])

    # ---------------------------------------------------------------- status
    @Slot(object)
    def _on_changed(self, _tables: object) -> None:
        try:
            self.refresh_status()
        except RuntimeError:  # the window is being destroyed
            pass

    def refresh_status(self) -> None:
        self.status_label.setText(self.status_text())

    def status_text(self) -> str:
        path = maintenance_path()
        if self.location() is None or path is None:
            return self.tr("Sync: not set up")
        state = sync.status(path)
        when = (state.last_sync.astimezone().strftime("%d.%m.%Y %H:%M")
                if state.last_sync else self.tr("never"))
        text = self.tr("Sync: %1 · unsent: %2 · conflicts: %3").replace("%1", when).replace(
            "%2", str(state.unsent)).replace("%3", str(state.conflicts))
        if self.awaiting:
            text += " · " + self.tr("waiting for admission, code %1").replace("%1",
                                                                            self.awaiting)
        if self.last_error:
            text += " · ⚠ " + self.last_error[:120]
        return text

    # ---------------------------------------------------------------- dialogs
    def show_conflicts(self) -> None:
        from ui.sync.dialogs import ConflictsDialog

        path = maintenance_path()
        if path is not None:
            ConflictsDialog.ask(path, self.settings, self.window)
            self.refresh_status()

    def show_admission(self) -> None:
        """Сервис → Допуск рабочих мест: this PC's code, the workstations waiting."""
        from ui.sync.admission_dialog import AdmissionDialog

        path, location = maintenance_path(), self.location()
        if path is None or location is None:
            Ask.info(self.window, self.tr("Synchronisation"), self.tr(
                "Choose the sync folder on the network share in Service → Settings."))
            return

        def decide(name: str, code: str, admit: bool) -> sync.AdmissionState:
            sync.decide_admission(path, location, name, code, admit)
            return sync.admission_state(path, location)

        try:
            state = sync.admission_state(path, location)
        except sync.SyncFailed as exc:
            Ask.error(self.window, self.tr("Workstation admission"), str(exc))
            return
        AdmissionDialog.ask(state, decide, self.window)

    def change_key(self) -> None:
        """Сервис → Сменить ключ синхронизации: a new key, shown once to be written down (or
        the words of a change begun and interrupted), then every file of the folder sealed
        with it, with progress."""
        from ui.sync.key_dialogs import EnterKeyDialog, NewKeyDialog

        path, location = maintenance_path(), self.location()
        title = self.tr("Change sync key")
        if path is None or location is None or self.read_only:
            Ask.info(self.window, title, self.tr(
                "Choose the sync folder on the network share in Service → Settings."))
            return
        if self.running:
            return
        under_way = sync.key_change_under_way(location)
        if under_way:
            typed = EnterKeyDialog.ask(under_way + "\n\n" + self.tr(
                "Type the new words written down when the change began."), self.window,
                remember=False)
            if typed is None:
                return
            phrase = typed[0]
        else:
            phrase = sync.new_passphrase()
            if not NewKeyDialog.ask(phrase, self.window, changing=True):
                return
        self.running = True
        try:
            self._change_key(path, location, phrase, title)
        finally:
            self.running = False
            self.refresh_status()

    def _change_key(self, path: Path, location: Path, phrase: str, title: str,
                    old: tuple[str, bool] | None = None) -> None:
        name, text = self.workstation(), self.tr("Encrypting the sync folder with the new key…")

        def work(progress: Progress, _cancelled: Cancelled) -> sync.Rekeyed:
            return sync.change_key(path, location, phrase, name,
                                   old_passphrase=old[0] if old else None,
                                   remember_old=old[1] if old else False,
                                   progress=lambda done, total, _rel: progress(done, total,
                                                                               text))

        task = run_with_progress(self.window, text, work, cancellable=False)
        if isinstance(task.error, sync.SyncFailed) and task.error.key and old is None:
            typed = self._ask_key(task.error)  # this PC does not know the folder's key
            if typed is not None:
                self._change_key(path, location, phrase, title, typed)
            return
        if task.error is not None:
            Ask.error(self.window, title, str(task.error))
            return
        done: sync.Rekeyed = task.value
        lines = [self.tr("The sync key is changed: %1 files of the sync folder are encrypted "
                         "with the new key. The other workstations ask for the new words at "
                         "their next sync.").replace("%1", str(done.resealed + done.already))]
        lines += [self.tr("Left as it was (opens with neither key): %1").replace("%1", bad)
                  for bad in done.left]
        self.last_error = ""
        Ask.info(self.window, title, "\n".join(lines))

    def show_journal(self, record: str | None) -> None:
        from ui.sync.dialogs import JournalDialog

        path = maintenance_path()
        if path is not None:
            JournalDialog.ask(path, record, self.settings, self.window)


def maintenance_path() -> Path | None:
    """The open database file, if any."""
    try:
        return maintenance.info().path
    except (RuntimeError, AssertionError):
        return None
