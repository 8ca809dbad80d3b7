"""The report registry: parameters, the ОО directory report, «Текущий список», all formats."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import openpyxl
import pytest
from pypdf import PdfReader

from imc_desktop import config
from imc_desktop.services.common import reports
from imc_desktop.services.common.errors import ServiceError
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.organizations import records as orgs


def test_registry_names_have_no_spaces_and_russian_titles() -> None:
    definitions = reports.definitions()
    assert "organizations" in {d.name for d in definitions}
    for definition in definitions:
        assert " " not in definition.name
        assert any("а" <= ch <= "я" for ch in definition.title.lower())


@pytest.mark.parametrize(("raw", "fragment"), [
    ({"colour": "red"}, "не знает параметра «colour»"),
    ({"active": "может быть"}, "ожидается да или нет"),
    ({"kind": "гимназия"}, "нет значения «гимназия»"),
])
def test_bad_parameters_are_named(raw: dict[str, str], fragment: str) -> None:
    with pytest.raises(ServiceError, match=fragment):
        reports.parse_params(reports.get("organizations"), raw)


def test_every_parameter_has_a_default() -> None:
    for definition in reports.definitions():
        parsed = reports.parse_params(definition, {})
        assert set(parsed) == {p.name for p in definition.params}


def test_organizations_report_groups_by_type_with_totals_that_add_up(
        demo_database: DatabaseInfo, settings: config.Settings) -> None:
    report = reports.build("organizations", {"kind": "школа"}, settings)
    table = report.tables[0]
    schools = [o for o in orgs.list_organizations() if o.kind == "школа"]
    assert len(table.rows) == len(schools)
    assert sum(row[6] or 0 for row in table.rows) == sum(o.pupils or 0 for o in schools)
    assert report.department == settings.get(config.DEPARTMENT_NAME)
    assert "Тип: школа" in report.params_line


def test_signature_and_executor_come_from_the_settings(database: DatabaseInfo,
                                                       settings: config.Settings) -> None:
    settings.set(config.DIRECTOR_NAME, "Кузнецова Марина Петровна")
    settings.set(config.EXECUTOR_NAME, "Лебедева Анна Сергеевна")
    settings.set(config.EXECUTOR_PHONE, "8 (34535) 2-15-00")
    report = reports.build("organizations", {}, settings)
    assert report.signatures[0].name == "М.П. Кузнецова"
    assert report.signatures[0].position == "Директор ИМЦ"
    assert (report.executor_name, report.executor_phone) == (
        "Лебедева Анна Сергеевна", "8 (34535) 2-15-00")


def test_current_list_report_keeps_columns_and_rows(settings: config.Settings) -> None:
    report = reports.list_report(
        "Образовательные организации", [("Наименование", "text", 300), ("Дата", "date", 100),
                                        ("Сельская", "bool", 60)],
        [["МБОУ «Ключевская СОШ»", date(2025, 9, 1), True]], settings, "Поиск: «ключ»")
    table = report.tables[0]
    assert [c.title for c in table.columns] == ["№", "Наименование", "Дата", "Сельская"]
    assert list(table.rows[0]) == [1, "МБОУ «Ключевская СОШ»", date(2025, 9, 1), "да"]
    assert report.params_line == "Поиск: «ключ»"


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "pdf"])
def test_organizations_report_in_every_format_reads_back(
        demo_database: DatabaseInfo, settings: config.Settings, tmp_path: Path,
        fmt: str) -> None:
    report = reports.build("organizations", {}, settings)
    path = reports.write(report, fmt, tmp_path / f"orgs.{fmt}", settings)
    school = orgs.list_organizations()[5].short_name
    if fmt == "docx":
        document = docx.Document(str(path))
        text = "\n".join(p.text for p in document.paragraphs)
        cells = {c.text for t in document.tables for r in t.rows for c in r.cells}
        assert "Справочник образовательных организаций" in text
        assert school in cells
    elif fmt == "xlsx":
        sheet = openpyxl.load_workbook(path).active
        values = {c.value for row in sheet.iter_rows() for c in row}
        assert school in values and "Справочник образовательных организаций" in values
    else:
        text = "".join(page.extract_text() for page in PdfReader(path).pages)
        assert "Справочник образовательных организаций" in text
        assert school.split("«")[1].split(" ")[0] in text


def test_unknown_format_and_report_are_refused(settings: config.Settings,
                                               tmp_path: Path) -> None:
    with pytest.raises(ServiceError, match="Нет отчёта"):
        reports.get("nothing")
    with pytest.raises(ServiceError, match="Неизвестный формат"):
        reports.write(reports.list_report("x", [], [], settings), "odt", tmp_path / "x.odt",
                      settings)



def test_the_documents_check_writes_labels_and_certificates(demo_database: object,
                                                            tmp_path: Path) -> None:
    from imc_desktop.services.common.report_check import documents_self_check

    out: list[str] = []
    settings = config.Settings(tmp_path / "settings.ini")
    assert documents_self_check(tmp_path / "documents", settings, out) == []
    labels = PdfReader(tmp_path / "documents" / "этикетки.pdf")
    assert "1013010001" in labels.pages[0].extract_text()
    certificates = PdfReader(tmp_path / "documents" / "сертификаты.pdf")
    assert out == [f"Этикетки: листов 1; сертификаты: страниц {len(certificates.pages)}"]


def test_the_documents_check_reports_what_it_could_not_write(database: object,
                                                             tmp_path: Path) -> None:
    from imc_desktop.services.common.report_check import documents_self_check

    out: list[str] = []
    problems = documents_self_check(tmp_path, config.Settings(tmp_path / "s.ini"), out)
    assert out == [] and len(problems) == 1 and "этикетки" in problems[0]
