"""Change recording inside SQLite: triggers generated from the models for every synchronised
table, dropped and created again after every migration (imc_desktop.db calls `install`).

The triggers write into `sync_pending`; they stay silent while `sync_applying` holds a row,
which the engine inserts inside the transaction that applies remote changes.
"""

from __future__ import annotations

import sqlite3

from imc_desktop.sync.tables import present_tables

PREFIX = "sync_rec_"
SILENT = "NOT EXISTS (SELECT 1 FROM sync_applying)"


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _lit(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _seen(table: str, column: str) -> str:
    return (f"(SELECT max(key) FROM sync_changes WHERE table_name={_lit(table)} "
            f"AND row_id=NEW.id AND column_name={_lit(column)} AND kind='v')")


def _content(columns: list[str]) -> str:
    pairs = ", ".join(f"{_lit(c)}, OLD.{_q(c)}" for c in columns)
    return f"json_object({pairs})"


def _pending(table: str, row: str, op: str, column: str, seen: str, value: str) -> str:
    return ("INSERT INTO sync_pending (table_name, row_id, op, column_name, seen, value) "
            f"SELECT {_lit(table)}, {row}, '{op}', {_lit(column)}, {seen}, {value}")


def statements(table: str, columns: list[str]) -> list[str]:
    """CREATE TRIGGER statements recording inserts, updates of every column, and deletes."""
    t = _q(table)
    insert = _pending(table, "NEW.id", "I", "", "NULL", "NULL")
    delete = _pending(table, "OLD.id", "D", "", "NULL", _content(columns))
    updates = [_pending(table, "NEW.id", "U", c, _seen(table, c), "NULL")
               + f" WHERE NEW.{_q(c)} IS NOT OLD.{_q(c)} AND NEW.id IS OLD.id"
               for c in columns if c != "id"]
    renamed = [delete + " WHERE NEW.id IS NOT OLD.id",
               insert + " WHERE NEW.id IS NOT OLD.id"]
    body = ";\n  ".join(updates + renamed)
    return [
        f"CREATE TRIGGER {_q(PREFIX + table + '_i')} AFTER INSERT ON {t} WHEN {SILENT}\n"
        f"BEGIN\n  {insert};\nEND",
        f"CREATE TRIGGER {_q(PREFIX + table + '_u')} AFTER UPDATE ON {t} WHEN {SILENT}\n"
        f"BEGIN\n  {body};\nEND",
        f"CREATE TRIGGER {_q(PREFIX + table + '_d')} AFTER DELETE ON {t} WHEN {SILENT}\n"
        f"BEGIN\n  {delete};\nEND",
    ]


def has_sync_tables(con: sqlite3.Connection) -> bool:
    row = con.execute("SELECT count(*) FROM sqlite_master WHERE type='table' "
                      "AND name IN ('sync_pending', 'sync_applying', 'sync_changes')").fetchone()
    return int(row[0]) == 3


def install(con: sqlite3.Connection) -> int:
    """Drop the generated triggers and create them for every synchronised table present.

    Runs in the caller's transaction; the number of triggers created. A database without the
    sync tables (an older schema in the middle of an upgrade) gets none.
    """
    old = [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type='trigger' AND substr(name, 1, ?) = ?",
        (len(PREFIX), PREFIX))]
    for name in old:
        con.execute(f"DROP TRIGGER IF EXISTS {_q(name)}")
    if not has_sync_tables(con):
        return 0
    count = 0
    for table, columns in present_tables(con).items():
        for sql in statements(table, columns):
            con.execute(sql)
            count += 1
    return count


def install_in_file(path: str) -> int:
    """`install` in its own transaction on a database file."""
    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.execute("BEGIN IMMEDIATE")
        count = install(con)
        con.execute("COMMIT")
        return count
    finally:
        con.close()
