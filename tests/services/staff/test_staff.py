"""The staff services: the card round trip, validation, duplicates, change log, cohorts, list."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from imc_desktop.services.common.errors import InUse, ValidationFailed
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.organizations import records as orgs
from imc_desktop.services.staff import records as staff
from imc_desktop.services.staff import rules
from imc_desktop.services.staff import write as sw
from tests.rules import RULES
from tests.services.organizations.test_organizations import SCHOOL

TODAY = date(2026, 11, 26)


@pytest.fixture
def school(database: DatabaseInfo) -> str:
    return orgs.save_organization(SCHOOL)


def teacher(org_id: str, **changes: object) -> staff.PersonCard:
    card = staff.PersonCard(
        last_name="Смирнова", first_name="Ольга", middle_name="Петровна", sex="ж",
        birth_date=date(1985, 3, 12), snils="112-233-445 95", phone="+7 912 345-67-89",
        employments=(staff.EmploymentData(organization_id=org_id, position="учитель",
                                          subjects=("математика", "информатика"), load=1.0,
                                          hired_on=date(2010, 9, 1),
                                          appointed_on=date(2010, 9, 1)),),
        educations=(staff.EducationData(level="высшее", is_pedagogical=True, year=2007,
                                        institution="ТГПИ им. Д.И. Менделеева"),),
        experiences=(staff.ExperienceData(kind="педагогический", years=15, months=2,
                                          as_of=date(2025, 1, 1)),),
        courses=(staff.CourseData(kind="ПК", program="Функциональная грамотность",
                                  provider="ТОГИРРО", end_date=date(2024, 4, 20), hours=72),),
    )
    return replace(card, **changes)  # type: ignore[arg-type]


def test_card_round_trip_keeps_every_tab(school: str) -> None:
    card = teacher(school, awards=(staff.AwardData(level="муниципальная",
                                                   name="Почётная грамота"),))
    person_id = sw.save_person(card, RULES, TODAY)
    saved = staff.get_person(person_id)
    assert saved.snils == "11223344595"
    assert saved.employments[0].subjects == ("математика", "информатика")
    assert saved.employments[0].organization_name == SCHOOL.short_name
    assert saved.courses[0].hours == 72 and saved.awards[0].name == "Почётная грамота"
    assert saved.experiences[0].years == 15
    again = sw.save_person(replace(saved, phone="+7 912 000-00-00"), RULES, TODAY)
    assert again == person_id
    assert len(staff.get_person(person_id).courses) == 1, "children are updated, not doubled"


def test_list_row_computes_experience_courses_and_masks(school: str) -> None:
    sw.save_person(teacher(school), RULES, TODAY)
    [row] = staff.list_staff(RULES, TODAY)
    assert row.full_name == "Смирнова Ольга Петровна"
    assert row.organization == SCHOOL.short_name and row.position == "учитель"
    assert (row.ped_years, row.ped_months) == (17, 0)  # 15 y 2 m + 22 months
    assert row.ped_experience == "17 л. 0 мес."
    assert row.last_course_end == date(2024, 4, 20)
    assert (row.kpk_status, row.kpk_due) == (rules.KPK_OK, date(2027, 4, 20))
    assert row.snils_masked == "***-***-445 **"
    assert "112" not in row.snils_masked
    assert row.education == "высшее, педагогическое"
    assert staff.personal_numbers([row.id], "проверка") == {row.id: ("112-233-445 95", "")}
    [view] = sw.personal_data_views()
    assert view.new_value == "1 чел. проверка" and view.user_name


@pytest.mark.parametrize(("changes", "field", "fragment"), [
    ({"snils": "112-233-445 96"}, "snils", "СНИЛС"),
    ({"inn": "123456789048"}, "inn", "ИНН"),
    ({"last_name": ""}, "last_name", "фамилию"),
    ({"first_name": "Ольга1"}, "first_name", "буквы"),
    ({"birth_date": date(2015, 1, 1)}, "birth_date", "возраст"),
    ({"birth_date": None}, "birth_date", "дату рождения"),
    ({"email": "olga@"}, "email", "почты"),
])
def test_main_fields_are_validated(school: str, changes: dict[str, object], field: str,
                                   fragment: str) -> None:
    problems = sw.validate_person(teacher(school, **changes), RULES, TODAY)
    assert field in problems and fragment in problems[field]


def test_nested_problems_name_the_record(school: str) -> None:
    card = teacher(school)
    bad_job = replace(card.employments[0], hired_on=date(1999, 1, 1),
                      appointed_on=date(1998, 1, 1))
    short = replace(card.courses[0], hours=10)
    retraining = replace(card.courses[0], kind="ПП", hours=120)
    later = replace(card.courses[0], start_date=date(2024, 5, 1))
    problems = sw.validate_person(replace(card, employments=(bad_job,),
                                          courses=(short, retraining, later)), RULES, TODAY)
    assert "16-летия" in problems["employments.0.hired_on"]
    assert "раньше приёма" in problems["employments.0.appointed_on"]
    assert "16 ч" in problems["courses.0.hours"]
    assert "250 ч" in problems["courses.1.hours"]
    assert "позже" in problems["courses.2.start_date"]


def test_a_pedagogue_needs_a_current_job(school: str) -> None:
    card = teacher(school, employments=())
    assert "employments" in sw.validate_person(card, RULES, TODAY)
    with pytest.raises(ValidationFailed):
        sw.save_person(card, RULES, TODAY)
    assert staff.list_staff(RULES, TODAY) == []


def test_minimum_hours_are_settings(school: str) -> None:
    course = replace(teacher(school).courses[0], hours=20)
    assert sw.check_course(course, RULES, TODAY) == {}
    stricter = replace(RULES, staff=rules.StaffRules(min_hours_pk=36))
    assert "hours" in sw.check_course(course, stricter, TODAY)


def test_duplicates_by_snils_or_name_and_birth_date(school: str) -> None:
    sw.save_person(teacher(school), RULES, TODAY)
    same_snils = teacher(school, last_name="Иванова")
    assert [d.reason for d in sw.find_duplicates(same_snils)] == ["тот же СНИЛС"]
    same_person = teacher(school, snils="")
    assert [d.reason for d in sw.find_duplicates(same_person)] == [
        "те же ФИО и дата рождения"]
    other = teacher(school, snils="", birth_date=date(1986, 3, 12))
    assert sw.find_duplicates(other) == []


def test_change_log_records_who_and_what(school: str) -> None:
    person_id = sw.save_person(teacher(school), RULES, TODAY)
    card = staff.get_person(person_id)
    sw.save_person(replace(card, phone="+7 912 111-11-11", snils="",
                           courses=card.courses[1:]), RULES, TODAY)
    log = sw.change_log(person_id)
    actions = {(e.table, e.action, e.field) for e in log}
    assert ("persons", "изменение", "phone") in actions
    assert ("courses", "удаление", "program") in actions
    removed = next(e for e in log if e.action == "удаление" and e.field == "program")
    assert removed.old_value == "Функциональная грамотность" and removed.new_value == ""
    assert ("persons", "создание", "last_name") in actions
    snils = next(e for e in log if e.field == "snils" and e.action == "изменение")
    assert snils.old_value == "***" and snils.new_value == ""
    assert all(e.user_name and e.workstation for e in log)


def test_cohort_course_for_many(school: str) -> None:
    first = sw.save_person(teacher(school), RULES, TODAY)
    second = sw.save_person(teacher(school, last_name="Кузнецова", snils=""), RULES, TODAY)
    course = staff.CourseData(kind="ПК", program="Разговоры о важном", end_date=date(2026, 3, 1),
                              hours=36)
    assert sw.add_course_to_many([first, second], course, RULES) == 2
    assert all(len(staff.get_person(p).courses) == 2 for p in (first, second))
    with pytest.raises(ValidationFailed):
        sw.add_course_to_many([first], replace(course, hours=None), RULES)
    assert len(staff.get_person(first).courses) == 2


def test_delete_person_and_the_ou_refusal(school: str) -> None:
    person_id = sw.save_person(teacher(school), RULES, TODAY)
    with pytest.raises(InUse, match="педагоги: 1"):
        orgs.delete_organization(school)
    sw.delete_person(person_id)
    assert staff.list_staff(RULES, TODAY) == []
    assert any(e.action == "удаление" for e in sw.change_log(person_id))
    orgs.delete_organization(school)


def test_demo_staff_is_valid_and_varied(demo_database: DatabaseInfo) -> None:
    rows = staff.list_staff(RULES)
    assert len(rows) == 150
    statuses = {r.kpk_status for r in rows}
    assert statuses == {rules.KPK_OK, rules.KPK_OVERDUE, rules.KPK_NOT_YET}
    sample = [staff.get_person(r.id) for r in rows[:25]]
    assert all(sw.validate_person(card, RULES) == {} for card in sample)
