"""Import of equipment: new items with their first event, updates by inventory number,
retired numbers skipped, problems named by row and field, the command line."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from imc_desktop import importers
from imc_desktop.importers import ImportOptions
from imc_desktop.services.common import importing
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.equipment import history as hist
from imc_desktop.services.equipment import records as eq
from imc_desktop.services.equipment.importing import kind_of, status_of
from imc_desktop.services.organizations import records as orgs
from tests.importers.test_cli_import import run_import
from tests.importers.workbooks import write_xlsx
from tests.services.organizations.test_organizations import SCHOOL

HEADER = ["№ п/п", "Инв. номер", "Наименование", "Тип", "Серийный номер", "Учреждение",
          "Кабинет", "Дата ввода в эксплуатацию", "Балансовая стоимость", "Состояние"]


def row(n: int, number: str, **changes: object) -> list[object]:
    values: list[object] = [n, number, "Ноутбук Aquarius Cmp NS685U", "", f"SN{n}",
                            "МБОУ СОШ № 1", "12", date(2021, 9, 1), 61000.5, "исправен"]
    for key, value in changes.items():
        values[HEADER.index(key)] = value
    return values


def book(tmp_path: Path, rows: list[list[object]]) -> Path:
    return write_xlsx(tmp_path / "оборудование.xlsx",
                      [["Реестр оборудования на 01.09.2026"], [], HEADER, *rows])


def run(path: Path, dry_run: bool = False) -> importers.ImportSummary:
    kind = importing.get_kind("equipment")
    header = importers.find_sheet(path, kind)
    preview = importers.prepare(path, header.sheet, kind,
                                importers.guess_mapping(header.headers, kind))
    return importers.run(preview, kind, ImportOptions(dry_run=dry_run))


@pytest.fixture
def school(database: DatabaseInfo) -> str:
    return orgs.save_organization(replace(SCHOOL, short_name="МБОУ СОШ № 1"))


def test_rows_become_items_with_a_first_event(school: str, tmp_path: Path) -> None:
    summary = run(book(tmp_path, [row(1, "ВА-1"), row(2, "ВА-2", Наименование="МФУ Pantum",
                                                      Состояние="в ремонте")]))
    assert (summary.created, summary.updated) == (2, 0)
    items = {x.inventory_number: x for x in eq.list_items()}
    first = items["ВА-1"]
    assert (first.kind, first.organization_id, first.room, first.cost, first.status) == (
        "ноутбук", school, "12", 61000.5, eq.IN_USE)
    assert (items["ВА-2"].kind, items["ВА-2"].status) == ("МФУ", eq.IN_REPAIR)
    assert [e.kind for e in hist.history(first.id)] == ["поступление"]


def test_a_second_import_updates_by_number(school: str, tmp_path: Path) -> None:
    run(book(tmp_path, [row(1, "ВА-1")]))
    again = run(book(tmp_path, [row(1, " ва-1 ", Кабинет="14"), row(2, "ВА-2")]))
    assert (again.created, again.updated) == (1, 1)
    rooms = sorted((x.inventory_number, x.room) for x in eq.list_items())
    assert rooms == [("ВА-1", "14"), ("ВА-2", "12")]


def test_an_import_that_moves_an_item_or_changes_its_status_leaves_it_in_the_history(
        school: str, tmp_path: Path) -> None:
    other = orgs.save_organization(replace(SCHOOL, id=None, short_name="МБОУ СОШ № 2",
                                           full_name="МБОУ СОШ № 2", inn="", ogrn=""))
    run(book(tmp_path, [row(1, "ВА-1")]))
    item_id = eq.list_items()[0].id
    run(book(tmp_path, [row(1, "ВА-1", Учреждение="МБОУ СОШ № 2", Состояние="резерв")]))
    assert eq.get_item(item_id).organization_id == other
    events = [(e.kind, e.description) for e in hist.history(item_id)][1:]
    assert [k for k, _ in events] == ["смена статуса", "перемещение"]
    assert "МБОУ СОШ № 1" in events[1][1] and "МБОУ СОШ № 2" in events[1][1]


def test_a_retired_number_is_not_given_again(school: str, tmp_path: Path) -> None:
    run(book(tmp_path, [row(1, "ВА-1")]))
    eq.delete_items([eq.list_items()[0].id])
    summary = run(book(tmp_path, [row(1, "ВА-1"), row(2, "ВА-2")]))
    assert summary.created == 1
    assert summary.skipped[0][0] == 4 and "выбыл" in summary.skipped[0][1]


def test_a_written_off_item_is_not_changed_by_an_import(school: str, tmp_path: Path) -> None:
    from imc_desktop.services.equipment import acts

    run(book(tmp_path, [row(1, "ВА-1")]))
    item_id = eq.list_items()[0].id
    act = acts.create_write_off([item_id], acts.WriteOffData(
        date(2026, 3, 1), "С-1", "износ", "Иванов И.И.", ("Петров П.П.", "Сидоров С.С.")))
    acts.confirm_write_off(act, date(2026, 3, 2))
    summary = run(book(tmp_path, [row(1, "ВА-1", Кабинет="14")]))
    assert (summary.created, summary.updated) == (0, 0)
    assert summary.skipped == ((4, "оборудование ВА-1 списано, его карточка не изменяется"),)
    assert (eq.get_item(item_id).room, eq.get_item(item_id).status) == ("12", eq.WRITTEN_OFF)


def test_problems_are_named_by_row_and_field(school: str, tmp_path: Path) -> None:
    path = book(tmp_path, [row(1, "ВА-1", Состояние="так себе"),
                           row(2, "ВА-1", **{"Балансовая стоимость": -5}), row(3, "ВА-3")])
    kind = importing.get_kind("equipment")
    header = importers.find_sheet(path, kind)
    preview = importers.prepare(path, header.sheet, kind,
                                importers.guess_mapping(header.headers, kind))
    problems = {(p.row, p.field) for x in preview.rows for p in x.problems}
    assert (4, "Состояние") in problems and (5, "Стоимость") in problems
    assert any(r == 5 and "Инвентарный" in f for r, f in problems)  # the same number twice
    assert importers.run(preview, kind, ImportOptions()).aborted
    assert eq.list_items() == []


def test_dry_run_writes_nothing(school: str, tmp_path: Path) -> None:
    assert run(book(tmp_path, [row(1, "ВА-1")]), dry_run=True).created == 1
    assert eq.list_items() == []


@pytest.mark.parametrize(("kind", "name", "expected"), [
    ("", "Системный блок DEPO", "ПК"), ("", "Ноутбук Lenovo", "ноутбук"),
    ("МФУ", "Pantum", "МФУ"), ("Проектор мультимедийный", "", "проектор"),
    ("", "Интерактивная панель NextPanel", "интерактивная панель"),
    ("", "Стул", "прочее"),
])
def test_the_type_is_recognised(kind: str, name: str, expected: str) -> None:
    assert kind_of(kind, name) == expected


def test_statuses() -> None:
    assert status_of("В эксплуатации") == eq.IN_USE
    assert status_of("к списанию") == eq.TO_WRITE_OFF
    assert status_of("Списан") == eq.WRITTEN_OFF
    assert status_of("") is None


def test_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from imc_desktop.services.common import maintenance

    db = tmp_path / "cli.sqlite"
    maintenance.open_current(db, tmp_path / "backups")
    orgs.save_organization(replace(SCHOOL, short_name="МБОУ СОШ № 1"))
    maintenance.close_current()
    code, out, err = run_import(capsys, "equipment", str(book(tmp_path, [row(1, "ВА-1")])),
                                "--db", str(db))
    assert (code, err) == (0, "")
    assert "Создано: 1" in out
