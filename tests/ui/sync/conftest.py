"""What the sync screens' tests share: the sync folder on the "network share"."""

from __future__ import annotations

from pathlib import Path

import pytest

from imc_desktop.sync.share import Share


@pytest.fixture
def share(tmp_path: Path) -> Share:
    (tmp_path / "share").mkdir()
    return Share(tmp_path / "share")
