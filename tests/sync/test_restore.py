"""Restoring one conflict of a deleted record is a new edit of exactly the restored value:
the record comes back as it stands, its other fields keeping their versions, so edits made
elsewhere meanwhile are neither overridden nor made conflicts; a record re-inserted with its
old id keeps the versions of the values it had when deleted."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from imc_desktop import db
from imc_desktop.services.sync import views as sync_views
from tests.sync.helpers import Workstation

MakePC = Callable[[str], Workstation]
OLD = {"phone": "старый телефон", "email": "old@school.ru", "notes": "старые заметки"}
NEW = {"phone": "новый телефон", "email": "new@school.ru", "notes": "новые заметки"}


def _rounds(*pcs: Workstation) -> None:
    for _ in range(2):
        for pc in pcs:
            pc.sync()


def _deleted_while_edited(make_pc: MakePC) -> tuple[list[Workstation], str]:
    """A deletes a pedagogue while B changes her phone, email and notes."""
    pcs = [make_pc("a"), make_pc("b"), make_pc("c")]
    a, b, _c = pcs
    person = a.insert("persons", last_name="Смирнова", **OLD)
    _rounds(*pcs)
    a.delete("persons", person)
    b.update("persons", person, **NEW)
    _rounds(*pcs)
    return pcs, person


def _conflict(pc: Workstation, other: str) -> sync_views.ConflictRow:
    [row] = [r for r in sync_views.conflicts(pc.path) if r.other_value == other]
    return row


def _assert_each_value_from_one_side(pcs: list[Workstation], person: str) -> None:
    for column in NEW:
        values = {pc.value("persons", person, column) for pc in pcs}
        assert len(values) == 1 and values <= {OLD[column], NEW[column]}, (column, values)


def _versions_by(pc: Workstation, person: str, key: str) -> set[str]:
    """The fields of `person` given a version by the author of `key` after it."""
    site = key.split(".", 1)[1]
    return {c for (c,) in pc.sql("SELECT column_name FROM sync_versions WHERE table_name="
                                 "'persons' AND row_id=? AND kind='v' AND key>? AND site=?",
                                 person, key, site)}


def test_a_restore_stamps_only_the_restored_field(make_pc: MakePC) -> None:
    """A deletes a pedagogue while B changes three of her fields and C, not synced yet,
    changes her e-mail once more. A restores one of the three: the record comes back with
    its latest values, only the restored field is a new edit, C's later e-mail stays current
    without a conflict made by the restore, and B's e-mail that C's overwrote unseen stays
    listed."""
    pcs = [make_pc("a"), make_pc("b"), make_pc("c")]
    a, b, c = pcs
    person = a.insert("persons", last_name="Смирнова", **OLD)
    _rounds(*pcs)
    a.delete("persons", person)
    b.update("persons", person, **NEW)
    c.update("persons", person, email="c@school.ru")
    for pc in (a, b, a):
        pc.sync()
    assert {r.other_value for r in sync_views.conflicts(a.path)} == set(NEW.values())
    [(deleted_at,)] = a.sql("SELECT max(key) FROM sync_versions WHERE kind='e' AND value='0'")
    sync_views.restore(a.path, _conflict(a, NEW["phone"]).id)
    assert [a.value("persons", person, f) for f in NEW] == list(NEW.values()), \
        "the record comes back as it stands, with the edits made to it meanwhile"
    _rounds(*pcs)
    lists = [pc.conflicts() for pc in pcs]
    assert lists[0] == lists[1] == lists[2]
    assert a.content() == b.content() == c.content()
    for pc in pcs:
        assert pc.value("persons", person, "phone") == NEW["phone"]
        assert pc.value("persons", person, "notes") == NEW["notes"]
        assert pc.value("persons", person, "email") == "c@school.ru"
        [listed] = sync_views.conflicts(pc.path)
        assert (listed.other_value, listed.kept_value) == (NEW["email"], "c@school.ru")
        assert _versions_by(pc, person, deleted_at) <= {"phone"}, "only the restored field"
        assert db.full_check(pc.path) == []


def test_restoring_one_conflict_brings_back_the_others_edits_as_current(
        make_pc: MakePC) -> None:
    """Restoring one of three conflicts of a deleted record: the record is back with all
    three edits made to it meanwhile, on every PC; none of them is lost and none is listed
    any more (each is the current value)."""
    pcs, person = _deleted_while_edited(make_pc)
    a = pcs[0]
    assert len(sync_views.conflicts(a.path)) == 3
    sync_views.restore(a.path, _conflict(a, NEW["phone"]).id)
    _rounds(*pcs)
    for pc in pcs:
        assert [pc.value("persons", person, c) for c in NEW] == list(NEW.values())
        assert pc.conflicts() == set() and db.full_check(pc.path) == []


def test_a_record_re_inserted_with_its_old_id_keeps_the_newer_edits(
        make_pc: MakePC) -> None:
    """A deleted record inserted again with its old id (raw SQL, an import): the values it
    had when deleted keep their versions, so the edits made elsewhere meanwhile stay
    current; a value the re-insert changed is a new edit, and the edit it overwrote unseen
    is listed."""
    pcs, person = _deleted_while_edited(make_pc)
    a = pcs[0]
    a.insert("persons", id=person, last_name="Смирнова", **{**OLD, "notes": "из файла"})
    _rounds(*pcs)
    lists = [pc.conflicts() for pc in pcs]
    assert lists[0] == lists[1] == lists[2]
    for pc in pcs:
        assert pc.value("persons", person, "last_name") == "Смирнова"
        assert pc.value("persons", person, "phone") == NEW["phone"]
        assert pc.value("persons", person, "email") == NEW["email"]
        assert pc.value("persons", person, "notes") == "из файла"
        assert {r.other_value for r in sync_views.conflicts(pc.path)} == {NEW["notes"]}


def test_a_record_re_inserted_as_it_was_deleted_loses_nothing(make_pc: MakePC) -> None:
    pcs, person = _deleted_while_edited(make_pc)
    a = pcs[0]
    a.insert("persons", id=person, last_name="Смирнова", **OLD)
    _rounds(*pcs)
    for pc in pcs:
        assert [pc.value("persons", person, c) for c in NEW] == list(NEW.values())
        assert pc.conflicts() == set()


def test_restores_made_on_two_pcs_at_once_are_both_kept(make_pc: MakePC) -> None:
    pcs, person = _deleted_while_edited(make_pc)
    a, _b, c = pcs
    sync_views.restore(a.path, _conflict(a, NEW["phone"]).id)
    sync_views.restore(c.path, _conflict(c, NEW["email"]).id)
    _rounds(*pcs)
    lists = [pc.conflicts() for pc in pcs]
    assert lists[0] == lists[1] == lists[2]
    _assert_each_value_from_one_side(pcs, person)
    for pc in pcs:
        listed = {r.other_value for r in sync_views.conflicts(pc.path)}
        for column in ("phone", "email"):
            restored = pc.value("persons", person, column) == NEW[column]
            assert restored or NEW[column] in listed, f"the restore of {column} is lost"


def test_restoring_a_field_conflict_of_a_record_deleted_here_and_not_sent_brings_it_back(
        make_pc: MakePC, monkeypatch: pytest.MonkeyPatch) -> None:
    """A deleted the pedagogue but could not send it yet (its clock was off); meanwhile B and
    C changed her surname, and A lists their conflict. Restoring B's value on A is an edit
    of a record A no longer has: it comes back with that value, it is not «settled» away."""
    import time

    from imc_desktop.sync import engine

    a, b, c = make_pc("ПК А"), make_pc("ПК Б"), make_pc("ПК В")
    person = b.insert("persons", last_name="Петрова")
    school = b.insert("organizations", short_name="Школа")
    job = b.insert("employments", person_id=person, organization_id=school,
                   position="учитель", job_type="основное место работы", subjects="",
                   created_at="2026-01-01", updated_at="2026-01-01")
    for pc in (b, a, c):
        pc.sync()
    a.delete("persons", person)
    b.update("persons", person, last_name="Петрова-Б")
    c.update("persons", person, last_name="Петрова-В")
    b.sync()
    c.sync()
    with monkeypatch.context() as patch:  # not undo(): that would undo the isolated home
        patch.setattr(engine, "now_ms", lambda: int(time.time() * 1000) + 11 * 60_000)
        assert a.sync().pushed == 0  # receives, sends nothing
    assert a.value("persons", person, "id") is None
    assert a.value("employments", job, "id") is None, "deleted with her"
    [(ident, value)] = a.sql("SELECT id, loser_value FROM sync_conflicts WHERE "
                             "column_name='last_name'")
    sync_views.restore(a.path, ident)
    restored = json.loads(value)
    assert a.value("persons", person, "last_name") == restored
    assert a.value("employments", job, "position") == "учитель", "her job comes back too"
    for _ in range(2):
        for pc in (a, b, c):
            pc.sync()
    for pc in (a, b, c):
        assert pc.value("persons", person, "last_name") == restored, pc.name
    assert a.content() == b.content() == c.content()
