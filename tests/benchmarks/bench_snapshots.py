"""A new workstation after months of five PCs: how many files it opens on the share, how
long it takes to be ready compared with copying the snapshot file, and how many files the
share holds (issue #22, «Compaction»).

    uv run python tests/benchmarks/bench_snapshots.py [--days 20] [--syncs 25] [--edits 3]

The tests' district key is used unless IMC_SYNC_PASSPHRASE is set. The demo database
(about 1,500 pedagogues) starts on one PC; five PCs then work `--days`
working days, each syncing `--syncs` times a day with `--edits` pedagogues changed before
each sync (25 segments per PC and day is the rate that gives the ~31,000 files a year of
issue #22). The snapshot policy's clock moves on 8 working hours a day plus the night, so
snapshots, the archive and its removal follow the default settings as they would.

Targets: the new PC opens ≤ 50 files, is ready in ≤ 1.5× the time of copying the snapshot,
and the share holds ≤ 500 files. "Ready" is its first sync, with the program's modules
imported already (as in the window); it is not admitted, as a new PC is not yet. It is timed
from the local disk, then with the share read at 100 and at 1000 Mbit/s (NetworkShare), the
copy of the snapshot timed through the same share. At the
end the whole share is sealed with a new key (Сервис → Сменить ключ синхронизации), timed.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from imc_desktop.sync import rekey, upkeep
from imc_desktop.sync.engine import synchronise
from imc_desktop.sync.share import Share
from imc_desktop.sync.snapshot import Policy
from tests.sync.helpers import Workstation, edit_people, share_key
from tests.sync.network_share import NetworkShare

MB = 1024 * 1024
PASSPHRASE = "адрес аист акула ангел арбуз армия астра атлас багаж банан"  # the tests' key
HOUR = 3600.0
RUNS = 5  # new PCs timed at each network speed
NEW_KEY = "волк гора дождь ель жук забор игла кино лес море"


class Clock:
    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


class ReadingShare(Share):
    """Notes every file a sync opens on the share."""

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.opened: list[str] = []

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


def _files(root: Path) -> int:
    return sum(1 for p in root.rglob("*") if p.is_file())


def _work(pcs: list[Workstation], ids: list[str], args: argparse.Namespace, clock: Clock,
          policy: Policy) -> None:
    rng = random.Random(22)
    started = time.perf_counter()
    for day in range(args.days):
        for _round in range(args.syncs):
            for pc in pcs:
                edit_people(pc.path, rng.sample(ids, args.edits), f"{day}-{pc.name}")
                pc.sync(snapshots=policy)
            clock.now += 8 * HOUR / args.syncs
        clock.now += 16 * HOUR
        print(f"  day {day + 1}: {_files(pcs[0].share.root)} files on the share, "
              f"{time.perf_counter() - started:.0f} s", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--days", type=int, default=20)
    parser.add_argument("--syncs", type=int, default=25)
    parser.add_argument("--edits", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("IMC_SYNC_PASSPHRASE", PASSPHRASE)
    folder = Path(tempfile.mkdtemp(prefix="bench-snapshots-"))
    (folder / "share").mkdir()
    demo = folder / "demo.sqlite"
    subprocess.run([sys.executable, "-m", "imc_desktop", "demo-data", "--db", str(demo)],
                   check=True, capture_output=True)
    clock = Clock()
    policy = Policy(clock=clock)
    share = Share(folder / "share")
    (folder / "a").mkdir()
    shutil.copy(demo, folder / "a" / "imc.sqlite")
    pcs = [Workstation(folder / n / "imc.sqlite", share, n) for n in "abcde"]
    for pc in pcs:
        pc.sync(snapshots=policy)
    ids = [r for (r,) in pcs[0].sql("SELECT id FROM persons")]
    print(f"{len(ids)} pedagogues; {args.days} days × {args.syncs} syncs × 5 PCs × "
          f"{args.edits} edits")
    _work(pcs, ids, args, clock, policy)
    for pc in pcs + pcs:  # the end of a day: everybody synchronised, twice
        pc.sync(snapshots=policy)
    segments = sum(1 for _p in share.root.glob("sites/*/*.seg"))
    archived = sum(1 for _p in share.root.glob("sites/*/archive/*.seg"))
    snapshots = upkeep.names(share)
    print(f"files on the share: {_files(share.root)} (segments {segments}, archived "
          f"{archived}, snapshots {len(snapshots)})")
    newest = share.path(f"snapshots/{snapshots[0]}")
    reading = ReadingShare(share.root)
    new = Workstation(folder / "new" / "imc.sqlite", reading, "new", admitted=False)
    _warm()
    started = time.perf_counter()
    result = synchronise(new.path, reading, "new", snapshots=policy)  # no test admission
    ready_s = time.perf_counter() - started
    assert not result.bad_files and not result.missing, result
    same = new.content() == pcs[0].content()
    print(f"snapshot {newest.stat().st_size / MB:.2f} MB")
    print(f"new PC: opened {len(reading.opened)} files "
          f"({sum(1 for r in reading.opened if r.endswith('.seg'))} segments), ready in "
          f"{ready_s:.2f} s from the local disk; same data as the others: {same}")
    for mbit in (100, 1000):  # the share read at the network's speed, the copy timed on it
        network = NetworkShare(share.root, mbit)
        started = time.perf_counter()
        network.read(f"snapshots/{snapshots[0]}")
        copy_s = time.perf_counter() - started
        runs = []
        for run in range(RUNS):
            pc = Workstation(folder / f"new-{mbit}-{run}" / "imc.sqlite", network, "new",
                             admitted=False)
            started = time.perf_counter()
            synchronise(pc.path, network, "new", snapshots=policy)
            runs.append(time.perf_counter() - started)
            assert pc.content() == pcs[0].content()
        ready_s = statistics.median(runs)
        print(f"  at {mbit} Mbit/s the copy takes {copy_s:.2f} s: ready in {ready_s:.2f} s = "
              f"{ready_s / copy_s:.2f}× the copy (median of {RUNS} new PCs; "
              f"{min(runs) / copy_s:.2f}–{max(runs) / copy_s:.2f}×)")
    files = sum(1 for _f in rekey.sealed_files(share, share_key(share).store_id))
    started = time.perf_counter()
    done = rekey.change(pcs[0].path, Share(share.root), NEW_KEY, "a")
    print(f"changing the key: {done.resealed} files ({files} sealed files, "
          f"{_size(share.root) / MB:.1f} MB on the share) in {time.perf_counter() - started:.2f} s")
    shutil.rmtree(folder, ignore_errors=True)


def _size(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file())


def _warm() -> None:
    """What the program imports once at its first sync (the credential store's backend)."""
    import keyring

    keyring.get_keyring()


if __name__ == "__main__":
    main()
