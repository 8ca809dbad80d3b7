"""Shared sample reports for the report engine tests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from exports import (
    ApprovalBlock,
    Report,
    ReportColumn,
    ReportTable,
    Signature,
)
from exports.errors import FontNotFoundError
from exports.fonts import find_cyrillic_font

SCHOOLS = ("МБОУ СОШ № 1", "МБОУ СОШ № 2", "МАОУ «Лицей № 3»")
NAMES = ("Иванова Анна Сергеевна", "Петров Пётр Петрович", "Щукина Жанна Эдуардовна")

COLUMNS = (
    ReportColumn("Образовательная организация", 2.0),
    ReportColumn("ФИО педагога", 2.5),
    ReportColumn("Дата", kind="date"),
    ReportColumn("Часов", 0.8, kind="int", total=True),
    ReportColumn("Стоимость, руб.", 1.3, kind="money", total=True),
)


def course_rows(n: int = 30) -> list[tuple[object, ...]]:
    """Rows sorted by school: (school, name, date, hours, cost)."""
    rows = []
    for i in range(n):
        school = SCHOOLS[i * len(SCHOOLS) // n]
        cost = Decimal("1234.50") + i
        rows.append((school, NAMES[i % 3], date(2025, 1 + i % 12, 1 + i % 28), 36 + i, cost))
    return rows


def make_report(
    rows: list[tuple[object, ...]] | None = None,
    *,
    columns: tuple[ReportColumn, ...] = COLUMNS,
    group_by: int | None = 0,
    totals: bool = True,
    landscape: bool | None = None,
    table_title: str = "Сведения о курсах",
) -> Report:
    rows = course_rows() if rows is None else rows
    table = ReportTable(columns, rows, title=table_title, group_by=group_by, totals=totals)
    return Report(
        title="ОТЧЁТ",
        department="Управление образования администрации Тогучинского муниципального округа",
        organization="Информационно-методический центр",
        heading="о прохождении курсов повышения квалификации",
        params_line="Период: 01.01.2025 – 31.12.2025",
        date=date(2025, 11, 5),
        number="01-12/345",
        approval=ApprovalBlock("Начальник управления образования", "И.И. Петров"),
        paragraphs=("Сведения о прохождении курсов повышения квалификации педагогами.",),
        tables=(table,),
        signatures=(
            Signature("Директор ИМЦ", "А.Б. Сидорова"),
            Signature("Методист", "Ж.Ю. Щукина"),
        ),
        executor_name="Смирнова Вера Геннадьевна",
        executor_phone="8 (38340) 2-12-34",
        landscape=landscape,
        closing_paragraphs=("Доля педагогов, прошедших курсы, составляет 87,5 %.",),
    )


@pytest.fixture
def report() -> Report:
    return make_report()


@pytest.fixture
def pdf_font() -> None:
    """Skip PDF tests on machines without any Cyrillic TrueType font."""
    try:
        find_cyrillic_font()
    except FontNotFoundError:
        pytest.skip("no Cyrillic TrueType font on this machine")


def expected_sums(rows: list[tuple[object, ...]]) -> tuple[int, Decimal]:
    hours = sum(int(r[3]) for r in rows)  # type: ignore[call-overload]
    cost = sum((r[4] for r in rows), Decimal(0))  # type: ignore[misc]
    return hours, cost


def require_times_widths() -> None:
    """Page counts and line breaks that a test states are those of Times New Roman, the font
    the workstations print in (Liberation Serif has its widths); with a wider font found
    first (DejaVu Serif) the same report honestly takes more pages."""
    name = find_cyrillic_font().name
    assert name in ("TimesNewRoman", "LiberationSerif"), (
        f"the PDF font here is {name}: install Times New Roman or fonts-liberation")
