"""Merging: storing changes as field versions, and bringing records to their merged state.

The state of a record is a function of the set of its known changes, so any order and any
duplication of segments give the same records and the same conflicts:

- existence: the greatest (clock, site) among creations, deletions and restorations;
- a field: the greatest (clock, site) among its values;
- a change is *seen* when another change was made on top of it, a deletion's author had it,
  or a user settled its conflict; an unseen change that is not the current value is a
  conflict (of a deleted record: every unseen change);
- a deleted record that still has live children is kept and flagged.
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from imc_desktop.sync.clock import make_key
from imc_desktop.sync.segment import Change, number
from imc_desktop.sync.tables import children_of, parents_of

Row = tuple[str, str]  # (table, row id)
#: columns every edit changes: the latest wins, but they are never a conflict of their own
BOOKKEEPING = frozenset({"updated_at"})


@dataclass
class Outcome:
    """What a merge did: rows written, kept parents, rows kept aside for lack of a parent."""

    touched: set[Row] = field(default_factory=set)
    held: list[tuple[Row, str]] = field(default_factory=list)  # (row, unknown columns line)


def change_rows(change: Change, key: str, site: str, seq: int,
                known: dict[str, list[str]]) -> tuple[list[tuple[Any, ...]], Change | None]:
    """Rows of sync_changes for one change line; the part naming unknown columns, if any.
    A line stamped with its own clock ("c") has its own key; others have the segment's."""
    table, row, op = change["t"], change["r"], change["op"]
    key = change_key(change, key, site)
    columns = set(known[table])
    values: dict[str, Any] = change.get("v") or {}
    seen: dict[str, Any] = change.get("s") or {}
    rows: list[tuple[Any, ...]] = []
    if op in ("i", "d"):
        rows.append((table, row, "", "e", key, "1" if op == "i" else "0", None, site, seq))
    if op in ("i", "u"):
        for col, value in values.items():
            if col in columns:
                rows.append((table, row, col, "v", key, json.dumps(value, ensure_ascii=False),
                             seen.get(col), site, seq))
    if op == "s":
        for col, keys in seen.items():
            for loser in keys:
                rows.append((table, row, col, "s", f"{key}/{loser}", None, loser, site, seq))
    unknown = {c: v for c, v in values.items() if c not in columns} if op != "d" else {}
    rest = {"t": table, "r": row, "op": "u", "v": unknown,
            "s": {c: seen[c] for c in unknown if c in seen}, **_clock_of(change)
            } if unknown else None
    return rows, rest


def change_key(change: Change, key: str, site: str) -> str:
    """The key of a change: its own clock when it has one, else the segment's key."""
    clock = change.get("c")
    return key if clock is None else make_key(int(clock), site)


def store(con: sqlite3.Connection, changes: Iterable[Change], key: str, site: str,
          seq: int, known: dict[str, list[str]]) -> list[Change]:
    """Record the changes of one segment (duplicates are ignored); the parts that name a
    column this database does not have, to be held back."""
    rows: list[tuple[Any, ...]] = []
    tombs: list[tuple[Any, ...]] = []
    rests: list[Change] = []
    for change in changes:
        found, rest = change_rows(change, key, site, seq, known)
        rows.extend(found)
        if rest is not None:
            rests.append(rest)
        if change["op"] == "d":
            tombs.append((change["t"], change["r"], change_key(change, key, site),
                          json.dumps(change.get("v") or {}, ensure_ascii=False),
                          json.dumps(change.get("s") or {})))
    con.executemany("INSERT OR IGNORE INTO sync_changes (table_name, row_id, column_name, "
                    "kind, key, value, seen, site, segment) VALUES (?,?,?,?,?,?,?,?,?)", rows)
    con.executemany("INSERT OR IGNORE INTO sync_tombstones (table_name, row_id, key, content, "
                    "versions) VALUES (?,?,?,?,?)", tombs)
    return rests


def _clock_of(change: Change) -> dict[str, Any]:
    return {"c": change["c"]} if "c" in change else {}


@dataclass
class RowState:
    """The merged state of one record."""

    exists: bool | None  # None: its creation is not known here
    values: dict[str, Any]  # column -> JSON text of the winning value
    keys: dict[str, str]  # column -> winning key
    conflicts: list[tuple[Any, ...]]
    delete_key: str = ""


