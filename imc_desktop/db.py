"""The database: engine and sessions, pragmas, open / migrate / backup / restore / check.

Checking a file, reading its schema revision and backing it up use the sqlite3 module only;
SQLAlchemy and Alembic are imported when a session or a migration is needed, so that the
window can appear before they are loaded.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from imc_desktop import changes, clock
from imc_desktop.migrations import HEAD_REVISION
from imc_desktop.paths import migrations_path
from imc_desktop.storage_errors import storage_failure

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

    from imc_desktop.backup_crypto import DistrictKey, DistrictOpener

APPLICATION_ID = 0x494D4344  # "IMCD": marks files made by this program


class DatabaseError(Exception):
    """A database problem explained in plain Russian."""


class DatabaseCorrupt(DatabaseError):
    def __init__(self, path: Path, details: str) -> None:
        super().__init__(
            f"Файл базы данных {path} повреждён или не является базой данных ({details})."
        )
        self.path = path


class DatabaseTooNew(DatabaseError):
    def __init__(self, path: Path, revision: str) -> None:
        super().__init__(
            f"База данных {path} создана более новой версией программы (схема {revision}). "
            "Обновите программу на этом компьютере; база данных не изменена."
        )
        self.path = path


class MigrationFailed(DatabaseError):
    def __init__(self, path: Path, backup: Path | None, exc: BaseException) -> None:
        kept = (f"База возвращена в прежнее состояние из копии {backup}."
                if backup else "Новый файл базы удалён.")
        super().__init__(f"Не удалось обновить базу данных {path} до новой версии программы "
                         f"({type(exc).__name__}: {exc}). {kept} Сообщите администратору.")
        self.path = path


class NoWriteAccess(DatabaseError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"Нет прав на запись в файл базы данных {path} или в его папку. "
                         "Программе нужна запись: проверьте права или выберите другую папку "
                         "данных (Сервис → Настройки).")
        self.path = path


class BackupUnreadable(DatabaseError):
    """An encrypted backup made with another key, or damaged: the message says which."""


class BackupKeyNeeded(BackupUnreadable):
    """A backup that goes out of (or comes from outside) the data folder needs the district
    sync key; `kind` and `passphrase` as backup_crypto.KeyNeeded's ("enter": ask for the
    words; "newbackup": show the new words `passphrase` to be written down)."""

    def __init__(self, message: str, kind: str, passphrase: str = "") -> None:
        super().__init__(message)
        self.kind, self.passphrase = kind, passphrase


class NotABackup(DatabaseError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"Файл {path} пуст или не является копией базы данных этой программы; "
                         "восстановление отменено, данные не изменены.")
        self.path = path


class ForeignDatabase(DatabaseCorrupt):
    """Not this program's file where its database should be: treated as damage (the recovery
    dialog offers the backups), never opened or written to."""

    def __init__(self, path: Path) -> None:
        DatabaseError.__init__(self, f"Файл {path} — база данных другой программы; открыть его "
                                     "нельзя.")
        self.path = path


SMALLEST_DATABASE = 512  # one page of the smallest size SQLite writes


def check_not_truncated(path: Path) -> None:
    """An existing file of 0 bytes or shorter than one page is what is left of a database
    (a failed copy, a full disk): damage, never a new empty database."""
    size = path.stat().st_size
    if size == 0:
        raise DatabaseCorrupt(path, "файл пуст: 0 байт")
    if size < SMALLEST_DATABASE:
        raise DatabaseCorrupt(path, f"файл короче одной страницы: {size} байт")


@dataclass
class Database:
    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    #: opened for reading only (an archive): `source` is the file the user chose, `path` the
    #: file read — the same, or a migrated copy of an archive made by an older version
    read_only: bool = False
    source: Path | None = None
    #: for an archive: the workstation's own database, whose audit trail takes the entries
    #: of the archive's views and exports (an archive is never written)
    journal: Path | None = None

    def close(self) -> None:
        self.engine.dispose()


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _on_connect_read_only(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA query_only=ON")
    cursor.close()


def can_write(path: Path) -> bool:
    """Whether the program may write the file (and the journal files beside it)."""
    return os.access(path.parent, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def read_only_uri(path: Path) -> str:
    """A URI opening the file for reading only; on media that cannot be written at all the
    file is also declared unchanging, since SQLite could not make a WAL file's index there."""
    uri = path.resolve().as_uri() + "?mode=ro"
    return uri + "&immutable=1" if not os.access(path.parent, os.W_OK) else uri


