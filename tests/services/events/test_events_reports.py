"""The events' documents: plan with «УТВЕРЖДАЮ» (docx), attendance sheet, contest protocol,
the period's report by ОО (xlsx) and the register of issued documents."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from docx import Document

from imc_desktop import config
from imc_desktop.services.common import reports
from imc_desktop.services.common.errors import ServiceError
from imc_desktop.services.events import documents as docs
from imc_desktop.services.events import participants as ep
from imc_desktop.services.events import records as events
from imc_desktop.services.events import reports as defs
from imc_desktop.services.events.records import EventData
from tests.services.events.events_helpers import people
from tests.services.events.test_events_documents import LAYOUT

pytestmark = pytest.mark.usefixtures("database")


@pytest.fixture
def ids(settings: config.Settings) -> dict[str, str]:
    settings.set(config.DIRECTOR_NAME, "Смирнова Галина Петровна")
    found = people()
    contest = events.save_event(EventData(
        kind="конкурс", title="Учитель года — 2026", status="проведено", all_day=True,
        starts_at=datetime(2026, 2, 10), ends_at=datetime(2026, 2, 12),
        place_organization_id=found["СОШ № 1"], organizer_id=found["Орлова"]))
    ep.add_people(contest, [found["Иванова"], found["Сидорова"]])
    ep.add_people(contest, [found["Петров"]], role="член жюри")
    for row in ep.list_participants(contest):
        if row.data.full_name.startswith("Иванова"):
            ep.save_participant(replace(row.data, attended=True, result="призёр", place=2,
                                        score=88))
        if row.data.full_name.startswith("Сидорова"):
            ep.save_participant(replace(row.data, attended=True, result="победитель", place=1,
                                        score=97.5, nomination="Мастер урока"))
    events.save_event(EventData(title="Семинар «Функциональная грамотность»",
                                starts_at=datetime(2026, 3, 4, 10),
                                ends_at=datetime(2026, 3, 4, 12), place_text="ИМЦ, каб. 12",
                                audience_positions="учитель"))
    events.save_event(EventData(title="Отменённый семинар", status="отменено",
                                starts_at=datetime(2026, 3, 5, 10),
                                ends_at=datetime(2026, 3, 5, 12)))
    return {**found, "contest": contest}


def docx_text(path: Path) -> str:
    document = Document(str(path))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells).replace("\u00a0", " ")


def test_the_plan_of_a_month_and_a_quarter_has_the_approval(
        ids: dict[str, str], settings: config.Settings, tmp_path: Path) -> None:
    report = reports.build(defs.PLAN, {"from": "15.03.2026"}, settings)
    assert report.title.endswith("на март 2026 года")
    assert [r[2] for r in report.tables[0].rows] == [
        "Семинар «Функциональная грамотность» (семинар)"]
    path = reports.write(report, "docx", tmp_path / "plan.docx", settings)
    text = docx_text(path)
    assert "УТВЕРЖДАЮ" in text and "Г.П. Смирнова" in text and "ИМЦ, каб. 12" in text
    quarter = reports.build(defs.PLAN, {"from": "01.02.2026", "period": "quarter"}, settings)
    assert "I квартал 2026 года" in quarter.title and len(quarter.tables[0].rows) == 2


def test_the_attendance_sheet_lists_participants_not_the_jury(
        ids: dict[str, str], settings: config.Settings, tmp_path: Path) -> None:
    report = reports.build(defs.ATTENDANCE, {"event": "учитель года"}, settings)
    assert [r[1] for r in report.tables[0].rows] == ["Иванова Анна Ивановна",
                                                     "Сидорова Ёлка Ивановна"]
    assert report.params_line.startswith("Дата: 10.02.2026–11.02.2026; место проведения: СОШ")
    text = docx_text(reports.write(report, "docx", tmp_path / "sheet.docx", settings))
    assert "Явочный лист" in text and "Подпись" in text and "О.И. Орлова" in text
    with pytest.raises(ServiceError, match="не найдено"):
        reports.build(defs.ATTENDANCE, {"event": "Учитель века"}, settings)


def test_the_protocol_orders_by_place_and_is_signed_by_the_jury(
        ids: dict[str, str], settings: config.Settings, tmp_path: Path) -> None:
    report = reports.build(defs.PROTOCOL, {}, settings)
    rows = [list(r) for r in report.tables[0].rows]
    assert [(r[1], r[5], r[6]) for r in rows] == [
        ("Сидорова Ёлка Ивановна", 1, "победитель"), ("Иванова Анна Ивановна", 2, "призёр")]
    assert [s.name for s in report.signatures] == ["П.И. Петров"]
    text = docx_text(reports.write(report, "docx", tmp_path / "protocol.docx", settings))
    assert "Протокол подведения итогов конкурса" in text and "Мастер урока" in text
    assert "Председатель жюри" in text and "97,5" in text


def test_the_period_report_counts_participants_by_organization(
        ids: dict[str, str], settings: config.Settings, tmp_path: Path) -> None:
    report = reports.build(defs.SUMMARY, {"from": "01.01.2026", "to": "31.03.2026"}, settings)
    assert [r[3] for r in report.tables[0].rows] == ["Учитель года — 2026"]
    assert [list(r) for r in report.tables[1].rows] == [["СОШ № 1", 1, 2, 1, 1],
                                                        ["СОШ № 2", 1, 1, 1, 1]]
    path = reports.write(report, "xlsx", tmp_path / "report.xlsx", settings)
    values = [c for sheet in openpyxl.load_workbook(path).worksheets
              for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    assert "Участники по образовательным организациям" in values and "СОШ № 2" in values
    with pytest.raises(ServiceError, match="позже конца периода"):
        reports.build(defs.SUMMARY, {"from": "01.04.2026", "to": "31.03.2026"}, settings)


def test_the_register_of_issued_documents(ids: dict[str, str], settings: config.Settings,
                                          tmp_path: Path) -> None:
    docs.print_documents(ids["contest"], docs.DIPLOMA, tmp_path / "d.pdf", LAYOUT,
                         date(2026, 2, 13))
    report = reports.build(defs.REGISTER, {"year": "2026"}, settings)
    assert [(r[0], r[2]) for r in report.tables[0].rows] == [
        ("2026/1", "Сидорова Ёлка Ивановна"), ("2026/2", "Иванова Анна Ивановна")]


def test_every_events_report_is_written_in_every_format_on_an_empty_database(
        settings: config.Settings, tmp_path: Path) -> None:
    for name in (defs.PLAN, defs.ATTENDANCE, defs.PROTOCOL, defs.SUMMARY, defs.REGISTER):
        report = reports.build(name, {}, settings)
        for fmt in reports.FORMATS:
            assert reports.write(report, fmt, tmp_path / f"{name}.{fmt}", settings).exists()


def test_the_register_lists_numbers_given_twice(ids: dict[str, str],
                                                settings: config.Settings) -> None:
    from imc_desktop.db import session_scope
    from models import IssuedDocument

    with session_scope() as s:
        for name in ("Иванова А.И.", "Петров П.П."):
            s.add(IssuedDocument(kind="сертификат", year=2026, number=5, full_name=name,
                                 issued_on=date(2026, 3, 1)))
    report = reports.build(defs.REGISTER, {"year": "2026"}, settings)
    assert report.closing_paragraphs == (
        "Номера, выданные дважды (после синхронизации рабочих мест): 2026/5 (Иванова А.И., "
        "Петров П.П.).",)
