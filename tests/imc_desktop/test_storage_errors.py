"""A failed write says what happened to the disk or the file, and that nothing was written."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from imc_desktop import db
from imc_desktop.services.common.errors import ServiceError, StorageFailed
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.organizations import records as orgs
from imc_desktop.storage_errors import storage_failure
from tests.services.organizations.test_organizations import SCHOOL


def _error(name: str) -> sqlite3.Error:
    error = sqlite3.OperationalError("x")
    error.sqlite_errorname = name  # type: ignore[attr-defined]
    return error


@pytest.mark.parametrize(("name", "kind", "words"), [
    ("SQLITE_FULL", "SQLITE_FULL", "Диск заполнен, ничего не записано"),
    ("SQLITE_IOERR_WRITE", "SQLITE_IOERR", "Ошибка чтения или записи диска"),
    ("SQLITE_IOERR", "SQLITE_IOERR", "ничего не записано"),
    ("SQLITE_CANTOPEN", "SQLITE_CANTOPEN", "папка недоступна"),
    ("SQLITE_READONLY_DIRECTORY", "SQLITE_READONLY", "только для чтения"),
    ("SQLITE_BUSY", "SQLITE_BUSY", "занята другой программой"),
    ("SQLITE_LOCKED", "SQLITE_BUSY", "занята другой программой"),
    ("SQLITE_CORRUPT", "SQLITE_CORRUPT", "повреждён"),
    ("SQLITE_NOTADB", "SQLITE_CORRUPT", "повреждён"),
])
def test_each_code_has_its_own_words(name: str, kind: str, words: str) -> None:
    failure = storage_failure(_error(name), Path("/data/imc.sqlite"))
    assert failure is not None and failure.kind == kind and words in str(failure)
    assert failure.is_damage == (kind == "SQLITE_CORRUPT")
    assert "другом окне" not in str(failure)


@pytest.mark.parametrize("name", ["SQLITE_CONSTRAINT_FOREIGNKEY", "SQLITE_ERROR", ""])
def test_other_failures_are_not_storage_failures(name: str) -> None:
    assert storage_failure(_error(name), Path("x")) is None
    assert storage_failure(ValueError("x"), Path("x")) is None


def test_a_full_disk_is_said_and_nothing_is_written(database: DatabaseInfo) -> None:
    orgs.save_organization(SCHOOL)
    with db.session_scope() as s:
        pages = s.execute(text("PRAGMA page_count")).scalar()
        s.execute(text(f"PRAGMA max_page_count = {pages}"))
    big = replace(SCHOOL, short_name="МКОУ «Ивановская ООШ»", inn="",
                  legal_address="ул. " * 4000)  # 32 KB: more pages than are left
    with pytest.raises(StorageFailed, match="Диск заполнен, ничего не записано"):
        orgs.save_organization(big)
    assert [o.short_name for o in orgs.list_organizations()] == [SCHOOL.short_name]


def test_a_read_only_database_is_said_so(database: DatabaseInfo) -> None:
    with pytest.raises(ServiceError, match="только для чтения"), db.session_scope() as s:
        s.execute(text("PRAGMA query_only = ON"))
        try:
            s.execute(text("INSERT INTO organizations (id, short_name) VALUES ('x', 'y')"))
        finally:
            s.execute(text("PRAGMA query_only = OFF"))


def test_a_broken_constraint_stays_what_it_is(database: DatabaseInfo) -> None:
    with pytest.raises(IntegrityError), db.session_scope() as s:
        s.execute(text("INSERT INTO persons (id) VALUES ('p1')"))
