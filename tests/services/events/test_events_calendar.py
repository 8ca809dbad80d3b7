"""The calendar's layout on real dates: weeks from Monday, «ещё N», lanes of a week."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from imc_desktop.services.events.calendar import (
    day_cells,
    days_of,
    month_weeks,
    week_of,
    week_slots,
)


@dataclass(frozen=True)
class E:
    name: str
    starts_at: datetime
    ends_at: datetime
    all_day: bool = False


def at(day: int, hour: int, minute: int = 0, month: int = 3) -> datetime:
    return datetime(2026, month, day, hour, minute)


def test_a_31_day_month_starting_on_sunday_takes_six_weeks_from_monday() -> None:
    weeks = month_weeks(2026, 3)  # 1 March 2026 is a Sunday
    assert len(weeks) == 6
    assert weeks[0][0] == date(2026, 2, 23) and weeks[0][6] == date(2026, 3, 1)
    assert weeks[-1][0] == date(2026, 3, 30) and weeks[-1][6] == date(2026, 4, 5)
    assert all(w[0].weekday() == 0 for w in weeks)


def test_february_starting_on_sunday_and_a_month_starting_on_monday() -> None:
    assert len(month_weeks(2026, 2)) == 5           # Sun 1 Feb … Sat 28 Feb
    assert month_weeks(2026, 2)[0][0] == date(2026, 1, 26)
    weeks = month_weeks(2027, 2)                     # Mon 1 Feb 2027, 28 days
    assert len(weeks) == 4 and weeks[0][0] == date(2027, 2, 1)
    assert month_weeks(2026, 12)[-1][3] == date(2026, 12, 31)


def test_week_of_a_sunday_is_the_week_before_it() -> None:
    week = week_of(date(2026, 3, 1))
    assert week[0] == date(2026, 2, 23) and week[-1] == date(2026, 3, 1)


def test_events_beyond_the_lines_are_counted_as_more() -> None:
    days = [date(2026, 3, 5), date(2026, 3, 6)]
    items = [E(f"e{h}", at(5, h), at(5, h + 1)) for h in (15, 9, 11, 13)]
    items.append(E("all", at(5, 0), at(6, 0), all_day=True))
    cells = day_cells(days, items, lines=3)
    five = cells[date(2026, 3, 5)]
    assert [x.name for x in five.shown] == ["all", "e9"]
    assert five.more == 3 and five.more_text == "ещё 3"
    assert cells[date(2026, 3, 6)].shown == () and cells[date(2026, 3, 6)].more == 0
    exactly = day_cells(days, items[:3], lines=3)[date(2026, 3, 5)]
    assert len(exactly.shown) == 3 and exactly.more_text == ""


def test_a_multi_day_event_is_on_each_of_its_days_but_not_on_the_day_it_ends_at_midnight(
) -> None:
    contest = E("contest", at(30, 10), at(1, 0, month=4))
    assert days_of(contest) == [date(2026, 3, 30), date(2026, 3, 31)]
    cells = day_cells([date(2026, 3, 29), date(2026, 3, 31), date(2026, 4, 1)], [contest], 2)
    assert [len(c.shown) for c in cells.values()] == [0, 1, 0]


def test_overlapping_events_sit_in_lanes_and_separate_ones_take_the_whole_width() -> None:
    days = week_of(date(2026, 3, 2))
    a, b = E("a", at(3, 9), at(3, 11)), E("b", at(3, 10), at(3, 12))
    c, d = E("c", at(3, 11, 30), at(3, 12, 30)), E("d", at(3, 14), at(3, 14, 10))
    placed = {p.item.name: p for p in week_slots(days, [a, b, c, d])}
    assert (placed["a"].column, placed["a"].lane, placed["a"].lanes) == (1, 0, 2)
    assert (placed["b"].lane, placed["c"].lane) == (1, 0)
    assert placed["c"].lanes == 2  # c overlaps b, so it is in the same group
    assert (placed["d"].lanes, placed["d"].top, placed["d"].bottom) == (1, 840, 870)
    assert placed["a"].top == 540 and placed["a"].bottom == 660
