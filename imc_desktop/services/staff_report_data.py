"""Plain data behind the staff reports: jobs, courses in a period, statistical groupings.

Each public function reads the database in one unit of work and returns frozen dataclasses or
plain tuples; the grouping helpers need no database at all.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, select

from imc_desktop import db
from imc_desktop.db import session_scope
from imc_desktop.services.errors import ServiceError
from imc_desktop.services.staff import PersonRow
from models import Course, Education, Employment, Organization, Person
from models.staff import EDUCATION_LEVELS, JOB_TYPES

NO_ORG = "Место работы не указано"
MAIN_JOB = JOB_TYPES[0]
JOB_MARKS = {JOB_TYPES[1]: "внутр. совм.", JOB_TYPES[2]: "внешн. совм."}

#: Pedagogical стаж in full years: «до 3» is below 3, «3–5» is 3 to below 5, … «20 и более».
EXPERIENCE_EDGES = (3, 5, 10, 15, 20)
EXPERIENCE_TITLES = ("до 3", "3–5", "5–10", "10–15", "15–20", "20 и более", "не указан")
DEFAULT_AGE_BANDS = "25,30,35,40,45,50,55,60,65"
MAX_AGE_BANDS = 12
HIGHER, VOCATIONAL = EDUCATION_LEVELS[0], EDUCATION_LEVELS[1]
EDUCATION_TITLES = ("высшее", "из них пед.", "СПО", "из них пед.", "другое, не указано")
CATEGORY_TITLES = ("высшая", "первая", "без категории")


def name_key(text: str) -> str:
    """Alphabetical order for Russian names (ё sorts as е, case ignored)."""
    return text.casefold().replace("ё", "е")


def org_key(name: str) -> tuple[bool, str]:
    """ОО by name; the group of pedagogues without a place of work comes last."""
    return name in ("", NO_ORG), name_key(name)


def organization_choices() -> list[tuple[str, str]]:
    """(id, short name) of every ОО, the reorganised too; none when no database is open."""
    if db.current_or_none() is None:
        return []
    with session_scope() as s:
        query = select(Organization.id, Organization.short_name).order_by(
            Organization.short_name)
        return [(i, n) for i, n in s.connection().execute(query)]


def active_organizations() -> list[tuple[str, str]]:
    """(id, short name) of the ОО that work now (statistics list them even with no staff)."""
    with session_scope() as s:
        query = select(Organization.id, Organization.short_name).where(
            Organization.is_active.is_(True))
        return [(i, n) for i, n in s.connection().execute(query)]


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
        return self.job_type == MAIN_JOB

    @property
    def position_text(self) -> str:
        """«учитель» or «учитель (внутр. совм.)» for a second job."""
        mark = JOB_MARKS.get(self.job_type)
        return f"{self.position} ({mark})" if mark else self.position

    def held_on(self, day: date) -> bool:
        started = self.hired_on is None or self.hired_on <= day
        return started and (self.left_on is None or day <= self.left_on)


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
    """The job held on `day` (the main one first); else a current one; else the latest."""
    if not jobs:
        return None
    return min(jobs, key=lambda j: (not j.held_on(day), j.left_on is not None, not j.is_main))


# ---------------------------------------------------------------- courses


@dataclass(frozen=True)
class CourseRow:
    """A course with the pedagogue's ОО and position when it ended."""

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
    (_pid, last, first, middle, program, provider, kind, form, start, end, hours,
     doc_kind, series, number, registration) = r
    return CourseRow(
        organization_id=job.organization_id if job else "",
        organization=job.organization if job else NO_ORG,
        full_name=" ".join(p for p in (last, first, middle) if p),
        position=job.position if job else "", program=program, provider=provider,
        kind=kind, form=form, start_date=start, end_date=end, hours=hours or 0,
        document=document_text(doc_kind, series, number, registration))


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
    """(25, 30, 35) → «до 25», «25–29», «30–34», «35 и старше», «не указан»."""
    middle = [f"{a}–{b - 1}" if b - a > 1 else f"{a}" for a, b in zip(edges, edges[1:],
                                                                     strict=False)]
    return (f"до {edges[0]}", *middle, f"{edges[-1]} и старше", "не указан")


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
