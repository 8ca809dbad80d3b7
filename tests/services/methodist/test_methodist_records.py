"""The methodist's journal services on a real SQLite file: save, read back, refuse bad input."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from imc_desktop import clock
from imc_desktop.services.common.errors import ValidationFailed
from imc_desktop.services.methodist import records, write
from imc_desktop.services.methodist.records import (
    ConsultationData,
    MethodistRow,
    PlanItemData,
    VisitData,
)
from tests.services.events.events_helpers import people

TODAY = date(2026, 11, 20)


@pytest.fixture
def ids(database: object) -> dict[str, str]:
    return people()


def _consultation(ids: dict[str, str], **changes: object) -> ConsultationData:
    base = ConsultationData(held_on=date(2026, 11, 10), methodist_id=ids["Орлова"],
                            person_id=ids["Иванова"], organization_id=ids["СОШ № 1"],
                            category="аттестация", topic="Портфолио на первую категорию",
                            minutes=30, result="Даны рекомендации")
    return replace(base, **changes)  # type: ignore[arg-type]


def test_a_consultation_is_saved_and_read_back_with_names(ids: dict[str, str]) -> None:
    with clock.fixed(TODAY):
        new_id = write.save_consultation(_consultation(ids))
    [row] = records.consultations(date(2026, 11, 1), date(2026, 11, 30))
    assert row.id == new_id
    assert row.methodist == "Орлова Ольга Ивановна"
    assert row.whom == "Иванова Анна Ивановна"
    assert row.organization == "СОШ № 1"
    assert (row.category, row.minutes) == ("аттестация", 30)
    assert records.consultations(date(2026, 11, 11), date(2026, 11, 30)) == []
    assert records.consultations(methodist_id=ids["Иванова"]) == []


def test_a_consultation_to_whom_free_text_needs_no_pedagogue(ids: dict[str, str]) -> None:
    with clock.fixed(TODAY):
        write.save_consultation(_consultation(
            ids, person_id=None, organization_id=None, whom_text="Родители 4 класса",
            form="групповая", participants=12))
    [row] = records.consultations()
    assert row.whom == "Родители 4 класса" and row.participants == 12


@pytest.mark.parametrize(("changes", "field"), [
    ({"held_on": None}, "held_on"),
    ({"held_on": date(2026, 11, 21)}, "held_on"),          # tomorrow: not yet
    ({"methodist_id": None}, "methodist_id"),
    ({"person_id": None, "organization_id": None, "whom_text": "  "}, "whom_text"),
    ({"topic": " "}, "topic"),
    ({"category": "погода"}, "category"),
    ({"minutes": 0}, "minutes"),
    ({"minutes": 601}, "minutes"),
    ({"participants": 3}, "participants"),                 # individual, three people
    ({"form": "групповая", "participants": 0}, "participants"),
])
def test_a_bad_consultation_is_refused_naming_the_field(
        ids: dict[str, str], changes: dict[str, object], field: str) -> None:
    with clock.fixed(TODAY), pytest.raises(ValidationFailed) as caught:
        write.save_consultation(_consultation(ids, **changes))
    assert field in caught.value.problems
    assert records.consultations() == []


def test_the_boundaries_of_a_consultation_are_accepted(ids: dict[str, str]) -> None:
    with clock.fixed(TODAY):
        write.save_consultation(_consultation(ids, held_on=TODAY, minutes=600))
        write.save_consultation(_consultation(ids, minutes=1, form="групповая",
                                              participants=1000))
    assert len(records.consultations()) == 2


def _lesson(ids: dict[str, str], **changes: object) -> VisitData:
    base = VisitData(visited_on=date(2026, 11, 12), methodist_id=ids["Орлова"],
                     organization_id=ids["СОШ № 1"], purpose="Методическая помощь",
                     person_id=ids["Иванова"], class_name="7Б", subject="Математика",
                     lesson_topic="Линейная функция",
                     marks="Цель урока достигнута=2\nОбратная связь=1",
                     recommendations="Шире использовать самопроверку")
    return replace(base, **changes)  # type: ignore[arg-type]


def test_a_lesson_observation_keeps_its_marks_and_level(ids: dict[str, str]) -> None:
    with clock.fixed(TODAY):
        visit_id = write.save_visit(_lesson(ids))
    row = records.get_visit(visit_id)
    assert row is not None
    assert (row.person, row.organization, row.class_name) == (
        "Иванова Анна Ивановна", "СОШ № 1", "7Б")
    assert row.percent == 75.0 and row.level == "достаточный"


@pytest.mark.parametrize(("changes", "field"), [
    ({"organization_id": None}, "organization_id"),
    ({"person_id": None}, "person_id"),
    ({"subject": ""}, "subject"),
    ({"marks": "Цель=3"}, "marks"),
    ({"marks": "Цель=1\nЦель=2"}, "marks"),
    ({"kind": "выезд в ОО", "purpose": ""}, "purpose"),
    ({"visited_on": date(2026, 12, 1)}, "visited_on"),
])
def test_a_bad_visit_is_refused_naming_the_field(
        ids: dict[str, str], changes: dict[str, object], field: str) -> None:
    with clock.fixed(TODAY), pytest.raises(ValidationFailed) as caught:
        write.save_visit(_lesson(ids, **changes))
    assert field in caught.value.problems
    assert records.visits() == []


def test_a_visit_to_an_ou_needs_no_lesson(ids: dict[str, str]) -> None:
    with clock.fixed(TODAY):
        write.save_visit(_lesson(ids, kind="выезд в ОО", person_id=None, subject="",
                                 marks="", purpose="Изучение методической работы ОО"))
    [row] = records.visits()
    assert row.percent is None and row.level == ""


def test_a_plan_item_is_done_by_its_visit_or_by_hand(ids: dict[str, str]) -> None:
    with clock.fixed(TODAY):
        visit_id = write.save_visit(_lesson(ids))
    november = date(2026, 11, 1)
    write.save_plan_item(PlanItemData(methodist_id=ids["Орлова"], month=date(2026, 11, 17),
                                      planned_on=date(2026, 11, 12), kind="посещение",
                                      title="Посещение уроков математики", visit_id=visit_id))
    write.save_plan_item(PlanItemData(methodist_id=ids["Орлова"], month=november,
                                      kind="другое", title="Отчёт о работе РМО"))
    rows = records.plan(november, date(2026, 11, 30))
    assert [r.month for r in rows] == [november, november]  # stored as the first day
    assert {r.title: r.done for r in rows} == {"Посещение уроков математики": True,
                                               "Отчёт о работе РМО": False}
    other = next(r for r in rows if not r.done)
    write.save_plan_item(replace(other, done_by_hand=True), other)
    assert all(r.done for r in records.plan(november, date(2026, 11, 30)))
    assert records.plan(date(2026, 12, 1), date(2026, 12, 31)) == []


def test_a_plan_item_dated_outside_its_month_is_refused(ids: dict[str, str]) -> None:
    with pytest.raises(ValidationFailed) as caught:
        write.save_plan_item(PlanItemData(methodist_id=ids["Орлова"], month=date(2026, 11, 1),
                                          planned_on=date(2026, 12, 1), title="Семинар"))
    assert "planned_on" in caught.value.problems
    assert records.plan() == []


def test_methodists_are_the_profiles_else_the_position(ids: dict[str, str]) -> None:
    assert records.methodist_choices() == [(ids["Орлова"], "Орлова Ольга Ивановна")]
    write.save_methodist(MethodistRow(person_id=ids["Петров"], subjects="физика; ; астрономия",
                                      organization_ids=(ids["СОШ № 1"],),
                                      associations="РМО учителей физики"))
    [row] = records.methodists()
    assert (row.name, row.subjects, row.organizations) == (
        "Петров Пётр Ивановна", "физика; астрономия", "СОШ № 1")
    assert records.methodist_choices() == [(ids["Петров"], "Петров Пётр Ивановна")]
    with pytest.raises(ValidationFailed, match="уже в списке"):
        write.save_methodist(MethodistRow(person_id=ids["Петров"]))


def test_people_are_picked_with_their_ou(ids: dict[str, str]) -> None:
    picks = {p.id: p for p in records.person_picks()}
    assert picks[ids["Сидорова"]].label == "Сидорова Ёлка Ивановна — СОШ № 2"
    assert picks[ids["Сидорова"]].organization_id == ids["СОШ № 2"]


def test_deleting_a_visit_leaves_its_plan_item_not_done(ids: dict[str, str]) -> None:
    with clock.fixed(TODAY):
        visit_id = write.save_visit(_lesson(ids))
    write.save_plan_item(PlanItemData(methodist_id=ids["Орлова"], month=date(2026, 11, 1),
                                      kind="посещение", title="Посещение", visit_id=visit_id))
    assert write.delete_visits([visit_id]) == 1
    [item] = records.plan()
    assert item.visit_id is None and not item.done
