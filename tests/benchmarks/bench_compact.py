"""The size of a workstation's database: the demo database before its first sync, after it
(through an empty share) with the history compacted and, for comparison, with the whole
history kept as before; then a simulated year of edits on three PCs.

    uv run python tests/benchmarks/bench_compact.py [--weeks 52] [--edits 300]

Target (issue #22): after the first sync the file is at most twice the data it holds.
Making the demo database takes about 15 s, each first sync 15–30 s, the year a few minutes.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from imc_desktop.sync import compact
from imc_desktop.sync.share import Share
from tests.sync.helpers import Workstation, edit_people

MB = 1024 * 1024


def _size(path: Path) -> float:
    return path.stat().st_size / MB


def _history_rows(path: Path) -> tuple[int, int]:
    con = sqlite3.connect(path)
    try:
        return (int(con.execute("SELECT count(*) FROM sync_changes").fetchone()[0]),
                int(con.execute("SELECT count(*) FROM sync_base").fetchone()[0]))
    finally:
        con.close()


def _first_sync(source: Path, folder: Path, keep_all: bool) -> tuple[Workstation, float]:
    (folder / "share").mkdir(parents=True)
    pc = folder / "a" / "imc.sqlite"
    pc.parent.mkdir()
    shutil.copy(source, pc)
    workstation = Workstation(pc, Share(folder / "share"), "a")
    real = compact.compact
    if keep_all:
        compact.compact = lambda *_a, **_k: compact.Compaction()  # type: ignore[assignment]
    try:
        started = time.perf_counter()
        workstation.sync()
        return workstation, time.perf_counter() - started
    finally:
        compact.compact = real  # type: ignore[assignment]


def _year(first: Workstation, folder: Path, weeks: int, edits: int) -> None:
    """Three PCs; each week each PC edits `edits` pedagogues' phones and all sync."""
    share = first.share
    others = [Workstation(folder / name / "imc.sqlite", share, name) for name in ("b", "c")]
    pcs = [first, *others]
    for pc in others:
        pc.sync()
    ids = [r for (r,) in first.sql("SELECT id FROM persons ORDER BY id")]
    started = time.perf_counter()
    for week in range(weeks):
        for n, pc in enumerate(pcs):
            start = (week * 7 + n * 131) % max(1, len(ids) - edits)
            edit_people(pc.path, ids[start:start + edits], f"{week}-{pc.name}")
            pc.sync()
    for pc in pcs:
        pc.sync()
    print(f"a year ({weeks} weeks × 3 PCs × {edits} edits) in "
          f"{time.perf_counter() - started:.0f} s")
    for pc in pcs:
        changes, base = _history_rows(pc.path)
        print(f"  {pc.name}: {_size(pc.path):.1f} MB (sync_changes rows {changes}, "
              f"sync_base rows {base})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--weeks", type=int, default=52)
    parser.add_argument("--edits", type=int, default=300)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-compact-"))
    demo = folder / "demo.sqlite"
    subprocess.run([sys.executable, "-m", "imc_desktop", "demo-data", "--db", str(demo)],
                   check=True, capture_output=True)
    before = _size(demo)
    print(f"demo database before its first sync: {before:.1f} MB")
    whole, seconds = _first_sync(demo, folder / "whole", keep_all=True)
    print(f"after the first sync, whole history kept: {_size(whole.path):.1f} MB "
          f"({_size(whole.path) / before:.1f}×), {seconds:.1f} s")
    small, seconds = _first_sync(demo, folder / "compact", keep_all=False)
    changes, base = _history_rows(small.path)
    print(f"after the first sync, compacted: {_size(small.path):.1f} MB "
          f"({_size(small.path) / before:.2f}×), {seconds:.1f} s "
          f"(sync_changes rows {changes}, sync_base rows {base})")
    if args.weeks:
        _year(small, folder / "compact", args.weeks, args.edits)
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