def make_read_only_engine(path: Path) -> Engine:
    from sqlalchemy import create_engine, event

    uri = read_only_uri(path)
    engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(
        uri, uri=True, check_same_thread=False), hide_parameters=True)
    event.listen(engine, "connect", _on_connect_read_only)
    return engine


def make_engine(path: Path) -> Engine:
    from sqlalchemy import create_engine, event

    # hide_parameters: an error's text never carries the values being written (ФИО, СНИЛС)
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False},
                           hide_parameters=True)
    event.listen(engine, "connect", _on_connect)
    return engine


# ---------------------------------------------------------------- checks

def quick_check(path: Path) -> None:
    """Raise DatabaseCorrupt unless `PRAGMA quick_check` says ok."""
    try:
        with _raw(path) as con:
            rows = con.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        raise DatabaseCorrupt(path, str(exc)) from exc
    result = "; ".join(str(r[0]) for r in rows)
    if result != "ok":
        raise DatabaseCorrupt(path, result[:300])


def checked_marker(path: Path) -> Path:
    """Beside the database: the day its last integrity check passed, and which file it was."""
    return path.with_name(path.name + ".checked")


def _identity(path: Path) -> str:
    stat = path.stat()
    return f"{stat.st_dev}:{stat.st_ino}"


def _log_left(path: Path) -> bool:
    """A write-ahead log beside the file: the last program to write it did not close it
    (the last connection's close checkpoints the log and removes it)."""
    log = Path(str(path) + "-wal")
    return log.exists() and log.stat().st_size > 0


def check_due(path: Path) -> bool:
    """Whether opening the file runs `PRAGMA quick_check` (a large file takes a second):
    after an unclean end (a write-ahead log left beside it), when no check has passed
    today, or when the file is not the one that was checked."""
    if _log_left(path):
        return True
    try:
        day, identity = checked_marker(path).read_text(encoding="ascii").split()
    except (OSError, ValueError):
        return True
    return day != clock.today().isoformat() or identity != _identity(path)


def mark_checked(path: Path) -> None:
    """Note that the file passed a check today (nothing when the folder cannot be written:
    the next open checks again)."""
    with suppress(OSError):
        checked_marker(path).write_text(f"{clock.today().isoformat()} {_identity(path)}\n",
                                        encoding="ascii")


def forget_checked(path: Path) -> None:
    """The next open checks the file (SQLite has reported damage in it)."""
    with suppress(OSError):
        checked_marker(path).unlink(missing_ok=True)


def check_if_due(path: Path, writable: bool = True) -> None:
    """quick_check() when check_due(); DatabaseCorrupt when it fails. A log left by an
    unclean end is then folded into a writable file, as SQLite's close does. Nothing is
    written beside a file opened for reading only (an archive is checked at each open)."""
    if not check_due(path):
        return
    try:
        quick_check(path)
    except DatabaseCorrupt:
        forget_checked(path)
        raise
    if not writable:
        return
    if _log_left(path):
        with suppress(sqlite3.Error), _raw(path, "rw") as con:
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    mark_checked(path)


