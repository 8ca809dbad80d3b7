"""Import of the network's members and plans from Excel through the shared engine: the
register's pedagogues by ФИО, a member twice left as is, a plan row outside the academic
year named with its row and field, and each planned meeting an event of the calendar."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from imc_desktop import importers
from imc_desktop.importers import ImportOptions
from imc_desktop.services.common import importing
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.events import records as events
from imc_desktop.services.network import meetings as nm
from imc_desktop.services.network import records as net
from tests.importers.workbooks import write_xlsx
from tests.services.network.helpers import people, rmo


def prepare(kind_name: str, path: Path) -> tuple[importers.ImportPreview, importers.ImportKind]:
    kind = importing.get_kind(kind_name)
    header = importers.find_sheet(path, kind)
    return importers.prepare(path, header.sheet, kind,
                             importers.guess_mapping(header.headers, kind)), kind


def run(kind_name: str, path: Path, dry_run: bool = False) -> importers.ImportSummary:
    preview, kind = prepare(kind_name, path)
    return importers.run(preview, kind, ImportOptions(dry_run=dry_run, valid_only=True))


@pytest.fixture
def ids(database: DatabaseInfo) -> dict[str, str]:
    found = people()
    return {**found, "rmo": rmo(found)}


def test_members_by_fio_with_a_member_twice_left_as_is(ids: dict[str, str],
                                                       tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "участники.xlsx", [
        ["Объединение", "ФИО", "ОО", "Роль"],
        ["РМО учителей математики", "Сидорова Ёлка Ивановна", "СОШ № 2", "заместитель"],
        ["РМО учителей математики (2025–2026)", "Иванова Анна Ивановна", "", ""],
        ["РМО учителей математики", "Неизвестная Мария Петровна", "", ""]])
    preview, _kind = prepare("network-members", path)
    problems = [(p.row, p.field, p.message) for r in preview.rows for p in r.problems]
    assert problems == [(4, "Фамилия", "Педагога с такими ФИО нет в «Кадрах».")]
    assert run("network-members", path, dry_run=True).created == 1
    assert len(net.list_members(ids["rmo"])) == 1, "a dry run writes nothing"
    summary = run("network-members", path)
    assert (summary.created, summary.unchanged) == (1, 1)
    roles = {m.full_name: m.role for m in net.list_members(ids["rmo"])}
    assert roles == {"Иванова Анна Ивановна": "руководитель",
                     "Сидорова Ёлка Ивановна": "заместитель"}


def test_a_plan_makes_events_of_the_calendar_and_refuses_a_date_outside_the_year(
        ids: dict[str, str], tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "план.xlsx", [
        ["Объединение", "Дата", "Время", "Тема", "Форма", "Ответственный", "Место"],
        ["РМО учителей математики", date(2025, 10, 16), "14:30", "Анализ ВПР", "семинар",
         "Сидорова Ёлка Ивановна", "СОШ № 1"],
        ["РМО учителей математики", date(2026, 9, 3), "14:00", "Итоги", "", "", ""],
        ["РМО учителей математики", date(2025, 11, 20), "25:00", "Олимпиады", "", "", ""]])
    preview, _kind = prepare("network-plan", path)
    problems = {(p.row, p.field) for r in preview.rows for p in r.problems}
    assert problems == {(3, "Дата"), (4, "Время")}
    summary = run("network-plan", path)
    assert summary.created == 1
    [meeting] = nm.list_meetings(ids["rmo"], date(2025, 10, 1))
    event = events.get_event(meeting.data.event_id or "")
    assert (event.kind, event.starts_at.hour, event.starts_at.minute) == ("заседание РМО", 14, 30)
    assert event.place_organization_id == ids["СОШ № 1"]
    assert meeting.data.form == "семинар-практикум"
    assert meeting.responsible == "Сидорова Ёлка Ивановна"
    assert run("network-plan", path).unchanged == 1, "the same meeting is not planned twice"
