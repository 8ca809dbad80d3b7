"""The journal's reports built through the report engine and written to real Word files."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from imc_desktop import clock, config
from imc_desktop.db import session_scope
from imc_desktop.services.common import reports
from imc_desktop.services.common.errors import ServiceError
from imc_desktop.services.methodist import reports as defs
from imc_desktop.services.methodist import write
from imc_desktop.services.methodist.records import ConsultationData, PlanItemData, VisitData
from models import Event
from tests.services.events.events_helpers import people
from tests.services.events.test_events_reports import docx_text

TODAY = date(2026, 11, 20)


@pytest.fixture
def ids(database: object) -> dict[str, str]:
    found = people()
    with clock.fixed(TODAY):
        for day, category, minutes, form, count in (
                (date(2026, 11, 2), "аттестация", 30, "индивидуальная", 1),
                (date(2026, 11, 3), "аттестация", 45, "групповая", 6),
                (date(2026, 11, 5), "ФГОС", None, "индивидуальная", 1),
                (date(2026, 10, 30), "ФГОС", 60, "индивидуальная", 1)):   # not in November
            write.save_consultation(ConsultationData(
                held_on=day, methodist_id=found["Орлова"], person_id=found["Иванова"],
                category=category, form=form, participants=count, topic=f"Тема {day:%d}",
                minutes=minutes))
        found["visit"] = write.save_visit(VisitData(
            visited_on=date(2026, 11, 12), methodist_id=found["Орлова"],
            organization_id=found["СОШ № 1"], purpose="Методическая помощь",
            person_id=found["Петров"], class_name="8А", subject="физика",
            lesson_topic="Закон Ома", marks="Цель урока=2\nРефлексия=1\nДифференциация=0",
            recommendations="Спланировать рефлексию"))
    with session_scope() as s:
        event = Event(kind="семинар", title="Семинар по ФГОС", organizer_id=found["Орлова"],
                      starts_at=datetime(2026, 11, 18, 10), ends_at=datetime(2026, 11, 18, 12),
                      status="проведено")
        s.add(event)
        s.flush()
        found["event"] = event.id
    write.save_plan_item(PlanItemData(methodist_id=found["Орлова"], month=date(2026, 11, 1),
                                      kind="мероприятие", title="Семинар по ФГОС",
                                      event_id=found["event"]))
    write.save_plan_item(PlanItemData(methodist_id=found["Орлова"], month=date(2026, 11, 1),
                                      kind="другое", title="Отчёт РМО"))
    return found


def test_the_consultation_journal_groups_and_counts_the_period(
        ids: dict[str, str], settings: config.Settings, tmp_path: Path) -> None:
    report = reports.build(defs.CONSULTATIONS, {"from": "01.11.2026", "to": "30.11.2026",
                                                "group": "category"}, settings)
    journal, by_question, by_methodist = report.tables
    assert [r[6] for r in journal.rows] == ["аттестация", "аттестация", "ФГОС"]
    assert [list(r) for r in by_question.rows] == [["аттестация", 2, 7, 1.2],
                                                   ["ФГОС", 1, 1, 0.0]]
    assert [list(r) for r in by_methodist.rows] == [["Орлова Ольга Ивановна", 3, 8, 1.2]]
    assert "Консультаций: 3" in report.params_line
    text = docx_text(reports.write(report, "docx", tmp_path / "journal.docx", settings))
    assert "Журнал консультаций" in text and "Тема 05" in text and "Тема 30" not in text


def test_a_period_backwards_is_refused_naming_the_parameter(
        ids: dict[str, str], settings: config.Settings) -> None:
    with pytest.raises(ServiceError, match="from.*позже конца периода"):
        reports.build(defs.CONSULTATIONS, {"from": "01.12.2026", "to": "30.11.2026"},
                      settings)


def test_the_visit_report_has_the_marks_the_conclusion_and_both_signatures(
        ids: dict[str, str], settings: config.Settings, tmp_path: Path) -> None:
    report = reports.build(defs.VISIT, {"visit": ids["visit"]}, settings)
    assert report.title == "Справка по итогам посещения урока"
    assert [list(r)[1:3] for r in report.tables[0].rows] == [
        ["Цель урока", 2], ["Рефлексия", 1], ["Дифференциация", 0]]
    text = docx_text(reports.write(report, "docx", tmp_path / "visit.docx", settings))
    assert "3 из 6 баллов (50,0 %), уровень урока — средний" in text
    assert "Тема урока: Закон Ома." in text and "Спланировать рефлексию" in text
    assert "П.И. Петров" in text and "О.И. Орлова" in text
    with pytest.raises(ServiceError, match="посещение «нет-такого» не найдено"):
        reports.build(defs.VISIT, {"visit": "нет-такого"}, settings)


def test_the_month_report_sets_the_plan_against_what_was_done(
        ids: dict[str, str], settings: config.Settings, tmp_path: Path) -> None:
    report = reports.build(defs.MONTH, {"methodist": ids["Орлова"], "month": "25.11.2026"},
                           settings)
    plan, questions, visits, events = report.tables
    assert [(r[3], r[4]) for r in plan.rows] == [("Семинар по ФГОС", "да"), ("Отчёт РМО", "нет")]
    assert sum(int(r[1] or 0) for r in questions.rows) == 3
    assert [r[2] for r in visits.rows] == ["СОШ № 1"]
    assert [r[3] for r in events.rows] == ["Семинар по ФГОС"]
    assert "Запланировано: 2, выполнено: 1" in report.params_line
    year = reports.build(defs.YEAR, {"methodist": ids["Орлова"], "year": "01.09.2026"},
                         settings)
    assert "2026/2027 учебный год" in year.title
    assert sum(int(r[1] or 0) for r in year.tables[1].rows) == 4
    assert "Отчёт методиста" in docx_text(reports.write(year, "docx", tmp_path / "y.docx",
                                                        settings))


def test_without_a_visit_named_the_latest_is_reported_and_none_is_said_plainly(
        database: object, settings: config.Settings) -> None:
    empty = reports.build(defs.VISIT, {}, settings)
    assert "Посещений ещё нет" in empty.paragraphs[0]
    found = people()
    with clock.fixed(TODAY):
        for day, purpose in ((date(2026, 11, 2), "Первый"), (date(2026, 11, 9), "Второй")):
            write.save_visit(VisitData(visited_on=day, methodist_id=found["Орлова"],
                                       organization_id=found["СОШ № 2"], kind="выезд в ОО",
                                       purpose=purpose))
    latest = reports.build(defs.VISIT, {}, settings)
    assert latest.title.endswith("образовательной организации")
    assert "Цель посещения: Второй." in latest.paragraphs
