"""Pedagogues as the screens and reports see them: the list rows and the whole card."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from imc_desktop import clock
from imc_desktop.db import session_scope
from imc_desktop.services.attestation.records import decisions_by_person
from imc_desktop.services.attestation.rules import Decision, category_shown
from imc_desktop.services.common.errors import NotFound
from imc_desktop.services.common.rows import bulk_allocation, fast_row
from imc_desktop.services.common.rules import Rules
from imc_desktop.services.staff import rules
from imc_desktop.validation import mask_inn, mask_snils
from models import (
    Course,
    Education,
    Employment,
    Experience,
    Organization,
    Person,
)
from models.staff import (
    AWARD_LEVELS,
    CATEGORIES,
    COURSE_FORMS,
    COURSE_KINDS,
    DOCUMENT_KINDS,
    EDUCATION_LEVELS,
    EXPERIENCE_KINDS,
    JOB_TYPES,
    POSITIONS,
    SEXES,
)

TABLES = frozenset({"persons", "employments", "educations", "experiences", "courses", "awards"})
CHOICES = {"sex": SEXES, "position": POSITIONS, "job_type": JOB_TYPES,
           "education_level": EDUCATION_LEVELS, "experience_kind": EXPERIENCE_KINDS,
           "course_kind": COURSE_KINDS, "course_form": COURSE_FORMS,
           "document_kind": DOCUMENT_KINDS, "award_level": AWARD_LEVELS,
           "category": CATEGORIES}
PED = "педагогический"


@dataclass(frozen=True)
class EmploymentData:
    id: str | None = None
    organization_id: str = ""
    organization_name: str = ""
    position: str = "учитель"
    job_type: str = rules.MAIN_JOB
    load: float | None = None
    subjects: tuple[str, ...] = ()
    hired_on: date | None = None
    appointed_on: date | None = None
    left_on: date | None = None


@dataclass(frozen=True)
class EducationData:
    id: str | None = None
    level: str = EDUCATION_LEVELS[0]
    is_pedagogical: bool = True
    institution: str = ""
    year: int | None = None
    speciality: str = ""
    qualification: str = ""


@dataclass(frozen=True)
class ExperienceData:
    id: str | None = None
    kind: str = PED
    years: int = 0
    months: int = 0
    as_of: date | None = None


@dataclass(frozen=True)
class CourseData:
    id: str | None = None
    kind: str = COURSE_KINDS[0]
    program: str = ""
    provider: str = ""
    form: str = COURSE_FORMS[0]
    start_date: date | None = None
    end_date: date | None = None
    hours: int | None = None
    document_kind: str = DOCUMENT_KINDS[0]
    document_series: str = ""
    document_number: str = ""
    registration_number: str = ""
    issued_on: date | None = None


@dataclass(frozen=True)
class AwardData:
    id: str | None = None
    level: str = AWARD_LEVELS[3]
    name: str = ""
    awarded_on: date | None = None
    document: str = ""


@dataclass(frozen=True)
class PersonCard:
    """Everything the pedagogue's card shows and saves."""

    id: str | None = None
    last_name: str = ""
    first_name: str = ""
    middle_name: str = ""
    sex: str = "ж"
    birth_date: date | None = None
    snils: str = ""
    inn: str = ""
    phone: str = ""
    email: str = ""
    category: str = ""
    category_date: date | None = None
    academic_degree: str = ""
    notes: str = ""
    employments: tuple[EmploymentData, ...] = ()
    educations: tuple[EducationData, ...] = ()
    experiences: tuple[ExperienceData, ...] = ()
    courses: tuple[CourseData, ...] = ()
    awards: tuple[AwardData, ...] = ()

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.last_name, self.first_name, self.middle_name) if p)


@dataclass(frozen=True)
class PersonRow:
    """One line of the «Кадры» list (СНИЛС and ИНН only masked)."""

    id: str
    full_name: str
    last_name: str
    first_name: str
    middle_name: str
    birth_date: date | None
    age: int | None
    sex: str
    organization: str
    organization_id: str
    organizations: tuple[str, ...]
    position: str
    positions: tuple[str, ...]
    subjects: tuple[str, ...]
    category: str
    ped_years: int | None
    ped_months: int | None
    ped_experience: str
    last_course_end: date | None
    kpk_due: date | None
    kpk_status: str
    is_young: bool
    snils_masked: str
    inn_masked: str
    education: str
    hired_on: date | None

    @property
    def subjects_text(self) -> str:
        return ", ".join(self.subjects)


