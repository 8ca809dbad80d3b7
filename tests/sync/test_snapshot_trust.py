"""What the PCs believe of the snapshots and the archive (README «Snapshots and the archive»;
issue 22): a file planted in a PC's folder without the key changes nothing and stops nothing;
a snapshot that claims to hold files of changes it does not hold, or whose header is not
sound, is set aside and named, and nobody archives or gives way by it; when the newest
snapshot is deleted from the share, what it held and its authors had archived is sent again
and every PC converges."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from imc_desktop.sync import snapshot, upkeep
from imc_desktop.sync.segment import segment_name
from imc_desktop.sync.share import Share
from imc_desktop.sync.signing import seal_signed
from imc_desktop.sync.snapshot import SHARED, Policy
from imc_desktop.sync.tables import synced_tables
from tests.sync.helpers import Workstation, add_people, kept_signers, share_key
from tests.sync.test_snapshots import DAY, Clock, MakePC, _published


def _lazy(clock: Clock) -> Policy:
    return Policy(every_segments=10 ** 9, every_days=10 ** 6, min_hours=10 ** 6, clock=clock)


def _eager(clock: Clock) -> Policy:
    return Policy(every_segments=1, every_days=0, min_hours=0, clock=clock)


def _site(pc: Workstation) -> str:
    return str(pc.sql("SELECT value FROM sync_state WHERE name='site'")[0][0])


def _same(*pcs: Workstation) -> None:
    for pc in pcs[1:]:
        assert pc.content() == pcs[0].content(), pc.name
        assert pc.conflicts() == pcs[0].conflicts(), pc.name


def _written_by(share: Share, writer: Workstation, clock: Clock, head: dict[str, Any],
                change: Callable[[sqlite3.Connection], None] | None = None) -> str:
    """A snapshot written by the admitted PC `writer` under its own name and signature, as
    a hostile program on it would: its real database, the header changed by `head`."""
    key = share_key(share)
    site = _site(writer)
    made = snapshot.image_of(str(writer.path), site, writer.name, (*synced_tables(), *SHARED))
    assert made is not None
    image, contains = made
    if change is not None:
        mem = sqlite3.connect(":memory:", isolation_level=None)
        mem.deserialize(image)
        change(mem)
        image = mem.serialize()
        mem.close()
    stamp = int(clock.now * 1000)
    name = snapshot.snapshot_name(stamp, site)
    con = writer.con()
    try:
        schema = snapshot.schema_of(con)
    finally:
        con.close()
    plain = snapshot.encode({"store": key.store_id, "site": site, "stamp": stamp,
                             "app": "test", "epoch": 1, "schema": schema,
                             "workstation": writer.name, "clock": 0, "covers": dict(contains),
                             "contains": contains, **head}, image)
    share.make_dir("snapshots")
    share.path(f"snapshots/{name}").write_bytes(seal_signed(
        key, kept_signers()[writer.signer().public], plain,
        snapshot.snapshot_ad(key.store_id, name)))
    return name


def _two_with_a_snapshot(make_pc: MakePC
                         ) -> tuple[Workstation, Workstation, list[str], Clock]:
    """Two PCs with five people, synchronised, and a snapshot written by the first."""
    a, b = make_pc("a"), make_pc("b")
    people = add_people(a.path, 5)
    clock = Clock()
    for pc in (a, b, a, b):
        pc.sync(snapshots=_lazy(clock))
    a.sync(snapshots=_eager(clock))
    return a, b, people, clock


def _folder(share: Share, pc: Workstation) -> list[str]:
    return sorted(p.name for p in share.path(f"sites/{_site(pc)}").iterdir())


@pytest.mark.parametrize("number", [1000, 10 ** 11])
def test_an_archive_marker_planted_without_the_key_changes_and_stops_nothing(
        make_pc: MakePC, share: Share, number: int) -> None:
    """Anyone who can write to the share can put an empty `archived-N` file into a PC's
    folder: no PC takes it for the author's word (no files reported missing, no endless
    search of the archive), snapshots are still written, and the PCs converge."""
    a, b = make_pc("a"), make_pc("b")
    people = add_people(a.path, 3)
    for pc in (a, b, a, b):
        pc.sync()
    share.path(f"sites/{_site(b)}/{upkeep.MARKER}{number:012d}").write_bytes(b"")
    b.update("persons", people[0], phone="от b")
    b.sync()
    clock = Clock()
    result = a.sync(snapshots=_eager(clock))
    assert result.missing == 0 and not result.bad_files
    assert not [n for n in result.notes if "нет файлов" in n], result.notes
    assert a.value("persons", people[0], "phone") == "от b"
    assert upkeep.names(share), "a snapshot is written as usual"
    for pc in (b, a, b):
        assert pc.sync(snapshots=_lazy(clock)).missing == 0
    _same(a, b)


def test_a_snapshot_that_claims_files_it_does_not_hold_is_set_aside(
        make_pc: MakePC, share: Share) -> None:
    """An admitted PC writes a snapshot saying it holds A's files of changes up to 1000 (A
    has published 2): A archives nothing by it, nobody gives way to it, it is named and set
    aside; a PC away meanwhile and a new PC get A's later edits."""
    a, b, c = make_pc("a"), make_pc("b"), make_pc("c")
    people = add_people(a.path, 3)
    for pc in (a, b, c, a, b, c):
        pc.sync()
    clock = Clock()
    a.update("persons", people[0], phone="A-1")
    a.sync(snapshots=_lazy(clock))
    b.sync(snapshots=_lazy(clock))
    lie = {_site(a): 1000}
    name = _written_by(share, b, clock, {"covers": lie, "contains": lie})
    before = _folder(share, a)
    result = a.sync(snapshots=_lazy(clock))
    assert len(result.bad_files) == 1 and name in result.bad_files[0]
    assert "не содержит" in result.bad_files[0]
    assert name not in upkeep.names(share)
    assert _folder(share, a) == before, "nothing archived by the false snapshot"
    a.update("persons", people[1], phone="A-2")
    a.sync(snapshots=_lazy(clock))
    for _ in range(3):
        clock.now += DAY
        a.sync(snapshots=_lazy(clock))
        b.sync(snapshots=_lazy(clock))
    for pc in (c, make_pc("d")):
        result = pc.sync(snapshots=_lazy(clock))
        assert result.missing == 0 and not result.bad_files
        assert (pc.value("persons", people[0], "phone"),
                pc.value("persons", people[1], "phone")) == ("A-1", "A-2")


