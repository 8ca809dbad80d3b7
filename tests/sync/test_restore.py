"""Restoring one conflict of a deleted record is a new edit of exactly the restored value:
the record's other conflicts stay listed on every PC and can be restored later; a record
re-inserted with its old id does not wipe out the conflicts of the edits it had not seen."""

from __future__ import annotations

from collections.abc import Callable

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


def test_restoring_one_conflict_keeps_the_others_listed(make_pc: MakePC) -> None:
    pcs, person = _deleted_while_edited(make_pc)
    a = pcs[0]
    assert len(sync_views.conflicts(a.path)) == 3
    sync_views.restore(a.path, _conflict(a, NEW["phone"]).id)
    assert a.value("persons", person, "phone") == NEW["phone"]
    _rounds(*pcs)
    lists = [pc.conflicts() for pc in pcs]
    assert lists[0] == lists[1] == lists[2]
    for pc in pcs:
        assert pc.value("persons", person, "phone") == NEW["phone"]
        assert {r.other_value for r in sync_views.conflicts(pc.path)} == {
            NEW["email"], NEW["notes"]}
    _assert_each_value_from_one_side(pcs, person)
    sync_views.restore(pcs[1].path, _conflict(pcs[1], NEW["email"]).id)
    sync_views.restore(pcs[2].path, _conflict(pcs[2], NEW["notes"]).id)
    _rounds(*pcs)
    for pc in pcs:
        assert [pc.value("persons", person, c) for c in NEW] == list(NEW.values())
        assert pc.conflicts() == set() and db.full_check(pc.path) == []


def test_a_record_re_inserted_with_its_old_id_keeps_the_others_conflicts(
        make_pc: MakePC) -> None:
    pcs, person = _deleted_while_edited(make_pc)
    a = pcs[0]
    a.insert("persons", id=person, last_name="Смирнова", **OLD)
    _rounds(*pcs)
    lists = [pc.conflicts() for pc in pcs]
    assert lists[0] == lists[1] == lists[2]
    _assert_each_value_from_one_side(pcs, person)
    for pc in pcs:
        assert pc.value("persons", person, "last_name") == "Смирнова"
        changed = {c for c in NEW if pc.value("persons", person, c) != NEW[c]}
        listed = {r.other_value for r in sync_views.conflicts(pc.path)}
        assert listed == {NEW[c] for c in changed}, "each edit not current is listed"


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
