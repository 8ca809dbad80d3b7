"""Blanks of a data collection for every ОО of the demo district, and reading them back.

    uv run pytest tests/benchmarks/bench_requests.py --benchmark-only -s

The issue asks for 40 files in one step under 10 s: the demo district (its ~40 ОО with 1,500
pedagogues) gets a row per ОО and a table per ОО pre-filled with each ОО's pedagogues; then
all the row-per-ОО blanks, filled, are read back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from exports.collection_blank import DATA_SHEET, HEADER_ROW
from imc_desktop.services import demo
from imc_desktop.services.common import maintenance
from imc_desktop.services.requests import blanks, importing, write
from imc_desktop.services.requests.records import CollectionData
from imc_desktop.services.requests.rules import TemplateColumn

TEMPLATE = (TemplateColumn("Учителей", "number"), TemplateColumn("Вакансий", "number"),
            TemplateColumn("Есть логопед", "bool"),
            TemplateColumn("Форма", "choice", ("очная", "очно-заочная")),
            TemplateColumn("Дата приказа", "date"), TemplateColumn("Примечание"))


@pytest.fixture(scope="module")
def district(tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp("district")
    maintenance.open_current(folder / "district.sqlite", folder / "backups")
    demo.fill_demo()
    yield folder
    maintenance.close_current()


def test_blanks_row_per_ou(benchmark: Any, district: Path) -> None:
    collection_id = write.save_collection(CollectionData(title="Кадры", template=TEMPLATE))
    result = benchmark.pedantic(lambda: blanks.generate_blanks(collection_id,
                                                               district / "row"),
                                rounds=3, iterations=1)
    print("files:", len(result.files))
    assert benchmark.stats.stats.max < 10


def test_blanks_table_per_ou_with_pedagogues(benchmark: Any, district: Path) -> None:
    collection_id = write.save_collection(CollectionData(
        title="Курсы", mode="table", prefill="staff", template=TEMPLATE[:3]))
    result = benchmark.pedantic(lambda: blanks.generate_blanks(collection_id,
                                                               district / "table"),
                                rounds=3, iterations=1)
    print("files:", len(result.files))
    assert benchmark.stats.stats.max < 10


def test_reading_every_blank_back(benchmark: Any, district: Path) -> None:
    collection_id = write.save_collection(CollectionData(title="Чтение", template=TEMPLATE))
    files = blanks.generate_blanks(collection_id, district / "read").files
    for n, path in enumerate(files):
        book = openpyxl.load_workbook(path)
        book[DATA_SHEET].cell(HEADER_ROW + 1, 2, n)
        book.save(path)
    result = benchmark.pedantic(lambda: importing.read_returned(collection_id, files),
                                rounds=3, iterations=1)
    print("files read:", len(result.accepted))
    assert not result.rejected
