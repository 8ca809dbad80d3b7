"""The sync engine on real SQLite files and a real temporary folder."""

from __future__ import annotations

import gzip
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from unittest import mock

import pytest

from imc_desktop import db
from imc_desktop.sync import engine
from imc_desktop.sync.share import Share
from imc_desktop.sync.store import SyncStopped
from tests.sync.helpers import Workstation, opened, sealed_for

MakePC = Callable[[str], Workstation]


def _rounds(*pcs: Workstation, count: int = 2) -> None:
    for _ in range(count):
        for pc in pcs:
            pc.sync()


def test_a_new_record_reaches_the_other_workstation(make_pc: MakePC) -> None:
    a, b = make_pc("a"), make_pc("b")
    org = a.insert("organizations", short_name="Школа № 1")
    first = a.sync()
    assert (first.pushed, first.pulled) == (1, 0)
    got = b.sync()
    assert (got.pulled, got.applied, got.pushed) == (1, 1, 0)
    assert b.value("organizations", org, "short_name") == "Школа № 1"
    assert b.sql("SELECT count(*) FROM sync_pending") == [(0,)], "applied is not re-recorded"
    assert db.full_check(b.path) == []


def test_edits_of_different_fields_merge_without_a_question(make_pc: MakePC) -> None:
    a, b = make_pc("a"), make_pc("b")
    org = a.insert("organizations")
    _rounds(a, b)
    a.update("organizations", org, short_name="Новое имя", updated_at="2026-02-01 10:00:00")
    b.update("organizations", org, pupils=300, updated_at="2026-02-01 10:05:00")
    _rounds(a, b)
    for pc in (a, b):
        assert pc.value("organizations", org, "short_name") == "Новое имя"
        assert pc.value("organizations", org, "pupils") == 300
        assert pc.conflicts() == set()
    assert a.content() == b.content()


def test_concurrent_edits_of_one_field_list_the_loser_on_every_pc(make_pc: MakePC) -> None:
    a, b, c = make_pc("a"), make_pc("b"), make_pc("c")
    org = a.insert("organizations", short_name="Было")
    _rounds(a, b, c)
    a.update("organizations", org, short_name="От А")
    b.update("organizations", org, short_name="От Б")
    _rounds(a, b, c)
    assert a.content() == b.content() == c.content()
    [conflict] = a.conflicts()
    assert a.conflicts() == b.conflicts() == c.conflicts()
    assert {json.loads(conflict[5]), json.loads(conflict[7])} == {"От А", "От Б"}
    assert json.loads(conflict[7]) == a.value("organizations", org, "short_name")


def test_an_edit_made_after_seeing_another_is_not_a_conflict(make_pc: MakePC) -> None:
    a, b = make_pc("a"), make_pc("b")
    org = a.insert("organizations", short_name="1")
    _rounds(a, b)
    a.update("organizations", org, short_name="2")
    _rounds(a, b)
    b.update("organizations", org, short_name="3")
    _rounds(a, b)
    assert a.value("organizations", org, "short_name") == "3"
    assert a.conflicts() == b.conflicts() == set()


def test_a_delete_wins_over_a_concurrent_edit_which_is_listed(make_pc: MakePC) -> None:
    a, b = make_pc("a"), make_pc("b")
    person = a.insert("persons", last_name="Петрова", phone="1")
    _rounds(a, b)
    a.delete("persons", person)
    b.update("persons", person, phone="2")
    _rounds(a, b)
    for pc in (a, b):
        assert pc.value("persons", person, "id") is None
        [(content,)] = pc.sql("SELECT content FROM sync_tombstones WHERE row_id=?", person)
        assert json.loads(content)["last_name"] == "Петрова"
    assert a.conflicts() == b.conflicts()
    [conflict] = a.conflicts()
    assert conflict[2:4] == ("phone", "deleted") and json.loads(conflict[5]) == "2"