@pytest.mark.parametrize("head", [
    {"covers": {"SITE": "все"}},
    {"covers": {"SITE": -1}},
    {"covers": {"SITE": True}},
    {"covers": {"SITE": 5}, "contains": {"SITE": 2}},
    {"contains": {"SITE": 2.5}},
    {"contains": []},
    {"clock": "полдень"},
])
def test_a_snapshot_header_that_is_not_sound_is_set_aside_not_a_traceback(
        make_pc: MakePC, share: Share, head: dict[str, Any]) -> None:
    from imc_desktop.services.sync import runner

    a, b = make_pc("a"), make_pc("b")
    people = add_people(a.path, 2)
    for pc in (a, b, a, b):
        pc.sync()
    wrong = json.loads(json.dumps(head).replace("SITE", _site(a)))
    name = _written_by(share, b, Clock(), wrong)
    result = runner.run(a.path, share.root, "a")  # as the window and the command line do
    assert len(result.bad_files) == 1 and name in result.bad_files[0]
    new = make_pc("new")
    assert not new.sync().bad_files  # set aside: the others do not meet it again
    assert new.value("persons", people[1], "id") == people[1]


def test_a_deleted_newest_snapshot_has_its_archived_files_sent_again(
        make_pc: MakePC, share: Share, tmp_path: Path) -> None:
    """Someone with write access deletes the newest snapshot after its files of changes were
    archived and removed, and puts an older one back: the authors send those files again,
    a new PC gets everything, and the next snapshot breaks nothing."""
    a, b, people, clock = _two_with_a_snapshot(make_pc)
    [first] = upkeep.names(share)
    kept = tmp_path / first
    shutil.copy(share.path(f"snapshots/{first}"), kept)
    a.update("persons", people[0], phone="после первого снимка")
    for pc in (a, b, a, b):
        pc.sync(snapshots=_lazy(clock))
    clock.now += 3 * 3600
    b.sync(snapshots=_eager(clock))
    a.sync(snapshots=_eager(clock))
    for _ in range(2):  # days pass: archived, then removed from the archive
        clock.now += 3 * DAY
        for pc in (a, b, a, b):
            pc.sync(snapshots=_lazy(clock))
    published = int(a.sql("SELECT max(seq) FROM sync_published")[0][0])
    assert segment_name(published) not in _folder(share, a), "archived and removed"
    for name in upkeep.names(share):
        share.path(f"snapshots/{name}").unlink()
    shutil.copy(kept, share.path(f"snapshots/{first}"))
    assert a.sync(snapshots=_lazy(clock)).pushed > 0, "A sends its lost files again"
    assert b.sync(snapshots=_lazy(clock)).pushed >= 0
    d = make_pc("d")
    result = d.sync(snapshots=_lazy(clock))
    assert result.missing == 0 and not result.bad_files, result
    assert d.value("persons", people[0], "phone") == "после первого снимка"
    b.update("persons", people[2], phone="позже")
    for pc in (b, d, a):
        clock.now += 60
        pc.sync(snapshots=_lazy(clock))
    clock.now += 6 * 3600
    a.sync(snapshots=_eager(clock))
    for _ in range(2):
        for pc in (a, b, d):
            result = pc.sync(snapshots=_lazy(clock))
            assert result.missing == 0 and not result.bad_files
    _same(a, b, d)


