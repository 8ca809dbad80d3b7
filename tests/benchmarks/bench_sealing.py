"""What sealing the segments with the district key costs (issue 22: ≤ 20 % on the
1,000-change sync), and a sync with nothing to do, in-process.

    uv run pytest tests/benchmarks/bench_sealing.py -s

Paired rounds: the same 1,000 changed fields pushed by one PC and pulled by another, once
with the segments sealed and once with sealing replaced by a pass-through, alternately, so
that both see the same machine load. The median of the pairs' ratio is reported.
"""

from __future__ import annotations

import statistics
import time
from typing import Any

import pytest

from imc_desktop.sync.sealing import SyncKey
from imc_desktop.sync.share import Share
from tests.sync.helpers import Workstation, add_people, edit_people

RECORDS = 5_000
CHANGES = 1_000
PAIRS = 8


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp("sealing")
    (folder / "share").mkdir()
    share = Share(folder / "share")
    a = Workstation(folder / "a" / "imc.sqlite", share, "a")
    b = Workstation(folder / "b" / "imc.sqlite", share, "b")
    ids = add_people(a.path, RECORDS)
    a.sync()
    b.sync()
    return a, b, ids


def _round(a: Workstation, b: Workstation, ids: list[str], tag: str) -> float:
    edit_people(a.path, ids[:CHANGES], tag)
    started = time.perf_counter()
    a.sync()
    b.sync()
    return time.perf_counter() - started


def _unsealed(monkeypatch: pytest.MonkeyPatch, a: Workstation, b: Workstation,
              ids: list[str], tag: str) -> float:
    with monkeypatch.context() as patch:  # a pass-through of the same shape
        patch.setattr(SyncKey, "seal", lambda _self, data, _ad: data)
        patch.setattr(SyncKey, "open", lambda _self, data, _ad, _where: data)
        return _round(a, b, ids, tag)


def test_sealing_costs_little_on_1000_changes(office: Any,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    a, b, ids = office
    ratios, sealed_times, plain_times = [], [], []
    for n in range(PAIRS):
        if n % 2:  # which goes first alternates: a database that grows favours neither
            plain = _unsealed(monkeypatch, a, b, ids, f"p{n}")
            sealed = _round(a, b, ids, f"s{n}")
        else:
            sealed = _round(a, b, ids, f"s{n}")
            plain = _unsealed(monkeypatch, a, b, ids, f"p{n}")
        ratios.append(sealed / plain)
        sealed_times.append(sealed)
        plain_times.append(plain)
    cost = statistics.median(ratios) - 1
    print(f"\n{CHANGES} changed fields pushed and pulled, {RECORDS} records: sealed "
          f"{statistics.median(sealed_times):.3f} s, not sealed "
          f"{statistics.median(plain_times):.3f} s, cost {cost * 100:+.1f} % (median of "
          f"{PAIRS} pairs)")
    assert cost <= 0.20


def test_sync_with_nothing_to_do(office: Any) -> None:
    a, _b, _ids = office
    a.sync()
    times = []
    for _ in range(10):
        started = time.perf_counter()
        a.sync()
        times.append(time.perf_counter() - started)
    print(f"\nsync with nothing to do, {RECORDS} records, sealed store: median "
          f"{statistics.median(times) * 1000:.0f} ms")
    assert statistics.median(times) < 0.2
