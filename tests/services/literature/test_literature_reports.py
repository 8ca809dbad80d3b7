"""The literature reports: each document's content, written as docx, xlsx and pdf and read back."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import openpyxl
import pypdf
import pytest

from exports import Report
from imc_desktop import config
from imc_desktop.services.common import reports
from imc_desktop.services.common.errors import ServiceError
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.literature import documents as docs
from imc_desktop.services.literature import records as lit
from imc_desktop.services.literature import reports as defs
from imc_desktop.services.literature.book import summary_book
from imc_desktop.services.organizations import records as orgs
from tests.services.literature.test_literature_analysis import DEC, JAN, _movements
from tests.services.literature.test_literature_analysis import district as district  # noqa: PLC0414


def build(name: str, settings: config.Settings, **params: str) -> Report:
    return reports.build(name, params, settings)


def rows_of(report: Report, table: int = 0) -> list[list[object]]:
    return [list(x) for x in report.tables[table].rows]


def _issue_number() -> str:
    return next(r.number for r in docs.list_documents() if r.kind == docs.ISSUE)


def test_the_four_reports_are_registered() -> None:
    names = {d.name for d in reports.definitions()}
    assert {defs.WAYBILL, defs.BOOK, defs.PROVISION, defs.EXCHANGE} <= names


def test_the_waybill_lists_the_lines_and_both_sides_sign(
        district: dict[str, str], settings: config.Settings, tmp_path: Path) -> None:
    _movements(district)
    orgs.save_organization(replace_head(district["a"], "Петрова Анна Сергеевна"))
    settings.set(config.DIRECTOR_NAME, "Сидоров Иван Петрович")
    report = build(defs.WAYBILL, settings)  # the newest posted выдача
    assert report.title == "Накладная на выдачу учебной литературы №\u00a02"
    assert report.number == ""  # «№ 2» once: in the title, not again on the date line
    report = build(defs.WAYBILL, settings, document="выдача № 1")
    assert report.title.startswith("Накладная на выдачу") and report.date == date(2025, 3, 10)
    assert rows_of(report) == [[1, "Виленкин Н.Я.", "Математика. 5 класс", "5", None, "", 35,
                                lit.roubles(50000), lit.roubles(35 * 50000)]]
    assert [(s.position, s.name) for s in report.signatures] == [
        ("Сдал: Директор ИМЦ", "И.П. Сидоров"), ("Принял: Руководитель Школа А", "А.С. Петрова")]
    assert "Принял: Школа А" in report.paragraphs
    assert build(defs.WAYBILL, settings, document="1").title.startswith("Акт приёма-передачи")
    write_off = build(defs.WAYBILL, settings, document="списание 2")
    assert write_off.title == "Акт списания учебной литературы №\u00a02"
    assert write_off.signatures[1].position == "Председатель комиссии:"
    for fmt in ("docx", "pdf"):
        path = reports.write(report, fmt, tmp_path / f"w.{fmt}", settings)
        text = _text(path)
        for expected in ("Накладная на выдачу", "Математика. 5 класс", "А.С. Петрова",
                         "И.П. Сидоров", "17 500,00"):
            assert expected in text, (fmt, expected)
    with pytest.raises(ServiceError, match="не найден"):
        build(defs.WAYBILL, settings, document="999")


def replace_head(org_id: str, head: str) -> orgs.OrganizationData:
    from dataclasses import replace

    return replace(orgs.get_organization(org_id), head_name=head)


def _text(path: Path) -> str:
    if path.suffix == ".docx":
        d = docx.Document(str(path))
        cells = [c.text for t in d.tables for r in t.rows for c in r.cells]
        return "\n".join([p.text for p in d.paragraphs] + cells).replace("\u00a0", " ")
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(str(path)).pages)


def test_an_empty_database_gives_a_waybill_that_says_so(database: DatabaseInfo,
                                                        settings: config.Settings) -> None:
    report = build(defs.WAYBILL, settings)
    assert "нет" in report.paragraphs[0]


def test_the_summary_book_in_three_parts_matches_the_documents(
        district: dict[str, str], settings: config.Settings, tmp_path: Path) -> None:
    _movements(district)
    report = build(defs.BOOK, settings, **{"from": "01.01.2025", "to": "31.12.2025"})
    assert [t.title for t in report.tables] == [
        "Часть 1. Поступление в фонд", "Часть 2. Выбытие из фонда",
        "Часть 3. Итоги движения фонда"]
    book = summary_book(JAN, DEC)
    assert sum(int(r[4]) for r in rows_of(report, 0)) == book.received.quantity == 25  # type: ignore[call-overload]
    assert [r[1:3] for r in rows_of(report, 2)] == [[40, book.opening.amount],
                                                    [25, book.received.amount],
                                                    [4, book.disposed.amount],
                                                    [61, book.closing.amount]]
    path = reports.write(report, "xlsx", tmp_path / "book.xlsx", settings)
    book_file = openpyxl.load_workbook(path)
    values = [c for sheet in book_file.worksheets for row in sheet.iter_rows(values_only=True)
              for c in row if c is not None]
    assert "Часть 3. Итоги движения фонда" in values and 61 in values
    assert "Всего" in values
    assert not any(str(v).startswith("выдача") for v in values)
    docx_text = _text(reports.write(report, "docx", tmp_path / "book.docx", settings))
    assert "Часть 2. Выбытие из фонда" in docx_text and "списание № 1" in docx_text
    one = build(defs.BOOK, settings, **{"from": "01.01.2025", "to": "31.12.2025",
                                        "holder": district["a"]})
    assert "фонд: Школа А" in one.params_line
    with pytest.raises(ServiceError, match="позже"):
        build(defs.BOOK, settings, **{"from": "31.12.2025", "to": "01.01.2025"})


def test_provision_and_exchange_reports(district: dict[str, str],
                                        settings: config.Settings) -> None:
    _movements(district)
    provision = build(defs.PROVISION, settings, date="31.12.2025")
    assert [t.title for t in provision.tables] == ["Школа А", "Школа Б", "Итого по ОО"]
    assert rows_of(provision, 1) == [[1, 5, "Математика", 30, 12, 40.0]]
    assert rows_of(provision, 2) == [["Школа А", 20, 20, 100.0], ["Школа Б", 30, 12, 40.0]]
    exchange = build(defs.EXCHANGE, settings, date="31.12.2025")
    assert rows_of(exchange, 0)[0][3:] == ["Фонд ИМЦ — 15; Школа А — 10", "Школа Б — 18"]
    assert rows_of(exchange, 1) == [[1, "Виленкин Н.Я. Математика. 5 класс", lit.IMC_FUND,
                                     "Школа Б", 15],
                                    [2, "Виленкин Н.Я. Математика. 5 класс", "Школа А",
                                     "Школа Б", 3]]
