"""The «staff» kind end to end on messy workbooks: title rows, merged headers, text dates,
bad СНИЛС, duplicates, unknown ОО; matching existing people; atomicity."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from imc_desktop import importers
from imc_desktop.importers import ImportOptions
from imc_desktop.services.common import importing
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.organizations import records as orgs
from imc_desktop.services.staff import records as staff
from imc_desktop.services.staff import write as sw
from imc_desktop.services.staff.importing import parse_experience
from tests.importers.workbooks import write_xlsx
from tests.rules import RULES
from tests.services.organizations.test_organizations import SCHOOL

HEADER = ["№", "ФИО", "Дата рождения", "СНИЛС", "Должность", "Предмет", "ОО",
          "Образование", "Год окончания", "Пед. стаж", "Категория"]


def good(n: int, **changes: object) -> list[object]:
    last = ("Иванова", "Петрова", "Смирнова", "Кузнецова", "Попова", "Орлова")[n - 1]
    row: list[object] = [n, f"{last} Мария Петровна",
                         date(1988, 4, n), "", "учитель", "математика", SCHOOL.short_name,
                         "высшее педагогическое", 2010, "14 лет 2 мес.", "первая"]
    for key, value in changes.items():
        row[HEADER.index(key)] = value
    return row


def workbook(tmp_path: Path, rows: list[list[object]], title: bool = True) -> Path:
    top = [["Сведения о педагогических работниках"], ["на 01.09.2026"], []] if title else []
    return write_xlsx(tmp_path / "staff.xlsx", [*top, HEADER, *rows])


def run(path: Path, valid_only: bool = False, dry_run: bool = False,
        value_map: dict[str, str | None] | None = None) -> importers.ImportSummary:
    kind = importing.get_kind("staff")
    header = importers.find_sheet(path, kind)
    mapping = importers.guess_mapping(header.headers, kind)
    preview = importers.prepare(path, header.sheet, kind, mapping, value_map)
    return importers.run(preview, kind, ImportOptions(dry_run=dry_run, valid_only=valid_only))


@pytest.fixture
def school(database: DatabaseInfo) -> str:
    return orgs.save_organization(SCHOOL)


def test_headings_are_recognised_below_a_title(school: str, tmp_path: Path) -> None:
    path = workbook(tmp_path, [good(1)])
    kind = importing.get_kind("staff")
    header = importers.find_sheet(path, kind)
    assert header.header_row == 4
    mapped = set(importers.guess_mapping(header.headers, kind).values())
    assert {"_fio", "birth_date", "snils", "position", "subjects", "organization",
            "education", "graduation_year", "ped_experience", "category"} <= mapped


def test_rows_become_pedagogues_with_their_tabs(school: str, tmp_path: Path) -> None:
    summary = run(workbook(tmp_path, [good(1), good(2, **{"Дата рождения": "12.03.85",
                                                           "Пед. стаж": "18"})]))
    assert (summary.created, summary.updated) == (2, 0)
    rows = {r.full_name: r for r in staff.list_staff(RULES)}
    first = rows["Иванова Мария Петровна"]
    assert first.organization == SCHOOL.short_name and first.subjects == ("математика",)
    assert first.category == "первая" and first.education == "высшее, педагогическое"
    second = staff.get_person(rows["Петрова Мария Петровна"].id)
    assert second.birth_date == date(1985, 3, 12)
    assert (second.experiences[0].years, second.experiences[0].months) == (18, 0)
    assert any(e.action == "импорт: создание" for e in sw.change_log(second.id or ""))


def test_second_import_updates_and_does_not_duplicate(school: str, tmp_path: Path) -> None:
    run(workbook(tmp_path, [good(1)]))
    again = run(workbook(tmp_path, [good(1, **{"Категория": "высшая"})]))
    assert (again.created, again.updated) == (0, 1)
    [row] = staff.list_staff(RULES)
    assert row.category == "высшая"
    same = run(workbook(tmp_path, [good(1, **{"Категория": "высшая"})]))
    assert (same.created, same.updated, same.unchanged) == (0, 0, 1)


def test_matching_by_snils_when_the_name_changed(school: str, tmp_path: Path) -> None:
    run(workbook(tmp_path, [good(1, СНИЛС="112-233-445 95")]))
    summary = run(workbook(tmp_path, [good(1, СНИЛС="11223344595",
                                           ФИО="Орлова Мария Петровна")]))
    assert (summary.created, summary.updated) == (0, 1)
    assert [r.full_name for r in staff.list_staff(RULES)] == ["Орлова Мария Петровна"]


def test_bad_rows_are_named_and_nothing_is_written(school: str, tmp_path: Path) -> None:
    rows = [good(1), good(2, СНИЛС="112-233-445 96"), good(3, ОО="Неизвестная школа"),
            good(4, **{"Дата рождения": "31.02.1990"}), good(5, Должность=None)]
    kind = importing.get_kind("staff")
    path = workbook(tmp_path, rows)
    header = importers.find_sheet(path, kind)
    preview = importers.prepare(path, header.sheet, kind,
                                importers.guess_mapping(header.headers, kind))
    problems = {(p.row, p.field) for r in preview.rows for p in r.problems}
    assert {(6, "СНИЛС"), (7, "ОО"), (8, "Дата рождения"), (9, "Должность")} <= problems
    assert preview.unknown_references == {"organization": {"Неизвестная школа"}}
    summary = importers.run(preview, kind, ImportOptions())
    assert summary.aborted and staff.list_staff(RULES) == []
    valid = importers.run(preview, kind, ImportOptions(valid_only=True))
    assert valid.created == 1 and len(valid.skipped) == 4


def test_unknown_ou_can_be_mapped_by_the_user(school: str, tmp_path: Path) -> None:
    path = workbook(tmp_path, [good(1, ОО="Покровская школа")])
    summary = run(path, value_map={"Покровская школа": school})
    assert summary.created == 1
    assert staff.list_staff(RULES)[0].organization_id == school


def test_duplicate_snils_within_the_file(school: str, tmp_path: Path) -> None:
    rows = [good(1, СНИЛС="112-233-445 95"), good(2, СНИЛС="112-233-445 95")]
    summary = run(workbook(tmp_path, rows), valid_only=True)
    assert summary.created == 1 and len(summary.skipped) == 1


def test_dry_run_writes_nothing(school: str, tmp_path: Path) -> None:
    summary = run(workbook(tmp_path, [good(1), good(2)]), dry_run=True)
    assert summary.created == 2 and summary.dry_run
    assert staff.list_staff(RULES) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("12", (12, 0)), ("12 лет 3 мес.", (12, 3)), ("12 л. 3 м.", (12, 3)),
    ("12,5", (12, 6)), ("0", (0, 0)), ("не знаю", None), ("", None),
])
def test_experience_texts(text: str, expected: tuple[int, int] | None) -> None:
    assert parse_experience(text) == expected


def test_an_empty_sex_cell_does_not_change_the_person(school: str, tmp_path: Path) -> None:
    header = [*HEADER, "Пол"]
    row = [*good(1, ФИО="Иванов Пётр"), "м"]
    run(write_xlsx(tmp_path / "a.xlsx", [header, row]))
    run(write_xlsx(tmp_path / "b.xlsx", [header, [*row[:-1], None]]))
    [person] = staff.list_staff(RULES)
    assert person.sex == "м"


def test_a_main_job_in_another_ou_is_not_added_silently(school: str, tmp_path: Path) -> None:
    other = orgs.save_organization(replace(SCHOOL, short_name="МКОУ «Ивановская ООШ»", inn=""))
    run(workbook(tmp_path, [good(1)]))
    summary = run(workbook(tmp_path, [good(1, ОО="МКОУ «Ивановская ООШ»")]), valid_only=True)
    assert summary.updated == 0 and len(summary.skipped) == 1
    assert "уже работает" in summary.skipped[0][1]
    [row] = staff.list_staff(RULES)
    assert row.organization_id == school and other not in row.organizations


def test_rows_written_in_batches_stay_one_import(
        school: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from imc_desktop.services.staff import importing as staff_importing

    monkeypatch.setattr(staff_importing, "WRITE_BATCH", 2)  # a batch let go every two rows
    rows = [good(1), good(2), good(3), good(1, Категория="высшая"), good(4)]
    dry = run(workbook(tmp_path, rows), dry_run=True)
    assert (dry.created, dry.updated) == (4, 1)
    assert staff.list_staff(RULES) == [], "the batches written before are rolled back too"
    summary = run(workbook(tmp_path, rows))
    assert (summary.created, summary.updated) == (4, 1), "a person of an earlier batch is found"
    listed = {r.full_name: r for r in staff.list_staff(RULES)}
    assert len(listed) == 4 and listed["Иванова Мария Петровна"].category == "высшая"
