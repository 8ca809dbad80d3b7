"""A snapshot is read in parts and its database unpacked while the file arrives, so that over
the network a new PC is ready soon after the copy (issue 22). What is unpacked ahead of the
check of the whole file is used only when it was unpacked from exactly the content that
check returns; otherwise it is unpacked again from that content (and refused as before)."""

from __future__ import annotations

import errno
import os
import sqlite3
import threading
import time
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

import pytest

from imc_desktop.sync import sealing, snapshot
from imc_desktop.sync.share import PART, Share
from imc_desktop.sync.signing import SIGNED_HEAD, Signer, open_signed, seal_signed
from imc_desktop.sync.snapshot import Unpacking
from tests.sync.helpers import Workstation, add_people, edit_people, share_key
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


@pytest.mark.parametrize("error", [ValueError("не то"), MemoryError(), KeyboardInterrupt()])
def test_any_error_of_the_reading_thread_is_raised_in_the_callers(
        tmp_path: Path, error: BaseException) -> None:
    class Failing(Share):
        def _read_part(self, file: BinaryIO) -> bytes:
            raise error

    share = Failing(tmp_path)
    share.path("file.bin").write_bytes(os.urandom(PART))
    raised: list[BaseException] = []

    def read() -> None:
        try:
            share.read_parts("file.bin", lambda _p: None)
        except BaseException as exc:  # noqa: BLE001 (what reached the caller is checked)
            raised.append(exc)

    caller = threading.Thread(target=read)
    caller.start()
    caller.join(10)
    assert not caller.is_alive(), "the caller waits for ever"
    assert raised == [error] and not _readers()


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
    image = _unpacked(share, data, ad, plain, size)
    assert image is not None and image == snapshot.decode(plain, "снимок")[1]
    assert _unpacked(share, data[:-1], ad, plain, size) is None  # the file is not whole


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
    whole = len(snapshot.decode(plain, "снимок")[1])
    for size in (4096, PART, len(data)):  # the limit reached at a part's end or within it
        monkeypatch.setattr(snapshot, "MAX_PLAIN", whole)
        assert _unpacked(share, data, ad, plain, size) in (None, snapshot.decode(
            plain, "снимок")[1]), "what `decode` gives, or nothing"
        monkeypatch.setattr(snapshot, "MAX_PLAIN", whole - 1)
        assert _unpacked(share, data, ad, plain, size) is None
        with pytest.raises(snapshot.BadSegment, match="слишком велик"):
            snapshot.decode(plain, "снимок")


def _sealed(share: Share, name: str, plain: bytes, signer: Signer) -> tuple[bytes, bytes]:
    key = share_key(share)
    ad = snapshot.snapshot_ad(key.store_id, name)
    return seal_signed(key, signer, plain, ad), ad


def test_what_unpacks_to_a_great_deal_is_unpacked_only_after_the_check(
        make_pc: MakePC, share: Share) -> None:
    """More than AHEAD_RATIO to 1 is not unpacked ahead; the checked content is unpacked
    by `decode` all the same."""
    _two_snapshots(make_pc, share)
    size = snapshot.AHEAD_BYTES + 8 * 1024 * 1024
    image = snapshot.SQLITE_MAGIC + bytes(size)  # zeros: about 1000:1
    plain = snapshot.encode({"store": "x"}, image)
    data, ad = _sealed(share, "0000000000001-x.snap", plain, Signer.new())
    assert len(plain) * snapshot.AHEAD_RATIO + snapshot.AHEAD_BYTES < len(image)
    assert _unpacked(share, data, ad, plain, 4096) is None
    assert snapshot.decode(plain, "снимок")[1] == image


def test_a_bomb_signed_by_a_pc_not_admitted_is_refused_and_set_aside(
        make_pc: MakePC, share: Share, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Someone with the ten words whose PC was never admitted writes the newest snapshot:
    its database unpacks to the very limit, at the end of a part. The new PC refuses it
    by its signature, sets it aside and starts from the others' files."""
    a = make_pc("a")
    add_people(a.path, 50)
    a.sync(snapshots=eager())
    key = share_key(share)
    site = str(a.sql("SELECT value FROM sync_state WHERE name='site'")[0][0])
    name = snapshot.snapshot_name(int(time.time() * 1000) + 60_000, site)
    image = snapshot.SQLITE_MAGIC + bytes(64 * PART - len(snapshot.SQLITE_MAGIC))
    monkeypatch.setattr(snapshot, "MAX_PLAIN", len(image))
    plain = snapshot.encode({"store": key.store_id, "site": site}, image)
    share.path(f"snapshots/{name}").write_bytes(_sealed(share, name, plain, Signer.new())[0])
    new = Workstation(tmp_path / "new" / "imc.sqlite", share, "new")
    result = new.sync(snapshots=eager())
    assert len(result.bad_files) == 1 and "не допущенным" in result.bad_files[0]
    assert name not in _snapshots(share) and new.content() == a.content()


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


def test_a_database_left_out_of_wal_mode_is_put_back_by_the_next_sync(
        make_pc: MakePC, share: Share) -> None:
    """A sync stopped (killed) while it took a snapshot whole leaves the file in rollback
    journal mode; the next sync puts it back in WAL mode, the program's."""
    a = make_pc("a")
    a.sync()
    assert a.sql("PRAGMA journal_mode=DELETE") == [("delete",)]
    a.sync()
    assert a.sql("PRAGMA journal_mode") == [("wal",)]


def test_the_limit_reached_at_the_end_of_a_part_stops_the_unpacking(
        make_pc: MakePC, share: Share, monkeypatch: pytest.MonkeyPatch) -> None:
    """The database reaches the largest size allowed exactly when a part has been unpacked,
    and more follows: it is left to `decode`, which refuses it (no error of zlib's)."""
    _two_snapshots(make_pc, share)
    image = snapshot.SQLITE_MAGIC + os.urandom(200_000)  # kept as it is: unpacked part by part
    plain = snapshot.encode({"store": "x"}, image)
    data, ad = _sealed(share, "0000000000001-x.snap", plain, Signer.new())
    header = plain.index(b"\n") + 1
    fed = 3 * 4096 - (len(sealing.MAGIC) + sealing.NONCE + SIGNED_HEAD + header)
    limit = len(zlib.decompressobj().decompress(plain[header:header + fed]))
    assert 0 < limit < len(image)
    monkeypatch.setattr(snapshot, "MAX_PLAIN", limit)
    assert _unpacked(share, data, ad, plain, 4096) is None
    with pytest.raises(snapshot.BadSegment, match="слишком велик"):
        snapshot.decode(plain, "снимок")


def test_putting_the_file_back_in_wal_mode_does_not_wait_for_a_reader(tmp_path: Path) -> None:
    """While another program reads the file in rollback-journal mode, the sync leaves the
    mode to its next time instead of waiting its 30 s for the reader (a window frozen)."""
    from imc_desktop.sync import local

    path = tmp_path / "left.sqlite"
    reader = sqlite3.connect(path, isolation_level=None)
    reader.execute("CREATE TABLE t (x)")
    reader.execute("INSERT INTO t VALUES (1)")
    reader.execute("BEGIN")
    assert reader.execute("SELECT x FROM t").fetchall() == [(1,)]  # holds its read lock
    con = local.connect(path)
    started = time.monotonic()
    local.back_to_wal(con)
    assert time.monotonic() - started < 10, "it waited for the reader"
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert con.execute("PRAGMA busy_timeout").fetchone()[0] == 30000
    reader.execute("COMMIT")
    local.back_to_wal(con)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    reader.close()
    con.close()
