"""Migrations: empty → head equals the models; newer, foreign and corrupt files are refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from imc_desktop import db
from models import Base


def test_empty_file_migrates_to_head_matching_the_models(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    database = db.open_database(path, tmp_path / "backups")
    try:
        with database.engine.connect() as conn:
            context = MigrationContext.configure(conn)
            assert context.get_current_revision() == db.head_revision()
            assert compare_metadata(context, Base.metadata) == []
    finally:
        database.close()
    assert not (tmp_path / "backups").exists(), "a new file needs no backup"


def _dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as con:
        return list(con.iterdump())


def _stamp(path: Path, revision: str) -> None:
    with sqlite3.connect(path) as con:
        con.execute("UPDATE alembic_version SET version_num = ?", (revision,))


def test_database_from_a_newer_version_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite"
    db.open_database(path, tmp_path / "b").close()
    _stamp(path, "9999_future")
    before = _dump(path)
    with pytest.raises(db.DatabaseTooNew, match="более новой версией"):
        db.open_database(path, tmp_path / "b")
    assert _dump(path) == before
    assert not (tmp_path / "b").exists(), "nothing is backed up or migrated"


def _database_at(path: Path, revision: str) -> None:
    """A file made by an older release: migrated up to `revision` only."""
    engine = db.make_engine(path)
    try:
        with engine.begin() as conn:
            command.upgrade(db._alembic_config(conn), revision)
    finally:
        engine.dispose()


def test_older_database_is_backed_up_then_migrated_keeping_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    _database_at(path, "0001")
    with sqlite3.connect(path) as con:
        con.execute("INSERT INTO organizations (id, created_at, updated_at, full_name, "
                    "short_name, kind, legal_form, inn, kpp, ogrn, okpo, legal_address, "
                    "actual_address, is_rural, head_name, head_phone, head_email, website, "
                    "is_active) VALUES ('x', '2026-01-01', '2026-01-01', 'Школа', 'Школа', "
                    "'школа', '', '', '', '', '', '', '', 1, '', '', '', '', 1)")
    database = db.open_database(path, tmp_path / "b")
    database.close()
    backups = list((tmp_path / "b").glob("old-before-migration-0001-*.sqlite"))
    assert len(backups) == 1
    with db.readable_backup(backups[0]) as plain:  # encrypted, as every automatic backup
        assert db.current_revision(plain) == "0001", "the backup is the file before migrating"
    assert db.current_revision(path) == db.head_revision()
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT short_name FROM organizations").fetchall() == [("Школа",)]
        indexes = {r[1] for r in con.execute("PRAGMA index_list(organizations)")}
    assert "ix_organizations_short_name" in indexes


def test_corrupt_file_is_reported_not_opened(tmp_path: Path) -> None:
    path = tmp_path / "broken.sqlite"
    db.open_database(path, tmp_path / "b").close()
    data = bytearray(path.read_bytes())
    data[0:16] = b"garbage garbage!"
    path.write_bytes(bytes(data))
    with pytest.raises(db.DatabaseCorrupt, match="повреждён"):
        db.open_database(path, tmp_path / "b")


def test_text_file_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("это не база данных" * 100, encoding="utf-8")
    with pytest.raises(db.DatabaseCorrupt):
        db.open_database(path, tmp_path / "b")


def test_database_of_another_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE contacts (name TEXT)")
    with pytest.raises(db.ForeignDatabase, match="другой программы"):
        db.open_database(path, tmp_path / "b")


def test_foreign_keys_are_on(tmp_path: Path) -> None:
    database = db.open_database(tmp_path / "fk.sqlite", tmp_path / "b")
    try:
        with database.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA application_id").scalar() == db.APPLICATION_ID
    finally:
        database.close()


def test_declared_head_is_the_head_of_the_scripts() -> None:
    assert db.head_revision() == db.script_head_revision()


def test_a_failed_migration_puts_the_file_back(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.sqlite"
    _database_at(path, "0001")
    before = _dump(path)

    def half_then_fail(p: Path) -> None:
        with sqlite3.connect(p) as con:
            con.execute("CREATE TABLE half_done (x TEXT)")
        raise RuntimeError("disk full")

    monkeypatch.setattr(db, "_upgrade", half_then_fail)
    with pytest.raises(db.MigrationFailed, match="возвращена в прежнее состояние"):
        db.open_database(path, tmp_path / "b")
    assert _dump(path) == before
    monkeypatch.undo()
    db.open_database(path, tmp_path / "b").close()
    assert db.current_revision(path) == db.head_revision()


def test_a_read_only_database_is_not_called_damaged(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "x.sqlite"
    db.open_database(path, tmp_path / "b").close()
    real_access = db.os.access
    monkeypatch.setattr(db.os, "access",
                        lambda p, mode: False if mode == db.os.W_OK else real_access(p, mode))
    with pytest.raises(db.NoWriteAccess, match="Нет прав на запись"):
        db.open_database(path, tmp_path / "b")


@pytest.mark.parametrize(("content", "reason"), [
    (b"", "пуст"), (b"SQLite format 3\x00" + b"\x00" * 84, "короче")])
def test_an_empty_or_truncated_file_is_damage_not_a_new_database(
        tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "imc.sqlite"
    path.write_bytes(content)
    with pytest.raises(db.DatabaseCorrupt, match=reason):
        db.open_database(path, tmp_path / "b")
    assert path.read_bytes() == content, "no schema is written over what is left of the file"


def test_another_programs_database_is_offered_the_recovery_of_a_damaged_one(
        tmp_path: Path) -> None:
    path = tmp_path / "imc.sqlite"
    with sqlite3.connect(path) as con:
        con.execute("PRAGMA application_id = 12345")
        con.execute("CREATE TABLE alembic_version (version_num TEXT)")
    with pytest.raises(db.DatabaseCorrupt, match="другой программы"):
        db.open_database(path, tmp_path / "b")


def test_a_failed_write_does_not_carry_the_personal_data_into_the_message(
        tmp_path: Path) -> None:
    from sqlalchemy import text

    database = db.open_database(tmp_path / "imc.sqlite", tmp_path / "b")
    db.set_current(database)
    try:
        with pytest.raises(Exception) as err, db.session_scope() as s:
            s.execute(text("INSERT INTO persons (id, last_name, snils) VALUES (:i, :n, :s)"),
                      {"i": "p1", "n": None, "s": "11223344595"})
        assert "11223344595" not in str(err.value)
    finally:
        db.set_current(None)
        database.close()
