"""Participants of an event: from the register (one by one or in bulk by ОО, position,
subject), external by name; roles, registration, attendance and results; the capacity."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from imc_desktop import clock
from imc_desktop.db import session_scope
from imc_desktop.services.common.errors import NotFound, ServiceError, ValidationFailed
from imc_desktop.services.common.records import load_or_new
from imc_desktop.services.events import rules
from imc_desktop.services.events.records import person_name
from imc_desktop.services.staff.rules import main_job
from models import Employment, Event, EventParticipant, Organization, Person
from models.events import RESULTS, ROLES

__all__ = ["RESULTS", "ROLES"]


@dataclass(frozen=True)
class ParticipantData:
    id: str | None = None
    event_id: str = ""
    person_id: str | None = None
    full_name: str = ""
    organization_id: str | None = None
    organization_text: str = ""
    position: str = ""
    role: str = ROLES[0]
    registered_on: date | None = None
    attended: bool | None = None
    result: str = ""
    nomination: str = ""
    place: int | None = None
    score: float | None = None


_FIELDS = [f.name for f in fields(ParticipantData) if f.name != "id"]


@dataclass(frozen=True)
class ParticipantRow:
    """A participant of an event, or an event of a pedagogue (the card's tab)."""

    data: ParticipantData
    organization: str
    event_title: str
    event_kind: str
    event_start: datetime
    document: str  # «диплом № 2026/15» once issued

    @property
    def id(self) -> str:
        return self.data.id or ""

    @property
    def external(self) -> bool:
        return self.data.person_id is None


def _data(p: EventParticipant) -> ParticipantData:
    return ParticipantData(p.id, **{n: getattr(p, n) for n in _FIELDS})


def _rows(s: Session, found: Sequence[EventParticipant]) -> list[ParticipantRow]:
    from models import IssuedDocument

    orgs = dict(s.execute(select(Organization.id, Organization.short_name)).all())
    event_ids = {p.event_id for p in found}
    events = {e.id: e for e in s.scalars(select(Event).where(Event.id.in_(event_ids)))}
    docs: dict[str, str] = {}
    for d in s.scalars(select(IssuedDocument).where(
            IssuedDocument.participant_id.in_([p.id for p in found]))):
        docs[d.participant_id or ""] = f"{d.kind} № {d.year}/{d.number}"
    return [ParticipantRow(_data(p), orgs.get(p.organization_id or "", "") or
                           p.organization_text, events[p.event_id].title,
                           events[p.event_id].kind, events[p.event_id].starts_at,
                           docs.get(p.id, "")) for p in found]


def list_participants(event_id: str) -> list[ParticipantRow]:
    with session_scope() as s:
        found = list(s.scalars(select(EventParticipant).where(
            EventParticipant.event_id == event_id).order_by(EventParticipant.full_name)))
        return _rows(s, found)


def person_participation(person_id: str) -> list[ParticipantRow]:
    """Everything a pedagogue took part in, newest first (the card's tab)."""
    with session_scope() as s:
        return participation_in(s, person_id)


def participation_in(s: Session, person_id: str) -> list[ParticipantRow]:
    found = list(s.scalars(select(EventParticipant).join(Event).where(
        EventParticipant.person_id == person_id).order_by(Event.starts_at.desc())))
    return _rows(s, found)


# ---------------------------------------------------------------- adding

@dataclass(frozen=True)
class Added:
    added: int
    already: int  # were participants already and were skipped


def _event(s: Session, event_id: str) -> Event:
    event = s.get(Event, event_id)
    if event is None:
        raise NotFound("Мероприятие не найдено: возможно, его удалили.")
    return event


def _roles(s: Session, event_id: str) -> list[str]:
    return list(s.scalars(select(EventParticipant.role).where(
        EventParticipant.event_id == event_id)))


def _check_capacity(s: Session, event: Event, adding: Sequence[str]) -> None:
    problem = rules.capacity_problem(event.capacity, _roles(s, event.id), adding)
    if problem:
        raise ServiceError(f"«{event.title}»: мест не хватает. {problem}")


def _main_jobs(s: Session, person_ids: Sequence[str]) -> dict[str, Employment]:
    held: dict[str, list[Employment]] = {}
    for job in s.scalars(select(Employment).where(Employment.person_id.in_(person_ids),
                                                  Employment.left_on.is_(None))
                         .order_by(Employment.hired_on)):
        held.setdefault(job.person_id, []).append(job)
    found = {pid: main_job(jobs) for pid, jobs in held.items()}
    return {pid: job for pid, job in found.items() if job is not None}


def add_people(event_id: str, person_ids: Sequence[str], role: str = ROLES[0],
               today: date | None = None) -> Added:
    """Add pedagogues of the register (their current main job's ОО and position); those
    already taking part are skipped. Refused whole when the capacity would be exceeded."""
    if role not in ROLES:
        raise ValidationFailed({"role": "Выберите роль из списка."})
    with session_scope() as s:
        event = _event(s, event_id)
        present = set(s.scalars(select(EventParticipant.person_id).where(
            EventParticipant.event_id == event_id)))
        new = list(dict.fromkeys(p for p in person_ids if p not in present))
        _check_capacity(s, event, [role] * len(new))
        jobs = _main_jobs(s, new)
        for person in s.scalars(select(Person).where(Person.id.in_(new))):
            job = jobs.get(person.id)
            s.add(EventParticipant(
                event_id=event_id, person_id=person.id, full_name=person_name(person),
                organization_id=job.organization_id if job else None,
                position=job.position if job else "", role=role,
                registered_on=today or clock.today()))
    return Added(len(new), len(person_ids) - len(new))


def matching_people(organization_id: str = "", position: str = "", subject: str = ""
                    ) -> list[str]:
    """Ids of pedagogues with a current job matching all the given conditions."""
    with session_scope() as s:
        query = select(Employment).where(Employment.left_on.is_(None))
        if organization_id:
            query = query.where(Employment.organization_id == organization_id)
        if position:
            query = query.where(Employment.position == position)
        wanted = subject.casefold().strip()
        return list(dict.fromkeys(
            j.person_id for j in s.scalars(query)
            if not wanted or wanted in (x.strip().casefold() for x in j.subjects.split(";"))))


def add_bulk(event_id: str, organization_id: str = "", position: str = "", subject: str = "",
             role: str = ROLES[0], today: date | None = None) -> Added:
    if not (organization_id or position or subject):
        raise ServiceError("Выберите ОО, должность или предмет.")
    return add_people(event_id, matching_people(organization_id, position, subject), role,
                      today)


def save_participant(data: ParticipantData) -> str:
    """Add an external participant (no person) or change any participant."""
    problems = validate_participant(data)
    if problems:
        raise ValidationFailed(problems)
    with session_scope() as s:
        event = _event(s, data.event_id)
        row = load_or_new(s, EventParticipant, data.id,
                          "Участник не найден: возможно, его удалили.")
        before = [] if data.id is None else [row.role]
        if rules.seats_taken([data.role]) > rules.seats_taken(before):
            _check_capacity(s, event, [data.role])
        for name in _FIELDS:
            setattr(row, name, getattr(data, name))
        s.add(row)
        s.flush()
        row_id = row.id
    return row_id


def validate_participant(data: ParticipantData) -> dict[str, str]:
    p: dict[str, str] = {}
    if not data.full_name.strip():
        p["full_name"] = "Укажите ФИО участника."
    if data.role not in ROLES:
        p["role"] = "Выберите роль из списка."
    if data.result not in RESULTS:
        p["result"] = "Результат: победитель, призёр, лауреат или участник."
    if data.place is not None and data.place < 1:
        p["place"] = "Место — целое число от 1."
    if data.score is not None and data.score < 0:
        p["score"] = "Балл не может быть отрицательным."
    if data.result and data.attended is False:
        p["attended"] = "С результатом — значит присутствовал."
    return p


def delete_participants(ids: Sequence[str]) -> None:
    with session_scope() as s:
        for row in s.scalars(select(EventParticipant).where(EventParticipant.id.in_(ids))):
            s.delete(row)


def mark_attendance(ids: Sequence[str], attended: bool) -> None:
    with session_scope() as s:
        for row in s.scalars(select(EventParticipant).where(EventParticipant.id.in_(ids))):
            row.attended = attended