def row_state(con: sqlite3.Connection, table: str, row: str) -> RowState:
    changes = con.execute("SELECT column_name, kind, key, value, seen FROM sync_versions "
                          "WHERE table_name=? AND row_id=?", (table, row)).fetchall()
    seen: set[tuple[str, str]] = set()
    if any(kind == "e" and value == "0" for _c, kind, _k, value, _s in changes):
        for (versions,) in con.execute("SELECT versions FROM sync_tombstones "
                                       "WHERE table_name=? AND row_id=?", (table, row)):
            seen.update((col, k) for col, k in json.loads(versions).items())
    existence = max(((k, v) for c, kind, k, v, _s in changes if kind == "e"), default=None)
    values: dict[str, Any] = {}
    keys: dict[str, str] = {}
    types = column_types(con, table)
    refused: set[tuple[str, str]] = set()
    for col, kind, key, value, seen_key in changes:
        if seen_key is not None:
            seen.add((col, seen_key))
        if kind == "v" and refusal(types.get(col, ""), value):
            refused.add((col, key))  # never current: listed below unless seen
        elif kind == "v" and key > keys.get(col, ""):
            keys[col], values[col] = key, value
    exists = None if existence is None else existence[1] == "1"
    state = RowState(exists, values, keys, [], "" if existence is None or exists
                     else existence[0])
    listed: set[tuple[str, str]] = set()  # a version stored twice is listed once
    for col, kind, key, value, _s in changes:
        if kind != "v" or (col, key) in seen or (col, key) in listed:
            continue
        listed.add((col, key))
        if (col, key) in refused:
            state.conflicts.append((table, row, col, "invalid", key, value,
                                    keys.get(col, ""), values.get(col)))
            continue
        if col in BOOKKEEPING or (
                exists is not False and (keys[col] == key or values[col] == value)):
            continue  # the current value, seen, or the same value: nothing is lost
        winner_key = keys[col] if exists is not False else state.delete_key
        winner = values[col] if exists is not False else None
        state.conflicts.append((table, row, col, "field" if exists is not False else "deleted",
                                key, value, winner_key, winner))
    return state


# ---------------------------------------------------------------- values no column holds

TEXT_LIMIT = 20_000  # as the services' check (services/common/values.py)
NUMBER_LIMIT = 1e15
FIRST_YEAR, LAST_YEAR = 1900, 2100
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_types: dict[tuple[int, str], dict[str, str]] = {}


def column_types(con: sqlite3.Connection, table: str) -> dict[str, str]:
    """column -> its declared type in upper case ("DATE", "VARCHAR(200)", "FLOAT"...)."""
    key = (id(con), table)
    if key not in _types:
        _types[key] = {name: str(decl).upper() for _cid, name, decl, *_rest in
                       con.execute(f'PRAGMA table_info("{table}")')}
    return _types[key]


def refusal(decl: str, text: str | None) -> str:
    """Why a synchronised value (JSON text) is one the program never writes — a date out
    of 1900–2100, a number that is not finite or too large, a text with control characters
    or longer than any field — or "". Such a value (a file of a damaged or a hand-made
    segment, an edit made behind the program's back) never becomes current; it is listed
    among the conflicts. The services apply the same limits (services/common/values.py)."""
    if text is None or text in ("null", "true", "false"):
        return ""
    if text.startswith('"'):
        if decl.startswith("DATE") and len(text) >= 6 and number(text[1:5]) and not (
                FIRST_YEAR <= int(text[1:5]) <= LAST_YEAR):
            return f"дата вне {FIRST_YEAR}–{LAST_YEAR} годов"
        if len(text) > TEXT_LIMIT or "\\u00" in text or "\x7f" in text:
            value = json.loads(text)
            if isinstance(value, str) and len(value) > TEXT_LIMIT:
                return f"текст длиннее {TEXT_LIMIT} знаков"
            if isinstance(value, str) and _CONTROL.search(value):
                return "управляющие символы в тексте"
        return ""
    if len(text) < 16 and number(text.lstrip("-").replace(".", "", 1)):
        return ""  # an ordinary number
    try:
        value = json.loads(text)
    except ValueError:
        return "не значение"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return ""
    if isinstance(value, float) and not math.isfinite(value):
        return "не число"
    too_big = abs(value) >= 2 ** 63 if isinstance(value, int) else abs(value) > NUMBER_LIMIT
    return "слишком большое число" if too_big else ""


