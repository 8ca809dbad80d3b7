"""The audit trail of personal data (152-ФЗ): changes of records, views of СНИЛС/ИНН, of the
journal and the conflicts, every export, restores and changes of roles.

Each entry is appended to this workstation's hash chain (models.access.AuditEntry): entry
`seq` holds the SHA-256 of entry `seq - 1`. The table travels with the synchronisation, so
every PC holds every PC's chain and :func:`verify` (run by `imc-desktop check` and by
Сервис → Проверить базу) names an entry that was changed, removed or slipped in, on
whichever PC looks. Triggers refuse UPDATE and DELETE of the table; the chain catches what
gets past them (the file edited with another tool).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import event, select, text
from sqlalchemy.orm import Session

from imc_desktop import clock, identity
from imc_desktop.db import Database, session_scope
from imc_desktop.errors import ServiceError
from imc_desktop.storage_errors import storage_failure
from models.access import AuditEntry
from models.base import new_id

#: how SQLAlchemy stores a DateTime in SQLite (the hash is of the text kept in the file)
STORED_FORMAT = "%Y-%m-%d %H:%M:%S.%f"
_TAIL = "audit_tail"  # Session.info: (seq, hash) of this PC's chain within a unit of work
HIGH = "audit_high"  # sync_state: the highest seq this PC has written (a cut tail shows)

VIEW = "просмотр"
EXPORT = "выгрузка"
CHANGE = "изменение данных"


@dataclass(frozen=True)
class AuditRow:
    at: datetime
    user_name: str
    workstation: str
    action: str
    subject: str
    detail: str
    persons: int


def entry_hash(fields: dict[str, object]) -> str:
    """The SHA-256 of an entry's fields (their stored text) and of the previous hash."""
    data = json.dumps(fields, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


HASHED = ("id", "site", "seq", "at", "user_name", "workstation", "action", "subject",
          "detail", "persons", "prev_hash")


def _site(session: Session) -> str:
    with session.no_autoflush:
        found = session.execute(text("SELECT value FROM sync_state WHERE name='site'")).scalar()
    if found:
        return str(found)
    site = new_id()
    session.execute(text("INSERT INTO sync_state (name, value) VALUES ('site', :v)"),
                    {"v": site})
    return site


def _tail(session: Session) -> tuple[str, int, str]:
    """(site, seq, hash) of this PC's last entry; read once per unit of work."""
    cached = session.info.get(_TAIL)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    site = _site(session)
    with session.no_autoflush:
        row = session.execute(select(AuditEntry.seq, AuditEntry.hash).where(
            AuditEntry.site == site).order_by(AuditEntry.seq.desc()).limit(1)).first()
    event.listen(session, "before_commit", _write_high, once=True)
    return (site, int(row[0]), str(row[1])) if row else (site, 0, "")


def _write_high(session: Session) -> None:
    """Remember the highest entry written here, so that a tail cut off is noticed."""
    site, seq, _hash = session.info[_TAIL]
    session.execute(text("INSERT INTO sync_state (name, value) VALUES (:n, :v) ON CONFLICT"
                         "(name) DO UPDATE SET value=excluded.value"),
                    {"n": HIGH, "v": f"{site}:{seq}"})


class JournalUnavailable(ServiceError):
    """A view or export of an archive cannot be entered in the audit trail: not shown."""


def append(session: Session, action: str, subject: str = "", detail: str = "",
           persons: int = 0) -> AuditEntry | None:
    """Add an entry to this PC's chain inside the caller's unit of work; with an archive
    open, to the chain of the workstation's own database at once (JournalUnavailable)."""
    from imc_desktop import db

    current = db.current_or_none()
    if current is not None and current.read_only:
        _append_to_journal(current, action, subject, detail, persons)
        return None
    return _append_here(session, action, subject, detail, persons)


def _append_here(session: Session, action: str, subject: str, detail: str,
                 persons: int) -> AuditEntry:
    site, seq, prev = _tail(session)
    at = clock.utc_now().replace(tzinfo=None)
    fields: dict[str, object] = {
        "id": new_id(), "site": site, "seq": seq + 1, "at": at.strftime(STORED_FORMAT),
        "user_name": identity.login(), "workstation": identity.workstation(),
        "action": action[:60], "subject": subject[:300], "detail": detail,
        "persons": int(persons), "prev_hash": prev}
    digest = entry_hash(fields)
    entry = AuditEntry(**{**fields, "at": at.replace(tzinfo=UTC)}, hash=digest)
    session.add(entry)
    session.info[_TAIL] = (site, seq + 1, digest)
    return entry


def record(action: str, subject: str = "", detail: str = "", persons: int = 0) -> None:
    """One entry in a unit of work of its own (a view, an export). With an archive open
    (it is never written), the entry goes to the workstation's own database."""
    from imc_desktop import db

    current = db.current()
    if current.read_only:
        _append_to_journal(current, action, subject, detail, persons)
        return
    with session_scope() as s:
        append(s, action, subject, detail, persons)


def _append_to_journal(archive: Database, action: str, subject: str, detail: str,
                       persons: int) -> None:
    """The entry of an archive's view or export, in the chain of the workstation's own
    database (`archive.journal`), naming the archive; JournalUnavailable when there is no
    such database or it cannot be written — then nothing is shown or exported."""
    from imc_desktop import db

    require_journal(archive)
    source = archive.source or archive.path
    journal = archive.journal
    assert journal is not None
    database = db.connect_database(journal)
    try:
        with database.sessions() as s:
            _append_here(s, action, subject, f"архив {source.name}: {detail}", persons)
            s.commit()
    except Exception as exc:
        failure = storage_failure(exc, journal)
        if failure is None:
            raise
        raise JournalUnavailable(f"Просмотр архива {source.name} не удалось записать в журнал "
                                 f"аудита рабочей базы: {failure}") from exc
    finally:
        database.close()


def require_journal(database: Database) -> None:
    """JournalUnavailable unless the entries of this archive's views and exports can be
    written (asked before an export, so that no file is written that goes unlogged)."""
    if not database.read_only:
        return
    source = database.source or database.path
    why = _journal_problem(database.journal, source)
    if why:
        raise JournalUnavailable(
            f"Просмотр и выгрузка персональных данных архива {source.name} записываются в "
            f"журнал аудита вашей рабочей базы, но {why}. Откройте программу на своей базе "
            "и повторите; архив не изменён.")


def _journal_problem(journal: Path | None, source: Path) -> str:
    """Why the workstation's database cannot take the entries of an archive ("" if it can)."""
    from imc_desktop import db

    if journal is None or not journal.exists():
        return f"рабочей базы нет ({journal})" if journal else "рабочая база не указана"
    if journal.resolve() == source.resolve():
        return "архив и есть рабочая база, а она доступна только для чтения"
    if not db.can_write(journal):
        return f"рабочая база {journal} доступна только для чтения"
    try:
        revision = db.check_compatible(journal)
    except db.DatabaseError as exc:
        return f"рабочую базу {journal} прочитать нельзя ({exc})"
    if revision != db.head_revision():
        return f"рабочая база {journal} сделана другой версией программы"
    return ""


def entries(limit: int = 20000) -> list[AuditRow]:
    """The trail, newest first, from every workstation."""
    with session_scope() as s:
        rows = s.scalars(select(AuditEntry).order_by(AuditEntry.at.desc(),
                                                     AuditEntry.seq.desc()).limit(limit))
        return [AuditRow(r.at, r.user_name, r.workstation, r.action, r.subject, r.detail,
                         r.persons) for r in rows]


# ---------------------------------------------------------------- verification

def verify(con: sqlite3.Connection) -> list[str]:
    """Problems of every chain in the file (empty when each is whole), in Russian."""
    if not con.execute("SELECT 1 FROM sqlite_master WHERE name='audit_log'").fetchone():
        return []
    cur = con.execute(f"SELECT {', '.join(HASHED)}, hash FROM audit_log ORDER BY site, seq")
    names = [d[0] for d in cur.description]
    chains: dict[str, list[dict[str, object]]] = {}
    for values in cur:
        row = dict(zip(names, values, strict=True))
        chains.setdefault(str(row["site"]), []).append(row)
    high = con.execute("SELECT value FROM sync_state WHERE name=?", (HIGH,)).fetchone()
    problems: list[str] = []
    for site, rows in chains.items():
        problems += _verify_chain(site, rows)
    if high and ":" in str(high[0]):
        site, _, top = str(high[0]).rpartition(":")
        last = max((int(str(r["seq"])) for r in chains.get(site, [])), default=0)
        if last < int(top):
            problems.append(f"Журнал аудита этого компьютера: последние записи "
                            f"№ {last + 1}–{top} удалены.")
    return problems


def _where(row: dict[str, object]) -> str:
    return (f"запись № {row['seq']} от {str(row['at'])[:16]} ({row['workstation']}, "
            f"{row['user_name']}, «{row['action']}»)")


def _verify_chain(site: str, rows: list[dict[str, object]]) -> list[str]:
    problems: list[str] = []
    prev_hash, expected = "", 1
    pc = str(rows[-1]["workstation"]) or site[:8]
    for row in rows:
        seq = int(str(row["seq"]))
        if seq > expected:
            problems.append(f"Журнал аудита компьютера «{pc}»: нет записей № {expected}"
                            + (f"–{seq - 1}" if seq - 1 > expected else "")
                            + " (удалены).")
        elif seq < expected:
            problems.append(f"Журнал аудита компьютера «{pc}»: {_where(row)} повторяется "
                            "(вставлена).")
        fields = {k: row[k] for k in HASHED}
        if entry_hash(fields) != row["hash"]:
            problems.append(f"Журнал аудита компьютера «{pc}»: {_where(row)} изменена.")
        elif seq == expected and row["prev_hash"] != prev_hash:
            problems.append(f"Журнал аудита компьютера «{pc}»: {_where(row)} не продолжает "
                            "предыдущую (цепочка нарушена).")
        prev_hash, expected = str(row["hash"]), seq + 1
    return problems


def verify_file(path: Path) -> list[str]:
    con = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        return verify(con)
    except sqlite3.DatabaseError:
        return []  # the integrity check reports a damaged file
    finally:
        con.close()
