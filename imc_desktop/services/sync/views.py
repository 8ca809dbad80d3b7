"""What the user sees of synchronisation: conflicts (keep / restore) and the journal of
changes (who changed what, where and when — per record and overall)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from imc_desktop import clock
from imc_desktop.services.common import notifier
from imc_desktop.services.common.errors import InUse, NotFound, ServiceError
from imc_desktop.services.sync.titles import field_title, shown_value, table_title
from imc_desktop.sync import local, merge
from imc_desktop.sync.clock import key_clock, key_site, physical_ms
from imc_desktop.sync.tables import children_of, parents_of, synced_tables
from imc_desktop.sync.triggers import TICK

KINDS = {"field": "изменено на обоих местах", "deleted": "изменена удалённая запись",
         "kept": "удаление отменено: есть новые связанные записи",
         "invalid": "недопустимое значение не применено"}
LABEL_COLUMNS = ("short_name", "last_name", "name", "title", "program", "position", "number",
                 "kind")
JOURNAL_LIMIT = 5000


@dataclass(frozen=True)
class ConflictRow:
    id: int
    table: str
    record: str
    field: str
    kind: str
    kept_value: str
    other_value: str
    kept_by: str
    other_by: str
    kept_at: datetime | None
    other_at: datetime | None


@dataclass(frozen=True)
class JournalEntry:
    id: str
    changed_at: datetime
    workstation: str
    user_name: str
    table: str
    record: str
    action: str
    field: str
    value: str


def _when(key: str) -> datetime | None:
    return datetime.fromtimestamp(physical_ms(key_clock(key)) / 1000, UTC) if key else None


class _Names:
    """Workstation and user of a change, by its site and segment."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self.site = local.get(con, "site")
        self.own = local.get(con, "workstation", "этот компьютер")
        self.known = {(s, q): (w, u) for s, q, w, u in con.execute(
            "SELECT site, seq, workstation, user_name FROM sync_applied")}
        self.by_site = {s: w for (s, _q), (w, _u) in self.known.items() if w}

    def of(self, site: str, seq: int | None = None) -> tuple[str, str]:
        if site == self.site:
            return self.own, local.get_user()
        if seq is not None and (site, seq) in self.known:
            return self.known[(site, seq)]
        return self.by_site.get(site, site[:8]), ""


def _cached(labels: dict[tuple[str, str], str], con: sqlite3.Connection, table: str,
            row: str) -> str:
    if (table, row) not in labels:
        labels[(table, row)] = _label(con, table, row)
    return labels[(table, row)]


def _label(con: sqlite3.Connection, table: str, row: str) -> str:
    cur = con.execute(f'SELECT * FROM "{table}" WHERE id=?', (row,))
    found = cur.fetchone()
    if found is not None:
        content = {d[0]: v for d, v in zip(cur.description, found, strict=True)}
    else:
        tomb = con.execute("SELECT content FROM sync_tombstones WHERE table_name=? AND "
                           "row_id=? ORDER BY key DESC LIMIT 1", (table, row)).fetchone()
        content = json.loads(tomb[0]) if tomb else {}
    if table != "persons" and content.get("person_id"):
        own = next((str(content[c]) for c in LABEL_COLUMNS if content.get(c)), "")
        person = _label(con, "persons", str(content["person_id"]))
        return f"{person}: {own}" if own else person
    if content.get("last_name"):
        return " ".join(str(content.get(c) or "") for c in
                        ("last_name", "first_name", "middle_name")).strip()
    if content.get("inventory_number"):
        return f"{content['inventory_number']} {content.get('name') or ''}".strip()
    for column in LABEL_COLUMNS:
        if content.get(column):
            return str(content[column])
    return row[:8]


def conflicts(path: Path) -> list[ConflictRow]:
    con = local.connect(path)
    try:
        names = _Names(con)
        rows = con.execute("SELECT id, table_name, row_id, column_name, kind, loser_key, "
                           "loser_value, winner_key, winner_value FROM sync_conflicts "
                           "ORDER BY id").fetchall()
        return [_conflict_row(con, names, *r) for r in rows]
    finally:
        con.close()


def _conflict_row(con: sqlite3.Connection, names: _Names, ident: int, table: str, row: str,
                  column: str, kind: str, loser: str, loser_value: str | None, winner: str,
                  winner_value: str | None) -> ConflictRow:
    return ConflictRow(ident, table_title(table), _label(con, table, row),
                       field_title(column, table),
                       KINDS.get(kind, kind), shown_value(table, column, winner_value),
                       shown_value(table, column, loser_value),
                       names.of(key_site(winner))[0] if winner else "",
                       names.of(key_site(loser))[0], _when(winner), _when(loser))


def _conflict(con: sqlite3.Connection, ident: int) -> tuple[Any, ...]:
    found = con.execute("SELECT table_name, row_id, column_name, kind, loser_key, loser_value "
                        "FROM sync_conflicts WHERE id=?", (ident,)).fetchone()
    if found is None:
        raise NotFound("Конфликт уже решён или исчез после синхронизации.")
    return tuple(found)


