"""The cost of a sync grows with the number of changes, not with the size of the database:
files and bytes read and written on the share are counted."""

from __future__ import annotations

from pathlib import Path

from tests.sync.counting_share import CountingShare
from tests.sync.helpers import Workstation, add_people, edit_people


def _two_pcs(tmp_path: Path, records: int) -> tuple[Workstation, Workstation, CountingShare,
                                                     list[str]]:
    root = tmp_path / f"share-{records}"
    root.mkdir()
    share = CountingShare(root)
    a = Workstation(tmp_path / f"a-{records}" / "imc.sqlite", share, "a")
    b = Workstation(tmp_path / f"b-{records}" / "imc.sqlite", share, "b")
    ids = add_people(a.path, records)
    a.sync()
    b.sync()
    return a, b, share, ids


def _cost(share: CountingShare, *pcs: Workstation) -> tuple[int, int, int, int]:
    share.reset()
    for pc in pcs:
        pc.sync()
    return share.reads, share.read_bytes, share.writes, share.written_bytes


def test_a_sync_with_nothing_to_do_reads_a_few_small_files_whatever_the_size(
        tmp_path: Path) -> None:
    small = _two_pcs(tmp_path, 200)
    large = _two_pcs(tmp_path, 4000)
    for a, _b, _share, _ids in (small, large):
        a.sync()  # it learns that b was admitted (two small files read once)
    costs = [_cost(share, a) for a, _b, share, _ids in (small, large)]
    assert costs[0][0] == costs[1][0] <= 4, "store.json, the next own and others' segments"
    assert costs[0][1] == costs[1][1] < 1000
    assert costs[0][2] == costs[1][2] == 0, "nothing published"
    assert small[2].listings == large[2].listings


def test_ten_edits_cost_the_same_in_a_small_and_a_large_database(tmp_path: Path) -> None:
    found = []
    for records in (200, 4000):
        a, b, share, ids = _two_pcs(tmp_path, records)
        edit_people(a.path, ids[:10], "ten")
        found.append(_cost(share, a, b))
    (reads_s, read_s, writes_s, written_s), (reads_l, read_l, writes_l, written_l) = found
    assert (reads_s, writes_s) == (reads_l, writes_l)
    assert abs(written_s - written_l) < 200 and abs(read_s - read_l) < 400
    assert written_s < 2000, f"{written_s} bytes written for 10 edits"


def test_the_bytes_grow_with_the_number_of_edits(tmp_path: Path) -> None:
    a, b, share, ids = _two_pcs(tmp_path, 2000)
    edit_people(a.path, ids[:10], "few")
    few = _cost(share, a, b)
    edit_people(a.path, ids[:1000], "many")
    many = _cost(share, a, b)
    assert 10 * few[3] < many[3] < 200 * few[3], (few, many)