def split_subjects(text: str) -> tuple[str, ...]:
    if not text:
        return ()
    if ";" not in text and "," not in text:
        return (text.strip(),)
    parts = (p.strip() for p in text.replace(",", ";").split(";"))
    return tuple(p for p in parts if p)


def join_subjects(subjects: Iterable[str]) -> str:
    return "; ".join(s.strip() for s in subjects if s.strip())


# ---------------------------------------------------------------- the list

class _Job(NamedTuple):
    organization: str
    organization_id: str
    position: str
    subjects: str
    hired_on: date | None
    job_type: str
    left_on: date | None = None


_NO_JOB = _Job("", "", "", "", None, "")


@dataclass
class _Gathered:
    jobs: dict[str, list[_Job]] = field(default_factory=lambda: defaultdict(list))
    last_course: dict[str, date] = field(default_factory=dict)
    ped: dict[str, tuple[int, int, date]] = field(default_factory=dict)
    education: dict[str, tuple[str, bool, int | None]] = field(default_factory=dict)
    decisions: dict[str, list[Decision]] = field(default_factory=dict)


def _gather(s: Session) -> _Gathered:
    g = _Gathered()
    conn = s.connection()
    jobs = select(Employment.person_id, Organization.short_name, Employment.organization_id,
                  Employment.position, Employment.subjects, Employment.hired_on,
                  Employment.job_type).join(Organization).where(Employment.left_on.is_(None)
                  ).order_by(Employment.hired_on.is_(None).desc(), Employment.hired_on)
    for pid, org, org_id, position, subjects, hired, job_type in conn.execute(jobs).all():
        g.jobs[pid].append(_Job(org, org_id, position, subjects, hired, job_type))
    for held in g.jobs.values():  # the main job first, then the others as they were taken
        main = rules.main_job(held)
        if main is not None and held[0] is not main:
            held.remove(main)
            held.insert(0, main)
    courses = select(Course.person_id, func.max(Course.end_date)).group_by(Course.person_id)
    g.last_course = {pid: end for pid, end in conn.execute(courses).all()}
    ped = select(Experience.person_id, Experience.years, Experience.months, Experience.as_of
                 ).where(Experience.kind == PED)
    g.ped = {pid: (y, m, d) for pid, y, m, d in conn.execute(ped).all()}
    edu = select(Education.person_id, Education.level, Education.is_pedagogical, Education.year)
    for pid, level, pedagogical, year in conn.execute(edu).all():
        best = g.education.get(pid)
        if best is None or _edu_rank(level) <= _edu_rank(best[0]):
            g.education[pid] = (level, bool(pedagogical), year)
    g.decisions = decisions_by_person(s)
    return g


def _edu_rank(level: str) -> int:
    return EDUCATION_LEVELS.index(level) if level in EDUCATION_LEVELS else 99


_PERSON_COLUMNS = (Person.id, Person.last_name, Person.first_name, Person.middle_name,
                   Person.birth_date, Person.sex, Person.snils, Person.inn, Person.category,
                   Person.category_date)


def list_staff(rules_: Rules, today: date | None = None) -> list[PersonRow]:
    """Every pedagogue with what the list shows, computed on `today` (the category too)."""
    today = today or clock.today()
    with bulk_allocation(), session_scope() as s:
        gathered = _gather(s)
        people = s.connection().execute(select(*_PERSON_COLUMNS).order_by(
            Person.last_name, Person.first_name, Person.middle_name)).all()
        return [_row(p, gathered, today, rules_) for p in people]


def _row(p: Any, g: _Gathered, today: date, rules_: Rules) -> PersonRow:
    pid: str
    birth: date | None
    pid, last, first, middle, birth, sex, snils, inn, typed, typed_on = p
    staff_rules = rules_.staff
    jobs = g.jobs.get(pid, [])
    main = jobs[0] if jobs else _NO_JOB
    ped = g.ped.get(pid)
    ped_ym = rules.experience_on(ped[0], ped[1], ped[2], today) if ped else None
    last_course = g.last_course.get(pid)
    status, due = rules.kpk_status(last_course, main.hired_on, today,
                                   staff_rules.kpk_period_years)
    category, _ = category_shown(g.decisions.get(pid, []), typed, typed_on, today,
                                 rules_.attestation)
    edu = g.education.get(pid)
    age = rules.age_on(birth, today) if birth else None
    young = False
    if age is not None and age < staff_rules.young_max_age and ped and edu:
        young = rules.is_young_specialist(birth, edu[2], rules.experience_start(*ped), today,
                                          staff_rules)
    return fast_row(PersonRow, dict(
        id=pid, full_name=" ".join(filter(None, (last, first, middle))), last_name=last,
        first_name=first, middle_name=middle, birth_date=birth,
        age=age, sex=sex,
        organization=main.organization, organization_id=main.organization_id,
        organizations=_distinct(jobs, 0), position=main.position, positions=_distinct(jobs, 2),
        subjects=_subjects(jobs),
        category=category, ped_years=ped_ym[0] if ped_ym else None,
        ped_months=ped_ym[1] if ped_ym else None,
        ped_experience=rules.format_experience(*ped_ym) if ped_ym else "",
        last_course_end=last_course, kpk_due=due, kpk_status=status, is_young=young,
        snils_masked=mask_snils(snils), inn_masked=mask_inn(inn),
        education=_education_text(edu), hired_on=main.hired_on))


