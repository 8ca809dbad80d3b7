"""Events: the calendar's rows, saving with repeats and exceptions, moving with clash
warnings, and the reminders shown on start."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from imc_desktop import clock
from imc_desktop.db import session_scope
from imc_desktop.services.common.errors import NotFound, ValidationFailed
from imc_desktop.services.common.records import write_fields
from imc_desktop.services.events import rules
from models import Event, EventParticipant, Organization, Person
from models.base import new_id
from models.events import EVENT_KINDS, EVENT_LEVELS, EVENT_STATUSES, REPEAT_KINDS

TABLES = frozenset({"events", "event_participants", "issued_documents"})
KINDS, LEVELS, STATUSES, REPEATS = EVENT_KINDS, EVENT_LEVELS, EVENT_STATUSES, REPEAT_KINDS
__all__ = ["KINDS", "LEVELS", "REPEATS", "STATUSES"]


@dataclass(frozen=True)
class EventData:
    """An event as the form edits it (times are local, without a time zone). An all-day
    event ends at the midnight after its last day."""

    id: str | None = None
    kind: str = KINDS[0]
    title: str = ""
    description: str = ""
    starts_at: datetime = datetime(2000, 1, 1, 10)
    ends_at: datetime = datetime(2000, 1, 1, 12)
    all_day: bool = False
    place_organization_id: str | None = None
    place_text: str = ""
    organizer_id: str | None = None
    audience_positions: str = ""
    audience_subjects: str = ""
    level: str = LEVELS[0]
    status: str = STATUSES[0]
    capacity: int | None = None
    repeat_kind: str = ""
    repeat_until: date | None = None
    repeat_count: int | None = None
    series_id: str | None = None
    is_exception: bool = False


_FIELDS = [f.name for f in fields(EventData) if f.name != "id"]
_SERIES_FIELDS = ("kind", "title", "description", "all_day", "place_organization_id",
                  "place_text", "organizer_id", "audience_positions", "audience_subjects",
                  "level", "capacity", "repeat_kind", "repeat_until", "repeat_count")


@dataclass(frozen=True)
class EventRow:
    """One event of the calendar and of the list."""

    id: str
    kind: str
    title: str
    starts_at: datetime
    ends_at: datetime
    all_day: bool
    place: str
    place_organization_id: str | None
    organizer_id: str | None
    organizer: str
    audience_positions: str
    audience_subjects: str
    level: str
    status: str
    capacity: int | None
    participants: int
    organization_ids: frozenset[str]
    series_id: str | None
    is_exception: bool
    missing: str

    @property
    def audience(self) -> str:
        return "; ".join(x for x in (self.audience_positions, self.audience_subjects) if x)

    @property
    def start_date(self) -> date:
        return self.starts_at.date()

    @property
    def time_text(self) -> str:
        if self.all_day:
            return "весь день"
        return f"{self.starts_at:%H:%M}–{self.ends_at:%H:%M}"

    @property
    def repeated(self) -> bool:
        return self.series_id is not None


def _data(e: Event) -> EventData:
    return EventData(e.id, **{n: getattr(e, n) for n in _FIELDS})


def person_name(p: Person | None) -> str:
    if p is None:
        return ""
    return " ".join(x for x in (p.last_name, p.first_name, p.middle_name) if x)


# ---------------------------------------------------------------- reading

def list_events(first: date | None = None, last: date | None = None,
                today: date | None = None) -> list[EventRow]:
    """Events that take some day from `first` to `last` (all when not given)."""
    today = today or clock.today()
    with session_scope() as s:
        query = select(Event).order_by(Event.starts_at)
        if first is not None:
            query = query.where(Event.ends_at >= datetime.combine(first, time()))
        if last is not None:
            query = query.where(Event.starts_at < datetime.combine(last + timedelta(1), time()))
        found = list(s.scalars(query))
        return _rows(s, found, today)


def _rows(s: Session, found: list[Event], today: date) -> list[EventRow]:
    org_names = dict(s.execute(select(Organization.id, Organization.short_name)).all())
    people = {p.id: person_name(p) for p in s.scalars(select(Person).where(
        Person.id.in_({e.organizer_id for e in found if e.organizer_id})))}
    stats = _participant_stats(s, [e.id for e in found])
    return [_row(e, org_names, people, stats.get(e.id, _Stats()), today) for e in found]


@dataclass
class _Stats:
    count: int = 0
    attended: int = 0
    results: int = 0
    organizations: frozenset[str] = frozenset()


def _participant_stats(s: Session, ids: list[str]) -> dict[str, _Stats]:
    out: dict[str, _Stats] = {}
    query = select(EventParticipant.event_id, EventParticipant.attended,
                   EventParticipant.result, EventParticipant.organization_id)
    for chunk in (ids[i:i + 500] for i in range(0, len(ids), 500)):
        for event_id, attended, result, org in s.execute(
                query.where(EventParticipant.event_id.in_(chunk))):
            st = out.setdefault(event_id, _Stats())
            st.count += 1
            st.attended += attended is not None
            st.results += bool(result)
            if org:
                st.organizations = st.organizations | {org}
    return out


def _row(e: Event, org_names: dict[str, str], people: dict[str, str], st: _Stats,
         today: date) -> EventRow:
    place = org_names.get(e.place_organization_id or "", "") or e.place_text
    if e.place_organization_id and e.place_text:
        place = f"{place}, {e.place_text}"
    orgs = st.organizations | ({e.place_organization_id} if e.place_organization_id else set())
    missing = rules.results_missing(e.kind, e.status, e.ends_at, today, st.attended,
                                    st.results, st.count)
    return EventRow(e.id, e.kind, e.title, e.starts_at, e.ends_at, e.all_day, place,
                    e.place_organization_id, e.organizer_id,
                    people.get(e.organizer_id or "", ""), e.audience_positions,
                    e.audience_subjects, e.level, e.status, e.capacity, st.count,
                    frozenset(orgs), e.series_id, e.is_exception, missing)


def get_event(event_id: str) -> EventData:
    with session_scope() as s:
        event = s.get(Event, event_id)
        if event is None:
            raise NotFound("Мероприятие не найдено: возможно, его удалили.")
        return _data(event)


def organizer_choices() -> list[tuple[str, str]]:
    """(id, ФИО) of the methodists (by position), else of everybody in the register."""
    from models import Employment

    with session_scope() as s:
        ids = set(s.scalars(select(Employment.person_id).where(
            Employment.position == "методист")))
        query = select(Person).order_by(Person.last_name, Person.first_name)
        if ids:
            query = query.where(Person.id.in_(ids))
        return [(p.id, person_name(p)) for p in s.scalars(query)]


# ---------------------------------------------------------------- validation

def validate_event(data: EventData) -> dict[str, str]:
    p: dict[str, str] = {}
    if not data.title.strip():
        p["title"] = "Укажите название мероприятия."
    if data.kind not in KINDS:
        p["kind"] = "Выберите вид мероприятия из списка."
    if data.level not in LEVELS:
        p["level"] = "Выберите уровень из списка."
    if data.status not in STATUSES:
        p["status"] = "Выберите статус из списка."
    if data.ends_at < data.starts_at:
        p["ends_at"] = "Окончание раньше начала."
    if data.capacity is not None and data.capacity < 1:
        p["capacity"] = "Число мест — не меньше 1 (пусто — без ограничения)."
    if data.id is None:
        p.update(rules.repeat_problems(data.starts_at.date(), data.repeat_kind,
                                       data.repeat_until, data.repeat_count))
    return p


def normalised(data: EventData) -> EventData:
    """All-day events take whole days: from midnight of the first to midnight after the
    last."""
    if not data.all_day:
        return data
    start = datetime.combine(data.starts_at.date(), time())
    end = datetime.combine(max(data.ends_at, data.starts_at).date(), time())
    if data.ends_at.time() != time() or end == start:
        end += timedelta(days=1)
    return replace(data, starts_at=start, ends_at=end)


# ---------------------------------------------------------------- clashes

def _slot(e: Event | EventData) -> rules.Slot:
    return rules.Slot(e.id, e.title, rules.place_key(e.place_organization_id, e.place_text),
                      e.starts_at, e.ends_at, e.status)


def clashes_of(data: EventData) -> list[EventRow]:
    """Events in the same place at an overlapping time (a warning, not a refusal)."""
    candidate = _slot(normalised(data))
    if not candidate.place_key:
        return []
    with session_scope() as s:
        near = list(s.scalars(select(Event).where(
            Event.starts_at < candidate.ends_at, Event.ends_at > candidate.starts_at)))
        ids = {c.id for c in rules.clashes(candidate, map(_slot, near))}
        return _rows(s, [e for e in near if e.id in ids], clock.today())


def moved(data: EventData, day: date) -> EventData:
    """The event moved to start on `day`, keeping its times and length."""
    shift = timedelta(days=(day - data.starts_at.date()).days)
    return replace(data, starts_at=data.starts_at + shift, ends_at=data.ends_at + shift)


# ---------------------------------------------------------------- writing

def save_event(data: EventData, whole_series: bool = False, loaded: EventData | None = None,
               overwrite: bool = False) -> str:
    """Save one event; a new one with a repeat becomes a series of occurrences. With
    `whole_series`, the changes (but not the dates) go to the series' occurrences that were
    not moved or cancelled alone. A lone change of an occurrence makes it an exception.
    A form passes the values it ``loaded``: only what was changed on it is written, and a
    field changed meanwhile elsewhere is :class:`ChangedMeanwhile` unless ``overwrite``."""
    data = normalised(data)
    problems = validate_event(data)
    if problems:
        raise ValidationFailed(problems)
    with session_scope() as s:
        if data.id is None:
            event_id = _create(s, data)
        else:
            base = normalised(loaded) if loaded is not None else None
            event_id = _update(s, data, base, whole_series, overwrite)
    return event_id


def _create(s: Session, data: EventData) -> str:
    days = rules.repeat_dates(data.starts_at.date(), data.repeat_kind, data.repeat_until,
                              data.repeat_count)
    series = new_id() if len(days) > 1 or data.repeat_kind else None
    first_id = ""
    for day in days:
        one = moved(data, day)
        event = Event(**{n: getattr(one, n) for n in _FIELDS})
        event.series_id, event.is_exception = series, False
        s.add(event)
        s.flush()
        first_id = first_id or event.id
    return first_id


_OWN = frozenset({"starts_at", "ends_at", "status"})  # what makes an occurrence an exception


def _update(s: Session, data: EventData, loaded: EventData | None, whole_series: bool,
            overwrite: bool) -> str:
    event = s.get(Event, data.id)
    if event is None:
        raise NotFound("Мероприятие не найдено: возможно, его удалили.")
    names = [n for n in _FIELDS if n not in ("series_id", "is_exception")]
    written = {w[0] for w in write_fields(event, data, loaded, names, "events", overwrite)}
    if event.series_id and whole_series:
        _update_series(s, event, written)
    elif event.series_id and written & _OWN:
        event.is_exception = True
    return event.id


def _update_series(s: Session, source: Event, written: set[str]) -> None:
    """The fields written on ``source`` go to the rest of its series (not to exceptions)."""
    start, end = source.starts_at, source.ends_at
    for other in s.scalars(select(Event).where(Event.series_id == source.series_id,
                                               Event.id != source.id)):
        if other.is_exception:
            continue
        for name in _SERIES_FIELDS:
            if name in written:
                setattr(other, name, getattr(source, name))
        if written & {"starts_at", "ends_at"}:
            day = other.starts_at.date()
            other.starts_at = datetime.combine(day, start.time())
            other.ends_at = datetime.combine(day, start.time()) + (end - start)


def move_event(event_id: str, day: date) -> EventData:
    """Move the event to `day` (an occurrence of a series is moved alone)."""
    loaded = get_event(event_id)
    save_event(moved(loaded, day), loaded=loaded)
    return get_event(event_id)


def cancel_occurrence(event_id: str) -> None:
    """Cancel this event alone (the rest of its series stays)."""
    loaded = get_event(event_id)
    save_event(replace(loaded, status=rules.CANCELLED), loaded=loaded)


def delete_events(event_ids: list[str], whole_series: bool = False) -> int:
    """Delete the events (with their participants); the number deleted."""
    with session_scope() as s:
        found = list(s.scalars(select(Event).where(Event.id.in_(event_ids))))
        if whole_series:
            series = {e.series_id for e in found if e.series_id}
            found += [e for e in s.scalars(select(Event).where(Event.series_id.in_(series)))
                      if e not in found]
        for event in found:
            s.delete(event)
        count = len(found)
    return count


def series_size(series_id: str) -> int:
    with session_scope() as s:
        return int(s.scalar(select(func.count()).where(Event.series_id == series_id)) or 0)


# ---------------------------------------------------------------- reminders

@dataclass(frozen=True)
class Reminders:
    upcoming: tuple[EventRow, ...]
    missing: tuple[EventRow, ...]

    @property
    def empty(self) -> bool:
        return not self.upcoming and not self.missing


def reminders(today: date | None = None, days: int = 7) -> Reminders:
    """The events of the next `days` days (from today) and past events without results."""
    today = today or clock.today()
    rows = list_events(today - timedelta(days=366), today + timedelta(days=days), today)
    upcoming = tuple(r for r in rows if r.ends_at.date() >= today
                     and r.starts_at.date() <= today + timedelta(days=days)
                     and r.status not in (rules.CANCELLED, rules.POSTPONED))
    missing = tuple(r for r in rows if r.missing)
    return Reminders(upcoming, missing)
