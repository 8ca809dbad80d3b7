"""Data behind the staff reports: jobs, courses in a period, КПК terms, statistical groupings,
and the shaping of tables (one per ОО, a summary by ОО, widths that break no word).

Each function that reads the database does so in one unit of work and returns frozen
dataclasses or plain tuples; the other helpers need no database at all.
"""

from __future__ import annotations

import bisect
import itertools
import operator
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, select

from exports import CellValue, ReportColumn, ReportTable
from imc_desktop.db import session_scope
from imc_desktop.folding import fold
from imc_desktop.services.common.errors import ServiceError
from imc_desktop.services.staff.records import PersonRow
from imc_desktop.services.staff.rules import KPK_NOT_YET, KPK_OVERDUE, is_main_job, main_job
from models import Course, Education, Employment, Organization, Person
from models.staff import EDUCATION_LEVELS, JOB_TYPES

Row = list[CellValue]
NO_ORG = "Место работы не указано"
JOB_MARKS = {JOB_TYPES[1]: "внутр. совм.", JOB_TYPES[2]: "внешн. совм."}

#: Pedagogical стаж in full years: «до 3» is below 3, «3–5» is 3 to below 5, … «20 и более».
EXPERIENCE_EDGES = (3, 5, 10, 15, 20)
EXPERIENCE_TITLES = ("До 3", "3–5", "5–10", "10–15", "15–20", "20 и более", "Не указан")
DEFAULT_AGE_BANDS = "25,30,35,40,45,50,55,60,65"
MAX_AGE_BANDS = 12
HIGHER, VOCATIONAL = EDUCATION_LEVELS[0], EDUCATION_LEVELS[1]
EDUCATION_TITLES = ("Высшее", "из них пед.", "СПО", "из них пед.", "Другое, не указано")
CATEGORY_TITLES = ("Высшая", "Первая", "Без категории")


def name_key(text: str) -> str:
    """Alphabetical order for Russian names (ё sorts as е, case ignored)."""
    return fold(text)


def org_key(name: str) -> tuple[bool, str]:
    """ОО by name; the group of pedagogues without a place of work comes last."""
    return name in ("", NO_ORG), name_key(name)



# ---------------------------------------------------------------- jobs


@dataclass(frozen=True)
class Job:
    """One place of work of a pedagogue."""

    person_id: str
    organization_id: str
    organization: str
    position: str
    job_type: str
    subjects: str
    hired_on: date | None
    left_on: date | None

    @property
    def is_main(self) -> bool:
        return is_main_job(self.job_type)

    @property
    def position_text(self) -> str:
        """«учитель» or «учитель (внутр. совм.)» for a second job."""
        mark = JOB_MARKS.get(self.job_type)
        return f"{self.position} ({mark})" if mark else self.position



def _read_jobs(conn: Connection, current_only: bool) -> dict[str, list[Job]]:
    query = select(Employment.person_id, Employment.organization_id, Organization.short_name,
                   Employment.position, Employment.job_type, Employment.subjects,
                   Employment.hired_on, Employment.left_on).join(Organization)
    if current_only:
        query = query.where(Employment.left_on.is_(None))
    jobs: dict[str, list[Job]] = defaultdict(list)
    for row in conn.execute(query.order_by(Employment.hired_on)):
        jobs[row[0]].append(Job(*row))
    return dict(jobs)


def current_jobs() -> dict[str, list[Job]]:
    """{person id: the jobs not left}, in the order they were taken."""
    with session_scope() as s:
        return _read_jobs(s.connection(), current_only=True)


def job_on(jobs: Sequence[Job], day: date) -> Job | None:
    """The main job held on `day`; else the main job now; else the latest left."""
    return main_job(jobs, on=day) or main_job(jobs) or max(
        jobs, key=lambda j: j.left_on or date.min, default=None)


# ---------------------------------------------------------------- courses


@dataclass(frozen=True)
class CourseRow:
    """A course with the pedagogue's ОО and position when it ended."""

    person_id: str
    organization_id: str
    organization: str
    full_name: str
    position: str
    program: str
    provider: str
    kind: str
    form: str
    start_date: date | None
    end_date: date
    hours: int
    document: str


def document_text(kind: str, series: str, number: str, registration: str) -> str:
    """«удостоверение серия АБ № 123456, рег. № 1234» (missing parts are left out)."""
    parts = [kind] if kind else []
    if series:
        parts.append(f"серия {series}")
    if number:
        parts.append(f"№ {number}")
    text = " ".join(parts)
    if registration:
        text += (", " if text else "") + f"рег. № {registration}"
    return text


_COURSE_COLUMNS = (Course.person_id, Person.last_name, Person.first_name, Person.middle_name,
                   Course.program, Course.provider, Course.kind, Course.form, Course.start_date,
                   Course.end_date, Course.hours, Course.document_kind, Course.document_series,
                   Course.document_number, Course.registration_number)