def test_a_database_error_in_a_sync_is_a_russian_message(
        make_pc: MakePC, share: Share, monkeypatch: pytest.MonkeyPatch) -> None:
    from imc_desktop.services.sync import runner
    from imc_desktop.sync import engine

    a = make_pc("a")
    add_people(a.path, 1)

    def broken(*_args: object, **_kwargs: object) -> None:
        raise sqlite3.IntegrityError("NOT NULL constraint failed: persons.phone")

    monkeypatch.setattr(engine, "synchronise", broken)
    with pytest.raises(runner.SyncFailed, match="не выполнена.*не изменены") as raised:
        runner.run(a.path, share.root, "a")
    assert str(a.path) in str(raised.value) and "persons.phone" in str(raised.value)


@pytest.mark.parametrize("planted", [
    "snapshots/²²²²²²²²²²²²²-{a}.snap",
    "sites/{a}/archived-²",
    "sites/{a}/²²²²²²²²²²²².seg",
    "sites/{a}/archive/²²²²²²²²²²²².seg",
    "sites/{a}/progress-².sealed",
])
def test_a_name_with_other_digits_planted_without_the_key_is_ignored(
        make_pc: MakePC, share: Share, planted: str) -> None:
    """'²' is a digit to Python's isdigit() but not a number: such names are nobody's files,
    not a traceback on every PC."""
    from imc_desktop.services.sync import runner

    a, b = make_pc("a"), make_pc("b")
    people = add_people(a.path, 2)
    clock = Clock()
    for pc in (a, b, a, b):
        pc.sync(snapshots=_eager(clock))
    target = share.path(planted.format(a=_site(a)))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(b"")
    a.update("persons", people[0], phone="после")
    for pc in (a, b, a, b):
        clock.now += 3 * 3600
        result = runner.run(pc.path, share.root, pc.name)
        assert not result.bad_files and result.missing == 0
    assert b.value("persons", people[0], "phone") == "после"
    _same(a, b)


