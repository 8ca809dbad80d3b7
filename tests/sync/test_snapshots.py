"""Snapshots and the archive (SYNC.md «It stays small»; issue 22 «Compaction»): a new
workstation starts from the newest snapshot plus the later segments and converges with the
others; a damaged or renamed snapshot is quarantined and never used; covered segments move to
their author's archive and go after a while; a PC that was away still converges."""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from imc_desktop.sync import snapshot, upkeep
from imc_desktop.sync.segment import BadSegment, segment_name
from imc_desktop.sync.share import Share
from imc_desktop.sync.signing import Signer, open_signed, seal_signed
from imc_desktop.sync.snapshot import Policy
from tests.sync.helpers import Workstation, add_people, edit_people, kept_signers, share_key

MakePC = Callable[[str], Workstation]
DAY = 86400.0


class Clock:
    """A settable clock for the policy (seconds)."""

    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


def eager(clock: Callable[[], float] = time.time, **rules: Any) -> Policy:
    """A policy that writes a snapshot whenever one would cover anything new."""
    return Policy(**{"every_segments": 1, "every_days": 0, "min_hours": 0, "clock": clock,
                     **rules})


LAZY = Policy(every_segments=10 ** 9, every_days=10 ** 6, min_hours=10 ** 6)


def _site(pc: Workstation) -> str:
    return str(pc.sql("SELECT value FROM sync_state WHERE name='site'")[0][0])


def _snapshots(share: Share) -> list[str]:
    return upkeep.names(share)


def _plain(share: Share, name: str) -> bytes:
    """A snapshot's content: its writer's signature checked, opened with the district key."""
    key = share_key(share)
    ad = snapshot.snapshot_ad(key.store_id, name)
    return open_signed(key, share.path(f"snapshots/{name}").read_bytes(), ad, name)[1]


def _covers(share: Share, name: str) -> dict[str, int]:
    head, _lines = snapshot.decode(_plain(share, name), name, head_only=True)
    return {str(k): int(v) for k, v in head["covers"].items()}


def _same(*pcs: Workstation) -> None:
    first = pcs[0]
    for pc in pcs[1:]:
        assert pc.content() == first.content(), pc.name
        assert pc.conflicts() == first.conflicts(), pc.name


def _all_sync(*pcs: Workstation, policy: Policy = LAZY, times: int = 2) -> None:
    for _ in range(times):
        for pc in pcs:
            result = pc.sync(snapshots=policy)
            assert not result.bad_files, result.bad_files


def _three(make_pc: MakePC) -> tuple[Workstation, Workstation, Workstation, list[str]]:
    """Three PCs with people, edits, a deletion and a conflict, all synchronised."""
    a, b, c = make_pc("a"), make_pc("b"), make_pc("c")
    people = add_people(a.path, 40)
    _all_sync(a, b, c)
    edit_people(b.path, people[:10], "b")
    b.delete("persons", people[20])
    a.update("persons", people[5], phone="a-wins-or-loses")
    _all_sync(a, b, c)
    c.update("persons", people[30], email="c@school.ru")
    _all_sync(a, b, c)
    return a, b, c, people


def test_a_new_workstation_starts_from_the_snapshot_and_converges(
        make_pc: MakePC, share: Share, tmp_path: Path) -> None:
    a, b, c, people = _three(make_pc)
    a.sync(snapshots=eager())
    [name] = _snapshots(share)
    covers = _covers(share, name)
    assert covers == {_site(pc): _published(pc) for pc in (a, b, c)}
    b.update("persons", people[1], phone="after the snapshot")
    b.sync(snapshots=LAZY)
    reading = ReadingShare(share.root)
    d = Workstation(tmp_path / "d" / "imc.sqlite", reading, "d")
    result = d.sync(snapshots=LAZY)
    assert not result.bad_files
    assert reading.names == [f"sites/{_site(b)}/{segment_name(covers[_site(b)] + 1)}"]
    keys = [n for n in reading.opened if "/keys/" in n]  # who is admitted (admission.py)
    assert len(reading.opened) - len(keys) <= 10  # store.json, the snapshot, site.json...
    assert len(keys) <= 2 * 3, "a key and at most one admission for each of the three PCs"
    _all_sync(a, b, c, d)
    _same(a, b, c, d)
    assert d.value("persons", people[1], "phone") == "after the snapshot"
    assert d.value("persons", people[20], "id") is None  # the deletion came with it
    assert d.conflicts()  # the conflict of people[5] came too


