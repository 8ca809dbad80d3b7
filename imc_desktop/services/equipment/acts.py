"""Acts: the list of акты приёма-передачи and о списании; the write-off flow (a commission
draws up the act, items wait «к списанию», and become «списано» when it is confirmed)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from imc_desktop import clock
from imc_desktop.db import session_scope
from imc_desktop.services.common.errors import NotFound, ServiceError
from imc_desktop.services.equipment.history import check_basis, usable_items
from models import EquipmentAct, EquipmentActLine, EquipmentEvent, EquipmentItem, Organization
from models.equipment import (
    ACT_TRANSFER,
    ACT_WRITE_OFF,
    EVENT_MOVE,
    EVENT_STATUS,
    EVENT_WRITE_OFF,
    TO_WRITE_OFF,
    WRITTEN_OFF,
)

__all__ = ["ACT_TRANSFER", "ACT_WRITE_OFF"]


@dataclass(frozen=True)
class ActRow:
    id: str
    kind: str
    number: str
    act_date: date
    from_organization: str
    to_organization: str
    items: int
    total_cost: float
    confirmed: bool
    reason: str
    basis_number: str = ""
    basis_date: date | None = None

    @property
    def basis(self) -> str:
        """«№ 15-од от 29.12.2025» (what is known of it), "" when nothing is."""
        parts = [f"№ {self.basis_number}" if self.basis_number else "",
                 f"от {self.basis_date:%d.%m.%Y}" if self.basis_date else ""]
        return " ".join(p for p in parts if p)


@dataclass(frozen=True)
class ActLine:
    item_id: str
    inventory_number: str
    name: str
    kind: str
    model: str
    serial_number: str
    accepted_on: date | None
    cost: float | None
    organization: str
    room: str


@dataclass(frozen=True)
class ActDetail:
    id: str
    kind: str
    number: str
    act_date: date
    from_organization: str
    to_organization: str
    to_room: str
    to_responsible: str
    reason: str
    chairman: str
    members: tuple[str, ...]
    confirmed: bool
    confirmed_on: date | None
    lines: tuple[ActLine, ...]
    from_organization_id: str | None = None
    to_organization_id: str | None = None
    basis_number: str = ""
    basis_date: date | None = None


def list_acts() -> list[ActRow]:
    src, dst = aliased(Organization), aliased(Organization)
    totals = (select(EquipmentActLine.act_id, func.count().label("n"),
                     func.coalesce(func.sum(EquipmentItem.cost), 0.0).label("total"))
              .join(EquipmentItem, EquipmentItem.id == EquipmentActLine.item_id)
              .group_by(EquipmentActLine.act_id).subquery())
    query = (select(EquipmentAct, src.short_name, dst.short_name, totals.c.n, totals.c.total)
             .outerjoin(src, src.id == EquipmentAct.from_organization_id)
             .outerjoin(dst, dst.id == EquipmentAct.to_organization_id)
             .outerjoin(totals, totals.c.act_id == EquipmentAct.id)
             .order_by(EquipmentAct.act_date.desc(), EquipmentAct.number))
    with session_scope() as s:
        return [ActRow(a.id, a.kind, a.number, a.act_date, f or "", t or "", n or 0,
                       float(total or 0), a.confirmed, a.reason, a.basis_number, a.basis_date)
                for a, f, t, n, total in s.execute(query)]


def _lines(s: Session, act_id: str) -> tuple[ActLine, ...]:
    """The act's items, each where it stood before the act: a transfer act's items are
    placed as its move events recorded them («ОО, каб.»), not where they are now."""
    rows = s.execute(select(EquipmentItem, Organization.short_name)
                     .join(EquipmentActLine, EquipmentActLine.item_id == EquipmentItem.id)
                     .outerjoin(Organization, Organization.id == EquipmentItem.organization_id)
                     .where(EquipmentActLine.act_id == act_id)
                     .order_by(EquipmentItem.inventory_number))
    moved_from = {item_id: place for item_id, place in s.execute(
        select(EquipmentEvent.item_id, EquipmentEvent.from_text).where(
            EquipmentEvent.act_id == act_id, EquipmentEvent.kind == EVENT_MOVE))}
    return tuple(ActLine(x.id, x.inventory_number, x.name, x.kind, x.model, x.serial_number,
                         x.accepted_on, x.cost, *((moved_from[x.id], "") if x.id in moved_from
                                                  else (org or "", x.room)))
                 for x, org in rows)


def _org(s: Session, org_id: str | None) -> str:
    org = s.get(Organization, org_id) if org_id else None
    return org.full_name or org.short_name if org else ""


def act_detail(act_id: str) -> ActDetail:
    with session_scope() as s:
        a = s.get(EquipmentAct, act_id)
        if a is None:
            raise NotFound("Акт не найден: возможно, его удалили.")
        members = tuple(x.strip() for x in a.members.splitlines() if x.strip())
        return ActDetail(a.id, a.kind, a.number, a.act_date, _org(s, a.from_organization_id),
                         _org(s, a.to_organization_id), a.to_room, a.to_responsible, a.reason,
                         a.chairman, members, a.confirmed, a.confirmed_on, _lines(s, a.id),
                         a.from_organization_id, a.to_organization_id, a.basis_number,
                         a.basis_date)


def set_basis(act_id: str, number: str, day: date | None) -> None:
    """Record the order an act was drawn up by, when it was not known as the act was made
    (it prints on the act's form as «Основание: приказ № … от …»)."""
    with session_scope() as s:
        act = s.get(EquipmentAct, act_id)
        if act is None:
            raise NotFound("Акт не найден: возможно, его удалили.")
        check_basis(number, day, act.act_date)
        act.basis_number, act.basis_date = number.strip(), day


def latest_act_id(kind: str) -> str | None:
    with session_scope() as s:
        return s.scalar(select(EquipmentAct.id).where(EquipmentAct.kind == kind)
                        .order_by(EquipmentAct.act_date.desc(),
                                  EquipmentAct.created_at.desc()).limit(1))


# ---------------------------------------------------------------- write-off

@dataclass(frozen=True)
class WriteOffData:
    act_date: date
    number: str
    reason: str
    chairman: str
    members: tuple[str, ...]
    #: The order the act is drawn up by (номер и дата приказа), blank when not known yet.
    basis_number: str = ""
    basis_date: date | None = None


def _check_write_off(data: WriteOffData) -> None:
    check_basis(data.basis_number, data.basis_date, data.act_date)
    problems = [text for bad, text in (
        (not data.number.strip(), "номер акта"), (not data.reason.strip(), "причину списания"),
        (not data.chairman.strip(), "председателя комиссии"),
        (len([m for m in data.members if m.strip()]) < 2, "не менее двух членов комиссии"))
        if bad]
    if problems:
        raise ServiceError("Для акта о списании укажите " + ", ".join(problems) + ".")


def create_write_off(item_ids: Sequence[str], data: WriteOffData) -> str:
    """Draw up the act: the items wait «к списанию» until it is confirmed. The act's id."""
    _check_write_off(data)
    with session_scope() as s:
        items = usable_items(s, item_ids)
        pending = _pending_write_off(s, [x.id for x in items])
        if pending:
            raise ServiceError(f"Уже в неутверждённом акте о списании: {', '.join(pending)}.")
        orgs = {x.organization_id for x in items}
        act = EquipmentAct(kind=ACT_WRITE_OFF, number=data.number.strip(),
                           act_date=data.act_date, reason=data.reason.strip(),
                           chairman=data.chairman.strip(),
                           members="\n".join(m.strip() for m in data.members if m.strip()),
                           from_organization_id=next(iter(orgs)) if len(orgs) == 1 else None,
                           basis_number=data.basis_number.strip(),
                           basis_date=data.basis_date)
        s.add(act)
        s.flush()
        for item in items:
            s.add(EquipmentActLine(act_id=act.id, item_id=item.id, previous_status=item.status))
            if item.status != TO_WRITE_OFF:
                s.add(EquipmentEvent(item_id=item.id, kind=EVENT_STATUS,
                                     event_date=data.act_date, act_id=act.id,
                                     from_text=item.status, to_text=TO_WRITE_OFF))
                item.status = TO_WRITE_OFF
        act_id = act.id
    return act_id


def _pending_write_off(s: Session, item_ids: list[str]) -> list[str]:
    rows = s.execute(select(EquipmentItem.inventory_number)
                     .join(EquipmentActLine, EquipmentActLine.item_id == EquipmentItem.id)
                     .join(EquipmentAct, EquipmentAct.id == EquipmentActLine.act_id)
                     .where(EquipmentAct.kind == ACT_WRITE_OFF,
                            EquipmentAct.confirmed.is_(False),
                            EquipmentItem.id.in_(item_ids)))
    return [r[0] for r in rows]


def _write_off_act(s: Session, act_id: str) -> EquipmentAct:
    act = s.get(EquipmentAct, act_id)
    if act is None or act.kind != ACT_WRITE_OFF:
        raise NotFound("Акт о списании не найден: возможно, его удалили.")
    if act.confirmed:
        raise ServiceError(f"Акт № {act.number} уже утверждён.")
    return act


def confirm_write_off(act_id: str, confirmed_on: date | None = None) -> int:
    """The act is approved: its items become «списано». How many items."""
    with session_scope() as s:
        act = _write_off_act(s, act_id)
        act.confirmed, act.confirmed_on = True, confirmed_on or clock.today()
        lines = s.scalars(select(EquipmentActLine).where(EquipmentActLine.act_id == act_id))
        count = 0
        for line in lines:
            item = s.get(EquipmentItem, line.item_id)
            if item is None:
                continue
            s.add(EquipmentEvent(item_id=item.id, kind=EVENT_WRITE_OFF,
                                 event_date=act.confirmed_on, act_id=act.id,
                                 from_text=item.status, to_text=WRITTEN_OFF,
                                 note=act.reason))
            item.status = WRITTEN_OFF
            count += 1
    return count


def cancel_write_off(act_id: str, today: date | None = None) -> None:
    """Withdraw an unconfirmed act: the items get their former status back."""
    with session_scope() as s:
        act = _write_off_act(s, act_id)
        for line in s.scalars(select(EquipmentActLine).where(EquipmentActLine.act_id == act_id)):
            item = s.get(EquipmentItem, line.item_id)
            if item is not None and item.status != line.previous_status:
                s.add(EquipmentEvent(item_id=item.id, kind=EVENT_STATUS,
                                     event_date=today or clock.today(), from_text=item.status,
                                     to_text=line.previous_status,
                                     note=f"акт о списании № {act.number} отозван"))
                item.status = line.previous_status
        for event in s.scalars(select(EquipmentEvent).where(EquipmentEvent.act_id == act_id)):
            event.act_id = None
        s.delete(act)
