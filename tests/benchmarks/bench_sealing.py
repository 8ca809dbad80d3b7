"""What sealing the segments with the district key and signing them with the workstation's
key cost (issue 22: encryption and signing ≤ 20 % on the 1,000-change sync), and a sync with
nothing to do, in-process.

    uv run pytest tests/benchmarks/bench_sealing.py -s
    IMC_BENCH_RECORDS=100000 uv run pytest tests/benchmarks/bench_sealing.py -s

Rounds of three: the same 1,000 changed fields pushed by one PC and pulled by another —
sealed and signed, sealed but not signed, and with both replaced by a pass-through — in a
rotating order, so that all see the same machine load. The medians of the ratios to the
pass-through are reported.
"""

from __future__ import annotations

import os
import statistics
import time
from typing import Any

import pytest

from imc_desktop.sync import signing
from imc_desktop.sync.sealing import SyncKey
from imc_desktop.sync.share import Share
from imc_desktop.sync.signing import Signer
from tests.sync.helpers import Workstation, add_people, edit_people

RECORDS = int(os.environ.get("IMC_BENCH_RECORDS", "5000"))  # 100000: the size
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


def _unsigned(patch: pytest.MonkeyPatch, a: Workstation) -> None:
    """Signing and its check replaced by a pass-through (the files say a signed them)."""
    public = a.signer().public  # a made the folder: admitted
    patch.setattr(Signer, "sign", lambda _self, plain, _ad: plain)
    patch.setattr(signing, "unwrap", lambda data, _ad, _where: (public, data))


def _unsealed(monkeypatch: pytest.MonkeyPatch, a: Workstation, b: Workstation,
              ids: list[str], tag: str) -> float:
    with monkeypatch.context() as patch:  # a pass-through of the same shape
        patch.setattr(SyncKey, "seal", lambda _self, data, _ad: data)
        patch.setattr(SyncKey, "open", lambda _self, data, _ad, _where: data)
        _unsigned(patch, a)
        return _round(a, b, ids, tag)


def _sealed_only(monkeypatch: pytest.MonkeyPatch, a: Workstation, b: Workstation,
                 ids: list[str], tag: str) -> float:
    with monkeypatch.context() as patch:
        _unsigned(patch, a)
        return _round(a, b, ids, tag)


def test_sealing_and_signing_cost_little_on_1000_changes(
        office: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b, ids = office
    kinds: dict[str, Any] = {
        "signed": lambda tag: _round(a, b, ids, tag),
        "sealed": lambda tag: _sealed_only(monkeypatch, a, b, ids, tag),
        "plain": lambda tag: _unsealed(monkeypatch, a, b, ids, tag)}
    times: dict[str, list[float]] = {kind: [] for kind in kinds}
    order = list(kinds)
    for n in range(PAIRS):  # the order rotates: a database that grows favours none
        for kind in order[n % 3:] + order[:n % 3]:
            times[kind].append(kinds[kind](f"{kind}{n}"))
    both = statistics.median(s / p for s, p in zip(times["signed"], times["plain"],
                                                    strict=True)) - 1
    sealing = statistics.median(s / p for s, p in zip(times["sealed"], times["plain"],
                                                       strict=True)) - 1
    print(f"\n{CHANGES} changed fields pushed and pulled, {RECORDS} records: sealed and "
          f"signed {statistics.median(times['signed']):.3f} s, sealed only "
          f"{statistics.median(times['sealed']):.3f} s, neither "
          f"{statistics.median(times['plain']):.3f} s; cost of sealing and signing "
          f"{both * 100:+.1f} %, of sealing alone {sealing * 100:+.1f} % (medians of "
          f"{PAIRS} rounds)")
    assert both <= 0.20


def test_sync_with_nothing_to_do(office: Any) -> None:
    a, _b, _ids = office
    a.sync()
    times = []
    for _ in range(10):
        started = time.perf_counter()
        a.sync()
        times.append(time.perf_counter() - started)
    print(f"\nsync with nothing to do, {RECORDS} records, sealed and signed store: median "
          f"{statistics.median(times) * 1000:.0f} ms")
    assert statistics.median(times) < 0.2
