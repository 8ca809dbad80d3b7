"""The history of items: the timeline of events, moves between ОО and rooms (each with an
акт приёма-передачи), repairs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from imc_desktop import clock
from imc_desktop.db import session_scope
from imc_desktop.services.common.errors import NotFound, ServiceError
from models import EquipmentAct, EquipmentActLine, EquipmentEvent, EquipmentItem, Organization
from models.equipment import (
    ACT_TRANSFER,
    EVENT_MOVE,
    EVENT_REPAIR,
    IN_REPAIR,
    IN_USE,
    WRITTEN_OFF,
)


@dataclass(frozen=True)
class EventRow:
    """One event of an item's timeline, with a Russian description."""

    id: str
    item_id: str
    kind: str
    event_date: date
    description: str
    act_id: str | None
    act_number: str
    finished_on: date | None
    cost: float | None


def _describe(e: EquipmentEvent) -> str:
    if e.kind == EVENT_REPAIR:
        parts = [f"исполнитель: {e.contractor}" if e.contractor else "",
                 f"по {e.finished_on:%d.%m.%Y}" if e.finished_on else "не завершён",
                 f"результат: {e.result}" if e.result else "",
                 f"стоимость {e.cost:.2f} руб." if e.cost else "", e.note]
        return "; ".join(p for p in parts if p)
    if e.from_text and e.to_text:
        text = f"{e.from_text} → {e.to_text}"
    else:
        text = e.to_text or e.from_text
    return "; ".join(p for p in (text, e.note) if p)


def history(item_id: str) -> list[EventRow]:
    """The item's events, oldest first."""
    with session_scope() as s:
        rows = s.execute(select(EquipmentEvent, EquipmentAct.number)
                         .outerjoin(EquipmentAct, EquipmentAct.id == EquipmentEvent.act_id)
                         .where(EquipmentEvent.item_id == item_id)
                         .order_by(EquipmentEvent.event_date, EquipmentEvent.created_at))
        return [EventRow(e.id, e.item_id, e.kind, e.event_date, _describe(e), e.act_id,
                         number or "", e.finished_on, e.cost) for e, number in rows]


def usable_items(s: Session, item_ids: Sequence[str]) -> list[EquipmentItem]:
    if not item_ids:
        raise ServiceError("Не выбрано ни одного предмета.")
    items = [s.get(EquipmentItem, i) for i in item_ids]
    found = [x for x in items if x is not None]
    if len(found) != len(item_ids):
        raise NotFound("Часть оборудования не найдена: возможно, его удалили.")
    gone = [x.inventory_number for x in found if x.status == WRITTEN_OFF]
    if gone:
        raise ServiceError(f"Списанное оборудование нельзя перемещать и ремонтировать: "
                           f"{', '.join(gone[:5])}.")
    return found


def _org_name(s: Session, org_id: str | None) -> str:
    org = s.get(Organization, org_id) if org_id else None
    return org.short_name if org else ""


def place_text(s: Session, org_id: str | None, room: str) -> str:
    return ", ".join(x for x in (_org_name(s, org_id), room) if x)


# ---------------------------------------------------------------- moves

@dataclass(frozen=True)
class MoveData:
    to_organization_id: str | None
    to_room: str = ""
    to_responsible: str = ""
    act_date: date | None = None
    act_number: str = ""
    #: The order the transfer is made by (номер и дата приказа), blank when not known yet.
    basis_number: str = ""
    basis_date: date | None = None


def check_basis(number: str, day: date | None, act_date: date) -> None:
    """The order an act is drawn up by comes before the act (or on its day)."""
    if day is not None and day > act_date:
        order = f"приказ № {number.strip()}" if number.strip() else "приказ"
        raise ServiceError(f"Основание акта: {order} от {day:%d.%m.%Y} позже даты акта "
                           f"{act_date:%d.%m.%Y}. Проверьте дату приказа.")


