"""Associations of the methodological network and their members: list, read, validate,
save, delete; members chosen from «Кадры» one by one or in bulk by subject, position, ОО."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from imc_desktop.db import session_scope
from imc_desktop.services.common.errors import NotFound, ServiceError, ValidationFailed
from imc_desktop.services.common.records import load_or_new, write_fields
from imc_desktop.services.network import rules
from imc_desktop.services.staff.records import split_subjects
from models import (
    Employment,
    NetworkAssociation,
    NetworkMeeting,
    NetworkMember,
    Organization,
    Person,
)
from models.network import ASSOCIATION_KINDS, ASSOCIATION_STATUSES, EDUCATION_LEVELS, MEMBER_ROLES
from models.staff import POSITIONS

TABLES = frozenset({"network_associations", "network_members", "network_meetings",
                    "network_decisions", "network_sites", "mentoring_pairs",
                    "mentoring_plan_items"})
__all__ = ["POSITIONS"]
KINDS, STATUSES, LEVELS, ROLES = (ASSOCIATION_KINDS, ASSOCIATION_STATUSES, EDUCATION_LEVELS,
                                  MEMBER_ROLES)


@dataclass(frozen=True)
class AssociationData:
    id: str | None = None
    kind: str = KINDS[0]
    name: str = ""
    subject: str = ""
    education_level: str = ""
    head_id: str | None = None
    curator_id: str | None = None
    year: int = 2025
    theme: str = ""
    status: str = STATUSES[0]
    notes: str = ""


_FIELDS = [f.name for f in fields(AssociationData) if f.name != "id"]


@dataclass(frozen=True)
class AssociationRow:
    """One association as the list shows it."""

    data: AssociationData
    head: str
    curator: str
    members: int
    planned: int
    held: int
    without_protocol: int

    @property
    def id(self) -> str:
        return self.data.id or ""

    @property
    def year_text(self) -> str:
        return rules.year_text(self.data.year)


@dataclass(frozen=True)
class PersonOption:
    """A pedagogue to choose: «Фамилия Имя Отчество — ОО, должность» and the main job."""

    id: str
    full_name: str
    organization_id: str
    organization: str
    position: str
    subjects: tuple[str, ...]

    @property
    def label(self) -> str:
        job = ", ".join(x for x in (self.organization, self.position) if x)
        return f"{self.full_name} — {job}" if job else self.full_name


def full_name(last: str, first: str, middle: str) -> str:
    return " ".join(x for x in (last, first, middle) if x)


def names_of(s: Session, ids: Sequence[str | None]) -> dict[str, str]:
    wanted = sorted({i for i in ids if i})
    if not wanted:
        return {}
    query = select(Person.id, Person.last_name, Person.first_name, Person.middle_name).where(
        Person.id.in_(wanted))
    return {pid: full_name(a, b, c) for pid, a, b, c in s.execute(query)}


def person_options() -> list[PersonOption]:
    """Every pedagogue of «Кадры» with the main job (the first not left), by name."""
    with session_scope() as s:
        return options_in(s)


def options_in(s: Session) -> list[PersonOption]:
    jobs: dict[str, tuple[str, str, str, str]] = {}
    query = select(Employment.person_id, Employment.organization_id, Organization.short_name,
                   Employment.position, Employment.subjects).join(Organization).where(
        Employment.left_on.is_(None)).order_by(Employment.hired_on.is_(None).desc(),
                                               Employment.hired_on)
    for pid, org_id, org, position, subjects in s.execute(query):
        jobs.setdefault(pid, (org_id, org, position, subjects))
    people = s.execute(select(Person.id, Person.last_name, Person.first_name,
                              Person.middle_name).order_by(
        Person.last_name, Person.first_name, Person.middle_name)).all()
    return [PersonOption(pid, full_name(a, b, c), *_job_of(jobs.get(pid)))
            for pid, a, b, c in people]


def _job_of(job: tuple[str, str, str, str] | None) -> tuple[str, str, str, tuple[str, ...]]:
    if job is None:
        return "", "", "", ()
    return job[0], job[1], job[2], split_subjects(job[3])


# ---------------------------------------------------------------- associations

def list_associations(today: date | None = None) -> list[AssociationRow]:
    """Every association, the newest year first, then by kind and name."""
    from imc_desktop.services.network import meetings

    with session_scope() as s:
        found = list(s.scalars(select(NetworkAssociation).order_by(
            NetworkAssociation.year.desc(), NetworkAssociation.kind, NetworkAssociation.name)))
        names = names_of(s, [a.head_id for a in found] + [a.curator_id for a in found])
        counts = dict(s.execute(select(NetworkMember.association_id, func.count()).where(
            NetworkMember.left_on.is_(None)).group_by(NetworkMember.association_id)).all())
        stats = meetings.plan_stats(s, today)
        return [AssociationRow(_data(a), names.get(a.head_id or "", ""),
                               names.get(a.curator_id or "", ""), int(counts.get(a.id, 0)),
                               *stats.get(a.id, (0, 0, 0))) for a in found]


def _data(a: NetworkAssociation) -> AssociationData:
    return AssociationData(a.id, **{n: getattr(a, n) for n in _FIELDS})


def get_association(association_id: str) -> AssociationData:
    with session_scope() as s:
        found = s.get(NetworkAssociation, association_id)
        if found is None:
            raise NotFound("Объединение не найдено: возможно, его удалили.")
        return _data(found)


def validate_association(data: AssociationData) -> dict[str, str]:
    p: dict[str, str] = {}
    if not data.name.strip():
        p["name"] = "Укажите наименование объединения."
    if data.kind not in KINDS:
        p["kind"] = "Выберите вид объединения из списка."
    if data.status not in STATUSES:
        p["status"] = "Выберите статус из списка."
    if data.education_level not in LEVELS:
        p["education_level"] = "Выберите уровень образования из списка."
    if not 2000 <= data.year <= 2100:
        p["year"] = "Учебный год — год его начала, от 2000 до 2100 (например, 2025)."
    if data.head_id and data.head_id == data.curator_id:
        p["curator_id"] = ("Куратор — методист ИМЦ, а не руководитель объединения: "
                           "выберите другого педагога.")
    return p


def save_association(data: AssociationData, loaded: AssociationData | None = None,
                     overwrite: bool = False) -> str:
    data = replace(data, name=data.name.strip(), subject=data.subject.strip(),
                   theme=data.theme.strip())
    problems = validate_association(data)
    if problems:
        raise ValidationFailed(problems)
    with session_scope() as s:
        row = load_or_new(s, NetworkAssociation, data.id,
                          "Объединение не найдено: возможно, его удалили на другом компьютере.")
        write_fields(row, data, loaded if data.id else None, _FIELDS,
                     "network_associations", overwrite)
        s.add(row)
        s.flush()
        if data.head_id:
            _ensure_member(s, row.id, data.head_id, "руководитель", rules.year_bounds(row.year)[0])
        return row.id


def delete_association(association_id: str) -> None:
    """Delete with its members, plan and protocols; the calendar's events stay."""
    with session_scope() as s:
        found = s.get(NetworkAssociation, association_id)
        if found is None:
            raise NotFound("Объединение не найдено: возможно, его уже удалили.")
        s.delete(found)