def test_archived_files_only_a_deleted_snapshot_held_stay_until_sent_again(
        make_pc: MakePC, share: Share) -> None:
    """The newest snapshot is deleted while an older one stays: the author does not remove
    from its archive what no snapshot on the share holds, and a new PC gets it."""
    a, b, people, clock = _two_with_a_snapshot(make_pc)
    a.update("persons", people[0], phone="после первого снимка")
    for pc in (a, b, a, b):
        clock.now += 60
        pc.sync(snapshots=_lazy(clock))
    clock.now += 3 * 3600
    b.sync(snapshots=_eager(clock))
    a.sync(snapshots=_eager(clock))
    newest, *_older = upkeep.names(share)
    assert _older, "the first snapshot is still on the share"
    share.path(f"snapshots/{newest}").unlink()
    clock.now += 3 * DAY
    a.sync(snapshots=_lazy(clock))
    d = make_pc("d")
    result = d.sync(snapshots=_lazy(clock))
    assert result.missing == 0 and not result.bad_files
    assert d.value("persons", people[0], "phone") == "после первого снимка"


def _stranger_file(share: Share, site: str, seq: int, row: str, signer: Any) -> Path:
    """A file of changes for `site` under number `seq`, sealed with the district key and
    signed by `signer` (who knows the ten words)."""
    from imc_desktop.sync.sealing import segment_ad
    from imc_desktop.sync.segment import Header, encode

    key = share_key(share)
    data, _digest = encode(Header(key.store_id, site, seq, 0, "0.1.0", 1, "чужой"),
                           [{"t": "persons", "r": row, "op": "u", "v": {"phone": "чужой"},
                             "s": {}, "c": 1}])
    path = share.path(f"sites/{site}/{segment_name(seq)}")
    path.write_bytes(seal_signed(key, signer, data, segment_ad(key.store_id, site, seq)))
    return path


def test_a_file_signed_by_a_key_the_folder_never_declared_blocks_nothing(
        make_pc: MakePC, share: Share) -> None:
    """Someone with the ten words and a key of his own puts a file far ahead in A's folder:
    it is not applied and is named, and the others' history is still compacted (nothing
    waits for it as for a workstation waiting for admission)."""
    from imc_desktop.sync.signing import Signer

    a, b = make_pc("a"), make_pc("b")
    people = add_people(a.path, 3)
    for pc in (a, b, a, b):
        pc.sync()
    planted = _stranger_file(share, _site(a), 77, people[0], Signer.new())
    rows = []
    for n in range(4):
        a.update("persons", people[1], phone=f"a-{n}")
        a.sync()
        result = b.sync()
        rows.append(b.sql("SELECT count(*) FROM sync_changes")[0][0])
        assert any("не заявлен" in note and "«a»" in note for note in result.notes)
        assert not result.awaiting
    assert rows[-1] <= rows[0], f"b's history grows: {rows}"
    assert b.value("persons", people[0], "phone") != "чужой" and planted.exists()
    assert b.value("persons", people[1], "phone") == "a-3"


def test_a_database_put_back_after_its_files_were_archived_takes_a_new_number(
        make_pc: MakePC, share: Share, tmp_path: Path) -> None:
    """A's database is put back from a copy made before its later files, which are now in
    its archive (or only in the snapshot): it is recognised as a copy, takes a new number,
    and its new edit reaches the others instead of hiding under a number they have."""
    a, b = make_pc("a"), make_pc("b")
    people = add_people(a.path, 3)
    clock = Clock()
    for pc in (a, b):
        pc.sync(snapshots=_eager(clock))
    a.update("persons", people[0], phone="A1")
    clock.now += 60
    a.sync(snapshots=_eager(clock))
    copy = tmp_path / "a-backup.sqlite"
    shutil.copy(a.path, copy)
    for n in range(3):
        a.update("persons", people[1], phone=f"позже-{n}")
        for pc in (a, b):
            clock.now += 60
            pc.sync(snapshots=_eager(clock))
    for _ in range(2):
        clock.now += 3600
        for pc in (a, b):
            pc.sync(snapshots=_eager(clock))
    old = _site(a)
    assert not [n for n in _folder(share, a) if n.endswith(".seg")], "all archived"
    shutil.copy(copy, a.path)
    a.update("persons", people[2], phone="после восстановления")
    result = a.sync(snapshots=_lazy(clock))
    assert _site(a) != old and any("новый номер" in n for n in result.notes), result.notes
    for _ in range(2):
        for pc in (a, b):
            assert pc.sync(snapshots=_lazy(clock)).missing == 0
    assert b.value("persons", people[2], "phone") == "после восстановления"
    assert a.value("persons", people[1], "phone") == "позже-2"
    _same(a, b)


