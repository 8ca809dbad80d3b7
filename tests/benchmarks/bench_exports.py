"""Report engine speed (pytest-benchmark). Not part of the default run; start it with

    uv run pytest tests/benchmarks/bench_exports.py --benchmark-only -p no:cacheprovider -s

(``--benchmark-only`` overrides the ``--benchmark-skip`` of the default addopts.)

Data: 10,000 rows × 8 columns to xlsx (compared with a bare openpyxl write-only loop
writing the same values) and to pdf, 1,000 rows × 8 columns to docx.
"""

from __future__ import annotations

import random
import time
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from exports import Report, ReportColumn, ReportTable
from exports.docx_writer import write_docx
from exports.errors import FontNotFoundError
from exports.fonts import find_cyrillic_font
from exports.pdf_writer import write_pdf
from exports.xlsx_writer import write_xlsx

XLSX_MAX_RATIO = 1.3
COLUMNS = (
    ReportColumn("Образовательная организация", 2.0),
    ReportColumn("ФИО педагога", 2.5),
    ReportColumn("Дата", kind="date"),
    ReportColumn("Часов", kind="int", total=True),
    ReportColumn("Балл", kind="number"),
    ReportColumn("Стоимость, руб.", 1.3, kind="money", total=True),
    ReportColumn("Примечание", 1.5),
    ReportColumn("Стаж", kind="int"),
)
NOTES = ("", "совместитель", "молодой специалист", "декретный отпуск")


def _rows(n: int) -> list[tuple[Any, ...]]:
    rnd = random.Random(7)
    return [
        (
            f"МБОУ СОШ № {1 + i * 40 // n}",
            f"Иванова Анна Сергеевна {i}",
            date(2025, 1 + i % 12, 1 + i % 28),
            rnd.choice((16, 36, 72, 144)),
            round(rnd.random() * 100, 2),
            Decimal(rnd.randint(100_00, 99_999_00)) / 100,
            NOTES[i % 4],
            rnd.randint(0, 40),
        )
        for i in range(n)
    ]


def _report(n: int, group: bool = False) -> Report:
    table = ReportTable(COLUMNS, _rows(n), title="Курсы", group_by=0 if group else None,
                        totals=True)
    return Report("Отчёт", department="Управление образования", organization="ИМЦ",
                  tables=(table,))


def _bare_xlsx(report: Report, path: Path) -> None:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Лист1")
    table = report.tables[0]
    ws.append([c.title for c in table.columns])
    for row in table.rows:
        ws.append(row)
    wb.save(str(path))


def _best_of(fn: Any, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def test_xlsx_10k_rows_vs_bare_openpyxl(benchmark: Any, tmp_path: Path) -> None:
    report = _report(10_000)
    bare = _best_of(lambda: _bare_xlsx(report, tmp_path / "bare.xlsx"), 5)
    benchmark.pedantic(write_xlsx, args=(report, tmp_path / "r.xlsx"), rounds=5, iterations=1)
    ratio = benchmark.stats.stats.min / bare
    benchmark.extra_info.update(bare_seconds=round(bare, 3), ratio=round(ratio, 3))
    print(f"\nxlsx 10000x8: bare {bare:.3f} s, report {benchmark.stats.stats.min:.3f} s, "
          f"ratio {ratio:.2f}")
    assert ratio <= XLSX_MAX_RATIO


def test_pdf_10k_rows(benchmark: Any, tmp_path: Path) -> None:
    try:
        find_cyrillic_font()
    except FontNotFoundError:
        pytest.skip("no Cyrillic TrueType font on this machine")
    report = _report(10_000, group=True)
    benchmark.pedantic(write_pdf, args=(report, tmp_path / "r.pdf"), rounds=2, iterations=1)
    print(f"\npdf 10000x8: {benchmark.stats.stats.min:.3f} s")
    assert benchmark.stats.stats.min < 5.0


def test_docx_1k_rows(benchmark: Any, tmp_path: Path) -> None:
    report = _report(1_000, group=True)
    benchmark.pedantic(write_docx, args=(report, tmp_path / "r.docx"), rounds=5, iterations=1)
    print(f"\ndocx 1000x8: {benchmark.stats.stats.min:.3f} s")
    assert benchmark.stats.stats.min < 3.0
