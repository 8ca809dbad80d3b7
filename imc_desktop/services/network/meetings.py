"""The plan of an association's meetings and their protocols. A planned meeting IS an event
of the calendar — the same «events» row, linked by id: planning one creates its event (or
attaches an existing «заседание РМО»), and its date, place, participants and attendance are
read from that event, never copied."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from datetime import date, datetime

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from imc_desktop import clock
from imc_desktop.db import session_scope
from imc_desktop.services.common.errors import NotFound, ServiceError, ValidationFailed
from imc_desktop.services.network import rules
from imc_desktop.services.network.records import names_of
from models import (
    Event,
    EventParticipant,
    NetworkAssociation,
    NetworkDecision,
    NetworkMeeting,
    NetworkMember,
    Organization,
)
from models.network import MEETING_EVENT_KIND, MEETING_FORMS

FORMS = MEETING_FORMS
ATTENDING_ROLES = ("участник", "докладчик")


@dataclass(frozen=True)
class MeetingData:
    """A meeting of the plan with its protocol (the date and place belong to the event)."""

    id: str | None = None
    association_id: str = ""
    event_id: str | None = None
    theme: str = ""
    form: str = FORMS[0]
    speakers: str = ""
    responsible_id: str | None = None
    protocol_number: str = ""
    agenda: str = ""
    heard: str = ""
    spoke: str = ""
    decided: str = ""

    @property
    def has_protocol(self) -> bool:
        return bool(self.protocol_number.strip() or self.decided.strip())


_FIELDS = [f.name for f in fields(MeetingData) if f.name != "id"]
_PROTOCOL = ("protocol_number", "agenda", "heard", "spoke", "decided")


@dataclass(frozen=True)
class Slot:
    """When and where a planned meeting takes place (written on its event)."""

    starts_at: datetime
    ends_at: datetime
    place_organization_id: str | None = None
    place_text: str = ""


@dataclass(frozen=True)
class MeetingRow:
    data: MeetingData
    number: int
    starts_at: datetime | None
    ends_at: datetime | None
    status: str
    place: str
    responsible: str
    participants: int
    attended: int
    decisions: int
    decisions_done: int
    held: bool
    association: str = ""
    place_organization_id: str | None = None

    @property
    def id(self) -> str:
        return self.data.id or ""

    @property
    def day(self) -> date | None:
        return self.starts_at.date() if self.starts_at else None


def _data(m: NetworkMeeting) -> MeetingData:
    return MeetingData(m.id, **{n: getattr(m, n) for n in _FIELDS})


def _association(s: Session, association_id: str) -> NetworkAssociation:
    found = s.get(NetworkAssociation, association_id)
    if found is None:
        raise NotFound("Объединение не найдено: возможно, его удалили.")
    return found


# ---------------------------------------------------------------- reading

def list_meetings(association_id: str, today: date | None = None) -> list[MeetingRow]:
    """The plan in date order, each with its event's date, place, status and attendance."""
    today = today or clock.today()
    with session_scope() as s:
        found = list(s.scalars(select(NetworkMeeting).where(
            NetworkMeeting.association_id == association_id)))
        return _rows(s, found, today)


def _rows(s: Session, found: list[NetworkMeeting], today: date) -> list[MeetingRow]:
    events = {e.id: e for e in s.scalars(select(Event).where(
        Event.id.in_([m.event_id for m in found if m.event_id])))}
    orgs = dict(s.execute(select(Organization.id, Organization.short_name)).all())
    names = names_of(s, [m.responsible_id for m in found])
    people = _attendance_counts(s, list(events))
    associations = dict(s.execute(select(NetworkAssociation.id, NetworkAssociation.name)).all())
    decisions = _decision_counts(s, [m.id for m in found])
    found.sort(key=lambda m: (events[m.event_id].starts_at if m.event_id in events
                              else datetime.max, m.theme))
    rows = []
    for i, m in enumerate(found, 1):
        e = events.get(m.event_id or "")
        place = (orgs.get(e.place_organization_id or "", "") or e.place_text) if e else ""
        held = e is not None and rules.is_held(e.status, e.starts_at.date(), today)
        rows.append(MeetingRow(
            _data(m), i, e.starts_at if e else None, e.ends_at if e else None,
            e.status if e else "мероприятие удалено", place,
            names.get(m.responsible_id or "", ""), *people.get(m.event_id or "", (0, 0)),
            *decisions.get(m.id, (0, 0)), held, associations.get(m.association_id, ""),
            e.place_organization_id if e else None))
    return rows


def _attendance_counts(s: Session, event_ids: list[str]) -> dict[str, tuple[int, int]]:
    query = select(EventParticipant.event_id, func.count(),
                   func.sum(case((EventParticipant.attended.is_(True), 1), else_=0))).where(
        EventParticipant.event_id.in_(event_ids),
        EventParticipant.role.in_(ATTENDING_ROLES)).group_by(EventParticipant.event_id)
    return {e: (int(n), int(a or 0)) for e, n, a in s.execute(query)}