def test_a_refused_key_s_files_leave_no_gap_once_its_folder_has_an_admitted_key(
        make_pc: MakePC, share: Share, tmp_path: Path) -> None:
    """d's first key is refused; its database then gets a new key in the same folder, which
    is admitted: the refused files are never applied, reported as refused, and are not
    counted missing — snapshots go on being written."""
    import json as _json

    from imc_desktop.sync import signing
    from imc_desktop.sync.local import home_of
    from tests.sync.helpers import admit

    a, b = make_pc("a"), make_pc("b")
    people = add_people(a.path, 2)
    clock = Clock()
    for pc in (a, b, a, b):
        clock.now += 60
        pc.sync(snapshots=_lazy(clock))
    d = Workstation(tmp_path / "d" / "imc.sqlite", share, "d", admitted=False)
    d.insert("persons", last_name="Отклонённая")
    d.sync(snapshots=_lazy(clock))
    admit(share, d.signer().public, kind="refuse")
    kept = signing._key_file()
    keys = _json.loads(kept.read_text())
    del keys[signing._slot(home_of(d.path))]  # its key is lost: a new one is made
    kept.write_text(_json.dumps(keys))
    d.insert("persons", last_name="Новый ключ")
    d.sync(snapshots=_lazy(clock))
    admit(share, d.signer().public)
    before = len(upkeep.names(share))
    for n in range(2):
        a.update("persons", people[0], phone=f"дальше-{n}")
        for pc in (a, b, d):
            clock.now += DAY
            result = pc.sync(snapshots=_eager(clock))
            assert result.missing == 0, (pc.name, result.notes)
    assert len(upkeep.names(share)) > before, "snapshots are written again"
    assert a.sql("SELECT count(*) FROM persons WHERE last_name='Отклонённая'") == [(0,)]
    assert a.sql("SELECT count(*) FROM persons WHERE last_name='Новый ключ'") == [(1,)]


