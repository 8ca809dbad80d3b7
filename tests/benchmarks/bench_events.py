"""The events calendar with the demo's year (about 110 events, 1,700 participations, 1,500
pedagogues): the tab's first display, a month step, and the iCalendar export of the year.

    uv run pytest tests/benchmarks/bench_events.py --benchmark-only -s
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from imc_desktop import config
from imc_desktop.services import demo
from imc_desktop.services.common import maintenance
from imc_desktop.services.events import ics as events_ics
from imc_desktop.services.events import records as events
from ui.events.tab import EventsTab


@pytest.fixture(scope="module")
def year(tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp("events")
    maintenance.open_current(folder / "events.sqlite", folder / "backups")
    demo.fill_demo()
    yield config.Settings(folder / "settings.ini"), folder
    maintenance.close_current()


def test_events_tab_first_display(benchmark: Any, qapp: QApplication, year: Any) -> None:
    def show() -> EventsTab:
        tab = EventsTab(year[0])
        tab.resize(1400, 800)
        tab.show()
        qapp.processEvents()
        return tab

    tab = benchmark(show)
    print(f"\nevents shown in the month: {len(tab.month.rows)}")


def test_month_step(benchmark: Any, qapp: QApplication, year: Any) -> None:
    tab = EventsTab(year[0])
    tab.resize(1400, 800)
    tab.show()
    benchmark(lambda: (tab.step(-1), qapp.processEvents()))


def test_ics_export_of_the_year(benchmark: Any, year: Any) -> None:
    rows = events.list_events()
    path: Path = year[1] / "year.ics"
    benchmark(lambda: events_ics.export_ics(rows, path))
    print(f"\n{len(rows)} events, {path.stat().st_size} bytes")
