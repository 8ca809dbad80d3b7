"""The equipment documents: each one's content, written and reopened as docx, xlsx and pdf;
the informatisation charts' numbers."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from exports import Report
from imc_desktop import config
from imc_desktop.services.common import reports
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.equipment import acts
from imc_desktop.services.equipment import history as hist
from imc_desktop.services.equipment import inventory as inv
from imc_desktop.services.equipment import records as eq
from imc_desktop.services.equipment import reports as defs
from imc_desktop.services.organizations import records as orgs
from tests.services.equipment.test_equipment import item
from tests.services.organizations.test_organizations import SCHOOL

TODAY = date(2026, 1, 5)


@pytest.fixture
def filled(database: DatabaseInfo) -> dict[str, str]:
    a = orgs.save_organization(replace(SCHOOL, short_name="МБОУ СОШ № 1", pupils=100))
    b = orgs.save_organization(replace(SCHOOL, short_name="МБОУ СОШ № 2", inn="",
                                       full_name="Школа № 2", pupils=40))
    ids = {n: eq.save_item(item(a, n, kind="ПК", cpu="Intel Core i3", os="Astra Linux"),
                           TODAY) for n in ("ВА-1", "ВА-2", "ВА-3")}
    hist.move_items([ids["ВА-1"]], hist.MoveData(b, "каб. 5", "Орлова Ольга Олеговна",
                                                 TODAY, "П-7"))
    hist.send_to_repair([ids["ВА-2"]], hist.RepairStart(date(2025, 5, 1), "ООО «Ремонт»"))
    hist.back_from_repair([ids["ВА-2"]], hist.RepairEnd(date(2025, 5, 9), "исправлен", 900.0))
    acts.create_write_off([ids["ВА-3"]], acts.WriteOffData(
        TODAY, "С-2", "физический износ", "Иванов Иван Иванович",
        ("Петров Пётр Петрович", "Сидорова Анна Ивановна")))
    session = inv.start_session(inv.SessionData(a, TODAY, "И-1", "Иванов Иван Иванович",
                                                ("Петров Пётр Петрович",), "Белова Е.Е."))
    inv.check_in(session, "ВА-2")
    inv.check_in(session, "НЕТ-9", name="Сканер")
    inv.close_session(session, TODAY)
    return {"a": a, "b": b, **ids}


def build(name: str, settings: config.Settings, **params: str) -> Report:
    return reports.build(name, params, settings)


def cells(report: Report) -> list[list[object]]:
    return [list(x) for t in report.tables for x in t.rows]


def test_the_reports_are_registered() -> None:
    names = {x.name for x in reports.definitions()}
    assert {defs.CARD, defs.TRANSFER, defs.WRITE_OFF, defs.COUNT_LIST, defs.DISCREPANCIES,
            defs.INFORMATISATION} <= names


def test_the_informatisation_numbers_and_charts(filled: dict[str, str],
                                                settings: config.Settings,
                                                tmp_path: Path) -> None:
    report = build(defs.INFORMATISATION, settings, date="05.01.2026")
    pupils, ages, state = (list(map(list, t.rows)) for t in report.tables)
    assert pupils == [["МБОУ СОШ № 1", 100, 1, 1.0, 100.0], ["МБОУ СОШ № 2", 40, 1, 2.5, 40.0],
                      ["Итого по округу", 140, 2, 1.4, 70.0]]
    assert ages == [["2020", 3, 0]]
    assert state[-1] == ["Итого по округу", 3, 0, 1, 33.3]
    earlier = build(defs.INFORMATISATION, settings, date="31.12.2019")
    assert [list(x) for x in earlier.tables[0].rows][-1] == ["Итого по округу", 140, 0, 0.0,
                                                             None]
    path = reports.write(report, "xlsx", tmp_path / "инф.xlsx", settings)
    sheets = openpyxl.load_workbook(path).worksheets
    assert [len(x._charts) for x in sheets] == [1, 1, 1]
    assert [len(x._charts[0].series) for x in sheets] == [1, 2, 1]


def sheet_rows(path: Path) -> list[list[list[object]]]:
    """Each sheet's table rows: those below the header row (first cell «ОО» or «Год…»)."""
    tables = []
    for sheet in openpyxl.load_workbook(path).worksheets:
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
        header = next(i for i, r in enumerate(rows) if r[0] in ("ОО", "Год принятия к учёту"))
        tables.append(rows[header + 1:])
    return tables


def test_the_informatisation_xlsx_on_a_past_date(filled: dict[str, str],
                                                 settings: config.Settings,
                                                 tmp_path: Path) -> None:
    """On 05.05.2025 ВА-1 was still in СОШ № 1 (moved on 05.01.2026), ВА-2 in repair
    (01–09.05.2025), ВА-3 in use (put to write-off on 05.01.2026)."""
    report = build(defs.INFORMATISATION, settings, date="05.05.2025")
    assert report.params_line.startswith("По состоянию на 05.05.2025")
    path = reports.write(report, "xlsx", tmp_path / "май.xlsx", settings)
    pupils, ages, state = sheet_rows(path)
    assert pupils == [["МБОУ СОШ № 1", 100, 3, 3, 33.3], ["МБОУ СОШ № 2", 40, 0, 0, None],
                      ["Итого по округу", 140, 3, 2.1, 46.7]]
    assert ages[0] == ["2020", 3, 0] and ages[1][0] == "Всего"  # the total sums the year
    assert re.fullmatch(r"=SUM\(B(\d+):B\1\)", ages[1][1])
    assert re.fullmatch(r"=SUM\(C(\d+):C\1\)", ages[1][2])
    assert state == [["МБОУ СОШ № 1", 3, 1, 0, 33.3], ["Итого по округу", 3, 1, 0, 33.3]]
    later = reports.write(build(defs.INFORMATISATION, settings, date="10.05.2025"), "xlsx",
                          tmp_path / "после.xlsx", settings)
    assert sheet_rows(later)[2] == [["МБОУ СОШ № 1", 3, 0, 0, 0],
                                    ["Итого по округу", 3, 0, 0, 0]]


def test_an_empty_register_gives_documents_that_say_so(database: DatabaseInfo,
                                                      settings: config.Settings) -> None:
    assert build(defs.CARD, settings).paragraphs == ("Оборудования в реестре пока нет.",)
    assert build(defs.COUNT_LIST, settings).paragraphs == ("Инвентаризаций пока нет.",)
