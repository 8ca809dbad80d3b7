"""Информатизация ОО (statute 3.2.16): computers per pupil by ОО, the age of the fleet by year
of acceptance, the share of equipment out of order or awaiting write-off."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, or_, select

from imc_desktop.db import session_scope
from imc_desktop.services.equipment.past import ItemOnDate, fleet_on
from models import EquipmentItem, Organization
from models.equipment import COMPUTER_KINDS, IN_REPAIR, TO_WRITE_OFF, WRITTEN_OFF

TOTAL = "Итого по округу"


@dataclass(frozen=True)
class PupilsRow:
    organization: str
    pupils: int
    computers: int

    @property
    def per_100(self) -> float | None:
        """Computers per 100 pupils."""
        return round(100 * self.computers / self.pupils, 1) if self.pupils else None

    @property
    def pupils_per_computer(self) -> float | None:
        return round(self.pupils / self.computers, 1) if self.computers else None


@dataclass(frozen=True)
class AgeRow:
    year: int
    computers: int
    other: int


@dataclass(frozen=True)
class StateRow:
    organization: str
    total: int
    in_repair: int
    to_write_off: int

    @property
    def share(self) -> float:
        """Per cent of items in repair or awaiting write-off."""
        return round(100 * (self.in_repair + self.to_write_off) / self.total, 1) \
            if self.total else 0.0


_Item = ItemOnDate


@dataclass(frozen=True)
class Fleet:
    """What the figures are computed from, read once: items not written off and
    (id, short name, pupils) of the active ОО."""

    items: tuple[_Item, ...]
    organizations: tuple[tuple[str, str, int], ...]


def fleet(on: date | None = None) -> Fleet:
    """The fleet as the register holds it today; with `on`, as it stood on that date: items
    accepted by then and not yet written off, each in the ОО that held it and with the
    status it had then (rebuilt from the history), and the ОО active on that date."""
    with session_scope() as s:
        if on is None:
            items = [_Item(*row) for row in s.execute(
                select(EquipmentItem.organization_id, EquipmentItem.kind,
                       EquipmentItem.status, EquipmentItem.accepted_on)
                .where(EquipmentItem.status != WRITTEN_OFF))]
        else:
            items = fleet_on(s, on)
        orgs = [(i, n, p or 0) for i, n, p in s.execute(
            select(Organization.id, Organization.short_name, Organization.pupils)
            .where(_active(on)).order_by(Organization.short_name))]
    return Fleet(tuple(items), tuple(orgs))


def _active(on: date | None) -> ColumnElement[bool]:
    """ОО active today; with a date, also those reorganised after it."""
    if on is None:
        return Organization.is_active.is_(True)
    return or_(Organization.is_active.is_(True), Organization.reorganized_on > on)


def _items(data: Fleet | None = None) -> tuple[list[_Item], list[tuple[str, str, int]]]:
    """Items not written off, and (id, short name, pupils) of active ОО."""
    if data is None:
        data = fleet()
    return list(data.items), list(data.organizations)


def computers_per_pupil(data: Fleet | None = None) -> list[PupilsRow]:
    """One row per ОО with pupils or computers, then the district total. Computers in
    repair count (they come back); those awaiting write-off do not."""
    items, orgs = _items(data)
    working: dict[str | None, int] = {}
    for x in items:
        if x.kind in COMPUTER_KINDS and x.status != TO_WRITE_OFF:
            working[x.organization_id] = working.get(x.organization_id, 0) + 1
    rows = [PupilsRow(name, pupils, working.get(org_id, 0)) for org_id, name, pupils in orgs
            if pupils or working.get(org_id)]
    return [*rows, PupilsRow(TOTAL, sum(r.pupils for r in rows),
                             sum(r.computers for r in rows))]


def fleet_age(today: date, data: Fleet | None = None) -> list[AgeRow]:
    """Items by year of acceptance (oldest first, a year with none shown as 0 so the chart's
    axis has no gaps); items without a date are left out."""
    by_year: dict[int, list[int]] = {}
    for x in _items(data)[0]:
        if x.accepted_on is None or x.accepted_on > today:
            continue
        counts = by_year.setdefault(x.accepted_on.year, [0, 0])
        counts[0 if x.kind in COMPUTER_KINDS else 1] += 1
    years = range(min(by_year), max(by_year) + 1) if by_year else range(0)
    return [AgeRow(year, *by_year.get(year, [0, 0])) for year in years]


def out_of_order(data: Fleet | None = None) -> list[StateRow]:
    items, orgs = _items(data)
    counts: dict[str | None, list[int]] = {}
    for x in items:
        c = counts.setdefault(x.organization_id, [0, 0, 0])
        c[0] += 1
        c[1] += x.status == IN_REPAIR
        c[2] += x.status == TO_WRITE_OFF
    rows = [StateRow(name, *counts[org_id]) for org_id, name, _ in orgs if org_id in counts]
    return [*rows, StateRow(TOTAL, sum(r.total for r in rows), sum(r.in_repair for r in rows),
                            sum(r.to_write_off for r in rows))]


def average_age(today: date, data: Fleet | None = None) -> float | None:
    """The average age of computers in years (one decimal)."""
    ages = [(today - x.accepted_on).days / 365.25 for x in _items(data)[0]
            if x.kind in COMPUTER_KINDS and x.accepted_on and x.accepted_on <= today]
    return round(sum(ages) / len(ages), 1) if ages else None