def _has_live_children(con: sqlite3.Connection, table: str, row: str) -> bool:
    for link in children_of(table):
        found = con.execute(f'SELECT 1 FROM "{link.table}" WHERE "{link.column}"=? LIMIT 1',
                            (row,)).fetchone()
        if found:
            return True
    return False


def _upsert(con: sqlite3.Connection, table: str, row: str, values: dict[str, Any],
            skip: set[str]) -> None:
    """Write the merged values; the `skip` columns (unsent local edits) of a present record
    are left as they are (an UPDATE: an INSERT would need every NOT NULL column)."""
    cols = [c for c in values if c != "id"]
    if skip and con.execute(f'SELECT 1 FROM "{table}" WHERE id=?', (row,)).fetchone():
        cols = [c for c in cols if c not in skip]
        if cols:
            sets = ", ".join(f'"{c}"=?' for c in cols)
            con.execute(f'UPDATE "{table}" SET {sets} WHERE id=?',
                        [*(json.loads(values[c]) for c in cols), row])
        return
    if _lacks_required(con, table, row, cols):
        return  # its creation's values have not arrived here yet: written when they do
    names = ", ".join(f'"{c}"' for c in ["id", *cols])
    marks = ", ".join("?" for _ in range(len(cols) + 1))
    update = ", ".join(f'"{c}"=excluded."{c}"' for c in cols) or '"id"="id"'
    con.execute(f'INSERT INTO "{table}" ({names}) VALUES ({marks}) '
                f'ON CONFLICT("id") DO UPDATE SET {update}',
                [row, *(json.loads(values[c]) for c in cols)])


_required: dict[tuple[int, str], frozenset[str]] = {}


def _lacks_required(con: sqlite3.Connection, table: str, row: str, cols: list[str]) -> bool:
    """A record not present here whose known values lack a NOT NULL column without a
    default: only its existence (and some later edits) reached this PC — the file with
    its creation was lost, or comes later. Inserting it would fail; it waits instead."""
    key = (id(con), table)
    if key not in _required:
        _required[key] = frozenset(
            name for _cid, name, _type, notnull, default, pk in
            con.execute(f'PRAGMA table_info("{table}")') if notnull and default is None
            and not pk and name != "id")
    missing = _required[key] - set(cols)
    return bool(missing) and con.execute(f'SELECT 1 FROM "{table}" WHERE id=?',
                                         (row,)).fetchone() is None


def waiting_for_values(con: sqlite3.Connection, table: str, row: str,
                       state: RowState) -> bool:
    """A record known to exist whose creation's values have not reached this PC."""
    return _lacks_required(con, table, row, [c for c in state.values if c != "id"])


def _write_conflicts(con: sqlite3.Connection, table: str, row: str,
                     conflicts: list[tuple[Any, ...]], any_before: bool) -> None:
    if any_before:
        con.execute("DELETE FROM sync_conflicts WHERE table_name=? AND row_id=?",
                    (table, row))
    if conflicts:
        con.executemany("INSERT INTO sync_conflicts (table_name, row_id, column_name, kind, "
                        "loser_key, loser_value, winner_key, winner_value) "
                        "VALUES (?,?,?,?,?,?,?,?)", conflicts)


