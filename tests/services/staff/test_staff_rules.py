"""стаж arithmetic across month ends and leap years; the КПК rule at its boundaries."""

from __future__ import annotations

from datetime import date

import pytest

from imc_desktop.services.staff import rules as r

RULES = r.StaffRules()


@pytest.mark.parametrize(("start", "end", "months"), [
    (date(2024, 1, 31), date(2024, 2, 29), 1),   # to the last day of a shorter month
    (date(2023, 1, 31), date(2023, 2, 28), 1),
    (date(2023, 1, 31), date(2023, 2, 27), 0),
    (date(2024, 2, 29), date(2025, 2, 28), 12),  # leap day to the next year's last Feb day
    (date(2024, 2, 29), date(2025, 2, 27), 11),
    (date(2020, 3, 15), date(2020, 3, 14), 0),
    (date(2020, 3, 15), date(2021, 3, 15), 12),
    (date(2020, 3, 15), date(2021, 3, 14), 11),
    (date(2024, 5, 1), date(2024, 5, 1), 0),
])
def test_full_months_between(start: date, end: date, months: int) -> None:
    assert r.full_months_between(start, end) == months


def test_add_years_from_a_leap_day() -> None:
    assert r.add_years(date(2024, 2, 29), 1) == date(2025, 2, 28)
    assert r.add_years(date(2024, 2, 29), 4) == date(2028, 2, 29)
    assert r.add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert r.add_months(date(2025, 3, 31), -1) == date(2025, 2, 28)


def test_experience_grows_from_a_value_on_a_date() -> None:
    assert r.experience_on(10, 11, date(2024, 9, 1), date(2024, 10, 1)) == (11, 0)
    assert r.experience_on(10, 11, date(2024, 9, 1), date(2024, 9, 30)) == (10, 11)
    assert r.experience_on(0, 0, date(2020, 8, 31), date(2026, 2, 28)) == (5, 6)
    assert r.experience_start(5, 6, date(2026, 2, 28)) == date(2020, 8, 28)
    assert r.format_experience(12, 3) == "12 л. 3 мес."


def test_age_on_birthdays() -> None:
    assert r.age_on(date(1990, 2, 28), date(2025, 2, 27)) == 34
    assert r.age_on(date(1990, 2, 28), date(2025, 2, 28)) == 35
    assert r.age_on(date(2004, 2, 29), date(2022, 2, 28)) == 18


@pytest.mark.parametrize(("last", "hired", "today", "status", "due"), [
    # the 3-year term includes its last day: a course is «пройдены» on the same date three
    # years later (as the СЗД submission counts it), overdue the day after
    (date(2023, 5, 20), None, date(2026, 5, 19), r.KPK_OK, date(2026, 5, 20)),
    (date(2023, 5, 20), None, date(2026, 5, 20), r.KPK_OK, date(2026, 5, 20)),
    (date(2023, 5, 20), None, date(2026, 5, 21), r.KPK_OVERDUE, date(2026, 5, 20)),
    (date(2021, 2, 28), None, date(2024, 2, 28), r.KPK_OK, date(2024, 2, 28)),
    (date(2021, 2, 28), None, date(2024, 2, 29), r.KPK_OVERDUE, date(2024, 2, 28)),
    (date(2020, 2, 29), None, date(2023, 2, 28), r.KPK_OK, date(2023, 2, 28)),
    (date(2020, 2, 29), None, date(2023, 3, 1), r.KPK_OVERDUE, date(2023, 2, 28)),
    # no course: hired less than 3 years ago → «нет КПК» with the date it becomes due,
    # the last day of the term included
    (None, date(2024, 9, 1), date(2026, 11, 26), r.KPK_NOT_YET, date(2027, 9, 1)),
    (None, date(2023, 9, 1), date(2026, 8, 31), r.KPK_NOT_YET, date(2026, 9, 1)),
    (None, date(2023, 9, 1), date(2026, 9, 1), r.KPK_NOT_YET, date(2026, 9, 1)),
    (None, date(2023, 9, 1), date(2026, 9, 2), r.KPK_OVERDUE, date(2026, 9, 1)),
    # no course and no hire date: nobody slips through
    (None, None, date(2026, 11, 26), r.KPK_OVERDUE, None),
])
def test_kpk_status_at_its_boundaries(last: date | None, hired: date | None, today: date,
                                      status: str, due: date | None) -> None:
    assert r.kpk_status(last, hired, today, 3) == (status, due)


