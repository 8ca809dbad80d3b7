"""Incoming changes kept aside: dated far ahead of the server, naming a table or column this
version does not know, or records whose parent is not known here yet (orphans)."""

from __future__ import annotations

import json
import sqlite3

from imc_desktop.sync import merge
from imc_desktop.sync.clock import MS_PER_DAY, physical_ms
from imc_desktop.sync.segment import Change
from imc_desktop.sync.store import SyncStopped

Row = tuple[str, str]
Tables = dict[str, list[str]]


def hold(con: sqlite3.Connection, site: str, seq: int, key: str, change: Change,
         reason: str) -> None:
    con.execute("INSERT INTO sync_held (site, seq, key, line, reason) VALUES (?,?,?,?,?)",
                (site, seq, key, json.dumps(change, ensure_ascii=False), reason))


def store(con: sqlite3.Connection, tables: Tables, changes: list[Change], key: str,
          site: str, seq: int) -> None:
    """Record the changes; what names an unknown table or column is kept aside."""
    known = [c for c in changes if c["t"] in tables]
    for change in changes:
        if change["t"] not in tables:
            hold(con, site, seq, key, change, "unknown")
    for rest in merge.store(con, known, key, site, seq, tables):
        hold(con, site, seq, key, rest, "unknown")


def knows(tables: Tables, change: Change) -> bool:
    columns = tables.get(change["t"])
    return columns is not None and all(c in columns for c in change.get("v") or {})


def retry(con: sqlite3.Connection, tables: Tables, server_ms: int) -> set[Row]:
    """Changes kept aside earlier: the ones that can be applied now are; their records."""
    touched: set[Row] = set()
    rows = con.execute("SELECT id, site, seq, key, line, reason FROM sync_held "
                       "ORDER BY id").fetchall()
    for ident, site, seq, key, line, reason in rows:
        change = json.loads(line)
        row = (change["t"], change["r"])
        if reason == "orphan":
            touched.add(row)
        elif reason == "future" and physical_ms(int(key.split(".")[0])) > (
                server_ms + MS_PER_DAY):
            continue
        elif reason == "unknown" and not knows(tables, change):
            continue
        else:
            store(con, tables, [change], key, site, seq)
            touched.add(row)
        con.execute("DELETE FROM sync_held WHERE id=?", (ident,))
    return touched


def hold_orphans(con: sqlite3.Connection, tables: Tables) -> None:
    """Records whose parent is not known here yet are kept aside until it arrives."""
    for _round in range(20):
        problems = con.execute("PRAGMA foreign_key_check").fetchall()
        if not problems:
            return
        for table, rowid, _parent, _fk in problems:
            found = con.execute(f'SELECT id FROM "{table}" WHERE rowid=?',
                                (rowid,)).fetchone()
            if found is None or table not in tables:
                continue
            con.execute(f'DELETE FROM "{table}" WHERE rowid=?', (rowid,))
            hold(con, "", 0, "", {"t": table, "r": found[0], "op": "o"}, "orphan")
    raise SyncStopped("После синхронизации остались записи без связанных записей; "
                      "изменения не применены. Сообщите администратору.")
