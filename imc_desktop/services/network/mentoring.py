"""Наставничество: mentor–mentee pairs from «Кадры» with their plans, the young specialists
without a mentor, and the monitoring of young specialists by ОО (mentored, retained after
one and three years), computed from the staff register."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from imc_desktop import clock
from imc_desktop.db import session_scope
from imc_desktop.services.common.errors import NotFound, ValidationFailed
from imc_desktop.services.network import rules
from imc_desktop.services.network.records import options_in
from imc_desktop.services.staff import rules as staff_rules
from imc_desktop.services.staff.rules import StaffRules
from models import (
    Education,
    Employment,
    Experience,
    MentoringPair,
    MentoringPlanItem,
    Organization,
    Person,
)
from models.network import MENTORING_FORMS
from models.staff import EDUCATION_LEVELS

FORMS = MENTORING_FORMS


@dataclass(frozen=True)
class PairData:
    id: str | None = None
    mentor_id: str | None = None
    mentee_id: str | None = None
    form: str = FORMS[0]
    starts_on: date | None = None
    ends_on: date | None = None
    notes: str = ""


@dataclass(frozen=True)
class PairRow:
    data: PairData
    mentor: str
    mentor_organization: str
    mentee: str
    mentee_organization: str
    mentee_position: str
    plan_items: int
    plan_done: int
    active: bool

    @property
    def id(self) -> str:
        return self.data.id or ""


def _active(starts: date | None, ends: date | None, today: date) -> bool:
    return (starts is None or starts <= today) and (ends is None or today <= ends)


def list_pairs(today: date | None = None) -> list[PairRow]:
    today = today or clock.today()
    with session_scope() as s:
        people = {o.id: o for o in options_in(s)}
        items = {p: (int(n), int(d or 0)) for p, n, d in s.execute(select(
            MentoringPlanItem.pair_id, func.count(),
            func.sum(case((MentoringPlanItem.done_on.is_not(None), 1), else_=0))).group_by(
            MentoringPlanItem.pair_id))}
        rows = []
        for p in s.scalars(select(MentoringPair)):
            mentor, mentee = people.get(p.mentor_id), people.get(p.mentee_id)
            rows.append(PairRow(
                PairData(p.id, p.mentor_id, p.mentee_id, p.form, p.starts_on, p.ends_on,
                         p.notes),
                mentor.full_name if mentor else "", mentor.organization if mentor else "",
                mentee.full_name if mentee else "", mentee.organization if mentee else "",
                mentee.position if mentee else "", *items.get(p.id, (0, 0)),
                _active(p.starts_on, p.ends_on, today)))
    return sorted(rows, key=lambda r: (not r.active, r.mentee_organization, r.mentee))


def validate_pair(data: PairData) -> dict[str, str]:
    p: dict[str, str] = {}
    if not data.mentor_id:
        p["mentor_id"] = "Выберите наставника."
    if not data.mentee_id:
        p["mentee_id"] = "Выберите наставляемого."
    same = rules.same_person_problem(data.mentor_id, data.mentee_id)
    if same:
        p["mentee_id"] = same
    if data.form not in FORMS:
        p["form"] = "Выберите форму наставничества из списка."
    dates = rules.dates_problem(data.starts_on, data.ends_on, "Наставничество")
    if dates:
        p["ends_on"] = dates
    return p


def _twice(s: Session, data: PairData) -> bool:
    new = rules.Membership(data.mentee_id or "", data.starts_on, data.ends_on, data.id)
    existing = [rules.Membership(p.mentee_id, p.starts_on, p.ends_on, p.id) for p in s.scalars(
        select(MentoringPair).where(MentoringPair.mentor_id == data.mentor_id,
                                    MentoringPair.mentee_id == data.mentee_id))]
    return rules.duplicate_member(new, existing) is not None


def save_pair(data: PairData) -> str:
    data = replace(data, notes=data.notes.strip())
    problems = validate_pair(data)
    if problems:
        raise ValidationFailed(problems)
    with session_scope() as s:
        if _twice(s, data):
            raise ValidationFailed({"mentee_id": "Эта пара наставничества уже есть в эти даты."})
        if data.id is None:
            pair = MentoringPair()
        else:
            found = s.get(MentoringPair, data.id)
            if found is None:
                raise NotFound("Пара наставничества не найдена: возможно, её удалили.")
            pair = found
        for name in ("mentor_id", "mentee_id", "form", "starts_on", "ends_on", "notes"):
            setattr(pair, name, getattr(data, name))
        s.add(pair)
        s.flush()
        return pair.id


def delete_pairs(ids: Sequence[str]) -> None:
    with session_scope() as s:
        for pair in s.scalars(select(MentoringPair).where(MentoringPair.id.in_(list(ids)))):
            s.delete(pair)


# ---------------------------------------------------------------- the pair's plan

@dataclass(frozen=True)
class PlanItemData:
    id: str | None = None
    pair_id: str = ""
    text: str = ""
    deadline: date | None = None
    done_on: date | None = None


def list_plan(pair_id: str) -> list[PlanItemData]:
    with session_scope() as s:
        found = s.scalars(select(MentoringPlanItem).where(MentoringPlanItem.pair_id == pair_id))
        rows = [PlanItemData(i.id, i.pair_id, i.text, i.deadline, i.done_on) for i in found]
    return sorted(rows, key=lambda r: (r.deadline or date.max, r.text))


def save_plan_item(data: PlanItemData) -> str:
    if not data.text.strip():
        raise ValidationFailed({"text": "Запишите мероприятие плана наставничества."})
    with session_scope() as s:
        if s.get(MentoringPair, data.pair_id) is None:
            raise NotFound("Пара наставничества не найдена: возможно, её удалили.")
        item = s.get(MentoringPlanItem, data.id) if data.id else None
        item = item or MentoringPlanItem()
        item.pair_id, item.text = data.pair_id, data.text.strip()
        item.deadline, item.done_on = data.deadline, data.done_on
        s.add(item)
        s.flush()
        return item.id


def delete_plan_items(ids: Sequence[str]) -> None:
    with session_scope() as s:
        for item in s.scalars(select(MentoringPlanItem).where(
                MentoringPlanItem.id.in_(list(ids)))):
            s.delete(item)


# ---------------------------------------------------------------- young specialists

@dataclass(frozen=True)
class _Job:
    job_type: str
    hired_on: date | None
    left_on: date | None
    organization_id: str
    position: str


@dataclass
class _Facts:
    birth: date | None = None
    graduated: int | None = None
    ped_start: date | None = None
    jobs: list[_Job] = field(default_factory=list)

    @property
    def arrived(self) -> date | None:
        """The first hiring in the district's register."""
        hired = [j.hired_on for j in self.jobs if j.hired_on is not None]
        return min(hired) if hired else None


