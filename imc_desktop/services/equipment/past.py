"""The equipment register as it stood on a past date: each item's holder ОО and status
rebuilt from its history.

An item's values change only by events: a move (акт приёма-передачи: from one ОО to
another), a repair (the status before it → «в ремонте» on the start date; «в ремонте» →
the status after it on the finish date), a status change and a write-off (from → to). On a
date, a value is the «before» of the first change after that date; where that is not
recorded, the «after» of the last change up to that date; with no change after the date, the
item's current value (the current values apply after the last event). Only items with
events after the date are rebuilt — one query for their events, then one pass in Python.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from imc_desktop.services.common.rows import bulk_allocation
from models import EquipmentAct, EquipmentEvent, EquipmentItem, Organization
from models.equipment import (
    EVENT_MOVE,
    EVENT_RECEIVED,
    EVENT_REPAIR,
    EVENT_STATUS,
    EVENT_WRITE_OFF,
    IN_REPAIR,
    IN_USE,
    STATUSES,
    WRITTEN_OFF,
)

#: The status of an item before a change that did not record it (old repairs): items are
#: received «в эксплуатации».
UNKNOWN_STATUS = IN_USE


class ItemOnDate(NamedTuple):
    """One item of the fleet on a date, with the holder and status it had then (a named
    tuple: tens of thousands are made at once)."""

    organization_id: str | None
    kind: str
    status: str
    accepted_on: date | None


class Change(NamedTuple):
    """A change of one value: on `when` it went from `before` to `after` (None: not
    recorded). `order` breaks ties within a day (the order the events were entered)."""

    when: date
    order: tuple[int, int]
    before: str | None
    after: str | None


@dataclass
class Story:
    """An item's changes of holder and of status, in the order they happened."""

    places: list[Change] = field(default_factory=list)
    statuses: list[Change] = field(default_factory=list)

    def sort(self) -> None:
        self.places.sort(key=lambda c: (c.when, c.order))
        self.statuses.sort(key=lambda c: (c.when, c.order))


def value_on(changes: Sequence[Change], on: date, current: str | None,
             unknown: str | None) -> str | None:
    """The value on the date (end of that day) from changes sorted by date."""
    later = next((i for i, c in enumerate(changes) if c.when > on), None)
    if later is None:
        return current
    if changes[later].before is not None:
        return changes[later].before
    if later > 0 and changes[later - 1].after is not None:
        return changes[later - 1].after
    return unknown


def _status(text: str) -> str | None:
    return text if text in STATUSES else None


class _Places:
    """Holder ОО of a move: the act's ОО, else the ОО whose short name opens the place text
    («МБОУ СОШ № 1, каб. 5») — a move from several ОО under one act, or without an act,
    records its sides only as text."""

    def __init__(self, names: Iterable[tuple[str, str]]) -> None:
        by_name: dict[str, str | None] = {}
        for org_id, name in names:
            by_name[name] = None if name in by_name else org_id
        self.names = sorted(((n, i) for n, i in by_name.items() if n and i),
                            key=lambda x: -len(x[0]))

    def resolve(self, org_id: str | None, text: str) -> str | None:
        if org_id:
            return org_id
        return next((i for n, i in self.names if text == n or text.startswith(n + ",")),
                    None)


_Row = tuple[str, str, date, date | None, str, str, str | None, str | None]


def _changes_query(on: date) -> Select[*_Row]:
    later = select(EquipmentEvent.item_id).where(
        or_(EquipmentEvent.event_date > on, EquipmentEvent.finished_on > on))
    return (select(EquipmentEvent.item_id, EquipmentEvent.kind, EquipmentEvent.event_date,
                   EquipmentEvent.finished_on, EquipmentEvent.from_text, EquipmentEvent.to_text,
                   EquipmentAct.from_organization_id, EquipmentAct.to_organization_id)
            .outerjoin(EquipmentAct, EquipmentAct.id == EquipmentEvent.act_id)
            .where(EquipmentEvent.kind != EVENT_RECEIVED, EquipmentEvent.item_id.in_(later))
            .order_by(EquipmentEvent.event_date, EquipmentEvent.created_at))


def stories_after(s: Session, on: date) -> dict[str, Story]:
    """The stories of the items that have any event after the date."""
    places = _Places(s.execute(select(Organization.id, Organization.short_name)))
    stories: dict[str, Story] = {}
    for n, row in enumerate(s.connection().execute(_changes_query(on))):
        item_id, kind, when, finished, before, after, from_org, to_org = row
        story = stories.setdefault(item_id, Story())
        if kind == EVENT_MOVE:
            story.places.append(Change(when, (n, 0), places.resolve(from_org, before),
                                       places.resolve(to_org, after)))
        elif kind in (EVENT_STATUS, EVENT_WRITE_OFF):
            story.statuses.append(Change(when, (n, 0), _status(before), _status(after)))
        elif kind == EVENT_REPAIR:
            story.statuses.append(Change(when, (n, 0), _status(before), IN_REPAIR))
            if finished is not None:
                story.statuses.append(Change(finished, (n, 1), IN_REPAIR, _status(after)))
    for story in stories.values():
        story.sort()
    return stories


def _received_after(s: Session, on: date) -> set[str]:
    """Items without an acceptance date whose receipt is recorded after the date."""
    undated = select(EquipmentItem.id).where(EquipmentItem.accepted_on.is_(None))
    first = (select(EquipmentEvent.item_id)
             .where(EquipmentEvent.item_id.in_(undated))
             .group_by(EquipmentEvent.item_id)
             .having(func.min(EquipmentEvent.event_date) > on))
    return set(s.scalars(first))


def fleet_on(s: Session, on: date) -> list[ItemOnDate]:
    """The items that were on the register on the date and not written off by then, with
    the holder and status each had on that date."""
    with bulk_allocation():
        stories, unborn = stories_after(s, on), _received_after(s, on)
        return _rebuilt(s, on, stories, unborn)


def _rebuilt(s: Session, on: date, stories: dict[str, Story],
             unborn: set[str]) -> list[ItemOnDate]:
    items: list[ItemOnDate] = []
    for item_id, org_id, kind, status, accepted in s.connection().execute(
            select(EquipmentItem.id, EquipmentItem.organization_id, EquipmentItem.kind,
                   EquipmentItem.status, EquipmentItem.accepted_on)):
        if (accepted > on) if accepted is not None else item_id in unborn:
            continue
        story = stories.get(item_id)
        if story is not None:
            org_id = value_on(story.places, on, org_id, org_id)
            status = value_on(story.statuses, on, status, UNKNOWN_STATUS) or UNKNOWN_STATUS
        if status != WRITTEN_OFF:
            items.append(ItemOnDate(org_id, kind, status, accepted))
    return items