class ReadingShare(Share):
    """Notes the files a sync opens, and which of them are segments."""

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.opened: list[str] = []

    @property
    def names(self) -> list[str]:
        return [n for n in self.opened if n.endswith(".seg")]

    def read(self, rel: str) -> bytes | None:
        data = super().read(rel)
        if data is not None:
            self.opened.append(rel)
        return data

    def read_parts(self, rel: str, part: Callable[[bytes], None]) -> bytes | None:
        data = super().read_parts(rel, part)
        if data is not None:
            self.opened.append(rel)
        return data


def _published(pc: Workstation) -> int:
    return int(pc.sql("SELECT coalesce(max(seq), 0) FROM sync_published WHERE published=1 "
                      "AND site=(SELECT value FROM sync_state WHERE name='site')")[0][0])


def test_the_snapshot_covers_only_what_every_active_pc_has_applied(
        make_pc: MakePC, share: Share) -> None:
    a, b, c, people = _three(make_pc)
    edit_people(a.path, people[:3], "late")
    a.sync(snapshots=LAZY)  # b and c have not applied a's newest segment
    top_a = int(a.sql("SELECT max(seq) FROM sync_published")[0][0])
    a.sync(snapshots=eager())
    [name] = _snapshots(share)
    assert _covers(share, name)[_site(a)] == top_a - 1
    assert share.exists(f"sites/{_site(a)}/{segment_name(top_a)}")  # not archived
    assert share.exists(f"sites/{_site(a)}/archive/{segment_name(top_a - 1)}")


def test_nothing_new_to_cover_writes_no_snapshot(make_pc: MakePC, share: Share) -> None:
    a, b, c, _people = _three(make_pc)
    a.sync(snapshots=eager())
    a.sync(snapshots=eager())
    b.sync(snapshots=eager())
    assert len(_snapshots(share)) == 1


@pytest.mark.parametrize(("days", "covered"), [(90, True), (90 - 1 / 1440, False)])
def test_a_segment_exactly_at_the_age_limit_is_covered_without_the_others(
        make_pc: MakePC, share: Share, days: float, covered: bool) -> None:
    a, b, c, people = _three(make_pc)
    edit_people(a.path, people[:3], "old")
    a.sync(snapshots=LAZY)
    top_a = int(a.sql("SELECT max(seq) FROM sync_published")[0][0])
    clock = Clock()
    aged = clock.now - days * DAY
    os.utime(share.path(f"sites/{_site(a)}/{segment_name(top_a)}"), (aged, aged))
    a.sync(snapshots=eager(clock))
    [name] = _snapshots(share)
    assert _covers(share, name)[_site(a)] == (top_a if covered else top_a - 1)


def test_a_pc_silent_longer_than_the_age_does_not_block(make_pc: MakePC,
                                                        share: Share) -> None:
    a, b, c, people = _three(make_pc)
    edit_people(a.path, people[:3], "x")
    a.sync(snapshots=LAZY)
    b.sync(snapshots=LAZY)
    top_a = int(a.sql("SELECT max(seq) FROM sync_published")[0][0])
    clock = Clock()
    clock.now += 91 * DAY  # c told its progress 91 days ago; a and b tell again now
    a.update("persons", people[0], email="a@x.ru")
    b.update("persons", people[1], email="b@x.ru")
    _all_sync(a, b, policy=eager(clock, min_hours=10 ** 6))
    a.sync(snapshots=eager(clock))
    names = _snapshots(share)
    assert _covers(share, names[0])[_site(a)] >= top_a


