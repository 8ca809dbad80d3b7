"""The equipment register of a big district: the demo's ~3,000 items made ten times over.

    uv run pytest tests/benchmarks/bench_equipment.py --benchmark-only -s

Measured: the tab shows the list, a new item is saved (its number checked against every
item and every retired number), a count session starts in a big ОО, the informatisation
report is built for today and for a past date.
"""

from __future__ import annotations

import random
from datetime import date
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from imc_desktop import config
from imc_desktop.db import session_scope
from imc_desktop.services import demo
from imc_desktop.services.common import maintenance, reports
from imc_desktop.services.equipment import inventory as inv
from imc_desktop.services.equipment import records as eq
from imc_desktop.services.equipment.demo import demo_equipment
from models import EquipmentItem, Organization
from ui.equipment.tab import EquipmentTab

ROUNDS = 9  # more demo fleets on top of the first one


@pytest.fixture(scope="module")
def district(tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp("district")
    maintenance.open_current(folder / "district.sqlite", folder / "backups")
    demo.fill_demo(staff=0)
    rng = random.Random(9)
    with session_scope() as s:
        orgs = list(s.scalars(select(Organization)))
        for _ in range(ROUNDS):
            demo_equipment(s, rng, orgs, date.today())
        s.flush()
        # renumber the copies so that the register has no duplicates
        for n, item in enumerate(s.scalars(select(EquipmentItem))):
            item.inventory_number = f"Б-{n:07d}"
        print("items:", s.scalar(select(func.count()).select_from(EquipmentItem)))
    yield config.Settings(folder / "settings.ini")
    maintenance.close_current()


def test_the_tab_shows_the_list(benchmark: Any, qapp: QApplication,
                                district: config.Settings) -> None:
    def show() -> EquipmentTab:
        tab = EquipmentTab(district)
        tab.resize(1400, 800)
        tab.show()
        qapp.processEvents()
        return tab

    tab = benchmark.pedantic(show, rounds=3, iterations=1)
    assert tab.items.record_list.model.rowCount() > 25_000
    tab.close()


def test_saving_a_new_item_checks_its_number(benchmark: Any,
                                             district: config.Settings) -> None:
    counter = iter(range(1_000_000))

    def save() -> str:
        return eq.save_item(eq.ItemData(inventory_number=f"Н-{next(counter)}",
                                        name="Ноутбук"))

    benchmark.pedantic(save, rounds=10, iterations=1)


def test_a_count_starts_in_a_big_organization(benchmark: Any,
                                              district: config.Settings) -> None:
    from collections import Counter

    biggest = Counter(x.organization_id for x in eq.list_items()).most_common(1)[0][0] or ""
    session_ids: list[str] = []

    def start() -> None:
        session_id = inv.start_session(inv.SessionData(biggest, date.today()))
        session_ids.append(session_id)
        inv.delete_session(session_id)

    benchmark.pedantic(start, rounds=3, iterations=1)


@pytest.mark.parametrize("years_ago", [0, 2])
def test_the_informatisation_report(benchmark: Any, district: config.Settings,
                                    years_ago: int) -> None:
    """Today, and two years ago: the holders and statuses of every item with later events
    are rebuilt from the history."""
    on = date.today().replace(year=date.today().year - years_ago, day=1)
    params = {"date": on.strftime("%d.%m.%Y")}
    report = benchmark.pedantic(
        lambda: reports.build("informatisation", params, district), rounds=3, iterations=1)
    assert report.tables[0].rows
