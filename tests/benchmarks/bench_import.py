"""Import speed (pytest-benchmark). Not part of the default run; start it with

    uv run pytest tests/benchmarks/bench_import.py --benchmark-only -p no:cacheprovider -s

Data: 5,000 ОО-like rows × 12 columns under a title block (ИНН with check digits, КПП,
ОГРН, phones, e-mails, contingent): read the header, guess the mapping, parse and check
every row, write them in one transaction — first into an empty database (all created),
then again over the same rows (all matched, none changed).
"""

from __future__ import annotations

import itertools
import time
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from imc_desktop.importers import ImportOptions, guess_mapping, prepare, read_header, run
from imc_desktop.services.common import maintenance
from imc_desktop.services.organizations import importing as org_importing
from imc_desktop.services.organizations import records as orgs

ROWS = 5_000
LIMIT_SECONDS = 10.0
HEADER = ("№ п/п", "Полное наименование", "Краткое наименование", "Тип", "ИНН", "КПП", "ОГРН",
          "Фактический адрес", "Руководитель", "Телефон", "E-mail", "Контингент")
_counter = itertools.count()


def _inn(n: int) -> str:
    body = f"72{n:07d}"
    weights = (2, 4, 10, 3, 5, 9, 4, 6, 8)
    return body + str(sum(int(c) * w for c, w in zip(body, weights, strict=True)) % 11 % 10)


def _ogrn(n: int) -> str:
    body = f"1027{n:08d}"
    return body + str(int(body) % 11 % 10)


def _workbook(path: Path, rows: int) -> Path:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("ОО")
    ws.append(["Сведения об образовательных организациях"])
    ws.append([])
    ws.append(list(HEADER))
    for i in range(1, rows + 1):
        ws.append([i, f"Муниципальное бюджетное общеобразовательное учреждение «Школа № {i}»",
                   f"МБОУ «Школа № {i}»", ("школа", "детский сад")[i % 2], _inn(i),
                   "720501001", _ogrn(i), f"Тюменская область, с. Покровское, ул. Школьная, {i}",
                   "Петрова Елена Ивановна", "+7 (34535) 2-11-45", f"school{i}@obr.ru",
                   100 + i % 900])
    wb.save(path)
    return path


def _import(path: Path) -> Any:
    kind = org_importing.ORGANIZATIONS
    header = read_header(path, "ОО", kind)
    preview = prepare(path, "ОО", kind, guess_mapping(header.headers, kind))
    return run(preview, kind, ImportOptions())


def _fresh_database(tmp_path: Path) -> None:
    n = next(_counter)
    maintenance.open_current(tmp_path / f"bench-{n}.sqlite", tmp_path / "backups")


@pytest.fixture
def book(tmp_path: Path) -> Any:
    yield _workbook(tmp_path / "oo.xlsx", ROWS)
    maintenance.close_current()


def test_import_5000_organisations_into_an_empty_database(benchmark: Any, tmp_path: Path,
                                                          book: Path) -> None:
    def setup() -> tuple[tuple[Path], dict[str, Any]]:
        _fresh_database(tmp_path)
        return (book,), {}

    summary = benchmark.pedantic(_import, setup=setup, rounds=3)
    assert summary.created == ROWS and orgs.count_organizations() == ROWS
    print(f"\nimport {ROWS} ОО × {len(HEADER)} columns, all created: "
          f"best {benchmark.stats.stats.min:.2f} s")
    assert benchmark.stats.stats.min < LIMIT_SECONDS


def test_reimport_of_the_same_5000_organisations(benchmark: Any, tmp_path: Path,
                                                 book: Path) -> None:
    _fresh_database(tmp_path)
    started = time.perf_counter()
    _import(book)
    first = time.perf_counter() - started
    summary = benchmark.pedantic(_import, args=(book,), rounds=3)
    assert (summary.created, summary.updated, summary.unchanged) == (0, 0, ROWS)
    print(f"\nre-import {ROWS} ОО, all matched and unchanged: best "
          f"{benchmark.stats.stats.min:.2f} s (first import {first:.2f} s)")
    assert benchmark.stats.stats.min < LIMIT_SECONDS
