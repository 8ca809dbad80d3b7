"""Which tables are synchronised, their columns and foreign keys, read from the models.

Every mapped class that uses `models.base.SyncMixin` is synchronised; the list comes from
the SQLAlchemy metadata, so a table added by a later module is covered without code there.
What the engine needs of the metadata is kept in the cache folder between runs
(imc_desktop.kept), made anew when the models' code changes.
"""

from __future__ import annotations

import importlib.util
import json
import sqlite3
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from imc_desktop.kept import code_stamp, kept

CACHE_NAME = "sync-tables.json"


@dataclass(frozen=True)
class ChildLink:
    """`table.column` refers to the parent's id."""

    table: str
    column: str


def schema_from_models() -> dict[str, Any]:
    """What the engine needs of the models, as plain JSON data (imports every model)."""
    import models
    from models.base import Base, SyncMixin

    assert models.__all__  # every model module is imported with the package
    names = {str(m.persist_selectable.description) for m in Base.registry.mappers
             if issubclass(m.class_, SyncMixin)}
    synced = [t.name for t in Base.metadata.sorted_tables if t.name in names]
    foreign = {name: sorted([fk.parent.name, fk.column.table.name] for fk in table.foreign_keys)
               for name, table in Base.metadata.tables.items()}
    keys = sorted([str(m.persist_selectable.description), column, m.class_.__name__]
                  for m in Base.registry.mappers
                  for column in getattr(m.class_, "__natural_keys__", ()))
    return {"synced": synced, "foreign_keys": foreign, "natural_keys": keys}


def _models_folder() -> Path | None:
    spec = importlib.util.find_spec("models")
    return Path(spec.origin).parent if spec is not None and spec.origin else None


@cache
def schema() -> dict[str, Any]:
    """The models' schema, kept between runs while the models do not change (so that a sync
    with nothing to do imports neither SQLAlchemy nor the models)."""
    text = kept(CACHE_NAME, code_stamp(_models_folder()),
                lambda: json.dumps(schema_from_models(), ensure_ascii=False))
    try:
        return dict(json.loads(text))
    except ValueError:
        return schema_from_models()


@cache
def synced_tables() -> tuple[str, ...]:
    """The names of the synchronised tables, parents before children (metadata order).

    Every mapped class that uses `models.base.SyncMixin` is synchronised."""
    return tuple(schema()["synced"])


def _foreign_keys(table: str) -> list[tuple[str, str]]:
    """(column, referred table) of each foreign key of `table`."""
    return [(column, parent) for column, parent in schema()["foreign_keys"].get(table, [])]


@cache
def children_of(table: str) -> tuple[ChildLink, ...]:
    """The synchronised tables (and columns) whose foreign keys refer to `table`."""
    return tuple(ChildLink(name, column) for name in synced_tables()
                 for column, parent in _foreign_keys(name) if parent == table)


@cache
def parents_of(table: str) -> tuple[tuple[str, str], ...]:
    """(column, parent table) of each foreign key of `table` to a synchronised table."""
    synced = set(synced_tables())
    return tuple((column, parent) for column, parent in _foreign_keys(table)
                 if parent in synced)


@cache
def natural_keys() -> tuple[tuple[str, str, str], ...]:
    """(table, column, class name) of every `__natural_keys__` declared on a model."""
    return tuple((table, column, name) for table, column, name in schema()["natural_keys"])


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