def settle(con: sqlite3.Connection, rows: Iterable[Row], order: list[str],
           pending: dict[Row, set[str]], tick: Callable[[], None] | None = None) -> set[Row]:
    """Bring the working tables to the merged state of `rows`; the rows removed.

    Live records are written first, then deletions run children before parents, so that
    a parent with live children is kept. `pending` holds local changes not sealed yet: their
    columns (and their records, for creations and deletions) are left as they are.
    `tick` is called after each of `rows` (for progress).
    """
    _required.clear()  # read again from this database
    _types.clear()
    rank = {t: i for i, t in enumerate(order)}
    states: dict[Row, RowState] = {}
    doomed: list[Row] = []
    any_before = con.execute("SELECT 1 FROM sync_conflicts LIMIT 1").fetchone() is not None
    for table, row in rows:
        if table in rank:
            state = states[(table, row)] = row_state(con, table, row)
            if _write_state(con, table, row, state, pending.get((table, row), set()),
                            any_before):
                doomed.append((table, row))
        if tick is not None:
            tick()
    removed: set[Row] = set()
    for table, row in sorted(doomed, key=lambda r: -rank[r[0]]):
        if _has_live_children(con, table, row):
            _keep(con, table, row, states[(table, row)])
        else:
            con.execute(f'DELETE FROM "{table}" WHERE id=?', (row,))
            removed.add((table, row))
    return removed


def _write_state(con: sqlite3.Connection, table: str, row: str, state: RowState,
                 skip: set[str], any_before: bool) -> bool:
    """Write one record's merged state and conflicts; True when it is to be deleted."""
    doomed = False
    if "*" not in skip and state.exists:
        _revive_parents(con, table, state.values)
        _upsert(con, table, row, state.values, skip)
    else:
        doomed = not skip and state.exists is False  # an unsent local edit keeps the record
    _write_conflicts(con, table, row, state.conflicts, any_before)
    return doomed


def _keep(con: sqlite3.Connection, table: str, row: str, state: RowState) -> None:
    """A deleted parent with live children the deleting PC did not know: kept, flagged."""
    _upsert(con, table, row, state.values, set())
    con.execute("DELETE FROM sync_conflicts WHERE table_name=? AND row_id=? AND kind='kept'",
                (table, row))
    con.execute("INSERT INTO sync_conflicts (table_name, row_id, column_name, kind, loser_key, "
                "loser_value, winner_key, winner_value) VALUES (?,?,'','kept',?,NULL,'',NULL)",
                (table, row, state.delete_key))


def _revive_parents(con: sqlite3.Connection, table: str, values: dict[str, Any]) -> None:
    """A live record whose parent was deleted elsewhere brings the parent back (kept)."""
    for column, parent in parents_of(table):
        ident = json.loads(values[column]) if values.get(column) else None
        if not ident or con.execute(f'SELECT 1 FROM "{parent}" WHERE id=?',
                                    (ident,)).fetchone():
            continue
        state = row_state(con, parent, ident)
        if state.exists is False:
            _revive_parents(con, parent, state.values)
            _keep(con, parent, ident, state)


def sweep_kept(con: sqlite3.Connection, pending: dict[Row, set[str]]) -> set[Row]:
    """Kept parents that no live child refers to any more are deleted again (and their
    "kept" entries go), so that which parents are kept depends on the final state only,
    not on the order of syncs. Rows with unsent local changes are left alone."""
    removed: set[Row] = set()
    for _round in range(20):
        found = con.execute("SELECT DISTINCT table_name, row_id FROM sync_conflicts "
                            "WHERE kind='kept'").fetchall()
        gone = [(t, r) for t, r in found if (t, r) not in pending
                and row_state(con, t, r).exists is False and not _has_live_children(con, t, r)]
        for table, row in gone:
            con.execute(f'DELETE FROM "{table}" WHERE id=?', (row,))
            con.execute("DELETE FROM sync_conflicts WHERE table_name=? AND row_id=? AND "
                        "kind='kept'", (table, row))
        removed.update(gone)
        if not gone:
            break
    return removed


def parents_to_recheck(con: sqlite3.Connection, removed: Iterable[Row]) -> set[Row]:
    """Kept parents of removed records: they may go now."""
    found: set[Row] = set()
    for table, row in removed:
        tomb = con.execute("SELECT content FROM sync_tombstones WHERE table_name=? AND "
                           "row_id=? ORDER BY key DESC LIMIT 1", (table, row)).fetchone()
        content = json.loads(tomb[0]) if tomb else {}
        for column, parent in parents_of(table):
            if content.get(column) and con.execute(
                    "SELECT 1 FROM sync_conflicts WHERE table_name=? AND row_id=? AND "
                    "kind='kept'", (parent, content[column])).fetchone():
                found.add((parent, content[column]))
    return found
