"""Rules of the methodological network that need no database: the academic year, the
checks of members, meetings and pairs, and the retention of young specialists."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from exports import format_date
from imc_desktop.services.staff.rules import JobLike, StaffRules, add_years, is_young_specialist
from imc_desktop.services.staff.rules import main_job as held_job

#: The academic year begins on 1 September and ends on 31 August.
YEAR_START_MONTH = 9
RETENTION_YEARS = (1, 3)


def year_bounds(year: int) -> tuple[date, date]:
    """The academic year that starts in September of `year`: 01.09.year – 31.08.year+1."""
    return date(year, YEAR_START_MONTH, 1), date(year + 1, YEAR_START_MONTH - 1, 31)


def year_text(year: int) -> str:
    """«2025–2026»."""
    return f"{year}–{year + 1}"


def academic_year_of(day: date) -> int:
    """The academic year a day belongs to (its first calendar year)."""
    return day.year if day.month >= YEAR_START_MONTH else day.year - 1


def meeting_date_problem(day: date, year: int) -> str:
    """A Russian message when a meeting's date falls outside the association's year."""
    first, last = year_bounds(year)
    if first <= day <= last:
        return ""
    return (f"Дата заседания {format_date(day)} вне {year_text(year)} учебного года "
            f"(с {format_date(first)} по {format_date(last)}).")


@dataclass(frozen=True)
class Membership:
    person_id: str
    joined_on: date | None
    left_on: date | None
    id: str | None = None


def _overlap(a: Membership, b: Membership) -> bool:
    a_start, b_start = a.joined_on or date.min, b.joined_on or date.min
    a_end, b_end = a.left_on or date.max, b.left_on or date.max
    return a_start <= b_end and b_start <= a_end


def duplicate_member(new: Membership, existing: Iterable[Membership]) -> Membership | None:
    """The membership of the same person in the same association whose dates meet the new
    one's (the person would be a member twice), or None."""
    for old in existing:
        if old.person_id == new.person_id and old.id != new.id and _overlap(old, new):
            return old
    return None


def dates_problem(first: date | None, last: date | None, what: str) -> str:
    if first is not None and last is not None and last < first:
        return f"{what}: окончание {format_date(last)} раньше начала {format_date(first)}."
    return ""


def same_person_problem(mentor_id: str | None, mentee_id: str | None) -> str:
    if mentor_id and mentor_id == mentee_id:
        return "Наставник и наставляемый — один и тот же педагог: выберите разных."
    return ""


def is_overdue(deadline: date | None, done_on: date | None, today: date) -> bool:
    """Past its deadline (the deadline day itself is still in time) and not done."""
    return deadline is not None and done_on is None and deadline < today


# ---------------------------------------------------------------- young specialists

def retained(jobs: Sequence[JobLike], start: date, years: int, today: date) -> bool | None:
    """Whether a pedagogue who began on `start` still works in the district `years` later:
    some job is held on that anniversary (the last day of a job counts as worked). None
    while the anniversary has not come (the pedagogue is not counted yet)."""
    on = add_years(start, years)
    if on > today:
        return None
    return held_job(jobs, on) is not None


def started_young(birth: date | None, graduation_year: int | None, ped_start: date | None,
                  arrived: date | None, rules: StaffRules) -> bool:
    """Came to the district as a young specialist: on the day of her first hiring in the
    district's register she was one by the rule of «Кадры» (the status counted from the start
    of her pedagogical work, or from that day when it is not known). A pedagogue whose career
    began long before she came is not counted: the register does not know her first years."""
    if arrived is None:
        return False
    return is_young_specialist(birth, graduation_year, ped_start or arrived, arrived, rules)


@dataclass(frozen=True)
class Retention:
    """Of the young specialists whose anniversary has come, how many still work."""

    counted: int = 0
    retained: int = 0

    @property
    def percent(self) -> float | None:
        return None if not self.counted else 100.0 * self.retained / self.counted

    def add(self, kept: bool | None) -> Retention:
        if kept is None:
            return self
        return Retention(self.counted + 1, self.retained + int(kept))


def is_held(status: str, day: date, today: date) -> bool:
    """A meeting counts as held once its event is «проведено», or its day has passed while
    it is still «планируется» (the results are just not marked yet)."""
    if status == "проведено":
        return True
    return status == "планируется" and day < today
