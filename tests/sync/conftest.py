from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from imc_desktop.sync.share import Share
from tests.sync.helpers import Workstation


@pytest.fixture
def share(tmp_path: Path) -> Share:
    root = tmp_path / "share"
    root.mkdir()
    return Share(root)


@pytest.fixture
def make_pc(tmp_path: Path, share: Share) -> Callable[[str], Workstation]:
    def make(name: str) -> Workstation:
        return Workstation(tmp_path / name / "imc.sqlite", share, name)

    return make