def courses_in_period(first: date, last: date, org_id: str = "") -> list[CourseRow]:
    """Courses that ended from `first` to `last` inclusive, by ОО, ФИО and end date."""
    query = select(*_COURSE_COLUMNS).join(Person, Person.id == Course.person_id).where(
        Course.end_date >= first, Course.end_date <= last)
    with session_scope() as s:
        conn = s.connection()
        found = conn.execute(query).all()
        jobs = _read_jobs(conn, current_only=False)
    rows = [_course_row(r, job_on(jobs.get(r[0], []), r[9])) for r in found]
    rows = [r for r in rows if not org_id or r.organization_id == org_id]
    rows.sort(key=lambda r: (org_key(r.organization), name_key(r.full_name), r.end_date))
    return rows


def _course_row(r: Any, job: Job | None) -> CourseRow:
    (pid, last, first, middle, program, provider, kind, form, start, end, hours,
     doc_kind, series, number, registration) = r
    return CourseRow(
        person_id=pid, organization_id=job.organization_id if job else "",
        organization=job.organization if job else NO_ORG,
        full_name=" ".join(p for p in (last, first, middle) if p),
        position=job.position if job else "", program=program, provider=provider,
        kind=kind, form=form, start_date=start, end_date=end, hours=hours or 0,
        document=document_text(doc_kind, series, number, registration))


# ---------------------------------------------------------------- tables

NUMBER_COLUMN = ReportColumn("№", 0.35, kind="int")
NUMBER_PT = 20.0
SUMMARY_TITLE = "Сводка по ОО"


def per_organization(columns: tuple[ReportColumn, ...], items: Iterable[tuple[str, Row]],
                     totals: bool = True) -> list[ReportTable]:
    """One table per ОО, titled with its name, from (ОО, cells) pairs sorted by ОО; the №
    restarts in each. (A grouped table would repeat the long ОО name on every row.)"""
    tables = []
    for name, group in itertools.groupby(items, key=operator.itemgetter(0)):
        rows = [[i, *cells] for i, (_name, cells) in enumerate(group, 1)]
        tables.append(ReportTable(columns, rows, title=name, totals=totals))
    return tables or [ReportTable(columns, [])]


def summary_table(titles: Sequence[str], rows: list[Row]) -> ReportTable:
    columns = (ReportColumn("ОО", 4.0),
               *(ReportColumn(t, 1.6, kind="int", total=True) for t in titles))
    return ReportTable(columns, rows, title=SUMMARY_TITLE, totals=True)


def with_summary(tables: list[ReportTable], org_id: str, summary: Callable[[], ReportTable]
                  ) -> tuple[ReportTable, ...]:
    """The tables of the ОО and, for the whole district, the summary by ОО after them."""
    if org_id or not tables[0].rows:
        return tuple(tables)
    return (*tables, summary())


def years_text(n: int) -> str:
    """«1 год», «3 года», «5 лет»."""
    if n % 10 == 1 and n % 100 != 11:
        return f"{n} год"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return f"{n} года"
    return f"{n} лет"


def sum_by_organization(items: Iterable[tuple[str, Sequence[int]]]) -> list[Row]:
    """[ОО, *sums] in the order the ОО come."""
    sums: dict[str, list[int]] = {}
    for name, values in items:
        acc = sums.setdefault(name, [0] * len(values))
        for i, value in enumerate(values):
            acc[i] += value
    return [[name, *acc] for name, acc in sums.items()]



# ---------------------------------------------------------------- КПК

def kpk_status_text(person: PersonRow) -> str:
    """«просрочены» (the term has passed), «нет КПК» (none yet, not overdue), «в 2026 году»."""
    if person.kpk_status == KPK_OVERDUE or person.kpk_due is None:
        return KPK_OVERDUE
    if person.kpk_status == KPK_NOT_YET:
        return KPK_NOT_YET
    return f"в {person.kpk_due.year} году"


def kpk_due_people(people: Iterable[PersonRow], year: int, org_id: str) -> list[PersonRow]:
    """Who must take a course by the end of `year`: the term falls then or earlier, or is
    unknown (no courses and no date of hiring)."""
    end = date(year, 12, 31)
    found = [p for p in people if (p.kpk_due is None or p.kpk_due <= end)
             and (not org_id or p.organization_id == org_id)]
    found.sort(key=lambda p: (org_key(p.organization or NO_ORG),
                              name_key(p.full_name)))
    return found


# ---------------------------------------------------------------- widths

#: Widths in pt of the table on A4 with the default margins (30 + 10 mm), a weight of 1.0.
LANDSCAPE_PT = (297 - 40) / 25.4 * 72
PORTRAIT_PT = (210 - 40) / 25.4 * 72
WEIGHT_PT = 2 / 2.54 * 72


def pt_to_cm(pt: float) -> str:
    return f"{pt / 72 * 2.54:.1f}".replace(".", ",")


def fitted_weights(widths: Sequence[tuple[float, float, float]],
                   space: float = LANDSCAPE_PT) -> list[float] | None:
    """Width weights from (floor, need, ease) widths in pt: the comfortable widths if they
    fit in `space`; else the needs, then the floors, raised in proportion to fill the space;
    None when even the floors do not fit."""
    for low, high in ((1, 2), (0, 1)):
        lows = sum(w[low] for w in widths)
        if lows <= space:
            room = sum(w[high] for w in widths) - lows
            share = min(1.0, (space - lows) / room) if room > 0 else 0.0
            return [(w[low] + share * (w[high] - w[low])) / WEIGHT_PT for w in widths]
    return None