def _decision_counts(s: Session, meeting_ids: list[str]) -> dict[str, tuple[int, int]]:
    query = select(NetworkDecision.meeting_id, func.count(),
                   func.sum(case((NetworkDecision.done_on.is_not(None), 1), else_=0))).where(
        NetworkDecision.meeting_id.in_(meeting_ids)).group_by(NetworkDecision.meeting_id)
    return {m: (int(n), int(d or 0)) for m, n, d in s.execute(query)}


def plan_stats(s: Session, today: date | None = None) -> dict[str, tuple[int, int, int]]:
    """{association: (planned, held, held without a protocol)}: cancelled ones not planned."""
    today = today or clock.today()
    query = select(NetworkMeeting, Event.status, Event.starts_at).join(
        Event, Event.id == NetworkMeeting.event_id)
    stats: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for m, status, starts in s.execute(query):
        if status == "отменено":
            continue
        counts = stats[m.association_id]
        counts[0] += 1
        if rules.is_held(status, starts.date(), today):
            counts[1] += 1
            counts[2] += not _data(m).has_protocol
    return {k: (v[0], v[1], v[2]) for k, v in stats.items()}


def get_meeting(meeting_id: str) -> MeetingData:
    with session_scope() as s:
        found = s.get(NetworkMeeting, meeting_id)
        if found is None:
            raise NotFound("Заседание не найдено: возможно, его удалили.")
        return _data(found)


# ---------------------------------------------------------------- planning

def validate_meeting(data: MeetingData, day: date | None, year: int) -> dict[str, str]:
    p: dict[str, str] = {}
    if not data.theme.strip():
        p["theme"] = "Укажите тему заседания."
    if data.form not in FORMS:
        p["form"] = "Выберите форму заседания из списка."
    if day is not None:
        problem = rules.meeting_date_problem(day, year)
        if problem:
            p["starts_at"] = problem
    return p


def _title(association: NetworkAssociation, theme: str) -> str:
    return f"{association.name}: {theme}"


def plan_meeting(data: MeetingData, slot: Slot, invite_members: bool = True) -> str:
    """A new meeting of the plan and its event in the calendar (kind «заседание РМО»);
    the association's current members are its participants. Returns the meeting's id."""
    with session_scope() as s:
        return plan_in(s, data, slot, invite_members)


def plan_in(s: Session, data: MeetingData, slot: Slot, invite_members: bool = True) -> str:
    """:func:`plan_meeting` inside a unit of work of the caller's (an import's)."""
    data = replace(data, theme=data.theme.strip(), event_id=None, id=None)
    association = _association(s, data.association_id)
    problems = validate_meeting(data, slot.starts_at.date(), association.year)
    if slot.ends_at < slot.starts_at:
        problems["ends_at"] = "Окончание раньше начала."
    if problems:
        raise ValidationFailed(problems)
    event = Event(kind=MEETING_EVENT_KIND, title=_title(association, data.theme),
                  starts_at=slot.starts_at, ends_at=slot.ends_at,
                  place_organization_id=slot.place_organization_id,
                  place_text=slot.place_text, organizer_id=association.curator_id,
                  audience_subjects=association.subject, status="планируется")
    s.add(event)
    s.flush()
    meeting = NetworkMeeting(**{n: getattr(data, n) for n in _FIELDS if n != "event_id"})
    meeting.event_id = event.id
    s.add(meeting)
    s.flush()
    if invite_members:
        _invite(s, event.id, list(s.scalars(select(NetworkMember.person_id).where(
            NetworkMember.association_id == association.id, NetworkMember.left_on.is_(None)))))
    return meeting.id


def _invite(s: Session, event_id: str, person_ids: list[str]) -> None:
    """The members as participants of the meeting's event, with their main job."""
    from imc_desktop.services.network.records import options_in

    jobs = {o.id: o for o in options_in(s)}
    for pid in dict.fromkeys(person_ids):
        o = jobs.get(pid)
        if o is not None:
            s.add(EventParticipant(event_id=event_id, person_id=pid, full_name=o.full_name,
                                   organization_id=o.organization_id or None,
                                   position=o.position, role="участник",
                                   registered_on=clock.today()))


def candidate_events(association_id: str) -> list[tuple[str, str]]:
    """(event id, «дд.мм.гггг — название») of the «заседание РМО» events of the association's
    year that no meeting of any association is linked to."""
    with session_scope() as s:
        association = _association(s, association_id)
        first, last = rules.year_bounds(association.year)
        linked = select(NetworkMeeting.event_id).where(NetworkMeeting.event_id.is_not(None))
        query = select(Event.id, Event.starts_at, Event.title).where(
            Event.kind == MEETING_EVENT_KIND, Event.id.not_in(linked),
            Event.starts_at >= datetime.combine(first, datetime.min.time()),
            Event.starts_at < datetime.combine(last, datetime.max.time())).order_by(
            Event.starts_at)
        return [(i, f"{t:%d.%m.%Y} — {title}") for i, t, title in s.execute(query)]


