"""Reading the methodist's journal: consultations, visits, plan items and the methodists,
as frozen rows for the screens and the reports."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from imc_desktop.db import session_scope
from imc_desktop.services.methodist import rules
from models import (
    Consultation,
    Employment,
    Event,
    MethodistProfile,
    Organization,
    Person,
    PlanItem,
    SchoolVisit,
)
from models.methodist import (
    CONSULTATION_CATEGORIES,
    CONSULTATION_FORMS,
    CONSULTATION_MODES,
    PLAN_KINDS,
    VISIT_KINDS,
)

CONSULTATIONS, VISITS, PLAN, PROFILES = (
    "consultations", "school_visits", "methodist_plan_items", "methodist_profiles")
TABLES = frozenset({CONSULTATIONS, VISITS, PLAN, PROFILES, "persons", "organizations",
                    "events"})
FORMS, MODES, CATEGORIES, KINDS, PLAN_ITEM_KINDS = (
    CONSULTATION_FORMS, CONSULTATION_MODES, CONSULTATION_CATEGORIES, VISIT_KINDS, PLAN_KINDS)
METHODIST_POSITION = "методист"


@dataclass(frozen=True)
class ConsultationData:
    id: str | None = None
    held_on: date | None = None
    methodist_id: str | None = None
    person_id: str | None = None
    organization_id: str | None = None
    whom_text: str = ""
    form: str = CONSULTATION_FORMS[0]
    mode: str = CONSULTATION_MODES[0]
    category: str = CONSULTATION_CATEGORIES[0]
    topic: str = ""
    participants: int = 1
    minutes: int | None = None
    result: str = ""


@dataclass(frozen=True)
class ConsultationRow(ConsultationData):
    methodist: str = ""
    person: str = ""
    organization: str = ""

    @property
    def whom(self) -> str:
        """Whom the consultation was given: the pedagogue, else the text, else the ОО."""
        return self.person or self.whom_text or self.organization


@dataclass(frozen=True)
class VisitData:
    id: str | None = None
    visited_on: date | None = None
    methodist_id: str | None = None
    organization_id: str | None = None
    kind: str = VISIT_KINDS[0]
    purpose: str = ""
    person_id: str | None = None
    class_name: str = ""
    subject: str = ""
    lesson_topic: str = ""
    marks: str = ""
    recommendations: str = ""

    @property
    def is_lesson(self) -> bool:
        return self.kind == VISIT_KINDS[0]


@dataclass(frozen=True)
class VisitRow(VisitData):
    methodist: str = ""
    person: str = ""
    organization: str = ""

    @property
    def percent(self) -> float | None:
        return rules.marks_percent(rules.parse_marks(self.marks))

    @property
    def level(self) -> str:
        return rules.lesson_level(self.percent)


@dataclass(frozen=True)
class PlanItemData:
    id: str | None = None
    methodist_id: str | None = None
    month: date | None = None
    planned_on: date | None = None
    kind: str = PLAN_KINDS[0]
    title: str = ""
    event_id: str | None = None
    visit_id: str | None = None
    consultation_id: str | None = None
    done_by_hand: bool = False
    note: str = ""


@dataclass(frozen=True)
class PlanItemRow(PlanItemData):
    methodist: str = ""
    event: str = ""
    event_status: str = ""
    link: str = ""  # what the item is linked with, as the list says it
    done: bool = False


@dataclass(frozen=True)
class MethodistRow:
    """A methodist of the ИМЦ and what he curates (the ОО by their short names)."""

    id: str | None = None  # the profile's id
    person_id: str | None = None
    name: str = ""
    subjects: str = ""
    organization_ids: tuple[str, ...] = ()
    organizations: str = ""
    associations: str = ""
    is_active: bool = True


def _names(s: Session, model: type[Person] | type[Organization], ids: Iterable[str | None]
           ) -> dict[str, str]:
    wanted = {i for i in ids if i}
    if not wanted:
        return {}
    if model is Organization:
        query = select(Organization.id, Organization.short_name).where(
            Organization.id.in_(wanted))
        return {str(i): str(n) for i, n in s.execute(query)}
    people = select(Person.id, Person.last_name, Person.first_name, Person.middle_name).where(
        Person.id.in_(wanted))
    return {str(i): " ".join(x for x in (a, b, c) if x) for i, a, b, c in s.execute(people)}


def _values(obj: object, cls: type) -> dict[str, object]:
    return {f.name: getattr(obj, f.name) for f in fields(cls)}


# ---------------------------------------------------------------- consultations

def consultations_in(s: Session, first: date | None = None, last: date | None = None,
                     methodist_id: str | None = None) -> list[ConsultationRow]:
    query = select(Consultation.__table__).order_by(Consultation.held_on.desc(),
                                                    Consultation.created_at)
    if first is not None:
        query = query.where(Consultation.held_on >= first)
    if last is not None:
        query = query.where(Consultation.held_on <= last)
    if methodist_id:
        query = query.where(Consultation.methodist_id == methodist_id)
    found = list(s.execute(query))  # plain rows: a long journal reads fast
    people = _names(s, Person, [c.methodist_id for c in found] + [c.person_id for c in found])
    orgs = _names(s, Organization, [c.organization_id for c in found])
    return [ConsultationRow(**_values(c, ConsultationData),  # type: ignore[arg-type]
                            methodist=people.get(c.methodist_id or "", ""),
                            person=people.get(c.person_id or "", ""),
                            organization=orgs.get(c.organization_id or "", ""))
            for c in found]


def consultations(first: date | None = None, last: date | None = None,
                  methodist_id: str | None = None) -> list[ConsultationRow]:
    """The consultations of a period (newest first), of one methodist or of all."""
    with session_scope() as s:
        return consultations_in(s, first, last, methodist_id)


# ---------------------------------------------------------------- visits

def visits_in(s: Session, first: date | None = None, last: date | None = None,
              methodist_id: str | None = None) -> list[VisitRow]:
    query = select(SchoolVisit.__table__).order_by(SchoolVisit.visited_on.desc(),
                                                   SchoolVisit.created_at)
    if first is not None:
        query = query.where(SchoolVisit.visited_on >= first)
    if last is not None:
        query = query.where(SchoolVisit.visited_on <= last)
    if methodist_id:
        query = query.where(SchoolVisit.methodist_id == methodist_id)
    return _visit_rows(s, list(s.execute(query)))


def _visit_rows(s: Session, found: Sequence[Any]) -> list[VisitRow]:
    people = _names(s, Person, [v.methodist_id for v in found] + [v.person_id for v in found])
    orgs = _names(s, Organization, [v.organization_id for v in found])
    return [VisitRow(**_values(v, VisitData),  # type: ignore[arg-type]
                     methodist=people.get(v.methodist_id or "", ""),
                     person=people.get(v.person_id or "", ""),
                     organization=orgs.get(v.organization_id or "", ""))
            for v in found]


def visits(first: date | None = None, last: date | None = None,
           methodist_id: str | None = None) -> list[VisitRow]:
    """The visits to ОО of a period (newest first), of one methodist or of all."""
    with session_scope() as s:
        return visits_in(s, first, last, methodist_id)


def get_visit(visit_id: str) -> VisitRow | None:
    """One visit, or None when it was deleted meanwhile."""
    with session_scope() as s:
        found = list(s.execute(select(SchoolVisit.__table__).where(SchoolVisit.id == visit_id)))
        return _visit_rows(s, found)[0] if found else None


# ---------------------------------------------------------------- the plan

def plan_in(s: Session, first: date | None = None, last: date | None = None,
            methodist_id: str | None = None) -> list[PlanItemRow]:
    """The plan items of the months from `first` to `last` (by their month)."""
    query = select(PlanItem).order_by(PlanItem.month, PlanItem.planned_on, PlanItem.created_at)
    if first is not None:
        query = query.where(PlanItem.month >= rules.month_start(first))
    if last is not None:
        query = query.where(PlanItem.month <= last)
    if methodist_id:
        query = query.where(PlanItem.methodist_id == methodist_id)
    found = list(s.scalars(query))
    people = _names(s, Person, [p.methodist_id for p in found])
    visit_days: dict[str, date] = {str(i): d for i, d in s.execute(
        select(SchoolVisit.id, SchoolVisit.visited_on).where(
            SchoolVisit.id.in_({p.visit_id for p in found if p.visit_id})))}
    held_days: dict[str, date] = {str(i): d for i, d in s.execute(
        select(Consultation.id, Consultation.held_on).where(
            Consultation.id.in_({p.consultation_id for p in found if p.consultation_id})))}
    event_ids = {p.event_id for p in found if p.event_id}
    events = {str(i): (str(t), str(st)) for i, t, st in s.execute(
        select(Event.id, Event.title, Event.status).where(Event.id.in_(event_ids)))
    } if event_ids else {}
    rows = []
    for p in found:
        title, status = events.get(p.event_id or "", ("", ""))
        done = rules.plan_item_done(p.done_by_hand, status or None, bool(p.visit_id),
                                    bool(p.consultation_id))
        link = title or _day_text("посещение", visit_days.get(p.visit_id or "")) \
            or _day_text("консультация", held_days.get(p.consultation_id or ""))
        rows.append(PlanItemRow(**_values(p, PlanItemData),  # type: ignore[arg-type]
                                methodist=people.get(p.methodist_id or "", ""),
                                event=title, event_status=status, link=link, done=done))
    return rows


def _day_text(what: str, day: date | None) -> str:
    return f"{what} {day:%d.%m.%Y}" if day else ""


def plan(first: date | None = None, last: date | None = None,
         methodist_id: str | None = None) -> list[PlanItemRow]:
    with session_scope() as s:
        return plan_in(s, first, last, methodist_id)


# ---------------------------------------------------------------- methodists and choices

def methodists_in(s: Session) -> list[MethodistRow]:
    profiles = list(s.scalars(select(MethodistProfile)))
    people = _names(s, Person, [p.person_id for p in profiles])
    all_orgs = {str(i): str(n) for i, n in s.execute(
        select(Organization.id, Organization.short_name))}
    rows = []
    for p in profiles:
        ids = tuple(i for i in (x.strip() for x in p.organization_ids.split(";")) if i)
        rows.append(MethodistRow(p.id, p.person_id, people.get(p.person_id, ""), p.subjects,
                                 ids, "; ".join(all_orgs.get(i, i) for i in ids),
                                 p.associations, p.is_active))
    rows.sort(key=lambda r: r.name.casefold())
    return rows


def methodists() -> list[MethodistRow]:
    """The ИМЦ's methodists (their profiles) by name."""
    with session_scope() as s:
        return methodists_in(s)


