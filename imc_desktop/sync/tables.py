"""Which tables are synchronised, their columns and foreign keys, read from the models.

Every mapped class that uses `models.base.SyncMixin` is synchronised; the list comes from
the SQLAlchemy metadata, so a table added by a later module is covered without code there.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import cache

import models
from models.base import Base, SyncMixin


@dataclass(frozen=True)
class ChildLink:
    """`table.column` refers to the parent's id."""

    table: str
    column: str


@cache
def synced_tables() -> tuple[str, ...]:
    """The names of the synchronised tables, parents before children (metadata order)."""
    assert models.__all__  # every model module is imported with the package
    names = {str(m.persist_selectable.description) for m in Base.registry.mappers
             if issubclass(m.class_, SyncMixin)}
    return tuple(t.name for t in Base.metadata.sorted_tables if t.name in names)


@cache
def children_of(table: str) -> tuple[ChildLink, ...]:
    """The synchronised tables (and columns) whose foreign keys refer to `table`."""
    links = []
    for name in synced_tables():
        for fk in Base.metadata.tables[name].foreign_keys:
            if fk.column.table.name == table:
                links.append(ChildLink(name, fk.parent.name))
    return tuple(links)


@cache
def parents_of(table: str) -> tuple[tuple[str, str], ...]:
    """(column, parent table) of each foreign key of `table` to a synchronised table."""
    synced = set(synced_tables())
    return tuple((fk.parent.name, fk.column.table.name)
                 for fk in Base.metadata.tables[table].foreign_keys
                 if fk.column.table.name in synced)


@cache
def natural_keys() -> tuple[tuple[str, str, str], ...]:
    """(table, column, class name) of every `__natural_keys__` declared on a model."""
    found = []
    for mapper in Base.registry.mappers:
        for column in getattr(mapper.class_, "__natural_keys__", ()):
            found.append((str(mapper.persist_selectable.description), column,
                          mapper.class_.__name__))
    return tuple(sorted(found))


def db_columns(con: sqlite3.Connection, table: str) -> list[str]:
    """The columns the table has in this database file (none when it does not exist)."""
    return [str(r[1]) for r in con.execute(f'PRAGMA table_info("{table}")')]


def present_tables(con: sqlite3.Connection) -> dict[str, list[str]]:
    """Synchronised tables present in the file, with their columns (id first)."""
    found = {}
    for table in synced_tables():
        columns = db_columns(con, table)
        if columns:
            found[table] = ["id"] + [c for c in columns if c != "id"]
    return found
