"""A snapshot is read in parts and its database unpacked while the file arrives, so that over
the network a new PC is ready soon after the copy (issue 22). What is unpacked ahead of the
check of the whole file is used only when it was unpacked from exactly the content that
check returns; otherwise it is unpacked again from that content (and refused as before)."""

from __future__ import annotations

import errno
import os
import sqlite3
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

import pytest

from imc_desktop.sync import snapshot
from imc_desktop.sync.share import PART, Share
from imc_desktop.sync.signing import SIGNED_HEAD, open_signed
from imc_desktop.sync.snapshot import Unpacking
from tests.sync.helpers import add_people, edit_people, share_key
from tests.sync.test_snapshots import MakePC, _snapshots, eager


def _readers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "imc-share-read"]


def test_the_parts_make_the_whole_file_in_order(share: Share) -> None:
    data = os.urandom(2 * PART + PART // 2)
    share.path("file.bin").write_bytes(data)
    parts: list[bytes] = []
    assert share.read_parts("file.bin", parts.append) == data
    assert b"".join(parts) == data and [len(p) for p in parts] == [PART, PART, PART // 2]
    assert not _readers()


def test_a_missing_file_a_folder_and_an_empty_file_read_as_read_does(share: Share) -> None:
    parts: list[bytes] = []
    (share.root / "folder").mkdir()
    share.path("empty").write_bytes(b"")
    for rel in ("missing", "folder", "empty"):
        assert share.read_parts(rel, parts.append) == share.read(rel)
    assert parts == []


def test_an_error_of_the_work_stops_the_reading_and_is_raised(share: Share) -> None:
    share.path("file.bin").write_bytes(os.urandom(3 * PART))
    seen: list[bytes] = []

    def fail(part: bytes) -> None:
        seen.append(part)
        raise ValueError("не то")

    with pytest.raises(ValueError, match="не то"):
        share.read_parts("file.bin", fail)
    assert len(seen) == 1 and not _readers()


def test_an_error_of_the_share_while_reading_is_raised(tmp_path: Path) -> None:
    class Lost(Share):
        calls = 0

        def _read_part(self, file: BinaryIO) -> bytes:
            self.calls += 1
            if self.calls == 2:
                raise OSError(errno.EIO, "сеть пропала")
            return super()._read_part(file)

    share = Lost(tmp_path)
    share.path("file.bin").write_bytes(os.urandom(3 * PART))
    with pytest.raises(OSError, match="сеть пропала"):
        share.read_parts("file.bin", lambda _p: None)
    assert not _readers()


def _two_snapshots(make_pc: MakePC, share: Share) -> list[tuple[bytes, bytes, bytes]]:
    """Two snapshots of a store: each as (file, associated data, checked content)."""
    a = make_pc("a")
    people = add_people(a.path, 300)
    a.sync(snapshots=eager())
    edit_people(a.path, people[:5], "later")
    a.sync(snapshots=eager())
    a.sync(snapshots=eager())
    key = share_key(share)
    found = []
    for name in sorted(_snapshots(share)):
        data = share.path(f"snapshots/{name}").read_bytes()
        ad = snapshot.snapshot_ad(key.store_id, name)
        found.append((data, ad, open_signed(key, data, ad, name)[1]))
    assert len(found) == 2
    return found


def _unpacked(share: Share, data: bytes, ad: bytes, plain: bytes, size: int) -> bytes | None:
    ahead = Unpacking(share_key(share).deciphering(ad), SIGNED_HEAD)
    for start in range(0, len(data), size):
        ahead.feed(data[start:start + size])
    return ahead.image(plain)


@pytest.mark.parametrize("size", [1, 13, 4096, PART])
def test_unpacked_in_parts_of_any_size_it_is_the_snapshots_database(
        make_pc: MakePC, share: Share, size: int) -> None:
    (data, ad, plain), _second = _two_snapshots(make_pc, share)
    if size == 1:
        data = data[:4096 * 3]  # byte by byte: the header and the start of the image
        assert _unpacked(share, data, ad, plain, size) is None  # the file is not whole
        return
    image = _unpacked(share, data, ad, plain, size)
    assert image is not None and image == snapshot.decode(plain, "снимок")[1]


def test_what_was_not_unpacked_from_the_checked_content_is_not_used(
        make_pc: MakePC, share: Share) -> None:
    (data, ad, plain), (_data2, _ad2, plain2) = _two_snapshots(make_pc, share)
    assert _unpacked(share, data, ad, plain2, 4096) is None  # another snapshot's content
    changed = bytearray(plain)
    changed[-10] ^= 1  # one bit of the compressed database
    assert _unpacked(share, data, ad, bytes(changed), 4096) is None
    assert _unpacked(share, data, ad, plain[:-1], 4096) is None  # the content ends sooner


def test_noise_and_a_database_too_large_are_left_to_the_check(
        make_pc: MakePC, share: Share, monkeypatch: pytest.MonkeyPatch) -> None:
    (data, ad, plain), _second = _two_snapshots(make_pc, share)
    noise = b"IMC-SYNC-SEALED-1\n" + os.urandom(50_000)
    assert _unpacked(share, noise, ad, plain, 4096) is None
    assert _unpacked(share, b"", ad, plain, 4096) is None
    monkeypatch.setattr(snapshot, "MAX_PLAIN", 10_000)
    assert _unpacked(share, data, ad, plain, 4096) is None
    with pytest.raises(snapshot.BadSegment, match="слишком велик"):
        snapshot.decode(plain, "снимок")


def test_a_new_pc_takes_the_database_unpacked_while_the_snapshot_was_read(
        make_pc: MakePC, share: Share, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a = make_pc("a")
    add_people(a.path, 300)
    a.sync(snapshots=eager())
    a.sync(snapshots=eager())
    assert _snapshots(share)
    given: list[bool] = []
    real = Unpacking.image

    def image(self: Unpacking, plain: bytes) -> bytes | None:
        found = real(self, plain)
        given.append(found is not None)
        return found

    monkeypatch.setattr(Unpacking, "image", image)
    new = make_pc("new")
    result = new.sync(snapshots=eager())
    assert not result.bad_files and given and all(given)
    assert new.content() == a.content()


def wal_after_restore(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """For each snapshot taken whole from now on: the size of the database's WAL file right
    after, and the size of the snapshot's database."""
    found: list[tuple[int, int]] = []
    real = snapshot.restore

    def restore(con: sqlite3.Connection, snap: snapshot.Snapshot,
                synced: Iterable[str]) -> int | None:
        size = len(snap.image)
        records = real(con, snap, synced)
        path = Path(con.execute("PRAGMA database_list").fetchone()[2])
        wal = path.with_name(path.name + "-wal")
        found.append((wal.stat().st_size if wal.exists() else 0, size))
        return records

    monkeypatch.setattr(snapshot, "restore", restore)
    return found


def test_a_new_pc_alone_with_its_file_writes_the_snapshots_database_once(
        make_pc: MakePC, share: Share, monkeypatch: pytest.MonkeyPatch) -> None:
    """Through the WAL the database is written twice (into the WAL, then by the checkpoint
    into the file); a first sync that has the file to itself writes it into the file once.
    With another connection open (the window's) it goes through the WAL, as SQLite allows
    no other way; both end in WAL mode with the same data."""
    a = make_pc("a")
    add_people(a.path, 1000)
    a.sync(snapshots=eager())
    a.sync(snapshots=eager())
    wal = wal_after_restore(monkeypatch)
    for case in ("alone", "window"):
        new = make_pc(case)
        window = sqlite3.connect(new.path) if case == "window" else None
        if window is not None:
            window.execute("SELECT count(*) FROM persons").fetchall()
        assert not new.sync(snapshots=eager()).bad_files
        assert new.content() == a.content()
        if window is not None:
            assert window.execute("SELECT count(*) FROM persons").fetchone()[0] == 1000
            window.close()
        con = new.con()
        try:
            assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            con.close()
    (alone, image), (through, image_again) = wal
    assert image == image_again and alone < image / 10 and through >= image


def test_a_database_not_in_wal_mode_is_left_in_its_mode(tmp_path: Path) -> None:
    con = sqlite3.connect(tmp_path / "plain.sqlite", isolation_level=None)
    con.execute("CREATE TABLE t (x)")
    with snapshot.written_once(con):
        con.execute("INSERT INTO t VALUES (1)")
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    con.execute("PRAGMA journal_mode=WAL")
    with pytest.raises(RuntimeError), snapshot.written_once(con):
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        raise RuntimeError("сбой")
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"  # back after a failure
    con.close()


def test_a_file_without_a_header_line_is_not_searched_for_ever() -> None:
    """Parts deciphered to text without a line end stop being gathered for a header after
    a megabyte (a file of another store or of noise: the check refuses it)."""
    ahead = Unpacking(lambda part: part, 0)
    for _ in range(3):
        ahead.feed(b"x" * (snapshot.HEAD_MAX // 2 + 1))
    assert ahead._broken and ahead.image(b"x") is None
