"""Backups, restore and checks of the open database, for the screens and the command line.

Preparing a file and asking whether one is open use the sqlite3 module only: the start shows
its first page before SQLAlchemy and the models are imported (they come with the connection).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from imc_desktop import db
from imc_desktop.db import CheckStopped as CheckStopped  # for the screens
from imc_desktop.db import DatabaseError as DatabaseError  # for the screens
from imc_desktop.services.common.notifier import notify

if TYPE_CHECKING:
    from imc_desktop.backup_crypto import DistrictOpener


@dataclass(frozen=True)
class DatabaseInfo:
    path: Path
    backup_dir: Path
    revision: str
    #: an archive opened for reading: lists, cards, reports and backups, no changes
    read_only: bool = False


_backup_dir: Path | None = None


def prepare(path: Path, backup_dir: Path, known_current: bool = False) -> Path:
    """Check and migrate (after a backup) without connecting: runs before the window opens.
    `known_current`: see db.prepare_database."""
    return db.prepare_database(path, backup_dir, known_current)


def open_current(path: Path, backup_dir: Path) -> DatabaseInfo:
    """Open (migrating after a backup) and make it the database every service uses."""
    return connect_current(prepare(path, backup_dir), backup_dir)


def connect_current(path: Path, backup_dir: Path) -> DatabaseInfo:
    """Make a prepared file the database every service uses."""
    global _backup_dir
    from imc_desktop.services.common import access, values

    database = db.connect_database(path)
    values.install(database.sessions, values.default_title)
    access.install(database.sessions)
    old = db.current_or_none()
    db.set_current(database)
    if old is not None:
        old.close()
    _backup_dir = backup_dir
    access.ensure_first_admin()
    return info()


def open_read_only(path: Path, backup_dir: Path, journal: Path | None = None) -> DatabaseInfo:
    """Make a file the database every service reads, without ever writing it (an archive,
    a file on read-only media). An archive of an older version is read from an updated copy
    beside the backups. Its views and exports of personal data are entered in the audit
    trail of `journal`, the workstation's own database (refused when there is none)."""
    global _backup_dir
    readable = db.prepare_read_only(path, backup_dir / "read-only")
    database = db.connect_read_only(readable, source=path.resolve(), journal=journal)
    old = db.current_or_none()
    db.set_current(database)
    if old is not None:
        old.close()
    _backup_dir = backup_dir
    return info()


def is_open() -> bool:
    """Whether a database is open for the services (a window outliving it reads nothing)."""
    return db.current_or_none() is not None


def close_current() -> None:
    database = db.current_or_none()
    if database is not None:
        database.close()
        if database.read_only and database.source not in (None, database.path):
            database.path.unlink(missing_ok=True)  # the updated copy of an old archive
    db.set_current(None)


def release_idle_connections() -> None:
    """The open database's idle connections closed (they open again when next needed): a
    sync that then has the file to itself writes a new workstation's data into it once."""
    database = db.current_or_none()
    if database is not None and not database.read_only:
        database.engine.dispose()


def info() -> DatabaseInfo:
    database = db.current()
    assert _backup_dir is not None
    if database.read_only:
        return DatabaseInfo(database.source or database.path, _backup_dir, db.head_revision(),
                            read_only=True)
    return DatabaseInfo(database.path, _backup_dir, db.head_revision())


def backup_now(dest: Path, sync_location: str = "", passphrase: str | None = None,
               keep: bool = False) -> Path:
    """A backup made by hand, compressed and encrypted. Into the program's data folder
    (where its backups folder is): with this user's key. Anywhere else (the share, a flash
    drive): with the district sync key of the sync folder `sync_location` (empty: none set)
    — the key this PC remembers, or the words `passphrase` (remembered when `keep`);
    BackupKeyNeeded (in Russian) when there is none, and nothing is written."""
    from imc_desktop import backup_crypto, backup_district

    current = info()
    if backup_district.is_local(dest, data_folder()):
        return db.write_backup(current.path, dest)
    try:
        district = backup_district.sealing_key(sync_location, passphrase, keep)
    except backup_crypto.KeyNeeded as exc:
        raise db.BackupKeyNeeded(str(exc), exc.kind, exc.passphrase) from exc
    return db.write_backup(current.path, dest, district)