def methodist_choices() -> list[tuple[str, str]]:
    """(person id, ФИО) of the active methodists of the ИМЦ; with none entered yet, of the
    pedagogues whose position is «методист»."""
    with session_scope() as s:
        chosen = [(r.person_id or "", r.name) for r in methodists_in(s) if r.is_active]
        if chosen:
            return chosen
        ids = set(s.scalars(select(Employment.person_id).where(
            Employment.position == METHODIST_POSITION, Employment.left_on.is_(None))))
        names = _names(s, Person, ids)
        return sorted(names.items(), key=lambda pair: pair[1].casefold())


@dataclass(frozen=True)
class PersonPick:
    """A pedagogue to pick by typing: «ФИО — ОО», and the ОО of his main job."""

    id: str
    label: str
    organization_id: str = ""


def person_picks() -> list[PersonPick]:
    """Every pedagogue of the register with the ОО of his first job still held, by name."""
    with session_scope() as s:
        jobs: dict[str, tuple[str, str]] = {}
        query = select(Employment.person_id, Employment.organization_id,
                       Organization.short_name).join(
            Organization, Organization.id == Employment.organization_id).where(
            Employment.left_on.is_(None)).order_by(Employment.hired_on)
        for person_id, org_id, org_name in s.execute(query):
            jobs.setdefault(str(person_id), (str(org_id), str(org_name)))
        people = s.execute(select(Person.id, Person.last_name, Person.first_name,
                                  Person.middle_name).order_by(
            Person.last_name, Person.first_name, Person.middle_name))
        picks = []
        for pid, last, first, middle in people:
            org_id, org = jobs.get(str(pid), ("", ""))
            name = " ".join(x for x in (last, first, middle) if x)
            picks.append(PersonPick(str(pid), f"{name} — {org}" if org else name, org_id))
        return picks