class CheckStopped(DatabaseError):
    """A check stopped before its end (the program is closing); it proved nothing."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"Проверка базы {path} прервана; она будет выполнена снова.")


def full_check(path: Path, cancelled: Callable[[], bool] | None = None) -> list[str]:
    """Integrity and foreign-key check; the list of problems (empty when the file is sound).
    `cancelled()` is asked as SQLite works: True stops it with CheckStopped."""
    problems: list[str] = []
    try:
        check_not_truncated(path)
    except DatabaseCorrupt as exc:
        return [str(exc)]
    try:
        with _raw(path) as con:
            if cancelled is not None:
                con.set_progress_handler(lambda: 1 if cancelled() else 0, 20_000)
            rows = con.execute("PRAGMA integrity_check").fetchall()
            problems += [str(r[0]) for r in rows if r[0] != "ok"]
            for table, rowid, parent, _fk in con.execute("PRAGMA foreign_key_check"):
                problems.append(f"таблица {table}, строка {rowid}: нет записи в {parent}")
    except sqlite3.DatabaseError as exc:
        if cancelled is not None and cancelled():
            raise CheckStopped(path) from exc
        problems.append(str(exc))
    return problems


DRIFT_LIMIT = 1000


def unsynced_edits(path: Path) -> list[str]:
    """Fields and records of a synchronised database that differ from their synchronisation
    history (changed behind the triggers' back, so never sent); empty for a database that has
    never synchronised."""
    from imc_desktop.sync.drift import drifted

    with _raw(path) as con:
        if con.execute("SELECT 1 FROM sync_versions LIMIT 1").fetchone() is None:
            return []
        return [d.describe() for d in drifted(con, DRIFT_LIMIT)]


@contextmanager
def _raw(path: Path, mode: str = "ro") -> Iterator[sqlite3.Connection]:
    """A plain connection; read-only unless asked, so a read-only file is not "damaged"."""
    uri = read_only_uri(path) if mode == "ro" else path.resolve().as_uri() + f"?mode={mode}"
    con = sqlite3.connect(uri, uri=True)
    try:
        yield con
    finally:
        con.close()


# ---------------------------------------------------------------- migrations

def _alembic_config(connection: Any = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_path()))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    """The newest schema revision this program knows (declared beside the migrations)."""
    return HEAD_REVISION


def script_head_revision() -> str | None:
    """The head as Alembic finds it in the scripts (tests compare it with HEAD_REVISION)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def current_revision(path: Path) -> str | None:
    with _raw(path) as con:
        try:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.OperationalError:
            return None
    return None if row is None else str(row[0])


def _has_tables(path: Path) -> bool:
    with _raw(path) as con:
        row = con.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()
        return bool(row[0])


def _application_id(path: Path) -> int:
    with _raw(path) as con:
        return int(con.execute("PRAGMA application_id").fetchone()[0])


def check_compatible(path: Path) -> str | None:
    """The file's schema revision; raise if it is foreign or made by a newer version."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        app_id = _application_id(path)
        revision = current_revision(path)
    except sqlite3.DatabaseError as exc:  # the header is not SQLite's (no quick_check today)
        failure = storage_failure(exc, path)
        if failure is None or not failure.is_damage:
            raise
        forget_checked(path)
        raise DatabaseCorrupt(path, str(exc)) from exc
    if app_id not in (0, APPLICATION_ID) or (revision is None and _has_tables(path)):
        raise ForeignDatabase(path)
    if revision not in (None, HEAD_REVISION) and revision not in known_revisions():
        raise DatabaseTooNew(path, revision)
    return revision


def migrate(path: Path, backup_dir: Path) -> Path | None:
    """Bring the file to the head revision; back it up first. The backup's path, if made."""
    revision = check_compatible(path)
    if revision == head_revision():
        return None
    backup = None
    if revision is not None:
        backup = make_backup(path, backup_dir, f"before-migration-{revision}")
    try:
        _upgrade(path)
    except Exception as exc:  # any failure: the file goes back to what it was
        _undo_migration(path, backup)
        raise MigrationFailed(path, backup, exc) from exc
    return backup


def _upgrade(path: Path) -> None:
    from alembic import command

    engine = make_engine(path)
    try:
        with engine.begin() as conn:
            command.upgrade(_alembic_config(conn), "head")
        with engine.begin() as conn:
            conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
    finally:
        engine.dispose()
    install_sync_triggers(path)


def install_sync_triggers(path: Path) -> int:
    """(Re)generate the change-recording triggers for every synchronised table in the file."""
    from imc_desktop.sync import triggers

    return triggers.install_in_file(str(path))


def _undo_migration(path: Path, backup: Path | None) -> None:
    """SQLite commits DDL as it goes: put back the copy made before, or remove a new file."""
    for suffix in ("-wal", "-shm"):
        with suppress(FileNotFoundError):
            Path(str(path) + suffix).unlink()
    if backup is None:
        with suppress(FileNotFoundError):
            path.unlink()
        return
    tmp = path.with_name(path.name + ".undo")
    with readable_backup(backup) as plain:
        backup_to(plain, tmp)
    os.replace(tmp, path)


def prepare_database(path: Path, backup_dir: Path, known_current: bool = False) -> Path:
    """Check the file and migrate it (after a backup), creating it if new; its full path.
    `known_current`: the caller knows the file is at this program's head revision (it is
    unchanged since this version closed it), so its revision is not read again (reading it
    parses the whole schema: a sixth of a quick start)."""
    path = path.resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    writable = os.access(path.parent, os.W_OK) and (not path.exists()
                                                     or os.access(path, os.W_OK))
    if not writable:
        raise NoWriteAccess(path)
    if path.exists():
        check_not_truncated(path)
        check_if_due(path)
    if not (known_current and path.exists()):
        migrate(path, backup_dir)
    return path


def connect_database(path: Path) -> Database:
    """Engine and sessions over a file that prepare_database() has checked."""
    from sqlalchemy.orm import sessionmaker

    engine = make_engine(path)
    sessions = sessionmaker(engine, expire_on_commit=False)
    changes.track(engine, sessions)
    return Database(path, engine, sessions)


def prepare_read_only(path: Path, work_dir: Path) -> Path:
    """Check a file to be read only (an archive, a file on read-only media): the file
    itself when its schema is current, else a copy in `work_dir` brought up to date — the
    archive is never written."""
    path = path.resolve()
    if not path.exists():
        raise FileNotFoundError(f"Файл базы данных не найден: {path}")
    check_not_truncated(path)
    check_if_due(path, writable=False)
    revision = check_compatible(path)
    if revision == head_revision():
        return path
    if revision is None:
        raise ForeignDatabase(path)
    copy = work_dir / f"{path.stem}-только-чтение-{_stamp()}.sqlite"
    copy.parent.mkdir(parents=True, exist_ok=True)
    backup_to(path, copy)
    try:
        _upgrade(copy)
    except Exception as exc:
        copy.unlink(missing_ok=True)
        raise DatabaseError(f"Архив {path} сделан старой версией программы, и его копию для "
                            f"чтения не удалось обновить ({type(exc).__name__}: {exc}). "
                            "Архив не изменён.") from exc
    return copy


def connect_read_only(path: Path, source: Path | None = None,
                      journal: Path | None = None) -> Database:
    """Sessions that can only read `path`; a write fails with SQLite's READONLY."""
    from sqlalchemy.orm import sessionmaker

    engine = make_read_only_engine(path)
    sessions = sessionmaker(engine, expire_on_commit=False)
    changes.track(engine, sessions)
    return Database(path, engine, sessions, read_only=True, source=source or path,
                    journal=journal)


def open_database(path: Path, backup_dir: Path) -> Database:
    """Check, migrate (after a backup) and open the database file, creating it if new."""
    return connect_database(prepare_database(path, backup_dir))


# ---------------------------------------------------------------- backups

def backup_to(path: Path, dest: Path) -> Path:
    """Copy a live database with SQLite's backup API; the copy appears whole or not at all."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    with suppress(FileNotFoundError):
        tmp.unlink()
    try:
        _copy_pages(path, tmp)
    except BaseException:
        with suppress(OSError):
            tmp.unlink()  # no half-written .part is left behind
        raise
    os.replace(tmp, dest)
    return dest


def _copy_pages(source: Path, target: Path) -> None:
    """Every page of ``source`` into ``target`` through SQLite's backup API: a connection
    that has ``target`` open sees the new content, as with any other write."""
    src = sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        out = sqlite3.connect(target)
        try:
            src.backup(out)
        finally:
            out.close()
    finally:
        src.close()


def _stamp() -> str:
    return clock.now().strftime("%Y%m%d-%H%M%S")


def make_backup(path: Path, backup_dir: Path, label: str) -> Path:
    """An automatic backup in the backups folder: compressed and encrypted with this
    user's key (backup_crypto)."""
    return write_backup(path, backup_dir / f"{path.stem}-{label}-{_stamp()}.sqlite")


def write_backup(path: Path, dest: Path, district: DistrictKey | None = None) -> Path:
    """A copy of the live database `path` as a compressed, encrypted backup file `dest`
    (whole or not at all): with this user's key, or with the `district` sync key (a backup
    that leaves the data folder). The plain copy in between is in an owner-only temporary
    folder."""
    from imc_desktop import backup_crypto

    dest.parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="imc-backup-"))
    try:
        plain = backup_to(path, folder / dest.name)
        if district is not None:
            return backup_crypto.seal_for_district(plain, dest, district)
        return backup_crypto.encrypt(plain, dest)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _remembered_district_key(store_id: str, params: dict[str, Any]) -> bytes:
    from imc_desktop import backup_district

    return backup_district.opening_key(store_id, params)