def attach_meeting(data: MeetingData, event_id: str) -> str:
    """A meeting of the plan made of an existing «заседание РМО» event (the same row)."""
    data = replace(data, theme=data.theme.strip(), id=None)
    with session_scope() as s:
        association = _association(s, data.association_id)
        event = s.get(Event, event_id)
        if event is None:
            raise NotFound("Мероприятие не найдено: возможно, его удалили.")
        if event.kind != MEETING_EVENT_KIND:
            raise ServiceError(f"«{event.title}» — {event.kind}, а не {MEETING_EVENT_KIND}: "
                               "к плану объединения присоединяются только заседания РМО.")
        taken = s.scalar(select(NetworkMeeting.id).where(NetworkMeeting.event_id == event_id))
        if taken is not None:
            raise ServiceError(f"«{event.title}» уже в плане другого объединения.")
        data = replace(data, theme=data.theme or event.title)
        problems = validate_meeting(data, event.starts_at.date(), association.year)
        if problems:
            raise ValidationFailed(problems)
        meeting = NetworkMeeting(**{n: getattr(data, n) for n in _FIELDS if n != "event_id"})
        meeting.event_id = event.id
        s.add(meeting)
        s.flush()
        return meeting.id


def save_meeting(data: MeetingData, slot: Slot | None = None) -> None:
    """Change the plan's fields and the protocol; with a `slot`, move the event itself."""
    with session_scope() as s:
        meeting = s.get(NetworkMeeting, data.id)
        if meeting is None:
            raise NotFound("Заседание не найдено: возможно, его удалили.")
        association = _association(s, meeting.association_id)
        event = s.get(Event, meeting.event_id) if meeting.event_id else None
        day = slot.starts_at.date() if slot else None
        problems = validate_meeting(data, day, association.year)
        if problems:
            raise ValidationFailed(problems)
        for name in _FIELDS:
            if name not in ("association_id", "event_id"):
                setattr(meeting, name, getattr(data, name))
        if event is not None and slot is not None:
            event.starts_at, event.ends_at = slot.starts_at, slot.ends_at
            event.place_organization_id = slot.place_organization_id
            event.place_text = slot.place_text
        if event is not None:
            event.title = _title(association, data.theme)


def delete_meetings(ids: Sequence[str], with_events: bool = False) -> None:
    """Delete meetings of the plan with their decisions; their events stay in the calendar
    unless `with_events`."""
    with session_scope() as s:
        for meeting in s.scalars(select(NetworkMeeting).where(NetworkMeeting.id.in_(list(ids)))):
            event = s.get(Event, meeting.event_id) if meeting.event_id else None
            s.delete(meeting)
            if with_events and event is not None:
                s.delete(event)


# ---------------------------------------------------------------- attendance

@dataclass(frozen=True)
class Attendee:
    full_name: str
    organization: str
    position: str
    role: str
    attended: bool | None


def attendance(meeting_id: str) -> list[Attendee]:
    """The participants of the meeting's event as the events module keeps them."""
    with session_scope() as s:
        meeting = s.get(NetworkMeeting, meeting_id)
        if meeting is None or meeting.event_id is None:
            return []
        orgs = dict(s.execute(select(Organization.id, Organization.short_name)).all())
        found = s.scalars(select(EventParticipant).where(
            EventParticipant.event_id == meeting.event_id,
            EventParticipant.role.in_(ATTENDING_ROLES)))
        rows = [Attendee(p.full_name, orgs.get(p.organization_id or "", p.organization_text),
                         p.position, p.role, p.attended) for p in found]
    return sorted(rows, key=lambda a: (a.organization.casefold(), a.full_name.casefold()))


def list_all_meetings(today: date | None = None) -> list[MeetingRow]:
    """The meetings of every association, by date."""
    today = today or clock.today()
    with session_scope() as s:
        return _rows(s, list(s.scalars(select(NetworkMeeting))), today)


def held_without_protocol(today: date | None = None) -> list[MeetingRow]:
    """Every meeting held (by its event) whose protocol is not written."""
    return [r for r in list_all_meetings(today) if r.held and not r.data.has_protocol]


def meeting_association(s: Session, meeting_id: str) -> NetworkAssociation:
    meeting = s.get(NetworkMeeting, meeting_id)
    if meeting is None:
        raise NotFound("Заседание не найдено: возможно, его удалили.")
    return _association(s, meeting.association_id)