def link_choices(kind: str, first: date, last: date, methodist_id: str | None
                 ) -> list[tuple[str, str]]:
    """What a plan item of `kind` may be linked with in its month: the events (all of the
    ИМЦ), or the methodist's visits or consultations; (id, label) by date."""
    with session_scope() as s:
        if kind == PLAN_KINDS[0]:
            query = select(Event.id, Event.starts_at, Event.title).where(
                Event.starts_at >= first, Event.starts_at < rules.add_months(first, 1)
            ).order_by(Event.starts_at)
            return [(str(i), f"{when:%d.%m} {title}") for i, when, title in s.execute(query)]
        if kind == PLAN_KINDS[1]:
            return [(v.id or "", f"{v.visited_on:%d.%m} {v.organization} {v.person}".strip())
                    for v in reversed(visits_in(s, first, last, methodist_id))]
        if kind == PLAN_KINDS[2]:
            return [(c.id or "", f"{c.held_on:%d.%m} {c.whom}: {c.topic}")
                    for c in reversed(consultations_in(s, first, last, methodist_id))]
        return []


def person_journal(person_id: str) -> tuple[list[ConsultationRow], list[VisitRow]]:
    """The consultations a pedagogue was given and the lessons of his that were observed
    (for the «Консультации и посещения» page of his card), newest first."""
    with session_scope() as s:
        given = select(Consultation.__table__).where(
            Consultation.person_id == person_id).order_by(Consultation.held_on.desc())
        found = list(s.execute(given))
        people = _names(s, Person, [c.methodist_id for c in found])
        orgs = _names(s, Organization, [c.organization_id for c in found])
        consultations = [ConsultationRow(**_values(c, ConsultationData),  # type: ignore[arg-type]
                                         methodist=people.get(c.methodist_id or "", ""),
                                         organization=orgs.get(c.organization_id or "", ""))
                         for c in found]
        observed = select(SchoolVisit.__table__).where(
            SchoolVisit.person_id == person_id).order_by(SchoolVisit.visited_on.desc())
        return consultations, _visit_rows(s, list(s.execute(observed)))
