"""A two-row header with «ФИО» merged over «Фамилия / Имя / Отчество»."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from imc_desktop import importers
from imc_desktop.importers import ImportOptions
from imc_desktop.importers.header import combine
from imc_desktop.services.common import importing
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.organizations import records as orgs
from imc_desktop.services.staff import records as staff
from tests.importers.workbooks import write_xlsx
from tests.rules import RULES
from tests.services.organizations.test_organizations import SCHOOL


@pytest.mark.parametrize("parent", ["ФИО", "Ф.И.О.", "Фамилия, имя, отчество", "ФИО педагога"])
def test_the_parts_under_a_full_name_heading_keep_their_own_names(parent: str) -> None:
    assert combine((parent, parent, parent, "Должность"),
                   ("Фамилия", "Имя", "Отчество", "")) == (
        "Фамилия", "Имя", "Отчество", "Должность")


def test_other_parents_still_prefix_their_children() -> None:
    assert combine(("Руководитель", "Руководитель"), ("ФИО", "Телефон")) == (
        "Руководитель ФИО", "Руководитель Телефон")


def test_a_staff_file_with_fio_merged_over_three_columns(database: DatabaseInfo,
                                                         tmp_path: Path) -> None:
    orgs.save_organization(SCHOOL)
    rows = [
        ("Список педагогических работников",),
        ("№", "ФИО", None, None, "Дата рождения", "ОО", "Должность"),
        (None, "Фамилия", "Имя", "Отчество", None, None, None),
        (1, "Иванова", "Мария", "Петровна", date(1988, 4, 1), SCHOOL.short_name, "учитель"),
        (2, "Алиев", "Рашид", "Мамед оглы", date(1990, 5, 2), SCHOOL.short_name, "учитель"),
    ]
    merges = ["A1:G1", "A2:A3", "B2:D2", "E2:E3", "F2:F3", "G2:G3"]
    path = write_xlsx(tmp_path / "staff.xlsx", rows, merges=merges)
    kind = importing.get_kind("staff")
    header = importers.find_sheet(path, kind)
    assert (header.first_row, header.header_row) == (2, 3)
    mapping = importers.guess_mapping(header.headers, kind)
    assert (mapping[1], mapping[2], mapping[3]) == ("last_name", "first_name", "middle_name")
    preview = importers.prepare(path, header.sheet, kind, mapping)
    assert preview.problems() == []
    summary = importers.run(preview, kind, ImportOptions())
    assert summary.created == 2
    people = {(p.full_name) for p in staff.list_staff(RULES)}
    assert people == {"Иванова Мария Петровна", "Алиев Рашид Мамед оглы"}
