from __future__ import annotations

import os
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


# Hypothesis: a bounded run by default (the README's `uv run pytest`); IMC_SYNC_LONG=1 runs
# the long variants (many more examples and steps).
from hypothesis import HealthCheck, settings  # noqa: E402

LONG = os.environ.get("IMC_SYNC_LONG") == "1"
settings.register_profile("sync-default", max_examples=25, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow,
                                                 HealthCheck.function_scoped_fixture])
settings.register_profile("sync-long", max_examples=500, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow,
                                                 HealthCheck.function_scoped_fixture])
settings.load_profile("sync-long" if LONG else "sync-default")
