"""The local history after a sync keeps what merging needs and no more (SYNC.md, «It stays
small»): each field's winning version, what may still be a conflict, what is not published."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from imc_desktop.services.sync import views as sync_views
from imc_desktop.sync import compact, engine, merge
from imc_desktop.sync.segment import segment_name
from imc_desktop.sync.share import Share
from tests.sync.helpers import Workstation, add_people, rounds

MakePC = Callable[[str], Workstation]


def _versions(pc: Workstation, row: str, column: str) -> list[tuple[Any, ...]]:
    return pc.sql("SELECT key, value FROM sync_versions WHERE row_id=? AND column_name=? "
                  "AND kind='v' ORDER BY key", row, column)


def _conflict(pc: Workstation, column: str) -> tuple[int, Any]:
    """The id of the conflict of `column` and its other value."""
    [(ident, value)] = pc.sql("SELECT id, loser_value FROM sync_conflicts WHERE "
                              "column_name=?", column)
    return int(ident), json.loads(value)


def _site(pc: Workstation) -> str:
    return str(pc.sql("SELECT value FROM sync_state WHERE name='site'")[0][0])


@contextmanager
def _no_compaction(monkeypatch: pytest.MonkeyPatch, *pcs: Workstation) -> Iterator[None]:
    """These PCs keep their whole history (as before compaction existed)."""
    sites = {_site(pc) for pc in pcs}
    real = compact.compact

    def maybe(con: sqlite3.Connection, site: str, complete: bool = True
              ) -> compact.Compaction:
        return compact.Compaction() if site in sites or not pcs else real(con, site, complete)

    with monkeypatch.context() as patch:
        patch.setattr(compact, "compact", maybe)
        yield


def test_the_first_sync_keeps_one_row_per_record_with_every_field_and_its_version(
        make_pc: MakePC) -> None:
    a = make_pc("a")
    people = add_people(a.path, 30)
    a.sync()
    assert a.sql("SELECT count(*) FROM sync_changes") == [(0,)]
    assert a.sql("SELECT count(*) FROM sync_base WHERE table_name='persons'") == [(30,)]
    [(key,)] = a.sql("SELECT key FROM sync_versions WHERE row_id=? AND kind='e'", people[7])
    con = a.con()
    cur = con.execute("SELECT * FROM persons WHERE id=?", (people[7],))
    current = dict(zip([d[0] for d in cur.description], cur.fetchone(), strict=True))
    con.close()
    shown = {c: (k, v) for c, k, v in a.sql(
        "SELECT column_name, key, value FROM sync_versions WHERE row_id=? AND kind='v'",
        people[7])}
    assert shown == {c: (key, json.dumps(v, ensure_ascii=False))
                     for c, v in current.items() if c != "id"}
    entries = sync_views.journal(a.path, people[7])
    assert {e.action for e in entries} == {"создание"}


def test_a_superseded_version_is_pruned_and_the_last_one_keeps_what_it_overwrote(
        make_pc: MakePC) -> None:
    a, b = make_pc("a"), make_pc("b")
    person = a.insert("persons")
    rounds(a, b)
    for number, pc in enumerate([a, b, a], 1):
        pc.update("persons", person, phone=f"+7 900 000-00-0{number}")
        rounds(a, b)  # each edit is made having seen the one before
    for pc in (a, b):
        [(key, value)] = _versions(pc, person, "phone")
        assert value == '"+7 900 000-00-03"'
        [(seen,)] = pc.sql("SELECT seen FROM sync_versions WHERE row_id=? AND "
                           "column_name='phone'", person)
        assert seen is not None and seen < key
        assert pc.conflicts() == set()


def test_a_conflict_keeps_both_values_until_settled_then_the_loser_goes(
        make_pc: MakePC) -> None:
    a, b, c = make_pc("a"), make_pc("b"), make_pc("c")
    person = a.insert("persons")
    rounds(a, b, c)
    a.update("persons", person, phone="из А")
    b.update("persons", person, phone="из Б")
    rounds(a, b, c)
    for pc in (a, b, c):
        assert [v for _k, v in _versions(pc, person, "phone")][-2:] in (
            ['"из А"', '"из Б"'], ['"из Б"', '"из А"'])
        assert len(pc.conflicts()) == 1
    ident, restored = _conflict(c, "phone")
    sync_views.restore(c.path, ident)
    rounds(a, b, c)
    for pc in (a, b, c):
        assert pc.conflicts() == set()
        assert [v for _k, v in _versions(pc, person, "phone")] == [
            json.dumps(restored, ensure_ascii=False)]
        assert pc.value("persons", person, "phone") == restored


def test_a_field_changed_on_two_pcs_after_pruning_is_still_a_conflict(
        make_pc: MakePC) -> None:
    a, b = make_pc("a"), make_pc("b")
    person = a.insert("persons")
    rounds(a, b)
    a.update("persons", person, phone="1")
    rounds(a, b)
    b.update("persons", person, phone="2")
    rounds(a, b)
    assert len(_versions(a, person, "phone")) == 1  # pruned
    a.update("persons", person, phone="А")
    b.update("persons", person, phone="Б")
    rounds(a, b)
    assert a.conflicts() == b.conflicts() != set()
    assert {c for _t, _r, c, *_rest in a.conflicts()} == {"phone"}
    assert a.value("persons", person, "phone") == b.value("persons", person, "phone")


def test_a_row_deleted_while_edited_and_restored_comes_back_everywhere(
        make_pc: MakePC) -> None:
    a, b, c = make_pc("a"), make_pc("b"), make_pc("c")
    person = a.insert("persons", last_name="Смирнова", phone="старый")
    rounds(a, b, c)
    b.update("persons", person, phone="новый")
    rounds(a, b, c)  # the old phone is pruned everywhere
    a.delete("persons", person)
    b.update("persons", person, email="b@школа.рф")
    rounds(a, b, c)
    for pc in (a, b, c):
        assert pc.value("persons", person, "last_name") is None
    sync_views.restore(c.path, _conflict(c, "email")[0])
    rounds(a, b, c)
    for pc in (a, b, c):
        assert pc.conflicts() == set()
        assert (pc.value("persons", person, "last_name"), pc.value("persons", person, "phone"),
                pc.value("persons", person, "email")) == ("Смирнова", "новый", "b@школа.рф")
    assert a.content() == b.content() == c.content()


def test_an_unpublished_change_survives_pruning_and_arrives_later(
        make_pc: MakePC, share: Share, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = make_pc("a"), make_pc("b")
    person = a.insert("persons")
    rounds(a, b)
    a.update("persons", person, phone="1")
    rounds(a, b)
    a.update("persons", person, phone="2")

    def refuse(self: Share, rel: str, data: bytes) -> None:
        raise OSError("сеть пропала")

    with monkeypatch.context() as patch:
        patch.setattr(Share, "write_new", refuse)
        with pytest.raises(OSError):
            a.sync()
    con = a.con()
    try:
        con.execute("BEGIN IMMEDIATE")
        compact.compact(con, _site(a))
        con.execute("COMMIT")
    finally:
        con.close()
    assert len(_versions(a, person, "phone")) == 2  # the sent one and the sealed one
    rounds(a, b)
    assert b.value("persons", person, "phone") == "2"
    assert len(_versions(a, person, "phone")) == len(_versions(b, person, "phone")) == 1


def test_a_segment_sent_again_after_the_receiver_pruned_brings_no_false_conflict(
        make_pc: MakePC, share: Share, monkeypatch: pytest.MonkeyPatch) -> None:
    """B applied A's file and pruned the version in it; the file goes missing and A (which
    keeps its whole history here) sends it again: B must not take the old value back as new."""
    a, b = make_pc("a"), make_pc("b")
    person = a.insert("persons")
    rounds(a, b)
    with _no_compaction(monkeypatch, a):
        a.update("persons", person, phone="1")
        a.sync()
        seq = int(a.sql("SELECT max(seq) FROM sync_published")[0][0])
        b.sync()
        for value in ("2", "3"):
            a.update("persons", person, phone=value)
            rounds(a, b, count=1)
        assert len(_versions(b, person, "phone")) == 1
        (share.root / "sites" / _site(a) / segment_name(seq)).unlink()
        rounds(a, b)
    assert b.conflicts() == set() and a.conflicts() == set()
    assert b.value("persons", person, "phone") == a.value("persons", person, "phone") == "3"


def _scenario(make_pc: MakePC) -> list[Workstation]:
    """Three PCs: creations, edits of the same fields, a delete while edited, a settled and
    an unsettled conflict."""
    a, b, c = make_pc("a"), make_pc("b"), make_pc("c")
    org = a.insert("organizations", short_name="СОШ 1")
    people = [a.insert("persons", last_name=f"Фамилия {n}") for n in range(4)]
    rounds(a, b, c)
    a.update("persons", people[0], phone="а1")
    b.update("persons", people[0], phone="б1")
    c.update("persons", people[1], email="c@x")
    rounds(a, b, c, count=1)
    b.update("persons", people[1], email="b@x")
    a.delete("persons", people[2])
    c.update("persons", people[2], notes="правка")
    b.update("organizations", org, short_name="СОШ № 1")
    rounds(a, b, c)
    sync_views.keep(a.path, _conflict(a, "phone")[0])
    c.update("persons", people[3], phone="с3")
    a.update("persons", people[3], phone="а3")
    rounds(a, b, c)
    return [a, b, c]


def _outcome(pcs: list[Workstation]) -> tuple[Any, ...]:
    contents = [pc.content() for pc in pcs]
    conflicts = [{(t, r, c, k, lv, wv) for t, r, c, k, _lk, lv, _wk, wv in pc.conflicts()}
                 for pc in pcs]
    assert all(x == contents[0] for x in contents) and all(x == conflicts[0] for x in conflicts)
    people = {r for t, rows in contents[0].items() if t == "persons" for r in rows}
    return ({tuple(v for v in r if _plain(v)) for r in people},
            {tuple(v for v in c if _plain(v)) for c in conflicts[0]})


def _plain(value: Any) -> bool:
    """Not an id nor a time (they differ from run to run)."""
    return not (isinstance(value, str) and (len(value) == 36 or value.startswith("20")))


def test_pruning_changes_neither_the_data_nor_the_conflicts(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def maker(folder: Path) -> MakePC:
        (folder / "share").mkdir(parents=True)
        share = Share(folder / "share")
        return lambda name: Workstation(folder / name / "imc.sqlite", share, name)

    with _no_compaction(monkeypatch):
        whole = _scenario(maker(tmp_path / "whole"))
    pruned = _scenario(maker(tmp_path / "pruned"))
    assert sum(pc.sql("SELECT count(*) FROM sync_versions")[0][0] for pc in pruned) < sum(
        pc.sql("SELECT count(*) FROM sync_versions")[0][0] for pc in whole)
    assert _outcome(pruned) == _outcome(whole)


def test_the_freed_space_is_given_back_and_a_small_free_part_is_left(
        make_pc: MakePC, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compact, "VACUUM_BYTES", 64 * 1024)
    a = make_pc("a")
    add_people(a.path, 1500)
    a.sync()
    con = a.con()
    try:
        size, free = compact.file_size(con)
        assert free < size * compact.VACUUM_SHARE
        done = compact.Compaction()
        compact.vacuum_if_worth(con, done)
        assert not done.vacuumed and done.size_after == size
    finally:
        con.close()
    with _no_compaction(monkeypatch, a):
        b = make_pc("b")
        add_people(b.path, 1500)
        b.sync()
    assert a.path.stat().st_size < b.path.stat().st_size / 2


def test_the_engine_calls_the_compaction_after_publishing(make_pc: MakePC,
                                                           share: Share) -> None:
    a = make_pc("a")
    a.insert("persons")
    order: list[str] = []
    real_publish, real_compact = engine._Run.publish, engine._Run.compact

    def publish(run: Any) -> None:
        order.append("publish")
        real_publish(run)

    def compacting(run: Any) -> None:
        order.append("compact")
        real_compact(run)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(engine._Run, "publish", publish)
        patch.setattr(engine._Run, "compact", compacting)
        a.sync()
    assert order == ["publish", "compact"]


def test_a_deleted_person_keeps_only_the_id_and_the_deletion_after_every_pc_saw_it(
        make_pc: MakePC, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = make_pc("a"), make_pc("b")
    person = a.insert("persons", last_name="Забытова", snils="11223344595", phone="+7 999")
    other = a.insert("persons", last_name="Помнящая")
    rounds(a, b)
    a.delete("persons", person)
    rounds(a, b)

    def personal(pc: Workstation) -> list[Any]:
        found = pc.sql("SELECT content FROM sync_tombstones WHERE row_id=?", person)
        found += pc.sql("SELECT value FROM sync_versions WHERE row_id=?", person)
        return [v for (v,) in found if v and ("Забытова" in v or "11223344595" in v)]

    for pc in (a, b):
        assert personal(pc), "a recent deletion keeps the content: it can still be undone"
    with monkeypatch.context() as patch:
        patch.setattr(compact, "SEEN_BY_ALL_DAYS", 0)  # as if the 90 days had passed
        rounds(a, b)
    for pc in (a, b):
        assert personal(pc) == []
        assert pc.sql("SELECT value FROM sync_versions WHERE row_id=? AND kind='e' ORDER BY key",
                      person) == [("1",), ("0",)]
        assert pc.value("persons", other, "last_name") == "Помнящая"
        assert pc.sql("SELECT count(*) FROM sync_versions WHERE row_id=? AND kind='v'",
                      other)[0][0] > 5
    b.update("persons", other, phone="после")
    rounds(a, b)
    assert a.value("persons", other, "phone") == "после" and a.conflicts() == set()


def test_a_version_stored_again_after_folding_is_one_version_and_one_conflict(
        make_pc: MakePC) -> None:
    """A copy made by an earlier version applied its original's files again after their
    changes were folded: the same version is in the folded history and among the changes.
    It is one version: its conflict is listed once."""
    a = make_pc("a")
    person = a.insert("persons", email="первый")
    a.sync()
    [(key, value, site, segment)] = a.sql(
        "SELECT key, value, site, segment FROM sync_versions WHERE row_id=? AND "
        "column_name='email'", person)
    assert a.sql("SELECT count(*) FROM sync_changes") == [(0,)], "folded"
    con = sqlite3.connect(a.path, isolation_level=None)
    try:
        con.execute("INSERT INTO sync_applying (flag) VALUES (1)")
        con.execute("INSERT INTO sync_changes VALUES ('persons',?,'email','v',?,?,NULL,?,?)",
                    (person, key, value, site, segment))
        other = f"{int(key[:20]) + 1:020d}.{'0' * 8}-0000-4000-8000-{'0' * 12}"
        con.execute("INSERT INTO sync_changes VALUES ('persons',?,'email','v',?,'\"чужой\"',"
                    "NULL,?,1)", (person, other, other[21:]))
        con.execute("DELETE FROM sync_applying")
        listed = merge.row_state(con, "persons", person).conflicts
    finally:
        con.close()
    assert [(c[2], c[4], json.loads(c[5])) for c in listed] == [("email", key, "первый")]
