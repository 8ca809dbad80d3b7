"""The network's rules at their boundaries: the academic year, a member twice, a pair of one
person, decisions past their deadline and the retention of young specialists."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from imc_desktop.services.network import rules
from imc_desktop.services.staff.rules import StaffRules


class Job(NamedTuple):
    job_type: str
    hired_on: date | None
    left_on: date | None


MAIN = "основное место работы"


def test_the_academic_year_runs_from_the_first_of_september_to_the_last_of_august() -> None:
    assert rules.year_bounds(2025) == (date(2025, 9, 1), date(2026, 8, 31))
    assert rules.meeting_date_problem(date(2025, 9, 1), 2025) == ""
    assert rules.meeting_date_problem(date(2026, 8, 31), 2025) == ""
    message = rules.meeting_date_problem(date(2025, 8, 31), 2025)
    assert "31.08.2025" in message and "2025–2026" in message
    assert rules.meeting_date_problem(date(2026, 9, 1), 2025)
    assert rules.academic_year_of(date(2026, 8, 31)) == 2025
    assert rules.academic_year_of(date(2026, 9, 1)) == 2026


def test_a_member_twice_is_found_when_the_dates_meet() -> None:
    old = rules.Membership("p1", date(2025, 9, 1), date(2025, 12, 31), id="m1")
    assert rules.duplicate_member(rules.Membership("p1", None, None), [old]) == old
    assert rules.duplicate_member(rules.Membership("p1", date(2025, 12, 31), None), [old]) == old
    assert rules.duplicate_member(rules.Membership("p1", date(2026, 1, 1), None), [old]) is None
    assert rules.duplicate_member(rules.Membership("p2", None, None), [old]) is None
    assert rules.duplicate_member(rules.Membership("p1", None, None, id="m1"), [old]) is None


def test_a_pair_of_one_person_is_refused() -> None:
    assert "один и тот же" in rules.same_person_problem("p1", "p1")
    assert rules.same_person_problem("p1", "p2") == ""
    assert rules.same_person_problem(None, None) == ""


def test_a_decision_is_overdue_from_the_day_after_its_deadline_until_done() -> None:
    deadline = date(2026, 3, 10)
    assert not rules.is_overdue(deadline, None, date(2026, 3, 10))
    assert rules.is_overdue(deadline, None, date(2026, 3, 11))
    assert not rules.is_overdue(deadline, date(2026, 3, 12), date(2026, 3, 20))
    assert not rules.is_overdue(None, None, date(2026, 3, 20))


START = date(2023, 9, 1)


def test_retained_after_one_year_when_a_job_is_held_on_the_anniversary() -> None:
    today = date(2026, 12, 1)
    left_on_anniversary = [Job(MAIN, START, date(2024, 9, 1))]
    left_a_day_before = [Job(MAIN, START, date(2024, 8, 31))]
    assert rules.retained(left_on_anniversary, START, 1, today) is True
    assert rules.retained(left_a_day_before, START, 1, today) is False
    assert rules.retained([Job(MAIN, START, None)], START, 1, today) is True


def test_not_counted_before_the_anniversary_has_come() -> None:
    jobs = [Job(MAIN, START, None)]
    assert rules.retained(jobs, START, 1, date(2024, 8, 31)) is None
    assert rules.retained(jobs, START, 1, date(2024, 9, 1)) is True
    assert rules.retained(jobs, START, 3, date(2026, 8, 31)) is None
    assert rules.retained(jobs, START, 3, date(2026, 9, 1)) is True


def test_retained_after_three_years_at_its_boundary_and_through_a_move() -> None:
    today = date(2027, 1, 1)
    assert rules.retained([Job(MAIN, START, date(2026, 9, 1))], START, 3, today) is True
    assert rules.retained([Job(MAIN, START, date(2026, 8, 31))], START, 3, today) is False
    moved = [Job(MAIN, START, date(2025, 6, 30)), Job(MAIN, date(2025, 7, 1), None)]
    assert rules.retained(moved, START, 3, today) is True, "a move to another ОО keeps her"


def test_retention_counts_only_those_whose_anniversary_came() -> None:
    r = rules.Retention().add(True).add(False).add(None).add(True)
    assert (r.counted, r.retained) == (3, 2)
    assert round(r.percent or 0, 1) == 66.7
    assert rules.Retention().percent is None


def test_started_young_uses_the_staff_rule_on_the_day_she_came() -> None:
    staff = StaffRules()
    assert rules.started_young(date(2000, 5, 1), 2023, START, START, staff)
    assert rules.started_young(date(2000, 5, 1), 2023, None, START, staff)
    assert not rules.started_young(date(1985, 5, 1), 2023, START, START, staff), "35 or older"
    assert not rules.started_young(date(2000, 5, 1), 2020, START, START, staff), "graduated early"
    assert not rules.started_young(date(2000, 5, 1), 2023, START, None, staff)
    came_later = date(2027, 9, 1)
    assert not rules.started_young(date(2000, 5, 1), 2023, START, came_later, staff), \
        "four years of work elsewhere before the district: no longer young when she came"