def _tamper(share: Share, name: str) -> None:
    path = share.path(f"snapshots/{name}")
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 1
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", ["flipped", "renamed", "foreign", "stranger", "unsigned"])
def test_a_damaged_snapshot_is_quarantined_and_the_new_pc_falls_back(
        make_pc: MakePC, share: Share, tmp_path: Path, damage: str) -> None:
    a, b, c, people = _three(make_pc)
    a.sync(snapshots=eager())
    edit_people(b.path, people[:2], "second")
    _all_sync(a, b, c)
    b.sync(snapshots=eager())
    first, second = sorted(_snapshots(share))
    if damage == "flipped":
        _tamper(share, second)
    elif damage == "renamed":  # the newer one's bytes under a newer name
        stamp, site = snapshot.parse_name(second) or (0, "")
        os.rename(share.path(f"snapshots/{second}"),
                  share.path(f"snapshots/{snapshot.snapshot_name(stamp + 1, site)}"))
    elif damage == "foreign":  # a snapshot of this store written with another key
        share.path(f"snapshots/{second}").write_bytes(b"IMC-SYNC-SEALED-1\n" + os.urandom(300))
    else:  # the same content with the ten words, signed by a stranger's key or by none
        key, ad = share_key(share), snapshot.snapshot_ad(share_key(share).store_id, second)
        plain = _plain(share, second)
        share.path(f"snapshots/{second}").write_bytes(
            seal_signed(key, Signer.new(), plain, ad) if damage == "stranger"
            else key.seal(plain, ad))
    d = Workstation(tmp_path / "d" / "imc.sqlite", share, "d")
    result = d.sync(snapshots=LAZY)
    assert len(result.bad_files) == 1 and "snapshots" in result.bad_files[0]
    quarantined = list((tmp_path / "d" / "sync-quarantine").iterdir())
    assert len(quarantined) == 1 and quarantined[0].name.startswith("snapshots-")
    assert _snapshots(share) == [first]  # set aside on the share
    _all_sync(a, b, c, d)
    _same(a, b, c, d)


def test_two_snapshots_written_at_once_both_stand_and_the_newest_is_taken(
        make_pc: MakePC, share: Share, tmp_path: Path) -> None:
    a, b, c, people = _three(make_pc)
    a.sync(snapshots=eager())
    [first] = _snapshots(share)
    hidden = share.root / "hidden"
    os.rename(share.path(f"snapshots/{first}"), hidden)  # b's listing does not show it yet
    b.sync(snapshots=eager())
    os.rename(hidden, share.path(f"snapshots/{first}"))
    assert len(_snapshots(share)) == 2
    d = Workstation(tmp_path / "d" / "imc.sqlite", share, "d")
    assert not d.sync(snapshots=LAZY).bad_files
    assert upkeep.known(d.con())["name"] == max(_snapshots(share))
    _all_sync(a, b, c, d)
    _same(a, b, c, d)


def test_a_pc_from_a_snapshot_edits_and_meets_a_conflict_like_the_others(
        make_pc: MakePC, share: Share, tmp_path: Path) -> None:
    a, b, c, people = _three(make_pc)
    a.sync(snapshots=eager())
    d = Workstation(tmp_path / "d" / "imc.sqlite", share, "d")
    d.sync(snapshots=LAZY)
    d.update("persons", people[7], phone="from d")
    a.update("persons", people[7], phone="from a")
    d.delete("persons", people[8])
    c.update("persons", people[8], email="c edits a record d deletes")
    _all_sync(d, a, b, c)
    _same(a, b, c, d)
    fields = {(row, column) for _t, row, column, *_r in d.conflicts()}
    assert (people[7], "phone") in fields and (people[8], "email") in fields


def test_covered_segments_move_to_the_archive_and_go_after_the_setting(
        make_pc: MakePC, share: Share) -> None:
    a, b, c, _people = _three(make_pc)
    clock = Clock()
    a.sync(snapshots=eager(clock, archive_days=7))
    [name] = _snapshots(share)
    folder = share.path(f"sites/{_site(a)}")
    archived = sorted(p.name for p in (folder / "archive").iterdir())
    assert archived == [segment_name(n) for n in range(1, _covers(share, name)[_site(a)] + 1)]
    assert not any(folder.glob("*.seg"))
    b_before = b.content()
    result = b.sync(snapshots=LAZY)  # b had applied them: nothing to do, nothing reported
    assert not result.bad_files and not result.missing and b.content() == b_before
    clock.now += 7 * DAY - 60
    a.sync(snapshots=eager(clock, archive_days=7))
    assert len(list((folder / "archive").iterdir())) == len(archived)
    clock.now += upkeep.CLEAN_EVERY_S  # it looks again a while later
    a.sync(snapshots=eager(clock, archive_days=7))
    assert not (folder / "archive").exists() or not list((folder / "archive").iterdir())
    assert a.sync(snapshots=LAZY).pushed == 0  # nothing taken for lost and sent again


