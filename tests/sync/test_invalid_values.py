"""A value no field can hold arriving by sync (a hand-made or damaged file, an edit made by
SQL behind the program's back) never becomes current: every PC keeps the last good value
and lists the refused one among the conflicts — the same on all PCs (SYNC.md; the limits
are those of services/common/values.py)."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from imc_desktop.services.common.errors import ServiceError
from imc_desktop.services.sync import views as sync_views
from imc_desktop.sync.merge import TEXT_LIMIT, refusal
from tests.sync.helpers import Workstation, rounds

MakePC = Callable[[str], Workstation]


@pytest.mark.parametrize(("decl", "value", "refused"), [
    ("DATE", "1900-01-01", False), ("DATE", "2100-12-31", False),
    ("DATE", "1899-12-31", True), ("DATE", "2101-01-01", True),
    ("DATETIME", "9999-12-31 00:00:00.000000", True), ("DATE", "", False),
    ("FLOAT", 1e15, False), ("FLOAT", 1.0000001e15, True), ("FLOAT", float("nan"), True),
    ("FLOAT", float("inf"), True), ("FLOAT", -45000.5, False),
    ("INTEGER", 2 ** 63 - 1, False), ("INTEGER", 2 ** 63, True), ("INTEGER", -(2 ** 63), True),
    ("TEXT", "x" * TEXT_LIMIT, False), ("TEXT", "x" * (TEXT_LIMIT + 1), True),
    ("VARCHAR(200)", "строка\tс табуляцией\nи переводом", False),
    ("VARCHAR(200)", "управляющий\x01символ", True), ("TEXT", "DEL\x7f", True),
    ("VARCHAR(20)", "длиннее двадцати знаков, но SQLite это хранит", False),
    ("BOOLEAN", True, False), ("VARCHAR(10)", None, False),
])
def test_the_limits_are_the_services_limits(decl: str, value: object, refused: bool) -> None:
    text = json.dumps(value, ensure_ascii=False)
    assert bool(refusal(decl, text)) == refused, (decl, text[:40])


def test_an_impossible_value_made_by_sql_is_listed_not_applied(make_pc: MakePC) -> None:
    a, b = make_pc("ПК А"), make_pc("ПК Б")
    person = a.insert("persons", last_name="Иванова", birth_date="1980-05-01", notes="ок")
    rounds(a, b)
    a.update("persons", person, birth_date="9999-12-31", notes="плохой\x01текст")
    rounds(a, b)
    for pc in (a, b):
        assert pc.value("persons", person, "birth_date") == "1980-05-01", pc.name
        assert pc.value("persons", person, "notes") == "ок", pc.name
        listed = {(c[2], c[3], json.loads(c[5])) for c in pc.conflicts()}
        assert listed == {("birth_date", "invalid", "9999-12-31"),
                          ("notes", "invalid", "плохой\x01текст")}, pc.name
    assert a.content() == b.content() and a.conflicts() == b.conflicts()


def test_a_refused_value_cannot_be_restored_and_keeping_the_current_one_settles_it(
        make_pc: MakePC) -> None:
    a, b = make_pc("ПК А"), make_pc("ПК Б")
    person = a.insert("persons", last_name="Иванова", birth_date="1980-05-01")
    rounds(a, b)
    b.update("persons", person, birth_date="1850-01-01")
    rounds(b, a)
    [(ident,)] = a.sql("SELECT id FROM sync_conflicts")
    with pytest.raises(ServiceError, match="нельзя вернуть"):
        sync_views.restore(a.path, ident)
    assert a.value("persons", person, "birth_date") == "1980-05-01"
    sync_views.keep(a.path, ident)
    rounds(a, b)
    assert a.conflicts() == b.conflicts() == set()
    assert b.value("persons", person, "birth_date") == "1980-05-01"


def test_a_good_edit_elsewhere_is_current_and_the_refused_one_stays_listed(
        make_pc: MakePC) -> None:
    """B changes the phone before it has A's impossible one: B's is current everywhere and
    A's is listed, until the user keeps the current value."""
    a, b = make_pc("ПК А"), make_pc("ПК Б")
    person = a.insert("persons", last_name="Иванова", phone="1")
    rounds(a, b)
    a.update("persons", person, phone="x" * (TEXT_LIMIT + 5))
    b.update("persons", person, phone="2")
    rounds(a, b)
    for pc in (a, b):
        assert pc.value("persons", person, "phone") == "2", pc.name
    assert a.conflicts() == b.conflicts()
    assert [c[3] for c in a.conflicts()] == ["invalid"]
    a.update("persons", person, phone="3")
    rounds(a, b)
    assert b.value("persons", person, "phone") == "3"
    assert a.conflicts() == b.conflicts()
