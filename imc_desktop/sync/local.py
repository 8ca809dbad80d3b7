"""The workstation's side: its database connection, named state, sealing local changes."""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from imc_desktop.sync.clock import HybridClock, make_key
from imc_desktop.sync.segment import Change

Row = tuple[str, str]


def connect(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(path, isolation_level=None, timeout=30, check_same_thread=False)
    con.execute("PRAGMA foreign_keys=ON")
    con.execute("PRAGMA busy_timeout=30000")
    return con


def back_to_wal(con: sqlite3.Connection) -> None:
    """The database in WAL mode, the program's: a sync stopped while it took a snapshot
    whole (`snapshot.written_once`) leaves it in rollback-journal mode. When another
    connection is reading it meanwhile, it stays so (without waiting) until the next time."""
    con.execute("PRAGMA busy_timeout=0")
    try:
        with suppress(sqlite3.OperationalError):
            con.execute("PRAGMA journal_mode=WAL")
    finally:
        con.execute("PRAGMA busy_timeout=30000")


@contextmanager
def applying(con: sqlite3.Connection) -> Iterator[None]:
    """One write transaction in which the triggers stay silent; rolled back on any error."""
    con.execute("BEGIN IMMEDIATE")
    try:
        con.execute("PRAGMA defer_foreign_keys=ON")
        con.execute("INSERT INTO sync_applying (flag) VALUES (1)")
        yield
        con.execute("DELETE FROM sync_applying")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def get(con: sqlite3.Connection, name: str, default: str = "") -> str:
    row = con.execute("SELECT value FROM sync_state WHERE name=?", (name,)).fetchone()
    return default if row is None else str(row[0])


def put(con: sqlite3.Connection, name: str, value: str) -> None:
    con.execute("INSERT INTO sync_state (name, value) VALUES (?, ?) "
                "ON CONFLICT(name) DO UPDATE SET value=excluded.value", (name, value))


def get_user() -> str:
    """The user logged in on this computer, as its operating system tells (empty when it
    cannot)."""
    from imc_desktop import identity

    try:
        return identity.login()
    except (identity.UnknownUser, OSError):
        return ""


#: sync_state's name for where this database lives: the computer and the file's full path
HOME = "home"
#: the home of a database put back from a backup: not at home, whatever its path
RESTORED = "restored"


def home_of(path: Path) -> str:
    """The computer's name and the file's full path: a copy of the database elsewhere, or
    under another computer's name, has another home."""
    import os
    import socket

    return f"{socket.gethostname()}|{os.path.normcase(str(Path(path).resolve()))}"


def mark_restored(con: sqlite3.Connection) -> None:
    """A database put back from a backup: its next sync takes a new site id."""
    if con.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='sync_state'"
                   ).fetchone():
        put(con, HOME, RESTORED)


def site_id(con: sqlite3.Connection) -> str:
    """This database's site id, made on first use."""
    site = get(con, "site")
    if not site:
        site = str(uuid.uuid4())
        con.execute("BEGIN IMMEDIATE")
        put(con, "site", site)
        con.execute("COMMIT")
    return site


def clock(con: sqlite3.Connection) -> HybridClock:
    return HybridClock(int(get(con, "clock", "0")))


def save_clock(con: sqlite3.Connection, value: HybridClock) -> None:
    put(con, "clock", str(value.last))
    put(con, "clock_wall", "")  # the next local change ticks past this value


def pending_count(con: sqlite3.Connection) -> int:
    """Records changed here and not yet sent (the audit trail's entries are not counted)."""
    return int(con.execute("SELECT count(DISTINCT table_name || row_id) FROM sync_pending "
                           "WHERE table_name NOT IN ('audit_log')").fetchone()[0])


def seed(con: sqlite3.Connection, tables: dict[str, list[str]], everything: bool) -> None:
    """Queue records as created: all of them, or those no change is known of (made before
    this database first synchronised)."""
    for table in tables:
        where = "" if everything else (
            " WHERE id NOT IN (SELECT row_id FROM sync_versions WHERE table_name=? "
            "AND kind='e')")
        con.execute(f"INSERT INTO sync_pending (table_name, row_id, op, column_name) "
                    f"SELECT ?, id, 'I', '' FROM \"{table}\"{where}",
                    (table,) if everything else (table, table))


