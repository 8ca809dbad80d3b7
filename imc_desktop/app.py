"""Composition root: QApplication, translations, settings, the database, the main window."""

from __future__ import annotations

import sqlite3
import sys
import threading
from contextlib import suppress
from enum import Enum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from imc_desktop import APP_NAME, __version__, config
from imc_desktop.db import DatabaseCorrupt, DatabaseError, can_write
from imc_desktop.db_lock import COMMAND, PROGRAM, DatabaseLock, read_holder
from imc_desktop.i18n import install_translations
from imc_desktop.paths import resource_path
from imc_desktop.services.common import maintenance
from imc_desktop.services.common.errors import ServiceError

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def _title() -> str:
    """The program's name for message boxes, in the user's language."""
    return QCoreApplication.translate("App", "IMC Desktop")


def database_path(settings: config.Settings, db: Path | None, demo_mode: bool) -> Path:
    if db is not None:
        return db
    return settings.data_dir() / ("demo.sqlite" if demo_mode else "imc.sqlite")


def backup_dir(settings: config.Settings) -> Path:
    return settings.data_dir() / "backups"


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("IMC")
    app.setWindowIcon(QIcon(str(resource_path("icons", "app.svg"))))
    install_translations(app)
    return app


def _recover(path: Path, backups: Path, error: DatabaseCorrupt) -> bool:
    """Offer the backups of a corrupt database file, each with its date and what it holds
    (the newest that holds data chosen), and restore the one the user picks."""
    from ui.widgets.backups import RecoveryDialog

    found = maintenance.backups(path, backups)
    if not any(not b.problem for b in found):
        QMessageBox.critical(None, _title(), str(error) + "\n\n" + QCoreApplication.translate(
            "App", "No backup of this database was found. Restore it from a copy you keep "
            "elsewhere (File → Restore from backup) or ask your administrator."))
        return False
    readable = next((b.path for b in found if not b.problem and not b.needs_key), None)
    try:  # only an administrator may replace the database: not offered to anyone else
        if readable is not None:  # (one sealed with the district key is checked once opened)
            maintenance.require_restore_rights(readable, path)
    except ServiceError as exc:
        QMessageBox.critical(None, _title(), str(error) + "\n\n" + str(exc))
        return False
    dialog = RecoveryDialog(str(error), found)
    while dialog.exec() == QDialog.DialogCode.Accepted:
        chosen = dialog.chosen()
        if chosen is None:
            continue
        try:  # only an administrator may replace the database: nothing is done otherwise
            _restore_asking_the_key(chosen, path, backups)
        except ServiceError as exc:
            QMessageBox.critical(None, _title(), str(error) + "\n\n" + str(exc))
            return False
        except _KeyNotGiven:
            continue
        except (OSError, DatabaseError) as exc:  # this copy failed its check: choose another
            QMessageBox.critical(None, _title(), str(exc))
            continue
        return True
    return False


class _KeyNotGiven(Exception):
    """The user cancelled the words of the district key."""


def _restore_asking_the_key(backup: Path, path: Path, backups: Path) -> None:
    """Restore; a backup sealed with the district key this PC does not know asks for its
    words (again after wrong ones) — _KeyNotGiven when cancelled."""
    from ui.sync.key_dialogs import EnterKeyDialog

    passphrase: str | None = None
    while True:
        try:
            maintenance.restore_file(backup, path, backups, passphrase)
            return
        except maintenance.BackupKeyNeeded as exc:
            if exc.kind not in ("enter", "wrong"):
                raise
            typed = EnterKeyDialog.ask(str(exc))
            if typed is None:
                raise _KeyNotGiven from exc
            passphrase = typed[0]


def lock_database(path: Path) -> DatabaseLock | None:
    """One program per database file: a lock beside it (freed by the system when the
    holder ends, however it ends). None when another process holds it."""
    return try_lock(path)[0]


def try_lock(path: Path) -> tuple[DatabaseLock | None, str]:
    """The lock, or None with why: another window or a command has the file, or the folder
    refuses the lock file (no rights, a full or lost disk) — which is not «open in another
    window»."""
    lock = DatabaseLock(path, PROGRAM)
    try:
        if lock.try_acquire():
            return lock, ""
    except PermissionError:
        return None, lock_message(LockRefusal.RIGHTS, path)
    except OSError as exc:
        return None, lock_message(LockRefusal.DISK, path, exc.strerror or "")
    holder = read_holder(path)
    return None, lock_message(
        LockRefusal.COMMAND if holder.kind == COMMAND else LockRefusal.WINDOW, path)


