"""The pure rules of the methodist's journal, at their boundaries."""

from __future__ import annotations

from datetime import date

import pytest

from imc_desktop.services.methodist import rules
from imc_desktop.services.methodist.rules import Mark


def test_criteria_come_from_the_setting_without_blanks_or_repeats() -> None:
    assert rules.criteria(" Цель  урока | | Рефлексия|Цель урока ") == ("Цель урока",
                                                                        "Рефлексия")
    assert rules.criteria("") == ()


def test_marks_survive_a_round_trip_and_skip_unmarked_lines() -> None:
    marks = (Mark("Цель урока", 2), Mark("Рефлексия", 0))
    text = rules.format_marks(marks)
    assert rules.parse_marks(text + "\nНе оценено=\nмусор") == marks


@pytest.mark.parametrize(("marks", "percent", "level"), [
    ((), None, ""),
    ((Mark("a", 2),), 100.0, "высокий"),
    ((Mark("a", 2), Mark("b", 2), Mark("c", 2), Mark("d", 2), Mark("e", 2), Mark("f", 2),
      Mark("g", 2), Mark("h", 2), Mark("i", 2), Mark("j", 1)), 95.0, "высокий"),
    ((Mark("a", 2), Mark("b", 1), Mark("c", 1), Mark("d", 1), Mark("e", 2), Mark("f", 2),
      Mark("g", 2)), 78.6, "достаточный"),
    ((Mark("a", 1), Mark("b", 1), Mark("c", 1), Mark("d", 2), Mark("e", 2)), 70.0,
     "достаточный"),
    ((Mark("a", 1),), 50.0, "средний"),
    ((Mark("a", 0), Mark("b", 1), Mark("c", 1), Mark("d", 1), Mark("e", 0)), 30.0, "низкий"),
])
def test_the_share_of_the_maximum_gives_the_level(
        marks: tuple[Mark, ...], percent: float | None, level: str) -> None:
    assert rules.marks_percent(marks) == percent
    assert rules.lesson_level(percent) == level


@pytest.mark.parametrize(("percent", "level"), [(85.0, "высокий"), (84.9, "достаточный"),
                                                (60.0, "достаточный"), (59.9, "средний"),
                                                (40.0, "средний"), (39.9, "низкий")])
def test_level_boundaries(percent: float, level: str) -> None:
    assert rules.lesson_level(percent) == level


def test_a_mark_out_of_range_or_twice_is_a_problem() -> None:
    assert rules.marks_problem((Mark("a", 0), Mark("b", 2))) == ""
    assert "от 0 до 2" in rules.marks_problem((Mark("a", 3),))
    assert "дважды" in rules.marks_problem((Mark("a", 1), Mark("a", 1)))


def test_school_year_and_months() -> None:
    assert rules.school_year(date(2026, 8, 31)) == (date(2025, 9, 1), date(2026, 8, 31))
    assert rules.school_year(date(2026, 9, 1)) == (date(2026, 9, 1), date(2027, 8, 31))
    assert rules.previous_school_year(date(2026, 9, 1)) == (date(2025, 9, 1),
                                                            date(2026, 8, 31))
    assert rules.month_end(date(2026, 12, 5)) == date(2026, 12, 31)
    assert rules.month_end(date(2028, 2, 1)) == date(2028, 2, 29)
    assert rules.school_year_title(date(2025, 9, 1)) == "2025/2026 учебный год"


def test_plan_item_done() -> None:
    assert not rules.plan_item_done(False, "планируется", False, False)
    assert rules.plan_item_done(False, "проведено", False, False)
    assert rules.plan_item_done(False, None, True, False)
    assert rules.plan_item_done(False, None, False, True)
    assert rules.plan_item_done(True, "отменено", False, False)