def test_a_pc_moving_to_a_new_folder_while_another_syncs_is_not_taken_for_a_forger(
        make_pc: MakePC, share: Share, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A's database is put back from a copy: it takes a new folder with the same key and
    publishes there while b's sync runs, after b read who is admitted where. b reads that
    again before calling the file a forgery: it waits for A's admission for the new folder."""
    from imc_desktop.sync import engine

    a, b = make_pc("a"), make_pc("b")
    people = add_people(a.path, 2)
    for pc in (a, b, a, b):
        pc.sync()
    copy = tmp_path / "a-backup.sqlite"
    shutil.copy(a.path, copy)
    a.update("persons", people[0], phone="до")
    a.sync()
    b.sync()
    shutil.copy(copy, a.path)
    a.update("persons", people[1], phone="после восстановления")
    a.admitted = False
    learn = engine._Run.learn
    meanwhile = [a.sync]

    def b_learns(run: Any) -> None:
        while meanwhile and run.workstation == "b":
            meanwhile.pop()()  # a moves and publishes now
        learn(run)

    monkeypatch.setattr(engine._Run, "learn", b_learns)
    result = b.sync()
    assert not meanwhile and not result.bad_files, result.bad_files
    monkeypatch.setattr(engine._Run, "learn", learn)
    a.admitted = True
    for pc in (a, b, a, b):
        pc.sync()
    assert b.value("persons", people[1], "phone") == "после восстановления"
    _same(a, b)


@pytest.mark.parametrize("planted", ["snapshot folder", "next file folder", "archive link"])
def test_a_folder_or_link_planted_on_the_share_stops_nothing_and_reaches_nothing_outside(
        make_pc: MakePC, share: Share, tmp_path: Path, planted: str) -> None:
    """A folder where a file should be is a damaged file (set aside), not an error that
    stops every sync; through a planted link nothing is moved, removed or written outside
    the sync folder."""
    import os

    from imc_desktop.services.sync import runner

    a, b = make_pc("a"), make_pc("b")
    people = add_people(a.path, 2)
    clock = Clock()
    for pc in (a, b, a, b):
        pc.sync(snapshots=_lazy(clock))
    outside = tmp_path / "outside"
    outside.mkdir()
    kept = outside / segment_name(1)
    kept.write_bytes(b"not the program's")
    os.utime(kept, (0, 0))
    if planted == "snapshot folder":
        share.path(f"snapshots/9999999999999-{_site(a)}.snap").mkdir(parents=True)
    elif planted == "next file folder":
        share.path(f"sites/{_site(b)}/{segment_name(_published(b) + 1)}").mkdir()
    else:
        share.path(f"sites/{_site(a)}/archive").symlink_to(outside, target_is_directory=True)
    a.update("persons", people[0], phone="дальше")
    b.update("persons", people[1], phone="тоже")
    for _ in range(2):
        for pc in (a, b):
            clock.now += 3 * DAY
            runner.run(pc.path, share.root, pc.name)  # SyncFailed would fail the test
            pc.sync(snapshots=_eager(clock))
    assert kept.read_bytes() == b"not the program's"
    assert sorted(p.name for p in outside.iterdir()) == [segment_name(1)]
    assert (a.value("persons", people[1], "phone"), b.value("persons", people[0], "phone")) \
        == ("тоже", "дальше")
    _same(a, b)


def test_a_file_numbered_zero_is_nobody_s_and_the_check_stays_green(
        make_pc: MakePC, share: Share) -> None:
    from imc_desktop.sync.check import waiting

    a, b = make_pc("a"), make_pc("b")
    add_people(a.path, 2)
    for pc in (a, b, a, b):
        pc.sync()
    share.path(f"sites/{_site(a)}/{segment_name(0)}").write_bytes(b"x")
    for pc in (b, a):
        result = pc.sync()
        assert result.missing == 0 and not result.bad_files
    assert waiting(b.path, share) == [] and waiting(a.path, share) == []


def test_a_new_pc_on_a_read_only_share_is_not_told_to_have_its_code_compared(
        make_pc: MakePC, share: Share, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Its request for admission could not be written: nothing to compare on another PC,
    and nothing said to be sent; the note says the folder is read-only."""
    from imc_desktop.sync import share as share_module

    a = make_pc("a")
    add_people(a.path, 2)
    a.sync()

    def refuse(*_args: object) -> None:
        raise PermissionError(13, "Отказано в доступе")

    monkeypatch.setattr(share_module, "_write_synced", refuse)
    monkeypatch.setattr(Share, "make_dir", refuse)
    new = Workstation(tmp_path / "new" / "imc.sqlite", share, "new", admitted=False)
    result = new.sync()
    assert result.awaiting == "" and result.cannot_send
    assert any("только для чтения" in n for n in result.notes), result.notes
    assert not any("ожидает допуска" in n or "отправлены," in n for n in result.notes)


@pytest.mark.parametrize(("error", "reason"), [
    (OSError(30, "Read-only file system"), "папка доступна только для чтения"),
    (PermissionError(13, "Permission denied"), "нет прав доступа"),
    (OSError(28, "No space left on device"), "нет места на диске"),
    (OSError(13, "Отказано в доступе"), "Отказано в доступе"),
    (OSError(9999, "Strange thing"), "ошибка системы 9999"),
])
def test_a_file_error_is_said_in_russian(error: OSError, reason: str, make_pc: MakePC,
                                         share: Share, monkeypatch: pytest.MonkeyPatch) -> None:
    from imc_desktop.services.sync import runner
    from imc_desktop.storage_errors import os_reason
    from imc_desktop.sync import engine

    assert os_reason(error) == reason
    a = make_pc("a")

    def failing(*_args: object, **_kwargs: object) -> None:
        raise error

    monkeypatch.setattr(engine, "synchronise", failing)
    with pytest.raises(runner.SyncFailed) as raised:
        runner.run(a.path, share.root, "a")
    message = str(raised.value)
    assert reason in message
    assert not any(english in message for english in ("Read-only", "Permission", "No space",
                                                      "Strange"))
