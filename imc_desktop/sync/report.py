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
    clock_skew_ms: int = 0  # PC clock minus the server's when too far apart: nothing sent
    cannot_send: bool = False  # a read-only share or a store of a newer version
    missing: int = 0  # other PCs' segments missing from the share (their authors resend)
    awaiting: str = ""  # this PC's verification code while it waits for admission

    @property
    def ok(self) -> bool:
        """Nothing set aside as bad or missing, and this PC's changes not held back (by its
        clock, a read-only share or a store of a newer version)."""
        return (not self.bad_files and not self.clock_skew_ms and not self.cannot_send
                and not self.missing)

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
        if self.missing:
            line += f", недостающих файлов {self.missing}"
        if self.clock_skew_ms:
            line += (f"; изменения этого компьютера не отправлены: его часы "
                     f"{_skew_text(self.clock_skew_ms)}")
        return line + "."


def _skew_text(skew_ms: int) -> str:
    direction = "спешат" if skew_ms > 0 else "отстают"
    return f"{direction} на {round(abs(skew_ms) / 60_000)} мин относительно сервера"


def clock_note(skew_ms: int) -> str:
    """What to tell the user when the PC clock is too far from the server's to publish."""
    return (f"Часы этого компьютера {_skew_text(skew_ms)}: изменения других рабочих мест "
            "получены, а изменения этого компьютера не отправлены. Установите правильное "
            "время и повторите синхронизацию; изменения сохранены и будут отправлены позже.")


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
