"""Import of an event's participants from Excel (the kind «event_participants»).

A row names the event (by its title, and its date when several events share the title;
a list imported from an event's participants window may leave the event out)
and a participant: a pedagogue of the register (by СНИЛС, else by ФИО when it is unique)
or, when not found, an external participant with the ОО or organisation as written. The
role, attendance, result, nomination, place and score come along. A participant already in
the event is updated; rows over the event's capacity are skipped with the reason.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from imc_desktop import clock
from imc_desktop.db import current, session_scope
from imc_desktop.folding import fold_spaces
from imc_desktop.importers import ImportField, ImportKind, ImportOptions, ImportRow, ImportSummary
from imc_desktop.services.common.importing import organization_references, register, unit_of_work
from imc_desktop.services.events import rules
from imc_desktop.services.events.records import person_name
from models import Employment, Event, EventParticipant, Person
from models.events import RESULTS, ROLES

RESULT_FIELDS = ("role", "attended", "result", "nomination", "place", "score", "position")


def _f(name: str, title: str, kind: Any = "text", *aliases: str,
       required: bool = False) -> ImportField:
    return ImportField(name, title, kind, required, aliases)


FIELDS = (
    _f("event", "Мероприятие", "text", "Название мероприятия", "Конкурс", "Семинар"),
    _f("event_date", "Дата мероприятия", "date", "Дата проведения", "Дата"),
    _f("last_name", "Фамилия", "text", required=True),
    _f("first_name", "Имя"),
    _f("middle_name", "Отчество"),
    _f("snils", "СНИЛС", "snils", "Страховой номер"),
    _f("organization", "ОО", "text", "Образовательная организация", "Место работы",
       "Организация", "Учреждение", "Школа"),
    _f("position", "Должность"),
    _f("role", "Роль", "text", "В качестве"),
    _f("attended", "Присутствовал", "bool", "Явка", "Присутствие"),
    _f("result", "Результат", "text", "Итог", "Статус участника"),
    _f("nomination", "Номинация"),
    _f("place", "Место", "int", "Занятое место"),
    _f("score", "Балл", "number", "Баллы", "Сумма баллов"),
)


def _text(values: dict[str, Any], name: str) -> str:
    value = values.get(name)
    return "" if value is None else " ".join(str(value).split())


def _fold(text: str) -> str:
    return fold_spaces(text)


def choice_of(text: str, choices: tuple[str, ...]) -> str | None:
    """The choice a cell means: exact or by its beginning («побед.» → победитель)."""
    t = _fold(text).rstrip(".")
    if not t:
        return ""
    for choice in choices:
        if choice and (_fold(choice) == t or (len(t) >= 4 and _fold(choice).startswith(t))):
            return choice
    return None


_into: list[str] = []  # the event a list is imported into from its participants window


@contextmanager
def into_event(event_id: str) -> Iterator[None]:
    """Rows without an «Мероприятие» column go to this event (the participants window)."""
    _into.append(event_id)
    try:
        yield
    finally:
        _into.remove(event_id)


@dataclass(frozen=True)
class _Event:
    id: str
    title: str
    first_day: date
    last_day: date


class _Events:
    """The calendar's events by folded title, and which one a row means."""

    def __init__(self, s: Session) -> None:
        self.by_title: dict[str, list[_Event]] = {}
        for e in s.scalars(select(Event)):
            self.by_title.setdefault(_fold(e.title), []).append(
                _Event(e.id, e.title, e.starts_at.date(), e.ends_at.date()))

    def event(self, values: dict[str, Any]) -> _Event | str:
        if not _text(values, "event"):
            chosen = next((e for group in self.by_title.values() for e in group
                           if _into and e.id == _into[-1]), None)
            return chosen or "укажите мероприятие (столбец «Мероприятие»)"
        found = self.by_title.get(_fold(_text(values, "event")), [])
        day: date | None = values.get("event_date")
        if day is not None:
            found = [e for e in found if e.first_day <= day <= e.last_day]
        if not found:
            return "мероприятие не найдено в календаре: проверьте название и дату"
        if len(found) > 1:
            return "мероприятий с таким названием несколько: укажите дату мероприятия"
        return found[0]


class _Lookup(_Events):
    """Besides the events: the register by СНИЛС and by ФИО, ОО by name."""

    def __init__(self, s: Session) -> None:
        super().__init__(s)
        self.by_snils: dict[str, str] = {}
        self.by_name: dict[str, list[str]] = {}
        for p in s.scalars(select(Person)):
            if p.snils:
                self.by_snils[p.snils] = p.id
            self.by_name.setdefault(_fold(person_name(p)), []).append(p.id)
        self.orgs = {_fold(name): org_id for name, org_id in organization_references().items()}

    def person(self, values: dict[str, Any]) -> str | None:
        snils = _text(values, "snils")
        if snils and snils in self.by_snils:
            return self.by_snils[snils]
        ids = self.by_name.get(_fold(full_name(values)), [])
        return ids[0] if len(ids) == 1 else None