def test_a_parent_with_children_the_deleting_pc_did_not_see_is_kept(make_pc: MakePC) -> None:
    a, b = make_pc("a"), make_pc("b")
    person = a.insert("persons", last_name="Сидорова")
    known = a.insert("awards", person_id=person, level="муниципальная", name="Грамота",
                     document="", created_at="t", updated_at="t")
    _rounds(a, b)
    a.delete("persons", person)  # the award it knows goes with it
    new = b.insert("awards", person_id=person, level="региональная", name="Благодарность",
                   document="", created_at="t", updated_at="t")
    _rounds(a, b)
    for pc in (a, b):
        assert pc.value("persons", person, "last_name") == "Сидорова"
        assert pc.value("awards", new, "name") == "Благодарность"
        assert pc.value("awards", known, "id") is None
        assert ("persons", person, "", "kept") in {c[:4] for c in pc.conflicts()}
        assert db.full_check(pc.path) == []
    assert a.content() == b.content()
    b.delete("awards", new)
    _rounds(a, b)
    for pc in (a, b):
        assert pc.value("persons", person, "id") is None, "the parent goes with its last child"
        assert db.full_check(pc.path) == []


def test_a_second_sync_with_nothing_new_changes_nothing(make_pc: MakePC, share: Share) -> None:
    a, b = make_pc("a"), make_pc("b")
    a.insert("persons")
    _rounds(a, b)
    files = sorted(p.name for p in share.root.rglob("*"))
    history = ("SELECT * FROM sync_changes", "SELECT * FROM sync_base",
               "SELECT * FROM sync_versions")
    before = a.content(), [set(a.sql(q)) for q in history]
    again = a.sync()
    assert (again.pulled, again.applied, again.pushed) == (0, 0, 0)
    assert (a.content(), [set(a.sql(q)) for q in history]) == before
    assert sorted(p.name for p in share.root.rglob("*")) == files


def _segment(share: Share, pc: Workstation) -> Path:
    [(site,)] = pc.sql("SELECT value FROM sync_state WHERE name='site'")
    return share.root / "sites" / site / "000000000001.seg"


