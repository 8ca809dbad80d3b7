"""The arithmetic of the methodist's journal: the checklist of a lesson, months, periods,
the school year and whether a plan item is done. Pure functions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

MARK_MAX = 2
MARK_TEXT = {0: "не проявляется", 1: "проявляется частично", 2: "проявляется в полной мере"}


def criteria(setting: str) -> tuple[str, ...]:
    """The criteria of a lesson observation from the setting: «|»-separated, blanks dropped."""
    seen: list[str] = []
    for part in setting.split("|"):
        text = " ".join(part.split())
        if text and text not in seen:
            seen.append(text)
    return tuple(seen)


@dataclass(frozen=True)
class Mark:
    criterion: str
    mark: int


def parse_marks(text: str) -> tuple[Mark, ...]:
    """The stored checklist: one «criterion=mark» a line; a line without a mark is skipped."""
    marks: list[Mark] = []
    for line in text.splitlines():
        criterion, sep, value = line.rpartition("=")
        if sep and criterion.strip() and value.strip().isdigit():
            marks.append(Mark(criterion.strip(), int(value.strip())))
    return tuple(marks)


def format_marks(marks: Sequence[Mark]) -> str:
    return "\n".join(f"{m.criterion}={m.mark}" for m in marks)


def marks_problem(marks: Sequence[Mark]) -> str:
    """What is wrong with a checklist, or "" (each mark from 0 to MARK_MAX, no criterion twice)."""
    names = [m.criterion for m in marks]
    for m in marks:
        if not 0 <= m.mark <= MARK_MAX:
            return f"Оценка критерия «{m.criterion}» — от 0 до {MARK_MAX}, а не {m.mark}."
        if "=" in m.criterion or "\n" in m.criterion:
            return f"В названии критерия «{m.criterion}» не может быть «=» или перевода строки."
        if names.count(m.criterion) > 1:
            return f"Критерий «{m.criterion}» оценён дважды."
    return ""


def marks_percent(marks: Sequence[Mark]) -> float | None:
    """The share of the greatest possible sum the marks reached, in percent; None if none."""
    if not marks:
        return None
    return round(100.0 * sum(m.mark for m in marks) / (MARK_MAX * len(marks)), 1)


def lesson_level(percent: float | None) -> str:
    """The usual verbal level of a lesson by its share of the maximum."""
    if percent is None:
        return ""
    if percent >= 85:
        return "высокий"
    if percent >= 60:
        return "достаточный"
    if percent >= 40:
        return "средний"
    return "низкий"


def month_start(day: date) -> date:
    return day.replace(day=1)


def month_end(day: date) -> date:
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def school_year(day: date) -> tuple[date, date]:
    """The school year a day belongs to: 1 September to 31 August."""
    first = day.year if day.month >= 9 else day.year - 1
    return date(first, 9, 1), date(first + 1, 8, 31)


def school_year_title(first: date) -> str:
    return f"{first.year}/{first.year + 1} учебный год"


def previous_school_year(first: date) -> tuple[date, date]:
    return date(first.year - 1, 9, 1), date(first.year, 8, 31)


def plan_item_done(done_by_hand: bool, event_status: str | None, has_visit: bool,
                   has_consultation: bool) -> bool:
    """A plan item is done when marked so, when its linked event was held, or when a visit or
    a consultation was recorded against it."""
    return done_by_hand or event_status == "проведено" or has_visit or has_consultation


MONTHS = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
          "сентябрь", "октябрь", "ноябрь", "декабрь")


def month_title(day: date) -> str:
    """«ноябрь 2026»."""
    return f"{MONTHS[day.month - 1]} {day.year}"


def add_months(day: date, count: int) -> date:
    """The first day of the month `count` months after (or before) the month of `day`."""
    index = day.year * 12 + day.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)