@contextmanager
def readable_backup(backup: Path, district: DistrictOpener | None = None) -> Iterator[Path]:
    """The backup as a plain database file to read (an encrypted one decrypted to a
    temporary copy); BackupUnreadable in Russian when it cannot be decrypted here. A backup
    sealed with the district key is opened with `district` (by default: the key this PC
    remembers or IMC_SYNC_PASSPHRASE) — BackupKeyNeeded when there is none."""
    from imc_desktop import backup_crypto

    try:
        with backup_crypto.readable(backup, district or _remembered_district_key) as plain:
            yield plain
    except backup_crypto.KeyNeeded as exc:
        raise BackupKeyNeeded(str(exc), exc.kind) from exc
    except backup_crypto.Unreadable as exc:
        raise BackupUnreadable(str(exc)) from exc


@dataclass(frozen=True)
class BackupPolicy:
    """How many automatic backups are kept: the newest of each of the last `daily` days,
    `weekly` weeks (ISO, Monday to Sunday) and `monthly` months that have a backup — days
    the computer was off are not counted (settings: «Резервные копии: ежедневных /
    еженедельных / ежемесячных»)."""

    daily: int = 7
    weekly: int = 4
    monthly: int = 12


def generations_to_keep(days: Iterable[date], policy: BackupPolicy) -> set[date]:
    """The days whose backups stay: the newest `daily` days, then the newest day of each of
    the newest `weekly` weeks and `monthly` months; the newest day always stays."""
    newest_first = sorted(set(days), reverse=True)
    keep = set(newest_first[:max(policy.daily, 1)])
    weeks: dict[tuple[int, int], date] = {}
    months: dict[tuple[int, int], date] = {}
    for day in newest_first:
        weeks.setdefault(day.isocalendar()[:2], day)
        months.setdefault((day.year, day.month), day)
    keep.update(list(weeks.values())[:policy.weekly])
    keep.update(list(months.values())[:policy.monthly])
    return keep