class _CheckCache:
    """The events index for checking rows, built once while one import's rows are checked.

    ``check_row`` gets nothing but a row's values, so the index is kept for the database it
    was read from and a token of the events table (count, last change, sum of changes):
    another database, or any event saved, deleted or synchronised, builds it anew.
    """

    def __init__(self) -> None:
        self.key: tuple[object, ...] | None = None
        self.events: _Events | None = None

    def events_for(self, s: Session) -> _Events:
        token = s.execute(select(func.count(Event.id), func.max(Event.updated_at),
                                 func.total(func.julianday(Event.updated_at)))).one()
        key = (id(current()), str(current().path), *token)
        if self.events is None or key != self.key:
            self.key, self.events = key, _Events(s)
        return self.events


_checking = _CheckCache()


def full_name(values: dict[str, Any]) -> str:
    return " ".join(x for x in (_text(values, n) for n in ("last_name", "first_name",
                                                           "middle_name")) if x)


def check_row(values: dict[str, Any]) -> dict[str, str]:
    with session_scope() as s:
        found = _checking.events_for(s).event(values)
    problems: dict[str, str] = {}
    if isinstance(found, str):
        problems["event_date" if "несколько" in found else "event"] = found
    if choice_of(_text(values, "role"), ROLES) is None:
        problems["role"] = "Роль: " + ", ".join(ROLES) + "."
    if choice_of(_text(values, "result"), RESULTS) is None:
        problems["result"] = "Результат: победитель, призёр, лауреат или участник."
    place, score = values.get("place"), values.get("score")
    if place is not None and place < 1:
        problems["place"] = "Место — целое число от 1."
    if score is not None and score < 0:
        problems["score"] = "Балл не может быть отрицательным."
    return problems


def _participant(s: Session, look: _Lookup, event: Event, values: dict[str, Any]
                 ) -> tuple[EventParticipant, bool]:
    person_id = look.person(values)
    name = full_name(values)
    query = select(EventParticipant).where(EventParticipant.event_id == event.id)
    query = query.where(EventParticipant.person_id == person_id) if person_id else \
        query.where(EventParticipant.person_id.is_(None), EventParticipant.full_name == name)
    existing = s.scalars(query).first()
    if existing is not None:
        return existing, False
    row = EventParticipant(event_id=event.id, person_id=person_id, full_name=name,
                           registered_on=clock.today())
    org_text = _text(values, "organization")
    row.organization_id = look.orgs.get(_fold(org_text))
    row.organization_text = "" if row.organization_id else org_text
    if person_id:
        job = s.scalars(select(Employment).where(Employment.person_id == person_id,
                                                 Employment.left_on.is_(None))).first()
        if job is not None:
            row.organization_id = row.organization_id or job.organization_id
            row.position = job.position
        row.full_name = person_name(s.get(Person, person_id)) or name
    return row, True


def _fill(row: EventParticipant, values: dict[str, Any]) -> None:
    row.role = choice_of(_text(values, "role"), ROLES) or row.role or ROLES[0]
    if "result" in values:
        row.result = choice_of(_text(values, "result"), RESULTS) or ""
    for name in ("nomination", "position"):
        if _text(values, name):
            setattr(row, name, _text(values, name))
    for name in ("place", "score", "attended"):
        if values.get(name) is not None:
            setattr(row, name, values[name])
    if row.result and row.attended is None:
        row.attended = True


def _apply(rows: list[ImportRow], options: ImportOptions) -> ImportSummary:
    created = updated = 0
    skipped: list[tuple[int, str]] = []
    with unit_of_work(options.dry_run) as s:
        look = _Lookup(s)
        for done, item in enumerate(rows):
            options.report(done, len(rows))
            found = look.event(item.values)
            if isinstance(found, str):
                skipped.append((item.row, found))
                continue
            event = s.get_one(Event, found.id)
            row, new = _participant(s, look, event, item.values)
            _fill(row, item.values)
            if new and rules.free_seats(event.capacity, _roles(s, event.id)) is not None and \
                    rules.capacity_problem(event.capacity, _roles(s, event.id), [row.role]):
                skipped.append((item.row, f"«{event.title}»: мест больше нет"))
                continue
            s.add(row)
            s.flush()
            created += new
            updated += not new
    return ImportSummary(created, updated, tuple(skipped), options.dry_run)


def _roles(s: Session, event_id: str) -> list[str]:
    return list(s.scalars(select(EventParticipant.role).where(
        EventParticipant.event_id == event_id)))


PARTICIPANTS = register(ImportKind(
    name="event_participants", title="Участники мероприятий", fields=FIELDS, apply=_apply,
    check_row=check_row, full_name_field=True))
