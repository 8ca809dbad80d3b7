"""The «organizations» kind end to end: a real workbook into a real SQLite database."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from imc_desktop.importers import (
    ImportOptions,
    ImportSummary,
    guess_mapping,
    prepare,
    read_header,
    run,
)
from imc_desktop.services.common import importing, notifier
from imc_desktop.services.common.errors import ServiceError
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.organizations import importing as org_importing
from imc_desktop.services.organizations import records as orgs
from tests.importers.workbooks import write_xlsx

HEADER = ("№", "Полное наименование", "Краткое наименование", "Тип", "ИНН", "КПП",
          "Руководитель", "Телефон", "E-mail", "Контингент")
POKROV = (1, "Муниципальное автономное общеобразовательное учреждение «Покровская средняя "
          "общеобразовательная школа»", "МАОУ «Покровская СОШ»", "Школа", 1234567894,
          "720501001", "Петрова Елена Ивановна", "+7 (34535) 2-11-45", "pokrov@obr.ru", 312)
SAD = (2, "Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад "
       "«Солнышко»»", "МБДОУ «Детский сад «Солнышко»»", None, None, None,
       "Иванова Ольга Петровна", None, None, 85)
DDT = (3, "Муниципальное бюджетное учреждение дополнительного образования «Дом детского "
       "творчества»", "МБУ ДО «ДДТ»", "учреждение доп. образования", "7205012345", None,
       None, None, None, 640)


def _file(tmp_path: Path, *rows: tuple[Any, ...], name: str = "oo.xlsx") -> Path:
    title = [("Образовательные организации Боровского муниципального округа",), ()]
    return write_xlsx(tmp_path / name, [*title, HEADER, *rows], merges=["A1:J1"])


def _import(path: Path, **options: Any) -> ImportSummary:
    kind = importing.get_kind("organizations")
    header = read_header(path, "Лист1", kind)
    preview = prepare(path, "Лист1", kind, guess_mapping(header.headers, kind))
    return run(preview, kind, ImportOptions(**options))


def _by_name() -> dict[str, orgs.OrganizationData]:
    return {o.short_name: o for o in orgs.list_organizations()}


def test_registry_names_the_known_kinds() -> None:
    assert importing.get_kind("organizations").title == "Образовательные организации"
    with pytest.raises(ServiceError, match="Допустимые: .*organizations"):
        importing.get_kind("кадры")


def test_import_creates_then_a_second_import_updates(tmp_path: Path,
                                                     database: DatabaseInfo) -> None:
    changes: list[frozenset[str]] = []
    notifier.subscribe(changes.append)
    try:
        summary = _import(_file(tmp_path, POKROV, SAD, DDT))
    finally:
        notifier.unsubscribe(changes.append)
    assert (summary.created, summary.updated, summary.skipped) == (3, 0, ())
    assert changes == [frozenset({"organizations"})]
    saved = _by_name()
    pokrov = saved["МАОУ «Покровская СОШ»"]
    assert (pokrov.kind, pokrov.inn, pokrov.pupils) == ("школа", "1234567894", 312)
    assert saved["МБДОУ «Детский сад «Солнышко»»"].kind == "детский сад", "guessed"
    assert saved["МБУ ДО «ДДТ»"].kind == "учреждение доп. образования"
    again = _import(_file(tmp_path, POKROV, SAD, DDT))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    changed = replace_cells(POKROV, pupils=330, head=None)
    third = _import(_file(tmp_path, changed, SAD, DDT))
    assert (third.created, third.updated, third.unchanged) == (0, 1, 2)
    assert len(orgs.list_organizations()) == 3, "updated, not duplicated"
    pokrov_now = _by_name()["МАОУ «Покровская СОШ»"]
    assert pokrov_now.pupils == 330
    assert pokrov_now.head_name == "Петрова Елена Ивановна", "an empty cell erases nothing"


def replace_cells(row: tuple[Any, ...], pupils: Any = "keep", head: Any = "keep",
                  inn: Any = "keep", short: Any = "keep") -> tuple[Any, ...]:
    cells = list(row)
    for index, value in ((9, pupils), (6, head), (4, inn), (2, short)):
        if value != "keep":
            cells[index] = value
    return tuple(cells)


def test_matching_by_inn_then_by_short_name(tmp_path: Path, database: DatabaseInfo) -> None:
    orgs.save_organization(orgs.OrganizationData(
        full_name="Старое полное наименование", short_name="МАОУ Покровская СОШ",
        inn="1234567894"))
    orgs.save_organization(orgs.OrganizationData(full_name="Детский сад",
                                                 short_name="МБДОУ «Детский сад «Солнышко»»"))
    renamed = replace_cells(POKROV, short="МАОУ «Покровская средняя школа»")
    summary = _import(_file(tmp_path, renamed, SAD))
    assert (summary.created, summary.updated) == (0, 2)
    saved = _by_name()
    assert set(saved) == {"МАОУ «Покровская средняя школа»", "МБДОУ «Детский сад «Солнышко»»"}


def test_one_bad_row_and_all_or_nothing_writes_nothing(tmp_path: Path,
                                                       database: DatabaseInfo) -> None:
    bad = replace_cells(SAD, inn="1234567895")
    summary = _import(_file(tmp_path, POKROV, bad, DDT))
    assert summary.aborted and (summary.created, summary.updated) == (0, 0)
    assert orgs.list_organizations() == []
    assert summary.skipped[0][0] == 5 and "ИНН" in summary.skipped[0][1]


def test_valid_only_writes_the_good_rows_and_names_the_bad_one(tmp_path: Path,
                                                              database: DatabaseInfo) -> None:
    bad = replace_cells(SAD, pupils=-5)
    summary = _import(_file(tmp_path, POKROV, bad, DDT), valid_only=True)
    assert (summary.created, summary.aborted) == (2, False)
    assert summary.skipped == ((5, "Количество обучающихся: Число обучающихся должно быть "
                                   "от 0 до 10 000."),)
    assert set(_by_name()) == {"МАОУ «Покровская СОШ»", "МБУ ДО «ДДТ»"}


def test_dry_run_reports_and_writes_nothing(tmp_path: Path, database: DatabaseInfo) -> None:
    orgs.save_organization(orgs.OrganizationData(full_name="Покровская школа",
                                                 short_name="МАОУ «Покровская СОШ»"))
    before = orgs.list_organizations()
    summary = _import(_file(tmp_path, POKROV, SAD, DDT), dry_run=True)
    assert (summary.created, summary.updated, summary.dry_run) == (2, 1, True)
    assert orgs.list_organizations() == before


def test_duplicates_within_the_file(tmp_path: Path, database: DatabaseInfo) -> None:
    twin = replace_cells(POKROV, short="Покровская школа")
    summary = _import(_file(tmp_path, POKROV, twin), valid_only=True)
    assert summary.created == 1
    assert summary.skipped == ((5, "ИНН: «1234567894» уже есть в строке 4"),)


def test_a_cancelled_import_writes_nothing(tmp_path: Path, database: DatabaseInfo) -> None:
    from imc_desktop.importers import ImportCancelled

    with pytest.raises(ImportCancelled):
        _import(_file(tmp_path, POKROV, SAD, DDT), cancelled=lambda: True)
    assert orgs.list_organizations() == []


def test_organization_references_for_other_kinds(database: DatabaseInfo) -> None:
    org_id = orgs.save_organization(orgs.OrganizationData(
        full_name="Покровская школа", short_name="МАОУ «Покровская СОШ»"))
    assert importing.organization_references() == {"Покровская школа": org_id,
                                                   "МАОУ «Покровская СОШ»": org_id}


def test_check_row_uses_the_directory_rules() -> None:
    kind = org_importing.ORGANIZATIONS
    problems = kind.check_row({"short_name": "X", "full_name": "Y", "inn": "123456789047"})
    assert "физического лица" in problems["inn"]
    assert kind.check_row({"short_name": "X", "full_name": "Y", "head_email": "a@"}) == {
        "head_email": "Адрес электронной почты записан неверно (пример: school@mail.ru)."}
    assert replace(orgs.OrganizationData(), kind="школа").kind in orgs.KINDS
