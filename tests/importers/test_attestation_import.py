"""Import of attestation history: people matched in the register, records, categories."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from imc_desktop import importers
from imc_desktop.importers import ImportOptions
from imc_desktop.services.attestation import records as attestation
from imc_desktop.services.attestation import rules as r
from imc_desktop.services.attestation.importing import UNKNOWN_PERSON, decision_of, kind_of
from imc_desktop.services.common import importing
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.organizations import records as orgs
from imc_desktop.services.staff import records as staff
from imc_desktop.services.staff import write as sw
from tests.importers.workbooks import write_xlsx
from tests.rules import RULES
from tests.services.organizations.test_organizations import SCHOOL

HEADER = ["№", "ФИО", "Дата рождения", "СНИЛС", "Вид аттестации", "Решение", "Дата решения",
          "Приказ №", "Дата приказа", "Действует до"]
BIRTH = date(1985, 5, 5)


def row(n: int, **changes: object) -> list[object]:
    values: list[object] = [n, "Иванова Мария Петровна", BIRTH, "", "высшая", "",
                            date(2024, 3, 1), "12-од", date(2024, 3, 5), None]
    for key, value in changes.items():
        values[HEADER.index(key)] = value
    return values


def run(path: Path, dry_run: bool = False) -> importers.ImportSummary:
    kind = importing.get_kind("attestation")
    header = importers.find_sheet(path, kind)
    preview = importers.prepare(path, header.sheet, kind,
                                importers.guess_mapping(header.headers, kind))
    return importers.run(preview, kind, ImportOptions(dry_run=dry_run))


def workbook(tmp_path: Path, rows: list[list[object]]) -> Path:
    return write_xlsx(tmp_path / "attestation.xlsx", [["Аттестация педагогов"], [], HEADER,
                                                      *rows])


@pytest.fixture
def person(database: DatabaseInfo) -> str:
    school = orgs.save_organization(SCHOOL)
    return sw.save_person(staff.PersonCard(
        last_name="Иванова", first_name="Мария", middle_name="Петровна", birth_date=BIRTH,
        employments=(staff.EmploymentData(organization_id=school, position="учитель",
                                          hired_on=date(2010, 9, 1)),)), RULES)


def test_rows_become_records_and_the_category_shown_in_staff(person: str,
                                                            tmp_path: Path) -> None:
    path = workbook(tmp_path, [row(1, **{"Вид аттестации": "1 категория",
                                         "Дата решения": date(2021, 2, 1)}), row(2)])
    summary = run(path)
    assert (summary.created, summary.unchanged) == (2, 0)
    records = attestation.person_records(person)
    assert [(x.kind, x.decision) for x in records] == [
        (r.FIRST, r.ESTABLISHED), (r.HIGHEST, r.ESTABLISHED)]
    assert records[1].order_number == "12-од"
    [shown] = staff.list_staff(RULES)
    assert shown.category == r.HIGHEST


def test_a_second_import_changes_nothing(person: str, tmp_path: Path) -> None:
    path = workbook(tmp_path, [row(1)])
    run(path)
    again = run(path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)
    assert len(attestation.person_records(person)) == 1


def test_unknown_person_is_rejected_with_row_and_field(person: str, tmp_path: Path) -> None:
    path = workbook(tmp_path, [row(1, ФИО="Петрова Анна Ивановна")])
    kind = importing.get_kind("attestation")
    header = importers.find_sheet(path, kind)
    preview = importers.prepare(path, header.sheet, kind,
                                importers.guess_mapping(header.headers, kind))
    [problem] = [p for x in preview.rows for p in x.problems]
    assert (problem.row, problem.field, problem.message) == (4, "Фамилия", UNKNOWN_PERSON)
    assert importers.run(preview, kind, ImportOptions()).aborted
    assert attestation.person_records(person) == []


def test_a_bad_record_is_named(person: str, tmp_path: Path) -> None:
    path = workbook(tmp_path, [row(1, **{"Действует до": date(2020, 1, 1)})])
    kind = importing.get_kind("attestation")
    header = importers.find_sheet(path, kind)
    preview = importers.prepare(path, header.sheet, kind,
                                importers.guess_mapping(header.headers, kind))
    assert {p.field for x in preview.rows for p in x.problems} == {"Действует до"}


def test_dry_run_writes_nothing(person: str, tmp_path: Path) -> None:
    summary = run(workbook(tmp_path, [row(1)]), dry_run=True)
    assert summary.created == 1 and summary.dry_run
    assert attestation.person_records(person) == []
    assert staff.list_staff(RULES)[0].category == ""


def test_szd_with_empty_decision_conforms(person: str, tmp_path: Path) -> None:
    run(workbook(tmp_path, [row(1, **{"Вид аттестации": "СЗД"})]))
    [record] = attestation.person_records(person)
    assert (record.kind, record.decision) == (r.SZD, r.CONFORMS)


@pytest.mark.parametrize(("text", "kind"), [
    ("СЗД", r.SZD), ("соответствие занимаемой должности", r.SZD), ("1 категория", r.FIRST),
    ("Первая", r.FIRST), ("высшая", r.HIGHEST), ("педагог-методист", r.METHODIST),
    ("что-то", ""),
])
def test_kind_aliases(text: str, kind: str) -> None:
    assert kind_of(text) == kind


def test_decision_defaults() -> None:
    assert decision_of("", r.SZD) == r.CONFORMS
    assert decision_of("", r.FIRST) == r.ESTABLISHED
    assert decision_of("не соответствует", r.SZD) == r.NOT_CONFORMS


@pytest.mark.parametrize(("decided", "refused"), [
    (date(2023, 8, 31), False), (date(2023, 9, 1), True), (date(2023, 9, 2), True)])
def test_imported_history_keeps_a_term_only_before_01_09_2023(
        person: str, tmp_path: Path, decided: date, refused: bool) -> None:
    path = workbook(tmp_path, [row(1, **{"Дата решения": decided, "Дата приказа": decided,
                                         "Действует до": date(2028, 12, 31)})])
    kind = importing.get_kind("attestation")
    header = importers.find_sheet(path, kind)
    preview = importers.prepare(path, header.sheet, kind,
                                importers.guess_mapping(header.headers, kind))
    fields = {p.field for x in preview.rows for p in x.problems}
    assert fields == ({"Действует до"} if refused else set())