def daily_backup(path: Path, backup_dir: Path, policy: BackupPolicy) -> Path | None:
    """One automatic backup a day, then the automatic backups thinned to their generations
    (:class:`BackupPolicy`). Only the program's own daily backups are removed (named
    ``<база>-auto-ГГГГММДД-ЧЧММСС.sqlite``): never a copy made by hand or before a migration
    or a restore, nor another program's file. Never removed either: the newest, the one just
    made, and the newest that holds data (so a day of empty backups — a database emptied by
    mistake — cannot push out the last good copy). Nothing at all is removed when the folder
    cannot be listed, a name's date cannot be read, or a backup is dated after today (the
    computer's clock was set back: its dates are not to be trusted)."""
    made = None
    if not any(backup_dir.glob(f"{path.stem}-auto-{clock.now():%Y%m%d}*.sqlite")):
        made = make_backup(path, backup_dir, "auto")
    try:
        found = automatic_backups(path, backup_dir)
    except (OSError, ValueError):
        return made
    if any(day > clock.today() for day, _ in found):
        return made
    for backup in _thinned(found, policy, made):
        with suppress(FileNotFoundError):
            backup.unlink()
    return made


def automatic_backups(path: Path, backup_dir: Path) -> list[tuple[date, Path]]:
    """The daily backups of `path` in the folder with their days, newest first. OSError when
    the folder cannot be listed, ValueError when a name of the pattern has no real date."""
    pattern = re.compile(re.escape(path.stem) + r"-auto-(\d{8})-\d{6}\.sqlite")
    found = []
    with os.scandir(backup_dir) as entries:
        for entry in entries:
            matched = pattern.fullmatch(entry.name)
            if matched and entry.is_file(follow_symlinks=False):
                day = datetime.strptime(matched[1], "%Y%m%d").date()
                found.append((day, Path(entry.path)))
    return sorted(found, key=lambda item: (item[0], item[1].name), reverse=True)


