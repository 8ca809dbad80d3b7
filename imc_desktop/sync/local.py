"""The workstation's side: its database connection, named state, sealing local changes."""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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
    """The user logged in on this computer (empty when the system cannot tell)."""
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


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


def pending_count(con: sqlite3.Connection) -> int:
    return int(con.execute("SELECT count(DISTINCT table_name || row_id) FROM sync_pending")
               .fetchone()[0])


def seed(con: sqlite3.Connection, tables: dict[str, list[str]], everything: bool) -> None:
    """Queue records as created: all of them, or those no change is known of (made before
    this database first synchronised)."""
    for table in tables:
        where = "" if everything else (
            " WHERE id NOT IN (SELECT row_id FROM sync_changes WHERE table_name=? "
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
    return dict(con.execute("SELECT column_name, max(key) FROM sync_changes WHERE "
                            "table_name=? AND row_id=? AND kind='v' GROUP BY column_name",
                            (table, row)).fetchall())


def _current(con: sqlite3.Connection, table: str, row: str) -> dict[str, Any] | None:
    cur = con.execute(f'SELECT * FROM "{table}" WHERE id=?', (row,))
    found = cur.fetchone()
    if found is None:
        return None
    return {d[0]: v for d, v in zip(cur.description, found, strict=True) if d[0] != "id"}


def _known(con: sqlite3.Connection, table: str, row: str) -> bool:
    return con.execute("SELECT 1 FROM sync_changes WHERE table_name=? AND row_id=? AND "
                       "kind='e' LIMIT 1", (table, row)).fetchone() is not None


def _line(con: sqlite3.Connection, table: str, row: str,
          ops: list[tuple[str, str, str | None, str | None]]) -> list[Change]:
    lines: list[Change] = []
    current = _current(con, table, row)
    kinds = {op for op, *_ in ops}
    if current is not None and "I" in kinds:
        lines.append({"t": table, "r": row, "op": "i", "v": current,
                      "s": _winners(con, table, row)})
    elif current is not None:
        seen: dict[str, Any] = {}
        for op, column, seen_key, _v in ops:
            if op == "U" and column in current and column not in seen:
                seen[column] = seen_key
        if seen:
            lines.append({"t": table, "r": row, "op": "u",
                          "v": {c: current[c] for c in seen},
                          "s": {c: k for c, k in seen.items() if k is not None}})
    elif "D" in kinds and (_known(con, table, row) or "I" not in kinds):
        content = [v for op, _c, _s, v in ops if op == "D"][-1]
        lines.append({"t": table, "r": row, "op": "d", "v": json.loads(content or "{}"),
                      "s": _winners(con, table, row)})
    markers: dict[str, list[str]] = {}
    for op, column, seen_key, _v in ops:
        if op == "S" and seen_key:
            markers.setdefault(column, []).append(seen_key)
    if markers:
        lines.append({"t": table, "r": row, "op": "s", "s": markers})
    return lines


def collect(con: sqlite3.Connection, tables: dict[str, list[str]],
            tick: Callable[[int, int], None] | None = None) -> Sealed:
    """The pending local changes as segment lines (one line per record and kind);
    `tick(done, total)` after each record (for progress)."""
    grouped: dict[Row, list[tuple[str, str, str | None, str | None]]] = {}
    last = 0
    for seq, table, row, op, column, seen, value in con.execute(
            "SELECT seq, table_name, row_id, op, column_name, seen, value FROM sync_pending "
            "ORDER BY seq"):
        last = seq
        if table in tables:
            grouped.setdefault((table, row), []).append((op, column, seen, value))
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
