"""Missing and damaged segments: the author sends them again, the others go on past them
and say who can repair what is missing."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path

import pytest

from imc_desktop import cli, db
from imc_desktop.sync.report import SyncResult
from imc_desktop.sync.share import Share
from tests.sync.helpers import Workstation

MakePC = Callable[[str], Workstation]


def _folder(share: Share, pc: Workstation) -> Path:
    [(site,)] = pc.sql("SELECT value FROM sync_state WHERE name='site'")
    return share.root / "sites" / str(site)


def _three_segments(a: Workstation) -> list[str]:
    people = []
    for name in ("Первая", "Вторая", "Третья"):
        people.append(a.insert("persons", last_name=name))
        a.sync()
    return people


def test_a_deleted_segment_is_published_again_by_its_author(make_pc: MakePC,
                                                             share: Share) -> None:
    a, b = make_pc("ПК А"), make_pc("ПК Б")
    people = _three_segments(a)
    (_folder(share, a) / "000000000002.seg").unlink()
    first = b.sync()
    assert b.value("persons", people[2], "last_name") == "Третья", "not blocked by the gap"
    assert b.value("persons", people[1], "id") is None
    assert not first.ok and any("ПК А" in n and "2" in n for n in first.notes)
    again = a.sync()
    assert any("заново" in n for n in again.notes)
    second = b.sync()
    assert b.value("persons", people[1], "last_name") == "Вторая"
    assert second.ok and not any("ПК А" in n for n in second.notes)
    assert a.sync().pushed == 0, "sent again once"
    assert a.content() == b.content()


def test_a_share_restored_from_yesterday_gets_the_lost_segments_again(
        make_pc: MakePC, share: Share, tmp_path: Path) -> None:
    a, b = make_pc("ПК А"), make_pc("ПК Б")
    a.insert("persons", last_name="Вчерашняя")
    a.sync()
    yesterday = tmp_path / "yesterday"
    import shutil

    shutil.copytree(share.root, yesterday)
    _three_segments(a)
    shutil.rmtree(share.root)
    shutil.copytree(yesterday, share.root)
    a.sync()
    b.sync()
    assert b.sql("SELECT count(*) FROM persons") == [(4,)]
    assert a.content() == b.content()


def test_a_damaged_segment_is_sent_again_and_blocks_nothing_else(make_pc: MakePC,
                                                                 share: Share) -> None:
    a, b, c = make_pc("ПК А"), make_pc("ПК Б"), make_pc("ПК В")
    people = _three_segments(a)
    seg = _folder(share, a) / "000000000001.seg"
    seg.write_bytes(gzip.compress(b"garbage\n"))
    first = b.sync()
    assert len(first.bad_files) == 1 and not first.ok
    assert b.value("persons", people[2], "last_name") == "Третья", "the rest applied"
    assert b.value("persons", people[0], "id") is None
    assert (b.path.parent / "sync-quarantine").iterdir()
    a.sync()
    for pc in (b, c):
        result = pc.sync()
        assert result.ok, result
        assert pc.value("persons", people[0], "last_name") == "Первая"
    assert a.content() == b.content() == c.content()


def test_the_author_notices_its_damaged_segment_itself(make_pc: MakePC,
                                                       share: Share) -> None:
    a, b = make_pc("ПК А"), make_pc("ПК Б")
    people = _three_segments(a)
    seg = _folder(share, a) / "000000000002.seg"
    seg.write_bytes(seg.read_bytes()[:30])
    assert any("заново" in n for n in a.sync().notes), "sent again before anyone read it"
    result = b.sync()
    assert result.ok, result
    assert b.value("persons", people[1], "last_name") == "Вторая"
    assert a.content() == b.content()


def test_sync_check_says_what_is_waiting_for_what(
        make_pc: MakePC, share: Share, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = make_pc("ПК А"), make_pc("ПК Б")
    person = a.insert("persons", last_name="Родитель")
    a.sync()
    a.insert("awards", person_id=person, level="муниципальная", name="Грамота",
             document="", created_at="t", updated_at="t")
    a.sync()
    (_folder(share, a) / "000000000001.seg").unlink()
    b.sync()
    code = cli.main(["sync", "--db", str(b.path), "--store", str(share.root), "--check"])
    out = capsys.readouterr().out
    assert code == 1
    assert "ПК А" in out and "№ 1" in out, out
    assert "awards" in out and person in out, out


def _gap_notes(result: SyncResult, name: str) -> list[str]:
    return [n for n in result.notes if name in n and "нет файлов изменений" in n]


def test_a_lost_segment_of_a_retired_number_says_nobody_will_send_it(
        make_pc: MakePC, share: Share, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    """ПК А restored from an old backup works under a new number; a file of its old number
    lost afterwards has no author any more, and the report says so instead of promising it."""
    a, c = make_pc("ПК А"), make_pc("ПК В")
    a.insert("persons", last_name="Первая")
    a.sync()
    backup = db.backup_to(a.path, tmp_path / "old.sqlite")
    old = _folder(share, a)
    for name in ("Вторая", "Третья"):
        a.insert("persons", last_name=name)
        a.sync()
    db.restore_backup(backup, a.path, tmp_path / "backups")
    assert any("новый номер" in n for n in a.sync().notes)
    assert _folder(share, a) != old
    (old / "000000000002.seg").unlink()
    for _round in range(2):
        a.sync()
        [note] = _gap_notes(c.sync(), "ПК А")
        assert "№ 2" in note and "больше не" in note and "никто" in note, note
        assert "отправит заново само" not in note, note
    code = cli.main(["sync", "--db", str(c.path), "--store", str(share.root), "--check"])
    out = capsys.readouterr().out
    assert code == 1 and "больше не" in out and "№ 2" in out, out


def test_a_lost_segment_of_a_number_its_original_still_uses_is_sent_again(
        make_pc: MakePC, share: Share, tmp_path: Path) -> None:
    """A clone leaves the number to the original PC, which goes on publishing under it: a
    file of that number lost is still its to send again, and the report says so."""
    a, c = make_pc("ПК А"), make_pc("ПК В")
    people = _three_segments(a)
    clone_path = tmp_path / "clone" / "imc.sqlite"
    clone_path.parent.mkdir()
    db.backup_to(a.path, clone_path)
    clone = Workstation(clone_path, share, "Клон")
    a.update("persons", people[0], phone="от А")
    clone.update("persons", people[0], email="от клона")
    a.sync()
    assert any("новый номер" in n for n in clone.sync().notes)
    a.sync()
    (_folder(share, a) / "000000000002.seg").unlink()
    [note] = _gap_notes(c.sync(), "ПК А")
    assert "отправит заново само" in note and "больше не" not in note, note
    a.sync()
    assert c.sync().ok
    assert c.value("persons", people[1], "last_name") == "Вторая"