def _thinned(found: list[tuple[date, Path]], policy: BackupPolicy,
             made: Path | None) -> list[Path]:
    """What goes: the older backups of a day, then the days outside the generations."""
    by_day: dict[date, Path] = {}
    extra = []
    for day, backup in found:  # newest first: the first of a day is its newest
        if by_day.setdefault(day, backup) is not backup:
            extra.append(backup)
    keep = generations_to_keep(by_day, policy)
    spared = {found[0][1]} if found else set()
    spared |= {made} if made is not None else set()
    last_good = next((b for b in by_day.values() if _holds_data(b)), None)
    spared |= {last_good} if last_good is not None else set()
    gone = [b for d, b in by_day.items() if d not in keep] + extra
    return [b for b in gone if b not in spared]


def _holds_data(backup: Path) -> bool:
    """Whether a backup has any ОО or pedagogue (an empty or damaged file has not)."""
    try:
        with readable_backup(backup) as plain, _raw(plain) as con:
            return bool(con.execute("SELECT EXISTS (SELECT 1 FROM organizations) OR "
                                    "EXISTS (SELECT 1 FROM persons)").fetchone()[0])
    except (sqlite3.DatabaseError, DatabaseError):
        return False


@dataclass(frozen=True)
class BackupInfo:
    """One backup as the recovery dialog lists it: when it was made and what it holds."""

    path: Path
    made: datetime
    organizations: int | None  # None: the file cannot be read
    persons: int | None
    problem: str = ""  # why it cannot be restored («повреждена», «другой программы»…)
    #: sealed with the district sync key, which this PC does not know: its words are asked
    needs_key: bool = False

    @property
    def holds_data(self) -> bool:
        return not self.problem and bool(self.organizations or self.persons)


def backup_infos(path: Path, backup_dir: Path) -> list[BackupInfo]:
    """The backups of this database, newest first, each with its ОО and pedagogues counted.
    Reading the counts is quick; the full check is made on the one restored."""
    found = []
    for candidate in backup_dir.glob(f"{path.stem}-*.sqlite"):
        try:
            made = datetime.fromtimestamp(candidate.stat().st_mtime)
        except OSError:
            continue
        found.append(_backup_info(candidate, made))
    return sorted(found, key=lambda b: b.made, reverse=True)


