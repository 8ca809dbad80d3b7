"""The network's documents, written through the report engine and reopened: the order with
its appendix, the plan, a protocol, the year's report, the summary and the mentoring list."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from docx import Document

from imc_desktop import config
from imc_desktop.services.common import reports
from imc_desktop.services.common.report_check import read_back
from imc_desktop.services.events import participants as ep
from imc_desktop.services.events import records as events
from imc_desktop.services.network import decisions as nd
from imc_desktop.services.network import meetings as nm
from imc_desktop.services.network import mentoring as mt
from imc_desktop.services.network import records as net
from tests.services.network.helpers import people, rmo, young

pytestmark = pytest.mark.usefixtures("database")


@pytest.fixture
def ids(settings: config.Settings) -> dict[str, str]:
    settings.set(config.DIRECTOR_NAME, "Смирнова Галина Петровна")
    found = people()
    association = rmo(found)
    net.add_members(association, [found["Сидорова"]])
    slot = nm.Slot(datetime(2025, 10, 16, 14), datetime(2025, 10, 16, 16), place_text="ИМЦ")
    meeting = nm.plan_meeting(nm.MeetingData(association_id=association, theme="Анализ ВПР",
                                             speakers="Иванова А.И."), slot)
    nm.plan_meeting(nm.MeetingData(association_id=association, theme="Итоги года"),
                    nm.Slot(datetime(2026, 5, 14, 14), datetime(2026, 5, 14, 16)))
    event_id = nm.get_meeting(meeting).event_id or ""
    for p in ep.list_participants(event_id):
        ep.mark_attendance([p.data.id or ""], True)
    events.save_event(replace(events.get_event(event_id), status="проведено"))
    nm.save_meeting(replace(nm.get_meeting(meeting), protocol_number="1",
                            agenda="1. Результаты ВПР", heard="Иванову А.И.",
                            decided="Провести пробные работы"))
    nd.save_decision(nd.DecisionData(meeting_id=meeting, text="Провести пробную ВПР",
                                     responsible_id=found["Сидорова"],
                                     deadline=date(2025, 12, 1)))
    newcomer = young(found["СОШ № 2"], "Новикова", date(2025, 9, 1))
    mt.save_pair(mt.PairData(mentor_id=found["Сидорова"], mentee_id=newcomer,
                             starts_on=date(2025, 9, 1)))
    return {**found, "association": association, "meeting": meeting}


def _write(name: str, params: dict[str, str], settings: config.Settings, tmp_path: Path,
           fmt: str = "docx") -> Path:
    report = reports.build(name, params, settings)
    path = reports.write(report, fmt, tmp_path / f"{name}.{fmt}", settings)
    read_back(path, report.title)
    return path


def _docx(path: Path) -> str:
    document = Document(str(path))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells).replace("\u00a0", " ")


def _xlsx(path: Path) -> list[tuple[object, ...]]:
    """The rows of every sheet (a report's second table may have a sheet of its own)."""
    return [row for ws in openpyxl.load_workbook(path).worksheets
            for row in ws.iter_rows(values_only=True)]


def test_the_order_names_the_year_and_lists_the_network_in_its_appendix(
        ids: dict[str, str], settings: config.Settings, tmp_path: Path) -> None:
    text = _docx(_write("network-order", {"year": "2025"}, settings, tmp_path))
    assert "Об организации методической сети на 2025–2026 учебный год" in text
    assert "ПРИКАЗЫВАЮ:" in text and "Приложение к приказу" in text
    assert "РМО учителей математики" in text and "Иванова Анна Ивановна" in text
    assert "Г.П. Смирнова" in text
    empty = _docx(_write("network-order", {"year": "2030"}, settings, tmp_path))
    assert "объединений: 0" in empty


def test_the_plan_lists_the_meetings_with_the_approval(
        ids: dict[str, str], settings: config.Settings, tmp_path: Path) -> None:
    text = _docx(_write("network-plan", {"association": ids["association"]}, settings,
                        tmp_path))
    assert "УТВЕРЖДАЮ" in text and "на 2025–2026 учебный год" in text
    assert text.index("Анализ ВПР") < text.index("Итоги года")
    assert "16.10.2025" in text and "Иванова А.И." in text


def test_the_protocol_takes_attendance_from_the_event_and_lists_decisions(
        ids: dict[str, str], settings: config.Settings, tmp_path: Path) -> None:
    text = _docx(_write("network-protocol", {"meeting": ids["meeting"]}, settings, tmp_path))
    assert "Протокол № 1" in text
    assert "Присутствовали: 2 чел. (СОШ № 1 — 1; СОШ № 2 — 1)" in text
    assert "СЛУШАЛИ:" in text and "Провести пробную ВПР" in text and "01.12.2025" in text
    default = _docx(_write("network-protocol", {}, settings, tmp_path))
    assert "Протокол № 1" in default, "the latest held meeting with a protocol"


def test_the_year_s_report_counts_held_against_planned(
        ids: dict[str, str], settings: config.Settings, tmp_path: Path) -> None:
    path = _write("network-annual", {"association": ids["association"]}, settings, tmp_path,
                  "xlsx")
    cells = [str(c) for row in _xlsx(path) for c in row if c is not None]
    # the year is over: the May meeting, still «планируется», counts as held, without protocol
    assert any("Запланировано заседаний: 2; проведено: 2; без протокола: 1" in c for c in cells)
    assert any("Принято решений: 1; выполнено: 0" in c for c in cells)
    assert "СОШ № 1" in cells and "СОШ № 2" in cells


def test_the_summary_shows_coverage_of_the_subject_s_pedagogues(
        ids: dict[str, str], settings: config.Settings, tmp_path: Path) -> None:
    path = _write("network-summary", {"year": "2025"}, settings, tmp_path, "xlsx")
    rows = _xlsx(path)
    coverage = next(r for r in rows if r[0] == "математика")
    assert coverage[1:4] == (2, 2, 100)
    _write("network-summary", {"year": "2025"}, settings, tmp_path, "pdf")


def test_the_mentoring_list_and_monitoring_by_oo(
        ids: dict[str, str], settings: config.Settings, tmp_path: Path) -> None:
    path = _write("mentoring", {}, settings, tmp_path, "xlsx")
    cells = [str(c) for row in _xlsx(path) for c in row if c is not None]
    assert "Новикова Юлия Олеговна" in cells and "Сидорова Ёлка Ивановна" in cells
    assert "Мониторинг молодых специалистов по ОО" in cells
    _write("mentoring", {}, settings, tmp_path, "pdf")


def test_an_unknown_association_is_named_in_the_message(
        ids: dict[str, str], settings: config.Settings) -> None:
    from imc_desktop.services.common.errors import ServiceError

    with pytest.raises(ServiceError, match="Объединение"):
        reports.build("network-plan", {"association": "нет такого"}, settings)