def pending_columns(con: sqlite3.Connection) -> dict[Row, set[str]]:
    """Unsealed local changes: columns per record ("*" for a creation or deletion)."""
    found: dict[Row, set[str]] = {}
    for table, row, op, column in con.execute(
            "SELECT table_name, row_id, op, column_name FROM sync_pending"):
        if op in ("I", "D", "U"):
            found.setdefault((table, row), set()).add(column if op == "U" else "*")
    return found


@dataclass
class Sealed:
    changes: list[Change]
    last_seq: int  # the last sync_pending entry taken


def _winners(con: sqlite3.Connection, table: str, row: str) -> dict[str, str]:
    return dict(con.execute("SELECT column_name, max(key) FROM sync_versions WHERE "
                            "table_name=? AND row_id=? AND kind='v' GROUP BY column_name",
                            (table, row)).fetchall())


def _current(con: sqlite3.Connection, table: str, row: str) -> dict[str, Any] | None:
    cur = con.execute(f'SELECT * FROM "{table}" WHERE id=?', (row,))
    found = cur.fetchone()
    if found is None:
        return None
    return {d[0]: v for d, v in zip(cur.description, found, strict=True) if d[0] != "id"}


def _known(con: sqlite3.Connection, table: str, row: str) -> bool:
    return con.execute("SELECT 1 FROM sync_versions WHERE table_name=? AND row_id=? AND "
                       "kind='e' LIMIT 1", (table, row)).fetchone() is not None


Op = tuple[str, str, str | None, str | None, int | None]  # op, column, seen, value, clock


def _stamped(line: Change, clock: int | None) -> Change:
    """A line with the clock its change was made at (none: the segment's clock)."""
    return line if clock is None else {**line, "c": clock}


def _versions(con: sqlite3.Connection, table: str, row: str, seen: str | None) -> Any:
    """What an insert or a delete had seen: recorded when it was made, or (a change recorded
    before changes were stamped) the field versions now."""
    return json.loads(seen) if seen and seen.startswith("{") else _winners(con, table, row)


def _updates(table: str, row: str, current: dict[str, Any], ops: list[Op]) -> list[Change]:
    """Changed fields, one line per clock: each field's value now, the clock of its last
    edit and the version its first edit overwrote."""
    seen: dict[str, str | None] = {}
    clocks: dict[str, int | None] = {}
    for op, column, seen_key, _v, clock in ops:
        if op == "U" and column in current:
            seen.setdefault(column, seen_key)
            clocks[column] = clock
    lines: list[Change] = []
    for clock in dict.fromkeys(clocks.values()):
        columns = [c for c in seen if clocks[c] == clock]
        lines.append(_stamped({"t": table, "r": row, "op": "u",
                               "v": {c: current[c] for c in columns},
                               "s": {c: seen[c] for c in columns if seen[c] is not None}},
                              clock))
    return lines


def _resurrection(con: sqlite3.Connection, table: str, row: str, current: dict[str, Any],
                  ops: list[Op]) -> Change:
    """A record re-inserted with an id known here (a restored conflict, raw SQL, an import):
    its existence is new; a field keeps its own version when it has the value of the latest
    version known here or of the version the record showed when it was deleted, so that the
    edits made elsewhere meanwhile stay current. A changed field is an edit of the version the
    record showed when deleted (never of the newer ones it did not show). A field set after
    the re-insert (a restored conflict) is an edit even when it has the current value: of the
    version it replaced, so that a re-insert elsewhere cannot silently undo it."""
    versions = con.execute("SELECT column_name, key, value FROM sync_versions WHERE "
                           "table_name=? AND row_id=? AND kind='v' ORDER BY key",
                           (table, row)).fetchall()
    values = {c: json.loads(v) for c, _k, v in versions}  # the latest version of each
    shown = _shown(con, table, row, ops)
    was = {c: json.loads(v) for c, k, v in versions if shown.get(c) == k}
    after: dict[str, str | None] = {}
    for op, column, seen, _v, _clock in ops[_last_insert(ops):]:
        if op == "U" and column in current:
            after.setdefault(column, seen)
    shown.update({c: k for c, k in after.items() if k is not None})
    changed = [c for c, v in current.items() if c in after or c not in values
               or (values[c] != v and (c not in was or was[c] != v))]
    return {"t": table, "r": row, "op": "i", "v": {c: current[c] for c in changed},
            "s": {c: shown[c] for c in changed if c in shown},
            "c": max(o[4] for o in ops if o[4] is not None)}


