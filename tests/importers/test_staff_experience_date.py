"""Стаж from a sheet headed «по состоянию на DATE» is stored as of that date; стаж asked for
on a date before its reference date is reduced, not kept."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from imc_desktop import importers
from imc_desktop.importers import ImportOptions
from imc_desktop.importers.header import reference_date
from imc_desktop.services.common import importing
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.organizations import records as orgs
from imc_desktop.services.staff import records as staff
from imc_desktop.services.staff.rules import experience_on
from tests.importers.workbooks import write_xlsx
from tests.rules import RULES
from tests.services.organizations.test_organizations import SCHOOL

HEADER = ["ФИО", "Дата рождения", "ОО", "Должность", "Пед. стаж"]


@pytest.mark.parametrize(("rows", "found"), [
    ([["Сведения о педагогах"], ["по состоянию на 01.09.2025"]], date(2025, 9, 1)),
    ([["Сведения о педагогах по состоянию на 01.09.2025 г."]], date(2025, 9, 1)),
    ([["Сведения"], ["Стаж на 15.01.2024"]], date(2024, 1, 15)),
    ([["по состоянию на", date(2025, 5, 20)]], date(2025, 5, 20)),
    ([["Сведения о педагогах"], ["Составлено 01.09.2025"]], None),
    ([["Сведения о педагогах"]], None),
    ([], None),
])
def test_the_reference_date_of_a_sheet(rows: list[list[Any]], found: date | None) -> None:
    assert reference_date(rows) == found


@pytest.mark.parametrize(("years", "months", "as_of", "on", "expected"), [
    (10, 0, date(2025, 9, 1), date(2025, 9, 1), (10, 0)),
    (10, 0, date(2025, 9, 1), date(2026, 9, 1), (11, 0)),
    (10, 0, date(2025, 9, 1), date(2025, 8, 31), (9, 11)),
    (10, 0, date(2025, 9, 1), date(2024, 9, 1), (9, 0)),
    (10, 3, date(2025, 9, 1), date(2025, 6, 1), (10, 0)),
    (0, 2, date(2025, 9, 1), date(2025, 1, 1), (0, 0)),  # before it began: none
])
def test_experience_on_a_date_before_its_reference_date_is_reduced(
        years: int, months: int, as_of: date, on: date, expected: tuple[int, int]) -> None:
    assert experience_on(years, months, as_of, on) == expected


@pytest.mark.parametrize(("title", "cell", "as_of"), [
    ("по состоянию на 01.09.2025", None, date(2025, 9, 1)),
    ("по состоянию на 01.09.2025", date(2024, 9, 1), date(2024, 9, 1)),  # the column wins
])
def test_experience_from_a_dated_sheet_is_stored_as_of_that_date(
        database: DatabaseInfo, tmp_path: Path, title: str, cell: date | None,
        as_of: date) -> None:
    orgs.save_organization(SCHOOL)
    header = [*HEADER, "Стаж на дату"]
    path = write_xlsx(tmp_path / "staff.xlsx", [
        ["Список педагогических работников"], [title], [], header,
        ["Иванова Мария Петровна", date(1980, 1, 1), SCHOOL.short_name, "учитель", "12",
         cell]])
    kind = importing.get_kind("staff")
    found = importers.find_sheet(path, kind)
    assert found.as_of == date(2025, 9, 1)
    preview = importers.prepare(path, found.sheet, kind,
                                importers.guess_mapping(found.headers, kind))
    assert preview.problems() == []
    importers.run(preview, kind, ImportOptions())
    (row,) = staff.list_staff(RULES)
    (experience,) = staff.get_person(row.id).experiences
    assert (experience.years, experience.months, experience.as_of) == (12, 0, as_of)
