"""Synchronisation for the application and the command line: run a sync, the status bar's
figures, the conflicts with keep / restore, and the journal of changes.

A sync runs off the GUI thread on its own connection; it does not notify (the caller does,
on the GUI thread, with `announce`).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from imc_desktop.services.common import notifier
from imc_desktop.services.common.errors import ServiceError
from imc_desktop.storage_errors import os_reason
from imc_desktop.sync import local
from imc_desktop.sync.progress import StepProgress, SyncProgress
from imc_desktop.sync.share import Share

if TYPE_CHECKING:  # the engine is imported by the first sync, not by the window's start
    from imc_desktop.sync.admission import Waiting
    from imc_desktop.sync.admitting import AdmissionState
    from imc_desktop.sync.rekey import Rekeyed
    from imc_desktop.sync.report import SyncResult

T = TypeVar("T")

#: for the window, which does not import the engine
__all__ = ["AdmissionState", "Rekeyed", "SyncProgress", "SyncResult", "Waiting"]


class SyncFailed(ServiceError):
    """The sync did not run to the end; `question` when the user may confirm and go on;
    `key` when it needs the district key: "new" (a new store: `passphrase` is a new one to
    show once), "enter" (a key this PC does not know) or "wrong"."""

    def __init__(self, message: str, question: bool = False, key: str = "",
                 passphrase: str = "") -> None:
        super().__init__(message)
        self.question, self.key, self.passphrase = question, key, passphrase


def run(path: Path, location: Path, workstation: str, *, accept_new_store: bool = False,
        progress: Callable[[str], None] | None = None, steps: StepProgress | None = None,
        passphrase: str | None = None, remember_key: bool = False,
        keeping: tuple[int, int] | None = None) -> SyncResult:
    """One sync of the database file through the sync location; SyncFailed in Russian.
    Each step goes to `progress` as a line of text and to `steps` with its numbers. The
    key: `passphrase` typed by the user (kept on this PC with `remember_key`), else the
    environment's or the one this PC remembers. `keeping`: the settings SYNC_SNAPSHOT_DAYS
    and SYNC_ARCHIVE_DAYS (None: their defaults)."""
    from imc_desktop.sync.engine import synchronise
    from imc_desktop.sync.snapshot import Policy
    from imc_desktop.sync.store import KeyNeeded, SyncStopped

    try:
        result = synchronise(path, Share(location), workstation,
                             accept_new_store=accept_new_store,
                             progress=progress or (lambda _t: None), steps=steps,
                             passphrase=passphrase, remember_key=remember_key,
                             snapshots=None if keeping is None else Policy(
                                 age_days=keeping[0], archive_days=keeping[1]))
    except KeyNeeded as exc:
        raise SyncFailed(str(exc), key=exc.kind, passphrase=exc.passphrase) from exc
    except SyncStopped as exc:
        raise SyncFailed(str(exc), exc.question) from exc
    except sqlite3.OperationalError as exc:
        raise SyncFailed(f"База данных {path} занята или недоступна ({exc}); синхронизация "
                         "не выполнена, данные не изменены. Повторите позже.") from exc
    except sqlite3.DatabaseError as exc:
        raise SyncFailed(f"Синхронизация не выполнена: ошибка базы данных {path} ({exc}). "
                         "Изменения этой синхронизации отменены, данные не изменены. "
                         "Проверьте базу (Сервис → Проверить базу данных) и сообщите "
                         "администратору.") from exc
    except OSError as exc:
        where = exc.filename or location
        raise SyncFailed(f"Не удалось прочитать или записать {where} в папке синхронизации "
                         f"({os_reason(exc)}). Синхронизация прервана; следующая "
                         "завершит её, данные не потеряны.") from exc
    return _with_checks(path, result)


def admission_state(path: Path, location: Path) -> AdmissionState:
    """This PC's code and admission, and the workstations waiting; SyncFailed in Russian."""
    from imc_desktop.sync import admitting

    return _admission(lambda: admitting.state(path, Share(location)), location)


def decide_admission(path: Path, location: Path, name: str, code: str,
                     admit: bool) -> Waiting:
    """Admit (or refuse) the waiting workstation `name` with the code `code`."""
    from imc_desktop.sync import admitting

    return _admission(lambda: admitting.decide(path, Share(location), name, code, admit),
                      location)


def key_change_under_way(location: Path) -> str:
    """A Russian message when a change of the key was begun in the folder and not finished
    ("" when none was, or the folder cannot be read)."""
    from imc_desktop.sync.rekey import changing

    try:
        return changing(Share(location))
    except OSError:
        return ""


def new_passphrase() -> str:
    """Ten random words of the key's list: a new district key to be written down."""
    from imc_desktop.sync.sealing import new_passphrase as make

    return make()