class LockRefusal(Enum):
    WINDOW = "window"
    COMMAND = "command"
    RIGHTS = "rights"
    DISK = "disk"


def lock_message(why: LockRefusal, path: Path, detail: str = "") -> str:
    if why == LockRefusal.WINDOW:
        return QCoreApplication.translate(
            "App", "The database %1 is already open in another window of the program."
        ).replace("%1", str(path))
    if why == LockRefusal.COMMAND:
        return QCoreApplication.translate(
            "App", "The database %1 is being changed by an imc-desktop command (a sync, a "
                   "restore or an import). Try again when it has finished.").replace(
            "%1", str(path))
    if why == LockRefusal.RIGHTS:
        return QCoreApplication.translate(
            "App", "No right to write in the folder %1: the program needs it to open the "
                   "database. Check the rights or choose another data folder.").replace(
            "%1", str(path.parent))
    return QCoreApplication.translate(
        "App", "Cannot create a file beside the database in %1 (the disk may be full or "
               "unreachable). Nothing was changed.").replace("%1", str(path.parent)) + (
        f" ({detail})" if detail else "")


def prepare_interactive(path: Path, backups: Path, known_current: bool = False) -> Path | None:
    """Check and migrate the database, explaining any problem; None if it cannot be used.
    `known_current`: see db.prepare_database (not after a recovery: a backup is another file)."""
    for _attempt in range(2):
        try:
            return maintenance.prepare(path, backups, known_current)
        except DatabaseCorrupt as exc:
            if not _recover(path, backups, exc):
                return None
            known_current = False
        except DatabaseError as exc:
            QMessageBox.critical(None, _title(), str(exc))
            return None
        except OSError as exc:
            QMessageBox.critical(None, _title(), QCoreApplication.translate(
                "App", "The database file cannot be opened: %1").replace("%1", str(exc)))
            return None
    return None


def run_gui(db: Path | None, demo_mode: bool, read_only: bool = False) -> int:
    """The window appears as soon as the database is checked; the modules load right after."""
    app = make_application()
    settings = config.Settings()
    backups = backup_dir(settings)
    target = database_path(settings, db, demo_mode)
    from imc_desktop.private_files import restrict_new_files, tighten

    restrict_new_files()
    tighten(settings.data_dir())
    from ui.widgets import crash

    crash.install(settings.data_dir())
    if read_only or (target.exists() and not can_write(target)):
        return _run_read_only(app, settings, target, backups)
    lock, refused = try_lock(target)
    if lock is None:
        QMessageBox.warning(None, _title(), refused)
        return 1
    from imc_desktop.services.home import snapshot

    # «Главная» as this version left it at the last close, if still true; the file is then
    # unchanged since, so its schema is known to be current
    resting = snapshot.file_state(target.resolve())
    kept = snapshot.load(target.resolve(), snapshot.settings_key(settings))
    path = prepare_interactive(target, backups, known_current=kept is not None)
    if path is None:
        return 1
    if snapshot.file_state(path) != resting:
        kept = None  # the file was changed meanwhile (a recovery replaced it)
    from ui.main_window import MainWindow

    window = MainWindow(settings, deferred=True)
    if kept is not None:  # «Главная» as it was at the last close, still true: shown first
        window.show_start_page(kept)
        window.show()
        QTimer.singleShot(0, lambda: _shown_first(window, path, backups, demo_mode, settings))
    else:
        window.show()
        QTimer.singleShot(0, lambda: _finish_start(window, path, backups, demo_mode, settings))
    code = app.exec()
    _close_keeping_start_page(window, path, settings)
    return int(code)


def _shown_first(window: MainWindow, path: Path, backups: Path, demo_mode: bool,
                 settings: config.Settings) -> None:
    """«Главная» is shown from the figures kept: the database layer is imported off the GUI
    thread meanwhile (the window answers), then the database is connected and the module tabs
    are built as on every start."""
    start_page_usable(window)
    QTimer.singleShot(0, lambda: _load_after_shown(window, path, backups, demo_mode, settings))


def _load_after_shown(window: MainWindow, path: Path, backups: Path, demo_mode: bool,
                      settings: config.Settings) -> None:
    loading = threading.Thread(target=_import_database_layer, name="imc-start", daemon=True)
    loading.start()
    poll = QTimer(window, interval=LOADING_POLL_MS)

    def check() -> None:
        if not loading.is_alive():
            poll.stop()
            _finish_start(window, path, backups, demo_mode, settings)

    poll.timeout.connect(check)
    poll.start()


