"""A unit of work announces the tables its commit wrote; a rollback announces nothing."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from sqlalchemy import text

from imc_desktop import changes, db
from imc_desktop.services.common import importing
from imc_desktop.services.common.errors import ValidationFailed
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.organizations import records as orgs
from tests.services.organizations.test_organizations import SCHOOL


@pytest.fixture
def seen() -> Iterator[list[frozenset[str]]]:
    heard: list[frozenset[str]] = []
    changes.subscribe(heard.append)
    yield heard
    changes.unsubscribe(heard.append)


@pytest.mark.parametrize(("statement", "table"), [
    ("INSERT INTO persons (id) VALUES (?)", "persons"),
    ("insert or replace into courses values (1)", "courses"),
    ('UPDATE "equipment_items" SET status = ?', "equipment_items"),
    ("  DELETE FROM leave_periods WHERE id = ?", "leave_periods"),
    ("REPLACE INTO events VALUES (1)", "events"),
    ("SELECT * FROM persons", None),
    ("PRAGMA foreign_keys=ON", None),
    ("CREATE TABLE x (id INTEGER)", None),
])
def test_the_written_table_is_read_from_the_statement(statement: str, table: str | None
                                                      ) -> None:
    assert changes.written_table(statement) == table


def test_a_save_announces_its_table_once_after_the_commit(
        database: DatabaseInfo, seen: list[frozenset[str]]) -> None:
    orgs.save_organization(SCHOOL)
    assert seen == [frozenset({"organizations"})]


def test_a_failed_save_announces_nothing(database: DatabaseInfo,
                                         seen: list[frozenset[str]]) -> None:
    with pytest.raises(ValidationFailed):
        orgs.save_organization(replace(SCHOOL, short_name=""))
    with pytest.raises(RuntimeError), db.session_scope() as s:
        s.execute(text("DELETE FROM organizations"))
        raise RuntimeError("the unit of work fails after writing")
    assert seen == []


def test_raw_sql_in_a_unit_of_work_is_announced(database: DatabaseInfo,
                                                seen: list[frozenset[str]]) -> None:
    org_id = orgs.save_organization(SCHOOL)
    seen.clear()
    with db.session_scope() as s:
        s.execute(text("UPDATE organizations SET short_name = 'Другая' WHERE id = :i"),
                  {"i": org_id})
    assert seen == [frozenset({"organizations"})]


def test_a_read_announces_nothing(database: DatabaseInfo, seen: list[frozenset[str]]) -> None:
    orgs.list_organizations()
    assert seen == []


def test_a_dry_run_rolled_back_inside_the_unit_of_work_announces_nothing(
        database: DatabaseInfo, seen: list[frozenset[str]]) -> None:
    with importing.unit_of_work(dry_run=True) as s:
        s.execute(text("DELETE FROM organizations"))
    with importing.unit_of_work(dry_run=False) as s:
        s.execute(text("DELETE FROM organizations"))
    assert seen == [frozenset({"organizations"})]
