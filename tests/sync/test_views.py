"""Conflicts kept or restored, on every PC; the journal of changes."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

import pytest

from imc_desktop import db
from imc_desktop.services.common.errors import ServiceError
from imc_desktop.services.sync import views as sync_views
from tests.sync.helpers import Workstation

MakePC = Callable[[str], Workstation]


def _rounds(*pcs: Workstation) -> None:
    for _ in range(2):
        for pc in pcs:
            pc.sync()


def _conflicting(make_pc: MakePC) -> tuple[Workstation, Workstation, str]:
    a, b = make_pc("Каб. 1"), make_pc("Каб. 2")
    org = a.insert("organizations", short_name="Было")
    _rounds(a, b)
    a.update("organizations", org, short_name="От А")
    b.update("organizations", org, short_name="От Б")
    _rounds(a, b)
    return a, b, org


def test_a_conflict_is_shown_with_both_values_and_workstations(make_pc: MakePC) -> None:
    a, _b, _org = _conflicting(make_pc)
    [row] = sync_views.conflicts(a.path)
    assert {row.kept_value, row.other_value} == {"От А", "От Б"}
    assert {row.kept_by, row.other_by} == {"Каб. 1", "Каб. 2"}
    assert row.table == "Организации" and row.field == "краткое наименование"
    assert row.kept_at is not None and row.other_at is not None


def test_keeping_settles_the_conflict_on_every_pc(make_pc: MakePC) -> None:
    a, b, org = _conflicting(make_pc)
    kept = a.value("organizations", org, "short_name")
    [row] = sync_views.conflicts(b.path)
    sync_views.keep(b.path, row.id)
    _rounds(a, b)
    assert a.conflicts() == b.conflicts() == set()
    assert a.value("organizations", org, "short_name") == kept


def test_restoring_puts_the_other_value_back_everywhere(make_pc: MakePC) -> None:
    a, b, org = _conflicting(make_pc)
    [row] = sync_views.conflicts(a.path)
    sync_views.restore(a.path, row.id)
    _rounds(a, b)
    for pc in (a, b):
        assert pc.value("organizations", org, "short_name") == row.other_value
        assert pc.conflicts() == set()


def test_restoring_an_edit_of_a_deleted_record_brings_it_back_with_children(
        make_pc: MakePC) -> None:
    a, b = make_pc("a"), make_pc("b")
    person = a.insert("persons", last_name="Кузнецова", phone="1")
    award = a.insert("awards", person_id=person, level="муниципальная", name="Грамота",
                     document="", created_at="t", updated_at="t")
    _rounds(a, b)
    a.delete("persons", person)
    b.update("persons", person, phone="2")
    _rounds(a, b)
    [row] = sync_views.conflicts(b.path)
    assert row.record == "Кузнецова Мария" and row.other_value == "2"
    sync_views.restore(b.path, row.id)
    _rounds(a, b)
    for pc in (a, b):
        assert pc.value("persons", person, "phone") == "2"
        assert pc.value("awards", award, "name") == "Грамота"
        assert pc.conflicts() == set()
        assert db.full_check(pc.path) == []


def test_the_journal_says_who_changed_what_where(make_pc: MakePC) -> None:
    a, b, org = _conflicting(make_pc)
    entries = sync_views.journal(b.path, org)
    assert [e.action for e in entries][-1] == "создание"
    assert {e.action for e in entries} == {"создание", "изменение"}
    values = {(e.workstation, e.value) for e in entries if e.field == "краткое наименование"}
    assert {("Каб. 1", "Было"), ("Каб. 1", "От А"), ("Каб. 2", "От Б")} <= values
    assert all(e.record == "От А" or e.record == "От Б" for e in entries)
    assert len(sync_views.journal(b.path)) >= len(entries)


def test_the_journal_names_linked_records_and_creations(make_pc: MakePC) -> None:
    a = make_pc("a")
    person = a.insert("persons", last_name="Орлова")
    award = a.insert("awards", person_id=person, level="муниципальная", name="Грамота",
                     document="", created_at="t", updated_at="t")
    org = a.insert("organizations", is_rural=0)
    a.sync()
    entries = sync_views.journal(a.path, award)
    assert {e.action for e in entries} == {"создание"}
    assert ("педагог", "Орлова Мария") in {(e.field, e.value) for e in entries}
    assert entries[0].record == "Орлова Мария: Грамота"
    rural = [e for e in sync_views.journal(a.path, org) if e.field == "сельская"]
    assert [(e.action, e.value) for e in rural] == [("создание", "нет")]


def _kept_parent(make_pc: MakePC) -> tuple[Workstation, Workstation, str, str]:
    a, b = make_pc("a"), make_pc("b")
    person = a.insert("persons", last_name="Белова")
    _rounds(a, b)
    a.delete("persons", person)
    award = b.insert("awards", person_id=person, level="муниципальная", name="Новая",
                     document="", created_at="t", updated_at="t")
    _rounds(a, b)
    return a, b, person, award


def test_keeping_a_kept_parent_makes_it_live_again_everywhere(make_pc: MakePC) -> None:
    a, b, person, _award = _kept_parent(make_pc)
    [row] = sync_views.conflicts(a.path)
    assert row.kind.startswith("удаление отменено")
    sync_views.keep(a.path, row.id)
    _rounds(a, b)
    assert a.conflicts() == b.conflicts() == set()
    assert a.value("persons", person, "id") == b.value("persons", person, "id") == person


def test_restoring_the_deletion_of_a_kept_parent_deletes_it_with_children(
        make_pc: MakePC) -> None:
    a, b, person, award = _kept_parent(make_pc)
    [row] = sync_views.conflicts(b.path)
    sync_views.restore(b.path, row.id)
    _rounds(a, b)
    for pc in (a, b):
        assert pc.value("persons", person, "id") is None
        assert pc.value("awards", award, "id") is None
        assert pc.conflicts() == set() and db.full_check(pc.path) == []


def _deleted_parent(make_pc: MakePC) -> tuple[Workstation, Workstation, str, str]:
    """A deleted a person with an award while B edited the award: a conflict on the child."""
    a, b = make_pc("a"), make_pc("b")
    person = a.insert("persons", last_name="Кузнецова", phone="1")
    award = a.insert("awards", person_id=person, level="муниципальная", name="Грамота",
                     document="", created_at="t", updated_at="t")
    _rounds(a, b)
    a.delete("persons", person)
    b.update("awards", award, name="Почётная грамота")
    _rounds(a, b)
    return a, b, person, award


def test_restoring_a_child_whose_parent_was_deleted_brings_both_back(
        make_pc: MakePC) -> None:
    a, b, person, award = _deleted_parent(make_pc)
    [row] = [r for r in sync_views.conflicts(b.path) if r.other_value == "Почётная грамота"]
    sync_views.restore(b.path, row.id)
    assert b.sql("PRAGMA foreign_key_check") == []
    _rounds(a, b)
    for pc in (a, b):
        assert pc.value("persons", person, "last_name") == "Кузнецова"
        assert pc.value("awards", award, "name") == "Почётная грамота"
        assert pc.sql("PRAGMA foreign_key_check") == [] and db.full_check(pc.path) == []
        assert pc.conflicts() == set()


@pytest.mark.parametrize("action", [sync_views.restore, sync_views.keep])
def test_a_database_error_is_reported_in_russian_and_changes_nothing(
        make_pc: MakePC, monkeypatch: pytest.MonkeyPatch,
        action: Callable[[Any, int], None]) -> None:
    _a, b, _person, _award = _deleted_parent(make_pc)
    [row] = [r for r in sync_views.conflicts(b.path) if r.other_value == "Почётная грамота"]
    before = (b.content(), b.conflicts(), b.sql("SELECT * FROM sync_pending"))
    settled = sync_views._settled

    def locked(*args: Any) -> None:
        settled(*args)  # written, then the database fails before the commit
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(sync_views, "_settled", locked)
    with pytest.raises(ServiceError) as failed:
        action(b.path, row.id)
    text = str(failed.value)
    assert text.startswith("Конфликт не решён") and "база данных занята" in text
    assert f"«{row.table}»" in text and f"«{row.record}»" in text and f"«{row.field}»" in text
    assert (b.content(), b.conflicts(), b.sql("SELECT * FROM sync_pending")) == before