@pytest.mark.parametrize("damage", ["truncated", "edited", "foreign", "not gzip"])
def test_a_bad_file_is_quarantined_and_reported_never_applied(
        make_pc: MakePC, share: Share, damage: str) -> None:
    a, b = make_pc("a"), make_pc("b")
    a.insert("persons", last_name="Тестова")
    a.sync()
    seg = _segment(share, a)
    data = seg.read_bytes()
    body = gzip.decompress(opened(share, seg))
    bad = {"truncated": data[: len(data) // 2],  # sealed with the key, then damaged inside:
           "edited": sealed_for(share, seg, gzip.compress(
               body.replace("Тестова".encode(), "Другая".encode()))),
           "foreign": sealed_for(share, seg, gzip.compress(
               body.replace(b'"store":"', b'"store":"x'))),
           "not gzip": sealed_for(share, seg, b"hello")}[damage]
    seg.write_bytes(bad)
    result = b.sync()
    assert result.pulled == 0 and len(result.bad_files) == 1 and not result.ok
    assert str(seg) in result.bad_files[0]
    assert b.sql("SELECT count(*) FROM persons") == [(0,)]
    assert (b.path.parent / "sync-quarantine").iterdir()


def test_an_emptied_location_stops_with_a_question(make_pc: MakePC, share: Share) -> None:
    a, b = make_pc("a"), make_pc("b")
    person = a.insert("persons")
    a.sync()
    shutil.rmtree(share.root)
    share.root.mkdir()
    with pytest.raises(SyncStopped) as stopped:
        a.sync()
    assert stopped.value.question and "пуста" in str(stopped.value)
    assert a.value("persons", person, "id") == person, "nothing deleted"
    a.sync(accept_new_store=True)
    made_by = json.loads((share.root / "store.json").read_text())["site"]
    assert a.sql("SELECT value FROM sync_state WHERE name='site'") == [(made_by,)], (
        "the new folder's maker is admitted for the folder it writes into now")
    b.sync()
    assert b.value("persons", person, "id") == person


def test_a_replaced_location_stops_with_a_question(make_pc: MakePC, share: Share) -> None:
    a = make_pc("a")
    a.sync()
    store = share.root / "store.json"
    info = json.loads(store.read_text())
    store.write_text(json.dumps({**info, "store_id": "другой"}))
    with pytest.raises(SyncStopped) as stopped:
        a.sync()
    assert stopped.value.question and "заменена" in str(stopped.value)


def test_a_folder_that_is_not_a_sync_location_is_refused(share: Share, make_pc: MakePC) -> None:
    (share.root / "отчёт.docx").write_bytes(b"x")
    with pytest.raises(SyncStopped, match="не папка синхронизации"):
        make_pc("a").sync()
    (share.root / "store.json").write_text("{")
    with pytest.raises(SyncStopped, match="не папка синхронизации"):
        make_pc("a").sync()


def test_an_unreachable_location_is_reported(tmp_path: Path) -> None:
    pc = Workstation(tmp_path / "a" / "imc.sqlite", Share(tmp_path / "нет"), "a")
    with pytest.raises(SyncStopped, match="недоступна"):
        pc.sync()


def test_a_wrong_pc_clock_refuses_to_publish_but_still_receives(
        make_pc: MakePC, share: Share, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = make_pc("a"), make_pc("b")
    org = b.insert("organizations", short_name="Школа № 5")
    b.sync()
    a.insert("persons")
    with monkeypatch.context() as patch:  # not undo(): that would undo the isolated home too
        patch.setattr(engine, "now_ms", lambda: int(__import__("time").time() * 1000)
                      + 11 * 60_000)
        result = a.sync()
    assert (result.pulled, result.applied, result.pushed) == (1, 1, 0)
    assert a.value("organizations", org, "short_name") == "Школа № 5", "received"
    assert not result.ok and result.unsent == 1, "its own change waits"
    assert "не отправлены" in result.summary() and "спешат на 11 мин" in result.summary()
    assert "Установите правильное время" in result.notes[0]
    assert not list((share.root / "sites" / a.sql(
        "SELECT value FROM sync_state WHERE name='site'")[0][0]).glob("*.seg"))
    [(received,)] = b.sql("SELECT max(key) FROM sync_versions")
    assert int(a.sql("SELECT value FROM sync_state WHERE name='clock'")[0][0]) >= int(
        received.split(".")[0]), "the hybrid clock advanced past the received one"
    again = a.sync()
    assert again.ok and again.pushed == 1 and again.unsent == 0
    b.sync()
    assert b.sql("SELECT count(*) FROM persons") == [(1,)]


def test_a_pc_clock_behind_the_server_says_so(make_pc: MakePC,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    a = make_pc("a")
    a.insert("persons")
    monkeypatch.setattr(engine, "now_ms", lambda: int(__import__("time").time() * 1000)
                        - 30 * 60_000)
    result = a.sync()
    assert result.pushed == 0 and not result.ok
    assert "отстают на 30 мин" in result.notes[0]


def test_changes_dated_a_day_ahead_are_held_back(make_pc: MakePC,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = make_pc("a"), make_pc("b")
    ahead = int(__import__("time").time() * 1000) + 3 * 86_400_000
    person = a.insert("persons")
    with monkeypatch.context() as m:
        m.setattr(engine, "now_ms", lambda: ahead)
        m.setattr(engine, "CLOCK_LIMIT_MS", 10**12)
        a.sync()
    held = b.sync()
    assert held.held == 1 and b.value("persons", person, "id") is None
    with monkeypatch.context() as m:
        m.setattr(Share, "server_time", lambda self, rel: ahead / 1000)
        m.setattr(engine, "now_ms", lambda: ahead)
        b.sync()
    assert b.value("persons", person, "id") == person


def test_natural_key_duplicates_are_listed_after_a_sync(make_pc: MakePC) -> None:
    a, b = make_pc("a"), make_pc("b")
    a.insert("persons", snils="11223344595")
    b.insert("persons", snils="11223344595")
    _rounds(a, b)
    [dup] = a.sync().duplicates
    assert (dup.table, dup.column, dup.value, dup.count) == ("persons", "snils",
                                                             "11223344595", 2)
    assert "дубликатов 1" in a.sync().summary()


def test_a_column_this_version_does_not_know_is_kept_until_an_upgrade(make_pc: MakePC) -> None:
    from imc_desktop.sync import triggers

    a, b = make_pc("a"), make_pc("b")
    person = a.insert("persons")
    _rounds(a, b)
    for pc in (a,):
        pc.sql("ALTER TABLE persons ADD COLUMN nickname TEXT")
        triggers.install_in_file(str(pc.path))
    a.update("persons", person, nickname="Маша", phone="5")
    a.sync()
    assert b.sync().held == 1
    assert b.value("persons", person, "phone") == "5"
    b.sql("ALTER TABLE persons ADD COLUMN nickname TEXT")
    triggers.install_in_file(str(b.path))
    b.sync()
    assert b.value("persons", person, "nickname") == "Маша"
    assert b.sql("SELECT count(*) FROM sync_held") == [(0,)]


def _clone(pc: Workstation, tmp_path: Path) -> Workstation:
    """A copy of the PC's database in another folder, working as another PC."""
    path = tmp_path / "clone" / "imc.sqlite"
    path.parent.mkdir()
    db.backup_to(pc.path, path)
    return Workstation(path, pc.share, "clone")


def test_a_cloned_database_takes_a_new_site_id_and_loses_nothing(make_pc: MakePC,
                                                                 tmp_path: Path) -> None:
    a, b = make_pc("a"), make_pc("b")
    person = a.insert("persons")
    a.sync()
    clone = _clone(a, tmp_path)
    a.update("persons", person, phone="от А")
    clone.update("persons", person, email="от клона")
    a.sync()
    result = clone.sync()
    assert any("новый номер" in n for n in result.notes)
    _rounds(a, b, clone)
    for pc in (a, b, clone):
        assert pc.value("persons", person, "phone") == "от А"
        assert pc.value("persons", person, "email") == "от клона"
    assert a.content() == b.content() == clone.content()


def test_a_clone_does_not_apply_again_what_it_had_published_under_the_old_id(
        make_pc: MakePC, tmp_path: Path) -> None:
    """The original's published files are in the copy already (their changes folded into
    its history by the compaction): under its new id the copy counts them as applied, so
    nothing is stored twice and no conflict is listed twice."""
    a, b = make_pc("a"), make_pc("b")
    person = a.insert("persons", email="старый")
    a.sync()
    assert a.sql("SELECT count(*) FROM sync_base") != [(0,)], "folded by the compaction"
    b.sync()
    clone = _clone(a, tmp_path)
    b.update("persons", person, email="от Б")
    b.sync()
    result = clone.sync()
    assert result.pulled == 1, "only B's file: A's own file is the copy's already"
    for pc in (a, b, clone):
        pc.sync()
    twice = clone.sql("SELECT table_name, row_id, column_name, kind, key FROM sync_versions "
                      "GROUP BY 1, 2, 3, 4, 5 HAVING count(*) > 1")
    assert twice == []
    [(site,)] = a.sql("SELECT value FROM sync_state WHERE name='site'")
    assert clone.sql("SELECT seq FROM sync_applied WHERE site=?", site) == [(1,)]
    assert a.content() == b.content() == clone.content()


def test_a_clone_whose_first_file_is_lost_before_the_original_sees_it_does_not_share_its_id(
        make_pc: MakePC, tmp_path: Path) -> None:
    """The clone syncs first and its file is deleted from the share before the original
    syncs: nothing on the share shows the copy any more. Both must still work under
    different numbers, or the same number and file name would carry two different sets of
    changes and the PCs would differ for good."""
    a, b = make_pc("a"), make_pc("b")
    person = a.insert("persons")
    a.sync()
    b.sync()
    clone = _clone(a, tmp_path)
    a.update("persons", person, phone="от А")
    clone.update("persons", person, email="от клона")
    [(site,)] = a.sql("SELECT value FROM sync_state WHERE name='site'")
    assert any("новый номер" in n for n in clone.sync().notes)
    b.sync()  # b has the clone's change
    for seg in (a.share.root / "sites").glob("*/*.seg"):
        if seg.parent.name != site and seg.name != "000000000001.seg":
            seg.unlink()  # the clone's file lost (its author sends it again)
    _rounds(a, b, clone)
    assert a.sql("SELECT value FROM sync_state WHERE name='site'") == [(site,)]
    assert clone.sql("SELECT value FROM sync_state WHERE name='site'") != [(site,)]
    for pc in (a, b, clone):
        assert pc.value("persons", person, "phone") == "от А", pc.name
        assert pc.value("persons", person, "email") == "от клона", pc.name
    assert a.content() == b.content() == clone.content()


def test_a_restored_database_takes_a_new_id_even_when_the_share_lost_its_later_files(
        make_pc: MakePC, tmp_path: Path) -> None:
    """Restored from a backup after the share itself was put back from an older copy: the
    files that would show the restore are gone, yet the restored database must not publish
    other changes under numbers the others have already applied."""
    a, b = make_pc("a"), make_pc("b")
    person = a.insert("persons")
    a.sync()
    b.sync()
    backup = db.backup_to(a.path, tmp_path / "old.sqlite")
    [(site,)] = a.sql("SELECT value FROM sync_state WHERE name='site'")
    a.update("persons", person, phone="после копии")
    a.sync()
    b.sync()  # b applied a's second file
    for seg in (a.share.root / "sites" / site).glob("*.seg"):
        if seg.name != "000000000001.seg":
            seg.unlink()  # the share back to the day of the backup
    db.restore_backup(backup, a.path, tmp_path / "backups")
    a.update("persons", person, email="после восстановления")
    assert any("новый номер" in n for n in a.sync().notes)
    _rounds(a, b)
    assert b.value("persons", person, "email") == "после восстановления"
    assert b.value("persons", person, "phone") == "после копии"


def test_a_database_restored_from_an_old_backup_gets_its_later_edits_back(
        make_pc: MakePC, tmp_path: Path) -> None:
    a = make_pc("a")
    person = a.insert("persons")
    a.sync()
    backup = db.backup_to(a.path, tmp_path / "old.sqlite")
    a.update("persons", person, phone="после копии")
    a.sync()
    db.restore_backup(backup, a.path, tmp_path / "backups")
    result = a.sync()
    assert any("новый номер" in n for n in result.notes)
    assert a.value("persons", person, "phone") == "после копии"


def test_a_segment_sealed_but_not_uploaded_goes_out_next_time(
        make_pc: MakePC, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = make_pc("a"), make_pc("b")
    a.sync()
    person = a.insert("persons")

    def lost(self: Share, rel: str, data: bytes) -> None:
        raise OSError(5, "сеть пропала")

    with monkeypatch.context() as m:
        m.setattr(Share, "write_new", lost)
        with pytest.raises(OSError):
            a.sync()
    assert a.sql("SELECT count(*) FROM sync_published WHERE published=0") == [(1,)]
    assert a.sync().pushed == 1
    b.sync()
    assert b.value("persons", person, "id") == person


def test_a_segment_uploaded_but_not_marked_is_confirmed_not_sent_twice(
        make_pc: MakePC, monkeypatch: pytest.MonkeyPatch) -> None:
    a = make_pc("a")
    a.insert("persons")
    original_read, original_write = Share.read, Share.write_new
    written: list[str] = []

    def write(self: Share, rel: str, data: bytes) -> None:
        original_write(self, rel, data)
        written.append(rel)

    def crash_on_read_back(self: Share, rel: str) -> bytes | None:
        if rel in written and rel.endswith(".seg"):
            raise OSError(5, "сеть пропала")
        return original_read(self, rel)

    with monkeypatch.context() as m:
        m.setattr(Share, "write_new", write)
        m.setattr(Share, "read", crash_on_read_back)
        with pytest.raises(OSError):
            a.sync()
    result = a.sync()
    assert result.pushed == 0 and not result.notes
    assert a.sql("SELECT count(*) FROM sync_published WHERE published=1") == [(1,)]


def test_sharing_violations_are_retried(make_pc: MakePC,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from imc_desktop.sync import share as share_module

    failures = {"left": 2}
    original = share_module._write_synced

    def busy(path: Path, data: bytes) -> None:
        if failures["left"]:
            failures["left"] -= 1
            error = OSError(13, "занято другим процессом")
            error.winerror = 32  # type: ignore[attr-defined]
            raise error
        original(path, data)

    monkeypatch.setattr(share_module, "_write_synced", busy)
    a = make_pc("a")
    a.insert("persons")
    assert a.sync().pushed == 1 and failures["left"] == 0


def test_a_store_made_by_a_newer_version_is_read_but_not_written(
        make_pc: MakePC, share: Share) -> None:
    a, b = make_pc("a"), make_pc("b")
    org = a.insert("organizations", short_name="Для всех")
    a.sync()
    store = share.root / "store.json"
    store.write_text(json.dumps({**json.loads(store.read_text()), "min_app": "99.0"}))
    b.insert("persons", last_name="Неотправленная")
    result = b.sync()
    assert b.value("organizations", org, "short_name") == "Для всех"
    assert result.pushed == 0 and any("Обновите программу" in n for n in result.notes)
    assert b.sql("SELECT count(*) FROM sync_pending") != [(0,)], "kept for later"


def test_a_table_this_version_does_not_know_is_kept_aside(make_pc: MakePC) -> None:
    from imc_desktop.sync import tables, triggers

    a, b = make_pc("a"), make_pc("b")
    a.sync()
    b.sync()
    a.sql("CREATE TABLE rooms (id TEXT PRIMARY KEY, name TEXT)")

    original = tables.synced_tables()
    tables.synced_tables.cache_clear()
    try:
        with mock.patch.object(
                tables, "synced_tables", lambda: (*original, "rooms")):
            triggers.install_in_file(str(a.path))
            a.insert("rooms", name="Кабинет 5")
            a.sync()
        assert b.sync().held == 1
        assert b.sql("SELECT reason FROM sync_held") == [("unknown",)]
    finally:
        tables.synced_tables.cache_clear()


def test_the_stored_clock_never_goes_back_when_the_pc_clock_does(
        make_pc: MakePC, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = make_pc("a"), make_pc("b")
    person = a.insert("persons")
    now = int(__import__("time").time() * 1000)
    keys = []
    for shift, phone in ((4 * 60_000, "1"), (-4 * 60_000, "2"), (0, "3")):
        a.update("persons", person, phone=phone)
        monkeypatch.setattr(engine, "now_ms", lambda shift=shift: now + shift)
        a.sync()
        keys.append(a.sql("SELECT max(key) FROM sync_versions WHERE column_name='phone'")[0][0])
    assert keys == sorted(keys) and len(set(keys)) == 3
    b.sync()
    assert b.value("persons", person, "phone") == "3", "the last edit wins, not the PC clock"


def test_the_same_value_entered_on_two_pcs_is_not_a_conflict(make_pc: MakePC) -> None:
    a, b = make_pc("a"), make_pc("b")
    person = a.insert("persons")
    _rounds(a, b)
    a.update("persons", person, phone="8 900 111-22-33")
    b.update("persons", person, phone="8 900 111-22-33")
    _rounds(a, b)
    assert a.conflicts() == b.conflicts() == set()
