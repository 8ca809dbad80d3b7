"""Change recording inside SQLite: triggers generated from the models for every synchronised
table, dropped and created again after every migration (imc_desktop.db calls `install`).

The triggers write into `sync_pending`; they stay silent while `sync_applying` holds a row,
which the engine inserts inside the transaction that applies remote changes. Each change is
stamped when it is made: the hybrid clock in `sync_state` is ticked (never backwards, past
every clock received) and what the change had seen is taken from the field versions then.
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
    return (f"(SELECT max(key) FROM sync_versions WHERE table_name={_lit(table)} "
            f"AND row_id=NEW.id AND column_name={_lit(column)} AND kind='v')")


def _versions(table: str, row: str) -> str:
    """The record's field versions now, as JSON {column: key}: what a delete or a re-insert
    had seen."""
    return (f"(SELECT json_group_object(column_name, k) FROM (SELECT column_name, max(key) "
            f"AS k FROM sync_versions WHERE table_name={_lit(table)} AND row_id={row} "
            "AND kind='v' GROUP BY column_name))")


#: the PC clock in hybrid-clock units (milliseconds << 16); constant within one statement
_WALL = "(CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER) << 16)"
#: tick the stored clock past the last value issued or received and not behind the PC clock,
#: once per PC-clock millisecond: the changes of one statement (a delete and the deletes it
#: cascades to) share one clock, as the changes of one user action (`local.save_clock`
#: clears the mark, so that a change after a sync or a seal gets a greater clock)
#: (no INSERT OR IGNORE: the conflict policy of the statement that fires a trigger wins)
TICK = ["INSERT INTO sync_state (name, value) SELECT 'clock', '0' WHERE NOT EXISTS "
        "(SELECT 1 FROM sync_state WHERE name = 'clock')",
        "INSERT INTO sync_state (name, value) SELECT 'clock_wall', '' WHERE NOT EXISTS "
        "(SELECT 1 FROM sync_state WHERE name = 'clock_wall')",
        "UPDATE sync_state SET value = CAST(max(CAST(value AS INTEGER) + 1, "
        f"{_WALL}) AS TEXT) WHERE name = 'clock' AND (SELECT value FROM sync_state "
        f"WHERE name = 'clock_wall') IS NOT CAST({_WALL} AS TEXT)",
        f"UPDATE sync_state SET value = CAST({_WALL} AS TEXT) WHERE name = 'clock_wall'"]
_CLOCK = "(SELECT CAST(value AS INTEGER) FROM sync_state WHERE name = 'clock')"


def _content(columns: list[str]) -> str:
    pairs = ", ".join(f"{_lit(c)}, OLD.{_q(c)}" for c in columns)
    return f"json_object({pairs})"


def _pending(table: str, row: str, op: str, column: str, seen: str, value: str) -> str:
    return ("INSERT INTO sync_pending (table_name, row_id, op, column_name, seen, value, "
            f"clock) SELECT {_lit(table)}, {row}, '{op}', {_lit(column)}, {seen}, {value}, "
            f"{_CLOCK}")


def statements(table: str, columns: list[str]) -> list[str]:
    """CREATE TRIGGER statements recording inserts, updates of every column, and deletes."""
    t = _q(table)
    insert = _pending(table, "NEW.id", "I", "", _versions(table, "NEW.id"), "NULL")
    delete = _pending(table, "OLD.id", "D", "", _versions(table, "OLD.id"), _content(columns))
    updates = [_pending(table, "NEW.id", "U", c, _seen(table, c), "NULL")
               + f" WHERE NEW.{_q(c)} IS NOT OLD.{_q(c)} AND NEW.id IS OLD.id"
               for c in columns if c != "id"]
    renamed = [delete + " WHERE NEW.id IS NOT OLD.id",
               insert + " WHERE NEW.id IS NOT OLD.id"]
    body = ";\n  ".join(TICK + updates + renamed)
    tick = ";\n  ".join(TICK)
    return [
        f"CREATE TRIGGER {_q(PREFIX + table + '_i')} AFTER INSERT ON {t} WHEN {SILENT}\n"
        f"BEGIN\n  {tick};\n  {insert};\nEND",
        f"CREATE TRIGGER {_q(PREFIX + table + '_u')} AFTER UPDATE ON {t} WHEN {SILENT}\n"
        f"BEGIN\n  {body};\nEND",
        f"CREATE TRIGGER {_q(PREFIX + table + '_d')} AFTER DELETE ON {t} WHEN {SILENT}\n"
        f"BEGIN\n  {tick};\n  {delete};\nEND",
    ]


def has_sync_tables(con: sqlite3.Connection) -> bool:
    row = con.execute("SELECT count(*) FROM sqlite_master WHERE type IN ('table', 'view') "
                      "AND name IN ('sync_pending', 'sync_applying', 'sync_changes', "
                      "'sync_versions')").fetchone()
    return int(row[0]) == 4


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