def _stamp(con: sqlite3.Connection) -> int:
    """The hybrid clock ticked for a change made now (as the triggers tick it)."""
    for statement in TICK:
        con.execute(statement)
    return int(local.get(con, "clock", "0"))


def _settled(con: sqlite3.Connection, ident: int, table: str, row: str, column: str,
             loser: str) -> None:
    con.execute("INSERT INTO sync_pending (table_name, row_id, op, column_name, seen, clock) "
                "VALUES (?,?,'S',?,?,?)", (table, row, column, loser, _stamp(con)))
    con.execute("DELETE FROM sync_conflicts WHERE id=?", (ident,))


def keep(path: Path, ident: int) -> None:
    """Keep the current value (or the deletion); the other one is marked as seen."""
    _resolve(path, ident, _keep)


def _keep(con: sqlite3.Connection, ident: int) -> None:
    table, row, column, kind, loser, _value = _conflict(con, ident)
    if kind == "kept":
        con.execute("INSERT INTO sync_pending (table_name, row_id, op, column_name, clock) "
                    "VALUES (?,?,'I','',?)", (table, row, _stamp(con)))
        con.execute("DELETE FROM sync_conflicts WHERE id=?", (ident,))
    else:
        _settled(con, ident, table, row, column, loser)


def restore(path: Path, ident: int) -> None:
    """Put the other value back; a deleted record comes back with its deleted parents and
    the children deleted with it."""
    _resolve(path, ident, _restore)
    notifier.notify(synced_tables())


def _restore(con: sqlite3.Connection, ident: int) -> None:
    table, row, column, kind, loser, value = _conflict(con, ident)
    if kind == "kept":
        try:
            con.execute(f'DELETE FROM "{table}" WHERE id=?', (row,))
        except sqlite3.IntegrityError as exc:
            raise InUse("Запись нельзя удалить: на неё ссылаются другие записи. "
                        "Удалите или перенесите их сначала.") from exc
        con.execute("DELETE FROM sync_conflicts WHERE id=?", (ident,))
        return
    if kind == "invalid":
        found = merge.refusal(merge.column_types(con, table).get(column, ""), value)
        raise ServiceError(f"Это значение нельзя вернуть: {found or 'недопустимое значение'}. "
                           "Оставьте текущее и исправьте поле в карточке.")
    seen: set[tuple[str, str]] = set()
    if kind == "deleted" or not _exists(con, table, row):  # also deleted here, not sent yet
        _undelete(con, table, row, seen)
    other = json.loads(value)
    _restore_parents(con, table, {column: other}, seen)  # a value naming a deleted record
    con.execute(f'UPDATE "{table}" SET "{column}"=? WHERE id=?', (other, row))
    _settled(con, ident, table, row, column, loser)


def _resolve(path: Path, ident: int,
             action: Callable[[sqlite3.Connection, int], None]) -> None:
    """Run `action` on conflict `ident` in one transaction: all of it, or nothing and a
    ServiceError in Russian naming the record and the field."""
    what = ""
    try:
        con = local.connect(path)
        try:
            what = _describe(con, ident)
            con.execute("BEGIN IMMEDIATE")
            action(con, ident)
            con.execute("COMMIT")
        finally:
            try:
                if con.in_transaction:
                    con.execute("ROLLBACK")
            finally:
                con.close()
    except sqlite3.Error as exc:
        raise ServiceError(_failure(what, exc)) from exc


def _describe(con: sqlite3.Connection, ident: int) -> str:
    """The list, record and field of a conflict, for a message (empty when unknown)."""
    try:
        found = con.execute("SELECT table_name, row_id, column_name FROM sync_conflicts "
                            "WHERE id=?", (ident,)).fetchone()
        if found is None:
            return ""
        table, row, column = found
        what = f"список «{table_title(table)}», запись «{_label(con, table, row)}»"
        return what + (f", поле «{field_title(column, table)}»" if column else "")
    except sqlite3.Error:
        return ""


def _failure(what: str, exc: sqlite3.Error) -> str:
    text = str(exc).lower()
    if isinstance(exc, sqlite3.OperationalError) and ("locked" in text or "busy" in text):
        cause = "база данных занята другой программой или синхронизацией"
    elif isinstance(exc, sqlite3.IntegrityError):
        cause = f"запись нарушает связи или ограничения базы данных ({exc})"
    else:
        cause = f"ошибка базы данных ({exc})"
    where = f" ({what})" if what else ""
    return f"Конфликт не решён{where}: {cause}. Ничего не изменено; повторите позже."