def _distinct(jobs: list[_Job], i: int) -> tuple[str, ...]:
    if len(jobs) == 1:
        return (str(jobs[0][i]),)
    return tuple(dict.fromkeys(str(j[i]) for j in jobs))


def _subjects(jobs: list[_Job]) -> tuple[str, ...]:
    if len(jobs) == 1:
        return split_subjects(jobs[0][3])
    return tuple(dict.fromkeys(x for j in jobs for x in split_subjects(j[3])))


def _education_text(edu: tuple[str, bool, int | None] | None) -> str:
    if edu is None:
        return ""
    return edu[0] + (", педагогическое" if edu[1] else "")


# ---------------------------------------------------------------- the card

def _children(person: Person, org_names: dict[str, str]) -> dict[str, tuple[object, ...]]:
    return {
        "employments": tuple(EmploymentData(
            e.id, e.organization_id, org_names.get(e.organization_id, ""), e.position,
            e.job_type, e.load, split_subjects(e.subjects), e.hired_on, e.appointed_on,
            e.left_on) for e in person.employments),
        "educations": tuple(EducationData(
            e.id, e.level, e.is_pedagogical, e.institution, e.year, e.speciality,
            e.qualification) for e in person.educations),
        "experiences": tuple(ExperienceData(e.id, e.kind, e.years, e.months, e.as_of)
                             for e in person.experiences),
        "courses": tuple(CourseData(
            c.id, c.kind, c.program, c.provider, c.form, c.start_date, c.end_date, c.hours,
            c.document_kind, c.document_series, c.document_number, c.registration_number,
            c.issued_on) for c in person.courses),
        "awards": tuple(AwardData(a.id, a.level, a.name, a.awarded_on, a.document)
                        for a in person.awards),
    }


PERSON_FIELDS = ("last_name", "first_name", "middle_name", "sex", "birth_date", "snils", "inn",
                 "phone", "email", "category", "category_date", "academic_degree", "notes")


def get_person(person_id: str) -> PersonCard:
    """The card as stored (its category as typed): for editing use :func:`card.open_card`."""
    with session_scope() as s:
        return person_in(s, person_id)


def person_in(s: Session, person_id: str) -> PersonCard:
    person = s.get(Person, person_id)
    if person is None:
        raise NotFound("Педагог не найден: возможно, запись уже удалили.")
    org_ids = {e.organization_id for e in person.employments}
    names = dict(s.execute(select(Organization.id, Organization.short_name).where(
        Organization.id.in_(org_ids))).all()) if org_ids else {}
    scalars = {name: getattr(person, name) for name in PERSON_FIELDS}
    return PersonCard(id=person.id, **scalars, **_children(person, names))  # type: ignore[arg-type]


def count_persons() -> int:
    with session_scope() as s:
        return int(s.scalar(select(func.count(Person.id))) or 0)


def personal_numbers(person_ids: Iterable[str], purpose: str = "") -> dict[str, tuple[str, str]]:
    """{id: (СНИЛС formatted, ИНН)} for when the user asks to see them unmasked.

    Each call is written to the change log (152-ФЗ: actions with personal data are logged).
    """
    from imc_desktop.services.staff.changelog import log_personal_data_view
    from imc_desktop.validation import format_snils

    ids = list(person_ids)
    found: dict[str, tuple[str, str]] = {}
    with session_scope() as s:
        for start in range(0, len(ids), 500):  # SQLite limits the number of parameters
            chunk = ids[start:start + 500]
            rows = s.execute(select(Person.id, Person.snils, Person.inn).where(
                Person.id.in_(chunk)))
            found.update({pid: (format_snils(sn) if sn else "", inn) for pid, sn, inn in rows})
        log_personal_data_view(s, len(found), purpose)
    return found
