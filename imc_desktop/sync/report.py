"""What a sync did, in numbers and in one Russian line; duplicates of natural keys."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from imc_desktop.sync.tables import db_columns, natural_keys


@dataclass(frozen=True)
class Duplicate:
    """Several records of `table` share the value of a natural key."""

    table: str
    column: str
    value: str
    count: int


@dataclass(frozen=True)
class SyncResult:
    pulled: int  # segments received
    applied: int  # changes applied
    pushed: int  # changes sent
    conflicts: int  # open conflicts now
    held: int  # changes kept aside by this sync
    bad_files: tuple[str, ...] = ()
    duplicates: tuple[Duplicate, ...] = ()
    notes: tuple[str, ...] = ()
    unsent: int = 0  # records with changes not yet sent

    @property
    def ok(self) -> bool:
        return not self.bad_files

    def summary(self) -> str:
        line = (f"Синхронизация: получено файлов {self.pulled}, применено изменений "
                f"{self.applied}, отправлено изменений {self.pushed}, конфликтов "
                f"{self.conflicts}")
        if self.held:
            line += f", отложено {self.held}"
        if self.duplicates:
            line += f", дубликатов {len(self.duplicates)}"
        if self.bad_files:
            line += f", испорченных файлов {len(self.bad_files)}"
        return line + "."


def duplicates(con: sqlite3.Connection) -> tuple[Duplicate, ...]:
    """Values of natural keys (`__natural_keys__` of the models) held by several records."""
    found = []
    for table, column, _cls in natural_keys():
        if column not in db_columns(con, table):
            continue
        for value, count in con.execute(
                f'SELECT "{column}", count(*) FROM "{table}" WHERE "{column}" IS NOT NULL '
                f'AND "{column}" != \'\' GROUP BY "{column}" HAVING count(*) > 1 '
                f'ORDER BY "{column}"'):
            found.append(Duplicate(table, column, str(value), int(count)))
    return tuple(found)