def change_key(path: Path, location: Path, phrase: str, workstation: str, *,
               old_passphrase: str | None = None, remember_old: bool = False,
               progress: Callable[[int, int, str], None] | None = None) -> Rekeyed:
    """Seal the whole sync folder with the key of the ten words `phrase` (SyncFailed in
    Russian when it cannot begin; `key` set when the folder's own key is needed: typed as
    `old_passphrase`). `progress`: files done, files in all, the file."""
    from imc_desktop.sync import rekey
    from imc_desktop.sync.keys import KeySource

    return _admission(lambda: rekey.change(path, Share(location), phrase, workstation,
                                           KeySource(old_passphrase, remember_old),
                                           progress), location)


def _admission(action: Callable[[], T], location: Path) -> T:
    from imc_desktop.sync.store import KeyNeeded, SyncStopped

    try:
        return action()
    except KeyNeeded as exc:
        raise SyncFailed(str(exc), key=exc.kind) from exc
    except SyncStopped as exc:
        raise SyncFailed(str(exc)) from exc
    except OSError as exc:
        raise SyncFailed(f"Не удалось прочитать или записать {exc.filename or location} в "
                         f"папке синхронизации ({os_reason(exc)}).") from exc


def _with_checks(path: Path, result: SyncResult) -> SyncResult:
    """Checks of the merged data that no single workstation could have broken alone: a
    literature balance below zero when two PCs posted from the same copies offline."""
    if not result.applied:
        return result
    from imc_desktop.db import connect_database
    from imc_desktop.services.literature.balances import negative_balances

    database = connect_database(path)
    try:
        with database.sessions() as s:
            negative = negative_balances(s)
    finally:
        database.close()
    if not negative:
        return result
    notes = ("Остатки литературы ниже нуля (документы проведены на разных рабочих местах "
             "из одних и тех же экземпляров; отмените проведение одного из них):",
             *negative)
    return replace(result, notes=(*result.notes, *notes))


def announce(result: SyncResult) -> None:
    """Tell open lists to reload after a sync that applied something."""
    from imc_desktop.sync.tables import synced_tables

    if result.applied:
        notifier.notify(synced_tables())


def reachable(location: Path | None) -> bool:
    return location is not None and str(location) != "" and Share(location).reachable()


def reachable_within(location: Path | None, seconds: float) -> bool:
    """`reachable`, but a share that does not answer within `seconds` (a server that is
    down can keep Windows waiting for a minute) counts as unreachable; the probe is left
    to finish in a background thread."""
    answer: list[bool] = []
    done = threading.Event()

    def probe() -> None:
        try:
            answer.append(reachable(location))
        finally:
            done.set()

    threading.Thread(target=probe, name="sync-probe", daemon=True).start()
    return done.wait(seconds) and answer == [True]


@dataclass(frozen=True)
class SyncStatus:
    last_sync: datetime | None
    unsent: int
    conflicts: int


def _connect(path: Path) -> sqlite3.Connection:
    return local.connect(path)


def status(path: Path) -> SyncStatus:
    con = _connect(path)
    try:
        last = local.get(con, "last_sync")
        unsent = local.pending_count(con) + int(con.execute(
            "SELECT count(*) FROM sync_published WHERE published=0").fetchone()[0])
        conflicts = int(con.execute("SELECT count(*) FROM sync_conflicts").fetchone()[0])
    finally:
        con.close()
    when = datetime.fromtimestamp(int(last), UTC) if last else None
    return SyncStatus(when, unsent, conflicts)


def self_check(folder: Path, out: list[str]) -> list[str]:
    """Two new workstations synchronise one record through a new folder; the problems."""
    from imc_desktop import db
    from imc_desktop.sync.sealing import new_passphrase

    store, first, second = folder / "store", folder / "a.sqlite", folder / "b.sqlite"
    store.mkdir(parents=True, exist_ok=True)
    try:
        for path in (first, second):
            db.prepare_database(path, folder / "backups")
        con = local.connect(first)
        con.execute("INSERT INTO persons (id, last_name, first_name, middle_name, sex, snils, "
                    "inn, phone, email, category, academic_degree, notes, created_at, "
                    "updated_at) VALUES ('check', 'Проверка', 'Связи', '', 'ж', '', '', '', "
                    "'', '', '', '', '2026-01-01', '2026-01-01')")
        con.close()
        key = new_passphrase()  # the check's own folder has a key of its own
        pushed = run(first, store, "проверка", passphrase=key).pushed
        pulled = run(second, store, "проверка-2", passphrase=key).applied
    except (ServiceError, OSError, sqlite3.Error) as exc:
        return [f"синхронизация не работает: {exc}"]
    out.append(f"Синхронизация: отправлено {pushed}, получено {pulled}")
    return [] if pushed == pulled == 1 else ["синхронизация не передала запись"]


def passphrase_problem(text: str) -> str:
    """What is wrong with a typed sync key (a word not of the key's list, too few or too
    many words) in Russian; "" when it is ten words of the list."""
    from imc_desktop.sync.sealing import BadPassphrase, check_passphrase

    try:
        check_passphrase(text)
    except BadPassphrase as exc:
        return str(exc)
    return ""
