"""Rules about pedagogues that need no database: стаж, КПК deadlines, young specialists."""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Protocol, TypeVar

from imc_desktop import config
from models.staff import JOB_TYPES


@dataclass(frozen=True)
class StaffRules:
    """The legal periods and thresholds, taken from the settings (DOMAIN.md defaults)."""

    kpk_period_years: int = 3
    min_hours_pk: int = 16
    min_hours_pp: int = 250
    usual_hours: int = 72
    young_max_age: int = 35
    young_graduation_years: int = 1
    young_status_years: int = 3

    @staticmethod
    def from_settings(settings: config.Settings) -> StaffRules:
        return StaffRules(
            kpk_period_years=settings.get(config.KPK_PERIOD_YEARS),
            min_hours_pk=settings.get(config.KPK_MIN_HOURS_PK),
            min_hours_pp=settings.get(config.KPK_MIN_HOURS_PP),
            usual_hours=settings.get(config.KPK_USUAL_HOURS),
            young_max_age=settings.get(config.YOUNG_MAX_AGE),
            young_graduation_years=settings.get(config.YOUNG_GRADUATION_YEARS),
            young_status_years=settings.get(config.YOUNG_STATUS_YEARS),
        )


# ---------------------------------------------------------------- calendar arithmetic

_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def last_day(year: int, month: int) -> int:
    if month == 2 and calendar.isleap(year):
        return 29
    return _DAYS[month - 1]


def add_months(d: date, months: int) -> date:
    """The same day `months` later (or earlier); the 31st becomes the month's last day."""
    year, month = divmod(d.year * 12 + d.month - 1 + months, 12)
    return date(year, month + 1, min(d.day, last_day(year, month + 1)))


def add_years(d: date, years: int) -> date:
    """29 February plus a year is 28 February."""
    return add_months(d, 12 * years)


def full_months_between(start: date, end: date) -> int:
    """Whole months from `start` to `end` (0 when end is not after start).

    A month is complete on the same day of the next month, or on that month's last day when
    it has no such day (31 January → 28 February is one month).
    """
    if end <= start:
        return 0
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day and end.day < last_day(end.year, end.month):
        months -= 1
    return months


def age_on(birth: date, on: date) -> int:
    return full_months_between(birth, on) // 12


# ---------------------------------------------------------------- стаж

def experience_on(years: int, months: int, as_of: date, on: date) -> tuple[int, int]:
    """Стаж of (years, months) on `as_of`, grown or reduced (in whole months) to `on`: it
    grows after its reference date and is reduced before it, never below zero (стаж of 10
    years on 01.09.2025 is 9 years 11 months on 31.08.2025; the work is taken to have run
    without a break up to the reference date)."""
    if on >= as_of:
        total = years * 12 + months + full_months_between(as_of, on)
    else:
        total = max(years * 12 + months - _months_back(on, as_of), 0)
    return divmod(total, 12)


def _months_back(on: date, as_of: date) -> int:
    """Months (a started one counts) from `on` up to `as_of`: what the стаж lacked then."""
    months = full_months_between(on, as_of)
    return months + 1 if add_months(on, months) < as_of else months


def experience_start(years: int, months: int, as_of: date) -> date:
    """The date the стаж began, if it ran without a break."""
    return add_months(as_of, -(years * 12 + months))


def format_experience(years: int, months: int) -> str:
    """«12 л. 3 мес.»; «0 л. 0 мес.» for none."""
    return f"{years} л. {months} мес."


# ---------------------------------------------------------------- the main job

MAIN_JOB = JOB_TYPES[0]  # «основное место работы»; the others are совместительство


def is_main_job(job_type: str) -> bool:
    return job_type == MAIN_JOB


class JobLike(Protocol):
    @property
    def job_type(self) -> str: ...
    @property
    def hired_on(self) -> date | None: ...
    @property
    def left_on(self) -> date | None: ...


@dataclass(frozen=True)
class JobDates:
    """The least a job needs for :func:`main_job` (tests, plain rows)."""

    job_type: str
    hired_on: date | None
    left_on: date | None = None


J = TypeVar("J", bound=JobLike)


def _held(job: JobLike, on: date | None) -> bool:
    if on is None:
        return job.left_on is None
    started = job.hired_on is None or job.hired_on <= on
    return started and (job.left_on is None or on <= job.left_on)


def main_job(jobs: Iterable[J], on: date | None = None) -> J | None:
    """The job that counts as the pedagogue's (their ОО and position everywhere).

    Among the jobs held — not left, or held on the date `on` — the main one before a
    совместительство; of several, the latest hired (a transfer whose old job was not
    closed); a job without a hire date counts as the oldest. None when no job is held.
    """
    held = [j for j in jobs if _held(j, on)]
    return max(held, key=lambda j: (is_main_job(j.job_type), j.hired_on or date.min),
               default=None)


# ---------------------------------------------------------------- КПК

KPK_OK = "пройдены"
KPK_OVERDUE = "просрочены"
KPK_NOT_YET = "нет КПК"


def kpk_due(last_end: date | None, hired_on: date | None, period_years: int) -> date | None:
    """When the next course is due: N years after the last one, or after hiring."""
    if last_end is not None:
        return add_years(last_end, period_years)
    if hired_on is not None:
        return add_years(hired_on, period_years)
    return None


def kpk_status(last_end: date | None, hired_on: date | None, today: date,
               period_years: int) -> tuple[str, date | None]:
    """(status, due date). Nobody without a course in the last N years is «просрочены»,
    except a pedagogue hired less than N years ago: «нет КПК» with the date it becomes due.
    The term includes its last day: a course finished on a date still counts on the same
    date N years later (as the СЗД submission counts the courses), overdue the day after."""
    due = kpk_due(last_end, hired_on, period_years)
    if last_end is not None:
        return (KPK_OK if due is not None and due >= today else KPK_OVERDUE), due
    if due is not None and due >= today:
        return KPK_NOT_YET, due
    return KPK_OVERDUE, due


def is_short_course(kind: str, hours: int | None, rules: StaffRules) -> bool:
    """A повышение квалификации long enough by law but shorter than the local usual hours:
    allowed, worth a note (DOMAIN.md: 16 h is the law, 72 h a local expectation)."""
    return kind == "ПК" and hours is not None and rules.min_hours_pk <= hours < rules.usual_hours


# ---------------------------------------------------------------- young specialists

def is_young_specialist(birth: date | None, graduation_year: int | None,
                        ped_start: date | None, today: date, rules: StaffRules) -> bool:
    """Younger than the age limit, began pedagogical work within the set years of graduating,
    and the status (counted from that start) has not run out."""
    if birth is None or graduation_year is None or ped_start is None:
        return False
    if age_on(birth, today) >= rules.young_max_age:
        return False
    if not 0 <= ped_start.year - graduation_year <= rules.young_graduation_years:
        return False
    return ped_start <= today < add_years(ped_start, rules.young_status_years)