def _shown(con: sqlite3.Connection, table: str, row: str, ops: list[Op]) -> dict[str, str]:
    """The field versions the record showed when it was last deleted: by a delete not sent
    yet, or by the latest deletion known here."""
    deletes = [o for o in ops[:_last_insert(ops)] if o[0] == "D" and o[2]]
    if deletes and str(deletes[-1][2]).startswith("{"):
        return dict(json.loads(str(deletes[-1][2])))
    tomb = con.execute("SELECT versions FROM sync_tombstones WHERE table_name=? AND row_id=? "
                       "ORDER BY key DESC LIMIT 1", (table, row)).fetchone()
    return dict(json.loads(tomb[0])) if tomb else {}


def _last_insert(ops: list[Op]) -> int:
    return max(i for i, o in enumerate(ops) if o[0] == "I")


def _line(con: sqlite3.Connection, table: str, row: str, ops: list[Op]) -> list[Change]:
    lines: list[Change] = []
    current = _current(con, table, row)
    kinds = {op for op, *_ in ops}
    if current is not None and "I" in kinds and [o for o in ops if o[0] == "I"][-1][4] \
            is not None and _known(con, table, row):
        lines.append(_resurrection(con, table, row, current, ops))
    elif current is not None and "I" in kinds:
        last = [o for o in ops if o[0] == "I"][-1]
        clocks = [o[4] for o in ops if o[4] is not None]
        lines.append(_stamped({"t": table, "r": row, "op": "i", "v": current,
                               "s": _versions(con, table, row, last[2])},
                              max(clocks) if last[4] is not None and clocks else None))
    elif current is not None:
        lines.extend(_updates(table, row, current, ops))
    elif "D" in kinds and (_known(con, table, row) or "I" not in kinds):
        _op, _c, seen, content, clock = [o for o in ops if o[0] == "D"][-1]
        lines.append(_stamped({"t": table, "r": row, "op": "d",
                               "v": json.loads(content or "{}"),
                               "s": _versions(con, table, row, seen)}, clock))
    lines.extend(_markers(table, row, ops))
    return lines


def _markers(table: str, row: str, ops: list[Op]) -> list[Change]:
    """Settled conflicts: the versions marked as seen, with the clock of the last one."""
    markers: dict[str, list[str]] = {}
    clocks: list[int] = []
    for op, column, seen_key, _v, clock in ops:
        if op == "S" and seen_key:
            markers.setdefault(column, []).append(seen_key)
            clocks += [clock] if clock is not None else []
    if not markers:
        return []
    return [_stamped({"t": table, "r": row, "op": "s", "s": markers},
                     max(clocks) if clocks else None)]


def collect(con: sqlite3.Connection, tables: dict[str, list[str]],
            tick: Callable[[int, int], None] | None = None) -> Sealed:
    """The pending local changes as segment lines (one line per record and kind);
    `tick(done, total)` after each record (for progress)."""
    grouped: dict[Row, list[Op]] = {}
    last = 0
    for seq, table, row, op, column, seen, value, clock in con.execute(
            "SELECT seq, table_name, row_id, op, column_name, seen, value, clock "
            "FROM sync_pending ORDER BY seq"):
        last = seq
        if table in tables:
            grouped.setdefault((table, row), []).append((op, column, seen, value, clock))
    changes: list[Change] = []
    for done, ((table, row), ops) in enumerate(grouped.items(), 1):
        changes.extend(_line(con, table, row, ops))
        if tick is not None:
            tick(done, len(grouped))
    return Sealed(changes, last)


def new_key(con: sqlite3.Connection, site: str, wall_ms: int) -> tuple[int, str]:
    """Tick the clock for a new segment: its clock value and key."""
    ticked = clock(con).tick(wall_ms)
    save_clock(con, ticked)
    return ticked.last, make_key(ticked.last, site)
