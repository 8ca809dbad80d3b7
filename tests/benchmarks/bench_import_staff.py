"""Import of a 5,000-row staff workbook (issue «Кадры»: under 10 s). Not in the default run:

    uv run pytest tests/benchmarks/bench_import_staff.py --benchmark-only -s

Data: 5,000 pedagogues × 11 columns under a title block, spread over the 40 demo ОО
(ФИО, birth date, СНИЛС with check digits, position, subjects, ОО, education, graduation
year, стаж, category) — read, mapped, checked and written in one transaction.
"""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from imc_desktop import importers
from imc_desktop.importers import ImportOptions
from imc_desktop.services import demo
from imc_desktop.services.common import importing, maintenance
from imc_desktop.services.organizations import records as organizations
from imc_desktop.services.staff import records as staff
from imc_desktop.services.staff.demo import FIRST_F, LAST_F, SUBJECTS, _snils

ROWS = 5_000
HEADER = ("№", "ФИО", "Дата рождения", "СНИЛС", "Должность", "Предметы", "ОО", "Образование",
          "Год окончания", "Педагогический стаж", "Категория")


def _workbook(path: Path, schools: list[str]) -> Path:
    rng = random.Random(5)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Педагоги")
    ws.append(["Сведения о педагогических работниках района"])
    ws.append([])
    ws.append(list(HEADER))
    for i in range(ROWS):
        year = rng.randint(1960, 2000)
        ws.append([i + 1, f"{rng.choice(LAST_F)} {rng.choice(FIRST_F)} Петровна",
                   date(year, rng.randint(1, 12), rng.randint(1, 28)), _snils(rng), "учитель",
                   rng.choice(SUBJECTS), rng.choice(schools), "высшее педагогическое",
                   year + 22, f"{rng.randint(0, 40)} лет {rng.randint(0, 11)} мес.",
                   rng.choice(("", "первая", "высшая"))])
    wb.save(path)
    return path


@pytest.fixture
def district(tmp_path: Path) -> Any:
    maintenance.open_current(tmp_path / "d.sqlite", tmp_path / "b")
    demo.fill_demo(staff=0)
    yield [o.short_name for o in organizations.list_organizations()]
    maintenance.close_current()


def test_import_5000_pedagogues(benchmark: Any, district: list[str], tmp_path: Path) -> None:
    path = _workbook(tmp_path / "staff.xlsx", district)
    kind = importing.get_kind("staff")

    def import_all() -> importers.ImportSummary:
        header = importers.find_sheet(path, kind)
        mapping = importers.guess_mapping(header.headers, kind)
        preview = importers.prepare(path, header.sheet, kind, mapping)
        return importers.run(preview, kind, ImportOptions())

    summary = benchmark.pedantic(import_all, rounds=1, iterations=1)
    print(f"\nimport of {ROWS} pedagogues: {benchmark.stats['median']:.2f} s "
          f"(created {summary.created}, updated {summary.updated})")
    assert summary.created + summary.updated == ROWS  # a random ФИО + birth date may repeat
    assert staff.count_persons() == summary.created
    assert benchmark.stats["median"] < 10.0