def _facts(s: Session) -> dict[str, _Facts]:
    facts: dict[str, _Facts] = defaultdict(_Facts)
    for pid, birth in s.execute(select(Person.id, Person.birth_date)):
        facts[pid].birth = birth
    best: dict[str, tuple[int, int | None]] = {}
    for pid, level, year in s.execute(select(Education.person_id, Education.level,
                                             Education.year)):
        rank = EDUCATION_LEVELS.index(level) if level in EDUCATION_LEVELS else 99
        if pid not in best or rank <= best[pid][0]:
            best[pid] = (rank, year)
    for pid, (_rank, year) in best.items():
        facts[pid].graduated = year
    for pid, years, months, as_of in s.execute(select(
            Experience.person_id, Experience.years, Experience.months, Experience.as_of
            ).where(Experience.kind == "педагогический")):
        facts[pid].ped_start = staff_rules.experience_start(years, months, as_of)
    for job in s.scalars(select(Employment).order_by(Employment.hired_on)):
        facts[job.person_id].jobs.append(_Job(job.job_type, job.hired_on, job.left_on,
                                              job.organization_id, job.position))
    return facts


def _young_now(f: _Facts, today: date, staff: StaffRules) -> bool:
    return staff_rules.is_young_specialist(f.birth, f.graduated, f.ped_start, today, staff)


def _mentored(s: Session, today: date) -> set[str]:
    return {p.mentee_id for p in s.scalars(select(MentoringPair))
            if _active(p.starts_on, p.ends_on, today)}


@dataclass(frozen=True)
class YoungRow:
    person_id: str
    full_name: str
    organization_id: str
    organization: str
    position: str
    started_on: date | None
    status_until: date | None


def young_without_mentor(staff: StaffRules, today: date | None = None) -> list[YoungRow]:
    """The young specialists (the rule of «Кадры», today) with no active mentoring pair."""
    today = today or clock.today()
    with session_scope() as s:
        facts, mentored = _facts(s), _mentored(s, today)
        people = {o.id: o for o in options_in(s)}
    rows = []
    for pid, f in facts.items():
        o = people.get(pid)
        if o is None or pid in mentored or not _young_now(f, today, staff):
            continue
        until = staff_rules.add_years(f.ped_start, staff.young_status_years) \
            if f.ped_start else None
        rows.append(YoungRow(pid, o.full_name, o.organization_id, o.organization, o.position,
                             f.ped_start, until))
    return sorted(rows, key=lambda r: (r.organization, r.full_name))


@dataclass(frozen=True)
class MonitoringRow:
    """One ОО of the monitoring: young specialists now and mentored now; those who came as
    young specialists and are still in the district after one and three years."""

    organization_id: str
    organization: str
    young: int = 0
    mentored: int = 0
    after_one: rules.Retention = rules.Retention()
    after_three: rules.Retention = rules.Retention()


def _organization_at_start(f: _Facts) -> str:
    start = f.arrived
    job = staff_rules.main_job(f.jobs, start) if start else None
    job = job or staff_rules.main_job(f.jobs) or (f.jobs[0] if f.jobs else None)
    return job.organization_id if job else ""


def monitoring(staff: StaffRules, today: date | None = None) -> list[MonitoringRow]:
    """The monitoring table by ОО (ОО with nothing to count are left out)."""
    today = today or clock.today()
    with session_scope() as s:
        facts, mentored = _facts(s), _mentored(s, today)
        orgs = dict(s.execute(select(Organization.id, Organization.short_name)).all())
    table: dict[str, MonitoringRow] = {}
    for pid, f in facts.items():
        org = _organization_at_start(f)
        row = table.get(org) or MonitoringRow(org, orgs.get(org, "без места работы"))
        if _young_now(f, today, staff):
            row = replace(row, young=row.young + 1, mentored=row.mentored + (pid in mentored))
        start = f.arrived
        if start is not None and rules.started_young(f.birth, f.graduated, f.ped_start, start,
                                                     staff):
            row = replace(row, after_one=row.after_one.add(rules.retained(f.jobs, start, 1,
                                                                          today)),
                          after_three=row.after_three.add(rules.retained(f.jobs, start, 3,
                                                                         today)))
        table[org] = row
    kept = [r for r in table.values() if r.young or r.after_one.counted or r.after_three.counted]
    return sorted(kept, key=lambda r: r.organization)
