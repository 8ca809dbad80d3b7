"""Kept parents are a function of the final state: a deleted parent is present exactly while
some live child refers to it, whatever the order in which the PCs synchronise."""

from __future__ import annotations

from collections.abc import Callable

from tests.sync.helpers import Workstation

MakePC = Callable[[str], Workstation]


def _award(pc: Workstation, person: str) -> str:
    return pc.insert("awards", person_id=person, level="муниципальная", name="Грамота",
                     document="", created_at="t", updated_at="t")


def test_a_kept_parent_goes_everywhere_once_its_child_moves(make_pc: MakePC) -> None:
    a, b, c, late = make_pc("a"), make_pc("b"), make_pc("c"), make_pc("late")
    first = a.insert("persons", last_name="Первый")
    second = a.insert("persons", last_name="Второй")
    for pc in (a, b, c):
        pc.sync()
    award = _award(b, first)  # b has not seen the delete
    a.delete("persons", first)
    for pc in (b, a, c):
        pc.sync()
    assert a.value("persons", first, "id") == first, "kept for the award a did not know"
    c.update("awards", award, person_id=second)
    for _round in range(2):
        for pc in (c, a, b, late):
            pc.sync()
    for pc in (a, b, c, late):
        assert pc.value("persons", first, "id") is None, pc.name
        assert pc.value("awards", award, "person_id") == second
    assert a.content() == b.content() == c.content() == late.content()
    assert a.conflicts() == b.conflicts() == c.conflicts() == late.conflicts()


def test_a_kept_parent_stays_while_a_child_refers_to_it(make_pc: MakePC) -> None:
    a, b, late = make_pc("a"), make_pc("b"), make_pc("late")
    person = a.insert("persons", last_name="Родитель")
    for pc in (a, b):
        pc.sync()
    _award(b, person)
    a.delete("persons", person)
    for _round in range(2):
        for pc in (a, b, late):
            pc.sync()
    for pc in (a, b, late):
        assert pc.value("persons", person, "id") == person, pc.name
    assert a.content() == b.content() == late.content()
    assert a.conflicts() == b.conflicts() == late.conflicts()