# ---------------------------------------------------------------- members

@dataclass(frozen=True)
class MemberRow:
    id: str
    association_id: str
    person_id: str
    full_name: str
    organization: str
    position: str
    role: str
    joined_on: date | None
    left_on: date | None


def list_members(association_id: str) -> list[MemberRow]:
    with session_scope() as s:
        options = {o.id: o for o in options_in(s)}
        found = s.scalars(select(NetworkMember).where(
            NetworkMember.association_id == association_id))
        rows = [_member_row(m, options) for m in found]
    order = {role: i for i, role in enumerate(ROLES)}
    return sorted(rows, key=lambda r: (r.left_on is not None, order.get(r.role, 9),
                                       r.full_name.casefold()))


def _member_row(m: NetworkMember, options: dict[str, PersonOption]) -> MemberRow:
    o = options.get(m.person_id)
    return MemberRow(m.id, m.association_id, m.person_id, o.full_name if o else "",
                     o.organization if o else "", o.position if o else "", m.role,
                     m.joined_on, m.left_on)


def _memberships(s: Session, association_id: str) -> list[rules.Membership]:
    return [rules.Membership(m.person_id, m.joined_on, m.left_on, m.id) for m in s.scalars(
        select(NetworkMember).where(NetworkMember.association_id == association_id))]