def test_kpk_period_is_a_setting() -> None:
    assert r.kpk_status(date(2022, 1, 10), None, date(2026, 1, 9), 5) == (
        r.KPK_OK, date(2027, 1, 10))


@pytest.mark.parametrize(("birth", "graduated", "started", "today", "young"), [
    (date(2000, 3, 1), 2022, date(2022, 9, 1), date(2024, 9, 1), True),
    (date(2000, 3, 1), 2022, date(2022, 9, 1), date(2025, 9, 1), False),  # 3 years ran out
    (date(2000, 3, 1), 2020, date(2022, 9, 1), date(2023, 9, 1), False),  # started too late
    (date(1989, 3, 1), 2023, date(2023, 9, 1), date(2024, 3, 1), False),  # 35 already
    (date(1989, 3, 2), 2023, date(2023, 9, 1), date(2024, 3, 1), True),   # 34 that day
    (None, 2023, date(2023, 9, 1), date(2024, 3, 1), False),
])
def test_young_specialist(birth: date | None, graduated: int, started: date, today: date,
                          young: bool) -> None:
    assert r.is_young_specialist(birth, graduated, started, today, RULES) is young


# ---------------------------------------------------------------- the main job

def _job(job_type: str = r.MAIN_JOB, hired: date | None = date(2015, 9, 1),
         left: date | None = None) -> r.JobDates:
    return r.JobDates(job_type, hired, left)


def test_main_job_constant_is_the_first_job_type() -> None:
    from models.staff import JOB_TYPES

    assert r.MAIN_JOB == JOB_TYPES[0]
    assert r.is_main_job(JOB_TYPES[0]) and not r.is_main_job(JOB_TYPES[1])


def test_main_job_boundary_cases() -> None:
    main, side = _job(), _job("внешнее совместительство", date(2020, 1, 1))
    assert r.main_job([]) is None
    assert r.main_job([_job(left=date(2020, 1, 1))]) is None  # every job left
    assert r.main_job([side]) is side  # only a совместительство: that one
    assert r.main_job([side, main]) is main  # the main one before a later second job
    later_main = _job(hired=date(2022, 9, 1))
    assert r.main_job([main, later_main]) is later_main  # a transfer not closed: the newer
    undated = _job(hired=None)
    assert r.main_job([undated, main]) is main  # no hire date counts as the oldest
    assert r.main_job([undated]) is undated
    left_main = _job(hired=date(2024, 1, 1), left=date(2025, 1, 1))
    assert r.main_job([left_main, side]) is side


def test_main_job_on_a_date() -> None:
    old = _job(hired=date(2010, 9, 1), left=date(2019, 8, 31))
    new = _job(hired=date(2019, 9, 1))
    assert r.main_job([old, new], on=date(2015, 1, 1)) is old
    assert r.main_job([old, new], on=date(2019, 8, 31)) is old  # the last day counts
    assert r.main_job([old, new], on=date(2019, 9, 1)) is new
    assert r.main_job([old, new], on=date(2005, 1, 1)) is None


@pytest.mark.parametrize(("kind", "hours", "short"), [
    ("ПК", 16, True), ("ПК", 71, True), ("ПК", 72, False), ("ПК", 15, False),
    ("ПК", None, False), ("ПП", 20, False)])
def test_a_short_course_is_noted_between_the_law_and_the_usual_hours(
        kind: str, hours: int | None, short: bool) -> None:
    assert r.is_short_course(kind, hours, RULES) is short