def _backup_info(backup: Path, made: datetime) -> BackupInfo:
    try:
        with readable_backup(backup) as plain:
            if check_compatible(plain) is None:
                return BackupInfo(backup, made, None, None, "не копия этой программы")
            with _raw(plain) as con:
                orgs, persons = con.execute("SELECT (SELECT count(*) FROM organizations), "
                                            "(SELECT count(*) FROM persons)").fetchone()
    except BackupKeyNeeded as exc:
        if exc.kind == "damaged":
            return BackupInfo(backup, made, None, None, "повреждена")
        return BackupInfo(backup, made, None, None, needs_key=True)
    except BackupUnreadable as exc:
        other_key = "другого компьютера" in str(exc)
        return BackupInfo(backup, made, None, None,
                          "зашифрована ключом другого компьютера или пользователя"
                          if other_key else "повреждена")
    except (sqlite3.DatabaseError, DatabaseError, OSError):
        return BackupInfo(backup, made, None, None, "повреждена")
    return BackupInfo(backup, made, int(orgs), int(persons))


def latest_backup(path: Path, backup_dir: Path) -> Path | None:
    """The newest sound backup of this database, if any."""
    candidates = sorted(
        backup_dir.glob(f"{path.stem}-*.sqlite"), key=lambda p: p.stat().st_mtime, reverse=True
    )
    for candidate in candidates:
        try:
            with readable_backup(candidate) as plain:
                quick_check(plain)
                if check_compatible(plain) is None:
                    continue
        except DatabaseError:
            continue
        return candidate
    return None


def restore_backup(backup: Path, target: Path, backup_dir: Path,
                   district: DistrictOpener | None = None) -> Path | None:
    """Replace `target` with a checked copy of `backup` (a plain or an encrypted one; one
    sealed with the district key is opened with `district`, see readable_backup); the old
    file is kept as a backup. Nothing is changed when the backup cannot be read.

    The caller closes its engine first. Returns the copy of the replaced file, if one was made.
    """
    with readable_backup(backup, district) as plain:
        return _restore_plain(plain, target, backup_dir)


def _restore_plain(backup: Path, target: Path, backup_dir: Path) -> Path | None:
    quick_check(backup)
    if check_compatible(backup) is None:
        raise NotABackup(backup)
    saved = None
    if target.exists():
        saved = backup_dir / f"{target.stem}-before-restore-{_stamp()}.sqlite"
        saved.parent.mkdir(parents=True, exist_ok=True)
        try:
            write_backup(target, saved)
        except sqlite3.DatabaseError:  # a damaged file is kept as it is
            saved = _copy_bytes(target, saved)
    try:
        _copy_pages(backup, target)  # into the live file, never unlink-and-replace
    except sqlite3.DatabaseError:  # what is there is no database any more: replace the file
        tmp = target.with_name(target.name + ".restore")
        backup_to(backup, tmp)
        for suffix in ("-wal", "-shm"):
            with suppress(FileNotFoundError):
                Path(str(target) + suffix).unlink()
        os.replace(tmp, target)
    _mark_restored(target)
    return saved


def _mark_restored(path: Path) -> None:
    """The next sync of a database put back from a backup takes a new site id (the copy
    may have been made while the original worked on)."""
    from imc_desktop.sync import local

    con = sqlite3.connect(path, isolation_level=None)
    try:
        local.mark_restored(con)
    finally:
        con.close()


def _copy_bytes(src: Path, dest: Path) -> Path:
    dest.write_bytes(src.read_bytes())
    return dest


# ---------------------------------------------------------------- the current database

_current: Database | None = None


def set_current(database: Database | None) -> None:
    global _current
    _current = database


def current_or_none() -> Database | None:
    return _current


def current() -> Database:
    if _current is None:
        raise RuntimeError("no database is open")
    return _current


@contextmanager
def session_scope() -> Iterator[Session]:
    """One unit of work: commit on success, roll back on any error; after a commit the open
    lists are told which tables it changed (:mod:`imc_desktop.changes`)."""
    database = current()
    session = database.sessions()
    try:
        yield session
        session.commit()
    except BaseException as exc:
        session.rollback()
        explained = storage_failure(exc, database.path)
        if explained is not None:
            if explained.is_damage:
                forget_checked(database.path)  # the next start checks it and offers recovery
            raise explained from exc
        raise
    finally:
        session.close()
    changes.announce(session)