def _ensure_member(s: Session, association_id: str, person_id: str, role: str,
                   joined_on: date) -> None:
    """The person is a current member with this role: added, or her role changed."""
    current = s.scalars(select(NetworkMember).where(
        NetworkMember.association_id == association_id, NetworkMember.person_id == person_id,
        NetworkMember.left_on.is_(None))).first()
    if current is None:
        s.add(NetworkMember(association_id=association_id, person_id=person_id, role=role,
                            joined_on=joined_on))
    elif current.role != role:
        current.role = role


def add_members(association_id: str, person_ids: Sequence[str], role: str = "член",
                joined_on: date | None = None) -> tuple[int, list[str]]:
    """Add pedagogues; those already members are skipped and named. (added, names skipped)."""
    if role not in ROLES:
        raise ValidationFailed({"role": "Выберите роль из списка."})
    with session_scope() as s:
        association = s.get(NetworkAssociation, association_id)
        if association is None:
            raise NotFound("Объединение не найдено: возможно, его удалили.")
        joined = joined_on or rules.year_bounds(association.year)[0]
        existing = _memberships(s, association_id)
        names = names_of(s, list(person_ids))
        added, skipped = 0, []
        for pid in dict.fromkeys(person_ids):
            new = rules.Membership(pid, joined, None)
            if rules.duplicate_member(new, existing) is not None:
                skipped.append(names.get(pid, pid))
                continue
            s.add(NetworkMember(association_id=association_id, person_id=pid, role=role,
                                joined_on=joined))
            existing.append(new)
            added += 1
        return added, skipped


def matching_people(subject: str = "", position: str = "", organization_id: str = ""
                    ) -> list[str]:
    """The pedagogues whose main job fits every condition given (subject: one of theirs)."""
    return [o.id for o in matching(person_options(), subject, position, organization_id)]


def matching(options: Sequence[PersonOption], subject: str = "", position: str = "",
             organization_id: str = "") -> list[PersonOption]:
    wanted = subject.strip().casefold()
    return [o for o in options
            if (not wanted or any(x.casefold() == wanted for x in o.subjects))
            and (not position or o.position == position)
            and (not organization_id or o.organization_id == organization_id)]


def save_member(row: MemberRow) -> None:
    """Change a member's role and dates (the person stays)."""
    if row.role not in ROLES:
        raise ValidationFailed({"role": "Выберите роль из списка."})
    problem = rules.dates_problem(row.joined_on, row.left_on, "Участие в объединении")
    if problem:
        raise ValidationFailed({"left_on": problem})
    with session_scope() as s:
        member = s.get(NetworkMember, row.id)
        if member is None:
            raise NotFound("Участник не найден: возможно, его удалили.")
        new = rules.Membership(member.person_id, row.joined_on, row.left_on, member.id)
        if rules.duplicate_member(new, _memberships(s, member.association_id)) is not None:
            raise ServiceError(f"{row.full_name} уже состоит в объединении в эти даты.")
        member.role, member.joined_on, member.left_on = row.role, row.joined_on, row.left_on


def delete_members(ids: Sequence[str]) -> None:
    with session_scope() as s:
        for member in s.scalars(select(NetworkMember).where(NetworkMember.id.in_(list(ids)))):
            s.delete(member)


@dataclass(frozen=True)
class PersonAssociation:
    """An association on a pedagogue's card."""

    association_id: str
    name: str
    kind: str
    year: int
    role: str
    joined_on: date | None
    left_on: date | None

    @property
    def year_text(self) -> str:
        return rules.year_text(self.year)


def person_associations(person_id: str) -> list[PersonAssociation]:
    with session_scope() as s:
        query = select(NetworkMember, NetworkAssociation).join(NetworkAssociation).where(
            NetworkMember.person_id == person_id).order_by(NetworkAssociation.year.desc(),
                                                           NetworkAssociation.name)
        return [PersonAssociation(a.id, a.name, a.kind, a.year, m.role, m.joined_on, m.left_on)
                for m, a in s.execute(query)]


def count_meetings(association_id: str) -> int:
    with session_scope() as s:
        return int(s.scalar(select(func.count(NetworkMeeting.id)).where(
            NetworkMeeting.association_id == association_id)) or 0)
