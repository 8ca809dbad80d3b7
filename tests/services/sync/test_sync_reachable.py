"""An automatic sync asks whether the share answers, and does not wait long for a dead one."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from imc_desktop.services.sync import runner as sync


def test_a_folder_that_answers_is_reachable(tmp_path: Path) -> None:
    assert sync.reachable_within(tmp_path, 5.0)
    assert not sync.reachable_within(tmp_path / "нет такой папки", 5.0)
    assert not sync.reachable_within(None, 5.0)


def test_a_share_that_does_not_answer_counts_as_unreachable(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()

    def hangs(_location: object) -> bool:
        release.wait(10)
        return True

    monkeypatch.setattr(sync, "reachable", hangs)
    try:
        assert not sync.reachable_within(tmp_path, 0.2)
    finally:
        release.set()
