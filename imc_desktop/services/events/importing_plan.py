"""Import of events from Excel (the kind «events»): a plan typed in a workbook.

A row is one event: its title and start date, and optionally the kind, times, end date,
place (an ОО of the directory by name, else free text), organiser (a pedagogue by ФИО),
audience, level, status, capacity and description. A row repeating an event already in the
calendar (same title, same start) updates it instead of adding a second one.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select

from imc_desktop.folding import fold
from imc_desktop.importers import ImportField, ImportKind, ImportOptions, ImportRow, ImportSummary
from imc_desktop.services.common.importing import organization_references, register, unit_of_work
from imc_desktop.services.events import records as events
from imc_desktop.services.events.importing import choice_of
from imc_desktop.services.events.records import EventData, person_name
from models import Event, Person


def _f(name: str, title: str, kind: Any = "text", *aliases: str,
       required: bool = False) -> ImportField:
    return ImportField(name, title, kind, required, aliases)


FIELDS = (
    _f("title", "Название", "text", "Мероприятие", "Наименование мероприятия", "Тема",
       required=True),
    _f("kind", "Вид", "text", "Форма", "Форма проведения", "Тип"),
    _f("start_date", "Дата", "date", "Дата начала", "Дата проведения", "Срок", required=True),
    _f("start_time", "Время", "text", "Время начала", "Начало"),
    _f("end_date", "Дата окончания", "date"),
    _f("end_time", "Время окончания", "text", "Окончание"),
    _f("place", "Место", "text", "Место проведения", "ОО"),
    _f("organizer", "Ответственный", "text", "Организатор", "Ответственные"),
    _f("audience_positions", "Участники", "text", "Категория участников", "Для кого"),
    _f("level", "Уровень"),
    _f("status", "Статус"),
    _f("capacity", "Мест", "int", "Количество мест", "Вместимость"),
    _f("description", "Описание", "text", "Примечание"),
)


def parse_time(text: str) -> time | None:
    """«10:00», «10.00», «10:00:00», «9» or an Excel fraction of a day; None if not a time."""
    t = text.strip().replace(",", ".")
    if not t:
        return None
    if re.fullmatch(r"0?\.\d+", t):
        minutes = round(float(t) * 24 * 60)
        return time(minutes // 60 % 24, minutes % 60)
    found = re.fullmatch(r"(\d{1,2})(?:[:.](\d{2}))?(?::\d{2})?", t)
    if not found or int(found.group(1)) > 23 or int(found.group(2) or 0) > 59:
        return None
    return time(int(found.group(1)), int(found.group(2) or 0))


def _text(values: dict[str, Any], name: str) -> str:
    value = values.get(name)
    return "" if value is None else " ".join(str(value).split())


def event_of(values: dict[str, Any]) -> EventData:
    """The event a row describes (without the place and organiser lookups)."""
    first: date = values["start_date"]
    start = parse_time(_text(values, "start_time"))
    end = parse_time(_text(values, "end_time"))
    last: date = values.get("end_date") or first
    all_day = start is None
    starts = datetime.combine(first, start or time())
    ends = datetime.combine(last, end) if end else (
        datetime.combine(last, time()) + timedelta(days=1) if all_day
        else starts + timedelta(hours=2))
    return EventData(
        kind=choice_of(_text(values, "kind"), events.KINDS) or events.KINDS[-1],
        title=_text(values, "title"), description=_text(values, "description"),
        starts_at=starts, ends_at=ends, all_day=all_day,
        audience_positions=_text(values, "audience_positions"),
        level=choice_of(_text(values, "level"), events.LEVELS) or events.LEVELS[0],
        status=choice_of(_text(values, "status"), events.STATUSES) or events.STATUSES[0],
        capacity=values.get("capacity"))


def check_row(values: dict[str, Any]) -> dict[str, str]:
    problems: dict[str, str] = {}
    for name in ("start_time", "end_time"):
        if _text(values, name) and parse_time(_text(values, name)) is None:
            problems[name] = f"«{_text(values, name)}» — не время (нужно чч:мм)."
    if _text(values, "kind") and not choice_of(_text(values, "kind"), events.KINDS):
        problems["kind"] = "Вид: " + ", ".join(events.KINDS) + "."
    if problems or values.get("start_date") is None:
        return problems
    found = events.validate_event(events.normalised(event_of(values)))
    return {{"ends_at": "end_date"}.get(k, k): m for k, m in found.items()}


def _organizers() -> dict[str, str]:
    from imc_desktop.db import session_scope

    with session_scope() as s:
        names: dict[str, str] = {}
        for p in s.scalars(select(Person)):
            names.setdefault(fold(person_name(p)), p.id)
        return names


def _apply(rows: list[ImportRow], options: ImportOptions) -> ImportSummary:
    created = updated = 0
    places = {k.casefold(): v for k, v in organization_references().items()}
    people = _organizers()
    with unit_of_work(options.dry_run) as s:
        known = {(e.title.casefold(), e.starts_at): e for e in s.scalars(select(Event))}
        for done, row in enumerate(rows):
            options.report(done, len(rows))
            data = events.normalised(event_of(row.values))
            place = _text(row.values, "place")
            organizer = fold(_text(row.values, "organizer"))
            event = known.get((data.title.casefold(), data.starts_at))
            updated += event is not None
            created += event is None
            event = event or Event()
            for name in ("kind", "title", "description", "starts_at", "ends_at", "all_day",
                         "audience_positions", "level", "status", "capacity"):
                setattr(event, name, getattr(data, name))
            event.place_organization_id = places.get(place.casefold())
            event.place_text = "" if event.place_organization_id else place
            event.organizer_id = people.get(organizer) or event.organizer_id
            s.add(event)
            known[(data.title.casefold(), data.starts_at)] = event
    return ImportSummary(created, updated, (), options.dry_run)


EVENTS = register(ImportKind(name="events", title="Мероприятия (план)", fields=FIELDS,
                             apply=_apply, check_row=check_row))