LOADING_POLL_MS = 20


def _import_database_layer() -> None:
    """SQLAlchemy, the models and the services the start uses (no Qt among them). A failure
    here is met again, and reported, when the GUI thread imports them."""
    with suppress(Exception):
        import models  # noqa: F401
        from imc_desktop.services.common import access, audit, values  # noqa: F401
        from imc_desktop.services.home import records  # noqa: F401
        from imc_desktop.services.organizations import records as _orgs  # noqa: F401


def _close_keeping_start_page(window: MainWindow, path: Path, settings: config.Settings) -> None:
    """Close the database; keep «Главная»'s figures for the next start, computed now (the
    window is closed, nothing else writes) and keyed by the file as it rests once closed.
    A commit seen during the computing, or a file not at rest, keeps nothing."""
    from imc_desktop.services.home import snapshot

    page, ahead = None, []
    home = getattr(window, "home", None)
    if maintenance.is_open() and not maintenance.info().read_only and home is not None:
        from sqlalchemy.exc import SQLAlchemyError

        before = snapshot.write_marks(path)
        try:  # (a busy or failing file: the next start computes the page, as it reports)
            page = home.compute()
            ahead = [home.compute_next_working_day(page)]
        except (ServiceError, DatabaseError, OSError, sqlite3.Error, SQLAlchemyError):
            page = None
        if snapshot.write_marks(path) != before:
            page = None
    maintenance.close_current()
    if page is not None:
        snapshot.save(path, page, snapshot.settings_key(settings), ahead)


def _run_read_only(app: QApplication, settings: config.Settings, target: Path,
                   backups: Path) -> int:
    """An archive (or a file on read-only media): opened for reading, no lock, no backups of
    its own, no synchronisation; the file is never written."""
    try:  # its views and exports are entered in the audit trail of the user's own database
        maintenance.open_read_only(target, backups, database_path(settings, None, False))
    except (DatabaseError, OSError) as exc:
        QMessageBox.critical(None, _title(), str(exc))
        return 1
    from ui.main_window import MainWindow

    window = MainWindow(settings, deferred=True)
    window.show()
    QTimer.singleShot(0, window.load_modules)
    code = app.exec()
    maintenance.close_current()
    return int(code)


def _finish_start(window: MainWindow, path: Path, backups: Path, demo_mode: bool,
                  settings: config.Settings) -> None:
    from imc_desktop.services import demo
    from imc_desktop.services.organizations import records as organizations

    first = getattr(window, "home", None) is None  # else shown already from the figures kept
    maintenance.connect_current(path, backups)
    if demo_mode and organizations.count_organizations() == 0:
        from ui.widgets.tasks import run_with_progress

        label = QCoreApplication.translate("App", "Filling the demo database…")
        result = run_with_progress(window, label, lambda _p, _c: demo.fill_demo(),
                                   cancellable=False)
        if result.error is not None:
            QMessageBox.warning(window, _title(), str(result.error))
    window.load_start_page_first(lambda: _after_modules(window, demo_mode, settings))
    if first:
        start_page_usable(window)


def start_page_usable(window: MainWindow) -> None:
    """«Главная» is filled and shown, the event loop free: the start as the user sees it
    (the other tabs follow, one per turn of the loop). A benchmark measures up to here."""


def _daily_upkeep(journal_years: int, policy: maintenance.BackupPolicy) -> object:
    """Once a day, off the window's thread: the change journal's old entries go, then
    today's backup is made."""
    from imc_desktop.services.staff import changelog

    changelog.prune(journal_years)
    return maintenance.daily_backup(policy)


def _after_modules(window: MainWindow, demo_mode: bool, settings: config.Settings) -> None:
    from imc_desktop.services.organizations import records as organizations

    if not demo_mode and organizations.count_organizations() == 0:
        from ui import first_run  # (it brings the importers: only for an empty database)

        first_run.offer(window, settings)
    window.remind_on_start()
    from ui.widgets.health import DailyBackup, WeeklyCheck

    # in the background, owned by the window: a large file does not hold up the start
    policy = maintenance.backup_policy(settings.get(config.BACKUPS_DAILY),
                                       settings.get(config.BACKUPS_WEEKLY),
                                       settings.get(config.BACKUPS_MONTHLY))
    DailyBackup(window, policy, partial(_daily_upkeep, settings.get(config.JOURNAL_YEARS))).start()
    WeeklyCheck(settings.raw(), window).start()
