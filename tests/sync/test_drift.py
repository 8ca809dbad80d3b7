"""`check` finds records changed behind the synchronisation's back: an edit the triggers did
not see is never sent, so the workstations would differ for good without a word."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import pytest

from imc_desktop.sync.drift import drifted
from tests.sync.helpers import Workstation

MakePC = Callable[[str], Workstation]


def _behind_the_back(pc: Workstation, statement: str, *params: object) -> None:
    """A write with the triggers silent, as another tool or a hand-edited file would."""
    con = pc.con()
    try:
        con.execute("BEGIN")
        con.execute("INSERT INTO sync_applying (flag) VALUES (1)")
        con.execute(statement, params)
        con.execute("DELETE FROM sync_applying")
        con.execute("COMMIT")
    finally:
        con.close()


def _drift(pc: Workstation) -> list[tuple[str, str, str]]:
    con = sqlite3.connect(pc.path)
    try:
        return [(d.table, d.row, d.column) for d in drifted(con)]
    finally:
        con.close()


def _synced_pair(make_pc: MakePC) -> tuple[Workstation, Workstation, str]:
    a, b = make_pc("a"), make_pc("b")
    person = a.insert("persons", last_name="Смирнова", phone="111")
    for pc in (a, b, a):
        pc.sync()
    return a, b, person


def test_synced_workstations_have_no_drift(make_pc: MakePC) -> None:
    a, b, person = _synced_pair(make_pc)
    b.update("persons", person, phone="222")  # an ordinary edit: recorded and sent
    for pc in (b, a):
        pc.sync()
    assert _drift(a) == [] and _drift(b) == []


def test_an_unsent_local_edit_is_not_drift(make_pc: MakePC) -> None:
    a, _b, person = _synced_pair(make_pc)
    a.update("persons", person, phone="333")  # recorded, waiting for the next sync
    assert _drift(a) == []


def test_a_field_changed_behind_the_triggers_is_named(make_pc: MakePC) -> None:
    a, b, person = _synced_pair(make_pc)
    _behind_the_back(a, "UPDATE persons SET phone='999' WHERE id=?", person)
    [found] = drifted(sqlite3.connect(a.path))
    assert (found.table, found.row, found.column) == ("persons", person, "phone")
    assert found.stored == "999" and found.synced == "111"
    assert "поле phone" in found.describe() and "«999»" in found.describe()
    assert _drift(b) == []


def test_a_record_deleted_or_added_behind_the_triggers_is_named(make_pc: MakePC) -> None:
    a, _b, person = _synced_pair(make_pc)
    _behind_the_back(a, "DELETE FROM persons WHERE id=?", person)
    assert _drift(a) == [("persons", person, "")]


def test_check_fails_on_an_edit_made_behind_the_sync(make_pc: MakePC,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    from imc_desktop import cli

    a, b, person = _synced_pair(make_pc)
    assert cli.main(["check", "--db", str(b.path)]) == 0
    _behind_the_back(b, "UPDATE persons SET last_name='Петрова' WHERE id=?", person)
    assert cli.main(["check", "--db", str(b.path)]) == 1
    err = capsys.readouterr().err
    assert f"persons {person}, поле last_name" in err and "«Петрова»" in err
    assert "«Смирнова»" in err and "в обход синхронизации" in err
