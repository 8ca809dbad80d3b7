"""Records that differ from what the synchronisation knows of them.

Every change of a synchronised record is recorded by the triggers and merged by the engine,
so each record's fields equal the winning values of its synchronisation history — unless it
was changed behind the triggers' back (another tool, a file edited with the triggers off).
Such an edit is never sent: the other workstations keep the old value for good. `check`
lists them; the next edit of the field through the program sends it.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from imc_desktop.sync.merge import row_state, waiting_for_values
from imc_desktop.sync.tables import synced_tables

#: columns the engine keeps for itself
_SKIP = {"id"}


@dataclass(frozen=True)
class Drift:
    table: str
    row: str
    column: str  # "" when the record itself is missing or should not be there
    stored: Any
    synced: Any

    def describe(self) -> str:
        if not self.column:
            state = "есть в базе, но удалена" if self.stored else "удалена из базы, но есть"
            return (f"{self.table} {self.row}: запись {state} по журналу синхронизации "
                    "(изменение сделано в обход программы и не будет отправлено)")
        return (f"{self.table} {self.row}, поле {self.column}: в базе {_shown(self.stored)}, "
                f"по журналу синхронизации {_shown(self.synced)} (изменение сделано в обход "
                "программы и не будет отправлено)")


def _shown(value: Any) -> str:
    text = "пусто" if value is None else f"«{value}»"
    return text if len(text) <= 60 else text[:57] + "…»"


def drifted(con: sqlite3.Connection, limit: int = 1000) -> list[Drift]:
    """Fields and records that differ from their synchronisation history (at most `limit`).
    Records with unsent local changes are left out: their history is being written."""
    pending = set(con.execute("SELECT DISTINCT table_name, row_id FROM sync_pending"))
    found: list[Drift] = []
    for table in synced_tables():
        known = [r for (r,) in con.execute(
            "SELECT DISTINCT row_id FROM sync_versions WHERE table_name=?", (table,))]
        for row in known:
            if (table, row) in pending:
                continue
            found.extend(_row_drift(con, table, row))
            if len(found) >= limit:
                return found[:limit]
    return found


def _row_drift(con: sqlite3.Connection, table: str, row: str) -> list[Drift]:
    state = row_state(con, table, row)
    cur = con.execute(f'SELECT * FROM "{table}" WHERE id=?', (row,))
    found = cur.fetchone()
    if state.exists is None:
        return []
    if found is None and state.exists and waiting_for_values(con, table, row, state):
        return []  # its creation's values have not arrived yet: not an edit behind our back
    if (found is not None) != state.exists:
        return [Drift(table, row, "", found is not None, state.exists)]
    if found is None:
        return []
    current = {d[0]: v for d, v in zip(cur.description, found, strict=True)}
    drifts = []
    for column, text in state.values.items():
        if column in _SKIP or column not in current:
            continue
        synced = json.loads(text) if text is not None else None
        if not _same(current[column], synced):
            drifts.append(Drift(table, row, column, current[column], synced))
    return drifts


def _same(stored: Any, synced: Any) -> bool:
    if stored == synced:
        return True
    # numbers may come back as 1 / 1.0, booleans as 0 / 1
    if isinstance(stored, int | float) and isinstance(synced, int | float | bool):
        return float(stored) == float(synced)
    return False