# ---------------------------------------------------------------- statistics


def best_educations() -> dict[str, tuple[str, bool]]:
    """{person id: (level, pedagogical)} of the highest level (the latest of equal ones)."""
    rank = {level: i for i, level in enumerate(EDUCATION_LEVELS)}
    best: dict[str, tuple[str, bool]] = {}
    query = select(Education.person_id, Education.level, Education.is_pedagogical).order_by(
        Education.year)
    with session_scope() as s:
        for pid, level, pedagogical in s.connection().execute(query):
            old = best.get(pid)
            if old is None or rank.get(level, 99) <= rank.get(old[0], 99):
                best[pid] = (level, bool(pedagogical))
    return best


def education_short(education: tuple[str, bool] | None) -> str:
    """«высшее, пед.», «СПО», «среднее общее»…; "" when none is recorded."""
    if education is None:
        return ""
    level, pedagogical = education
    level = "СПО" if level == VOCATIONAL else level
    return f"{level}, пед." if pedagogical else level


def group_index(value: int | None, edges: Sequence[int]) -> int:
    """0 below edges[0], i from edges[i-1] up to below edges[i], len(edges) from the last
    edge up; len(edges) + 1 when the value is unknown."""
    if value is None:
        return len(edges) + 1
    return bisect.bisect_right(edges, value)


def parse_age_bands(text: str, where: str) -> tuple[int, ...]:
    """«25,30,…,65» → (25, 30, …, 65); a Russian message starting with `where` if wrong."""
    parts = [p for p in text.replace(";", ",").replace(" ", ",").split(",") if p]
    if not parts or not all(p.isdigit() for p in parts):
        raise ServiceError(f"{where}: «{text}» — нужны целые числа через запятую, "
                           f"например {DEFAULT_AGE_BANDS}.")
    edges = tuple(int(p) for p in parts)
    if any(b <= a for a, b in zip(edges, edges[1:], strict=False)):
        raise ServiceError(f"{where}: границы «{text}» должны возрастать.")
    if edges[0] < 14 or edges[-1] > 100 or len(edges) > MAX_AGE_BANDS:
        raise ServiceError(f"{where}: нужно от 1 до {MAX_AGE_BANDS} границ от 14 до 100 лет, "
                           f"а не «{text}».")
    return edges


def age_band_titles(edges: Sequence[int]) -> tuple[str, ...]:
    """(25, 30, 35) → «До 25», «25–29», «30–34», «35 и старше», «Не указан»."""
    middle = [f"{a}–{b - 1}" if b - a > 1 else f"{a}" for a, b in zip(edges, edges[1:],
                                                                     strict=False)]
    return (f"До {edges[0]}", *middle, f"{edges[-1]} и старше", "Не указан")


@dataclass
class StaffCounts:
    """The groupings of one ОО; each group adds up to `total` (except «из них» and young)."""

    total: int = 0
    experience: list[int] = field(default_factory=lambda: [0] * len(EXPERIENCE_TITLES))
    age: list[int] = field(default_factory=list)
    education: list[int] = field(default_factory=lambda: [0] * len(EDUCATION_TITLES))
    category: list[int] = field(default_factory=lambda: [0] * len(CATEGORY_TITLES))
    young: int = 0

    @staticmethod
    def for_bands(edges: Sequence[int]) -> StaffCounts:
        """Zero counts with one age column per band plus «не указан»."""
        return StaffCounts(age=[0] * (len(edges) + 2))

    def add(self, person: PersonRow, education: tuple[str, bool] | None,
            edges: Sequence[int]) -> None:
        self.total += 1
        self.experience[group_index(person.ped_years, EXPERIENCE_EDGES)] += 1
        self.age[group_index(person.age, edges)] += 1
        for i in _education_columns(education):
            self.education[i] += 1
        self.category[_category_index(person.category)] += 1
        self.young += person.is_young


def _education_columns(education: tuple[str, bool] | None) -> tuple[int, ...]:
    level, pedagogical = education or ("", False)
    if level == HIGHER:
        return (0, 1) if pedagogical else (0,)
    if level == VOCATIONAL:
        return (2, 3) if pedagogical else (2,)
    return (4,)


def _category_index(category: str) -> int:
    return {"высшая": 0, "первая": 1}.get(category.strip().casefold(), 2)


def count_by_organization(people: Iterable[PersonRow], edges: Sequence[int],
                          educations: dict[str, tuple[str, bool]]) -> dict[str, StaffCounts]:
    """{ОО id ("" for no place of work): the counts of the pedagogues whose main job is there}."""
    counts: dict[str, StaffCounts] = defaultdict(lambda: StaffCounts.for_bands(edges))
    for person in people:
        counts[person.organization_id].add(person, educations.get(person.id), edges)
    return dict(counts)
