"""«Главная» on the full demo database (40 ОО, 1,500 pedagogues, 3,000 items, the events
and the literature of a year): the counts read from the database, and the page filled.

    uv run pytest tests/benchmarks/bench_home.py --benchmark-only -s

Target (issue «The everyday screens»): the page is filled in under 150 ms. Without a sync
folder the sync state is not read; with one, its count of unsent changes is measured apart
(on a database that never synchronised every record is unsent, the worst case).
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from imc_desktop import clock, config
from imc_desktop.services import demo
from imc_desktop.services.common import maintenance
from imc_desktop.services.common.rules import Rules
from imc_desktop.services.home import records as home
from ui.home.page import HomePage


@pytest.fixture(scope="module")
def district(tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp("home")
    info = maintenance.open_current(folder / "demo.sqlite", folder / "backups")
    demo.fill_demo()
    yield config.Settings(folder / "settings.ini"), info.path
    maintenance.close_current()


def test_home_counts(benchmark: Any, district: Any) -> None:
    rules = Rules.from_settings(district[0])
    data = benchmark(lambda: home.home_data(rules, clock.today()))
    print(f"\n«Главная» counts read: median {benchmark.stats['median'] * 1000:.0f} ms; "
          + ", ".join(f"{k}={m.count()}" for k, m in data.measures.items()))


def test_home_page_filled(benchmark: Any, qapp: QApplication, district: Any) -> None:
    page = HomePage(district[0], lambda: None)
    page.resize(1366, 700)
    page.show()

    def fill() -> None:
        page.reload()
        qapp.processEvents()

    benchmark(fill)
    print(f"\n«Главная» filled: median {benchmark.stats['median'] * 1000:.0f} ms")


def test_home_counts_with_the_sync_state(benchmark: Any, district: Any) -> None:
    rules = Rules.from_settings(district[0])
    data = benchmark(lambda: home.home_data(rules, clock.today(), sync_path=district[1]))
    assert data.sync is not None
    print(f"\n«Главная» with the sync state ({data.sync.unsent} unsent): median "
          f"{benchmark.stats['median'] * 1000:.0f} ms")