def _undelete(con: sqlite3.Connection, table: str, row: str,
              seen: set[tuple[str, str]]) -> None:
    """Bring a deleted record back: its deleted parents first, then the record, then the
    children deleted together with it."""
    if (table, row) in seen or _exists(con, table, row):
        return
    seen.add((table, row))
    pending = con.execute("SELECT value, clock FROM sync_pending WHERE table_name=? AND "
                          "row_id=? AND op='D' ORDER BY seq DESC LIMIT 1", (table, row)).fetchone()
    if pending is not None and pending[0]:  # deleted here and not sent yet: no tombstone
        key, content = "", json.loads(pending[0])
    else:
        key, content = _tombstone(con, table, row)
    content = {**content, **_latest(con, table, row)}
    _restore_parents(con, table, content, seen)
    if _exists(con, table, row):
        return  # it came back with a parent deleted at the same time
    columns = [c for c in content if c in _columns(con, table)]
    con.execute(f'INSERT INTO "{table}" ({", ".join(chr(34) + c + chr(34) for c in columns)}) '
                f'VALUES ({", ".join("?" for _ in columns)})', [content[c] for c in columns])
    for link in children_of(table):  # the children deleted by the same action
        found = con.execute(
            "SELECT row_id FROM sync_tombstones WHERE table_name=? AND key=? AND "
            f"json_extract(content, '$.{link.column}')=?", (link.table, key, row)
        ).fetchall() if key else con.execute(
            "SELECT row_id FROM sync_pending WHERE table_name=? AND op='D' AND clock=? AND "
            f"json_extract(value, '$.{link.column}')=?", (link.table, pending[1], row)
        ).fetchall()
        for (child,) in found:
            _undelete(con, link.table, child, seen)


def _latest(con: sqlite3.Connection, table: str, row: str) -> dict[str, Any]:
    """The record's fields at their latest versions known here: a restored record comes back
    as it stands, with the edits made to it while it was deleted, each keeping its own
    version (only the restored field is a new edit)."""
    return {c: json.loads(v) for c, v in merge.row_state(con, table, row).values.items()}


def _restore_parents(con: sqlite3.Connection, table: str, content: dict[str, Any],
                     seen: set[tuple[str, str]]) -> None:
    """The records `content` refers to by its foreign keys, brought back if deleted."""
    for column, parent in parents_of(table):
        value = content.get(column)
        if value is not None and not _exists(con, parent, str(value)):
            _undelete(con, parent, str(value), seen)


def _tombstone(con: sqlite3.Connection, table: str, row: str) -> tuple[str, dict[str, Any]]:
    """The key of a record's deletion and its last full content."""
    tomb = con.execute("SELECT key, content FROM sync_tombstones WHERE table_name=? AND "
                       "row_id=? ORDER BY key DESC LIMIT 1", (table, row)).fetchone()
    if tomb is None:
        raise NotFound(f"Содержимое удалённой записи списка «{table_title(table)}» не "
                       "сохранилось; восстановить её нельзя.")
    return str(tomb[0]), json.loads(tomb[1])


def _exists(con: sqlite3.Connection, table: str, row: str) -> bool:
    return con.execute(f'SELECT 1 FROM "{table}" WHERE id=?', (row,)).fetchone() is not None


def _columns(con: sqlite3.Connection, table: str) -> set[str]:
    return {str(r[1]) for r in con.execute(f'PRAGMA table_info("{table}")')}


def journal(path: Path, row: str | None = None) -> list[JournalEntry]:
    """Changes newest first: of one record, or the latest ones overall."""
    con = local.connect(path)
    try:
        names = _Names(con)
        where = "AND row_id=?" if row else ""
        found = con.execute(
            "SELECT table_name, row_id, column_name, kind, key, value, site, segment "
            f"FROM sync_versions WHERE kind IN ('v', 'e') {where} "
            "ORDER BY key DESC, kind DESC LIMIT ?",
            (row, JOURNAL_LIMIT) if row else (JOURNAL_LIMIT,)).fetchall()
        made = _existence_keys(con, {(t, r) for t, r, *_rest in found})
        labels: dict[tuple[str, str], str] = {}
        entries = []
        for table, ident, column, kind, key, value, site, seq in found:
            created = (table, ident, key) in made
            label = _cached(labels, con, table, ident)
            parent = dict(parents_of(table)).get(column)
            shown = shown_value(table, column, value) if kind == "v" else ""
            if parent and shown:
                shown = _cached(labels, con, parent, shown)
            who, user = names.of(site, seq)
            if kind == "e":
                action = "создание" if value == "1" else "удаление"
            else:
                action = "создание" if created else "изменение"
            entries.append(JournalEntry(f"{key}/{table}/{ident}/{column}", _when(key) or
                                        clock.utc_now(), who, user, table_title(table),
                                        label, action, field_title(column, table),
                                        shown))
        return entries
    finally:
        con.close()


def _existence_keys(con: sqlite3.Connection,
                    rows: set[tuple[str, str]]) -> set[tuple[str, str, str]]:
    """(table, row, key) of the creations and deletions of these records."""
    found: set[tuple[str, str, str]] = set()
    for table, row in rows:
        found.update((table, row, str(k)) for (k,) in con.execute(
            "SELECT key FROM sync_versions WHERE table_name=? AND row_id=? AND kind='e'",
            (table, row)))
    return found


def log_opened(view: str, record: str | None = None) -> None:
    """The journal and the conflicts show personal data: opening them goes to the audit
    trail (152-ФЗ)."""
    from imc_desktop.services.common import audit

    audit.record(audit.VIEW, view, f"запись {record[:8]}" if record else "все записи")
