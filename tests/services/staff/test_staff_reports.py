"""The staff reports on real SQLite: кадровый состав, курсы, КПК по году, статистика кадров."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from exports import Report, ReportTable
from exports.layout import totals_row
from imc_desktop import config
from imc_desktop.db import session_scope
from imc_desktop.services.common import reports
from imc_desktop.services.common.errors import ServiceError
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.common.rules import Rules
from imc_desktop.services.organizations import records as orgs
from imc_desktop.services.staff import records as staff
from imc_desktop.services.staff import report_data as data
from imc_desktop.services.staff import reports as defs
from imc_desktop.services.staff import write as sw
from imc_desktop.services.staff.rules import MAIN_JOB
from models import Course
from tests.rules import RULES
from tests.services.organizations.test_organizations import SCHOOL

TODAY = date.today()
YEAR = TODAY.year


def lists(report: Report) -> list[ReportTable]:
    """The per-ОО tables (the summary by ОО left out)."""
    return [t for t in report.tables if t.title != data.SUMMARY_TITLE]


def summary(report: Report) -> ReportTable:
    return next(t for t in report.tables if t.title == data.SUMMARY_TITLE)


def titles(table: ReportTable) -> list[str]:
    return [c.title for c in table.columns]


def cells(report: Report, title: str) -> list[tuple[str, object]]:
    """(ОО, the cell of the column `title`) for every row of the per-ОО tables."""
    out: list[tuple[str, object]] = []
    for table in lists(report):
        i = titles(table).index(title)
        out += [(table.title, row[i]) for row in table.rows]
    return out


# ---------------------------------------------------------------- кадровый состав ОО

def test_staff_lists_every_pedagogue_in_the_ou_of_the_main_job(
        demo_database: DatabaseInfo, settings: config.Settings) -> None:
    report = reports.build("staff-by-organization", {}, settings)
    people = staff.list_staff(RULES, TODAY)
    assert Counter(cells(report, "ФИО")) == Counter((p.organization, p.full_name) for p in people)
    first = lists(report)[0]
    assert titles(first) == ["№", "ФИО", "Должность", "Предметы", "Категория", "Пед. стаж",
                             "Образование", "Возраст", "Последние КПК"]
    for table in lists(report):
        assert [row[0] for row in table.rows] == list(range(1, len(table.rows) + 1))
        names = [data.name_key(str(row[1])) for row in table.rows]
        assert names == sorted(names), "ordered by ФИО"
    by_ou = {row[0]: row[1] for row in summary(report).rows}
    assert by_ou == dict(Counter(p.organization for p in people))
    assert totals_row(summary(report), summary(report).rows, "total").values[1] == len(people)
    assert "ОО: все" in report.params_line and f"Педагогов: {len(people)}" in report.params_line
    assert "СНИЛС" not in " ".join(titles(first))


def test_staff_columns_and_one_ou(demo_database: DatabaseInfo,
                                  settings: config.Settings) -> None:
    school = next(o for o in orgs.list_organizations() if o.kind == "школа")
    report = reports.build("staff-by-organization", {
        "org": school.short_name, "columns": "должность, Дата рождения,ВОЗРАСТ,молодой"},
        settings)
    (table,) = report.tables
    assert table.title == school.short_name
    assert titles(table) == ["№", "ФИО", "Должность", "Дата рождения", "Возраст",
                             "Молодой специалист"]
    people = [p for p in staff.list_staff(RULES, TODAY) if p.organization_id == school.id]
    assert Counter(tuple(row[1:]) for row in table.rows) == Counter(
        (p.full_name, p.position, p.birth_date, p.age, "да" if p.is_young else "")
        for p in people)
    assert report.is_landscape is False


def test_unknown_column_is_named_with_the_allowed_ones(demo_database: DatabaseInfo,
                                                       settings: config.Settings) -> None:
    with pytest.raises(ServiceError, match=r"«columns».*«телефон».*Допустимые: фио, должность"):
        reports.build("staff-by-organization", {"columns": "фио,телефон"}, settings)


def test_columns_that_cannot_fit_a_page_are_refused(demo_database: DatabaseInfo,
                                                    settings: config.Settings) -> None:
    every = ",".join(f.key for f in defs.FIELDS)
    with pytest.raises(ServiceError, match="«columns».*не помещаются на лист A4"):
        reports.build("staff-by-organization", {"columns": every, "personal": "да"}, settings)
    report = reports.build("staff-by-organization", {"columns": "фио,должность,снилс,инн",
                                                     "personal": "да"}, settings)
    assert report.is_landscape is False


def test_snils_only_with_personal_data_allowed(demo_database: DatabaseInfo,
                                               settings: config.Settings) -> None:
    with pytest.raises(ServiceError, match="СНИЛС.*personal=да"):
        reports.build("staff-by-organization", {"columns": "фио,снилс,инн"}, settings)
    report = reports.build("staff-by-organization",
                           {"columns": "фио,снилс,инн", "personal": "да"}, settings)
    assert titles(lists(report)[0]) == ["№", "ФИО", "СНИЛС", "ИНН"]
    people = staff.list_staff(RULES, TODAY)
    numbers = staff.personal_numbers(p.id for p in people)
    shown = Counter((str(row[1]), row[2], row[3]) for t in lists(report) for row in t.rows)
    assert shown == Counter((p.full_name, *numbers[p.id]) for p in people)
    assert all(re.fullmatch(r"\d{3}-\d{3}-\d{3} \d{2}", str(snils)) for _, snils, _ in shown)
    assert "персональные данные" in report.params_line


# ---------------------------------------------------------------- курсовая подготовка

def test_courses_are_those_ending_in_the_period_with_hours(
        demo_database: DatabaseInfo, settings: config.Settings) -> None:
    first, last = date(YEAR - 1, 1, 1), date(YEAR - 1, 12, 31)
    with session_scope() as s:
        period = (Course.end_date >= first, Course.end_date <= last)
        count = s.scalar(select(func.count(Course.id)).where(*period))
        hours = s.scalar(select(func.sum(Course.hours)).where(*period))
    report = reports.build("courses", {"from": f"01.01.{YEAR - 1}",
                                       "to": f"31.12.{YEAR - 1}"}, settings)
    assert count and len(cells(report, "ФИО")) == count
    assert sum(int(str(h)) for _, h in cells(report, "Часов")) == hours
    table = summary(report)
    assert totals_row(table, table.rows, "total").values[1:] == (
        count, len({n for n in cells(report, "ФИО")}), hours)
    for ou_table in lists(report):
        assert totals_row(ou_table, ou_table.rows, "total").values[8] == sum(
            int(str(r[8])) for r in ou_table.rows)
    ends = [str(d).split("–\n")[-1] for _, d in cells(report, "Даты")]
    assert all(d.endswith(str(YEAR - 1)) for d in ends)
    assert f"с 01.01.{YEAR - 1} по 31.12.{YEAR - 1}" in report.params_line


def test_courses_of_one_ou_and_a_wrong_period(demo_database: DatabaseInfo,
                                              settings: config.Settings) -> None:
    everything = reports.build("courses", {"from": "01.01.2000"}, settings)
    ou = lists(everything)[0].title
    org_id = next(o.id for o in orgs.list_organizations() if o.short_name == ou)
    one = reports.build("courses", {"from": "01.01.2000", "org": str(org_id)}, settings)
    assert [t.title for t in one.tables] == [ou]
    assert one.tables[0].rows == lists(everything)[0].rows
    with pytest.raises(ServiceError, match="«from».*позже"):
        reports.build("courses", {"from": "01.02.2025", "to": "01.01.2025"}, settings)
    with pytest.raises(ServiceError, match="«to».*не дата"):
        reports.build("courses", {"to": "32.13.2025"}, settings)


def test_course_document_and_job_on_the_date() -> None:
    assert data.document_text("удостоверение", "АБ", "123456", "77") == (
        "удостоверение серия АБ № 123456, рег. № 77")
    assert data.document_text("диплом", "", "", "") == "диплом"
    assert data.education_short(("среднее профессиональное", True)) == "СПО, пед."
    assert data.education_short(("высшее", False)) == "высшее"
    assert data.education_short(None) == ""
    old = data.Job("p", "o1", "Старая", "учитель", MAIN_JOB, "", date(2010, 9, 1),
                   date(2020, 6, 30))
    new = data.Job("p", "o2", "Новая", "методист", MAIN_JOB, "", date(2020, 9, 1), None)
    assert data.job_on([old, new], date(2019, 5, 1)) is old
    assert data.job_on([old, new], date(2024, 5, 1)) is new
    assert data.job_on([old, new], date(2020, 8, 1)) is new, "between jobs: the current one"
    assert defs.dates_text(date(2025, 3, 10), date(2025, 3, 14)) == "10.03.2025–\n14.03.2025"


# ---------------------------------------------------------------- КПК в году N

def test_kpk_due_lists_exactly_those_due_by_the_end_of_the_year(
        demo_database: DatabaseInfo, settings: config.Settings) -> None:
    report = reports.build("kpk-due", {}, settings)
    assert report.title == f"Педагоги, которым необходимо пройти КПК в {YEAR} году"
    people = staff.list_staff(Rules.from_settings(settings), TODAY)
    due = [p for p in people if p.kpk_due is None or p.kpk_due <= date(YEAR, 12, 31)]
    assert due and len(due) < len(people)
    assert Counter(cells(report, "ФИО")) == Counter((p.organization, p.full_name) for p in due)
    shown = Counter((t.title, *row[1:]) for t in lists(report) for row in t.rows)
    assert shown == Counter((p.organization, p.full_name, p.position, p.last_course_end,
                             p.kpk_due, _status(p.kpk_status)) for p in due)
    later = reports.build("kpk-due", {"year": str(YEAR + 1)}, settings)
    assert len(cells(later, "ФИО")) > len(due)
    assert {s for _, s in cells(later, "Статус")} <= {
        "просрочены", "нет КПК", f"в {YEAR} году", f"в {YEAR + 1} году"}


def _status(kpk_status: str) -> str:
    return {"просрочены": "просрочены", "нет КПК": "нет КПК"}.get(kpk_status, f"в {YEAR} году")


def test_kpk_period_comes_from_the_settings(demo_database: DatabaseInfo,
                                            settings: config.Settings) -> None:
    three = len(cells(reports.build("kpk-due", {}, settings), "ФИО"))
    settings.set(config.KPK_PERIOD_YEARS, 5)
    report = reports.build("kpk-due", {}, settings)
    assert "не реже одного раза в 5 лет" in report.params_line
    assert len(cells(report, "ФИО")) < three
    with pytest.raises(ServiceError, match="«year»"):
        reports.build("kpk-due", {"year": "20"}, settings)


# ---------------------------------------------------------------- статистика кадров

def test_stats_groups_add_up_in_every_row_and_in_the_total(
        demo_database: DatabaseInfo, settings: config.Settings) -> None:
    report = reports.build("staff-stats", {}, settings)
    experience, age, education = report.tables
    people = staff.list_staff(RULES, TODAY)
    for table in report.tables:
        assert sum(int(str(r[1])) for r in table.rows) == len(people) == 150
        sums = totals_row(table, table.rows, "total").values
        assert sums[0] == "Всего"
        assert list(sums[1:]) == [sum(int(str(r[i])) for r in table.rows)
                                   for i in range(1, len(table.columns))]
    for row in [*experience.rows, *age.rows]:
        assert row[1] == sum(int(str(x)) for x in row[2:])
    for row in education.rows:
        total, higher, higher_ped, spo, spo_ped, other, top, first, none, young = (
            int(str(x)) for x in row[1:])
        assert total == higher + spo + other == top + first + none
        assert higher_ped <= higher and spo_ped <= spo and young <= total
    assert sum(int(str(r[2])) for r in experience.rows) == sum(
        1 for p in people if p.ped_years is not None and p.ped_years < 3)
    assert titles(age)[2:] == ["До 25", "25–29", "30–34", "35–39", "40–44", "45–49", "50–54",
                               "55–59", "60–64", "65 и старше", "Не указан"]
    assert report.is_landscape


def _card(org_id: str, last: str, birth: date, years: int | None, months: int = 0,
          on: date = date(2025, 9, 1)) -> staff.PersonCard:
    experiences = () if years is None else (
        staff.ExperienceData(kind="педагогический", years=years, months=months, as_of=on),)
    return staff.PersonCard(
        last_name=last, first_name="Анна", middle_name="Ивановна", birth_date=birth,
        employments=(staff.EmploymentData(organization_id=org_id, position="учитель",
                                          hired_on=date(2024, 9, 1)),),
        experiences=experiences)


def test_stats_edges_at_a_birthday_and_at_full_years(database: DatabaseInfo,
                                                     settings: config.Settings) -> None:
    org_id = orgs.save_organization(SCHOOL)
    on = date(2025, 9, 1)
    for card in (_card(org_id, "Алексеева", date(2000, 9, 1), 3),          # 25 today; 3 years
                 _card(org_id, "Борисова", date(2000, 9, 2), 2, 11),       # 24; 2 y. 11 m.
                 _card(org_id, "Васильева", date(1960, 9, 1), 20),         # 65; 20 years
                 _card(org_id, "Григорьева", date(1960, 9, 2), None)):     # 64; no стаж
        sw.save_person(card, RULES, on)
    report = reports.build("staff-stats", {"date": "01.09.2025", "age_bands": "25,30,65"},
                           settings)
    experience, age, _education = report.tables
    assert titles(age)[1:] == ["Всего", "До 25", "25–29", "30–64", "65 и старше", "Не указан"]
    assert list(age.rows[0]) == [SCHOOL.short_name, 4, 1, 1, 1, 1, 0]
    assert titles(experience)[1:] == ["Всего", "До 3", "3–5", "5–10", "10–15", "15–20",
                                      "20 и более", "Не указан"]
    assert list(experience.rows[0]) == [SCHOOL.short_name, 4, 1, 1, 0, 0, 0, 1, 1]


@pytest.mark.parametrize(("bands", "fragment"), [
    ("30,25", "должны возрастать"),
    ("25,,abc", "целые числа"),
    ("", "целые числа"),
    ("5,30", "от 14 до 100"),
])
def test_bad_age_bands_are_refused_naming_the_parameter(
        demo_database: DatabaseInfo, settings: config.Settings, bands: str,
        fragment: str) -> None:
    with pytest.raises(ServiceError, match=f"«age_bands».*{fragment}"):
        reports.build("staff-stats", {"age_bands": bands}, settings)


def test_bad_date_is_refused_naming_the_parameter(settings: config.Settings) -> None:
    with pytest.raises(ServiceError, match="«date».*не дата"):
        reports.parse_params(reports.get("staff-stats"), {"date": "31.02.2025"})


def test_grouping_helpers() -> None:
    edges = data.EXPERIENCE_EDGES
    assert [data.group_index(y, edges) for y in (0, 2, 3, 4, 5, 19, 20, 45, None)] == [
        0, 0, 1, 1, 2, 4, 5, 5, 6]
    assert data.age_band_titles((25, 26, 30)) == ("До 25", "25", "26–29", "30 и старше",
                                                  "Не указан")
    assert data.years_text(1) == "1 год" and data.years_text(3) == "3 года"
    assert data.years_text(5) == "5 лет" and data.years_text(12) == "12 лет"
    space = data.LANDSCAPE_PT
    pt = data.WEIGHT_PT
    assert data.fitted_weights([(50, 100, 200), (50, 100, 300)], space) == [200 / pt, 300 / pt]
    needs = data.fitted_weights([(100, 300, 400), (100, 100, 600)], space)
    assert needs is not None and needs[0] * pt >= 300 and needs[1] * pt >= 100
    assert abs(sum(needs) * pt - space) < 1e-6
    floors = data.fitted_weights([(300, 500, 500), (300, 300, 300)], space)
    assert floors is not None and floors[1] * pt == 300 and floors[0] * pt < 500
    assert data.fitted_weights([(500, 500, 500), (300, 300, 300)], space) is None


# ---------------------------------------------------------------- files

def _sheet_values(path: Path) -> list[object]:
    book = openpyxl.load_workbook(path)
    return [c.value for ws in book.worksheets for row in ws.iter_rows() for c in row]


@pytest.mark.parametrize(("name", "params", "kinds"), [
    ("staff-by-organization", {"columns": "фио,рождение,возраст"}, (datetime, int)),
    ("courses", {"from": "01.01.2000"}, (int,)),
    ("kpk-due", {}, (datetime,)),
    ("staff-stats", {}, (int,)),
])
def test_xlsx_cells_are_real_numbers_and_dates(
        demo_database: DatabaseInfo, settings: config.Settings, tmp_path: Path, name: str,
        params: dict[str, str], kinds: tuple[type, ...]) -> None:
    report = reports.build(name, params, settings)
    path = reports.write(report, "xlsx", tmp_path / f"{name}.xlsx", settings)
    values = _sheet_values(path)
    assert report.title in values
    for kind in kinds:
        assert any(type(v) is kind for v in values), kind


def test_stats_xlsx_total_row_is_the_district(demo_database: DatabaseInfo,
                                              settings: config.Settings,
                                              tmp_path: Path) -> None:
    report = reports.build("staff-stats", {}, settings)
    path = reports.write(report, "xlsx", tmp_path / "stats.xlsx", settings)
    sheet = openpyxl.load_workbook(path).worksheets[0]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    total = next(r for r in rows if r[0] == "Всего")
    numbers = [n for n, r in enumerate(rows, 1) if isinstance(r[1], int) and r[0] != "Всего"]
    data_rows = [rows[n - 1] for n in numbers]
    assert sum(r[1] for r in data_rows) == 150
    assert numbers == list(range(numbers[0], numbers[-1] + 1))
    letters = "BCDEFGHI"
    assert total[1:9] == [f"=SUM({c}{numbers[0]}:{c}{numbers[-1]})" for c in letters]


def test_second_jobs_are_listed_but_counted_once_and_courses_follow_the_job(
        database: DatabaseInfo, settings: config.Settings) -> None:
    first = orgs.save_organization(SCHOOL)
    second = orgs.save_organization(replace(
        SCHOOL, full_name="МАОУ «Луговая средняя общеобразовательная школа»",
        short_name="МАОУ «Луговая СОШ»", inn=""))
    card = replace(_card(first, "Алексеева", date(1980, 5, 5), 10), employments=(
        staff.EmploymentData(organization_id=second, position="учитель", hired_on=date(2005, 9, 1),
                             left_on=date(2020, 6, 30)),
        staff.EmploymentData(organization_id=first, position="учитель", subjects=("физика",),
                             hired_on=date(2020, 9, 1)),
        staff.EmploymentData(organization_id=second, position="педагог-организатор",
                             job_type="внешнее совместительство", hired_on=date(2021, 9, 1))),
        courses=(staff.CourseData(program="Физика", end_date=date(2019, 3, 1), hours=72),
                 staff.CourseData(program="Физика-2", end_date=date(2023, 3, 1), hours=36)))
    sw.save_person(card, RULES, date(2025, 9, 1))
    report = reports.build("staff-by-organization", {}, settings)
    assert cells(report, "Должность") == [
        ("МАОУ «Луговая СОШ»", "педагог-организатор (внешн. совм.)"),
        (SCHOOL.short_name, "учитель")]
    assert [list(r) for r in summary(report).rows] == [
        ["МАОУ «Луговая СОШ»", 0, 1], [SCHOOL.short_name, 1, 0]]
    assert "Педагогов: 1." in report.params_line and "совместители" in "".join(
        report.closing_paragraphs).lower()
    courses = reports.build("courses", {"from": "01.01.2019", "to": "31.12.2023"}, settings)
    assert cells(courses, "Программа") == [("МАОУ «Луговая СОШ»", "Физика"),
                                           (SCHOOL.short_name, "Физика-2")]


def test_stats_on_a_past_date_leave_out_those_hired_later(
        demo_database: DatabaseInfo, settings: config.Settings) -> None:
    on = date(2015, 9, 1)
    report = reports.build("staff-stats", {"date": "01.09.2015"}, settings)
    expected = [p for p in staff.list_staff(RULES, on) if p.hired_on is None or p.hired_on <= on]
    assert f"Педагогов: {len(expected)}." in report.params_line
    assert len(expected) < len(staff.list_staff(RULES, on))
