"""The annual analysis of the demo year: every table filled, every figure equal to the
module's own report for the same period, and the Word file opens."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from exports import Report, ReportTable
from imc_desktop import clock, config
from imc_desktop.services.common import reports
from imc_desktop.services.methodist import analysis
from imc_desktop.services.methodist import rules as journal_rules
from imc_desktop.validation import format_date


@pytest.fixture
def built(demo_database: object, settings: config.Settings) -> tuple[Report, Any]:
    """The analysis of the last finished school year of the demo (the demo year)."""
    first = journal_rules.previous_school_year(journal_rules.school_year(clock.today())[0])[0]
    report = reports.build(analysis.ANALYSIS, {"year": format_date(first)}, settings)
    return report, analysis.analysis_years(first)


def _table(report: Report, start: str) -> ReportTable:
    return next(t for t in report.tables if t.title.startswith(start))


def _column(table: ReportTable, index: int) -> list[Any]:
    return [r[index] for r in table.rows]


def _figure(table: ReportTable, name: str, index: int = 2) -> Any:
    return next(r[index] for r in table.rows if r[0] == name)


def _module(name: str, params: dict[str, str], settings: config.Settings) -> Report:
    return reports.build(name, params, settings)


def test_every_table_of_the_demo_year_is_filled(built: tuple[Report, Any]) -> None:
    report, years = built
    assert len(report.tables) >= 14
    for table in report.tables:
        assert table.rows, f"empty table: {table.title}"
    numbers = [r[2] for t in report.tables if len(t.columns) == 3 for r in t.rows
               if isinstance(r[2], int | float)]
    assert sum(numbers) > 0
    titles = [t.title.split(".")[0] for t in report.tables if t.title[:1].isdigit()]
    assert titles == [str(n) for n in range(1, 10)], "the nine sections in order"


def test_staff_figures_equal_the_staff_statistics(
        built: tuple[Report, Any], settings: config.Settings) -> None:
    report, years = built
    table = _table(report, "1. Кадровое")
    for year, index in zip(years, (1, 2), strict=True):
        stats = _module("staff-stats", {"date": format_date(year.on)}, settings)
        total = sum(r[1] for r in stats.tables[0].rows)
        assert _figure(table, "Педагогических работников, всего", index) == total
        young = sum(r[-1] for r in stats.tables[2].rows)
        assert _figure(table, "Молодые специалисты", index) == young
        under3 = sum(r[2] for r in stats.tables[0].rows)
        assert _figure(table, "Стаж: До 3", index) == under3


def test_course_figures_equal_the_courses_report(
        built: tuple[Report, Any], settings: config.Settings) -> None:
    report, years = built
    table = _table(report, "3. Повышение")
    for year, index in zip(years, (1, 2), strict=True):
        courses = _module("courses", {"from": format_date(year.first),
                                      "to": format_date(year.last)}, settings)
        found = re.search(r"Всего курсов: (\d+), педагогов: (\d+), часов: ([\d ]+)\.",
                          courses.closing_paragraphs[0])
        assert found is not None
        assert (_figure(table, "Пройдено курсов (ПК и ПП)", index),
                _figure(table, "Педагогов, прошедших курсы", index),
                _figure(table, "Часов обучения", index)) == (
            int(found[1]), int(found[2]), int(found[3].replace(" ", "")))


def test_event_figures_equal_the_events_report(
        built: tuple[Report, Any], settings: config.Settings) -> None:
    report, years = built
    coverage = _table(report, "Охват")
    by_kind = _table(report, "4. Методические")
    contests = _table(report, "5. Профессиональные")
    year = years[1]
    summary = _module("events-summary", {"from": format_date(year.first),
                                         "to": format_date(year.last)}, settings)
    held = summary.tables[0].rows
    assert _figure(coverage, "Мероприятий проведено") == len(held)
    assert _figure(coverage, "Участий педагогов") == sum(r[5] for r in held)
    assert sum(_column(by_kind, 2)) == len(held)
    contest_rows = [r for r in held if r[2] == "конкурс"]
    assert sum(_column(contests, 2)) == len(contest_rows)
    assert sum(_column(contests, 4)) == sum(r[5] for r in contest_rows)
    assert sum(_column(contests, 6)) == sum(r[7] for r in contest_rows)



def test_network_figures_equal_the_network_summary(
        built: tuple[Report, Any], settings: config.Settings) -> None:
    report, years = built
    network = _table(report, "6. Методическая сеть")
    for year, index in zip(years, (1, 2), strict=True):
        rows = _module("network-summary", {"year": str(year.first.year)},
                       settings).tables[0].rows
        assert _figure(network, "Объединений (РМО, творческих и проблемных групп, "
                                "сообществ)", index) == len(rows)
        assert _figure(network, "Участников (членств педагогов)", index) == sum(
            r[3] for r in rows)
        assert _figure(network, "Заседаний проведено", index) == sum(r[5] for r in rows)
        assert _figure(network, "Проведено без протокола", index) == sum(r[6] for r in rows)
    current = _module("network-summary", {"year": str(years[1].first.year)},
                      settings).tables[0].rows
    assert current, "the demo year has its associations"
    listed = _table(report, f"Объединения {years[1].title}")
    assert [r[0] for r in listed.rows] == [r[1] for r in current]


def test_journal_figures_equal_the_consultation_journal(
        built: tuple[Report, Any], settings: config.Settings) -> None:
    report, years = built
    figures = _table(report, "7. Консультационная")
    by_question = _table(report, "Консультации по вопросам")
    for year, index in zip(years, (1, 2), strict=True):
        journal = _module("methodist-consultations", {
            "from": format_date(year.first), "to": format_date(year.last)}, settings)
        assert _figure(figures, "Консультаций", index) == len(journal.tables[0].rows) > 0
        own = {r[0]: r[1] for r in journal.tables[1].rows}
        assert {r[0]: r[index] for r in by_question.rows if r[index]} == own
        assert _figure(figures, "Консультировано человек", index) == sum(
            r[2] for r in journal.tables[1].rows)


def test_literature_and_informatisation_equal_their_reports(
        built: tuple[Report, Any], settings: config.Settings) -> None:
    report, years = built
    on = format_date(years[1].on)
    provision = _module("literature-provision", {"date": on}, settings)
    own = next(t for t in provision.tables if t.title == "Итого по ОО")
    assert [list(r) for r in _table(report, "Итого по ОО").rows] == [list(r) for r in own.rows]
    literature = _table(report, "8. Обеспеченность")
    assert _figure(literature, "Нужно учебников (экз.)") == sum(r[1] for r in own.rows)
    computers = _module("informatisation", {"date": on}, settings).tables[0]
    assert [list(r) for r in _table(report, "Обеспеченность компьютерами").rows] == [
        list(r) for r in computers.rows]


def test_attestation_counts_the_years_applications_and_decisions(
        built: tuple[Report, Any], settings: config.Settings) -> None:
    from imc_desktop.services.attestation import records as attestation
    from imc_desktop.services.common.rules import Rules

    report, years = built
    history = attestation.history(Rules.from_settings(settings))
    year = years[1]
    applied = sum(1 for h in history if h.applied_on and year.first <= h.applied_on <= year.last)
    decided = sum(1 for h in history if h.decided_on and year.first <= h.decided_on <= year.last
                  and h.decision in ("установлена", "соответствует"))
    by_org = _table(report, "Аттестация по ОО")
    assert sum(_column(by_org, 1)) == applied and sum(_column(by_org, 2)) == decided
    by_kind = _table(report, "2. Аттестация")
    assert sum(_column(by_kind, 2)) == applied


def test_the_analysis_opens_as_a_word_document(
        built: tuple[Report, Any], settings: config.Settings, tmp_path: Path) -> None:
    report, _years = built
    path = reports.write(report, "docx", tmp_path / "analysis.docx", settings)
    document = Document(str(path))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Анализ работы информационно-методического центра" in text
    assert "6. Методическая сеть" in text and "9. Информатизация" in text
    assert len(document.tables) == len(report.tables)
