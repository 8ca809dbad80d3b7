"""Change recording: every column of every synchronised table (from the metadata, so tables
added by later modules are included) is recorded on insert, update and delete."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Boolean, Date, DateTime, Float, Integer, Numeric

from imc_desktop import db
from imc_desktop.sync import triggers
from imc_desktop.sync.tables import natural_keys, synced_tables
from models import Base, SyncMixin


def _value(column: Any, variant: int) -> Any:
    kind = column.type
    if isinstance(kind, Boolean):
        return variant % 2
    if isinstance(kind, Integer | Numeric | Float):
        return 10 + variant
    if isinstance(kind, DateTime) or "DateTime" in type(kind).__name__:
        return f"2026-01-0{variant + 1} 10:00:00.000000"
    if isinstance(kind, Date):
        return f"2026-01-0{variant + 1}"
    return f"значение {variant}"


@pytest.fixture
def con(tmp_path: Path) -> sqlite3.Connection:
    path = tmp_path / "imc.sqlite"
    db.prepare_database(path, tmp_path / "backups")
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA foreign_keys=OFF")  # each table is checked alone
    return connection


def test_synchronised_tables_are_exactly_the_sync_mixin_tables() -> None:
    expected = {m.local_table.name for m in Base.registry.mappers  # type: ignore[attr-defined]
                if issubclass(m.class_, SyncMixin)}
    assert set(synced_tables()) == expected
    assert {"persons", "organizations", "courses"} <= expected
    assert not {t for t in expected if t.startswith("sync_") or t == "change_log"}


def _pending(con: sqlite3.Connection) -> list[tuple[Any, ...]]:
    rows = con.execute("SELECT table_name, row_id, op, column_name, value FROM sync_pending "
                       "ORDER BY seq").fetchall()
    con.execute("DELETE FROM sync_pending")
    return rows


@pytest.mark.parametrize("table", synced_tables())
def test_every_column_of_every_synchronised_table_is_recorded(
        con: sqlite3.Connection, table: str) -> None:
    columns = [c for c in Base.metadata.tables[table].columns if c.name != "id"]
    if table == "audit_log":  # its guards refuse these edits; what gets past them travels
        con.execute("DROP TRIGGER audit_log_no_update")
        con.execute("DROP TRIGGER audit_log_no_delete")
    row = {c.name: _value(c, 0) for c in columns}
    names = ", ".join(f'"{n}"' for n in ["id", *row])
    con.execute(f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * (len(row) + 1))})',
                ["r-1", *row.values()])
    assert _pending(con) == [(table, "r-1", "I", "", None)]
    for column in columns:
        con.execute(f'UPDATE "{table}" SET "{column.name}"=? WHERE id=?',
                    (_value(column, 1), "r-1"))
        assert _pending(con) == [(table, "r-1", "U", column.name, None)], column.name
        con.execute(f'UPDATE "{table}" SET "{column.name}"="{column.name}" WHERE id=?',
                    ("r-1",))
        assert _pending(con) == [], f"{column.name}: an unchanged value is not a change"
    con.execute(f'DELETE FROM "{table}" WHERE id=?', ("r-1",))
    [(t, r, op, _c, content)] = _pending(con)
    assert (t, r, op) == (table, "r-1", "D")
    assert json.loads(content) == {"id": "r-1", **{c.name: _value(c, 1) for c in columns}}


def test_changes_made_while_applying_are_not_recorded(con: sqlite3.Connection) -> None:
    con.execute("BEGIN")
    con.execute("INSERT INTO sync_applying (flag) VALUES (1)")
    con.execute("INSERT INTO awards (id, person_id, level, name, document, created_at, "
                "updated_at) VALUES ('a', 'p', 'x', 'y', '', 't', 't')")
    con.execute("DELETE FROM sync_applying")
    con.execute("COMMIT")
    assert _pending(con) == []
    con.execute("UPDATE awards SET name='z'")
    assert _pending(con) == [("awards", "a", "U", "name", None)]


def test_triggers_are_regenerated_idempotently_for_every_table(
        con: sqlite3.Connection) -> None:
    def generated() -> set[str]:
        return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE "
                                          "type='trigger' AND name LIKE 'sync_rec_%'")}

    expected = {f"sync_rec_{t}_{k}" for t in synced_tables() for k in "iud"}
    assert generated() == expected
    con.execute("DROP TRIGGER sync_rec_persons_u")
    assert triggers.install(con) == len(expected)
    assert triggers.install(con) == len(expected)
    assert generated() == expected


def test_a_column_added_by_a_later_migration_is_recorded(con: sqlite3.Connection) -> None:
    con.execute("ALTER TABLE persons ADD COLUMN nickname TEXT")
    triggers.install(con)
    con.execute("INSERT INTO persons (id, last_name, first_name, middle_name, sex, snils, inn, "
                "phone, email, category, academic_degree, notes, created_at, updated_at) "
                "VALUES ('p', 'И', 'М', '', 'ж', '', '', '', '', '', '', '', 't', 't')")
    _pending(con)
    con.execute("UPDATE persons SET nickname='Маша'")
    assert _pending(con) == [("persons", "p", "U", "nickname", None)]


def test_the_upgrade_to_the_head_installs_the_triggers(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    engine = db.make_engine(path)
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(db._alembic_config(conn), "0004")
    engine.dispose()
    db.prepare_database(path, tmp_path / "backups")
    with sqlite3.connect(path) as c:
        count = c.execute("SELECT count(*) FROM sqlite_master WHERE type='trigger' AND "
                          "name LIKE 'sync_rec_%'").fetchone()[0]
    c.close()
    assert count == 3 * len(synced_tables())


def test_persons_declare_snils_as_a_natural_key() -> None:
    assert ("persons", "snils", "Person") in natural_keys()


def test_a_statement_with_its_own_conflict_clause_is_recorded_with_a_clock(
        con: sqlite3.Connection) -> None:
    """The conflict policy of the statement that fires a trigger overrides the trigger's own;
    ticking the clock must not depend on one."""
    for _ in range(2):
        con.execute("INSERT OR ABORT INTO awards (id, person_id, level, name, document, "
                    "created_at, updated_at) VALUES (lower(hex(randomblob(16))), 'p', 'x', "
                    "'y', '', 't', 't')")
    con.execute("UPDATE OR ROLLBACK awards SET name='z'")
    clocks = [r[0] for r in con.execute("SELECT clock FROM sync_pending ORDER BY seq")]
    assert len(clocks) == 4 and None not in clocks and clocks == sorted(clocks)


def test_the_tables_kept_between_runs_are_those_the_models_give(tmp_path: Path) -> None:
    """The engine's view of the models, kept in the cache folder, is the models' own; a file
    kept under another key is made anew."""
    import json

    from imc_desktop.kept import kept
    from imc_desktop.sync import tables

    made = tables.schema_from_models()
    assert tables.schema() == json.loads(json.dumps(made))
    assert list(tables.synced_tables()) == made["synced"]
    stale = kept("t.json", "старый", lambda: '{"synced": []}', tmp_path)
    assert stale == '{"synced": []}'
    again = kept("t.json", "новый", lambda: json.dumps(made), tmp_path)
    assert json.loads(again)["synced"] == made["synced"]