def test_a_pc_away_reads_from_the_archive_or_from_the_snapshot(
        make_pc: MakePC, share: Share) -> None:
    a, b, c = make_pc("a"), make_pc("b"), make_pc("c")
    people = add_people(a.path, 20)
    _all_sync(a, b, c)
    away = make_pc("away")
    away.sync(snapshots=LAZY)  # joins, then is away for long
    gone = make_pc("gone")
    gone.sync(snapshots=LAZY)
    clock = Clock()
    for n in range(3):
        edit_people(a.path, people[n * 5:n * 5 + 5], f"round{n}")
        a.delete("persons", people[19 - n])
        _all_sync(a, b, c)
    clock.now += 91 * DAY  # away and gone are silent since: not waited for
    edit_people(b.path, people[:2], "b")
    _all_sync(a, b, c, policy=eager(clock, min_hours=10 ** 6))
    a.sync(snapshots=eager(clock, archive_days=7))
    assert any(share.path(f"sites/{_site(a)}/archive").iterdir())
    result = away.sync(snapshots=LAZY)  # from the archive
    assert not result.bad_files and not result.missing
    clock.now += 8 * DAY
    a.sync(snapshots=eager(clock, archive_days=7, min_hours=10 ** 6))
    assert not list(share.path(f"sites/{_site(a)}/archive").iterdir())
    result = gone.sync(snapshots=LAZY)  # the archive is gone too: from the snapshot
    assert not result.bad_files and not result.missing
    _all_sync(a, b, c, away, gone)
    _same(a, b, c, away, gone)


