"""Rules of the events calendar as pure functions: repeats, clashes of place and time,
capacity, and which past events still lack their results."""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from imc_desktop.folding import fold_spaces
from models.events import EVENT_STATUSES, REPEAT_KINDS, ROLES

WEEKLY, MONTHLY = REPEAT_KINDS[1], REPEAT_KINDS[2]
PLANNED, HELD, CANCELLED, POSTPONED = EVENT_STATUSES
CONTEST = "конкурс"
#: Roles that take a seat: jury members and organisers do not count against the capacity.
SEATED_ROLES = frozenset(ROLES[:2])
MAX_OCCURRENCES = 200


def add_months(day: date, months: int) -> date:
    """The same day `months` later; the 31st becomes the last day of a shorter month."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def repeat_dates(first: date, kind: str, until: date | None = None,
                 count: int | None = None) -> list[date]:
    """The dates of a series: weekly or monthly from `first`, up to `until` (inclusive) or
    `count` occurrences (whichever comes first); a single date when it does not repeat."""
    if kind not in (WEEKLY, MONTHLY) or (until is None and not count):
        return [first]
    limit = min(count or MAX_OCCURRENCES, MAX_OCCURRENCES)
    out: list[date] = []
    i = 0
    while len(out) < limit:
        day = first + timedelta(weeks=i) if kind == WEEKLY else add_months(first, i)
        if until is not None and day > until:
            break
        out.append(day)
        i += 1
    return out


def repeat_problems(first: date, kind: str, until: date | None, count: int | None
                    ) -> dict[str, str]:
    if not kind:
        return {}
    if kind not in (WEEKLY, MONTHLY):
        return {"repeat_kind": "Повтор: еженедельно или ежемесячно."}
    if until is None and not count:
        return {"repeat_until": "Укажите, до какой даты или сколько раз повторять."}
    if until is not None and until < first:
        return {"repeat_until": "Повтор «до» раньше первого мероприятия."}
    if count is not None and not 1 <= count <= MAX_OCCURRENCES:
        return {"repeat_count": f"Число повторений — от 1 до {MAX_OCCURRENCES}."}
    return {}


@dataclass(frozen=True)
class Slot:
    """What a clash is judged on: the event, its place and its time."""

    id: str | None
    title: str
    place_key: str  # an ОО id or the normalised free text; "" = no place
    starts_at: datetime
    ends_at: datetime
    status: str = PLANNED


def place_key(organization_id: str | None, place_text: str) -> str:
    if organization_id:
        return organization_id
    return fold_spaces(place_text)


def clashes(candidate: Slot, others: Iterable[Slot]) -> list[Slot]:
    """Other events in the same place whose time overlaps (cancelled and postponed ones
    free their place)."""
    if not candidate.place_key:
        return []
    return [o for o in others
            if o.id != candidate.id and o.place_key == candidate.place_key
            and o.status not in (CANCELLED, POSTPONED)
            and o.starts_at < candidate.ends_at and candidate.starts_at < o.ends_at]


def seats_taken(roles: Iterable[str]) -> int:
    return sum(1 for r in roles if r in SEATED_ROLES)


def free_seats(capacity: int | None, roles: Iterable[str]) -> int | None:
    """None when the capacity is not limited."""
    return None if capacity is None else capacity - seats_taken(roles)


def capacity_problem(capacity: int | None, roles: Sequence[str], adding: Sequence[str]
                     ) -> str:
    """The refusal when adding these roles exceeds the capacity, else ""."""
    free = free_seats(capacity, roles)
    wanted = seats_taken(adding)
    if free is None or wanted <= free:
        return ""
    return (f"Мест: {capacity}, занято: {seats_taken(roles)}; добавить можно ещё "
            f"{max(free, 0)}, а выбрано {wanted}.")


def results_missing(kind: str, status: str, ends_at: datetime, today: date,
                    attendance_marked: int, results: int, participants: int) -> str:
    """Why a past event still needs its results (else ""): the status was left
    «планируется», nobody's attendance is marked, or a contest has no results."""
    if ends_at.date() >= today or status in (CANCELLED, POSTPONED):
        return ""
    if status == PLANNED:
        return "не отмечено, что проведено"
    if participants and not attendance_marked:
        return "не отмечена явка"
    if kind == CONTEST and participants and not results:
        return "нет итогов конкурса"
    return ""