def move_items(item_ids: Sequence[str], move: MoveData) -> str:
    """Move items to another ОО or room; one акт приёма-передачи for all. The act's id."""
    if not move.to_organization_id:
        raise ServiceError("Укажите ОО, в которую передаётся оборудование.")
    when = move.act_date or clock.today()
    check_basis(move.basis_number, move.basis_date, when)
    with session_scope() as s:
        items = usable_items(s, item_ids)
        sources = {x.organization_id for x in items}
        act = EquipmentAct(kind=ACT_TRANSFER, number=move.act_number.strip(), act_date=when,
                           from_organization_id=next(iter(sources)) if len(sources) == 1
                           else None, to_organization_id=move.to_organization_id,
                           to_room=move.to_room.strip(),
                           to_responsible=move.to_responsible.strip(), confirmed=True,
                           confirmed_on=when, basis_number=move.basis_number.strip(),
                           basis_date=move.basis_date)
        s.add(act)
        s.flush()
        for item in items:
            _move_one(s, act, item)
        act_id = act.id
    return act_id


def _move_one(s: Session, act: EquipmentAct, item: EquipmentItem) -> None:
    before = place_text(s, item.organization_id, item.room)
    s.add(EquipmentActLine(act_id=act.id, item_id=item.id, previous_status=item.status))
    item.organization_id, item.room = act.to_organization_id, act.to_room
    if act.to_responsible:
        item.responsible = act.to_responsible
    s.add(EquipmentEvent(item_id=item.id, kind=EVENT_MOVE, event_date=act.act_date,
                         act_id=act.id, from_text=before,
                         to_text=place_text(s, item.organization_id, item.room)))


# ---------------------------------------------------------------- repairs

@dataclass(frozen=True)
class RepairStart:
    started_on: date
    contractor: str = ""
    note: str = ""


@dataclass(frozen=True)
class RepairEnd:
    finished_on: date
    result: str = ""
    cost: float | None = None
    status_after: str = IN_USE


def send_to_repair(item_ids: Sequence[str], repair: RepairStart) -> int:
    with session_scope() as s:
        items = usable_items(s, item_ids)
        busy = [x.inventory_number for x in items if x.status == IN_REPAIR]
        if busy:
            raise ServiceError(f"Уже в ремонте: {', '.join(busy[:5])}.")
        for item in items:
            s.add(EquipmentEvent(item_id=item.id, kind=EVENT_REPAIR,
                                 event_date=repair.started_on, from_text=item.status,
                                 contractor=repair.contractor.strip(),
                                 note=repair.note.strip()))
            item.status = IN_REPAIR
    return len(items)


def _open_repair(s: Session, item_id: str) -> EquipmentEvent | None:
    return s.scalars(select(EquipmentEvent).where(
        EquipmentEvent.item_id == item_id, EquipmentEvent.kind == EVENT_REPAIR,
        EquipmentEvent.finished_on.is_(None)).order_by(EquipmentEvent.event_date.desc())
    ).first()


def back_from_repair(item_ids: Sequence[str], end: RepairEnd) -> int:
    """Close the open repair of each item (cost is per item) and set the status after it."""
    with session_scope() as s:
        items = usable_items(s, item_ids)
        idle = [x.inventory_number for x in items if x.status != IN_REPAIR]
        if idle:
            raise ServiceError(f"Не в ремонте: {', '.join(idle[:5])}.")
        for item in items:
            event = _open_repair(s, item.id)
            if event is None:
                event = EquipmentEvent(item_id=item.id, kind=EVENT_REPAIR,
                                       event_date=end.finished_on)
                s.add(event)
            if end.finished_on < event.event_date:
                raise ServiceError(f"{item.inventory_number}: ремонт не может кончиться "
                                   f"раньше, чем начался ({event.event_date:%d.%m.%Y}).")
            event.finished_on, event.result, event.cost = (
                end.finished_on, end.result.strip(), end.cost)
            event.to_text = end.status_after  # the status after the repair, for the history
            item.status = end.status_after
    return len(items)