def test_a_snapshot_round_trips_and_names_what_is_wrong() -> None:
    import zlib

    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE t (x)")
    con.execute("INSERT INTO t VALUES ('снимок')")
    image = con.serialize()
    head = {"store": "s", "site": "p", "stamp": 1, "covers": {"p": 2}, "contains": {"p": 3}}
    data = snapshot.encode(head, image)
    found_head, found = snapshot.decode(data, "f")
    assert found == image and found_head["covers"] == {"p": 2}
    assert snapshot.decode(data, "f", head_only=True) == (found_head, b"")
    line, _nl, packed = data.partition(b"\n")
    with pytest.raises(BadSegment, match="оборван"):
        snapshot.decode(data[:len(line) + 1 + len(packed) // 2], "f")
    with pytest.raises(BadSegment, match="оборван"):
        snapshot.decode(line, "f")
    with pytest.raises(BadSegment, match="не распаковывается"):
        snapshot.decode(line + b"\n" + b"\x00" + packed[1:], "f")
    with pytest.raises(BadSegment, match="слишком велик|оборван"):  # not a database inside
        snapshot.decode(line + b"\n" + zlib.compress(b"not a database"), "f")
    with pytest.raises(BadSegment, match="в другом формате"):
        snapshot.decode(line.replace(b'"format":2', b'"format":1') + b"\n" + packed, "f")
    with pytest.raises(BadSegment, match="не снимок"):
        snapshot.decode(b'{"magic":"IMC"}\n' + packed, "f")
    with pytest.raises(BadSegment, match="снимок не этой папки"):
        snapshot.check_head(found_head, "s", snapshot.snapshot_name(2, "p"), "f")
    with pytest.raises(BadSegment, match="снимок не этой папки"):
        snapshot.check_head({**found_head, "contains": None}, "s",
                            snapshot.snapshot_name(1, "p"), "f")
    snapshot.check_head({**found_head}, "s", snapshot.snapshot_name(1, "p"), "f")
    assert json.loads(json.dumps(found_head))["stamp"] == 1


def test_the_settings_defaults_are_the_policys() -> None:
    from imc_desktop import config

    assert (config.SYNC_SNAPSHOT_DAYS.default, config.SYNC_ARCHIVE_DAYS.default) == (90, 2)
    assert (Policy().age_days, Policy().archive_days) == (90, 2)


def test_check_does_not_take_archived_segments_for_lost(make_pc: MakePC,
                                                        share: Share) -> None:
    from imc_desktop.sync.check import waiting

    a, b, c, _people = _three(make_pc)
    a.sync(snapshots=eager())
    assert any(share.path(f"sites/{_site(a)}/archive").iterdir())
    assert waiting(a.path, share) == []
    assert waiting(b.path, share) == []


def test_a_pc_that_receives_nothing_does_not_read_the_snapshot_again(
        make_pc: MakePC, share: Share, tmp_path: Path) -> None:
    a = make_pc("a")
    people = add_people(a.path, 10)
    a.sync(snapshots=LAZY)
    reader = make_pc("reader")  # receives, never publishes
    reader.sync(snapshots=LAZY)
    for n in range(3):
        edit_people(a.path, people, f"r{n}")
        _all_sync(a, reader, times=1)
    a.sync(snapshots=eager())
    assert _snapshots(share)
    reading = ReadingShare(share.root)
    a.share = reading
    a.sync(snapshots=LAZY)
    assert not [r for r in reading.opened if r.startswith("snapshots/")]
    assert a.sql("SELECT count(*) FROM sync_conflicts") == [(0,)]


def test_a_workstation_waiting_for_admission_writes_no_snapshot_and_is_not_waited_for(
        make_pc: MakePC, share: Share, tmp_path: Path) -> None:
    """Only an admitted PC speaks for the folder: a waiting one's snapshot would be refused
    by the others, and its progress does not hold a snapshot back."""
    a, b, c, _people = _three(make_pc)
    w = Workstation(tmp_path / "w" / "imc.sqlite", share, "w", admitted=False)
    for _ in range(3):
        w.sync(snapshots=eager())
    assert _snapshots(share) == [], "the waiting PC wrote none"
    a.sync(snapshots=eager())
    [name] = _snapshots(share)
    assert _site(w) not in _covers(share, name)


def _image(share: Share, name: str) -> sqlite3.Connection:
    """The snapshot's database, opened in memory."""
    _head, image = snapshot.decode(_plain(share, name), name)
    con = sqlite3.connect(":memory:")
    con.deserialize(image)
    return con


def test_the_snapshot_holds_the_shared_state_and_nothing_of_its_writers_own(
        make_pc: MakePC, share: Share) -> None:
    a, b, c, _people = _three(make_pc)
    a.sql("INSERT INTO change_log (changed_at, user_name, workstation, table_name, record_id, "
          "action, field, old_value, new_value) VALUES ('2026-12-01', 'u', 'a', 'persons', "
          "'x', 'update', 'phone', 'СекретноеСтарое', 'СекретноеНовое')")
    a.sync(snapshots=eager())
    [name] = _snapshots(share)
    con = _image(share, name)
    for own in ("change_log", "sync_state", "sync_published", "sync_pending", "sync_held"):
        assert con.execute(f"SELECT count(*) FROM {own}").fetchone() == (0,), own
    for shared in ("persons", "sync_base", "sync_changes", "audit_log", "sync_tombstones"):
        assert con.execute(f"SELECT count(*) FROM {shared}").fetchone() == a.sql(
            f"SELECT count(*) FROM {shared}")[0], shared
    # the writer's own segments are listed as applied, as on every other PC
    assert con.execute("SELECT count(*) FROM sync_applied WHERE site=?",
                       (_site(a),)).fetchone() == (_published(a),)
    assert con.execute("SELECT count(*) FROM sync_conflicts").fetchone()[0] == len(
        a.conflicts()) > 0
    raw = b"".join(p.read_bytes() for p in share.root.rglob("*") if p.is_file())
    assert "Секретное".encode() not in raw


def test_a_snapshot_may_hold_more_than_it_covers_and_a_new_pc_reads_only_what_follows(
        make_pc: MakePC, share: Share, tmp_path: Path) -> None:
    a, b, c, people = _three(make_pc)
    b.update("persons", people[2], phone="c has not seen this")
    b.sync(snapshots=LAZY)
    a.sync(snapshots=eager())  # c has not applied b's last segment: not covered, but held
    [name] = _snapshots(share)
    head, _image_bytes = snapshot.decode(_plain(share, name), name)
    assert head["covers"][_site(b)] == head["contains"][_site(b)] - 1
    reading = ReadingShare(share.root)
    d = Workstation(tmp_path / "d" / "imc.sqlite", reading, "d")
    assert not d.sync(snapshots=LAZY).bad_files
    assert reading.names == [], "everything b sent is in the snapshot's database"
    assert d.sql("PRAGMA application_id") == a.sql("PRAGMA application_id") != [(0,)]
    assert d.value("persons", people[2], "phone") == "c has not seen this"
    _all_sync(a, b, c, d)
    _same(a, b, c, d)


@pytest.mark.parametrize("clash", [False, True])
def test_a_new_pc_with_records_of_its_own_starts_from_the_snapshot(
        make_pc: MakePC, share: Share, tmp_path: Path, clash: bool) -> None:
    """Its records made before its first sync (the audit entry of its first start, a
    pedagogue) go into the snapshot's database and are sent; one that has the id of a
    record of the snapshot makes it merge the snapshot record by record instead."""
    a, b, c, people = _three(make_pc)
    a.sync(snapshots=eager())
    d = Workstation(tmp_path / "d" / "imc.sqlite", share, "d")
    own = d.insert("persons", last_name="Своя")  # entered before its first sync
    if clash:
        d.insert("persons", id=people[7], last_name="С тем же номером")
    assert not d.sync(snapshots=LAZY).bad_files
    _all_sync(a, b, c, d)
    _same(a, b, c, d)
    assert a.value("persons", own, "last_name") == "Своя"
    assert d.value("persons", people[0], "id") == people[0]
    if clash:  # not lost silently: it won, or it is listed as a conflict to review
        assert a.value("persons", people[7], "last_name") == "С тем же номером" or any(
            "С тем же номером" in str(conflict) for conflict in a.conflicts())


def test_changes_not_sealed_yet_make_no_snapshot_database(make_pc: MakePC,
                                                          share: Share) -> None:
    from imc_desktop.sync.tables import synced_tables

    a, _b, _c, people = _three(make_pc)
    shared = (*synced_tables(), *snapshot.SHARED)
    assert snapshot.image_of(str(a.path), _site(a), "a", shared) is not None
    a.update("persons", people[3], phone="not sealed")
    assert snapshot.image_of(str(a.path), _site(a), "a", shared) is None


def _replace(share: Share, name: str, plain: bytes, writer: Workstation) -> None:
    """The snapshot `name` replaced by `plain`, sealed and signed by its writer as it would."""
    key = share_key(share)
    share.path(f"snapshots/{name}").write_bytes(seal_signed(
        key, kept_signers()[writer.signer().public], plain,
        snapshot.snapshot_ad(key.store_id, name)))


def test_a_snapshot_database_with_a_trigger_of_its_own_is_not_taken_whole(
        make_pc: MakePC, share: Share, tmp_path: Path) -> None:
    """Signed by an admitted PC, but its schema is not the program's: its field versions
    are merged record by record, and its trigger never reaches the new PC."""
    a, b, c, people = _three(make_pc)
    a.sync(snapshots=eager())
    [name] = _snapshots(share)
    head, image = snapshot.decode(_plain(share, name), name)
    con = sqlite3.connect(":memory:")
    con.deserialize(image)
    con.execute("CREATE TRIGGER planted AFTER UPDATE ON persons BEGIN DELETE FROM persons; END")
    planted = snapshot.encode(head, con.serialize())
    _replace(share, name, planted, a)
    d = Workstation(tmp_path / "d" / "imc.sqlite", share, "d")
    assert not d.sync(snapshots=LAZY).bad_files
    assert d.sql("SELECT name FROM sqlite_master WHERE name='planted'") == []
    d.update("persons", people[0], phone="after")
    _all_sync(a, b, c, d)
    _same(a, b, c, d)
    assert d.value("persons", people[1], "id") == people[1]


def test_a_snapshot_of_another_format_is_left_on_the_share_not_set_aside(
        make_pc: MakePC, share: Share, tmp_path: Path) -> None:
    """Written by a newer version: this one reads the files of changes instead, and leaves
    the snapshot for the PCs that can read it."""
    a, b, c, _people = _three(make_pc)
    a.sync(snapshots=eager())
    [name] = _snapshots(share)
    line, _nl, packed = _plain(share, name).partition(b"\n")
    newer = line.replace(b'"format":2', b'"format":3') + b"\n" + packed
    _replace(share, name, newer, a)
    d = Workstation(tmp_path / "d" / "imc.sqlite", share, "d")
    assert not d.sync(snapshots=LAZY).bad_files
    assert _snapshots(share) == [name] and not list(share.root.rglob(".bad-*"))
    _all_sync(a, b, c, d)
    _same(a, b, c, d)
