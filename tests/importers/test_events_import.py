"""Import of event participants: the register's pedagogues, external ones, results,
updates, the capacity and clear problems."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from imc_desktop import importers
from imc_desktop.importers import ImportOptions
from imc_desktop.services.common import importing
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.events import participants as ep
from imc_desktop.services.events import records as events
from imc_desktop.services.events.importing import choice_of
from imc_desktop.services.events.records import EventData
from tests.importers.workbooks import write_xlsx
from tests.services.events.events_helpers import people

HEADER = ["№", "Мероприятие", "Дата", "ФИО", "Место работы", "Роль", "Результат", "Номинация",
          "Место", "Баллы"]


def run(path: Path, dry_run: bool = False) -> importers.ImportSummary:
    kind = importing.get_kind("event_participants")
    header = importers.find_sheet(path, kind)
    preview = importers.prepare(path, header.sheet, kind,
                                importers.guess_mapping(header.headers, kind))
    return importers.run(preview, kind, ImportOptions(dry_run=dry_run, valid_only=True))


@pytest.fixture
def contest(database: DatabaseInfo) -> str:
    people()
    return events.save_event(EventData(kind="конкурс", title="Учитель года — 2026",
                                       starts_at=datetime(2026, 2, 10, 10),
                                       ends_at=datetime(2026, 2, 12, 16), capacity=3))


def test_choices_are_read_from_the_beginning_of_a_word() -> None:
    assert choice_of("Побед.", ("", "победитель", "призёр")) == "победитель"
    assert choice_of("Призер", ("", "победитель", "призёр")) == "призёр"
    assert choice_of("чемпион", ("", "победитель")) is None
    assert choice_of("", ("", "победитель")) == ""


def test_participants_from_the_register_and_external_ones_with_results(
        contest: str, tmp_path: Path) -> None:
    rows = [
        [1, "учитель года — 2026", date(2026, 2, 11), "Иванова Анна Ивановна", "", "",
         "победитель", "Лучший урок", 1, 98.5],
        [2, "Учитель года — 2026", None, "Гостева Мария", "Лицей г. Воронежа", "член жюри",
         "", "", None, None],
        [3, "Учитель года — 2026", None, "Сидорова Ёлка Ивановна", "СОШ № 2", "участник",
         "призёр", "", 2, 90],
    ]
    path = write_xlsx(tmp_path / "участники.xlsx", [HEADER, *rows])
    assert run(path, dry_run=True).created == 3 and ep.list_participants(contest) == []
    summary = run(path)
    assert (summary.created, summary.updated) == (3, 0)
    found = {r.data.full_name: r for r in ep.list_participants(contest)}
    ivanova = found["Иванова Анна Ивановна"]
    assert ivanova.data.person_id and ivanova.organization == "СОШ № 1"
    assert (ivanova.data.result, ivanova.data.place, ivanova.data.score,
            ivanova.data.attended) == ("победитель", 1, 98.5, True)
    guest = found["Гостева Мария"]
    assert guest.external and guest.organization == "Лицей г. Воронежа"
    assert guest.data.role == "член жюри"
    again = write_xlsx(tmp_path / "again.xlsx", [HEADER, [1, "Учитель года — 2026", None,
                                                          "Иванова Анна Ивановна", "", "",
                                                          "лауреат", "", None, None]])
    assert (run(again).created, run(again).updated) == (0, 1)
    assert {r.data.result for r in ep.list_participants(contest)
            if r.data.full_name.startswith("Иванова")} == {"лауреат"}


def test_the_capacity_skips_rows_with_the_reason_and_unknown_events_are_problems(
        contest: str, tmp_path: Path) -> None:
    rows = [[i, "Учитель года — 2026", None, f"Участник{i} Иван", "", "", "", "", None, None]
            for i in range(1, 6)]
    rows.append([6, "Учитель века", None, "Кто-то Иван", "", "", "", "", None, None])
    summary = run(write_xlsx(tmp_path / "many.xlsx", [HEADER, *rows]))
    assert summary.created == 3
    reasons = dict(summary.skipped)
    assert "мест больше нет" in reasons[5] and "мест больше нет" in reasons[6]
    assert "не найдено" in reasons[7]


PLAN_HEADER = ["Наименование мероприятия", "Форма проведения", "Дата проведения", "Время",
               "Место проведения", "Ответственный", "Категория участников"]


def run_kind(name: str, path: Path) -> importers.ImportSummary:
    kind = importing.get_kind(name)
    header = importers.find_sheet(path, kind)
    preview = importers.prepare(path, header.sheet, kind,
                                importers.guess_mapping(header.headers, kind))
    return importers.run(preview, kind, ImportOptions(valid_only=True))


def test_a_plan_of_events_is_imported_and_a_second_import_updates_it(
        database: DatabaseInfo, tmp_path: Path) -> None:
    from datetime import time

    from imc_desktop.services.events.importing_plan import parse_time

    assert parse_time("10.30") == time(10, 30) and parse_time("0.5") == time(12)
    assert parse_time("9") == time(9) and parse_time("25:00") is None
    people()
    rows = [["Семинар «Смысловое чтение»", "семинар", date(2026, 4, 8), "10:00", "СОШ № 1",
             "Орлова Ольга Ивановна", "учитель"],
            ["Учитель года — 2027", "Конкурс", date(2027, 2, 10), None, "ИМЦ, актовый зал",
             "", ""],
            ["Без даты", "семинар", None, "10:00", "", "", ""],
            ["Плохое время", "семинар", date(2026, 4, 9), "25:61", "", "", ""]]
    path = write_xlsx(tmp_path / "план.xlsx", [["План мероприятий на 2026/27"], [],
                                               PLAN_HEADER, *rows])
    summary = run_kind("events", path)
    assert (summary.created, summary.updated) == (2, 0)
    assert {r for r, _ in summary.skipped} == {6, 7}
    found = {r.title: r for r in events.list_events()}
    seminar = found["Семинар «Смысловое чтение»"]
    assert seminar.starts_at == datetime(2026, 4, 8, 10) and seminar.place == "СОШ № 1"
    assert seminar.organizer == "Орлова Ольга Ивановна" and seminar.audience == "учитель"
    contest = found["Учитель года — 2027"]
    assert contest.all_day and contest.kind == "конкурс" and contest.place == "ИМЦ, актовый зал"
    assert run_kind("events", path).updated == 2 and len(events.list_events()) == 2


def test_a_list_without_the_event_goes_to_the_event_it_is_imported_into(
        contest: str, tmp_path: Path) -> None:
    from imc_desktop.services.events.importing import into_event

    path = write_xlsx(tmp_path / "список.xlsx", [["ФИО", "Место работы"],
                                                 ["Петров Пётр Ивановна", "СОШ № 1"],
                                                 ["Гость Гостевич", "Лицей № 7"]])
    refused = run(path)
    assert refused.created == 0 and "укажите мероприятие" in refused.skipped[0][1]
    with into_event(contest):
        assert run(path).created == 2
    names = {r.data.full_name: r.external for r in ep.list_participants(contest)}
    assert names == {"Петров Пётр Ивановна": False, "Гость Гостевич": True}


def preview_of(path: Path) -> importers.ImportPreview:
    kind = importing.get_kind("event_participants")
    header = importers.find_sheet(path, kind)
    return importers.prepare(path, header.sheet, kind,
                             importers.guess_mapping(header.headers, kind))


def test_a_row_whose_event_is_gone_at_writing_is_reported_as_skipped(
        contest: str, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "участники.xlsx", [HEADER, [
        1, "Учитель года — 2026", None, "Гостева Мария", "", "", "", "", None, None]])
    preview = preview_of(path)
    assert [r.ok for r in preview.rows] == [True]
    events.delete_events([contest])  # deleted meanwhile, e.g. by a synchronisation
    summary = importers.run(preview, importing.get_kind("event_participants"),
                            ImportOptions(valid_only=True))
    assert summary.created == 0
    assert [(row, "не найдено" in reason) for row, reason in summary.skipped] == [(2, True)]


def test_rows_are_checked_against_one_events_index_per_import(
        contest: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from imc_desktop.services.events import importing as import_events

    built: list[int] = []
    looked_up: list[int] = []

    class CountedEvents(import_events._Events):
        def __init__(self, s: Any) -> None:
            built.append(1)
            super().__init__(s)

    references = import_events.organization_references
    monkeypatch.setattr(import_events, "_Events", CountedEvents)
    monkeypatch.setattr(import_events, "organization_references",
                        lambda: looked_up.append(1) or references())
    rows = [[i, "Семинар", None, f"Участник{i} Иван", "", "", "", "", None, None]
            for i in range(1, 5)]
    path = write_xlsx(tmp_path / "семинар.xlsx", [HEADER, *rows])
    first = preview_of(path)
    assert [r.ok for r in first.rows] == [False] * 4 and len(built) == 1 and looked_up == []
    seminar = events.save_event(EventData(kind="семинар", title="Семинар",
                                          starts_at=datetime(2026, 3, 1, 10),
                                          ends_at=datetime(2026, 3, 1, 12)))
    assert [r.ok for r in preview_of(path).rows] == [True] * 4 and len(built) == 2
    events.save_event(replace(events.get_event(seminar), title="Семинар-практикум"))
    assert [r.ok for r in preview_of(path).rows] == [False] * 4 and len(built) == 3
