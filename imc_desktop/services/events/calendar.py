"""The calendar's layout as pure functions: the weeks of a month (Monday first), what fits
in a day's cell («ещё N»), and the lanes of overlapping events in a week's time slots."""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Generic, Protocol, TypeVar


class Timed(Protocol):
    @property
    def starts_at(self) -> datetime: ...

    @property
    def ends_at(self) -> datetime: ...

    @property
    def all_day(self) -> bool: ...


T = TypeVar("T", bound=Timed)


def month_weeks(year: int, month: int) -> list[list[date]]:
    """The weeks (Monday to Sunday) that hold the days of the month: 4 to 6 rows."""
    first = date(year, month, 1)
    start = first - timedelta(days=first.weekday())
    last = date(year, month, calendar.monthrange(year, month)[1])
    weeks: list[list[date]] = []
    day = start
    while day <= last:
        weeks.append([day + timedelta(days=i) for i in range(7)])
        day += timedelta(days=7)
    return weeks


def week_of(day: date) -> list[date]:
    """Monday to Sunday of the week that holds `day`."""
    monday = day - timedelta(days=day.weekday())
    return [monday + timedelta(days=i) for i in range(7)]


def days_of(item: Timed) -> list[date]:
    """Every day the event takes (an end at midnight does not take that day)."""
    first = item.starts_at.date()
    last = item.ends_at.date()
    if item.ends_at.time() == datetime.min.time() and last > first:
        last -= timedelta(days=1)
    last = max(first, last)
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


@dataclass(frozen=True)
class DayCell(Generic[T]):
    day: date
    shown: tuple[T, ...]
    more: int  # how many are left out: shown as «ещё N»

    @property
    def more_text(self) -> str:
        return f"ещё {self.more}" if self.more else ""


def day_cells(days: Sequence[date], items: Sequence[T], lines: int) -> dict[date, DayCell[T]]:
    """What each day shows in `lines` lines: all-day first, then by start time. When more
    events than lines fall on a day, the last line says «ещё N» instead of an event."""
    by_day: dict[date, list[T]] = {d: [] for d in days}
    for item in items:
        for d in days_of(item):
            if d in by_day:
                by_day[d].append(item)
    cells: dict[date, DayCell[T]] = {}
    for d, found in by_day.items():
        found.sort(key=lambda x: (not x.all_day, x.starts_at, x.ends_at))
        if len(found) <= lines:
            cells[d] = DayCell(d, tuple(found), 0)
        else:
            keep = max(lines - 1, 0)
            cells[d] = DayCell(d, tuple(found[:keep]), len(found) - keep)
    return cells


@dataclass(frozen=True)
class Placed(Generic[T]):
    """An event in a week's time grid: its day column, its lane among overlapping ones, the
    number of lanes of its group, and its start and end in minutes from midnight."""

    item: T
    column: int
    lane: int
    lanes: int
    top: int
    bottom: int


def _minutes(moment: datetime) -> int:
    return moment.hour * 60 + moment.minute


def week_slots(days: Sequence[date], items: Sequence[T], minimum: int = 30
               ) -> list[Placed[T]]:
    """Timed events of the days placed in lanes so that overlapping ones sit side by side.
    An event shorter than `minimum` minutes is drawn `minimum` minutes tall."""
    placed: list[Placed[T]] = []
    for column, day in enumerate(days):
        todays = sorted(((max(_start_on(x, day), 0), _end_on(x, day), x) for x in items
                         if not x.all_day and day in days_of(x)), key=lambda t: (t[0], -t[1]))
        placed.extend(_lanes(column, [(top, max(bottom, top + minimum), x)
                                      for top, bottom, x in todays]))
    return placed


def _start_on(item: Timed, day: date) -> int:
    return _minutes(item.starts_at) if item.starts_at.date() == day else 0


def _end_on(item: Timed, day: date) -> int:
    return _minutes(item.ends_at) if item.ends_at.date() == day else 24 * 60


def _lanes(column: int, spans: list[tuple[int, int, T]]) -> list[Placed[T]]:
    out: list[Placed[T]] = []
    group: list[tuple[int, int, int, T]] = []  # top, bottom, lane, item
    group_end = -1
    for top, bottom, item in spans:
        if group and top >= group_end:
            out.extend(_close(column, group))
            group, group_end = [], -1
        busy = {lane for _t, b, lane, _i in group if b > top}
        lane = next(i for i in range(len(group) + 1) if i not in busy)
        group.append((top, bottom, lane, item))
        group_end = max(group_end, bottom)
    out.extend(_close(column, group))
    return out


def _close(column: int, group: list[tuple[int, int, int, T]]) -> list[Placed[T]]:
    lanes = max((lane for *_r, lane, _i in group), default=-1) + 1
    return [Placed(item, column, lane, lanes, top, bottom)
            for top, bottom, lane, item in group]