def data_folder() -> Path:
    """The program's data folder: the one that holds its backups folder."""
    return info().backup_dir.parent


BackupKeyNeeded = db.BackupKeyNeeded


def is_district_backup(path: Path) -> bool:
    """Whether a backup file is sealed with the district sync key (or the backup key of a PC
    without a sync folder)."""
    from imc_desktop import backup_crypto

    return backup_crypto.is_district(path)


def is_own_key_backup(path: Path) -> bool:
    """Whether a backup file is sealed with the backup key of a PC without a sync folder."""
    from imc_desktop import backup_crypto, backup_district

    return backup_district.is_own(backup_crypto.district_store(path) or "")


def district_opener(passphrase: str | None, keep: bool = False) -> DistrictOpener:
    """Opens a backup sealed with the district key with the words typed (remembered on this
    PC when `keep`); BackupKeyNeeded "wrong" when they are not its key."""
    from imc_desktop import backup_district

    def opener(store_id: str, params: dict[str, Any]) -> bytes:
        return backup_district.opening_key(store_id, params, passphrase, keep)

    return opener


BackupPolicy = db.BackupPolicy


def backup_policy(daily: int, weekly: int, monthly: int) -> BackupPolicy:
    """How many automatic backups are kept (the settings «Резервные копии: …»)."""
    return db.BackupPolicy(daily, weekly, monthly)


def daily_backup(policy: BackupPolicy) -> Path | None:
    """Today's automatic backup (if not made yet); the automatic ones are then thinned to
    the newest of each of the last days, weeks and months of `policy` (db.daily_backup: a
    copy made by hand, the newest and the newest that holds data are never removed)."""
    current = info()
    return db.daily_backup(current.path, current.backup_dir, policy)


def latest_backup(path: Path, backup_dir: Path) -> Path | None:
    return db.latest_backup(path, backup_dir)


BackupInfo = db.BackupInfo


def backups(path: Path, backup_dir: Path) -> list[BackupInfo]:
    """The backups of `path`, newest first, with what each holds (the recovery dialog)."""
    return db.backup_infos(path, backup_dir)


def restore(backup: Path, passphrase: str | None = None, keep: bool = False) -> Path | None:
    """Replace the open database with a backup; the old content is kept as a backup too.
    A backup sealed with the district key is opened with the key this PC remembers, else
    with the words `passphrase` (BackupKeyNeeded, nothing changed, when neither fits)."""
    from imc_desktop.services.common import access, audit

    current = info()
    access.require_admin("Восстановление из резервной копии")
    opener = district_opener(passphrase, keep) if passphrase else None
    db.current().close()
    try:
        saved = db.restore_backup(backup, current.path, current.backup_dir, opener)
    finally:
        open_current(current.path, current.backup_dir)
    audit.record("восстановление", backup.name, "база заменена резервной копией")
    notify({"*"})
    return saved


def restore_file(backup: Path, target: Path, backup_dir: Path,
                 passphrase: str | None = None) -> Path | None:
    """Restore into a database file that is not open (start-up recovery, command line).
    Only an administrator may (access.AccessDenied): as the damaged file records the roles
    if it can still be read, else as the backup does. `passphrase`: as restore()."""
    opener = district_opener(passphrase) if passphrase else None
    require_restore_rights(backup, target, opener)
    return db.restore_backup(backup, target, backup_dir, opener)


RESTORE = "Восстановление из резервной копии"


def require_restore_rights(backup: Path, target: Path,
                           district: DistrictOpener | None = None) -> None:
    """access.AccessDenied unless the user may replace `target` with `backup`."""
    from imc_desktop.services.common import access

    with db.readable_backup(backup, district) as plain:
        access.require_admin_in(target, RESTORE, plain)


def check(cancelled: Callable[[], bool] | None = None) -> list[str]:
    """A full integrity and foreign-key check, then the audit trail's chains and (a
    synchronised database) the records changed behind the synchronisation's back; the
    problems, empty when all is well. `cancelled()` True stops it (db.CheckStopped)."""
    from imc_desktop.services.common import audit

    path = db.current().path
    problems = db.full_check(path, cancelled)
    if problems:
        return problems
    if cancelled is not None and cancelled():
        raise db.CheckStopped(path)
    return audit.verify_file(path) + db.unsynced_edits(path)
