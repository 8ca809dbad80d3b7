"""Data of the events' documents: finding the event a document is about, the plan's rows,
the period's held events and the participants counted by ОО."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from exports import format_date
from imc_desktop.folding import fold
from imc_desktop.services.common.errors import ServiceError
from imc_desktop.services.events import participants as ep
from imc_desktop.services.events import records as events
from imc_desktop.services.events.participants import ParticipantRow
from imc_desktop.services.events.records import EventRow

AWARDED = frozenset({"победитель", "призёр", "лауреат"})
NO_ORG = "ОО не указана"


def find_event(text: str, where: str, today: date, contest: bool = False) -> EventRow | None:
    """By id or by (a part of) the title; empty text: the nearest event with participants
    (a contest with results when `contest`), None when there is none."""
    rows = events.list_events(today=today)
    text = text.strip()
    if text:
        exact = [r for r in rows if r.id == text]
        words = fold(text)
        found = exact or [r for r in rows if words in fold(r.title)]
        if not found:
            raise ServiceError(f"{where}: мероприятие «{text}» не найдено.")
        return min(found, key=lambda r: abs((r.start_date - today).days))
    candidates = [r for r in rows if r.participants and (not contest or r.kind == "конкурс")]
    if not candidates:
        return None
    return min(candidates, key=lambda r: (abs((r.start_date - today).days), r.start_date))


def when_and_where(row: EventRow) -> str:
    days = format_date(row.starts_at)
    last = row.ends_at.date() if not row.all_day else date.fromordinal(
        row.ends_at.toordinal() - 1)
    if last > row.start_date:
        days += f"–{format_date(last)}"
    time_text = "" if row.all_day else f", {row.time_text}"
    place = f"; место проведения: {row.place}" if row.place else ""
    return f"Дата: {days}{time_text}{place}."


def by_place_and_name(rows: Sequence[ParticipantRow]) -> list[ParticipantRow]:
    return sorted(rows, key=lambda r: (r.data.place or 999, -(r.data.score or 0),
                                       r.data.full_name.casefold()))


@dataclass(frozen=True)
class HeldEvent:
    row: EventRow
    participants: int
    attended: int
    awarded: int


@dataclass(frozen=True)
class OrgCount:
    organization: str
    events: int
    participations: int
    attended: int
    awarded: int


def held_events(first: date, last: date, today: date
                ) -> tuple[list[HeldEvent], list[OrgCount]]:
    """Events of the period that took place, and their participants counted by ОО."""
    rows = [r for r in events.list_events(first, last, today)
            if r.status == "проведено" and first <= r.start_date <= last]
    held: list[HeldEvent] = []
    per_org: dict[str, Counter[str]] = {}
    events_of: dict[str, set[str]] = {}
    for row in rows:
        people = ep.list_participants(row.id)
        held.append(HeldEvent(row, len(people), sum(p.data.attended is True for p in people),
                              sum(p.data.result in AWARDED for p in people)))
        for p in people:
            org = p.organization or NO_ORG
            count = per_org.setdefault(org, Counter())
            count["all"] += 1
            count["attended"] += p.data.attended is True
            count["awarded"] += p.data.result in AWARDED
            events_of.setdefault(org, set()).add(row.id)
    orgs = [OrgCount(org, len(events_of[org]), c["all"], c["attended"], c["awarded"])
            for org, c in per_org.items()]
    orgs.sort(key=lambda o: (o.organization == NO_ORG, o.organization.casefold()))
    return held, orgs
